-- The data-model question of samples/09_year_on_year_growth_by_province.sql, same SQL (comments dropped).
WITH yearly AS (
    SELECT r.country, r.province, year(pay.period) AS period_year,
           COUNT(DISTINCT pay.person_id) AS paying_persons
    FROM payments pay
    JOIN persons p ON p.person_id = pay.person_id
    JOIN regions r ON r.region_code = p.region_code
    WHERE pay.kind = 'contribution' AND pay.paid_on IS NOT NULL
    GROUP BY r.country, r.province, year(pay.period)
)
SELECT country, province, period_year, paying_persons,
       paying_persons - LAG(paying_persons) OVER (PARTITION BY province ORDER BY period_year) AS growth,
       ROUND(100.0 * (paying_persons - LAG(paying_persons) OVER (PARTITION BY province ORDER BY period_year))
             / LAG(paying_persons) OVER (PARTITION BY province ORDER BY period_year), 1) AS growth_pct
FROM yearly
ORDER BY country, province, period_year;
