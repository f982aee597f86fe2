SELECT CAST(amount AS DECIMAL(14, 2, 1)) FROM payments;
