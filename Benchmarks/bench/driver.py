"""The comparison benchmark: the same SQL on insq, DuckDB and Polars, checked for equal rows and timed.

Run through Benchmarks/run, which builds insq, prepares the data and the venv; see Benchmarks/README.md."""
import argparse
import fnmatch
import glob
import os
import statistics
import sys
import time

from . import canon, report
from .engines import ENGINE_ORDER, InsqEngine, QueryFailed, WorkerEngine
from .protocol import EngineDied, EngineTimeout

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOOR = ("00_floor_select_1", "SELECT 1 AS one", True)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="Benchmarks/run", description=__doc__)
    parser.add_argument("--sf", default="1", help="scale factor of the data (default 1)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query and engine (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs first (default 1; its rows are checked)")
    parser.add_argument("--queries", default="", help="only queries whose file name contains this text "
                        "(or matches it as a glob); comma-separated alternatives")
    parser.add_argument("--query-dir", default=os.path.join(BENCH_DIR, "queries"), help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per query or load (default 600)")
    parser.add_argument("--data", required=True, help="directory with regions.csv, persons.csv, payments.csv")
    parser.add_argument("--insq", required=True, help="the insq binary")
    parser.add_argument("--results", default=os.path.join(BENCH_DIR, "results"))
    parser.add_argument("--label", default="", help="free text recorded with the results (e.g. the insq commit)")
    return parser.parse_args(argv)


def load_queries(directory, pattern):
    wanted = [part for part in pattern.split(",") if part]
    queries = []
    for path in sorted(glob.glob(os.path.join(directory, "*.sql"))):
        name = os.path.basename(path)[:-4]
        if wanted and not any(fnmatch.fnmatch(name, w) if any(c in w for c in "*?[") else w in name
                              for w in wanted):
            continue
        with open(path) as file:
            lines = file.read().splitlines()
        ordered = not any(line.strip().lower() == "-- order: partial" for line in lines)
        sql = "\n".join(line for line in lines if not line.lstrip().startswith("--")).strip().rstrip(";").strip()
        queries.append((name, sql, ordered))
    return queries


class Bench:
    def __init__(self, args):
        self.args = args
        self.engines = {
            "insq": InsqEngine(args.insq, os.path.join(BENCH_DIR, "data", "insq-work")),
            "duckdb": WorkerEngine("duckdb", "DuckDB"),
            "polars": WorkerEngine("polars", "Polars"),
        }
        self.load_seconds = {}
        self.peak_after_load = {}
        self.peak_kb = {}
        self.times = {}          # (query, engine) -> [wall seconds]
        self.engine_times = {}   # (query, engine) -> [engine's own seconds]
        self.errors = {}         # (query, engine) -> message
        self.answers = {}        # (query, engine) -> canonical rows of the first run
        self.columns = {}        # (query, engine) -> column names
        self.unstable = {}       # (query, engine) -> message, when a later run's rows differ

    def log(self, text):
        print(text, file=sys.stderr, flush=True)

    def start(self, name, first=True):
        engine = self.engines[name]
        engine.start()
        seconds = engine.load(os.path.abspath(self.args.data), self.args.timeout)
        if first:
            self.load_seconds[name] = seconds
            self.peak_after_load[name] = engine.process.peak_kb()
        self.log(f"  {engine.label}: loaded in {seconds:.2f} s")

    def restart(self, name):
        engine = self.engines[name]
        self._remember_peak(name)
        engine.process.kill()
        self.log(f"  restarting {engine.label}")
        self.start(name, first=False)

    def _remember_peak(self, name):
        peak = self.engines[name].process.peak_kb()
        if peak is not None:
            self.peak_kb[name] = max(self.peak_kb.get(name, 0), peak)

    def run_one(self, query, name, timed):
        key = (query[0], name)
        if key in self.errors:
            return
        engine = self.engines[name]
        try:
            answer = engine.query(query[1], self.args.timeout)
        except (QueryFailed, EngineDied, EngineTimeout) as error:
            message = "timeout" if isinstance(error, EngineTimeout) else str(error) or type(error).__name__
            self.errors[key] = message
            self.log(f"  {query[0]} on {engine.label} failed: {message.splitlines()[0] if message else ''}")
            if not isinstance(error, QueryFailed) or engine.dies_on_error:
                self.restart(name)
            return
        rows = canon.rows(answer)
        if key not in self.answers:
            self.answers[key] = rows
            self.columns[key] = answer.columns
        elif rows != self.answers[key]:
            self.unstable[key] = canon.compare(self.answers[key], rows, query[2], ("first run", "later run"))
        if timed:
            self.times.setdefault(key, []).append(answer.wall)
            if answer.engine_seconds is not None:
                self.engine_times.setdefault(key, []).append(answer.engine_seconds)

    def run(self, queries):
        for name in ENGINE_ORDER:
            self.log(f"loading {self.engines[name].label} ...")
            self.start(name)
        everything = [FLOOR] + queries
        rounds = self.args.warmups + self.args.runs
        for round_number in range(rounds):
            timed = round_number >= self.args.warmups
            self.log(f"round {round_number + 1}/{rounds}{'' if timed else ' (warm-up)'}")
            for query in everything:
                for name in ENGINE_ORDER:
                    self.run_one(query, name, timed)
        for name in ENGINE_ORDER:
            self._remember_peak(name)
            self.engines[name].close()

    def mismatches(self, queries):
        """(query, engine, description) for every answer that differs from DuckDB's (or the first engine's)."""
        found = []
        for name, _, ordered in queries:
            present = [e for e in ("duckdb", "polars", "insq") if (name, e) in self.answers]
            if len(present) < 2:
                continue
            reference = present[0]
            for other in present[1:]:
                difference = canon.compare(self.answers[(name, reference)], self.answers[(name, other)], ordered,
                                           (reference, other))
                if difference:
                    found.append((name, f"{other} vs {reference}", difference))
        for (name, engine), difference in self.unstable.items():
            found.append((name, f"{engine}: later run vs first run", difference))
        return found

    def medians_ms(self, name, engine):
        values = self.times.get((name, engine))
        return statistics.median(values) * 1000 if values else None


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    queries = load_queries(args.query_dir, args.queries)
    if not queries:
        sys.exit(f"no query in {args.query_dir} matches {args.queries!r}")
    bench = Bench(args)
    started = time.time()
    bench.run(queries)
    mismatches = bench.mismatches(queries)
    summary = report.summarize(bench, queries, mismatches, args, time.time() - started, FLOOR[0])
    print(report.table(summary))
    paths = report.write(summary, args.results)
    print(f"\nresults: {', '.join(paths)}")
    if mismatches or bench.errors:
        print(f"\nFAILED: {len(mismatches)} mismatch(es), {len(bench.errors)} error(s)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
