SELECT amount ? 2 FROM payments;
