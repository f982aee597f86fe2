SELECT * FROM persons |> WHERE status = 'active';
