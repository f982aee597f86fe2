/* leading block
   comment */ SELECT -- the columns
    person_id,   /* inline */ name
FROM persons -- trailing
;
