-- INTERSECT binds tighter than UNION and EXCEPT, which are left-associative
SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4;
SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT ALL SELECT a FROM v INTERSECT DISTINCT SELECT a FROM w;
-- A trailing ORDER BY and LIMIT apply to the whole set operation
SELECT region_code FROM persons UNION SELECT region_code FROM regions ORDER BY 1 DESC LIMIT 3 OFFSET 1;
-- Parenthesised operands keep their own ORDER BY and LIMIT
(SELECT name FROM persons ORDER BY birth_date LIMIT 1) UNION ALL (SELECT name FROM persons ORDER BY birth_date DESC LIMIT 1);
SELECT 1 UNION (SELECT 2 UNION SELECT 3);
((SELECT 1)) ORDER BY 1;
-- A query that starts with FROM is a set operand too
FROM regions UNION ALL FROM regions;
