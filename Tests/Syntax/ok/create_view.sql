CREATE VIEW unpaid AS SELECT * FROM payments WHERE paid_on IS NULL;
CREATE OR REPLACE VIEW students AS
WITH s AS (SELECT * FROM persons WHERE category = 'student') SELECT name FROM s ORDER BY name;
CREATE VIEW IF NOT EXISTS by_scheme AS FROM payments |> AGGREGATE COUNT(*) AS n GROUP BY scheme;
