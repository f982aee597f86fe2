-- Two common table expressions, the second reading the first, one with column names
WITH active AS (SELECT * FROM persons WHERE status = 'active'),
     per_region (region_code, people) AS (SELECT region_code, COUNT(*) FROM active GROUP BY region_code)
SELECT r.province, SUM(people) AS total
FROM per_region JOIN regions r USING (region_code)
GROUP BY r.province
ORDER BY total DESC;
-- A WITH inside a subquery, and a pipe query as a common table expression
WITH unpaid AS (FROM payments |> WHERE paid_on IS NULL)
SELECT (WITH n AS (SELECT COUNT(*) AS c FROM unpaid) SELECT c FROM n) AS unpaid_count;
-- WITH before a pipe: the names are in scope for every step
WITH cn AS (SELECT region_code FROM regions WHERE country = 'CN')
FROM persons |> WHERE region_code IN (SELECT region_code FROM cn) |> SELECT name;
