-- Text predicates on persons: LIKE prefix, IN list, date range; grouped by province of registration.
SELECT registered_province, sex, COUNT(*) AS persons, MIN(birth_date) AS oldest, MAX(enrolled_on) AS last_enrolled
FROM persons
WHERE (name LIKE 'Nguyễn%' OR name LIKE '王%' OR name LIKE 'Wang %')
  AND status IN ('active', 'suspended')
  AND birth_date BETWEEN '1960-01-01' AND '1999-12-31'
GROUP BY registered_province, sex
ORDER BY registered_province, sex;
