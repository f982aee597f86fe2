"""Driver-side handles on the three engine processes. Each measures wall time the same way: from writing
the query to its process until the complete result has been read back (parsing happens after the clock
stops)."""
import json
import os
import re
import subprocess
import sys
import threading
import time
from decimal import Decimal

from .protocol import EngineDied, EngineTimeout, StreamReader, encode
from .schema import csv_path

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Answer:
    """One query's result: column names, whether each column is numeric, rows, and the times."""

    def __init__(self, columns, numeric, rows, wall, engine_seconds):
        self.columns, self.numeric, self.rows = columns, numeric, rows
        self.wall, self.engine_seconds = wall, engine_seconds


class QueryFailed(Exception):
    pass


class Process:
    """A subprocess with a stdout reader (deadline aware) and a thread collecting stderr."""

    def __init__(self, argv, env=None):
        self.popen = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=env, cwd=BENCH_DIR)
        self.reader = StreamReader(self.popen.stdout.fileno())
        self.stderr = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.popen.stderr:
            self.stderr.append(line.decode(errors="replace"))

    def send(self, data):
        self.popen.stdin.write(data)
        self.popen.stdin.flush()

    def peak_kb(self):
        """VmHWM, the process's peak resident set size, in kB (None once it has exited)."""
        try:
            with open(f"/proc/{self.popen.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def error_text(self):
        time.sleep(0.2)  # let the stderr thread catch up
        return "".join(self.stderr).strip()[-2000:]

    def kill(self):
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait()


class WorkerEngine:
    """DuckDB or Polars in a Python worker (bench.worker) speaking bench.protocol."""

    def __init__(self, name, label, tables):
        self.name, self.label, self.tables = name, label, tables
        self.process = None
        self.dies_on_error = False

    def start(self):
        env = dict(os.environ, POLARS_MAX_THREADS="2")
        self.process = Process([sys.executable, "-m", "bench.worker", self.name], env=env)

    def _call(self, message, timeout):
        start = time.perf_counter()
        self.process.send(encode(message))
        end_index = self.process.reader.read_until(b"\n", time.monotonic() + timeout)
        wall = time.perf_counter() - start
        reply = json.loads(self.process.reader.take(end_index))
        if not reply["ok"]:
            raise QueryFailed(reply["error"])
        return reply, wall

    def load(self, data_dir, timeout):
        return self._call({"op": "load", "dir": data_dir, "tables": self.tables}, timeout)[1]

    def query(self, sql, timeout):
        reply, wall = self._call({"op": "query", "sql": sql}, timeout)
        return Answer(reply["columns"], reply["numeric"], reply["rows"], wall, reply["seconds"])

    def close(self):
        try:
            self.process.send(encode({"op": "quit"}))
            self.process.popen.wait(timeout=30)
        except Exception:
            self.process.kill()


class InsqEngine:
    """insq as one long-lived shell reading statements from a pipe (script mode), results in `.mode json`.

    insq flushes its output after each statement read from a pipe. After each query the driver sends a
    sentinel, `SELECT '<marker>' AS m` in CSV mode, and reads until the marker's line, so it knows where the
    answer ends without parsing it as it arrives. The sentinel's cost is part of insq's time; the `SELECT 1`
    floor in the report shows it."""

    label = "insq"
    dies_on_error = True  # a script stops at its first error

    def __init__(self, binary, work_dir, tables=(), sf="0.001"):
        self.binary, self.work_dir, self.tables, self.sf = binary, work_dir, tables, sf
        self.process = None
        self.sequence = 0

    def start(self):
        os.makedirs(self.work_dir, exist_ok=True)
        # The built-in sample is generated at start; the default, the smallest scale, keeps it from costing
        # time or memory when the data is imported afterwards.
        self.process = Process([self.binary, "--sf", self.sf])
        self._roundtrip(".mode json\n.timer on", 120)

    def _roundtrip(self, text, timeout):
        """Sends `text` then the sentinel; returns (output before the sentinel, wall seconds)."""
        self.sequence += 1
        marker = f"insq_bench_end_{self.sequence}".encode()
        payload = (text.rstrip() + "\n.timer off\n.mode csv\n"
                   + f"SELECT '{marker.decode()}' AS m;\n.mode json\n.timer on\n")
        reader = self.process.reader
        start = time.perf_counter()
        self.process.send(payload.encode())
        try:
            after_marker = reader.read_until(b"\n" + marker + b"\n", time.monotonic() + timeout)
            line_end = after_marker
        except EngineDied:
            raise QueryFailed(self.process.error_text() or "insq exited") from None
        wall = time.perf_counter() - start
        data = reader.take(line_end)
        body = data[:data.rfind(b"m\n", 0, after_marker)]
        return body.decode(), wall

    def load(self, data_dir, timeout):
        # Types are declared by the built-in tables' names (regions, persons, payments), inferred for any other.
        imports = "\n".join(f".import {csv_path(data_dir, table)} {table}" for table, _ in self.tables)
        body, wall = self._roundtrip(imports, timeout)
        self.load_messages = body.strip()
        return wall

    def query(self, sql, timeout):
        body, wall = self._roundtrip(sql.rstrip().rstrip(";") + ";", timeout)
        engine_seconds = None
        lines = []
        for line in body.splitlines():
            timer = re.fullmatch(r"Run Time: ([0-9.]+) s", line)
            if timer:
                engine_seconds = float(timer.group(1))
            else:
                lines.append(line)
        pairs = json.loads("\n".join(lines), parse_float=Decimal, object_pairs_hook=list)
        columns = [key for key, _ in pairs[0]] if pairs else []
        rows = [[value for _, value in row] for row in pairs]
        numeric = [any(isinstance(row[i], (int, Decimal)) and not isinstance(row[i], bool) for row in rows)
                   for i in range(len(columns))]
        return Answer(columns, numeric, rows, wall, engine_seconds)

    def close(self):
        try:
            self.process.popen.stdin.close()
            self.process.popen.wait(timeout=30)
        except Exception:
            self.process.kill()


LABELS = {"insq": "insq", "duckdb": "DuckDB", "polars": "Polars"}
