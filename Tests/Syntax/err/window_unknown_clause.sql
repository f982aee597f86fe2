SELECT rank() OVER (GROUP BY scheme) FROM payments;
