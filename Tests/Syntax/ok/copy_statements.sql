COPY regions TO 'regions.csv';
COPY (SELECT * FROM payments WHERE paid_on IS NULL) TO '/tmp/unpaid.csv' (HEADER, DELIMITER ';');
COPY (FROM persons |> LIMIT 3) TO 'p.csv' WITH (HEADER false, FORMAT csv, DELIMITER '|');
