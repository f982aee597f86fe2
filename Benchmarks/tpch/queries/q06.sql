-- TPC-H Q6, Forecasting Revenue Change: the revenue that dropping the discounts of 0.05 to 0.07 on line items
-- of fewer than 24 units shipped in 1994 would have added.
-- The spec's "BETWEEN 0.06 - 0.01 AND 0.06 + 0.01" is written as 0.05 and 0.07: in floating point
-- (SQLite) 0.06 + 0.01 is 0.06999999999999999, which would leave out the discounts of 0.07.
SELECT
    sum(l_extendedprice * l_discount) AS revenue
FROM lineitem
WHERE l_shipdate >= DATE '1994-01-01'
    AND l_shipdate < DATE '1995-01-01'
    AND l_discount BETWEEN 0.05 AND 0.07
    AND l_quantity < 24;
