SELECT row_number() OVER ORDER BY amount FROM payments;
