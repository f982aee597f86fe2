SELECT 'it''s', "a""b", '' AS empty, 'line
break' FROM "weird table";
