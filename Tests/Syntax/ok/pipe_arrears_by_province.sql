-- Arrears by province; currency is a grouping key because CNY and VND must not be summed
FROM payments
|> WHERE kind = 'contribution' AND paid_on IS NULL
|> JOIN persons USING (person_id)
|> JOIN regions USING (region_code)
|> EXTEND EXTRACT(YEAR FROM period) AS yr
|> AGGREGATE COUNT(*) AS unpaid, SUM(amount) AS arrears
   GROUP BY country, province, currency, yr
|> ORDER BY country, province, currency, yr
|> LIMIT 20;
