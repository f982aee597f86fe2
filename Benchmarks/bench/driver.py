"""The comparison benchmark: the same SQL on insq, DuckDB and Polars, checked for equal rows and timed.

Run through Benchmarks/run (the insurance tables) or Benchmarks/tpch/run (TPC-H, insq and DuckDB), which build
insq, prepare the data and the venv; see Benchmarks/README.md."""
import argparse
import fnmatch
import glob
import os
import statistics
import sys
import time

from . import canon, report, startup
from .engines import LABELS, InsqEngine, QueryFailed, WorkerEngine
from .protocol import EngineDied, EngineTimeout
from .schema import csv_path
from .workload import WORKLOADS

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOOR = ("00_floor_select_1", "SELECT 1 AS one", True)
# From this scale factor on, the engines run one after another: at SF 5 insq (~5.5 GB), DuckDB (~10 GB) and
# Polars (~12 GB) alive together would not fit in 24 GiB.
SEQUENTIAL_FROM_SF = 3


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="Benchmarks/run", description=__doc__)
    parser.add_argument("--workload", choices=sorted(WORKLOADS), default="insurance",
                        help="the tables and engines: insurance (default) or tpch")
    parser.add_argument("--sf", default="1", help="scale factor of the data (default 1); a comma-separated "
                        "list runs each in turn, one table each")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query and engine (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs first (default 1; its rows are checked)")
    parser.add_argument("--queries", default="", help="only queries whose file name contains this text "
                        "(or matches it as a glob); comma-separated alternatives")
    parser.add_argument("--query-dir", default=os.path.join(BENCH_DIR, "queries"), help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per query (default 600); a "
                        "query over it is reported as a timeout, and its engine restarted and loaded again")
    parser.add_argument("--load-timeout", type=float, default=None,
                        help="seconds allowed per load (default: the larger of --timeout and 600)")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--sequential", dest="sequential", action="store_true", default=None,
                       help="run the engines one after another, each shut down before the next starts "
                       f"(the default from SF {SEQUENTIAL_FROM_SF}, where all three at once need too much memory)")
    order.add_argument("--interleaved", dest="sequential", action="store_false",
                       help=f"keep all three engines alive and interleave the rounds (the default below SF "
                       f"{SEQUENTIAL_FROM_SF})")
    parser.add_argument("--startup-runs", type=int, default=5, help="timed starts of `insq --sf 0.1` on a "
                        "pseudo-terminal until its prompt (default 5; 0 skips)")
    parser.add_argument("--data-root", default=os.path.join(BENCH_DIR, "data"),
                        help="directory holding sf<N>/ with regions.csv, persons.csv, payments.csv")
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
    """One scale factor: loads the engines, runs every query on each, keeps times, answers and errors."""

    def __init__(self, args, sf, sequential):
        self.args, self.sf, self.sequential = args, sf, sequential
        self.data_dir = os.path.abspath(os.path.join(args.data_root, f"sf{sf}"))
        self.workload = WORKLOADS[args.workload]
        self.engine_order = self.workload.engines
        tables = self.workload.tables
        self.engines = {
            name: InsqEngine(args.insq, os.path.join(BENCH_DIR, "data", "insq-work"), tables) if name == "insq"
            else WorkerEngine(name, LABELS[name], tables)
            for name in self.engine_order
        }
        self.load_timeout = args.load_timeout or max(args.timeout, 600)
        self.load_seconds = {}
        self.peak_after_load = {}
        self.peak_kb = {}
        self.times = {}          # (query, engine) -> [wall seconds]
        self.engine_times = {}   # (query, engine) -> [engine's own seconds]
        self.errors = {}         # (query, engine) -> message
        self.answers = {}        # (query, engine) -> canonical rows of the first run
        self.columns = {}        # (query, engine) -> column names
        self.unstable = {}       # (query, engine) -> message, when a later run's rows differ
        self.everything = []     # the floor query and the queries, set by run()

    def log(self, text):
        print(text, file=sys.stderr, flush=True)

    def start(self, name, first=True):
        """Starts and loads an engine; True when it loaded. A failed load (at SF 5 possibly the kernel's
        out-of-memory kill) becomes an error of every query on that engine, and the others go on."""
        engine = self.engines[name]
        self.warm_page_cache()
        try:
            engine.start()
            seconds = engine.load(self.data_dir, self.load_timeout)
        except (QueryFailed, EngineDied, EngineTimeout, OSError) as error:
            message = f"load failed: {_describe(error, engine)}"
            self.log(f"  {engine.label}: {message.splitlines()[0]}")
            if engine.process is not None:
                self._remember_peak(name)
                engine.process.kill()
            for query in self.everything:
                self.errors.setdefault((query[0], name), message)
            return False
        if first:
            self.load_seconds[name] = seconds
            self.peak_after_load[name] = engine.process.peak_kb()
        self.log(f"  {engine.label}: loaded in {seconds:.2f} s")
        return True

    def warm_page_cache(self):
        """Reads the CSV files once so that no engine's load time includes the disk: whichever engine
        loaded first used to pay for it (SF 1 load measured 3.5 s instead of 2.2 s after the cache was cold)."""
        for table, _ in self.workload.tables:
            with open(csv_path(self.data_dir, table), "rb", buffering=0) as handle:
                while handle.read(1 << 23):
                    pass

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
            message = _describe(error, engine)
            self.errors[key] = message
            self.log(f"  {query[0]} on {engine.label} failed: {message.splitlines()[0] if message else ''}")
            if not isinstance(error, QueryFailed) or engine.dies_on_error:
                self.restart(name)
            return
        rows = canon.rows(answer)
        if key not in self.answers:
            self.answers[key] = rows
            self.columns[key] = answer.columns
        else:
            difference = canon.compare(self.answers[key], rows, query[2], ("first run", "later run"),
                                       tolerance=self.workload.tolerance)
            if difference:
                self.unstable[key] = difference
        if timed:
            self.times.setdefault(key, []).append(answer.wall)
            if answer.engine_seconds is not None:
                self.engine_times.setdefault(key, []).append(answer.engine_seconds)

    def run(self, queries):
        """Interleaved: all engines alive, each round runs a query on each engine in turn. Sequential: one
        engine at a time is loaded, runs all rounds and is shut down, so only one holds the data."""
        self.everything = [FLOOR] + queries
        groups = [[name] for name in self.engine_order] if self.sequential else [self.engine_order]
        for names in groups:
            loaded = []
            for name in names:
                self.log(f"loading {self.engines[name].label} ...")
                if self.start(name):
                    loaded.append(name)
            self._rounds(self.everything, loaded)
            for name in loaded:
                self._remember_peak(name)
                self.engines[name].close()

    def _rounds(self, everything, names):
        if not names:
            return
        rounds = self.args.warmups + self.args.runs
        who = f"{self.engines[names[0]].label} " if len(names) == 1 else ""
        for round_number in range(rounds):
            timed = round_number >= self.args.warmups
            self.log(f"{who}round {round_number + 1}/{rounds}{'' if timed else ' (warm-up)'}")
            for query in everything:
                for name in names:
                    self.run_one(query, name, timed)

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
                                           (reference, other), tolerance=self.workload.tolerance)
                if difference:
                    found.append((name, f"{other} vs {reference}", difference))
        for (name, engine), difference in self.unstable.items():
            found.append((name, f"{engine}: later run vs first run", difference))
        return found

    def medians_ms(self, name, engine):
        values = self.times.get((name, engine))
        return statistics.median(values) * 1000 if values else None


def _describe(error, engine):
    if isinstance(error, EngineTimeout):
        return report.TIMEOUT
    if isinstance(error, EngineDied):
        text = engine.process.error_text()  # waits a little for the stderr reader, and the exit
        status = engine.process.popen.poll()
        if status is None:
            ending = "closed its output"
        elif status == -9:
            ending = "was killed (SIGKILL; out of memory?)"
        else:
            ending = f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
        return text or f"{engine.label} {ending}"
    return str(error) or type(error).__name__


def scale_factors(text):
    values = [part.strip() for part in text.split(",") if part.strip()]
    for value in values:
        try:
            if float(value) <= 0:
                raise ValueError
        except ValueError:
            sys.exit(f"--sf: {value!r} is not a positive number")
    return values


def run_scale_factor(args, sf, queries, startup_result):
    """Runs and reports one scale factor; returns True when every answer agreed and nothing failed."""
    sequential = args.sequential
    if sequential is None:
        sequential = float(sf) >= SEQUENTIAL_FROM_SF
        if sequential:
            print(f"note: SF {sf} runs the engines one after another (--sequential): all three alive at once "
                  f"need about 28 GB at SF 5 (insq 5.5, DuckDB 10, Polars 12), more than 24 GiB; "
                  f"--interleaved overrides", file=sys.stderr, flush=True)
    print(f"SF {sf}: {'sequential' if sequential else 'interleaved'}, data {args.data_root}/sf{sf}",
          file=sys.stderr, flush=True)
    bench = Bench(args, sf, sequential)
    started = time.time()
    bench.run(queries)
    mismatches = bench.mismatches(queries)
    summary = report.summarize(bench, queries, mismatches, args, time.time() - started, FLOOR[0], startup_result)
    print(report.table(summary))
    paths = report.write(summary, args.results)
    print(f"\nresults: {', '.join(paths)}", flush=True)
    if mismatches or bench.errors:
        print(f"\nFAILED (SF {sf}): {len(mismatches)} mismatch(es), {len(bench.errors)} error(s)", file=sys.stderr)
        return False
    return True


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    sfs = scale_factors(args.sf)
    queries = load_queries(args.query_dir, args.queries)
    if not queries:
        sys.exit(f"no query in {args.query_dir} matches {args.queries!r}")
    # Measured first, while none of the engines holds memory or CPU.
    startup_result = None
    if args.startup_runs > 0:
        print("startup: timing `insq --sf 0.1` on a pseudo-terminal until its prompt", file=sys.stderr, flush=True)
        startup_result = startup.measure(args.insq, args.startup_runs)
        print(startup.line(startup_result), file=sys.stderr, flush=True)
    ok = [run_scale_factor(args, sf, queries, startup_result) for sf in sfs]
    if startup_result and startup_result["error"]:
        print(f"\nFAILED: {startup.line(startup_result)}", file=sys.stderr)
    if not all(ok) or (startup_result and startup_result["error"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
