-- Correlated EXISTS (a semi join): persons who paid at least one contribution late, by category and residence.
SELECT p.category, p.residence, COUNT(*) AS persons
FROM persons p
WHERE EXISTS (SELECT 1 FROM payments pay
              WHERE pay.person_id = p.person_id AND pay.kind = 'contribution' AND pay.paid_on > pay.due_on)
GROUP BY p.category, p.residence
ORDER BY p.category, p.residence;
