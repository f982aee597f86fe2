COPY regions TO 'r.csv' (HEADER true DELIMITER ';');
