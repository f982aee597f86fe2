SELECT * FORM persons;
