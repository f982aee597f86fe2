INSERT INTO visits VALUES (1, DATE '2024-05-01', 12.50, NULL, TRUE), (2, '2024-05-02', 0, 'x', FALSE);
INSERT INTO visits (person_id, fee) VALUES ((SELECT MAX(person_id) FROM persons), -1.5 * 2);
INSERT INTO visits (person_id) SELECT person_id FROM persons WHERE status = 'active';
INSERT INTO visits (SELECT person_id, NULL, NULL, NULL, NULL FROM persons);
INSERT INTO visits FROM persons |> SELECT person_id, NULL, NULL, NULL, NULL;
