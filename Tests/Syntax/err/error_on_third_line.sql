SELECT name,
       status
FROM persons WHERE status = 'active' AND;
