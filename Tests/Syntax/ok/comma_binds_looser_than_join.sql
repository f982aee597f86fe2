SELECT * FROM regions a, persons b JOIN payments c ON b.person_id = c.person_id, regions d;
