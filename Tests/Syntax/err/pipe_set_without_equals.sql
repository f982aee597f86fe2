FROM payments |> SET amount amount / 100;
