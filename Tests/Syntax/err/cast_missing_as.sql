SELECT CAST(amount BIGINT) FROM payments;
