-- TPC-H Q13, Customer Distribution: how many customers have made 0, 1, 2, ... orders, not counting orders
-- whose comment mentions special requests.
-- The spec names the derived table's columns as "AS c_orders (c_custkey, c_count)"; SQLite has no column
-- list on a derived table, so the count gets its name inside.
SELECT
    c_count,
    count(*) AS custdist
FROM (
    SELECT
        c_custkey,
        count(o_orderkey) AS c_count
    FROM customer LEFT OUTER JOIN orders
        ON c_custkey = o_custkey AND o_comment NOT LIKE '%special%requests%'
    GROUP BY c_custkey
) AS c_orders
GROUP BY c_count
ORDER BY custdist DESC, c_count DESC;
