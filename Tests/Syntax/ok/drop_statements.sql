DROP TABLE visits;
DROP TABLE IF EXISTS "Visits 2";
drop view if exists unpaid;
DROP VIEW if;
