SELECT FROM persons;
