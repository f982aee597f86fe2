-- Several DISTINCT aggregates per city through the three-table join: paying persons, their employers (text)
-- and the distinct contribution amounts (wide DECIMAL values), with the plain count beside them.
SELECT r.province AS province, r.city AS city,
       COUNT(DISTINCT pay.person_id) AS payers,
       COUNT(DISTINCT p.employer) AS employers,
       COUNT(DISTINCT pay.amount) AS amounts,
       COUNT(*) AS contributions
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.kind = 'contribution'
GROUP BY r.province, r.city
ORDER BY r.province, r.city;
