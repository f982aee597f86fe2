SELECT * FROM persons WHERE name LIKE 'Wang%' OR name NOT LIKE '100!%' ESCAPE '!';
