-- Ranking, offsets and aggregates over windows
SELECT person_id, amount,
       row_number() OVER (PARTITION BY person_id ORDER BY paid_on DESC NULLS LAST, payment_id) AS n,
       RANK() OVER (ORDER BY amount DESC),
       dense_rank() OVER (PARTITION BY scheme, currency ORDER BY amount),
       lag(amount, 1) OVER (PARTITION BY person_id ORDER BY period) AS previous,
       LEAD(amount) OVER (ORDER BY period),
       SUM(amount) OVER (),
       COUNT(*) OVER (PARTITION BY person_id),
       AVG(amount) OVER (PARTITION BY person_id ORDER BY period) - amount AS gap
FROM payments;
