INSERT visits VALUES (1);
