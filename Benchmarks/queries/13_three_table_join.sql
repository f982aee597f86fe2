-- Three-table join of every payment with its person and region, grouped by country and category.
SELECT r.country, p.category, pay.currency,
       COUNT(*) AS payments,
       SUM(pay.amount) AS total,
       MAX(r.population) AS largest_population
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
GROUP BY r.country, p.category, pay.currency
ORDER BY r.country, p.category, pay.currency;
