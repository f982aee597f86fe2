SELECT current_date(1);
