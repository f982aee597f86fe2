-- High-cardinality GROUP BY person_id (one group per paying person), then a histogram of the groups.
SELECT payments, COUNT(*) AS persons, SUM(unpaid) AS unpaid
FROM (SELECT person_id, COUNT(*) AS payments, COUNT(*) - COUNT(paid_on) AS unpaid
      FROM payments
      GROUP BY person_id) AS per_person
GROUP BY payments
ORDER BY payments;
