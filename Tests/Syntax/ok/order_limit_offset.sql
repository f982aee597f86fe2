SELECT province, COUNT(*) AS total FROM regions GROUP BY province
ORDER BY province ASC, total DESC NULLS LAST, 2 NULLS FIRST LIMIT 10 OFFSET 20;
