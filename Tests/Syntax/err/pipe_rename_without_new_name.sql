FROM persons |> RENAME name;
