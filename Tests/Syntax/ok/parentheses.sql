SELECT (amount + 1) * 2, ((1)), (a OR b) AND c FROM payments;
