-- Derived tables need an alias; AS may be left out
SELECT t.person_id, t.total
FROM (SELECT person_id, SUM(amount) AS total FROM payments GROUP BY person_id) AS t
WHERE t.total > 100;
SELECT * FROM (SELECT 1 AS x) one, (SELECT 2 AS y UNION SELECT 3) two;
SELECT p.name, s.paid
FROM persons p
LEFT JOIN (FROM payments |> WHERE paid_on IS NOT NULL |> AGGREGATE SUM(amount) AS paid GROUP BY person_id) s
  ON s.person_id = p.person_id;
SELECT * FROM (SELECT * FROM (SELECT * FROM regions) inner_most) middle;
