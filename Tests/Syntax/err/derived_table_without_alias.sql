SELECT * FROM (SELECT person_id FROM payments) WHERE person_id > 10;
