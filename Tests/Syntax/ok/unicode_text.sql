SELECT name AS 姓名, 'Hà Tĩnh' AS tỉnh, "Nguyễn Văn" FROM persons WHERE city = '西宁';
