FROM payments |> GROUP BY scheme;
