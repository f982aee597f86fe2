SELECT name，sex FROM persons;
