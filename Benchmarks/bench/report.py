"""The results: one table on stdout, and the same as JSON and Markdown in Benchmarks/results/."""
import datetime
import json
import math
import os
import platform
from importlib import metadata

from . import startup
from .engines import LABELS

TIMEOUT = "timeout"  # the error of a query that ran over --timeout (driver._describe)


def summarize(bench, queries, mismatches, args, elapsed, floor_name, startup_result=None):
    failed = {name for name, _, _ in mismatches}
    engines = bench.engine_order
    rows = []
    for name, sql, ordered in queries:
        ms = {engine: bench.medians_ms(name, engine) for engine in engines}
        peers = [ms[e] for e in engines if e != "insq" and ms[e] is not None]
        ratio = ms["insq"] / min(peers) if ms["insq"] is not None and peers and min(peers) > 0 else None
        rows.append({
            "query": name, "ms": ms, "ratio": ratio, "rows": _row_count(bench, name),
            "engine_ms": {e: _median_ms(bench.engine_times.get((name, e))) for e in engines},
            "runs_ms": {e: [t * 1000 for t in bench.times.get((name, e), [])] for e in engines},
            "errors": {e: bench.errors[(name, e)] for e in engines if (name, e) in bench.errors},
            "mismatch": name in failed, "sql": sql,
        })
    ratios = [row["ratio"] for row in rows if row["ratio"]]
    floor = {e: bench.medians_ms(floor_name, e) for e in engines}
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "workload": args.workload, "engines": engines, "timeout_s": args.timeout,
        "sf": bench.sf, "runs": args.runs, "warmups": args.warmups, "label": args.label,
        "mode": "sequential" if bench.sequential else "interleaved",
        "machine": {"cpus": os.cpu_count(), "memory_gib": _memory_gib(), "platform": platform.platform(),
                    "python": platform.python_version(),
                    "duckdb": _version("duckdb"), "polars": _version("polars")},
        "queries": rows,
        "geomean_ratio": math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else None,
        "geomean_queries": len(ratios),
        "floor_ms": floor,
        "load_s": bench.load_seconds,
        "peak_mb_after_load": {e: _mb(bench.peak_after_load.get(e)) for e in engines},
        "peak_mb": {e: _mb(bench.peak_kb.get(e)) for e in engines},
        "mismatches": [{"query": q, "engines": e, "difference": d} for q, e, d in mismatches],
        "errors": [{"query": q, "engine": e, "error": m} for (q, e), m in sorted(bench.errors.items())],
        "startup": startup_result,
        "elapsed_s": round(elapsed, 1),
    }


def table(summary):
    engines = _engines(summary)
    peers = [LABELS[e] for e in engines if e != "insq"]
    ratio_title = f"insq/{peers[0]}" if len(peers) == 1 else "insq/best"
    width = max([len(row["query"]) for row in summary["queries"]] + [len("geometric mean")])
    head = "  ".join([f"{'query':<{width}}", f"{'rows':>5}"] + [f"{LABELS[e] + ' ms':>10}" for e in engines]
                     + [f"{ratio_title:>9}"])
    order = ("engines one after another" if summary["mode"] == "sequential"
             else "rounds interleaved across engines")
    lines = [f"{' vs '.join(LABELS[e] for e in engines)} — SF {summary['sf']}, median of {summary['runs']} runs "
             f"(after {summary['warmups']} warm-up, {order}), wall time per query in the driver",
             head, "-" * len(head)]
    for row in summary["queries"]:
        cells = [_ms(row["ms"][e], row["errors"].get(e)) for e in engines]
        ratio = f"{row['ratio']:.2f}" if row["ratio"] else "-"
        flag = "  MISMATCH" if row["mismatch"] else ""
        lines.append("  ".join([f"{row['query']:<{width}}", f"{_count(row['rows']):>5}"]
                               + [f"{cell:>10}" for cell in cells] + [f"{ratio:>9}{flag}"]))
    lines.append("-" * len(head))
    geomean = summary["geomean_ratio"]
    lines.append("  ".join([f"{'geometric mean':<{width}}", f"{'':>5}"] + [f"{'':>10}" for _ in engines]
                           + [f"{(f'{geomean:.2f}' if geomean else '-'):>9}  ({summary['geomean_queries']} queries)"]))
    lines.append("")
    lines.append(f"{'':<24}" + "".join(f"{LABELS[e]:>12}" for e in engines))
    lines.append(_line("load s", summary["load_s"], "{:.2f}", engines))
    lines.append(_line("peak MB after load", summary["peak_mb_after_load"], "{:.0f}", engines))
    lines.append(_line("peak MB (VmHWM) at end", summary["peak_mb"], "{:.0f}", engines))
    lines.append(_line("floor ms (SELECT 1)", summary["floor_ms"], "{:.2f}", engines))
    if summary["startup"]:
        lines.append("")
        lines.append(startup.line(summary["startup"]))
    for item in summary["mismatches"]:
        lines.append(f"\nMISMATCH {item['query']} ({item['engines']}):\n{item['difference']}")
    timeouts = [item for item in summary["errors"] if item["error"] == TIMEOUT]
    for engine in engines:
        names = [item["query"] for item in timeouts if item["engine"] == engine]
        if names:
            lines.append(f"\nTIMEOUT (over {summary.get('timeout_s', 0):g} s) on {LABELS[engine]}: {', '.join(names)}")
    for (engine, error), names in _grouped_errors(summary["errors"]).items():
        if error == TIMEOUT:
            continue
        which = names[0] if len(names) == 1 else f"{len(names)} queries ({names[0]} … {names[-1]})"
        lines.append(f"\nERROR {which} on {LABELS[engine]}:\n{error}")
    return "\n".join(lines)


def write(summary, directory):
    os.makedirs(directory, exist_ok=True)
    stamp = summary["date"].replace(":", "").replace("-", "")
    base = os.path.join(directory, f"sf{summary['sf']}-{stamp}")
    with open(base + ".json", "w") as file:
        json.dump(summary, file, indent=1, ensure_ascii=False)
    title = "insq TPC-H benchmark" if summary.get("workload") == "tpch" else "insq benchmark"
    text = (f"# {title}, SF {summary['sf']}, {summary['date']}\n\n{summary['label']}\n\n"
            + "".join(f"{LABELS[e]} {summary['machine'][e]}, " for e in _engines(summary) if e != "insq")
            + f"{summary['machine']['cpus']} CPUs, {summary['machine']['memory_gib']} GiB, "
            f"{summary['machine']['platform']}\n\n```\n{table(summary)}\n```\n")
    with open(base + ".md", "w") as file:
        file.write(text)
    return [base + ".json", base + ".md"]


def _engines(summary):
    """The engines of the summary in their order (results written before there was a choice had all three)."""
    return summary.get("engines", ["insq", "duckdb", "polars"])


def _grouped_errors(errors):
    """(engine, message) -> query names, so that a failed load is printed once, not once per query."""
    groups = {}
    for item in errors:
        groups.setdefault((item["engine"], item["error"]), []).append(item["query"])
    return groups


def _line(title, values, form, engines):
    cells = [form.format(values[e]) if values.get(e) is not None else "-" for e in engines]
    return f"{title:<24}" + "".join(f"{cell:>12}" for cell in cells)


def _ms(value, error):
    if error == TIMEOUT:
        return "timeout"
    if error:
        return "ERROR"
    if value is None:
        return "-"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _count(value):
    return "-" if value is None else str(value)


def _row_count(bench, name):
    for engine in ("duckdb", "polars", "insq"):
        if (name, engine) in bench.answers:
            return len(bench.answers[(name, engine)])
    return None


def _median_ms(values):
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return median * 1000


def _mb(kb):
    return None if kb is None else kb / 1024


def _memory_gib():
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 ** 2, 1)
    except OSError:
        return None
    return None


def _version(package):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None
