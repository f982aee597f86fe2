SELECT CASE WHEN amount > 1 THEN 'x' FROM payments;
