SELECT city || ', ' || province, 'n' || 1 + 2 FROM regions;
