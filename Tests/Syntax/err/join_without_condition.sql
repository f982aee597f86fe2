SELECT * FROM persons p JOIN regions r;
