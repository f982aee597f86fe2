"""What a benchmark run compares: which tables, which engines, and how closely numbers must agree.

`insurance` is Benchmarks/run (the data model's tables and queries, insq against DuckDB and Polars);
`tpch` is Benchmarks/tpch/run (the 22 TPC-H queries, insq against DuckDB)."""
from .schema import TABLES, TPCH_TABLES


class Workload:
    def __init__(self, name, tables, engines, tolerance=None):
        self.name = name
        self.tables = list(tables.items())  # [(table, columns or None)]
        self.engines = engines              # in the order they are loaded and shown
        # (relative, absolute): numbers agree when |a - b| <= max(absolute, relative * max(|a|, |b|)); None: the
        # canonical texts must be equal.
        self.tolerance = tolerance


WORKLOADS = {
    "insurance": Workload("insurance", TABLES, ["insq", "duckdb", "polars"]),
    # DuckDB infers the price columns as DOUBLE, so its sums differ from insq's exact DECIMAL sums in the last cent.
    "tpch": Workload("tpch", TPCH_TABLES, ["insq", "duckdb"], tolerance=(1e-9, 0.01)),
}
