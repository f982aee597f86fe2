-- Question 2: contributions collected by province and scheme in the first half of 2024 (Vietnam, in VND;
-- the seed is Quang Ninh's half-year report). "Collected" means paid between 1 January and 30 June.
-- Expect (SF 0.1, seed 42): 36 rows, 9 provinces x 4 schemes. Pension brings in most (employees'
-- social insurance and voluntary participants), then medical (employees monthly; households pay for the
-- year before it starts, so little of theirs falls in this half), unemployment and maternity (employers,
-- once a year). Hanoi leads with about 32.6 billion VND of pension; Quang Ninh collects about 20 billion
-- of pension and 3.5 billion of medical contributions. Drop the country filter to see China in CNY.
SELECT r.province, pay.scheme, pay.currency,
       COUNT(*) AS payments,
       COUNT(DISTINCT pay.person_id) AS payers,
       SUM(pay.amount) AS collected
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE r.country = 'VN'
  AND pay.kind = 'contribution'
  AND pay.paid_on >= '2024-01-01' AND pay.paid_on < '2024-07-01'
GROUP BY r.province, pay.scheme, pay.currency
ORDER BY r.province, collected DESC;
