-- The data-model question of samples/03_arrears_by_city.sql, same SQL (comments dropped).
SELECT r.country, r.province, r.city, pay.currency,
       COUNT(DISTINCT pay.person_id) AS debtors,
       COUNT(*) AS unpaid_payments,
       SUM(pay.amount) AS unpaid_amount,
       MIN(pay.due_on) AS oldest_due
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.paid_on IS NULL
GROUP BY r.country, r.province, r.city, pay.currency
ORDER BY r.country, unpaid_amount DESC, r.city;
