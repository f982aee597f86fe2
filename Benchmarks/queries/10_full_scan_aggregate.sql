-- Full scan: every payment, aggregated into a few groups (low-cardinality GROUP BY over all columns' worth of work).
SELECT scheme, kind, currency,
       COUNT(*) AS payments,
       COUNT(paid_on) AS paid,
       SUM(amount) AS total,
       MIN(amount) AS smallest,
       MAX(amount) AS largest,
       MIN(due_on) AS first_due,
       MAX(paid_on) AS last_paid
FROM payments
GROUP BY scheme, kind, currency
ORDER BY scheme, kind, currency;
