FROM persons |> FILTER status = 'active';
