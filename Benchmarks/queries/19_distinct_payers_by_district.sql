-- COUNT(DISTINCT person_id) per district (about 2,000 groups, through the join to persons): the persons who
-- paid in 2024, and their payments.
SELECT p.region_code AS region_code,
       COUNT(DISTINCT pay.person_id) AS payers,
       COUNT(*) AS payments
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
WHERE pay.paid_on >= '2024-01-01' AND pay.paid_on < '2025-01-01'
GROUP BY p.region_code
ORDER BY p.region_code;
