SELECT name FROM persons ORDER BY name UNION SELECT city FROM regions;
