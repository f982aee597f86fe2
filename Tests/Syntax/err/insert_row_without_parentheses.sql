INSERT INTO visits VALUES (1, 'a'), 2;
