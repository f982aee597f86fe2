-- TPC-H Q3, Shipping Priority: the 10 unshipped orders of the BUILDING segment with the highest revenue,
-- ordered before and shipped after 1995-03-15.
-- The ORDER BY keys may tie, so checks compare the rows as a multiset:
-- order: partial
SELECT
    l_orderkey,
    sum(l_extendedprice * (1 - l_discount)) AS revenue,
    o_orderdate,
    o_shippriority
FROM customer, orders, lineitem
WHERE c_mktsegment = 'BUILDING'
    AND c_custkey = o_custkey
    AND l_orderkey = o_orderkey
    AND o_orderdate < DATE '1995-03-15'
    AND l_shipdate > DATE '1995-03-15'
GROUP BY l_orderkey, o_orderdate, o_shippriority
ORDER BY revenue DESC, o_orderdate
LIMIT 10;
