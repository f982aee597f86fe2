EXPLAIN SELECT name FROM persons WHERE category = 'student';
explain analyze FROM payments |> WHERE paid_on IS NULL |> AGGREGATE COUNT(*) GROUP BY currency;
EXPLAIN (ANALYZE, TIMING OFF) SELECT COUNT(*) FROM persons;
EXPLAIN (ANALYZE false) SELECT 1;
EXPLAIN (TIMING ON, ANALYZE TRUE) SELECT 1;
EXPLAIN (SELECT 1) UNION ALL (SELECT 2);
SELECT explain, analyze, timing, off FROM t;
