SELECT (amount + 1 FROM payments;
