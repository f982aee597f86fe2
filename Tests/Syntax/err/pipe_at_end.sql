FROM persons |>
