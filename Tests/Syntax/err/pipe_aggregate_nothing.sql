FROM payments |> AGGREGATE;
