SELECT * FROM persons;
