SELECT name FROM persons WHERE p.* = 1;
