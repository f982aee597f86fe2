-- Every pipe operator once
FROM persons
|> WHERE status = 'active'
|> SELECT person_id, name, birth_date, region_code, p.*
|> EXTEND EXTRACT(YEAR FROM birth_date) AS born, upper(name) shout
|> SET name = lower(name), born = born + 0
|> DROP shout
|> RENAME born AS birth_year, region_code region
|> AS p
|> JOIN regions r ON p.region = r.region_code
|> LEFT OUTER JOIN payments USING (person_id)
|> INNER JOIN regions r2 USING (region_code)
|> CROSS JOIN (SELECT 1 AS one) o
|> AGGREGATE COUNT(*) AS people, SUM(amount) total GROUP BY province AS prov, birth_year
|> ORDER BY people DESC, prov
|> LIMIT 10 OFFSET 5
|> UNION ALL (SELECT 'x', 1, 2, 3)
|> EXCEPT DISTINCT (FROM regions |> SELECT province, 0, 0, 0)
|> INTERSECT (SELECT 'y', 1, 2, 3)
|> UNION (SELECT 'z', 1, 2, 3)
|> DISTINCT
|> AGGREGATE GROUP BY prov
|> AGGREGATE COUNT(*);
