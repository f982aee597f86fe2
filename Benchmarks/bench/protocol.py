"""A tiny line protocol between the driver and its engine subprocesses.

The driver writes one JSON object per line to a worker's stdin and reads one JSON line back:
  {"op": "load", "dir": D}   -> {"ok": true, "seconds": s}
  {"op": "query", "sql": Q}  -> {"ok": true, "columns": [...], "numeric": [...], "rows": [[...]], "seconds": s}
  {"op": "quit"}             -> (the worker exits)
Errors come back as {"ok": false, "error": "..."}. `seconds` is the engine's own time (perf_counter in
the worker) and is kept in the JSON results only; the table uses the driver's wall time.
"""
import json
import os
import select
import time


class EngineDied(Exception):
    """The engine process closed its output (it exited, usually after an error)."""


class EngineTimeout(Exception):
    """The engine did not answer within the time limit."""


class StreamReader:
    """Reads a subprocess's stdout with a deadline, keeping bytes that arrive after what was asked for."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = bytearray()

    def read_until(self, needle, deadline, start=0):
        """Returns the index just past the first `needle` at or after `start` (bytes stay buffered)."""
        while True:
            found = self.buffer.find(needle, start)
            if found >= 0:
                return found + len(needle)
            start = max(start, len(self.buffer) - len(needle) + 1)
            self._fill(deadline)

    def take(self, count):
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    def _fill(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise EngineTimeout()
        ready, _, _ = select.select([self.fd], [], [], remaining)
        if not ready:
            raise EngineTimeout()
        chunk = os.read(self.fd, 1 << 20)
        if not chunk:
            raise EngineDied()
        self.buffer += chunk


def encode(message):
    return (json.dumps(message, default=_plain) + "\n").encode()


def _plain(value):
    """Dates as ISO text, decimals as exact text (the column's `numeric` flag says it is a number)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
