SELECT -amount * 2 + 1 - 3 / 4 % 5, +1, - -2, 1.5E-2, .5, 3.50, 1e3, 42 FROM payments;
