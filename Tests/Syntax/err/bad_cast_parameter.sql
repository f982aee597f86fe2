SELECT CAST(amount AS DECIMAL(14.5)) FROM payments;
