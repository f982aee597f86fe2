SELECT name AS full_name, sex s, "birth_date", amount * 2 AS doubled FROM persons AS p;
