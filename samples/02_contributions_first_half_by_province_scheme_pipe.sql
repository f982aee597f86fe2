-- Question 2 in pipe syntax: contributions collected in Vietnam's provinces by scheme, January to June 2024
-- (same answer as 02_contributions_first_half_by_province_scheme.sql).
FROM payments pay
|> WHERE pay.kind = 'contribution' AND pay.paid_on >= '2024-01-01' AND pay.paid_on < '2024-07-01'
|> JOIN persons p ON p.person_id = pay.person_id
|> JOIN regions r ON r.region_code = p.region_code
|> WHERE r.country = 'VN'
|> AGGREGATE COUNT(*) AS payments, COUNT(DISTINCT pay.person_id) AS payers, SUM(pay.amount) AS collected
   GROUP BY r.province, pay.scheme, pay.currency
|> ORDER BY province, collected DESC;
