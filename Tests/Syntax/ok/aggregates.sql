SELECT COUNT(*), COUNT(person_id), COUNT(DISTINCT person_id), SUM(amount), AVG(amount),
       MIN(paid_on), MAX(paid_on) FROM payments;
