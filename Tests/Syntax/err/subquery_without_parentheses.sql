SELECT * FROM persons WHERE region_code IN SELECT region_code FROM regions;
