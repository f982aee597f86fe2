-- Selective filter: the largest Chinese payments (about 0.0015 % of the rows), returned in full.
SELECT payment_id, person_id, scheme, kind, period, amount, paid_on
FROM payments
WHERE currency = 'CNY' AND amount >= 140000
ORDER BY payment_id;
