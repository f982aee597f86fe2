SELECT * FROM persons p
INNER JOIN regions r ON p.region_code = r.region_code
LEFT OUTER JOIN payments USING (person_id)
LEFT JOIN payments pay2 ON pay2.person_id = p.person_id AND pay2.kind = 'benefit'
CROSS JOIN regions r2;
