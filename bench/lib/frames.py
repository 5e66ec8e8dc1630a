#!/usr/bin/env python3
"""bench/lib/frames.py - measurement 6: frame sizes of the bench functions.

    frames.py BUILD_DIR ROOT [ASYNCC]

For every async function of the asyncc bench programs, compares the size of
the frame asyncc generated with the smallest frame the ABI allows for it:
the 32-byte header, the return slot, the parameters (_start stores them),
the locals live across an await, and one pointer to the awaited child frame
when the function awaits (aligned as a C struct would be). The minimum is
written down by hand below, from reading each function.

Frame sizes come from `asyncc --report` once asyncc has it; until then from
sizeof(struct asyncc__F_frame), compiled from the generated C itself (the
same number, measured rather than reported). Prints per-function lines to
stderr and, for bench/run's raw file,
    sample frame.asyncc bytes <sum of frame sizes>
    sample frame.live bytes <sum of minimal frames>
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

# (program source, function) -> minimal frame bytes, with the reasoning.
MINIMAL = {
    # leaf(int x): no await. hdr 32 + ret int 4 + x 4.
    ("await/asyncc.c", "leaf"): 40,
    # loop(long n): hdr 32 + ret 8 + n 8 + sum 8 + i 8 + child 8.
    ("await/asyncc.c", "loop"): 72,
    # amain(long n): hdr 32 + ret 4 (+4 pad) + n 8 + sum 8 + t0 8 + child 8.
    ("await/asyncc.c", "amain"): 72,
    # worker(long n): hdr 32 + ret 4 (+4) + n 8 + i 8 + child 8.
    ("yield/asyncc.c", "worker"): 64,
    # amain(long n): hdr 32 + ret 4 (+4) + n 8 + t0 8 + child 8.
    ("yield/asyncc.c", "amain"): 64,
    ("yield/asyncc_many.c", "worker"): 64,
    # run(ntasks, per): hdr 32 + ret double 8 + ntasks 8 + per 8 + tasks 8
    # + t 8 + t0 8 + child 8.
    ("yield/asyncc_many.c", "run"): 88,
    # amain(ntasks, total): hdr 32 + ret 4 (+4) + ntasks 8 + total 8 + per 8
    # + child 8.
    ("yield/asyncc_many.c", "amain"): 72,
    # parked_task(fut, id): hdr 32 + ret 4 + id 4 + fut 8 + child 8.
    ("park/asyncc.c", "parked_task"): 56,
    # amain(long n): hdr 32 + ret 4 (+4) + n 8 + fut (asyncc_future_t, 32)
    # + child 8; i is not live across an await.
    ("park/asyncc.c", "amain"): 88,
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
                f.write('  printf("%s %%zu\\n", sizeof(struct asyncc__%s_frame));\n'
                        % (n, n))
            f.write("  return 0;\n}\n")
        exe = os.path.join(tmp, "probe")
        subprocess.run([cc, "-w", "-I", os.path.join(root, "include"),
                        "-I", os.path.join(root, "bench", "lib"),
                        "-iquote", src_dir, "-c", probe, "-o", exe + ".o"],
                       check=True)
        libs = glob.glob(os.path.join(build, "libasyncc.a")) + glob.glob(
            os.path.join(build, "libasyncc.so"))
        subprocess.run([cc, exe + ".o", "-o", exe] + libs[:1] +
                       ["-luv", "-lpthread"], check=True)
        out = subprocess.run([exe], check=True, capture_output=True,
                             text=True).stdout
    return {a: int(b) for a, b in (l.split() for l in out.splitlines())}


def main():
    build, root = sys.argv[1], sys.argv[2]
    cc = os.environ.get("CC", "cc")
    total = live = 0
    cache = {}
    for (src, fn), minimal in sorted(MINIMAL.items()):
        pattern = os.path.join(build, "bench", "asyncc_gen", "*", src + ".c")
        gens = glob.glob(pattern)
        if not gens:
            continue
        if gens[0] not in cache:
            cache[gens[0]] = frame_sizes(gens[0], os.path.dirname(
                os.path.join(root, "bench", src)), root, build, cc)
        sizes = cache[gens[0]]
        if fn not in sizes:
            print("frames: %s: no frame for %s" % (src, fn), file=sys.stderr)
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
