INSERT INTO visits (id, name);
