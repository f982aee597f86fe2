-- Question 8: one person's record with all their payments, as a counter clerk looks it up (person 159).
-- Expect (seed 42, any SF from 0.001): 34 rows for Huang Yuhang, a flexibly employed man in Haixi
-- (茫崖市), Qinghai, whose household is registered in Shandong - the floating population - insured
-- since 2014-12-14. He pays medical and pension contributions every quarter (1,214.88 and 3,037.20 CNY),
-- several first-quarter ones late in the May window, leaves 11 unpaid (arrears), and was treated twice.
-- The LEFT JOIN keeps the person's row even when there are no payments (try a person never insured).
SELECT p.person_id, p.name, p.sex, p.birth_date, p.category, p.status, p.registered_province,
       r.province, r.city, r.district, p.enrolled_on,
       pay.payment_id, pay.period, pay.scheme, pay.kind, pay.amount, pay.currency, pay.due_on, pay.paid_on,
       pay.channel
FROM persons p
JOIN regions r ON r.region_code = p.region_code
LEFT JOIN payments pay ON pay.person_id = p.person_id
WHERE p.person_id = 159
ORDER BY pay.period, pay.payment_id;
