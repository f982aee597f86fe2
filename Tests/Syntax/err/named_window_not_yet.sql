SELECT SUM(amount) OVER w FROM payments;
