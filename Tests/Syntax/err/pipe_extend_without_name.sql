FROM payments |> EXTEND amount * 2, paid_on;
