SELECT name, FROM persons;
