SELECT date, first, last, nulls, year, name, status, kind, period, date(paid_on)
FROM payments date
WHERE date = DATE '2024-01-01'
ORDER BY last NULLS FIRST;
