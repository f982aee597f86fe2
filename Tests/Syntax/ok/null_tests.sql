SELECT * FROM payments WHERE paid_on IS NULL OR employer IS NOT NULL;
