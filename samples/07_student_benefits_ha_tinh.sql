-- Question 7: benefits paid to students in Ha Tinh (kind = 'benefit', paid out through hospitals):
-- persons treated and total amount, by city.
-- Expect (SF 0.1, seed 42): 10 cities with 5-16 treated students each and 80-400 million VND paid per
-- city; most benefits are a few million VND, the largest single ones (critical illness) up to 220 million.
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
