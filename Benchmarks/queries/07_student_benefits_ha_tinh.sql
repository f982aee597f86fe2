-- The data-model question of samples/07_student_benefits_ha_tinh.sql, same SQL (comments dropped).
SELECT r.city,
       COUNT(DISTINCT pay.person_id) AS students_treated,
       COUNT(*) AS benefits,
       SUM(pay.amount) AS total_paid,
       MAX(pay.amount) AS largest
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE r.province = 'Ha Tinh' AND p.category = 'student' AND pay.kind = 'benefit'
GROUP BY r.city
ORDER BY total_paid DESC, r.city;
