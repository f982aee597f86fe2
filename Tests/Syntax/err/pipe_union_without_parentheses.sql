FROM persons |> UNION ALL SELECT * FROM persons;
