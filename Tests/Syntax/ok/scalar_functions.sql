SELECT year(period), month(period), lower(name), upper(name), length(name), substr(name, 1, 2),
       coalesce(employer, 'none'), round(amount, 1), abs(amount), random() FROM persons;
