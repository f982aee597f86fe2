"""DISTINCT aggregates against count(*): the same GROUP BY over the built-in sample (`insq --sf N`), once with
count(*) and once with each DISTINCT aggregate, for 1, ~20, ~2,000 and ~1,000,000 groups and for arguments of
every kind (1 M integer values, wide decimals, text). Prints each case's medians and the ratio DISTINCT /
count(*), and flags ratios above the limit (issue 12, point 4: 3).

Run through Benchmarks/distinct, which builds insq; see Benchmarks/README.md."""
import argparse
import os
import statistics
import sys

from .engines import InsqEngine, QueryFailed
from .protocol import EngineDied, EngineTimeout

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, FROM ... WHERE ..., GROUP BY keys or "" for one group, DISTINCT aggregates). Every case is timed
# against the same FROM and keys with count(*).
PAYMENTS_ARGUMENTS = ["count(DISTINCT person_id)", "count(DISTINCT amount)", "count(DISTINCT channel)",
                      "sum(DISTINCT amount)", "avg(DISTINCT amount)"]
SHAPES = [
    ("1 group", "payments", "", PAYMENTS_ARGUMENTS),
    ("19 groups (scheme, kind, currency)", "payments", "scheme, kind, currency", PAYMENTS_ARGUMENTS),
    ("1,662 groups (paid_on)", "payments", "paid_on", PAYMENTS_ARGUMENTS),
    ("1 M groups (person_id)", "payments", "person_id", PAYMENTS_ARGUMENTS),
    ("join, 1,982 groups (region_code)",
     "persons s JOIN payments p ON p.person_id = s.person_id WHERE p.scheme = 'medical'", "s.region_code",
     ["count(DISTINCT p.person_id)"]),
    ("join, 89 groups (city)",
     "regions r JOIN persons s ON s.region_code = r.region_code JOIN payments p ON p.person_id = s.person_id",
     "r.city", ["count(DISTINCT p.person_id)", "count(DISTINCT s.name)"]),
]


def query(source, keys, aggregate):
    """The GROUP BY, wrapped so that only one row comes back: its group count and the sum of the aggregate
    (a check that the answer did not change). The wrapper costs the same for count(*) and DISTINCT."""
    if not keys:
        return f"SELECT 1 AS n, {aggregate} AS total FROM {source}"
    return (f"SELECT count(*) AS n, sum(c) AS total FROM (SELECT {keys}, {aggregate} AS c FROM {source} "
            f"GROUP BY {keys}) x")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="Benchmarks/distinct", description=__doc__)
    parser.add_argument("--sf", default="1", help="scale factor of the built-in sample (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query (default 3)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds allowed per query (default 120); "
                        "a query that takes longer is not run again")
    parser.add_argument("--limit", type=float, default=3.0, help="the ratio flagged (default 3)")
    parser.add_argument("--filter", default="", help="only cases whose shape or aggregate contains this text; "
                        "comma-separated alternatives")
    parser.add_argument("--insq", required=True, help="the insq binary")
    return parser.parse_args(argv)


def cases(pattern):
    """(shape, aggregate, baseline SQL, DISTINCT SQL) of the cases the filter keeps."""
    wanted = [part for part in pattern.split(",") if part]
    chosen = []
    for name, source, keys, aggregates in SHAPES:
        for aggregate in aggregates:
            if wanted and not any(w in name or w in aggregate for w in wanted):
                continue
            chosen.append((name, aggregate, query(source, keys, "count(*)"), query(source, keys, aggregate)))
    return chosen


class Runner:
    """One insq process on the sample; restarted after a query that failed or timed out."""

    def __init__(self, args):
        self.args = args
        self.engine = None
        self.times = {}
        self.answers = {}
        self.errors = {}

    def ensure_started(self):
        if self.engine is None:
            self.engine = InsqEngine(self.args.insq, os.path.join(BENCH_DIR, "data", "insq-work"), sf=self.args.sf)
            self.engine.start()

    def run(self, sql, timed):
        if sql in self.errors:
            return
        self.ensure_started()
        try:
            answer = self.engine.query(sql, self.args.timeout)
        except (QueryFailed, EngineDied, EngineTimeout) as error:
            self.errors[sql] = f"timed out after {self.args.timeout:g} s" if isinstance(error, EngineTimeout) \
                else str(error) or type(error).__name__
            self.engine.process.kill()
            self.engine = None
            return
        self.answers[sql] = answer.rows
        if timed:
            self.times.setdefault(sql, []).append(answer.engine_seconds * 1000)

    def median_ms(self, sql):
        return statistics.median(self.times[sql]) if sql in self.times else None

    def close(self):
        if self.engine is not None:
            self.engine.close()


def cell(ms):
    return "-" if ms is None else f"{ms:,.0f}"


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    chosen = cases(args.filter)
    statements = list(dict.fromkeys(sql for _, _, baseline, distinct in chosen for sql in (baseline, distinct)))
    runner = Runner(args)
    print(f"insq --sf {args.sf}: {len(chosen)} cases, {args.warmups} warm-up + {args.runs} timed runs each "
          "(interleaved), medians of insq's Run Time", file=sys.stderr)
    for round in range(args.warmups + args.runs):
        for sql in statements:
            runner.run(sql, timed=round >= args.warmups)
        print(f"  round {round + 1} of {args.warmups + args.runs} done", file=sys.stderr)
    runner.close()

    rows = [("shape", "aggregate", "count(*) ms", "DISTINCT ms", "ratio", "answer (groups, sum)")]
    flagged = 0
    for name, aggregate, baseline, distinct in chosen:
        base, other = runner.median_ms(baseline), runner.median_ms(distinct)
        ratio = other / max(base, 1) if base is not None and other is not None else None
        mark = ""
        if distinct in runner.errors:
            mark = "  " + runner.errors[distinct]
        elif ratio is not None and ratio > args.limit:
            mark = f"  ABOVE {args.limit:g}"
            flagged += 1
        answer = runner.answers.get(distinct)
        rows.append((name, aggregate, cell(base), cell(other), ("-" if ratio is None else f"{ratio:.1f}") + mark,
                     ", ".join(str(v) for v in answer[0]) if answer else "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for k, row in enumerate(rows):
        print(" | ".join(text.rjust(w) if 2 <= i <= 3 else text.ljust(w) for i, (text, w) in enumerate(zip(row, widths))))
        if k == 0:
            print("-+-".join("-" * w for w in widths))
    failed = [sql for sql in runner.errors]
    for sql in failed:
        print(f"error: {runner.errors[sql]}: {sql}", file=sys.stderr)
    print(f"{flagged} of {len(chosen)} cases above {args.limit:g} x count(*)")
    return 1 if flagged or failed else 0


if __name__ == "__main__":
    sys.exit(main())
