-- Arrears: unpaid amounts by city, largest first
SELECT r.city, SUM(pay.amount) AS unpaid
FROM payments pay, persons p, regions r
WHERE pay.person_id = p.person_id AND p.region_code = r.region_code AND pay.paid_on IS NULL
GROUP BY r.city
ORDER BY unpaid DESC
LIMIT 20;
