-- Comma joins: query 13's three-table join written as FROM a, b, c with the join conditions in WHERE, in another order.
SELECT r.country, p.category, pay.currency,
       COUNT(*) AS payments,
       SUM(pay.amount) AS total
FROM regions r, payments pay, persons p
WHERE p.person_id = pay.person_id AND r.region_code = p.region_code AND r.country = 'CN'
GROUP BY r.country, p.category, pay.currency
ORDER BY r.country, p.category, pay.currency;
