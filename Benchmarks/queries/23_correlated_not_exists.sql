-- Correlated NOT EXISTS (an anti join): active persons with no paid payment for a 2024 period, by province.
SELECT r.province, COUNT(*) AS without_2024_payment
FROM persons p
JOIN regions r ON r.region_code = p.region_code
WHERE p.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM payments pay
                  WHERE pay.person_id = p.person_id AND pay.paid_on IS NOT NULL AND pay.period >= '2024-01-01')
GROUP BY r.province
ORDER BY r.province;
