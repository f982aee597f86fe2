FROM persons;
