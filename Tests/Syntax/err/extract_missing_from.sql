SELECT EXTRACT(YEAR paid_on) FROM payments;
