SELECT values, table, to, copy, view, "create", insert, into, replace(name, 'a', 'b') AS if
FROM t AS values;
