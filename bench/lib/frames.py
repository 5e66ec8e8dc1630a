#!/usr/bin/env python3
"""bench/lib/frames.py - measurement 6: frame sizes of the bench functions.

    frames.py BUILD_DIR ROOT [ASYNCC]

For every async function of the asyncc bench programs, compares the bytes
of the frame asyncc generated with the smallest frame the ABI allows for
it. Both count a function's own frame: the frames of awaited callees that
asyncc embeds in it (the asyncc__u union) are counted with the callee. The
smallest frame holds the 24-byte header, the return slot, the parameters
(_start stores them), the locals live across an await and, when the
function awaits a function of another translation unit whose frame cannot
be embedded (the runtime's asyncc_task_join), one pointer to that child
frame; the runtime's leaves (asyncc/leaves.h: yield, future wait) are
embedded and so counted with the callee. Fields ordered by alignment, the
struct rounded to 8 bytes. It is written down by hand below, from reading each
function.

Frame sizes come from `asyncc --report` (the total less the size of the
asyncc__u union when there is one: asyncc orders members by alignment, so
the union need not come last), checked against
sizeof(struct asyncc__F_frame) minus sizeof its union, compiled from the
generated C itself; without a report, the sizeof figures are used. Prints
per-function lines to stderr and,
for bench/run's raw file,
    sample frame.asyncc bytes <sum of own frame sizes>
    sample frame.live bytes <sum of the smallest frames>
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

# (program source, function) -> smallest own frame in bytes, and why.
MINIMAL = {
    # leaf(int x): no await. hdr 24 + ret 4 + x 4.
    ("await/asyncc.c", "leaf"): 32,
    # loop(long n): hdr 24 + ret 8 + n 8 + sum 8 + i 8 (leaf is embedded).
    ("await/asyncc.c", "loop"): 56,
    # amain(long n): hdr 24 + n 8 + sum 8 + t0 8 + ret 4 = 52 -> 56.
    ("await/asyncc.c", "amain"): 56,
    # worker(long n): hdr 24 + n 8 + i 8 + ret 4 = 44 -> 48 (the
    # asyncc_yield frame is embedded).
    ("yield/asyncc.c", "worker"): 48,
    # amain(long n): hdr 24 + n 8 + t0 8 + ret 4 = 44 -> 48.
    ("yield/asyncc.c", "amain"): 48,
    ("yield/asyncc_many.c", "worker"): 48,
    # run(ntasks, per): hdr 24 + ret 8 + ntasks 8 + per 8 + tasks 8 + t 8
    # + t0 8 + failed 8 + child 8 (asyncc_task_join) + result 4 (its
    # address is passed to the join) = 92 -> 96.
    ("yield/asyncc_many.c", "run"): 96,
    # amain(ntasks, total): hdr 24 + ntasks 8 + total 8 + per 8 + ret 4
    # = 52 -> 56.
    ("yield/asyncc_many.c", "amain"): 56,
    # parked_task(fut, id): hdr 24 + fut 8 + id 4 + ret 4 (the wait on
    # the future needs no frame: ASYNCC__AWAIT_PARK).
    ("park/asyncc.c", "parked_task"): 40,
    # amain(long n): hdr 24 + n 8 + fut (asyncc_future_t) 32 + ret 4
    # = 68 -> 72; i is not live across an await; the yield is embedded.
    ("park/asyncc.c", "amain"): 72,
}

STRUCT_RE = re.compile(r"^struct asyncc__(\w+)_frame \{", re.M)


def frame_sizes(gen_file, src_dir, root, build, cc):
    """{function: sizeof(struct asyncc__F_frame)} for one generated file."""
    text = open(gen_file).read()
    names = STRUCT_RE.findall(text)
    if not names:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.c")
        with open(probe, "w") as f:
            f.write("#define main asyncc_bench_unused_main\n")
            f.write('#include "%s"\n#undef main\n' % gen_file)
            f.write("int main(void) {\n")
            for n in names:
                body = text[text.index("struct asyncc__%s_frame {" % n):]
                body = body[:body.index("\n};")]
                union = ("- sizeof(((struct asyncc__%s_frame*)0)->asyncc__u)"
                         % n if "} asyncc__u;" in body else "")
                f.write('  printf("%s %%zu\\n", sizeof(struct asyncc__%s_frame)'
                        ' %s);\n' % (n, n, union))
            f.write("  return 0;\n}\n")
        exe = os.path.join(tmp, "probe")
        subprocess.run([cc, "-w", "-I", os.path.join(root, "include"),
                        "-I", os.path.join(root, "bench", "lib"),
                        "-iquote", src_dir, "-c", probe, "-o", exe + ".o"],
                       check=True, stderr=subprocess.DEVNULL)
        libs = glob.glob(os.path.join(build, "libasyncc.a")) + glob.glob(
            os.path.join(build, "libasyncc.so"))
        subprocess.run([cc, exe + ".o", "-o", exe] + libs[:1] +
                       ["-luv", "-lpthread"], check=True)
        out = subprocess.run([exe], check=True, capture_output=True,
                             text=True).stdout
    return {a: int(b) for a, b in (l.split() for l in out.splitlines())}


REPORT_FN_RE = re.compile(r"^async function (\w+) \(")
REPORT_TOTAL_RE = re.compile(r"^\s+total (\d+) bytes")
REPORT_UNION_RE = re.compile(r"^\s+\d+\s+(\d+)\s+asyncc__u\s")


def report_sizes(asyncc, src_file, root):
    """{function: own frame bytes} from asyncc --report, or None."""
    try:
        out = subprocess.run(
            [asyncc, "--report", src_file, "--",
             "-I", os.path.join(root, "include"),
             "-I", os.path.join(root, "bench", "lib")],
            capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    sizes, fn, union_size = {}, None, 0
    for line in out.stdout.splitlines():
        m = REPORT_FN_RE.match(line)
        if m:
            fn, union_size = m.group(1), 0
            continue
        m = REPORT_UNION_RE.match(line)
        if m and fn:
            union_size = int(m.group(1))
            continue
        m = REPORT_TOTAL_RE.match(line)
        if m and fn:
            sizes[fn] = int(m.group(1)) - union_size
            fn = None
    return sizes or None


def main():
    build, root = sys.argv[1], sys.argv[2]
    asyncc = sys.argv[3] if len(sys.argv) > 3 else None
    reports = {}
    cc = os.environ.get("CC", "cc")
    total = live = 0
    cache = {}
    for (src, fn), minimal in sorted(MINIMAL.items()):
        pattern = os.path.join(build, "bench", "asyncc_gen", "*", src + ".c")
        gens = glob.glob(pattern)
        if not gens:
            continue
        if gens[0] not in cache:
            try:
                cache[gens[0]] = frame_sizes(gens[0], os.path.dirname(
                    os.path.join(root, "bench", src)), root, build, cc)
            except subprocess.CalledProcessError:
                print("frames: %s: the generated C does not compile; skipped"
                      % src, file=sys.stderr)
                cache[gens[0]] = {}
        sizes = cache[gens[0]]
        if asyncc and src not in reports:
            reports[src] = report_sizes(asyncc, os.path.join(root, "bench", src),
                                        root)
        rep = (reports.get(src) or {}).get(fn)
        if rep is not None and fn in sizes and rep != sizes[fn]:
            print("frames: %s %s: --report says %d B, sizeof %d B" %
                  (src, fn, rep, sizes[fn]), file=sys.stderr)
        if rep is not None:
            sizes = dict(sizes, **{fn: rep})
        if fn not in sizes:
            continue
        print("frames: %-22s %-12s frame %4d B, minimal %4d B" %
              (src, fn, sizes[fn], minimal), file=sys.stderr)
        total += sizes[fn]
        live += minimal
    if total:
        print("sample frame.asyncc bytes %d" % total)
        print("sample frame.live bytes %d" % live)


if __name__ == "__main__":
    main()
