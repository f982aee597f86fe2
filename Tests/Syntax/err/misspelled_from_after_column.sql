SELECT name FORM persons;
