-- Question 6 in pipe syntax: voluntary participants added in 2024 against 2023 in Bac Giang's cities
-- (same answer as 06_voluntary_added_bac_giang.sql).
FROM persons p
|> WHERE p.category = 'voluntary'
|> JOIN regions r ON r.region_code = p.region_code
|> WHERE r.province = 'Bac Giang'
|> AGGREGATE SUM(CASE WHEN year(p.enrolled_on) = 2023 THEN 1 ELSE 0 END) AS added_2023,
             SUM(CASE WHEN year(p.enrolled_on) = 2024 THEN 1 ELSE 0 END) AS added_2024,
             COUNT(*) AS participants
   GROUP BY r.city
|> EXTEND added_2024 - added_2023 AS growth
|> SELECT city, added_2023, added_2024, growth, participants
|> ORDER BY added_2024 DESC, city;
