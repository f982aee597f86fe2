FROM persons |> RIGHT JOIN regions USING (region_code);
