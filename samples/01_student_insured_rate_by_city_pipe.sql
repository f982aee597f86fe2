-- Question 1 in pipe syntax: insured rate of students by city in 2024 (same answer as
-- 01_student_insured_rate_by_city.sql). Each step takes the table that comes in: filter the students,
-- join their region, count per city, then compute and sort the rate.
FROM persons p
|> WHERE p.category = 'student'
|> JOIN regions r ON r.region_code = p.region_code
|> AGGREGATE COUNT(*) AS students,
             SUM(CASE WHEN p.enrolled_on <= '2024-12-31' THEN 1 ELSE 0 END) AS insured
   GROUP BY r.country, r.province, r.city
|> EXTEND ROUND(100.0 * insured / students, 1) AS insured_pct
|> ORDER BY insured_pct, city;
