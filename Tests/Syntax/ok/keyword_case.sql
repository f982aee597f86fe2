select Distinct name from persons Where employer is not null oRdEr By 1 desc limit 5;
