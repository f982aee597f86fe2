SELECT 12abc FROM payments;
