"""An engine process for the driver: `python -m bench.worker duckdb|polars`, speaking bench.protocol."""
import json
import sys
import time

from .protocol import encode
from .schema import csv_path

THREADS = 2


class DuckDBEngine:
    def __init__(self):
        import duckdb
        self.connection = duckdb.connect(":memory:")
        self.connection.execute(f"SET threads={THREADS}")

    def load(self, data_dir, tables):
        for table, columns in tables:
            path = csv_path(data_dir, table)
            if columns is None:
                self.connection.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true)")
                continue
            declared = ", ".join(f"{name} {type_}" for name, type_ in columns)
            self.connection.execute(f"CREATE OR REPLACE TABLE {table} ({declared})")
            self.connection.execute(f"COPY {table} FROM '{path}' (HEADER, DELIMITER ',')")

    def query(self, sql):
        cursor = self.connection.execute(sql)
        rows = cursor.fetchall()
        columns = [column[0] for column in cursor.description]
        numeric = [_duckdb_numeric(column[1]) for column in cursor.description]
        return columns, numeric, rows


def _duckdb_numeric(type_code):
    name = str(type_code).upper()
    return name.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL", "HUGEINT", "UHUGEINT")) or name.endswith("INT") \
        or name in ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT")


class PolarsEngine:
    def __init__(self):
        import polars
        self.pl = polars
        self.context = polars.SQLContext()

    def load(self, data_dir, tables):
        pl = self.pl
        types = {"TEXT": pl.String, "BIGINT": pl.Int64, "DATE": pl.Date, "DECIMAL(14,2)": pl.Decimal(14, 2)}
        for table, columns in tables:
            path = csv_path(data_dir, table)
            if columns is None:
                frame = pl.read_csv(path, try_parse_dates=True)
            else:
                frame = pl.read_csv(path, schema={name: types[type_] for name, type_ in columns})
            self.context.register(table, frame)

    def query(self, sql):
        frame = self.context.execute(sql, eager=True)
        rows = frame.rows()
        numeric = [dtype.is_numeric() for dtype in frame.dtypes]
        return frame.columns, numeric, rows


ENGINES = {"duckdb": DuckDBEngine, "polars": PolarsEngine}


def main():
    engine = ENGINES[sys.argv[1]]()
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        request = json.loads(line)
        op = request["op"]
        if op == "quit":
            break
        try:
            start = time.perf_counter()
            if op == "load":
                engine.load(request["dir"], request["tables"])
                reply = {"ok": True}
            else:
                columns, numeric, rows = engine.query(request["sql"])
                reply = {"ok": True, "columns": columns, "numeric": numeric, "rows": rows}
            reply["seconds"] = time.perf_counter() - start
        except Exception as error:  # reported to the driver, which records it for this query
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        out.write(encode(reply))
        out.flush()


if __name__ == "__main__":
    main()
