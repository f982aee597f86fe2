SELECT * FROM persons ORDER name;
