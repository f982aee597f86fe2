SELECT * FROM 'data/visits.csv';
SELECT v.person_id, p.name FROM 'visits.csv' AS v JOIN persons p USING (person_id);
FROM 'it''s.csv' x |> WHERE x.a > 1 |> JOIN 'other.csv' USING (a);
