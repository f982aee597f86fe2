SELECT CASE WHEN amount > 1000 THEN 'large' WHEN amount > 100 THEN 'medium' ELSE 'small' END AS size,
       CASE sex WHEN 'F' THEN 'female' WHEN 'M' THEN 'male' END
FROM payments;
