SELECT * FROM payments WHERE scheme IN ('medical', 'maternity') AND channel NOT IN ('bank');
