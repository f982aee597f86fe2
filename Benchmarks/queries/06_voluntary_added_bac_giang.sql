-- The data-model question of samples/06_voluntary_added_bac_giang.sql, same SQL (comments dropped).
SELECT r.city,
       SUM(CASE WHEN year(p.enrolled_on) = 2023 THEN 1 ELSE 0 END) AS added_2023,
       SUM(CASE WHEN year(p.enrolled_on) = 2024 THEN 1 ELSE 0 END) AS added_2024,
       SUM(CASE WHEN year(p.enrolled_on) = 2024 THEN 1 ELSE 0 END)
         - SUM(CASE WHEN year(p.enrolled_on) = 2023 THEN 1 ELSE 0 END) AS growth,
       COUNT(*) AS participants
FROM persons p
JOIN regions r ON r.region_code = p.region_code
WHERE r.province = 'Bac Giang' AND p.category = 'voluntary'
GROUP BY r.city
ORDER BY added_2024 DESC, r.city;
