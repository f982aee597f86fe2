-- Question 4: growth in the number of distinct paying persons, year on year, per province.
-- A paying person made at least one paid contribution for a period in that year. Without window
-- functions the growth is read down the rows: one row per province and year, in order.
-- Expect (SF 0.1, seed 42): 76 rows, 19 provinces x 2021-2024. Every province grows by 6-11 % a year
-- as new members enrol (Qinghai 3,814 -> 4,951); Bac Giang grows fastest, 2,394 -> 3,601 (+50 % in
-- three years), carried by its voluntary participants.
SELECT r.country, r.province, year(pay.period) AS period_year,
       COUNT(DISTINCT pay.person_id) AS paying_persons
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.kind = 'contribution' AND pay.paid_on IS NOT NULL
GROUP BY r.country, r.province, year(pay.period)
ORDER BY r.country, r.province, period_year;
