-- Question 1: insured rate of students (primary and secondary school) by city in 2024.
-- A student counts as insured in 2024 when enrolled_on is on or before 2024-12-31 (NULL: never insured).
-- Expect (default sample, SF 0.1, seed 42): 89 cities, lowest rate first. Xining comes first at about
-- 32 % (124 of 391 students; the seed: under 35 %), then the rest of Qinghai (Haidong 37 %, Yushu 43 %,
-- Haixi 45 %), then Gansu, Yunnan and Sichuan at 64-80 % (Ya'an 69 %); Jiangsu, Zhejiang and Shandong
-- reach 85-97 %, Vietnamese cities 90-100 %, and Ha Tinh's ten cities 98.5-100 % (the seed: 99.2 %).
-- At SF 0.01 the counts are a tenth and the rates noisier.
SELECT r.country, r.province, r.city,
       COUNT(*) AS students,
       SUM(CASE WHEN p.enrolled_on <= '2024-12-31' THEN 1 ELSE 0 END) AS insured,
       ROUND(100.0 * SUM(CASE WHEN p.enrolled_on <= '2024-12-31' THEN 1 ELSE 0 END) / COUNT(*), 1) AS insured_pct
FROM persons p
JOIN regions r ON r.region_code = p.region_code
WHERE p.category = 'student'
GROUP BY r.country, r.province, r.city
ORDER BY insured_pct, r.city;
