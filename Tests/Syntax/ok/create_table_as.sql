CREATE TABLE arrears AS
SELECT person_id, SUM(amount) AS owed FROM payments WHERE paid_on IS NULL GROUP BY person_id;
CREATE OR REPLACE TABLE cn AS FROM regions |> WHERE country = 'CN';
create table if not exists vn as (SELECT * FROM regions WHERE country = 'VN');
