SELECT * FROM persons p RIGHT JOIN regions r ON p.region_code = r.region_code;
