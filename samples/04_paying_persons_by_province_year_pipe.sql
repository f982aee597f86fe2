-- Question 4 in pipe syntax: distinct paying persons per province and year, with the growth over the
-- year before (LAG over the aggregated rows; the first year of each province has no growth).
FROM payments pay
|> WHERE pay.kind = 'contribution' AND pay.paid_on IS NOT NULL
|> JOIN persons p ON p.person_id = pay.person_id
|> JOIN regions r ON r.region_code = p.region_code
|> AGGREGATE COUNT(DISTINCT pay.person_id) AS paying_persons
   GROUP BY r.country, r.province, year(pay.period) AS period_year
|> EXTEND paying_persons - LAG(paying_persons) OVER (PARTITION BY province ORDER BY period_year) AS growth
|> ORDER BY country, province, period_year;
