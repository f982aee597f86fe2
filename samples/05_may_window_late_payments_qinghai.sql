-- Question 5: late payments made in the May backfill window (1-31 May) by the floating population of
-- Qinghai: persons whose household is registered in another province (registered_province differs from
-- the province of the region they live in) who paid a contribution after its due date, in May.
-- Employees are left out: their employer pays monthly, and a late April payment is no backfill.
-- Expect (SF 0.1, seed 42): 16 rows, 2021-2024 x 4 cities. Xining has the most and a rising number
-- (68, 79, 88, 98 payments), then Haidong, Haixi and Yushu; the migrants come from all 9 other Chinese
-- provinces. Change the condition to p.registered_province = r.province: locals pay in that window only
-- a handful of times a year.
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
