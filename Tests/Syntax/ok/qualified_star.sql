SELECT p.*, r.city FROM persons p, regions r WHERE p.region_code = r.region_code;
