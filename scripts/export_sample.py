#!/usr/bin/env python3
"""Export the generated sample as CSV and check the sample queries against it in SQLite.

    python3 scripts/export_sample.py --sf 0.01 --out /tmp/insq-sample          # export only
    python3 scripts/export_sample.py --sf 0.01 --out /tmp/insq-sample --run    # export, then run samples/*.sql
    python3 scripts/export_sample.py --out /tmp/insq-sample --skip-export --run samples/03_arrears_by_city.sql
    python3 scripts/export_sample.py --out /tmp/insq-sample --skip-export --run --duckdb    # needs `pip install duckdb`

The export runs the env-guarded test `exportSampleAsCSV` (Tests/InsqDataTests/SampleExport.swift). SQLite gets
year() and month() as Python functions; dates are ISO text, so string comparisons of dates work as in insq.
"""
import argparse
import csv
import glob
import os
import sqlite3
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCHEMAS = {
    "regions": [("region_code", "TEXT"), ("country", "TEXT"), ("province", "TEXT"), ("city", "TEXT"),
                ("district", "TEXT"), ("population", "INTEGER")],
    "persons": [("person_id", "INTEGER"), ("name", "TEXT"), ("sex", "TEXT"), ("birth_date", "TEXT"),
                ("region_code", "TEXT"), ("registered_province", "TEXT"), ("residence", "TEXT"),
                ("category", "TEXT"), ("employer", "TEXT"), ("enrolled_on", "TEXT"), ("status", "TEXT")],
    "payments": [("payment_id", "INTEGER"), ("person_id", "INTEGER"), ("scheme", "TEXT"), ("kind", "TEXT"),
                 ("period", "TEXT"), ("amount", "NUMERIC"), ("currency", "TEXT"), ("due_on", "TEXT"),
                 ("paid_on", "TEXT"), ("channel", "TEXT")],
}


def export(args):
    env = dict(os.environ, INSQ_EXPORT_SAMPLE=os.path.abspath(args.out), INSQ_EXPORT_SF=str(args.sf),
               INSQ_EXPORT_SEED=str(args.seed))
    command = ["swift", "test", "--package-path", args.package_path, "--filter", "exportSampleAsCSV"]
    if args.scratch_path:
        command += ["--scratch-path", args.scratch_path]
    print("+", " ".join(command), file=sys.stderr)
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)


def year(text):
    return None if text is None else int(text[0:4])


def month(text):
    return None if text is None else int(text[5:7])


def load(directory):
    db = sqlite3.connect(":memory:")
    db.create_function("year", 1, year, deterministic=True)
    db.create_function("month", 1, month, deterministic=True)
    for table, columns in SCHEMAS.items():
        db.execute("CREATE TABLE %s (%s)" % (table, ", ".join("%s %s" % c for c in columns)))
        with open(os.path.join(directory, table + ".csv"), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            assert header == [c[0] for c in columns], (table, header)
            rows = ([None if v == "" else v for v in row] for row in reader)
            db.executemany("INSERT INTO %s VALUES (%s)" % (table, ", ".join("?" * len(columns))), rows)
    return db


DUCKDB_TYPES = {"TEXT": "VARCHAR", "INTEGER": "BIGINT", "NUMERIC": "DECIMAL(14,2)"}


def load_duckdb(directory):
    import duckdb
    db = duckdb.connect()
    for table, columns in SCHEMAS.items():
        types = {name: DUCKDB_TYPES.get(kind, kind) for name, kind in columns}
        for name in ("birth_date", "enrolled_on", "period", "due_on", "paid_on"):
            if name in types:
                types[name] = "DATE"
        db.execute("CREATE TABLE %s AS SELECT * FROM read_csv(?, header = true, columns = %s)"
                   % (table, "{" + ", ".join("'%s': '%s'" % kv for kv in types.items()) + "}"),
                   [os.path.join(directory, table + ".csv")])
    return db


def run(db, path, limit):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print("==", os.path.relpath(path, ROOT))
    # Whole-line comments go first, so that a ';' inside a comment does not split a statement.
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    for statement in (s.strip() for s in code.split(";")):
        if not statement:
            continue
        cursor = db.execute(statement)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        print(" | ".join(names))
        for row in rows[:limit]:
            print(" | ".join("NULL" if v is None else str(v) for v in row))
        if len(rows) > limit:
            print("... (%d rows)" % len(rows))
        else:
            print("(%d rows)" % len(rows))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sf", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default="/tmp/insq-sample")
    parser.add_argument("--package-path", default=ROOT)
    parser.add_argument("--scratch-path", default=None)
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--run", nargs="*", metavar="SQL", help="run these .sql files (default: samples/*.sql)")
    parser.add_argument("--limit", type=int, default=25, help="rows shown per result")
    parser.add_argument("--duckdb", action="store_true", help="run the queries in DuckDB instead of SQLite")
    args = parser.parse_args()
    if not args.skip_export:
        export(args)
    if args.run is not None:
        db = load_duckdb(args.out) if args.duckdb else load(args.out)
        for path in args.run or sorted(glob.glob(os.path.join(ROOT, "samples", "*.sql"))):
            run(db, path, args.limit)


if __name__ == "__main__":
    main()
