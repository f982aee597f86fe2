SELECT * FROM payments WHERE kind = 'benefit' OR scheme = 'medical' AND NOT NOT amount > 100;
