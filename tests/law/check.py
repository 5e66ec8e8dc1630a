#!/usr/bin/env python3
"""tests/law/check.py - checks asyncc's semantic law on generated programs.

For each seed (and size), gen.py writes a program; the program is built
plainly against tests/sync/asyncc.h (await(e) read as (e)) and run, then
transpiled by asyncc, built against the runtime and run. The law holds when
both print the same text and exit with the same status.

  check.py [options] SEED...          seeds: 7  1-40  (ranges allowed)

  --asyncc PATH         the transpiler ($ASYNCC)
  --runtime-lib PATH    the runtime library ($ASYNCC_RUNTIME_LIB)
  --size LIST           small,medium,large (default: small)
  --features SPEC       passed to gen.py (e.g. all,-goto,-switch)
  --jobs N              parallel checks (default: number of CPUs)
  --out DIR             where failures are kept (default: law-failures)
  --reduce              shrink each failure to a minimal program that
                        still fails the same way (slow; see README.md)
  --asan                build the transpiled program with ASan+UBSan too
  --sync-only           validate the generator instead: build each program
                        with gcc and clang (-Wall -Wextra -Werror -pedantic,
                        ASan+UBSan, -O0 and -O2), run both and compare;
                        gcc and clang order unsequenced operands
                        differently, so this also catches a program whose
                        output depends on an unspecified order

On a failure the program, both outputs, the transpiled code and a diff are
kept in DIR/<size>-<seed>/, with a line to reproduce it. Exit status: 0 when
every seed passed, 1 otherwise, 2 on usage errors.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(HERE, "gen.py")
SAN = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]
STRICT = ["-O1", "-Werror=uninitialized", "-Werror=maybe-uninitialized", "-Werror=return-type"] + SAN


def run(cmd, timeout, cwd=None, env=None):
    """(status, stdout, stderr); status None on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return None, out, "timeout after %ss" % timeout


def parse_seeds(items):
    seeds = []
    for it in items:
        for part in it.split(","):
            if not part:
                continue
            m = re.match(r"^(\d+)-(\d+)$", part)
            if m:
                seeds.extend(range(int(m.group(1)), int(m.group(2)) + 1))
            elif re.match(r"^\d+$", part):
                seeds.append(int(part))
            else:
                raise ValueError("bad seed %r (want N, N-M or a comma list)" % part)
    return seeds


class Checker:
    def __init__(self, a):
        self.a = a
        self.cc = a.cc
        self.uv_libs = []
        if not a.sync_only:
            st, out, err = run(["pkg-config", "--libs", "libuv"], 30)
            self.uv_libs = out.split() if st == 0 else ["-luv"]

    # --- building and running
    def gen(self, seed, size, path):
        cmd = [sys.executable, GEN, "--seed", str(seed), "--size", size]
        if self.a.features:
            cmd += ["--features=" + self.a.features]
        st, out, err = run(cmd, 60)
        if st != 0:
            raise RuntimeError("gen.py failed: %s" % err)
        with open(path, "w") as f:
            f.write(out)

    def build_sync(self, d, src, exe, cc=None, extra=()):
        # -w would also silence the -Werror=... of STRICT
        quiet = [] if "-Werror=return-type" in extra else ["-w"]
        cmd = [cc or self.cc, "-std=c11"] + quiet + ["-I", self.a.sync_include] + list(extra) + [src, "-o", exe]
        return run(cmd, self.a.timeout, cwd=d)

    def transpile(self, d, src, out):
        cmd = [self.a.asyncc, src, "-o", out, "--", "-I", self.a.include]
        return run(cmd, self.a.timeout, cwd=d)

    def build_real(self, d, src, exe):
        # uv.h needs POSIX types (pthread_rwlock_t) that strict -std=c11
        # hides
        cmd = [self.cc, "-std=c11", "-D_DEFAULT_SOURCE", "-w", "-I", self.a.include] + (SAN if self.a.asan else []) + \
              [src, self.a.runtime_lib] + self.uv_libs + ["-o", exe]
        if ".so" in os.path.basename(self.a.runtime_lib):
            cmd.append("-Wl,-rpath," + os.path.dirname(self.a.runtime_lib))
        return run(cmd, self.a.timeout, cwd=d)

    def law(self, d, src, strict=False):
        """Runs the law on src (in dir d). Returns (verdict, key, info):
        verdict 'ok', 'bad-program' (the sync side fails: not a valid law
        program) or a failure kind; key identifies the failure for the
        reducer; info is a dict of texts to keep. strict: build the sync
        side with gcc, the sanitizers and errors for what a reduction can
        break (an uninitialized read, a non-void function falling off its
        end)."""
        info = {}
        if strict:
            st, out, err = self.build_sync(d, src, "sync", cc="gcc", extra=STRICT)
        else:
            st, out, err = self.build_sync(d, src, "sync")
        if st != 0:
            return "bad-program", None, {"sync.build.txt": err}
        st_s, out_s, err_s = run(["./sync"], self.a.timeout, cwd=d)
        info["sync.out"] = out_s + "[exit %s]\n" % st_s
        if st_s is None or st_s < 0 or err_s:
            return "bad-program", None, info
        st, out, err = self.transpile(d, src, "gen.c")
        info["transpile.txt"] = "$ %s\n%s%s[exit %s]\n" % (
            " ".join([self.a.asyncc, src, "-o", "gen.c", "--", "-I", self.a.include]), out, err, st)
        if st != 0:
            return "transpile-fail", "transpile:%s:%s" % (st, first_diag(err)), info
        st, out, err = self.build_real(d, "gen.c", "real")
        info["real.build.txt"] = out + err
        if st != 0:
            return "build-fail", "build:%s" % first_diag(err), info
        st_r, out_r, err_r = run(["./real"], self.a.timeout, cwd=d)
        info["real.out"] = out_r + "[exit %s]\n" % st_r
        if err_r:
            info["real.stderr.txt"] = err_r
        if st_r is None:
            return "timeout", "timeout", info
        if st_r < 0 or st_r > 100 or (self.a.asan and "Sanitizer" in err_r):
            return "crash", "crash", info
        if out_r != out_s or st_r != st_s:
            diff = "".join(difflib.unified_diff(info["sync.out"].splitlines(True), info["real.out"].splitlines(True),
                                                "sync.out", "real.out", n=2))
            info["diff.txt"] = diff
            return "mismatch", "mismatch", info
        return "ok", None, info

    def validate(self, d, src):
        """--sync-only: the program must build warning-free with gcc and
        clang, run clean under ASan+UBSan and print the same with both."""
        outs = []
        for cc, opt in (("gcc", "-O0"), ("clang", "-O2")):
            exe = "v-" + cc
            cmd = [cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", opt] + SAN + \
                  ["-I", self.a.sync_include, src, "-o", exe]
            st, out, err = run(cmd, 120, cwd=d)
            if st != 0:
                return "warning-%s" % cc, {"%s.txt" % cc: err}
            st, out, err = run(["./" + exe], self.a.timeout, cwd=d)
            if st is None:
                return "timeout-%s" % cc, {"%s.out" % cc: out}
            if err or st < 0 or st > 100:
                return "ub-%s" % cc, {"%s.out" % cc: out, "%s.stderr.txt" % cc: err}
            outs.append((cc, out + "[exit %s]\n" % st))
        if outs[0][1] != outs[1][1]:
            diff = "".join(difflib.unified_diff(outs[0][1].splitlines(True), outs[1][1].splitlines(True),
                                                "gcc", "clang", n=2))
            return "order-dependent", {"diff.txt": diff}
        return "ok", {"lines": str(outs[0][1].count("\n"))}

    # --- one seed
    def check(self, seed, size):
        name = "%s-%d" % (size, seed)
        d = tempfile.mkdtemp(prefix="law-%s-" % name)
        try:
            src = "prog.c"
            self.gen(seed, size, os.path.join(d, src))
            if self.a.sync_only:
                verdict, info = self.validate(d, src)
                key = None
            else:
                verdict, key, info = self.law(d, src)
            if verdict == "ok":
                return name, verdict, ""
            fdir = os.path.join(self.a.out, name)
            shutil.rmtree(fdir, ignore_errors=True)
            os.makedirs(fdir)
            for fn in ("prog.c", "gen.c"):
                if os.path.exists(os.path.join(d, fn)):
                    shutil.copy(os.path.join(d, fn), fdir)
            for fn, text in info.items():
                if fn != "lines":
                    with open(os.path.join(fdir, fn), "w") as f:
                        f.write(text)
            repro = "python3 %s %s--size %s %s%d" % (
                os.path.relpath(os.path.join(HERE, "check.py")), "--sync-only " if self.a.sync_only else "",
                size, ("--features=%s " % self.a.features) if self.a.features else "", seed)
            with open(os.path.join(fdir, "REPRO.txt"), "w") as f:
                f.write(repro + "\n")
            msg = "FAIL %s: %s (kept in %s)\n  reproduce: %s\n" % (name, verdict, fdir, repro)
            if "diff.txt" in info:
                msg += indent(head(info["diff.txt"], 30))
            for k in ("transpile.txt", "real.build.txt", "gcc.txt", "clang.txt",
                      "gcc.stderr.txt", "clang.stderr.txt", "real.stderr.txt"):
                if k in info and verdict != "mismatch":
                    msg += indent(head(info[k], 15))
            if self.a.reduce and key:
                red = Reducer(self, os.path.join(fdir, "prog.c"), key).reduce()
                msg += "  reduced: %s (%d lines)\n" % (red, sum(1 for _ in open(red)))
            return name, verdict, msg
        finally:
            if self.a.keep:
                print("kept %s" % d)
            else:
                shutil.rmtree(d, ignore_errors=True)


def first_diag(text):
    """The first error message, without file, line and column."""
    for line in text.splitlines():
        m = re.search(r"(error|fatal error|warning): (.*)$", line)
        if m and m.group(1) != "warning":
            return re.sub(r"'[^']*'", "'_'", m.group(2)).strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[0][:80] if lines else ""


def head(text, n):
    lines = text.splitlines()
    if len(lines) > n:
        lines = lines[:n] + ["... (%d more lines)" % (len(lines) - n)]
    return "\n".join(lines) + "\n"


def indent(text):
    return "".join("    " + l + "\n" for l in text.splitlines())


class Reducer:
    """Deletes statements and blocks (and unwraps blocks) from a failing
    program while it still fails the same way and stays a valid law program
    (its sync build passes gcc with the sanitizers and errors for an
    uninitialized read or a missing return, runs clean, and gcc and clang
    agree on its output)."""

    def __init__(self, checker, path, key):
        self.c = checker
        self.path = path
        self.key = key
        self.tries = 0

    def interesting(self, lines):
        self.tries += 1
        d = tempfile.mkdtemp(prefix="law-reduce-")
        try:
            with open(os.path.join(d, "prog.c"), "w") as f:
                f.write("".join(lines))
            verdict, key, info = self.c.law(d, "prog.c", strict=True)
            if key != self.key:
                return False
            # gcc and clang must agree: a deletion must not leave output
            # that depends on an unspecified order
            st, _, _ = self.c.build_sync(d, "prog.c", "clang-sync", cc="clang", extra=["-O2"] + SAN)
            if st != 0:
                return False
            st2, out2, err2 = run(["./clang-sync"], self.c.a.timeout, cwd=d)
            return not err2 and out2 + "[exit %s]\n" % st2 == info.get("sync.out")
        finally:
            shutil.rmtree(d, ignore_errors=True)

    @staticmethod
    def units(lines, start):
        """Line ranges (i, k) beginning at line 'start', largest first: a
        braced construct with its header ('if (...)', 'for (...)', a
        function's signature) and any '} else {' continuations, or the
        single line."""
        n = len(lines)
        s = lines[start].strip()
        if not s or s.startswith("#") or s == "}" or s.startswith("} "):
            return []
        out = []
        j = start
        if s != "{" and start + 1 < n and lines[start + 1].strip() == "{" and not s.endswith(";"):
            j = start + 1
        if lines[j].count("{") > lines[j].count("}"):
            depth = 0
            for k in range(start, n):
                depth += lines[k].count("{") - lines[k].count("}")
                if depth == 0 and k >= j and not lines[k].rstrip().endswith("{"):
                    out.append((start, k))
                    break
        else:
            out.append((start, start))
        return out

    def reduce(self):
        lines = open(self.path).readlines()
        if not self.interesting(lines):
            print("  reduce: the failure does not reproduce under the reducer's checks; not reduced")
            return self.path
        out = re.sub(r"\.c$", ".min.c", self.path)
        progress = True
        while progress:
            progress = False
            p = 0
            while p < len(lines):
                done = False
                for (i, k) in self.units(lines, p):
                    # delete the construct
                    cand = lines[:i] + lines[k + 1:]
                    if self.interesting(cand):
                        lines, done = cand, True
                        break
                    # or keep only its inside
                    hdr = i + 1 if i + 1 < k and lines[i + 1].strip() == "{" else i
                    if k - hdr >= 2 and lines[hdr].rstrip().endswith("{") and lines[k].strip() == "}" \
                            and "else" not in "".join(lines[i:k + 1]):
                        cand = lines[:i] + lines[hdr + 1:k] + lines[k + 1:]
                        if self.interesting(cand):
                            lines, done = cand, True
                            break
                if done:
                    progress = True
                    with open(out, "w") as f:
                        f.write("".join(lines))
                    sys.stderr.write("  reduce: %d lines (%d tries)\n" % (len(lines), self.tries))
                else:
                    p += 1
        with open(out, "w") as f:
            f.write("".join(lines))
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds", nargs="*")
    ap.add_argument("--reduce-file", metavar="PROG.C",
                    help="reduce this failing program (writes PROG.min.c) instead of checking seeds")
    ap.add_argument("--asyncc", default=os.environ.get("ASYNCC"))
    ap.add_argument("--runtime-lib", default=os.environ.get("ASYNCC_RUNTIME_LIB"))
    ap.add_argument("--include", default=os.path.join(ROOT, "include"))
    ap.add_argument("--sync-include", default=os.path.join(ROOT, "tests", "sync"))
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--size", default="small")
    ap.add_argument("--features", default="")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--out", default="law-failures")
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--reduce", action="store_true")
    ap.add_argument("--asan", action="store_true")
    ap.add_argument("--sync-only", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep every work directory")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures and the summary only")
    a = ap.parse_args()
    if not a.sync_only and (not a.asyncc or not a.runtime_lib):
        ap.error("need --asyncc and --runtime-lib (or $ASYNCC and $ASYNCC_RUNTIME_LIB), or --sync-only")
    a.out = os.path.abspath(a.out)
    if a.asyncc:
        a.asyncc = os.path.abspath(a.asyncc)
    if a.runtime_lib:
        a.runtime_lib = os.path.abspath(a.runtime_lib)
    a.include = os.path.abspath(a.include)
    a.sync_include = os.path.abspath(a.sync_include)
    c = Checker(a)
    if a.reduce_file:
        d = tempfile.mkdtemp(prefix="law-key-")
        try:
            shutil.copy(a.reduce_file, os.path.join(d, "prog.c"))
            verdict, key, info = c.law(d, "prog.c")
        finally:
            shutil.rmtree(d, ignore_errors=True)
        if key is None:
            print("%s: %s; nothing to reduce" % (a.reduce_file, verdict))
            return 1
        print("%s: %s (%s); reducing" % (a.reduce_file, verdict, key))
        r = Reducer(c, os.path.abspath(a.reduce_file), key)
        out = r.reduce()
        print("%s (%d lines, %d tries)" % (out, sum(1 for _ in open(out)), r.tries))
        return 0
    if not a.seeds:
        ap.error("no seeds")
    try:
        seeds = parse_seeds(a.seeds)
    except ValueError as e:
        ap.error(str(e))
    sizes = [s for s in a.size.split(",") if s]
    jobs = [(s, z) for z in sizes for s in seeds]
    counts = {}
    failed = []
    with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for name, verdict, msg in ex.map(lambda j: c.check(*j), jobs):
            counts[verdict] = counts.get(verdict, 0) + 1
            if verdict != "ok":
                failed.append(name)
                sys.stdout.write(msg)
            elif not a.quiet:
                sys.stdout.write("ok %s\n" % name)
            sys.stdout.flush()
    summary = ", ".join("%d %s" % (n, v) for v, n in sorted(counts.items()))
    print("law%s: %d programs: %s" % (" (sync only)" if a.sync_only else "", len(jobs), summary))
    if failed:
        print("failed: %s" % " ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
