-- The data-model question of samples/08_person_record.sql, same SQL (comments dropped).
SELECT p.person_id, p.name, p.sex, p.birth_date, p.category, p.status, p.registered_province,
       r.province, r.city, r.district, p.enrolled_on,
       pay.payment_id, pay.period, pay.scheme, pay.kind, pay.amount, pay.currency, pay.due_on, pay.paid_on,
       pay.channel
FROM persons p
JOIN regions r ON r.region_code = p.region_code
LEFT JOIN payments pay ON pay.person_id = p.person_id
WHERE p.person_id = 159
ORDER BY pay.period, pay.payment_id;
