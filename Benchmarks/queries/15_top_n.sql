-- ORDER BY with LIMIT over the whole table (top-N); payment_id breaks ties.
SELECT payment_id, person_id, scheme, amount, due_on, paid_on
FROM payments
WHERE currency = 'VND'
ORDER BY amount DESC, payment_id
LIMIT 25;
