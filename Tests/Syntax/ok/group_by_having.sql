-- Contributions collected by province and scheme in the first half of a year
SELECT r.province, pay.scheme, SUM(pay.amount) AS collected
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.kind = 'contribution' AND pay.paid_on BETWEEN '2024-01-01' AND '2024-06-30'
GROUP BY r.province, pay.scheme
HAVING SUM(pay.amount) > 0
ORDER BY collected DESC;
