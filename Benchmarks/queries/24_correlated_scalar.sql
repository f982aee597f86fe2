-- Correlated scalar subquery with an aggregate (TPC-H Q17's shape): benefits larger than twice the person's own
-- average benefit, by scheme.
SELECT pay.scheme, COUNT(*) AS unusual_benefits, SUM(pay.amount) AS amount
FROM payments pay
WHERE pay.kind = 'benefit'
  AND pay.amount > (SELECT 2 * AVG(b.amount) FROM payments b WHERE b.person_id = pay.person_id AND b.kind = 'benefit')
GROUP BY pay.scheme
ORDER BY pay.scheme;
