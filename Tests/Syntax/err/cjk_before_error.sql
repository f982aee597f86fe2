SELECT 姓名 FROM 人员 WHERE 城市 = ;
