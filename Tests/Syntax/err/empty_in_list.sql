SELECT * FROM payments WHERE scheme IN ();
