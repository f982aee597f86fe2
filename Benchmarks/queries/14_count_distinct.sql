-- COUNT(DISTINCT) on a high-cardinality column, per scheme, plus a low-cardinality one.
SELECT scheme,
       COUNT(DISTINCT person_id) AS persons,
       COUNT(DISTINCT channel) AS channels,
       COUNT(*) AS payments
FROM payments
GROUP BY scheme
ORDER BY scheme;
