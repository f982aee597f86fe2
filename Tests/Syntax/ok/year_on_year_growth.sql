-- Year-on-year growth of contributions per province: a window over an aggregate in a derived table
WITH yearly AS (
  SELECT r.province, EXTRACT(YEAR FROM pay.period) AS yr, SUM(pay.amount) AS total
  FROM payments pay JOIN persons p USING (person_id) JOIN regions r ON r.region_code = p.region_code
  WHERE pay.kind = 'contribution'
  GROUP BY r.province, EXTRACT(YEAR FROM pay.period)
)
SELECT province, yr, total,
       total - lag(total) OVER (PARTITION BY province ORDER BY yr) AS growth
FROM yearly
ORDER BY province, yr;
