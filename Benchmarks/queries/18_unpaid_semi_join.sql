-- Subquery: persons with an unpaid payment due before 2023 (IN semi-join), by category and residence.
SELECT category, residence, COUNT(*) AS persons
FROM persons
WHERE person_id IN (SELECT person_id FROM payments WHERE paid_on IS NULL AND due_on < '2023-01-01')
GROUP BY category, residence
ORDER BY category, residence;
