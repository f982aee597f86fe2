-- The data-model question of samples/02_contributions_first_half_by_province_scheme.sql, same SQL (comments dropped).
-- Only change: pay.scheme added to ORDER BY so that the order is total.
SELECT r.province, pay.scheme, pay.currency,
       COUNT(*) AS payments,
       COUNT(DISTINCT pay.person_id) AS payers,
       SUM(pay.amount) AS collected
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE r.country = 'VN'
  AND pay.kind = 'contribution'
  AND pay.paid_on >= '2024-01-01' AND pay.paid_on < '2024-07-01'
GROUP BY r.province, pay.scheme, pay.currency
ORDER BY r.province, collected DESC, pay.scheme;
