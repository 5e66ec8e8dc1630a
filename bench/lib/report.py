#!/usr/bin/env python3
"""bench/lib/report.py - medians, ratios and targets for bench/run.

    report.py RAW JSON_OUT

RAW is the file bench/run appends to while it measures, one fact a line:
    meta <key> <value...>          about the run (machine, commit, mode)
    status <variant> <status>      ok | n/a | pending | failed (why...)
    sample <variant> <metric> <v>  one measurement of one run
where <variant> is "<benchmark>.<program>", e.g. "await.sm". Prints the
markdown table (figure, asyncc, baseline, peers, ratio, target, met/missed)
to stdout and writes everything, samples included, to JSON_OUT, the input
of bench/compare.

Every ratio is taken within this one invocation: the median of the
per-round ratios when both programs ran in every round (see Run.paired),
else the ratio of the medians.
"""
import json
import statistics
import sys

# ---------------------------------------------------------------------------
# What each benchmark compares. Units: "ns", "B", "rps", "us", "ms", "MB".

PROGRAMS = {
    # variant: human label
    "await.asyncc": "asyncc",
    "await.sm": "hand SM, embedded callee frame",
    "await.plain": "plain C call",
    "await.sm_malloc": "hand SM, malloc'd callee frame",
    "await.coro": "C++20 coroutine, heap frame",
    "await.coro_elide": "C++20 coroutine, elided frame",
    "await.node": "Node",
    "await.python": "Python asyncio",
    "yield1.asyncc": "asyncc",
    "yield1.uv": "libuv ready queue",
    "yield1.sm": "hand SM frames, no tasks",
    "yield1.node": "Node setImmediate",
    "yield1.asyncio": "asyncio sleep(0)",
    "yield1.uvloop": "uvloop sleep(0)",
    "yield1k.asyncc": "asyncc",
    "yield1k.uv": "libuv ready queue",
    "yield1k.sm": "hand SM frames, no tasks",
    "yield1k.node": "Node setImmediate",
    "yield1k.asyncio": "asyncio sleep(0)",
    "yield1k.uvloop": "uvloop sleep(0)",
    "park.asyncc": "asyncc",
    "park.frames": "hand-written 64-byte frames",
    "park.coro": "C++20 coroutine frames",
    "park.node": "Node async functions",
    "park.python": "Python asyncio tasks",
    "park.ucontext": "ucontext, 64 KiB stacks",
    "echo.asyncc": "asyncc, a task per connection",
    "echo.uv": "libuv callbacks",
    "echo.node": "Node net",
    "echo.asyncio": "Python asyncio protocol",
    "echo.uvloop": "Python uvloop protocol",
    "transpile.asyncc": "asyncc",
    "transpile.parse": "libclang-19 parse only",
    "transpile.clang14": "clang-14 -fsyntax-only",
    "transpile.parse_w": "libclang-19 parse only, -w (as asyncc parses)",
    "frame.asyncc": "asyncc frames",
    "frame.live": "smallest frames the ABI allows",
}

LOWER_IS_BETTER = {"ns_per_op": True, "bytes": True, "rps": False,
                   "p99_us": True, "p50_us": True, "ms": True, "peak_mb": True}
UNITS = {"ns_per_op": "ns", "bytes": "B", "rps": "req/s", "p99_us": "µs",
         "p50_us": "µs", "ms": "ms", "peak_mb": "MB"}


def le(x):
    return lambda r: r <= x


def ge(x):
    return lambda r: r >= x


# Each row: the figure, the asyncc program, the baseline, the peers, and the
# target as (numerator, denominator, test, text). Ratios are medians of one
# run divided by each other.
ROWS = [
    dict(n="1", figure="await, no suspend (ns/await)", metric="ns_per_op",
         asyncc="await.asyncc", base="await.sm",
         peers=["await.plain", "await.sm_malloc", "await.coro",
                "await.coro_elide", "await.node", "await.python"],
         ratio=("await.asyncc", "await.sm"), test=le(1.3),
         target="≤ 1.3× hand SM"),
    dict(n="1", figure="await vs C++20 heap frame", metric="ns_per_op",
         asyncc="await.asyncc", base="await.coro", peers=[],
         ratio=("await.coro", "await.asyncc"), test=ge(4.0),
         target="≥ 4× faster than C++20"),
    dict(n="2", figure="yield round trip, 1 task (ns/switch)",
         metric="ns_per_op", asyncc="yield1.asyncc", base="yield1.uv",
         peers=["yield1.sm", "yield1.node", "yield1.asyncio", "yield1.uvloop"],
         ratio=("yield1.asyncc", "yield1.uv"), test=le(1.2),
         target="≤ 1.2× libuv queue"),
    dict(n="2", figure="yield, 1,000 ready tasks (ns/switch)",
         metric="ns_per_op", asyncc="yield1k.asyncc", base="yield1k.uv",
         peers=["yield1k.sm", "yield1k.node", "yield1k.asyncio", "yield1k.uvloop"],
         ratio=("yield1k.asyncc", "yield1k.uv"), test=le(1.2),
         target="≤ 1.2× libuv queue"),
    dict(n="3", figure="memory per parked task (B)", metric="bytes",
         asyncc="park.asyncc", base="park.frames",
         peers=["park.coro", "park.node", "park.python", "park.ucontext"],
         ratio=("park.asyncc", "park.frames"), test=le(1.25),
         target="≤ 1.25× hand frames"),
    dict(n="3", figure="memory vs Node", metric="bytes",
         asyncc="park.asyncc", base="park.node", peers=[],
         ratio=("park.node", "park.asyncc"), test=ge(5.0),
         target="≥ 5× smaller than Node"),
    dict(n="3", figure="memory vs Python", metric="bytes",
         asyncc="park.asyncc", base="park.python", peers=[],
         ratio=("park.python", "park.asyncc"), test=ge(10.0),
         target="≥ 10× smaller than Python"),
    dict(n="4", figure="TCP echo, 50 conns (req/s)", metric="rps",
         asyncc="echo.asyncc", base="echo.uv",
         peers=["echo.node", "echo.asyncio", "echo.uvloop"],
         ratio=("echo.asyncc", "echo.uv"), test=ge(0.95),
         target="≥ 0.95× libuv"),
    dict(n="4", figure="TCP echo p99 (µs)", metric="p99_us",
         asyncc="echo.asyncc", base="echo.uv",
         peers=["echo.node", "echo.asyncio", "echo.uvloop"],
         ratio=("echo.asyncc", "echo.uv"), test=le(1.1),
         target="≤ 1.1× libuv"),
    dict(n="4", figure="TCP echo vs Node and Python", metric="rps",
         asyncc="echo.asyncc", base=None,
         peers=[], ratio=("echo.asyncc", "@best_peer"), test=lambda r: r > 1.0,
         best_of=["echo.node", "echo.asyncio", "echo.uvloop"],
         target="> best of Node, Python"),
    dict(n="5", figure="transpile a large file (ms)", metric="ms",
         asyncc="transpile.asyncc", base="transpile.parse",
         peers=["transpile.clang14", "transpile.parse_w"],
         ratio=("transpile.asyncc", "transpile.parse"), test=le(1.5),
         target="≤ 1.5× parse"),
    dict(n="5", figure="transpile peak memory (MB)", metric="peak_mb",
         asyncc="transpile.asyncc", base="transpile.parse",
         peers=["transpile.clang14", "transpile.parse_w"],
         ratio=("transpile.asyncc", "transpile.parse"), test=None,
         target="(reported)"),
    dict(n="6", figure="frame bytes, all bench functions", metric="bytes",
         asyncc="frame.asyncc", base="frame.live", peers=[],
         ratio=("frame.asyncc", "frame.live"), test=None,
         target="(reported)"),
]


# ---------------------------------------------------------------------------

def load(path):
    meta, status, samples = {}, {}, {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "meta" and len(parts) >= 2:
                meta[parts[1]] = " ".join(parts[2:])
            elif parts[0] == "status" and len(parts) >= 3:
                status[parts[1]] = " ".join(parts[2:])
            elif parts[0] == "sample" and len(parts) == 4:
                try:
                    v = float(parts[3])
                except ValueError:
                    continue
                samples.setdefault(parts[1], {}).setdefault(
                    parts[2], []).append(v)
    return meta, status, samples


def fmt(v, metric):
    if v is None:
        return None
    if metric == "rps":
        return "%.1fk" % (v / 1e3)
    if metric == "bytes":
        return "%.0f" % v if v < 10000 else "%.1f K" % (v / 1024)
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    return "%.2f" % v


class Run:
    def __init__(self, meta, status, samples):
        self.meta, self.status, self.samples = meta, status, samples

    def median(self, variant, metric):
        vals = self.samples.get(variant, {}).get(metric)
        return statistics.median(vals) if vals else None

    def paired(self, a, b, metric):
        """Median of the per-round ratios a_i / b_i. bench/run runs every
        program once per round, one after the other, so sample i of each
        program saw the same moment of the machine's load; the ratio of one
        round cancels most of that load, and the median over rounds drops
        the rounds where the load changed between the two programs. None
        when the rounds do not line up (a program failed in some round)."""
        xs = self.samples.get(a, {}).get(metric) or []
        ys = self.samples.get(b, {}).get(metric) or []
        if len(xs) != len(ys) or len(xs) < 3 or not all(ys):
            return None
        return statistics.median(x / y for x, y in zip(xs, ys))

    def cell(self, variant, metric):
        """The text for one program's figure: a median, or why not."""
        m = self.median(variant, metric)
        if m is not None:
            return fmt(m, metric)
        st = self.status.get(variant, "n/a")
        if st.startswith("pending"):
            return "pending"
        if st.startswith("failed"):
            return "failed"
        return "n/a"

    def row(self, r):
        metric = r["metric"]
        num_v, den_v = r["ratio"]
        num = self.median(num_v, metric)
        if den_v == "@best_peer":
            vals = [self.median(p, metric) for p in r["best_of"]]
            vals = [v for v in vals if v is not None]
            den = max(vals) if vals else None
            den_label = "best peer"
        else:
            den = self.median(den_v, metric)
            den_label = short(den_v)
        ratio = num / den if num is not None and den else None
        if ratio is not None and den_v != "@best_peer":
            ratio = self.paired(num_v, den_v, metric) or ratio
        if ratio is None:
            state = self.cell(r["asyncc"], metric)
            status = "pending" if state == "pending" else "n/a"
            if state == "failed":
                status = "failed"
        elif r["test"] is None:
            status = "—"
        else:
            status = "met" if r["test"](ratio) else "missed"
        peers = r["peers"] if r.get("best_of") is None else r["best_of"]
        peer_text = "; ".join("%s %s" % (PROGRAMS[p], self.cell(p, metric))
                              for p in peers)
        base = r["base"]
        return {
            "n": r["n"],
            "figure": r["figure"],
            "metric": metric,
            "asyncc": self.cell(r["asyncc"], metric),
            "baseline": ("%s %s" % (PROGRAMS[base], self.cell(base, metric))
                         if base else "—"),
            "peers": peer_text or "—",
            "ratio": ratio,
            "ratio_text": ("%s/%s %.2f×" % (short(num_v), den_label, ratio)
                           if ratio is not None else "—"),
            "target": r["target"],
            "status": status,
        }

    def rows(self):
        """The rows of the benchmarks this run measured (bench/run --only
        leaves the others out)."""
        return [self.row(r) for r in ROWS
                if r["asyncc"] in self.status or
                (r["base"] and r["base"] in self.status)]


def short(variant):
    return variant.split(".", 1)[1]


def table(rows):
    out = ["| # | figure | asyncc | baseline | peers | ratio | target | "
           "met/missed |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["n"], r["figure"], r["asyncc"], r["baseline"], r["peers"],
            r["ratio_text"], r["target"], r["status"]))
    return "\n".join(out)


def main():
    raw, out = sys.argv[1], sys.argv[2]
    meta, status, samples = load(raw)
    run = Run(meta, status, samples)
    rows = run.rows()
    results = {}
    for variant, metrics in sorted(samples.items()):
        for metric, vals in sorted(metrics.items()):
            results["%s.%s" % (variant, metric)] = {
                "median": statistics.median(vals),
                "samples": vals,
                "unit": UNITS.get(metric, ""),
                "lower_is_better": LOWER_IS_BETTER.get(metric, True),
            }
    doc = {"schema": 1, "meta": meta, "status": status,
           "results": results, "rows": rows}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(table(rows))
    notes = ["- %s (%s): %s" % (v, PROGRAMS.get(v, v), st)
             for v, st in sorted(status.items()) if st != "ok"]
    if notes:
        print("\nNot measured:\n" + "\n".join(notes))


if __name__ == "__main__":
    main()
