-- Scalar subqueries, EXISTS, NOT EXISTS, IN and NOT IN with a query
SELECT name, (SELECT MAX(amount) FROM payments pay WHERE pay.person_id = p.person_id) AS largest
FROM persons p
WHERE EXISTS (SELECT 1 FROM payments pay WHERE pay.person_id = p.person_id)
  AND NOT EXISTS (SELECT 1 FROM payments pay WHERE pay.person_id = p.person_id AND pay.paid_on IS NULL)
  AND p.region_code IN (SELECT region_code FROM regions WHERE country = 'CN')
  AND p.person_id NOT IN (FROM payments |> WHERE kind = 'benefit' |> SELECT person_id);
-- A list that holds a scalar subquery stays a list; NOT before a parenthesised EXISTS folds too
SELECT amount IN ((SELECT MIN(amount) FROM payments), 0), NOT (EXISTS (SELECT 1)), NOT NOT EXISTS (SELECT 1);
-- A subquery is an operand like any other
SELECT (SELECT 1) + 1, -(SELECT 2), ((SELECT 3)), EXISTS (SELECT 1) = TRUE, COUNT((SELECT 1));
SELECT * FROM payments WHERE amount > (SELECT AVG(amount) FROM payments) ORDER BY (SELECT 1);
