-- Question 3 in pipe syntax: unpaid payments (arrears) by city, largest amount first within each country
-- (same answer as 03_arrears_by_city.sql).
FROM payments pay
|> WHERE pay.paid_on IS NULL
|> JOIN persons p ON p.person_id = pay.person_id
|> JOIN regions r ON r.region_code = p.region_code
|> AGGREGATE COUNT(DISTINCT pay.person_id) AS debtors, COUNT(*) AS unpaid_payments,
             SUM(pay.amount) AS unpaid_amount, MIN(pay.due_on) AS oldest_due
   GROUP BY r.country, r.province, r.city, pay.currency
|> ORDER BY country, unpaid_amount DESC, city;
