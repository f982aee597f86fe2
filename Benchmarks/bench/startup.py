"""Startup time as a user sees it: from starting `insq --sf 0.1` on a terminal until its prompt is shown.

The requirement is "the prompt appears with SF 0.1 sample data in under 0.3 s (release build)". insq is an
interactive shell only on a terminal, so the driver gives it one: a pseudo-terminal it makes itself, so the
benchmark needs no terminal of its own (CI, no tty). HOME is a fresh temporary directory, so that a history
file (libedit) neither costs nor changes anything. The clock runs from just before the spawn until the
prompt text `insq> ` has been read from the terminal (the banner comes before it); then `.quit` ends the
shell (Ctrl-D, then a kill, if it does not)."""
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

PROMPT = b"insq> "
TARGET_S = 0.3
SF = "0.1"


class StartupFailed(Exception):
    """No prompt within the time limit, or insq exited before showing one."""


def measure(binary, runs=5, timeout=10.0):
    """One untimed start (it pages the binary in), then `runs` timed ones.

    Returns a dict for the JSON results: samples, median, min, target, and `error` when a start failed."""
    result = {"command": f"insq --sf {SF}", "runs": runs, "target_s": TARGET_S, "samples_s": [],
              "median_s": None, "min_s": None, "error": None,
              "load_average": round(os.getloadavg()[0], 2), "cpus": os.cpu_count()}
    try:
        for index in range(runs + 1):
            seconds = time_to_prompt(binary, timeout)
            if index > 0:
                result["samples_s"].append(seconds)
    except (StartupFailed, OSError) as error:
        result["error"] = str(error) or type(error).__name__
    if result["samples_s"]:
        result["median_s"] = statistics.median(result["samples_s"])
        result["min_s"] = min(result["samples_s"])
    return result


def time_to_prompt(binary, timeout):
    """Seconds from the spawn of `binary --sf 0.1` on a new pseudo-terminal until the prompt appears."""
    home = tempfile.mkdtemp(prefix="insq-startup-")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    terminal = Terminal(master)
    process = None
    try:
        start = time.perf_counter()
        process = subprocess.Popen([binary, "--sf", SF], stdin=slave, stdout=slave, stderr=slave, cwd=home,
                                   env=dict(os.environ, TERM="xterm", HOME=home), start_new_session=True)
        os.close(slave)
        slave = None
        shown = terminal.read_until(PROMPT, time.monotonic() + timeout)
        seconds = time.perf_counter() - start
        if not shown:
            reason = (f"no prompt within {timeout:g} s" if process.poll() is None
                      else f"insq exited with status {process.wait()} before its prompt")
            terminal.drain()
            seen = terminal.buffer.decode(errors="replace").strip()[-500:]
            raise StartupFailed(f"{reason}; terminal output: {seen!r}")
        _quit(process, terminal)
        return seconds
    finally:
        if slave is not None:
            os.close(slave)
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
        shutil.rmtree(home, ignore_errors=True)


class Terminal:
    """The driver's end of the pseudo-terminal, with everything read from it so far."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = bytearray()

    def read_until(self, needle, deadline):
        """True once `needle` has been read; False at the deadline or when the terminal closes."""
        while needle not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (select.select([self.fd], [], [], remaining)[0] and not self._read()):
                return False
        return True

    def drain(self):
        """Reads what is there now, so that insq never blocks writing to a full terminal."""
        while select.select([self.fd], [], [], 0.05)[0] and self._read():
            pass

    def _read(self):
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: every process holding the terminal has exited
            chunk = b""
        self.buffer += chunk
        return bool(chunk)


def _quit(process, terminal):
    """`.quit`, then Ctrl-D, then (in the caller) a kill."""
    for keys, wait in ((b".quit\r", 5.0), (b"\x04", 2.0)):
        try:
            os.write(terminal.fd, keys)
        except OSError:
            pass
        deadline = time.monotonic() + wait
        while process.poll() is None and time.monotonic() < deadline:
            terminal.drain()
        if process.poll() is not None:
            return


def line(result):
    """The report's line, e.g. `startup (insq --sf 0.1, prompt shown): median 0.11 s, min 0.10 s ...`."""
    title = f"startup ({result['command']}, prompt shown):"
    if result["median_s"] is None:
        return f"{title} FAILED: {result['error']}"
    verdict = "" if result["median_s"] < result["target_s"] else "  ABOVE TARGET"
    text = (f"{title} median {result['median_s']:.2f} s, min {result['min_s']:.2f} s "
            f"({_runs(len(result['samples_s']))}; target < {result['target_s']} s){verdict}")
    if result.get("load_average", 0) >= (result.get("cpus") or 1):
        text += f" (machine busy: load average {result['load_average']:.1f} on {result['cpus']} CPUs)"
    if result["error"]:
        text += f"; a later start FAILED: {result['error']}"
    return text


def _runs(count):
    return f"{count} run" if count == 1 else f"{count} runs"
