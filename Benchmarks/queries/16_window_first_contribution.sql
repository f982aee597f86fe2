-- Window function over all contributions: each person's first contribution per scheme (ROW_NUMBER).
SELECT scheme, currency, COUNT(*) AS first_payments, SUM(amount) AS first_amount, MIN(period) AS earliest
FROM (SELECT scheme, currency, amount, period,
             ROW_NUMBER() OVER (PARTITION BY person_id, scheme ORDER BY period, payment_id) AS rn
      FROM payments
      WHERE kind = 'contribution') AS ranked
WHERE rn = 1
GROUP BY scheme, currency
ORDER BY scheme, currency;
