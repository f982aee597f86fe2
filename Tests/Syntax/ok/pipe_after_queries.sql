-- Pipes may follow any query: a SELECT with ORDER BY and LIMIT, a set operation, a parenthesised query
SELECT * FROM persons ORDER BY name LIMIT 3 |> SELECT name;
SELECT 1 AS x UNION ALL SELECT 2 ORDER BY x |> WHERE x > 1;
(SELECT 1 AS x) |> EXTEND x + 1 AS y;
FROM persons p, regions r |> WHERE p.region_code = r.region_code;
FROM persons;
-- Window functions in EXTEND and pipes inside subqueries
FROM payments
|> EXTEND row_number() OVER (PARTITION BY person_id ORDER BY period) AS n
|> WHERE n = 1 AND person_id IN (FROM persons |> WHERE status = 'suspended' |> SELECT person_id);
