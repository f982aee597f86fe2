-- Question 5 in pipe syntax: late contributions paid in the May backfill window by Qinghai's floating
-- population (same answer as 05_may_window_late_payments_qinghai.sql).
FROM payments pay
|> WHERE pay.kind = 'contribution' AND pay.paid_on > pay.due_on AND month(pay.paid_on) = 5
|> JOIN persons p ON p.person_id = pay.person_id
|> JOIN regions r ON r.region_code = p.region_code
|> WHERE r.province = 'Qinghai' AND p.registered_province <> r.province AND p.category <> 'employee'
|> AGGREGATE COUNT(*) AS late_payments, COUNT(DISTINCT pay.person_id) AS persons,
             COUNT(DISTINCT p.registered_province) AS home_provinces, SUM(pay.amount) AS amount
   GROUP BY year(pay.paid_on) AS paid_year, r.city
|> ORDER BY paid_year, late_payments DESC, city;
