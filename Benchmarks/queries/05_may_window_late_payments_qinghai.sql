-- The data-model question of samples/05_may_window_late_payments_qinghai.sql, same SQL (comments dropped).
SELECT year(pay.paid_on) AS paid_year, r.city,
       COUNT(*) AS late_payments,
       COUNT(DISTINCT pay.person_id) AS persons,
       COUNT(DISTINCT p.registered_province) AS home_provinces,
       SUM(pay.amount) AS amount
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE r.province = 'Qinghai'
  AND p.registered_province <> r.province
  AND p.category <> 'employee'
  AND pay.kind = 'contribution'
  AND pay.paid_on > pay.due_on
  AND month(pay.paid_on) = 5
GROUP BY year(pay.paid_on), r.city
ORDER BY paid_year, late_payments DESC, r.city;
