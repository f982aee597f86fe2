SELECT * FROM payments WHERE amount BETWEEN 1 OR 5;
