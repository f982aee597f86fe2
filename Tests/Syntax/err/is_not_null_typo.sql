SELECT * FROM payments WHERE paid_on IS 5;
