-- Question 6: voluntary social-insurance participants added this year (2024) against last year (2023)
-- in Bac Giang, by city; "added" means enrolled_on falls in that year.
-- Expect (SF 0.1, seed 42): 10 cities; together they added about 350 participants in 2024 against
-- about 200 in 2023 (+75 %), with growth in 9 of the 10 cities (Luc Nam 19 -> 49).
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
