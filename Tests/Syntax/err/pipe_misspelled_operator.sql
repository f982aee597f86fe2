FROM persons |> WHRE status = 'active';
