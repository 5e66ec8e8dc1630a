#!/usr/bin/env python3
"""tests/law/csmith_law.py - asyncc's semantic law on Csmith programs.

A second law fuzzer, independent of gen.py: for each seed, Csmith writes a
random C program; a text transform turns it into an async program (every
csmith function `func_N` is marked `async`, every call of one is wrapped in
`await(...)`, `await(asyncc_yield());` statements are inserted at random
statement boundaries of their bodies, and main's `func_1();` becomes
`asyncc_run(func_1());`). The converted program is built twice with the same
compiler and optimization level:

  sync   plainly, with tests/sync/asyncc.h first on the include path
         (await(e) read as (e)): this is the Csmith program itself;
  async  transpiled by asyncc and linked with the runtime.

Both run with a timeout; the law holds when they print the same (Csmith
prints a checksum of the globals) and exit with the same status.

  csmith_law.py [options] SEED...        seeds: 7  1-50  3,9,20-30

A seed is skipped, with the reason counted in the summary, when Csmith
fails, the sync build fails, the sync run times out or crashes, or (only
checked after a failure) the Csmith program is not a valid law program:
gcc and clang disagree on its sync output (it depends on an unspecified
order), the async side timed out and the sync side times out at gcc -O0
or clang -O2 (--opt=-O2 can delete a long loop from the sync side only),
or, with --asan, the sync build reports under the sanitizers too.

A failure (transpile error, generated C that does not compile, different
output or status, crash, timeout, sanitizer report) is kept in
OUT/seed-N/: orig.c (Csmith's output), prog.c (the converted program),
gen.c (asyncc's output), the outputs and messages, and REPRO.txt with a
one-line command that reproduces it.

Requires: csmith and its header (Debian: apt-get install csmith
libcsmith-dev), a built asyncc (build/asyncc, build/libasyncc.a) and
pkg-config's libuv. Exit status: 0 when every seed passed or was skipped,
1 when any seed failed, 2 on usage errors.
"""

import argparse
import difflib
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import parse_seeds  # noqa: E402  (seeds are written alike)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAN = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]

# Small, fast programs. --no-argc: main(void), so both sides run the same
# way (no hash printing). Floats stay off (Csmith's default).
DEFAULT_CSMITH_ARGS = ("--no-argc --concise --max-funcs 6 --max-block-depth 3 --max-block-size 4 "
                       "--max-expr-complexity 8 --max-array-dim 2 --max-array-len-per-dim 5 "
                       "--max-struct-fields 5 --max-union-fields 3")


def run(cmd, timeout, cwd=None, env=None):
    """(status, stdout, stderr, seconds); status None on timeout."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return (p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
                time.monotonic() - t0)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return None, out, "timeout after %ss" % timeout, time.monotonic() - t0


# --- the conversion -------------------------------------------------------

TOKEN = re.compile(r"""
    (?P<ws>[ \t\r\n\f\v]+|\\\n)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<pp>(?<![^\n])[ \t]*\#(?:[^\n\\]|\\.|\\\n)*)
  | (?P<str>L?"(?:[^"\\\n]|\\.)*")
  | (?P<chr>L?'(?:[^'\\\n]|\\.)*')
  | (?P<id>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<num>\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*)
  | (?P<punct>\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^!=<>]=|\#\#|.)
""", re.S | re.X)

ASYNC_FN = re.compile(r"^func_[0-9]+$")


def tokenize(text):
    """[(kind, text, start)] for the whole text (comments, whitespace and
    preprocessor lines included, so positions are exact)."""
    toks = []
    pos = 0
    n = len(text)
    while pos < n:
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError("cannot tokenize at offset %d: %r" % (pos, text[pos:pos + 20]))
        toks.append((m.lastgroup, m.group(), pos))
        pos = m.end()
    return toks


KEYWORDS = {"sizeof", "_Alignof", "__alignof__", "if", "while", "for", "switch", "return", "do", "else",
            "_Generic", "_Static_assert", "__typeof__", "typeof", "__attribute__", "asm", "__asm__"}


TYPE_LIKE = re.compile(r"^(?:.*_t|void|char|short|int|long|signed|unsigned|float|double|_Bool|const|volatile)$")


def convert(text, rng, yield_prob, arg_yield_prob=0.0, cond_yield_prob=0.0, async_name=ASYNC_FN.match):
    """The async reading of a Csmith program (a pure text transform; the
    result also builds plainly against tests/sync/asyncc.h). Returns
    (text, counts). yield_prob: an await(asyncc_yield()); after each
    statement boundary of an async body; arg_yield_prob: each argument of a
    call in an async body becomes (await(asyncc_yield()), arg);
    cond_yield_prob: the same around if/while/switch conditions, the
    condition and increment of a for, and return values."""
    def is_async(name):
        return bool(name) and bool(async_name(name))

    toks = tokenize(text)
    sig = [i for i, t in enumerate(toks) if t[0] not in ("ws", "comment", "pp")]
    nsig = len(sig)

    def tk(j):  # the j-th significant token's text
        return toks[sig[j]][1] if 0 <= j < nsig else ""

    def start(j):
        return toks[sig[j]][2]

    def end(j):
        t = toks[sig[j]]
        return t[2] + len(t[1])

    # matching parentheses and braces over significant tokens
    match = {}
    stack = []
    for j in range(nsig):
        s = tk(j)
        if s in ("(", "{", "["):
            stack.append(j)
        elif s in (")", "}", "]"):
            if not stack:
                raise ValueError("unbalanced %r at offset %d" % (s, start(j)))
            o = stack.pop()
            match[o] = j
            match[j] = o
    if stack:
        raise ValueError("unbalanced %r at offset %d" % (tk(stack[-1]), start(stack[-1])))

    def top_level_parts(open_j, sep):
        # (first, last) token spans between the bracket at open_j and its
        # match, cut at the 'sep' tokens not nested in other brackets
        parts, first, k = [], open_j + 1, open_j + 1
        while k <= match[open_j]:
            t = tk(k)
            if t == sep or k == match[open_j]:
                parts.append((first, k - 1))
                first = k = k + 1
            elif t in ("(", "[", "{"):
                k = match[k] + 1
            else:
                k += 1
        return parts

    # insertions: (offset, group, key, text); at one offset, closers come
    # first (the innermost first), then statements, then openers (the
    # outermost first)
    ins = []
    counts = {"async": 0, "await": 0, "run": 0, "yield": 0, "argyield": 0, "condyield": 0}

    def add(off, s):
        ins.append((off, 1, len(ins), s))

    def wrap(j0, j1, opener, closer):  # around significant tokens j0..j1
        o, c = start(j0), end(j1)
        ins.append((o, 2, -c, opener))
        ins.append((c, 0, -o, closer))

    # braces: kind stack of ('func', name) / ('block',) / ('init',) / ('other',)
    kinds = []
    decl_start = 0  # first significant token of the current file-scope declaration
    cur_fn = None  # the function whose body we are in (file-scope name)
    paren = 0
    pending_fn = None  # a file-scope func_N declarator seen in this declaration
    j = 0
    while j < nsig:
        s = tk(j)
        depth = len(kinds)
        if depth == 0:
            if s == ";":
                decl_start = j + 1
                pending_fn = None
            elif s == "(":
                # file-scope declarator of a function: func_N ( ... )
                if is_async(tk(j - 1)) and paren == 0 and pending_fn is None:
                    pending_fn = tk(j - 1)
                    add(start(decl_start), "async ")
                    counts["async"] += 1
                paren += 1
            elif s == ")":
                paren -= 1
            elif s == "{":
                if paren == 0 and tk(j - 1) == ")":
                    # a function definition's body
                    o = match[j - 1]
                    cur_fn = tk(o - 1)
                    kinds.append(("func", cur_fn))
                    if is_async(cur_fn):
                        maybe_yield(add, rng, yield_prob, end(j), counts)
                elif tk(j - 1) == "=":
                    kinds.append(("init",))
                else:
                    kinds.append(("other",))
            j += 1
            continue
        # inside braces
        top = kinds[-1][0]
        if s == "{":
            prev = tk(j - 1)
            if top == "init" or prev in ("=",) or (prev == "," and top == "init"):
                kinds.append(("init",))
            elif top in ("func", "block") and paren == 0:
                kinds.append(("block",))
                if is_async(cur_fn):
                    maybe_yield(add, rng, yield_prob, end(j), counts)
            else:
                kinds.append(("other",))
        elif s == "}":
            kinds.pop()
            if not kinds:
                if tk(j + 1) != ";":
                    decl_start = j + 1
                    pending_fn = None
                cur_fn = None
        elif s == "(":
            paren += 1
        elif s == ")":
            paren -= 1
        elif s == ";":
            if paren == 0 and top in ("func", "block") and is_async(cur_fn):
                maybe_yield(add, rng, yield_prob, end(j), counts)
        elif is_async(s) and tk(j + 1) == "(" and tk(j - 1) not in (".", "->"):
            close = match[j + 1]
            if is_async(cur_fn):
                wrap(j, close, "await(", ")")
                counts["await"] += 1
            else:
                wrap(j, close, "asyncc_run(", ")")
                counts["run"] += 1
        if cond_yield_prob > 0 and is_async(cur_fn) and paren == 0:
            # conditions, for clauses and return values:
            # (await(asyncc_yield()), e)
            spans = []
            if s in ("if", "while", "switch") and tk(j + 1) == "(":
                spans.append((j + 2, match[j + 1] - 1))
            elif s == "for" and tk(j + 1) == "(":
                spans.extend(top_level_parts(j + 1, ";")[1:])  # not the init
            elif s == "return":
                k = j + 1
                while tk(k) != ";":
                    k = match[k] + 1 if tk(k) in ("(", "[", "{") else k + 1
                spans.append((j + 1, k - 1))
            for a0, a1 in spans:
                if a1 >= a0 and rng.random() < cond_yield_prob:
                    wrap(a0, a1, "(await(asyncc_yield()), ", ")")
                    counts["condyield"] += 1
        if (s == "(" and arg_yield_prob > 0 and is_async(cur_fn) and toks[sig[j - 1]][0] == "id"
                and tk(j - 1) not in KEYWORDS and not TYPE_LIKE.match(tk(j - 1))
                and tk(j - 2) not in ("struct", "union", "enum")):
            # a call's arguments: (await(asyncc_yield()), arg)
            for a0, a1 in top_level_parts(j, ","):
                if a1 >= a0 and rng.random() < arg_yield_prob:
                    wrap(a0, a1, "(await(asyncc_yield()), ", ")")
                    counts["argyield"] += 1
        j += 1
    if kinds or paren:
        raise ValueError("unbalanced input")

    out = []
    last = 0
    for off, _, _, s in sorted(ins):
        out.append(text[last:off])
        out.append(s)
        last = off
    out.append(text[last:])
    body = "".join(out)
    header = "/* converted by tests/law/csmith_law.py: func_N async, calls awaited */\n#include <asyncc.h>\n"
    return header + body, counts


def maybe_yield(add, rng, prob, off, counts):
    if prob > 0 and rng.random() < prob:
        add(off, " await(asyncc_yield());")
        counts["yield"] += 1


# --- the checker ------------------------------------------------------------

class Checker:
    def __init__(self, a):
        self.a = a
        st, out, err, _ = run(["pkg-config", "--libs", "libuv"], 30)
        if st != 0:
            raise SystemExit("csmith_law.py: pkg-config --libs libuv failed: %s" % err.strip())
        self.uv_libs = out.split()
        self.csmith_args = shlex.split(a.csmith_args)
        self.inc = ["-I", a.csmith_include] if a.csmith_include else []
        if a.math_macros:
            # csmith.h's safe math as GNU statement-expression macros
            # (safe_math_macros.h): awaits land inside ({ ... })
            self.inc.append("-DUSE_MATH_MACROS")

    def cflags(self):
        return ["-std=gnu11", "-w", self.a.opt]

    def reproduce_line(self, seed):
        a = self.a
        parts = ["python3", os.path.relpath(os.path.abspath(__file__))]
        if a.yield_prob != DEFAULT_YIELD:
            parts.append("--yield-prob=%g" % a.yield_prob)
        if a.arg_yield_prob != DEFAULT_ARG_YIELD:
            parts.append("--arg-yield-prob=%g" % a.arg_yield_prob)
        if a.cond_yield_prob != DEFAULT_COND_YIELD:
            parts.append("--cond-yield-prob=%g" % a.cond_yield_prob)
        if a.csmith_args != DEFAULT_CSMITH_ARGS:
            parts.append("--csmith-args=%s" % shlex.quote(a.csmith_args))
        if a.math_macros:
            parts.append("--math-macros")
        if a.opt != "-O0":
            parts.append("--opt=%s" % a.opt)
        if a.asan:
            parts.append("--asan")
        if a.asyncc != os.path.abspath(os.path.join(ROOT, "build", "asyncc")):
            parts.append("--asyncc=%s" % a.asyncc)
        if a.cc != "cc":
            parts.append("--cc=%s" % a.cc)
        parts.append(str(seed))
        return " ".join(parts)

    def sync_build(self, d, exe, cc=None, extra=()):
        cmd = [cc or self.a.cc] + self.cflags() + list(extra) + ["-I", self.a.sync_include] + self.inc + \
              ["prog.c", "-o", exe]
        return run(cmd, self.a.build_timeout, cwd=d)

    def check(self, seed):
        """(verdict, detail, message). verdict: pass, skip, fail."""
        a = self.a
        d = tempfile.mkdtemp(prefix="csmith-law-%d-" % seed)
        info = {}
        try:
            st, out, err, _ = run([a.csmith, "--seed", str(seed)] + self.csmith_args + ["-o", "orig.c"],
                                  60, cwd=d)
            if st != 0:
                return "skip", "csmith failed", ""
            with open(os.path.join(d, "orig.c")) as f:
                orig = f.read()
            rng = random.Random("csmith-law-%d" % seed)
            try:
                prog, counts = convert(orig, rng, a.yield_prob, a.arg_yield_prob, a.cond_yield_prob)
            except ValueError as e:
                return "skip", "conversion failed", "seed %d: conversion failed: %s" % (seed, e)
            with open(os.path.join(d, "prog.c"), "w") as f:
                f.write(prog)
            st, out, err, _ = self.sync_build(d, "sync")
            if st != 0:
                return "skip", "sync build failed" if st is not None else "sync build timed out", ""
            st_s, out_s, err_s, t_s = run(["./sync"], a.timeout, cwd=d)
            if st_s is None:
                return "skip", "sync run timed out (%ss)" % a.timeout, ""
            if st_s < 0:
                return "skip", "sync run crashed", ""
            info["sync.out"] = out_s + "[exit %s]\n" % st_s
            verdict, key = self.real(d, info, t_s)
            if verdict == "pass":
                return "pass", "", ""
            why = self.invalid_program(d, info, verdict)
            if why:
                return "skip", why, ""
            return "fail", verdict, self.keep_failure(seed, d, verdict, key, info)
        finally:
            if a.keep:
                print("kept %s" % d, flush=True)
            else:
                shutil.rmtree(d, ignore_errors=True)

    def real(self, d, info, t_sync):
        a = self.a
        tcmd = [a.asyncc, "prog.c", "-o", "gen.c", "--", "-I", a.include] + self.inc
        st, out, err, _ = run(tcmd, a.build_timeout, cwd=d)
        info["transpile.txt"] = "$ %s\n%s%s[exit %s]\n" % (" ".join(tcmd), out, err, st)
        if st != 0:
            return "transpile-fail", first_diag(err)
        lib = a.asan_runtime_lib if a.asan else a.runtime_lib
        bcmd = [a.cc] + self.cflags() + (SAN if a.asan else []) + ["-D_DEFAULT_SOURCE", "-I", a.include] + \
            self.inc + ["gen.c", lib] + self.uv_libs + ["-lpthread", "-o", "real"]
        st, out, err, _ = run(bcmd, a.build_timeout, cwd=d)
        info["real.build.txt"] = "$ %s\n%s%s[exit %s]\n" % (" ".join(bcmd), out, err, st)
        if st != 0:
            return "build-fail", first_diag(err)
        # the async side does more work per call (frames on the heap)
        limit = max(a.timeout, 30 * t_sync + 10)
        env = dict(os.environ)
        if a.asan:
            env["ASAN_OPTIONS"] = "detect_leaks=1"
            env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
        st_r, out_r, err_r, _ = run(["./real"], limit, cwd=d, env=env)
        info["real.out"] = out_r + "[exit %s]\n" % st_r
        if err_r:
            info["real.stderr.txt"] = err_r
        if st_r is None:
            return "timeout", "timeout after %.0fs (sync took %.2fs)" % (limit, t_sync)
        if "Sanitizer" in err_r or "runtime error:" in err_r:
            return "sanitizer", first_diag(err_r)
        if st_r < 0:
            return "crash", "signal %d" % -st_r
        if info["real.out"] != info["sync.out"]:
            info["diff.txt"] = "".join(difflib.unified_diff(
                info["sync.out"].splitlines(True), info["real.out"].splitlines(True), "sync.out", "real.out", n=2))
            return "mismatch", "output or exit status differs"
        return "pass", ""

    def invalid_program(self, d, info, verdict):
        """After a failure: is the Csmith program itself outside the law?
        Its sync output must not depend on the compiler (gcc -O0 vs clang
        -O2 order unsequenced operands differently), and with --asan its
        sync build must run clean under the sanitizers."""
        if verdict in ("mismatch", "timeout", "crash"):
            outs = []
            for cc, opt in (("gcc", "-O0"), ("clang", "-O2")):
                cmd = [cc, "-std=gnu11", "-w", opt, "-I", self.a.sync_include] + self.inc + \
                      ["prog.c", "-o", "x-" + cc]
                st, _, _, _ = run(cmd, self.a.build_timeout, cwd=d)
                if st != 0:
                    return None
                st, out, _, _ = run(["./x-" + cc], self.a.timeout, cwd=d)
                if st is None:
                    if verdict == "timeout":
                        # e.g. a long loop that --opt's optimizer deleted
                        # from the sync side and cannot from the async one
                        return "the sync side times out with %s %s" % (cc, opt)
                    return None
                outs.append(out + "[exit %s]\n" % st)
            if outs[0] != outs[1]:
                return "sync output depends on the compiler (gcc -O0 vs clang -O2)"
        if self.a.asan and verdict in ("sanitizer", "crash", "mismatch"):
            st, _, err, _ = self.sync_build(d, "sync-san", extra=SAN)
            if st == 0:
                st, _, err, _ = run(["./sync-san"], self.a.timeout * 3, cwd=d)
                if st is not None and (st != 0 or "runtime error:" in err or "Sanitizer" in err):
                    info["sync.san.txt"] = err
                    return "the sync build reports under the sanitizers too"
        return None

    def keep_failure(self, seed, d, verdict, key, info):
        fdir = os.path.join(self.a.out, "seed-%d" % seed)
        shutil.rmtree(fdir, ignore_errors=True)
        os.makedirs(fdir)
        for fn in ("orig.c", "prog.c", "gen.c"):
            if os.path.exists(os.path.join(d, fn)):
                shutil.copy(os.path.join(d, fn), fdir)
        for fn, text in info.items():
            with open(os.path.join(fdir, fn), "w") as f:
                f.write(text)
        repro = self.reproduce_line(seed)
        with open(os.path.join(fdir, "REPRO.txt"), "w") as f:
            f.write(repro + "\n")
        msg = "FAIL seed %d: %s: %s (kept in %s)\n  reproduce: %s\n" % (seed, verdict, key, fdir, repro)
        if "diff.txt" in info:
            msg += indent(head(info["diff.txt"], 12))
        return msg


def first_diag(text):
    for line in text.splitlines():
        if "error" in line or "runtime error" in line or "Sanitizer" in line:
            return line.strip()[:200]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[0].strip()[:200] if lines else ""


def head(text, n):
    lines = text.splitlines(True)
    return "".join(lines[:n]) + ("  ...\n" if len(lines) > n else "")


def indent(text):
    return "".join("    " + ln for ln in text.splitlines(True))


DEFAULT_YIELD = 0.15
DEFAULT_ARG_YIELD = 0.05
DEFAULT_COND_YIELD = 0.1


def main():
    ap = argparse.ArgumentParser(
        prog="csmith_law.py",
        description="Check asyncc's semantic law on Csmith programs converted to async programs "
                    "(func_N async, calls awaited, random yields). See the module docstring and "
                    "tests/law/README.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: python3 tests/law/csmith_law.py --jobs 2 1-50\n"
               "exit status: 0 every seed passed or was skipped, 1 a seed failed, 2 usage error")
    ap.add_argument("seeds", nargs="*", help="Csmith seeds: N, N-M, comma lists")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="parallel seeds (default 2)")
    ap.add_argument("--keep", action="store_true", help="keep every seed's work directory (printed)")
    ap.add_argument("--yield-prob", type=float, default=DEFAULT_YIELD,
                    help="probability of an await(asyncc_yield()); at each statement boundary of "
                         "an async function's body (default %g; 0 disables)" % DEFAULT_YIELD)
    ap.add_argument("--arg-yield-prob", type=float, default=DEFAULT_ARG_YIELD,
                    help="probability that an argument of a call in an async body becomes "
                         "(await(asyncc_yield()), arg): awaits deep inside expressions, under && || ?: "
                         "(default %g; 0 disables)" % DEFAULT_ARG_YIELD)
    ap.add_argument("--cond-yield-prob", type=float, default=DEFAULT_COND_YIELD,
                    help="probability of the same around each if/while/switch condition, for "
                         "condition and increment, and return value (default %g; 0 disables)"
                         % DEFAULT_COND_YIELD)
    ap.add_argument("--asan", action="store_true",
                    help="build the async side with -fsanitize=address,undefined against the "
                         "runtime of an ASan build (--asan-runtime-lib)")
    ap.add_argument("--csmith-args", default=DEFAULT_CSMITH_ARGS,
                    help="options for csmith besides --seed/-o (default: %(default)s)")
    ap.add_argument("--math-macros", action="store_true",
                    help="build every side with -DUSE_MATH_MACROS: Csmith's safe_* arithmetic becomes "
                         "statement-expression macros, so awaits sit inside ({ ... })")
    ap.add_argument("--csmith", default=os.environ.get("CSMITH", "csmith"), help="csmith binary")
    ap.add_argument("--csmith-include", default=os.environ.get("CSMITH_INCLUDE", "/usr/include/csmith"),
                    help="directory of csmith.h (default %(default)s)")
    ap.add_argument("--asyncc", default=os.environ.get("ASYNCC", os.path.join(ROOT, "build", "asyncc")),
                    help="the transpiler ($ASYNCC, default build/asyncc)")
    ap.add_argument("--runtime-lib", default=os.environ.get("ASYNCC_RUNTIME_LIB",
                                                            os.path.join(ROOT, "build", "libasyncc.a")),
                    help="the runtime ($ASYNCC_RUNTIME_LIB, default build/libasyncc.a)")
    ap.add_argument("--asan-runtime-lib", default=os.path.join(ROOT, "build-asan", "libasyncc.a"),
                    help="runtime for --asan (default build-asan/libasyncc.a; make it with: cmake -S . "
                         "-B build-asan -DASAN=ON -DUBSAN=ON -DCMAKE_BUILD_TYPE=Debug && "
                         "cmake --build build-asan -j2 --target asyncc_runtime)")
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"), help="compiler for both sides (default cc)")
    ap.add_argument("--opt", default="-O0", help="optimization level for both sides (default -O0)")
    ap.add_argument("--timeout", type=float, default=5,
                    help="seconds for the sync run (the async run gets max(this, 30x the sync time "
                         "+ 10s)); default 5")
    ap.add_argument("--build-timeout", type=float, default=120, help="seconds per transpile/compile")
    ap.add_argument("--out", default="csmith-failures", help="where failures are kept (default %(default)s)")
    ap.add_argument("--include", default=os.path.join(ROOT, "include"), help=argparse.SUPPRESS)
    ap.add_argument("--sync-include", default=os.path.join(ROOT, "tests", "sync"), help=argparse.SUPPRESS)
    ap.add_argument("--convert-only", metavar="FILE",
                    help="print the conversion of a Csmith program FILE (seeded by --convert-seed) and exit")
    ap.add_argument("--convert-seed", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures and the summary only")
    a = ap.parse_args()

    if a.convert_only:
        with open(a.convert_only) as f:
            text, _ = convert(f.read(), random.Random("csmith-law-%d" % a.convert_seed), a.yield_prob,
                              a.arg_yield_prob, a.cond_yield_prob)
        sys.stdout.write(text)
        return 0
    if not a.seeds:
        ap.error("no seeds given")
    try:
        seeds = parse_seeds(a.seeds)
    except ValueError as e:
        ap.error(str(e))
    if a.jobs < 1:
        ap.error("--jobs must be at least 1")
    if not all(0 <= x <= 1 for x in (a.yield_prob, a.arg_yield_prob, a.cond_yield_prob)):
        ap.error("--yield-prob, --arg-yield-prob and --cond-yield-prob must be within [0, 1]")
    if shutil.which(a.csmith) is None:
        ap.error("csmith not found (apt-get install csmith libcsmith-dev, or --csmith)")
    if not os.path.exists(os.path.join(a.csmith_include, "csmith.h")):
        ap.error("csmith.h not in %s (apt-get install libcsmith-dev, or --csmith-include)" % a.csmith_include)
    for what, p in (("asyncc", a.asyncc), ("runtime", a.asan_runtime_lib if a.asan else a.runtime_lib)):
        if not os.path.exists(p):
            ap.error("%s not found: %s (build it first; see --help)" % (what, p))
    a.asyncc = os.path.abspath(a.asyncc)
    a.runtime_lib = os.path.abspath(a.runtime_lib)
    a.asan_runtime_lib = os.path.abspath(a.asan_runtime_lib)
    a.out = os.path.abspath(a.out)

    checker = Checker(a)
    totals = {"pass": 0, "skip": 0, "fail": 0}
    reasons = {}
    failed = []
    t0 = time.monotonic()

    def one(seed):
        try:
            return seed, checker.check(seed)
        except Exception as e:  # a harness bug: count as a failure, say so
            return seed, ("fail", "harness error", "FAIL seed %d: harness error: %r\n" % (seed, e))

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for seed, (verdict, detail, msg) in ex.map(one, seeds):
            totals[verdict] += 1
            if verdict == "skip":
                reasons[detail] = reasons.get(detail, 0) + 1
            if verdict == "fail":
                failed.append(seed)
                reasons["FAIL " + detail] = reasons.get("FAIL " + detail, 0) + 1
                sys.stdout.write(msg)
            elif not a.quiet:
                print("seed %d: %s%s" % (seed, verdict, (" (%s)" % detail) if detail else ""))
            sys.stdout.flush()

    print("csmith_law: %d seeds in %.0fs: %d passed, %d skipped, %d failed" % (
        len(seeds), time.monotonic() - t0, totals["pass"], totals["skip"], totals["fail"]))
    for r in sorted(reasons):
        print("  %-60s %d" % (r, reasons[r]))
    if failed:
        print("failed seeds: %s (kept in %s)" % (" ".join(map(str, failed)), a.out))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
