#!/usr/bin/env python3
"""Runs SQL on the insq test fixtures with SQLite, the second opinion of Tests/InsqSQLiteCheckTests.

Two ways to call it:

  run_sqlite.py --fixtures Tests/Fixtures --json < request.json
      request: {"tables": [{"name": "persons", "columns": [["person_id", "BIGINT"], ...]}, ...],
                "queries": ["SELECT ...", ...]}
      answer:  {"results": [{"columns": [...], "rows": [[["i", "42"], ["t", "x"], null, ...], ...]}
                            | {"error": "message"}, ...]}
      Every value is tagged so that Swift never guesses: "i" integer, "r" real (repr, exact), "t" text.
      Without "tables", every CSV file of the folder becomes a table with inferred column types (as below);
      the TPC-H test (Tests/InsqTPCHTests) reads Tests/TPCH/sf0.01 so.

  run_sqlite.py --fixtures Tests/Fixtures --jsonl
      a session for many queries (the random-query test): the first line of input is the request's
      {"tables": [...]} header, every further line one {"sql": "..."}; each answer is one line,
      {"columns": [...], "rows": [["i42", "t王芳", null, "r486.4"], ...]} or {"error": "message"},
      written as soon as the query has run: each value is one string, its tag letter first. A query that
      runs too long is interrupted and answered with an error.

  run_sqlite.py --fixtures Tests/Fixtures "SELECT ..." ["SELECT ..." ...]
      prints each query's column names and rows, tab-separated, for writing and checking cases by hand
      (column types are then inferred from the CSV values).

SQLite is set up to read like insq where it can: LIKE is case-sensitive, year()/month()/day() take
'YYYY-MM-DD' text, lower()/upper() fold all of Unicode rather than only ASCII.
"""

import csv
import json
import os
import sqlite3
import sys

# insq declared type -> SQLite column type. DECIMAL becomes REAL; the Swift side puts it back at its scale.
SQLITE_TYPES = {"BIGINT": "INTEGER", "DOUBLE": "REAL", "DATE": "TEXT", "TEXT": "TEXT", "BOOLEAN": "INTEGER"}


def sqlite_type(insq_type):
    if insq_type.startswith("DECIMAL"):
        return "REAL"
    return SQLITE_TYPES.get(insq_type, "TEXT")


def convert(text, column_type):
    if text == "":
        return None
    if column_type == "INTEGER":
        return int(text)
    if column_type == "REAL":
        return float(text)
    return text


def infer_type(values):
    present = [v for v in values if v != ""]
    for kind, check in (("INTEGER", int), ("REAL", float)):
        try:
            for v in present:
                check(v)
            return kind if present else "TEXT"
        except ValueError:
            continue
    return "TEXT"


def load_table(db, path, name, declared):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    if declared is None:
        types = [infer_type([r[i] for r in body]) for i in range(len(header))]
    else:
        by_name = dict(declared)
        types = [sqlite_type(by_name[c]) for c in header]
    columns = ", ".join(f'"{c}" {t}' for c, t in zip(header, types))
    db.execute(f'CREATE TABLE "{name}" ({columns})')
    marks = ", ".join("?" for _ in header)
    db.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                   [[convert(v, t) for v, t in zip(r, types)] for r in body])


def date_part(text, start, end):
    if text is None:
        return None
    return int(str(text)[start:end])


def open_database(fixtures, tables):
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA case_sensitive_like=ON")
    db.create_function("year", 1, lambda d: date_part(d, 0, 4), deterministic=True)
    db.create_function("month", 1, lambda d: date_part(d, 5, 7), deterministic=True)
    db.create_function("day", 1, lambda d: date_part(d, 8, 10), deterministic=True)
    db.create_function("lower", 1, lambda s: None if s is None else str(s).lower(), deterministic=True)
    db.create_function("upper", 1, lambda s: None if s is None else str(s).upper(), deterministic=True)
    if tables is None:
        for file in sorted(os.listdir(fixtures)):
            if file.endswith(".csv"):
                load_table(db, os.path.join(fixtures, file), file[:-4], None)
    else:
        for table in tables:
            load_table(db, os.path.join(fixtures, table["name"] + ".csv"), table["name"], table["columns"])
    return db


def tagged(value):
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, int):
        return ["i", str(int(value))]
    if isinstance(value, float):
        return ["r", repr(value)]
    if isinstance(value, bytes):
        return ["t", value.decode("utf-8", "replace")]
    return ["t", str(value)]


def run(db, sql):
    try:
        cursor = db.execute(sql)
        rows = cursor.fetchall()
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return {"columns": columns, "rows": [[tagged(v) for v in row] for row in rows]}
    except sqlite3.Error as error:
        return {"error": str(error)}


# SQLite virtual-machine steps after which a --jsonl query is interrupted (a few seconds of work).
STEP_LIMIT = 200_000_000
STEP_CHECK = 100_000


def serve_lines(fixtures):
    header = json.loads(sys.stdin.readline() or "{}")
    db = open_database(fixtures, header.get("tables"))
    steps = [0]

    def progress():
        steps[0] += STEP_CHECK
        return 1 if steps[0] > STEP_LIMIT else 0

    db.set_progress_handler(progress, STEP_CHECK)
    for line in sys.stdin:
        if not line.strip():
            continue
        steps[0] = 0
        answer = run(db, json.loads(line)["sql"])
        if "rows" in answer:
            answer["rows"] = [[None if v is None else v[0] + v[1] for v in row] for row in answer["rows"]]
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def main(argv):
    fixtures = None
    json_mode = False
    lines_mode = False
    queries = []
    i = 0
    while i < len(argv):
        if argv[i] == "--fixtures" and i + 1 < len(argv):
            fixtures = argv[i + 1]
            i += 2
        elif argv[i] == "--json":
            json_mode = True
            i += 1
        elif argv[i] == "--jsonl":
            lines_mode = True
            i += 1
        else:
            queries.append(argv[i])
            i += 1
    if fixtures is None:
        print("usage: run_sqlite.py --fixtures DIR (--json < request | --jsonl < lines | SQL ...)", file=sys.stderr)
        return 2
    if lines_mode:
        return serve_lines(fixtures)
    if json_mode:
        request = json.load(sys.stdin)
        db = open_database(fixtures, request.get("tables"))
        answer = {"results": [run(db, sql) for sql in request["queries"]]}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False))
        return 0
    db = open_database(fixtures, None)
    for sql in queries:
        result = run(db, sql)
        if "error" in result:
            print("error: " + result["error"])
            continue
        print("\t".join(result["columns"]))
        for row in result["rows"]:
            print("\t".join("NULL" if v is None else v[1] for v in row))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
