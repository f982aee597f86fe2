SELEC * FROM persons;
