SELECT * FROM persons WHERE name = 'Wang;
