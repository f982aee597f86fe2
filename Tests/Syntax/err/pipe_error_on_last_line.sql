SELECT *
FROM payments
|> WHERE kind = 'benefit'
|> AGGREGATE SUM(amount) AS total GROUP BY scheme
|> ORDER BY total DESC
|> LIMT 5;
