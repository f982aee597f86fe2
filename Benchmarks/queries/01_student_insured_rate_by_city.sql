-- The data-model question of samples/01_student_insured_rate_by_city.sql, same SQL (comments dropped).
SELECT r.country, r.province, r.city,
       COUNT(*) AS students,
       SUM(CASE WHEN p.enrolled_on <= '2024-12-31' THEN 1 ELSE 0 END) AS insured,
       ROUND(100.0 * SUM(CASE WHEN p.enrolled_on <= '2024-12-31' THEN 1 ELSE 0 END) / COUNT(*), 1) AS insured_pct
FROM persons p
JOIN regions r ON r.region_code = p.region_code
WHERE p.category = 'student'
GROUP BY r.country, r.province, r.city
ORDER BY insured_pct, r.city;
