-- Question 3: arrears - contributions still unpaid (paid_on IS NULL) when the books were read on
-- 2025-03-31 - by city, largest amount first within each country (China in CNY, Vietnam in VND).
-- Expect (SF 0.1, seed 42): 89 rows, every city has some debtors. Xining leads China by far (about
-- 340 debtors owing 5.7 million CNY), ahead of Chengdu and Dongguan; Ya'an owes as much as Nanjing
-- (1.9 million CNY) with a third of its people. In Vietnam Ho Chi Minh City and Hanoi lead, then
-- Hai Phong, Da Nang and Ha Long (Quang Ninh's debts date mostly from 2021-2022: it has been collecting
-- them since); Ha Tinh's cities owe little. The oldest debts were due on 2020-12-31 (for 2021).
SELECT r.country, r.province, r.city, pay.currency,
       COUNT(DISTINCT pay.person_id) AS debtors,
       COUNT(*) AS unpaid_payments,
       SUM(pay.amount) AS unpaid_amount,
       MIN(pay.due_on) AS oldest_due
FROM payments pay
JOIN persons p ON p.person_id = pay.person_id
JOIN regions r ON r.region_code = p.region_code
WHERE pay.paid_on IS NULL
GROUP BY r.country, r.province, r.city, pay.currency
ORDER BY r.country, unpaid_amount DESC, r.city;
