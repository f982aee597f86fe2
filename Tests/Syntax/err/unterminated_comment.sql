SELECT 1 /* a note that never ends
