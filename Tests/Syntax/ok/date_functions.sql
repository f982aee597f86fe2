-- EXTRACT, current_date and the date functions (ordinary calls)
SELECT EXTRACT(YEAR FROM paid_on), extract(month from DATE '2024-05-31') AS m, EXTRACT(day FROM paid_on + 1),
       current_date, CURRENT_DATE(), current_date - birth_date AS days,
       date_trunc('month', paid_on), age(birth_date, current_date), year(period), month(period), day(period)
FROM payments JOIN persons USING (person_id)
WHERE paid_on BETWEEN DATE '2024-01-01' AND current_date - 30;
