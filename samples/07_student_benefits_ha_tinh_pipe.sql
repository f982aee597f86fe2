-- Question 7 in pipe syntax: benefits paid to students in Ha Tinh: persons treated and amounts
-- (same answer as 07_student_benefits_ha_tinh.sql).
FROM payments pay
|> WHERE pay.kind = 'benefit'
|> JOIN persons p ON p.person_id = pay.person_id
|> WHERE p.category = 'student'
|> JOIN regions r ON r.region_code = p.region_code
|> WHERE r.province = 'Ha Tinh'
|> AGGREGATE COUNT(DISTINCT pay.person_id) AS students_treated, COUNT(*) AS benefits,
             SUM(pay.amount) AS total_paid, MAX(pay.amount) AS largest
   GROUP BY r.city
|> ORDER BY total_paid DESC, city;
