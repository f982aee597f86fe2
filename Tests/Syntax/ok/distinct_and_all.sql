SELECT DISTINCT province FROM regions;
SELECT ALL city FROM regions;
