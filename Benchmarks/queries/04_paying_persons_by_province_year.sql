-- The data-model question of samples/04_paying_persons_by_province_year.sql, same SQL (comments dropped).
SELECT r.country, r.province, year(pay.period) AS period_year,
       COUNT(DISTINCT pay.person_id) AS paying_persons
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.kind = 'contribution' AND pay.paid_on IS NOT NULL
GROUP BY r.country, r.province, year(pay.period)
ORDER BY r.country, r.province, period_year;
