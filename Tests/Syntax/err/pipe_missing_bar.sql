FROM persons |> WHERE status = 'active' ORDER BY name;
