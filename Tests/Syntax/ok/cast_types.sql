SELECT CAST(amount AS BIGINT), CAST(amount AS decimal(14, 2)), CAST(name AS varchar(20)),
       CAST('2024-01-01' AS date), CAST(1 AS DOUBLE), CAST(x AS Numeric(10)) FROM payments;
