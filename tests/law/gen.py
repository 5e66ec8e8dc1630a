#!/usr/bin/env python3
"""tests/law/gen.py - seeded random generator of async C programs.

Prints one C program to stdout. The program is valid C11 twice over: built
plainly against tests/sync/asyncc.h (async = nothing, await(e) = (e)) and
built from asyncc's output against the real runtime, and the semantic law
says both print the same text and exit with the same status.

Every program is free of undefined and unspecified behaviour, by
construction:
  * arithmetic is on unsigned int; narrower and wider values are converted
    to unsigned before any arithmetic; ints hold small bounded values and
    only see +=, -=, ++, -- and comparisons; divisors are made odd (x | 1u),
    shift counts are masked, subscripts are reduced modulo the length;
  * within one full expression no object is both written and read, or
    written twice (tracked per object; a whole array or struct counts as one
    object); volatile reads count as writes;
  * "effectful" functions (those that print, write globals or static
    locals, or call effectful functions) appear at most once among operands
    whose order C leaves unspecified (operands of +, arguments of a call,
    elements of an initializer list); a full expression that reads globals
    or static locals calls no effectful function; a call that writes a
    caller's local through a pointer is a whole statement by itself;
  * every loop has a hard iteration bound, recursion carries a depth
    parameter, and a static cost bound on every function keeps the whole
    run small;
  * every variable is initialized where it is declared (or by a for-init);
    gotos and case labels never jump into the scope of a declaration (into
    blocks and loop bodies, only past statements), except switchdecl's case
    labels, after which the variable is assigned before any read;
  * doubles and floats hold multiples of 1/4 and are never negative, so
    (unsigned)(d * 4.0) is defined and exact; char arrays are written
    below their string's length only, with letters.

Usage: gen.py --seed N [--size small|medium|large] [--features LIST]
LIST is comma separated: 'all', 'every', 'none', 'NAME' or '+NAME'
(enable), '-NAME' (disable), applied left to right starting from 'all'.
'all' leaves out the features in NOT_IN_ALL (waiting for a transpiler
fix); 'every' is every feature.
--list-features prints the feature names.
"""

import argparse
import random
import re
import sys

FEATURES = [
    # expressions
    ("logic", "&&, || and ! in conditions and values"),
    ("ternary", "?: (values, struct values)"),
    ("comma", "comma operator"),
    ("assignexpr", "assignment, compound assignment, ++/-- nested in larger expressions"),
    ("cast", "casts to narrower and wider types"),
    ("castawait", "a cast applied directly to await(...) (else (T)(await(...) + 0u))"),
    ("argnest", "an await as an operand inside an argument of an awaited call (else only a bare await)"),
    ("initnest", "awaits at different brace depths of one initializer"),
    ("resultindex", "an await in the subscript of an awaited call's result (await(f()).h[await(g())])"),
    ("divshift", "/, %, << and >>"),
    ("narrow", "unsigned char/short, unsigned long long and int locals"),
    ("array", "array locals (1-D, 2-D), subscripts, sizeof"),
    ("struct", "struct locals, member access, struct parameters and assignment"),
    ("union", "union locals, member access, reading another member"),
    ("complit", "compound literals and designated initializers"),
    ("ptr", "pointer locals to locals, reads and writes through them"),
    ("tab", "a const global table and subscripts into it"),
    # await positions
    ("awaitexpr", "await nested inside larger expressions"),
    ("awaitarg", "await in call arguments, including arguments of awaited calls"),
    ("awaitcond", "await in if/while/do-while conditions"),
    ("awaitfor", "await in the three clauses of for"),
    ("awaitswitch", "await in a switch's controlling expression"),
    ("awaitreturn", "await in return expressions"),
    ("awaitshort", "await as an operand of &&, ||, ?: (conditionally evaluated)"),
    ("awaitinit", "await in declaration initializers"),
    ("yield", "await(asyncc_yield())"),
    ("sleep", "await(asyncc_sleep(0))"),
    # functions
    ("helpers", "plain (non-async) helper functions"),
    ("effects", "callees that print and write globals (else only amain prints)"),
    ("voidfn", "async functions returning void"),
    ("structret", "async functions returning a struct"),
    ("unionret", "async functions returning a union"),
    ("ullret", "async functions returning unsigned long long"),
    ("ptrret", "async functions returning a pointer (into the const table)"),
    ("ptrparam", "pointers to locals passed to async callees that write through them after a yield"),
    ("recursion", "self recursion bounded by a depth parameter"),
    ("mutual", "mutual recursion (needs prototypes)"),
    ("prototype", "prototypes of async functions before their definitions"),
    ("staticfn", "static async functions (else all extern)"),
    ("macro", "macros whose expansion contains await (TRY-style and expression macros)"),
    # declarations
    ("multidecl", "several declarators in one declaration"),
    ("shadow", "inner-block redeclaration of outer names; same names, different types in sibling blocks"),
    ("static", "static locals"),
    ("const", "const locals"),
    ("volatile", "volatile locals"),
    ("localtypes", "struct tags, typedefs and enums declared in function bodies"),
    ("uninit", "declarations without initializer, assigned before any read"),
    # statements
    ("if", "if / else / else-if chains"),
    ("while", "while loops"),
    ("dowhile", "do/while loops"),
    ("for", "for loops"),
    ("fordecl", "declarations in the init clause of for"),
    ("switch", "switch statements"),
    ("fallthrough", "fallthrough between switch cases"),
    ("goto", "goto forward (skip), backward (bounded loop) and out of loops"),
    ("break", "break in loops and switches"),
    ("continue", "continue in loops"),
    ("earlyreturn", "return inside loops, switches and branches"),
    ("block", "nested blocks"),
    # issue 3: every C construct
    ("duff", "Duff's device: case labels inside a do/while body, segments that await"),
    ("caseinblock", "case labels inside nested blocks, if bodies and while bodies"),
    ("gotoin", "goto into nested blocks and loop bodies (past no declaration), goto out of blocks"),
    ("labeldecl", "a label followed by a declaration that a backward goto runs again"),
    ("align", "_Alignas locals and an over-aligned struct, alignment checked after awaits"),
    ("forcomma", "comma operator in for increments (with awaits)"),
    ("structarr", "arrays of structs, indexed by awaited values"),
    ("complitarr", "array compound literals with awaited elements, subscripted"),
    ("complitindex", "an await in the subscript of an array compound literal whose elements await"),
    ("nesttern", "chains of nested ?: mixing awaits"),
    ("bitfield", "bit-field struct locals, read and written (also across awaits)"),
    ("deeprec", "deep self and mutual recursion (thousands of levels) of async functions"),
    ("tagshadow", "local struct tags, typedef names and enumerators reused in sibling and inner blocks"),
    ("enumtag", "tagged local enums (enum EN0 { ... }) and variables of their type (with tagshadow)"),
    ("macrodecl", "a macro expanding to a whole declaration: DECL_U(x, e); declares unsigned x = (e)"),
    ("typedeps", "local struct types whose array bounds name local enumerators and sizeof of locals"),
    # widening (tests/law/README.md)
    ("atomic", "_Atomic unsigned locals, read, assigned, compound-assigned, incremented across awaits"),
    ("specmulti", "several declarators in one _Alignas or _Atomic declaration (else one)"),
    ("typeof", "__typeof__(local) declarations (scalars, arrays, structs)"),
    ("generic", "_Generic selections on locals of several types, awaits around them"),
    ("genericawait", "an await in the selected association of _Generic"),
    ("nobrace", "if/else, while, do/while and for bodies that are one statement without braces (awaits, break, continue, return, goto)"),
    ("contbody", "with nobrace: 'continue;' as the whole body of a loop"),
    ("switchdecl", "a declaration in a switch body after a case, in scope of the later cases that jump past it (assigned there first)"),
    ("ptrmore", "pointers into local arrays (p = arr + await(...) % n, *p, p - arr) and to local structs (sp->m, sp->arr[await(...) % 3])"),
    ("laterdef", "functions defined after their callers (amain first, then f_n ... f0, helpers last), every one with a prototype"),
    ("float", "double and float locals, parameters and results of async functions (values k/4, never negative)"),
    ("funcname", "__func__ printed by async functions"),
    ("funcmacro", "__func__ printed from a macro's body (LOGF(x)), with and without awaits in the argument"),
    ("chars", "char arrays (string literal and awaited initializers), const char pointers, string literal subscripts, strlen/memcpy, async functions returning const char *"),
]
FEATURE_NAMES = [f for f, _ in FEATURES]
# features 'all' leaves out (new, or waiting for a transpiler fix: see
# README.md); name them explicitly to try them ('all,+duff' or 'every')
NOT_IN_ALL = {
    "funcmacro",  # repro/func_in_macro_body.c
    "contbody",  # repro/continue_as_loop_body.c
}
ALL = [f for f in FEATURE_NAMES if f not in NOT_IN_ALL]

SIZES = {
    "small": dict(n_async=(3, 4), n_help=(0, 2), stmts=(5, 10), nest=2,
                  edepth=2, budget=300, main_budget=3000, loopk=(2, 3),
                  main_stmts=(8, 14)),
    "medium": dict(n_async=(4, 6), n_help=(1, 3), stmts=(10, 20), nest=3,
                   edepth=3, budget=1500, main_budget=15000, loopk=(2, 4),
                   main_stmts=(14, 24)),
    "large": dict(n_async=(6, 8), n_help=(2, 4), stmts=(18, 34), nest=4,
                  edepth=4, budget=5000, main_budget=50000, loopk=(2, 4),
                  main_stmts=(24, 40)),
}

LOCAL_NAMES = ["x", "y", "z", "t", "v", "w", "q", "r"]
PARAM_NAMES = ["a", "b", "c"]
LOOP_NAMES = ["i", "j"]
TAB_LEN = 8
MAX_DEPTH = 3  # the recursion depth parameter is at most this
REC_FANOUT = 2  # in-group calls per body of a recursive function


def parse_features(spec):
    on = set(ALL)
    if not spec:
        return on
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        if item == "all":
            on = set(ALL)
            continue
        if item == "every":
            on = set(FEATURE_NAMES)
            continue
        if item == "none":
            on = set()
            continue
        neg = item.startswith("-")
        name = item.lstrip("+-")
        if name not in FEATURE_NAMES:
            raise SystemExit("gen.py: unknown feature '%s' (see --list-features)" % name)
        if neg:
            on.discard(name)
        else:
            on.add(name)
    return on


def enclosed(t):
    """True when t's outer parentheses enclose all of it."""
    if not (t.startswith("(") and t.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(t):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
            if depth == 0 and i != len(t) - 1:
                return False
    return True


def strip_parens(t):
    """'(a < b)' -> 'a < b' when the outer parentheses enclose everything
    and what is inside is not a comma expression."""
    if not enclosed(t):
        return t
    depth = 0
    for ch in t[1:-1]:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch == "," and depth == 0:
            return t
    return t[1:-1]


def is_call(t):
    """'name(...)' with the parentheses enclosing the rest."""
    i = t.find("(")
    if i <= 0 or not is_atom(t[:i]) or not t.endswith(")"):
        return False
    depth = 0
    for j in range(i, len(t)):
        if t[j] == "(":
            depth += 1
        elif t[j] == ")":
            depth -= 1
            if depth == 0 and j != len(t) - 1:
                return False
    return True


CONST_NOISE = re.compile(r"\bE\d*[ABC]\b|\bsizeof \w+(\[0\])?|\b0x[0-9a-f]+u\b|\b\d+u(ll)?\b|\b(unsigned|char|short|long|int|_Bool)\b")


def is_const(t):
    """True when t has no variable and no call in it (gcc folds it)."""
    return re.search(r"[A-Za-z_]", CONST_NOISE.sub("", t)) is None


def top_op(t):
    """The top-level binary operator of an enclosed expression, or None."""
    if not enclosed(t):
        return None
    depth = 0
    inner = t[1:-1]
    for i, ch in enumerate(inner):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif depth == 0 and ch == " " and i + 2 < len(inner) and inner[i + 2] == " ":
            return inner[i + 1]
    return None


def cond(t):
    """Text for 'if (...)': exactly one pair of parentheses."""
    return "(" + strip_parens(t) + ")"


def is_atom(t):
    return all(ch.isalnum() or ch == "_" for ch in t)


def paren(t):
    if is_atom(t) or is_call(t) or enclosed(t):
        return t
    return "(%s)" % t


class Var:
    """A name visible in generated code.

    kind: u uc us ull i P V L arr arr2 ptr deref enum
    obj: the object that reads and writes through this name touch (for a
    pointer, its target's object); a whole array or struct is one object.
    """

    _next = [1]

    def __init__(self, name, kind, ro=False, gclass=False, volatile=False,
                 dims=None, target=None, align=None):
        self.id = Var._next[0]
        Var._next[0] += 1
        self.name = name
        self.kind = kind
        self.ro = ro
        self.gclass = gclass  # global or static local
        self.volatile = volatile
        self.dims = dims
        self.obj = target if target is not None else self.id
        self.addressable = not ro and not volatile and not gclass and kind in ("u", "arr", "P", "L", "parr")
        self.align = align  # _Alignas of the variable (or its type)
        self.atomic = False
        self.slen = None  # char arrays: the string's length (writes stay below it)
        self.base = None  # aptr: the array (a Var) it points into
        self.ready = True  # False between an uninitialized declaration and its assignment


BF_MEMBERS = [("a", "7u"), ("b", "127u"), ("c", "8191u"), ("d", "1u")]

RET_TYPES = {"u": "unsigned", "void": "void", "P": "struct P", "V": "union V",
             "ull": "unsigned long long", "ptr": "const unsigned *", "str": "const char *",
             "dbl": "double"}
STR4 = ["abcd", "efgh", "ijkl", "mnop", "qrst"]  # what 'str' functions return
PARAM_TYPES = {"u": "unsigned %s", "ull": "unsigned long long %s", "P": "struct P %s", "dbl": "double %s",
               "ptr": "unsigned *%s", "uc": "unsigned char %s"}


class Func:
    def __init__(self, name, idx, is_async=True):
        self.name = name
        self.idx = idx
        self.is_async = is_async
        self.ret = "u"
        self.params = []  # (name, kind); kind 'ptr' is the out parameter
        self.effectful = False
        self.rec = False
        self.group = None  # recursion group (list of Func)
        self.has_out = False
        self.static = False
        self.cost = 1
        self.called = False
        self.proto = False
        self.done = False

    def sig(self):
        ps = [PARAM_TYPES[k] % n for n, k in self.params]
        rt = RET_TYPES[self.ret]
        spec = ("static " if self.static else "") + ("async " if self.is_async else "")
        sep = "" if rt.endswith("*") else " "
        return "%s%s%s%s(%s)" % (spec, rt, sep, self.name, ", ".join(ps) or "void")


class Ctx:
    """One full expression: the objects it reads and writes, and whether it
    reads globals (then it calls no effectful function)."""

    def __init__(self, fs, gmode=False):
        self.fs = fs
        self.reads = []
        self.writes = []
        self.gmode = gmode

    def can_read(self, v):
        return v.obj not in self.writes

    def can_write(self, v):
        return v.obj not in self.writes and v.obj not in self.reads


class FnState:
    def __init__(self, gen, func, budget, stmts):
        self.gen = gen
        self.func = func
        self.scopes = []
        self.mult = 1  # how many times the current statement may run per call
        self.cost = 0
        self.budget = budget
        self.stmts_left = stmts
        self.nest = 0
        self.lines = []
        self.ind = 0
        self.jumps = []  # 'loop' / 'switch': what break and continue reach
        self.exit_labels = []  # [label, used] of enclosing loops (goto out)
        self.in_group_calls = 0
        self.after_guard = not func.rec
        self.hidden = None  # the name being declared: its initializer cannot see it
        self.noawait = 0
        self.nonest = 0  # > 0: awaits only as a whole call argument
        self.in_init = 0
        self.in_switch = 0
        self.uid = 0
        self.stmt_no = 0

    def emit(self, s):
        self.lines.append("  " * self.ind + s)

    def fresh(self, prefix):
        self.uid += 1
        return "%s%d" % (prefix, self.uid)

    def push(self):
        self.scopes.append([])

    def pop(self):
        return self.scopes.pop()

    def declare(self, v):
        self.scopes[-1].append(v)
        return v

    def names_here(self):
        return {v.name for v in self.scopes[-1]}

    def visible(self):
        seen = set()
        out = []
        for sc in reversed(self.scopes):
            for v in reversed(sc):
                if v.name in seen:
                    continue
                seen.add(v.name)
                if v.name == self.hidden or not v.ready or v.kind == "tag":
                    continue
                out.append(v)
        for v in self.gen.globals:
            if v.name not in seen:
                out.append(v)
        return out

    def await_ok(self):
        return self.func.is_async and self.noawait == 0

    def nested_ok(self):
        return self.await_ok() and self.nonest == 0

    def in_loop(self):
        return "loop" in self.jumps


class NoAwait:
    def __init__(self, fs, on=True):
        self.fs = fs
        self.on = on

    def __enter__(self):
        if self.on:
            self.fs.noawait += 1

    def __exit__(self, *a):
        if self.on:
            self.fs.noawait -= 1


class NoNest:
    """Inside: an await may only be a whole call argument."""

    def __init__(self, fs, on=True):
        self.fs = fs
        self.on = on

    def __enter__(self):
        if self.on:
            self.fs.nonest += 1

    def __exit__(self, *a):
        if self.on:
            self.fs.nonest -= 1


class Gen:
    def __init__(self, seed, size, features):
        self.seed = seed
        self.r = random.Random(seed)
        self.sz = SIZES[size]
        self.size = size
        self.f = features
        self.globals = []
        self.funcs = []
        self.helpers = []
        self.enum_no = 0
        if "complit" not in self.f:
            # a struct value with no variable at hand needs a compound literal
            self.f = self.f - {"structret", "unionret"}

    # ------------------------------------------------------------------
    # randomness
    def on(self, name):
        return name in self.f

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def wpick(self, pairs):
        pairs = [(w, v) for w, v in pairs if w > 0]
        tot = sum(w for w, _ in pairs)
        x = self.r.random() * tot
        for w, v in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][1]

    def const(self, small=False):
        if small or self.chance(0.85):
            return "%du" % self.r.randint(0, 20)
        return self.pick(["0x9e3779b9u", "0xffffu", "4294967295u", "0x80000000u",
                          "1000003u", "65521u", "0x7fu"])

    def cast(self, ty, e):
        """(ty)e; with castawait off, never a cast right on await(...)."""
        if not self.on("castawait") and e.startswith("await(") and is_call(e):
            return "(%s)(%s + 0u)" % (ty, e)
        return "(%s)%s" % (ty, paren(e))

    def nonzero_const(self):
        return "%du" % self.r.randint(1, 20)

    def ed(self):
        return self.r.randint(1, self.sz["edepth"])

    def eff(self, fs):
        return fs.func.effectful

    def full(self, fs, gmode=None):
        if gmode is None:
            gmode = fs.func.effectful and self.chance(0.25)
        return Ctx(fs, gmode)

    # ------------------------------------------------------------------
    # unsigned expressions: every result has type unsigned int
    def gen_u(self, ctx, depth, eff):
        if depth <= 0 or self.chance(0.3):
            return self.atom(ctx, depth, eff)
        choices = [
            (6, "bin"), (2, "divshift" if self.on("divshift") else None),
            (1, "unary"),
            (2, "tern" if self.on("ternary") else None),
            (1, "tern3" if self.on("nesttern") else None),
            (1, "comma" if self.on("comma") else None),
            (2, "assign" if self.on("assignexpr") else None),
            (1, "cast" if self.on("cast") else None),
            (1, "bool"),
            (3, "call"),
            (1, "generic" if self.on("generic") else None),
        ]
        what = self.wpick([(w, c) for w, c in choices if c])
        fs = ctx.fs
        if what == "bin":
            el, er = self.split(eff)
            a = self.gen_u(ctx, depth - 1, el)
            b = self.gen_u(ctx, depth - 1, er)
            op = self.pick(["+", "-", "*", "&", "|", "^", "+", "^"])
            if op == "^" and a in ("2u", "10u") and is_const(b):
                op = "+"  # clang: -Wxor-used-as-pow
            if a == b and op in ("-", "^"):
                op = "+"  # gcc folds x ^ x to 0: (y < (unsigned)(x ^ x)) draws -Wtype-limits
            return "(%s %s %s)" % (a, op, b)
        if what == "divshift":
            el, er = self.split(eff)
            a = self.gen_u(ctx, depth - 1, el)
            op = self.pick(["/", "%", "<<", ">>", "<<c", ">>c"])
            if op in ("<<c", ">>c"):
                return "(%s %s %du)" % (a, op[:2], self.r.randint(0, 31))
            b = self.gen_u(ctx, depth - 1, er)
            if op in ("/", "%"):
                return "(%s %s (%s | 1u))" % (a, op, b)
            return "(%s %s (%s & 31u))" % (a, op, b)
        if what == "unary":
            a = self.gen_u(ctx, depth - 1, eff)
            op = self.pick(["~", "-"])
            if op == "~" and a.startswith("((unsigned)"):
                # ~ of a widened narrow value compared with a constant:
                # gcc's -Wsign-compare ("promoted bitwise complement"),
                # also for x ^ 0xffffffffu
                op = "-"
            return "(%s%s)" % (op, a)
        if what == "tern":
            c = self.gen_bool(ctx, depth - 1, eff)
            with NoAwait(fs, not self.on("awaitshort")):
                a = self.gen_u(ctx, depth - 1, eff)
                b = self.gen_u(ctx, depth - 1, eff)
            return "(%s ? %s : %s)" % (c, a, b)
        if what == "tern3":
            # c1 ? a : c2 ? b : c3 ? c : d; all but c1 run conditionally
            n = self.r.randint(2, 3)
            c = self.gen_bool(ctx, depth - 1, eff)
            parts = []
            with NoAwait(fs, not self.on("awaitshort")):
                for i in range(n):
                    a = self.top_u(ctx, depth - 1, eff)
                    parts.append((c, a))
                    c = self.gen_bool(ctx, depth - 1, eff) if i + 1 < n else None
                last = self.top_u(ctx, depth - 1, eff)
            t = last
            for c, a in reversed(parts):
                t = "%s ? %s : %s" % (c, a, t)
            return "(%s)" % t
        if what == "comma":
            left = self.side_expr(ctx, depth - 1, eff)
            if left is None:
                return self.atom(ctx, depth, eff)
            b = self.gen_u(ctx, depth - 1, eff)
            return "(%s, %s)" % (left, b)
        if what == "assign":
            t = self.assign_expr(ctx, depth - 1, eff)
            return t if t else self.atom(ctx, depth, eff)
        if what == "cast":
            a = self.gen_u(ctx, depth - 1, eff)
            form = self.pick(["(unsigned)%s", "(unsigned)%s",
                              "(unsigned)(%s * 3u)",
                              "(unsigned)(int)(%s & 0x7fffu)", "((unsigned)(_Bool)(%s & 0x10u) * 7u)",
                              "(unsigned)(%s >> 3u)"])
            ty = {0: "unsigned char", 1: "unsigned short"}.get(self.r.randrange(3), "unsigned long long")
            if "%s &" in form:
                return "(" + form % a + ")"
            return "(" + form % self.cast(ty, a) + ")"
        if what == "bool":
            c = self.gen_bool(ctx, depth - 1, eff)
            if self.on("ternary") and self.chance(0.5):
                return "(%s ? %s : %s)" % (c, self.const(), self.const())
            # a plain (unsigned)(a < b) compared with 6u draws -Wbool-compare
            return "((unsigned)%s * %du)" % (c, self.r.randint(1, 9))
        if what == "call":
            t = self.call_u(ctx, depth - 1, eff)
            return t if t else self.atom(ctx, depth, eff)
        if what == "generic":
            return self.generic(ctx, depth, eff)
        raise AssertionError(what)

    GTYPES = {"u": "unsigned", "uc": "unsigned char", "us": "unsigned short",
              "ull": "unsigned long long", "i": "int"}

    def generic(self, ctx, depth, eff):
        """_Generic(v, T1: k1, T: e, default: k2): the controlling
        expression is not evaluated; only the selected association is
        (awaits in it with genericawait)."""
        fs = ctx.fs
        vs = [v for v in fs.visible() if v.kind in self.GTYPES and not v.ro and not v.volatile
              and (v.kind != "u" or v.addressable or v.gclass)]
        if not vs:
            return self.atom(ctx, depth, eff)
        v = self.pick(vs)
        t, c = v.kind, v.name
        form = self.r.randrange(4)
        if form == 1:
            t, c = ("ull" if t == "ull" else "u"), "%s + 0u" % v.name
        elif form == 2:
            t, c = "ull", "%s * 1ull" % v.name
        types = list(self.GTYPES)
        self.r.shuffle(types)
        assoc = types[:self.r.randint(1, 4)]
        if t not in assoc and self.chance(0.5):
            assoc[self.r.randrange(len(assoc))] = t
        parts = []

        def sel():
            # parenthesized: gcc's -Wparentheses and clang's -Wself-assign
            # look through _Generic at the selected expression
            return "(%s + 0u)" % self.top_u(ctx, depth - 1, eff)
        # the associations not selected have types of their own (not
        # unsigned, each different): asyncc finds the selected one by its
        # type
        others = ["%d", "%dl", "%dul", "%dll", "%dull", "(unsigned short)%d", "(unsigned char)%d"]
        self.r.shuffle(others)
        with NoAwait(fs, not self.on("genericawait")):
            for k in assoc:
                if k == t:
                    parts.append("%s: %s" % (self.GTYPES[k], sel()))
                elif self.on("genericawait") and self.chance(0.25):
                    # an association never selected, of the selection's
                    # type, often awaiting: asyncc must not run it
                    parts.append("%s: (%s + 0u)" % (self.GTYPES[k], self.top_u(ctx, depth - 1, False)))
                else:
                    parts.append("%s: %s" % (self.GTYPES[k], others.pop() % self.r.randint(0, 20)))
            dflt = sel() if t not in assoc else others.pop() % self.r.randint(0, 20)
        parts.insert(self.r.randint(0, len(parts)), "default: %s" % dflt)
        return "_Generic(%s, %s)" % (c, ", ".join(parts))

    def top_u(self, ctx, depth, eff, arg=False):
        """A full-expression-level unsigned value (or a whole call argument:
        arg): often exactly one awaited call (the simplest await position),
        else any expression."""
        fs = ctx.fs
        if fs.await_ok() and (arg or fs.nonest == 0) and depth >= 0 and self.chance(0.3):
            fns = [f for f in self.callable(ctx, eff) if f.is_async and f.ret == "u"]
            if fns:
                return self.call_text(ctx, depth, eff, self.pick(fns))[0]
        return self.gen_u(ctx, depth, eff)

    def split(self, eff):
        if not eff:
            return False, False
        return (True, False) if self.chance(0.5) else (False, True)

    def atom(self, ctx, depth, eff):
        fs = ctx.fs
        r = self.r.random()
        if r < 0.25 and depth >= 0:
            t = self.call_u(ctx, depth, eff)
            if t:
                return t
        if r < 0.85:
            t = self.read_var(ctx, depth)
            if t:
                return t
        if self.on("array") and self.chance(0.1):
            arrs = [v for v in fs.visible() if v.kind in ("arr", "arr2", "P")]
            if arrs:
                v = self.pick(arrs)
                if v.kind == "P":
                    return "((unsigned)sizeof %s)" % v.name
                if v.kind == "arr2":
                    return "((unsigned)(sizeof %s / sizeof %s[0]))" % (v.name, v.name)
                return self.pick(["((unsigned)sizeof %s)" % v.name,
                                  "((unsigned)(sizeof %s / sizeof %s[0]))" % (v.name, v.name)])
        if self.on("tab") and self.chance(0.15):
            return "g_tab[%s]" % self.index(ctx, depth, TAB_LEN)
        if self.on("chars") and self.chance(0.1):
            ln = self.r.randint(2, 8)
            if self.chance(0.2):
                return "((unsigned)sizeof \"%s\")" % self.lit(ln)
            return "((unsigned)(unsigned char)\"%s\"[%s])" % (self.lit(ln), self.sindex(ctx, depth, ln + 1))
        if self.on("complitarr") and depth > 0 and self.chance(0.2):
            # ((unsigned[3]){ ... })[i]: the elements are indeterminately
            # sequenced, one of them may have effects
            n = self.r.randint(2, 4)
            k = self.r.randrange(n) if eff else -1
            es = [strip_parens(self.top_u(ctx, depth - 1, k == i)) for i in range(n)]
            ty = self.pick(["unsigned", "const unsigned"])
            size = "%d" % n if self.chance(0.5) else ""
            with NoAwait(fs, not self.on("complitindex") and any(("await" in e or "AW_ADD" in e) for e in es)):
                idx = self.sindex(ctx, depth - 1, n)
            return "((%s[%s]){ %s })[%s]" % (ty, size, ", ".join(es), idx)
        return self.const()

    def sindex(self, ctx, depth, n):
        """A subscript, often an awaited call's value (structarr)."""
        fs = ctx.fs
        if fs.nested_ok() and self.on("awaitexpr") and depth >= 0 and self.chance(0.5):
            fns = [f for f in self.callable(ctx, False) if f.is_async and f.ret == "u"]
            if fns:
                t = self.call_text(ctx, depth, False, self.pick(fns))[0]
                return "%s %% %du" % (t, n)
        return self.index(ctx, depth, n)

    def index(self, ctx, depth, n):
        if depth <= 0 or self.chance(0.4):
            return "%du" % self.r.randint(0, n - 1)
        return "(%s %% %du)" % (self.gen_u(ctx, depth - 1, False), n)

    # --- variables
    def readable(self, ctx):
        out = []
        for v in ctx.fs.visible():
            if v.gclass and not ctx.gmode:
                continue
            if not ctx.can_read(v):
                continue
            if v.volatile and not ctx.can_write(v):
                continue
            out.append(v)
        return out

    def note_read(self, ctx, v):
        # a volatile access is a side effect: treat it as a write
        (ctx.writes if v.volatile else ctx.reads).append(v.obj)

    def read_var(self, ctx, depth, nonconst=False):
        vs = self.readable(ctx)
        if nonconst:
            # an enumerator is a constant: x < (E1A + 17u) can be always true
            vs = [v for v in vs if v.kind != "enum"]
        if not vs:
            return None
        v = self.pick(vs)
        self.note_read(ctx, v)
        k = v.kind
        n = v.name
        if k == "u":
            return n
        if k in ("uc", "us", "i", "enum", "enumv"):
            return "((unsigned)%s)" % n
        if k == "ull":
            return self.pick(["((unsigned)%s)" % n, "((unsigned)(%s >> %du))" % (n, self.r.randint(1, 40))])
        if k in ("ptr", "deref"):
            return "(*%s)" % n
        if k == "P":
            return self.pmember(n + ".", lambda: self.index(ctx, depth, 3))
        if k == "V":
            if self.chance(0.5):
                return "%s.u" % n
            return "((unsigned)%s.h[%s])" % (n, self.index(ctx, depth, 2))
        if k == "L":
            return "%s.%s" % (n, self.pick(["m", "n"]))
        if k == "BF":
            # + 0u: gcc's -Wtype-limits sees through the cast to the
            # field's width ((unsigned)b.d | (unsigned)y.d) >= 11u
            return "((unsigned)%s.%s + 0u)" % (n, self.pick(BF_MEMBERS)[0])
        if k == "parr":
            e = "%s[%s]" % (n, self.sindex(ctx, depth, v.dims[0]))
            return self.pmember(e + ".", lambda: "%du" % self.r.randrange(3))
        if k == "arr":
            return "%s[%s]" % (n, self.index(ctx, depth, v.dims[0]))
        if k == "arr2":
            return "%s[%s][%s]" % (n, self.index(ctx, depth, v.dims[0]), self.index(ctx, depth, v.dims[1]))
        if k in ("dbl", "flt"):
            return "((unsigned)(%s * 4.0))" % n
        if k == "aptr":
            if self.base_visible(ctx.fs, v) and self.chance(0.4):
                return "((unsigned)(%s - %s))" % (n, v.base.name)
            return "(*%s)" % n
        if k == "sptr":
            return self.pmember(n + "->", lambda: self.sindex(ctx, depth, 3))
        if k in ("chr", "cstr"):
            r = self.r.randrange(5)
            if r == 0:
                return "((unsigned)strlen(%s))" % n
            # a comparison as a number: (unsigned)(a != b) compared with
            # 4u draws -Wbool-compare
            if r == 1:
                return "((unsigned)(strchr(%s, '%s') != 0) * %du)" % (n, self.pick("aeiou"), self.r.randint(1, 9))
            if r == 2:
                lit = self.lit(2)
                return "((unsigned)(memcmp(%s, \"%s\", 2) == 0) * %du)" % (n, lit, self.r.randint(1, 9))
            return "((unsigned)(unsigned char)%s[%s])" % (n, self.sindex(ctx, depth, v.dims[0]))
        raise AssertionError(k)

    def pmember(self, acc, idx, lv=False):
        """A member of a struct P reached by acc ('p.', 'q[i].', 'sp->'),
        as an unsigned value, or (lv) as (lvalue text, kind); idx() gives
        the subscript of .arr."""
        m = self.pick(["a", "b", "c", "arr"])
        if m == "c":
            return (acc + "c", "uc") if lv else "((unsigned)%sc)" % acc
        t = acc + ("arr[%s]" % idx() if m == "arr" else m)
        return (t, "u") if lv else t

    def base_visible(self, fs, v):
        return any(w is v.base for w in fs.visible())

    def lit(self, n):
        return "".join(self.pick("abcdefghijklmnopqrstuvwxyz") for _ in range(n))

    def writable(self, ctx, kinds=None):
        out = []
        for v in ctx.fs.visible():
            if v.ro or v.gclass or v.kind == "enum":
                continue
            if kinds and v.kind not in kinds:
                continue
            if not ctx.can_write(v):
                continue
            out.append(v)
        return out

    def lvalue(self, ctx, depth, v):
        """(text, kind) of a scalar lvalue inside object v; records the write
        first, so its subscripts cannot touch v."""
        ctx.writes.append(v.obj)
        k = v.kind
        n = v.name
        if k in ("u", "uc", "us", "ull", "i"):
            return n, k
        if k in ("ptr", "deref"):
            return "(*%s)" % n, "u"
        if k == "P":
            return self.pmember(n + ".", lambda: self.index(ctx, depth, 3), lv=True)
        if k == "V":
            if self.chance(0.6):
                return "%s.u" % n, "u"
            return "%s.h[%s]" % (n, self.index(ctx, depth, 2)), "us"
        if k == "L":
            return "%s.%s" % (n, self.pick(["m", "n"])), "u"
        if k == "BF":
            m, mask = self.pick(BF_MEMBERS)
            return "%s.%s" % (n, m), "bf%s" % mask
        if k == "parr":
            e = "%s[%s]" % (n, self.sindex(ctx, depth, v.dims[0]))
            return self.pmember(e + ".", lambda: "%du" % self.r.randrange(3), lv=True)
        if k == "arr":
            return "%s[%s]" % (n, self.index(ctx, depth, v.dims[0])), "u"
        if k == "arr2":
            return "%s[%s][%s]" % (n, self.index(ctx, depth, v.dims[0]), self.index(ctx, depth, v.dims[1])), "u"
        if k in ("dbl", "flt"):
            return n, k
        if k == "aptr":
            return "(*%s)" % n, "u"
        if k == "sptr":
            return self.pmember(n + "->", lambda: self.sindex(ctx, depth, 3), lv=True)
        if k == "chr":
            # below the string's length: the terminating 0 stays
            return "%s[%s]" % (n, self.sindex(ctx, depth, v.slen)), "chr"
        raise AssertionError(k)

    def assign_ops(self, lk):
        ds = self.on("divshift")
        if lk == "u":
            return ["=", "+=", "-=", "*=", "^=", "|=", "&="] + (["<<=", ">>=", "/=", "%="] if ds else [])
        if lk == "ull":
            return ["=", "+=", "*=", "^="] + (["<<=", ">>="] if ds else [])
        if lk in ("uc", "us"):
            # the narrow operand is promoted to int: the right side must be
            # unsigned (no int overflow) and no shifts
            return ["=", "+=", "-=", "^=", "|=", "*="]
        if lk == "i":
            return ["=", "+=", "-="]
        if lk.startswith("bf"):
            # the bit-field is promoted to int; the unsigned right side
            # makes the arithmetic unsigned; the store keeps the low bits
            return ["=", "+=", "-=", "^=", "|=", "*="]
        if lk == "chr":
            return ["="]
        if lk in ("dbl", "flt"):
            return ["=", "+=", "*="]  # never negative: (unsigned)d stays defined
        raise AssertionError(lk)

    def fix_rhs(self, e, lk, op):
        """Right side 'e' (unsigned) made safe for 'lvalue(lk) op'."""
        if lk in ("u", "ull"):
            if op in ("<<=", ">>="):
                return "(%s & %du)" % (e, 31 if lk == "u" else 63)
            if op in ("/=", "%="):
                return "(%s | 1u)" % e
            if lk == "ull" and op == "=" and self.chance(0.3):
                return "%s * 0x100000001ull" % self.cast("unsigned long long", e)
            return e
        if lk in ("uc", "us"):
            if op == "=":
                return self.cast("unsigned char" if lk == "uc" else "unsigned short", e)
            return "(%s & %s)" % (e, "0xffu" if lk == "uc" else "0xffffu")
        if lk == "i":
            if op == "=":
                return "(int)(%s %% 2001u) - 1000" % e
            return "(int)(%s %% 16u)" % e
        if lk.startswith("bf"):
            # masked: a constant that does not fit draws -Woverflow
            return "(%s & %s)" % (e, lk[2:])
        if lk == "chr":
            return "(char)(97u + (%s %% 26u))" % e
        if lk in ("dbl", "flt"):
            ty, sfx = ("double", "") if lk == "dbl" else ("float", "f")
            if op == "=":
                return "(%s)(%s %% 1000u) / 4.0%s" % (ty, e, sfx)
            if op == "+=":
                return "(%s)(%s %% 8u)" % (ty, e)
            return "((%s & 1u) ? 0.5%s : 1.0%s)" % (paren(e), sfx, sfx)
        raise AssertionError(lk)

    def assign_expr(self, ctx, depth, eff, value=True):
        """A nested assignment / ++ / --, as an unsigned value (or, for the
        left of a comma, as it is)."""
        vs = self.writable(ctx)
        # an _Atomic variable is written only by whole statements: clang
        # gives an assignment to it an _Atomic type ("operand of type
        # '_Atomic(unsigned int)' where arithmetic or pointer type is
        # required"), gcc warns that (--x, y) has an unused value
        vs = [v for v in vs if not v.atomic]
        if not vs:
            return None
        v = self.pick(vs)
        lv, lk = self.lvalue(ctx, depth, v)
        if self.chance(0.3) and lk not in ("chr", "dbl", "flt"):
            op = self.pick(["++", "--"])
            t = self.pick(["%s%s" % (op, lv), "%s%s" % (lv, op)])
        else:
            op = self.pick(self.assign_ops(lk))
            t = "%s %s %s" % (lv, op, self.fix_rhs(self.gen_u(ctx, depth, eff), lk, op))
        if lk == "u" or not value:
            return "(%s)" % t
        if lk.startswith("bf"):
            # + 0u: gcc's -Wtype-limits knows the field's width
            # ((unsigned)(q.d = (a & 1u)) >= 19u)
            return "((unsigned)(%s) + 0u)" % t
        return "((unsigned)(%s))" % t

    def side_expr(self, ctx, depth, eff):
        """An expression with a side effect (the left of a comma)."""
        opts = []
        if self.on("assignexpr") and self.writable(ctx):
            opts.append("assign")
        if self.callable(ctx, eff, want="any"):
            opts.append("call")
        if not opts:
            return None
        if self.pick(opts) == "assign":
            return self.assign_expr(ctx, depth, eff, value=False)
        return self.call_any(ctx, depth, eff)

    # --- booleans (type int, 0 or 1; only used as conditions or via a cast)
    def gen_bool(self, ctx, depth, eff, top=False):
        fs = ctx.fs
        if depth > 0 and self.on("logic") and self.chance(0.3):
            form = self.pick(["and", "or", "not"])
            if form == "not":
                return "(!%s)" % self.gen_bool(ctx, depth - 1, eff, top)
            a = self.gen_bool(ctx, depth - 1, eff, top)
            with NoAwait(fs, not self.on("awaitshort")):
                b = self.gen_bool(ctx, depth - 1, eff, top)
            return "(%s %s %s)" % (a, "&&" if form == "and" else "||", b)
        ints = [v for v in self.readable(ctx) if v.kind == "i"]
        if ints and self.chance(0.15):
            v = self.pick(ints)
            self.note_read(ctx, v)
            return "(%s %s %d)" % (v.name, self.pick(["<", ">", "<=", ">=", "==", "!="]), self.r.randint(-20, 20))
        el, er = self.split(eff)
        a = self.top_u(ctx, depth - 1, el) if top else self.gen_u(ctx, depth - 1, el)
        form = self.r.random()
        if form < 0.3:
            return "((%s & %du) %s 0u)" % (a, 1 << self.r.randint(0, 4), self.pick(["==", "!="]))
        if form < 0.55:
            m = self.r.randint(2, 5)
            return "((%s %% %du) %s %du)" % (a, m, self.pick(["==", "!="]), self.r.randint(0, m - 1))
        op = self.pick(["<", "<=", ">", ">=", "==", "!="])
        if is_const(a):
            # 0u > x (-Wtype-limits), 0xffffu != (x & 0x7fffu)
            # (-Wtautological-compare): no constant operands
            v = self.read_var(ctx, 0, nonconst=True)
            if v is None:
                return "((%s %% %du) == 1u)" % (a, self.r.randint(2, 5))
            a = "(%s + %s)" % (a, v)
        if top_op(a) in ("|", "&"):
            # (x | 10u) == 8u: -Wtautological-compare
            op = self.pick(["<", "<=", ">", ">="])
        if " " in a and self.chance(0.5):
            # a small constant; never against a plain variable, which
            # invites clang's -Wtautological-overlap-compare (x < 3u && x >= 8u)
            b = self.nonzero_const()
        else:
            b = self.gen_u(ctx, depth - 1, er)
            if is_const(b):
                # ((unsigned)short_var) >= 65547u: -Wtype-limits
                v = self.read_var(ctx, 0, nonconst=True)
                b = "(%s + %s)" % (b, v) if v else "%s" % self.nonzero_const()
            if " " not in a and " " not in b:
                b = "(%s + %s)" % (b, self.nonzero_const())
        if a == b:
            b = "(%s + 1u)" % b
        return "(%s %s %s)" % (a, op, b)

    # --- calls
    def callable(self, ctx, eff, want="u"):
        """Functions callable here. want 'u': a value usable as unsigned;
        'any': also void (a statement or the left of a comma)."""
        fs = ctx.fs
        me = fs.func
        cands = []
        if fs.await_ok():
            for f in self.funcs:
                if f.has_out:
                    continue  # only as a statement of its own (st_ptrcall)
                if f.done or (me.group is not None and f in me.group):
                    cands.append(f)
        if self.on("helpers"):
            cands.extend(h for h in self.helpers if h.done and h is not me)
        out = []
        for f in cands:
            if me.group is not None and f in me.group:
                if not fs.after_guard or fs.mult != 1 or fs.in_group_calls >= REC_FANOUT:
                    continue
            elif fs.cost + f.cost * fs.mult > fs.budget:
                continue
            if f.effectful and (not eff or ctx.gmode):
                continue
            if f.ret == "void" and want != "any":
                continue
            out.append(f)
        return out

    def call_text(self, ctx, depth, eff, f):
        """'await(f(args))' or 'h(args)'; returns (text, return kind)."""
        fs = ctx.fs
        me = fs.func
        in_group = me.group is not None and f in me.group
        if in_group:
            fs.in_group_calls += 1
        else:
            fs.cost += f.cost * fs.mult
            f.called = True
        args = []
        n = len(f.params)
        effarg = self.r.randrange(n) if (eff and n) else -1
        depth -= 1  # arguments one level down: calls nest finitely
        with NoAwait(fs, not self.on("awaitarg")), NoNest(fs, f.is_async and not self.on("argnest")):
            for i, (pn, pk) in enumerate(f.params):
                ae = eff and i == effarg
                if pn == "d":
                    if in_group:
                        args.append("d - 1u")
                    elif self.chance(0.5):
                        args.append("%du" % self.r.randint(0, MAX_DEPTH))
                    else:
                        args.append("%s %% %du" % (paren(self.top_u(ctx, min(depth, 1), ae)), MAX_DEPTH + 1))
                elif pk == "u":
                    args.append(strip_parens(self.top_u(ctx, depth, ae, arg=True)))
                elif pk == "ull":
                    args.append(self.cast("unsigned long long", self.top_u(ctx, depth, ae)))
                elif pk == "uc":
                    args.append(self.cast("unsigned char", self.top_u(ctx, depth, ae)))
                elif pk == "dbl":
                    args.append("(double)(%s %% 100u) / 2.0" % paren(self.top_u(ctx, depth, ae)))
                elif pk == "P":
                    args.append(self.struct_val(ctx, depth, ae, "P") or self.struct_lit(ctx, depth, "P"))
                else:
                    raise AssertionError(pk)
        call = "%s(%s)" % (f.name, ", ".join(args))
        if f.is_async:
            return "await(%s)" % call, f.ret
        return call, f.ret

    def call_u(self, ctx, depth, eff):
        """A call nested in an expression, as an unsigned value."""
        fs = ctx.fs
        nested_await = fs.nested_ok() and self.on("awaitexpr")
        if nested_await and self.chance(0.15):
            y = self.yield_expr(ctx)
            if y:
                return "(%s)" % self.cast("unsigned", y)
        fns = [f for f in self.callable(ctx, eff) if nested_await or not f.is_async]
        if not fns:
            return None
        f = self.pick(fns)
        t, rk = self.call_text(ctx, depth, eff, f)
        if rk == "u" and f.is_async and self.on("macro") and self.chance(0.15):
            # AW_ADD(call, k) expands to (await(call) + (k))
            return "AW_ADD(%s, %s)" % (t[len("await("):-1], self.const(small=True))
        return self.use_result(ctx, depth, t, rk)

    def use_result(self, ctx, depth, t, rk):
        if rk == "u":
            return t
        with NoAwait(ctx.fs, not self.on("resultindex")):
            return self.use_result2(ctx, depth, t, rk)

    def use_result2(self, ctx, depth, t, rk):
        if rk == "ull":
            return self.pick(["(%s)" % self.cast("unsigned", t), "((unsigned)(%s >> %du))" % (t, self.r.randint(1, 40))])
        if rk == "P":
            return self.pmember(t + ".", lambda: self.index(ctx, depth, 3))
        if rk == "V":
            if self.chance(0.5):
                return "%s.u" % t
            return "((unsigned)%s.h[%s])" % (t, self.index(ctx, depth, 2))
        if rk == "ptr":
            return "(*%s)" % t
        if rk == "dbl":
            return "((unsigned)(%s * 4.0))" % t
        if rk == "str":
            if self.chance(0.3):
                return "((unsigned)strlen(%s))" % t
            return "((unsigned)(unsigned char)%s[%s])" % (t, self.index(ctx, depth, 5))
        raise AssertionError(rk)

    def call_any(self, ctx, depth, eff):
        fns = self.callable(ctx, eff, want="any")
        if not fns:
            return None
        return self.call_text(ctx, depth, eff, self.pick(fns))[0]

    def yield_expr(self, ctx):
        fs = ctx.fs
        opts = []
        if self.on("yield"):
            opts += ["await(asyncc_yield())"] * 3
        if self.on("sleep"):
            opts.append("await(asyncc_sleep(0))")
        if not opts or not fs.await_ok() or fs.cost + fs.mult > fs.budget:
            return None
        fs.cost += fs.mult
        return self.pick(opts)

    # --- struct and union values
    def struct_val(self, ctx, depth, eff, kind):
        fs = ctx.fs
        opts = []
        vars_ = [v for v in self.readable(ctx) if v.kind == kind]
        if vars_:
            opts.append((3, "var"))
        fns = [f for f in self.callable(ctx, eff) if f.ret == kind and f.is_async]
        if fns and depth >= 0:
            opts.append((3, "call"))
        if self.on("complit"):
            opts.append((2, "lit"))
        if self.on("ternary") and self.on("complit") and depth > 0 and fs.nonest == 0:
            opts.append((1, "tern"))
        if not opts:
            return None
        what = self.wpick(opts)
        if what == "var":
            v = self.pick(vars_)
            self.note_read(ctx, v)
            return v.name
        if what == "call":
            return self.call_text(ctx, depth, eff, self.pick(fns))[0]
        if what == "tern":
            c = self.gen_bool(ctx, depth - 1, eff)
            with NoAwait(fs, not self.on("awaitshort")):
                a = self.struct_val(ctx, depth - 1, eff, kind) or self.struct_lit(ctx, depth, kind)
                b = self.struct_val(ctx, depth - 1, eff, kind) or self.struct_lit(ctx, depth, kind)
            return "(%s ? %s : %s)" % (c, a, b)
        return "(%s)%s" % ("struct P" if kind == "P" else "union V",
                           self.init_list(ctx, depth - 1, eff, kind, designated=True))

    def struct_lit(self, ctx, depth, kind):
        return "(%s)%s" % ("struct P" if kind == "P" else "union V",
                           self.init_list(ctx, depth - 1, False, kind, designated=True))

    def init_list(self, ctx, depth, eff, kind, designated=None):
        """A braced initializer for struct P or union V. Its elements are
        indeterminately sequenced: they share one context and at most one
        gets the effect budget."""
        if designated is None:
            designated = self.on("complit") and self.chance(0.5)
        fs = ctx.fs
        # without initnest, awaits stay at one brace depth of the outermost
        # initializer
        flat = not self.on("initnest")
        with NoAwait(fs, flat and fs.in_init > 0):
            fs.in_init += 1
            try:
                return self.init_list2(ctx, depth, eff, kind, designated, flat)
            finally:
                fs.in_init -= 1

    def init_list2(self, ctx, depth, eff, kind, designated, flat):
        fs = ctx.fs
        if kind == "P":
            k = self.r.randrange(6) if eff else -1
            inner = self.chance(0.5)  # awaits in .arr (else in .a .b .c)
            # designated: .a and .b may be left out (zero); decide first, so
            # no generated call is thrown away (an unused static function
            # is a warning)
            skip = {i for i in (0, 1) if designated and self.chance(0.2)}
            es = []
            for i in range(6):
                if i in skip:
                    es.append(None)
                    continue
                with NoAwait(fs, flat and inner != (i >= 3)):
                    es.append(strip_parens(self.top_u(ctx, depth, k == i)))
            c = self.cast("unsigned char", es[2])
            if designated:
                parts = []
                order = ["a", "b", "c", "arr"]
                if self.chance(0.3):
                    self.r.shuffle(order)
                for m in order:
                    if m == "arr":
                        parts.append(".arr = { %s, %s, %s }" % tuple(es[3:6]))
                    elif m == "c":
                        parts.append(".c = %s" % c)
                    elif es[0 if m == "a" else 1] is not None:
                        parts.append(".%s = %s" % (m, es[0 if m == "a" else 1]))
                return "{ %s }" % ", ".join(parts)
            return "{ %s, %s, %s, { %s, %s, %s } }" % (es[0], es[1], c, es[3], es[4], es[5])
        if kind == "V":
            e = strip_parens(self.top_u(ctx, depth, eff))
            if designated:
                if self.chance(0.3):
                    e2 = self.gen_u(ctx, depth, False)
                    return "{ .h = { %s, %s } }" % (self.cast("unsigned short", e), self.cast("unsigned short", e2))
                return "{ .u = %s }" % e
            return "{ %s }" % e
        raise AssertionError(kind)

    # ------------------------------------------------------------------
    # statements
    def gen_stmts(self, fs, n, decls=True):
        for _ in range(n):
            if fs.stmts_left <= 0:
                break
            self.gen_stmt(fs, decls)

    # statements that emit a declaration into the current block; where a
    # declaration may not stand (a switch case, a region a goto skips) they
    # get a block of their own
    DECLARING = {"decl", "while", "dowhile", "gotoback", "localtype", "static", "forplain",
                 "duff", "caseblock", "gotoin", "labeldecl"}

    def gen_stmt(self, fs, decls=True):
        fs.stmts_left -= 1
        fs.cost += fs.mult
        fs.stmt_no += 1
        me = fs.func
        nest_ok = fs.nest < self.sz["nest"] and fs.stmts_left > 1
        loop_ok = nest_ok and fs.cost + 4 * fs.mult <= fs.budget
        has_out = any(f.has_out and f.done for f in self.funcs)
        opts = [
            (5, "decl"),
            (4, "assign"),
            (3 if me.is_async else 1, "call"),
            (3 if me.effectful else 0, "print"),
            (2 if me.effectful else 0, "global"),
            (2 if me.is_async and (self.on("yield") or self.on("sleep")) else 0, "yield"),
            (3 if nest_ok and self.on("if") else 0, "if"),
            (2 if loop_ok and self.on("while") else 0, "while"),
            (2 if loop_ok and self.on("dowhile") else 0, "dowhile"),
            (3 if loop_ok and self.on("for") else 0, "for"),
            (2 if nest_ok and self.on("switch") else 0, "switch"),
            (1 if nest_ok and self.on("goto") else 0, "gotofwd"),
            (1 if loop_ok and self.on("goto") else 0, "gotoback"),
            (2 if nest_ok and self.on("block") else 0, "block"),
            (2 if fs.jumps and self.on("break") else 0, "break"),
            (2 if fs.in_loop() and self.on("continue") else 0, "continue"),
            (2 if fs.exit_labels else 0, "gotoout"),
            (1 if self.on("earlyreturn") and fs.nest > 0 else 0, "return"),
            (2 if me.is_async and self.on("ptrparam") and has_out else 0, "ptrcall"),
            (1 if me.is_async and self.on("macro") and me.ret == "u" else 0, "try"),
            (1 if self.on("localtypes") else 0, "localtype"),
            (1 if me.effectful and self.on("static") else 0, "static"),
            (2 if loop_ok and self.on("duff") else 0, "duff"),
            (2 if loop_ok and self.on("caseinblock") else 0, "caseblock"),
            (2 if loop_ok and self.on("gotoin") else 0, "gotoin"),
            (2 if loop_ok and self.on("labeldecl") else 0, "labeldecl"),
            (1 if self.on("ptrmore") else 0, "repoint"),
        ]
        what = self.wpick(opts)
        if what == "for" and not (self.on("fordecl") and self.chance(0.7)):
            what = "forplain"
        if not decls and what in self.DECLARING:
            fs.emit("{")
            fs.ind += 1
            fs.push()
            self.dispatch(fs, what)
            self.fold_scope(fs)
            fs.pop()
            fs.ind -= 1
            fs.emit("}")
        else:
            self.dispatch(fs, what)

    def dispatch(self, fs, what):
        if what == "forplain":
            return self.st_for(fs, decl=False)
        if what == "for":
            return self.st_for(fs, decl=True)
        getattr(self, "st_" + what)(fs)

    def st_decl(self, fs):
        names_here = fs.names_here()
        n = 1
        if self.on("multidecl") and self.chance(0.35):
            n = self.r.randint(2, 3)
        kinds = [(10, "u")]
        if self.on("narrow"):
            kinds += [(2, "uc"), (2, "us"), (2, "ull"), (2, "i")]
        if self.on("array"):
            kinds += [(3, "arr"), (1, "arr2")]
        if self.on("struct"):
            kinds += [(3, "P")]
        if self.on("union"):
            kinds += [(2, "V")]
        if self.on("ptr"):
            kinds += [(2, "ptr")]
        if self.on("const"):
            kinds += [(1, "const")]
        if self.on("volatile"):
            kinds += [(1, "volatile")]
        if self.on("bitfield"):
            kinds += [(2, "BF")]
        if self.on("structarr") and self.on("struct"):
            kinds += [(2, "parr")]
        if self.on("align"):
            kinds += [(2, "align")]
        if self.on("atomic"):
            kinds += [(2, "atomic")]
        if self.on("typeof"):
            kinds += [(2, "typeof")]
        if self.on("chars"):
            kinds += [(2, "chr"), (1, "cstr")]
        if self.on("float"):
            kinds += [(2, "dbl"), (1, "flt")]
        if self.on("ptrmore"):
            kinds += [(3, "aptr"), (2, "sptr")]
        base = self.wpick(kinds)
        if base == "typeof":
            return self.st_typeof(fs)
        if base in ("u", "arr", "arr2", "ptr"):
            # declarators of one 'unsigned' declaration may mix
            group = ["u", "u"] + (["arr"] if self.on("array") else []) + (["ptr"] if self.on("ptr") else [])
        else:
            group = [base]
        spec = {"u": "unsigned", "arr": "unsigned", "arr2": "unsigned", "ptr": "unsigned",
                "uc": "unsigned char", "us": "unsigned short", "ull": "unsigned long long",
                "i": "int", "P": "struct P", "V": "union V",
                "const": "const unsigned", "volatile": "volatile unsigned",
                "BF": "struct BF", "parr": "struct P", "align": "struct A",
                "atomic": "_Atomic unsigned", "chr": "char", "cstr": "const char",
                "dbl": "double", "flt": "float", "aptr": "unsigned", "sptr": "struct P"}[base]
        if base == "align":
            form = self.r.randrange(3)
            if form < 2:
                base = "u" if form == 0 else "arr"
                spec = "_Alignas(%d) unsigned" % self.pick([16, 32, 64])
            group = [base]
        if base in ("atomic", "chr", "cstr", "dbl", "flt", "aptr", "sptr"):
            group = [base]
        if (spec.startswith("_Alignas") or base == "atomic") and not self.on("specmulti"):
            n = 1
        seq = None
        if base in ("aptr", "sptr"):
            # the array or struct it points to, often declared with it:
            # unsigned t[3] = { ... }, *p = t + 1;
            tk = "arr" if base == "aptr" else "P"
            if self.chance(0.6) or not any(v.kind == tk and v.addressable for v in fs.visible()):
                seq = [tk, base]
                n = 2
        pool = LOCAL_NAMES + (PARAM_NAMES if fs.nest > 0 else [])
        if not self.on("shadow"):
            visible_names = {v.name for v in fs.visible()}
            pool = [p for p in pool if p not in visible_names]
        decls = []
        pending = []
        for k in range(n):
            kind = seq[k] if seq else base if k == 0 else self.pick(group)
            avail = [p for p in pool if p not in names_here]
            name = self.pick(avail) if avail else fs.fresh("x")
            fs.hidden = name
            try:
                text, var = self.declarator(fs, kind, name)
            finally:
                fs.hidden = None
            if text is None:
                continue
            if spec.startswith("_Alignas"):
                var.align = int(spec[len("_Alignas("):spec.index(")")])
            names_here.add(name)
            decls.append(text)
            fs.declare(var)
            if not var.ready:
                pending.append(var)
        if not decls:
            return self.st_assign(fs)
        if (self.on("macrodecl") and spec == "unsigned" and len(decls) == 1 and " = " in decls[0]
                and is_atom(decls[0].split(" = ")[0]) and self.chance(0.3)):
            fs.emit("DECL_U(%s, %s);" % tuple(decls[0].split(" = ", 1)))
            return
        fs.emit("%s %s;" % (spec, ", ".join(decls)))
        for v in pending:
            # declared without an initializer: assigned before any read
            fs.emit("%s = %s;" % (v.name, strip_parens(self.value_hiding(fs, v.name))))
            v.ready = True

    def value_hiding(self, fs, name, depth=None):
        """A value for variable 'name' that does not read it."""
        ctx = self.full(fs, gmode=False)
        fs.hidden = name
        try:
            return self.top_u(ctx, self.ed() if depth is None else depth, self.eff(fs))
        finally:
            fs.hidden = None

    def declarator(self, fs, kind, name):
        ctx = self.full(fs, gmode=False)
        eff = self.eff(fs)
        d = self.ed()
        with NoAwait(fs, not self.on("awaitinit")):
            if kind in ("u", "const", "volatile"):
                if kind == "u" and self.on("uninit") and self.chance(0.1):
                    v = Var(name, "u")
                    v.ready = False
                    return name, v
                e = self.top_u(ctx, d, eff)
                v = Var(name, "u", ro=(kind == "const"), volatile=(kind == "volatile"))
                return "%s = %s" % (name, strip_parens(e)), v
            if kind in ("dbl", "flt"):
                e = self.top_u(ctx, d, eff)
                return "%s = %s" % (name, self.fix_rhs(paren(e), kind, "=")), Var(name, kind)
            if kind == "aptr":
                arrs = [v for v in fs.visible() if v.kind == "arr" and v.addressable]
                if not arrs:
                    return None, None
                t = self.pick(arrs)
                n = t.dims[0]
                form = self.r.randrange(3)
                if form == 0:
                    init = t.name
                elif form == 1:
                    init = "&%s[%d]" % (t.name, self.r.randrange(n))
                else:
                    init = "%s + (%s %% %du)" % (t.name, paren(self.top_u(ctx, d, eff)), n)
                v = Var(name, "aptr", target=t.obj, dims=t.dims)
                v.base = t
                return "*%s = %s" % (name, init), v
            if kind == "sptr":
                ps = [v for v in fs.visible() if v.kind == "P" and v.addressable]
                if not ps:
                    return None, None
                t = self.pick(ps)
                return "*%s = &%s" % (name, t.name), Var(name, "sptr", target=t.obj)
            if kind == "atomic":
                e = self.top_u(ctx, d, eff)
                v = Var(name, "u")
                v.addressable = False  # &x is an _Atomic unsigned *
                v.atomic = True
                return "%s = %s" % (name, strip_parens(e)), v
            if kind in ("uc", "us", "ull", "i"):
                e = self.top_u(ctx, d, eff)
                return "%s = %s" % (name, self.fix_rhs(e, kind, "=")), Var(name, kind)
            if kind == "chr":
                # char s[N] = "lit" (N may be left out), or letters with
                # awaits and at least one 0 after them
                ln = self.r.randint(2, 6)
                if self.chance(0.6):
                    n = ln + 1 + (self.r.randint(0, 3) if self.chance(0.5) else 0)
                    size = "" if n == ln + 1 and self.chance(0.5) else "%d" % n
                    text = "%s[%s] = \"%s\"" % (name, size, self.lit(ln))
                else:
                    n = ln + self.r.randint(1, 3)
                    k = self.r.randrange(ln) if eff else -1
                    es = []
                    for i in range(ln):
                        if self.chance(0.5):
                            es.append("'%s'" % self.lit(1))
                        else:
                            es.append(self.fix_rhs(paren(self.top_u(ctx, max(d - 1, 0), k == i)), "chr", "="))
                    text = "%s[%d] = { %s }" % (name, n, ", ".join(es))
                v = Var(name, "chr", dims=(n,))
                v.slen = ln
                return text, v
            if kind == "cstr":
                # const char *p = "lit", or into a char array
                arrs = [v for v in fs.visible() if v.kind == "chr"]
                if arrs and self.chance(0.6):
                    t = self.pick(arrs)
                    off = self.r.randint(0, 1)
                    v = Var(name, "cstr", ro=True, target=t.obj, dims=(t.dims[0] - off,))
                    return "*%s = %s" % (name, t.name if off == 0 else "%s + 1" % t.name), v
                ln = self.r.randint(2, 8)
                return "*%s = \"%s\"" % (name, self.lit(ln)), Var(name, "cstr", ro=True, dims=(ln + 1,))
            if kind == "arr":
                n = self.r.randint(2, 5)
                cnt = self.r.randint(1, n)
                k = self.r.randrange(cnt) if eff else -1
                es = [strip_parens(self.top_u(ctx, max(d - 1, 0), k == i)) for i in range(cnt)]
                size = "%d" % n if cnt < n or self.chance(0.6) else ""
                return "%s[%s] = { %s }" % (name, size, ", ".join(es)), Var(name, "arr", dims=(n,))
            if kind == "arr2":
                r_, c_ = self.r.randint(2, 3), self.r.randint(2, 3)
                with NoAwait(fs, not self.on("initnest")):
                    rows = ["{ %s }" % ", ".join(strip_parens(self.gen_u(ctx, 1, False)) for _ in range(c_))
                            for _ in range(r_)]
                return "%s[%d][%d] = { %s }" % (name, r_, c_, ", ".join(rows)), Var(name, "arr2", dims=(r_, c_))
            if kind == "ptr":
                targets = [v for v in fs.visible() if v.addressable]
                if not targets:
                    return None, None
                t = self.pick(targets)
                v = Var(name, "ptr", target=t.obj)
                return "*%s = %s" % (name, self.address_of(t)), v
            if kind == "BF":
                k = self.r.randrange(4) if eff else -1
                es = [self.top_u(ctx, max(d - 1, 0), k == i) for i in range(4)]
                es = ["%s & %s" % (paren(e), mask) for e, (m, mask) in zip(es, BF_MEMBERS)]
                if self.on("complit") and self.chance(0.5):
                    order = list(range(4))
                    self.r.shuffle(order)
                    return "%s = { %s }" % (name, ", ".join(".%s = %s" % (BF_MEMBERS[i][0], es[i]) for i in order)), \
                        Var(name, "BF")
                return "%s = { %s }" % (name, ", ".join(es)), Var(name, "BF")
            if kind == "align":
                k = self.r.randrange(2) if eff else -1
                es = [strip_parens(self.top_u(ctx, max(d - 1, 0), k == i)) for i in range(2)]
                return "%s = { %s, %s }" % (name, es[0], es[1]), Var(name, "L", align=32)
            if kind == "parr":
                n = self.r.randint(2, 3)
                k = self.r.randrange(n) if eff else -1
                fs.in_init += 1
                try:
                    es = [self.init_list(ctx, max(d - 1, 0), k == i, "P") for i in range(n)]
                finally:
                    fs.in_init -= 1
                return "%s[%d] = { %s }" % (name, n, ", ".join(es)), Var(name, "parr", dims=(n,))
            if kind in ("P", "V"):
                sv = self.struct_val(ctx, d, eff, kind) if self.chance(0.4) else None
                if sv:
                    return "%s = %s" % (name, sv), Var(name, kind)
                return "%s = %s" % (name, self.init_list(ctx, max(d - 1, 0), eff, kind)), Var(name, kind)
        raise AssertionError(kind)

    def st_typeof(self, fs):
        """__typeof__(v) x = ...; for a visible local v (its type may be a
        body-declared struct), or __typeof__(v + 0u) for a scalar."""
        # not const, volatile or _Atomic (the new variable would be too)
        srcs = [v for v in fs.visible() if not v.gclass and not v.ro and not v.volatile
                and v.kind in ("u", "uc", "us", "ull", "i", "arr", "P", "V", "L", "BF")
                and (v.kind != "u" or v.addressable)]
        avail = [p for p in LOCAL_NAMES if p not in fs.names_here()]
        if not srcs or not avail:
            return self.st_assign(fs)
        src = self.pick(srcs)
        name = self.pick(avail)
        k = src.kind
        ty = "__typeof__(%s)" % src.name
        if k == "u" and self.chance(0.3):
            ty = "__typeof__(%s + 0u)" % src.name
        fs.hidden = name
        try:
            if k in ("u", "uc", "us", "ull", "i", "P", "V", "BF"):
                text, var = self.declarator(fs, k, name)
                var.ro = var.volatile = False
                var.ready = True
                if text == name:  # uninit form
                    text = "%s = %s" % (name, self.const())
            else:
                ctx = self.full(fs, gmode=False)
                eff = self.eff(fs)
                with NoAwait(fs, not self.on("awaitinit")):
                    if k == "arr":
                        n = src.dims[0]
                        cnt = self.r.randint(1, n)
                        j = self.r.randrange(cnt) if eff else -1
                        es = [strip_parens(self.top_u(ctx, 1, j == i)) for i in range(cnt)]
                        text, var = "%s = { %s }" % (name, ", ".join(es)), Var(name, "arr", dims=(n,))
                    else:  # L: a local struct type (or struct A)
                        j = self.r.randrange(2) if eff else -1
                        es = [strip_parens(self.top_u(ctx, 1, j == i)) for i in range(2)]
                        text, var = "%s = { .m = %s, .n = %s }" % (name, es[0], es[1]), Var(name, "L")
        finally:
            fs.hidden = None
        fs.emit("%s %s;" % (ty, text))
        fs.declare(var)

    def address_of(self, t):
        if t.kind == "u":
            return "&%s" % t.name
        if t.kind == "arr":
            return "&%s[%d]" % (t.name, self.r.randrange(t.dims[0]))
        if t.kind == "L":
            return "&%s.%s" % (t.name, self.pick(["m", "n"]))
        if t.kind == "parr":
            return "&%s[%d].%s" % (t.name, self.r.randrange(t.dims[0]), self.pick(["a", "b", "arr[1]"]))
        if t.kind == "P":
            return self.pick(["&%s.a" % t.name, "&%s.b" % t.name, "&%s.arr[%d]" % (t.name, self.r.randrange(3))])
        raise AssertionError(t.kind)

    def assign_stmt_text(self, fs):
        ctx = self.full(fs)
        eff = self.eff(fs)
        d = self.ed()
        sv = self.writable(ctx, kinds=("P", "V"))
        if sv and self.on("complit") and self.chance(0.15):
            # whole struct / union assignment
            v = self.pick(sv)
            ctx.writes.append(v.obj)
            rhs = self.struct_val(ctx, d, eff, v.kind)
            if rhs is None or rhs == v.name:
                rhs = self.struct_lit(ctx, 1, v.kind)
            return "%s = %s" % (v.name, rhs)
        if self.chance(0.2):
            vs = [v for v in self.writable(ctx) if v.kind not in ("chr", "dbl", "flt")]
            if vs:
                lv, lk = self.lvalue(ctx, d, self.pick(vs))
                op = self.pick(["++", "--"])
                return self.pick(["%s%s" % (lv, op), "%s%s" % (op, lv)])
        # the right side first: it may read the target (x = x + 1 is fine),
        # but the target may not be written by it
        e = self.top_u(ctx, d, eff)
        cands = [v for v in self.writable(Ctx(fs)) if v.obj not in ctx.writes]
        if not cands:
            return "(void)%s" % paren(e)
        v = self.pick(cands)
        lv, lk = self.lvalue(ctx, d, v)
        op = self.pick(self.assign_ops(lk))
        rhs = self.fix_rhs(e, lk, op)
        if strip_parens(rhs) == lv:
            rhs = "%s + 1u" % rhs
        return "%s %s %s" % (lv, op, strip_parens(rhs))

    def st_assign(self, fs):
        fs.emit("%s;" % self.assign_stmt_text(fs))

    def st_call(self, fs):
        ctx = self.full(fs, gmode=False)
        t = self.call_any(ctx, self.ed(), self.eff(fs))
        if t is None:
            return self.st_assign(fs)
        fs.emit("%s%s;" % (self.pick(["", "", "(void)"]), t))

    def st_print(self, fs):
        ctx = self.full(fs)
        eff = not ctx.gmode
        n = self.r.randint(1, 3)
        k = self.r.randrange(n)
        es = []
        for i in range(n):
            if ctx.gmode and self.chance(0.5):
                gs = [v for v in self.readable(ctx) if v.gclass]
                if gs:
                    v = self.pick(gs)
                    self.note_read(ctx, v)
                    es.append(v.name)
                    continue
            es.append(strip_parens(self.top_u(ctx, self.ed(), eff and i == k)))
        if n == 1 and self.on("funcmacro") and self.chance(0.6):
            fs.emit("LOGF(%d, %s);" % (fs.stmt_no, es[0]))
        elif self.on("funcname") and self.chance(0.3):
            fs.emit('printf("%%s.%d%s\\n", __func__, %s);' % (fs.stmt_no, " %u" * n, ", ".join(es)))
        else:
            fs.emit('printf("%s.%d%s\\n", %s);' % (fs.func.name, fs.stmt_no, " %u" * n, ", ".join(es)))

    def st_global(self, fs):
        ctx = self.full(fs, gmode=True)
        gs = [v for v in fs.visible() if v.gclass]
        v = self.pick(gs)
        e = self.top_u(ctx, self.ed(), False)
        if self.chance(0.4):
            fs.emit("%s = (%s * 31u) + %s;" % (v.name, v.name, paren(e)))
        else:
            fs.emit("%s %s %s;" % (v.name, self.pick(["+=", "^=", "-="]), strip_parens(e)))

    def st_yield(self, fs):
        y = self.yield_expr(self.full(fs, gmode=False))
        if y is None:
            return self.st_assign(fs)
        fs.emit("%s%s;" % (self.pick(["", "", "(void)"]), y))

    def block(self, fs, n=None):
        """'{', a scope of n statements, the scope's fold, '}'."""
        fs.emit("{")
        fs.ind += 1
        fs.nest += 1
        fs.push()
        if n is None:
            n = self.r.randint(1, 4)
        self.gen_stmts(fs, n)
        self.fold_scope(fs)
        fs.pop()
        fs.nest -= 1
        fs.ind -= 1
        fs.emit("}")

    def block_after(self, fs, prefix):
        """A block whose '{' continues the previous line ('} else {')."""
        last = fs.lines.pop()
        start = len(fs.lines)
        self.block(fs)
        fs.lines[start] = last + prefix + " " + fs.lines[start].strip()

    def fold_scope(self, fs):
        """Uses every variable of the current scope: prints them (effectful
        functions) or folds them into ck, so a wrong value shows."""
        parts = []
        for v in fs.scopes[-1]:
            k = v.kind
            n = v.name
            if k == "enum" or not v.ready:
                continue
            if k == "u":
                parts.append(n)
            elif k in ("uc", "us", "i", "ull", "enumv"):
                parts.append("(unsigned)%s" % n)
            elif k in ("ptr", "deref"):
                parts.append("*%s" % n)
            elif k == "P":
                parts.append("%s.a + %s.b + %s.c + %s.arr[0] + %s.arr[1] + %s.arr[2]" % ((n,) * 6))
            elif k == "V":
                parts.append("%s.u" % n)
            elif k == "L":
                parts.append("%s.m + %s.n" % (n, n))
            elif k == "BF":
                parts.append("(unsigned)%s.a + %s.b + %s.c + %s.d" % ((n,) * 4))
            elif k == "parr":
                parts.append(" + ".join("%s[%d].a + %s[%d].b + %s[%d].c + %s[%d].arr[%d]" % (n, i, n, i, n, i, n, i, i % 3)
                                        for i in range(v.dims[0])))
            elif k == "arr":
                parts.append(" + ".join("%s[%d]" % (n, i) for i in range(v.dims[0])))
            elif k == "arr2":
                parts.append(" + ".join("%s[%d][%d]" % (n, i, j) for i in range(v.dims[0]) for j in range(v.dims[1])))
            elif k in ("dbl", "flt"):
                parts.append("(unsigned)(%s * 4.0)" % n)
            elif k == "aptr":
                if self.base_visible(fs, v):
                    parts.append("*%s + (unsigned)(%s - %s)" % (n, n, v.base.name))
                else:
                    parts.append("*%s" % n)
            elif k == "sptr":
                parts.append("%s->a + %s->b + %s->c + %s->arr[1]" % ((n,) * 4))
            elif k in ("chr", "cstr"):
                parts.append("(unsigned)strlen(%s) + %s" % (n, " + ".join(
                    "(unsigned char)%s[%d]" % (n, i) for i in range(v.dims[0]))))
            if v.align:
                parts.append("(unsigned)((uintptr_t)&%s %% %du)" % (n, v.align))
        if not parts:
            return
        if fs.func.effectful and self.chance(0.6):
            fs.emit('printf("%s.%d%s\\n", %s);' % (
                fs.func.name, fs.stmt_no, " %u" * len(parts),
                ", ".join("(unsigned)(%s)" % p if " " in p else p for p in parts)))
        else:
            fs.emit("ck = (ck * 31u) + %s;" % " + ".join("(%s)" % p if " " in p else p for p in parts))

    def st_block(self, fs):
        self.block(fs)

    def cond_expr(self, fs, feature, depth=None):
        """A condition; awaits in it only when 'feature' is on."""
        ctx = self.full(fs, gmode=False)
        if depth is None:
            depth = self.ed()
        with NoAwait(fs, not self.on(feature)):
            return self.gen_bool(ctx, depth, self.eff(fs), top=True)

    def unbraced(self):
        return self.on("nobrace") and self.chance(0.35)

    def simple(self, fs, loop_body=False):
        """One statement on one line, indented, as the body of an if arm
        or a loop without braces: never a declaration, never an if (no
        dangling else)."""
        fs.ind += 1
        fs.nest += 1
        fs.stmts_left -= 1
        fs.cost += fs.mult
        fs.stmt_no += 1
        me = fs.func
        has_out = any(f.has_out and f.done for f in self.funcs)
        opts = [
            (4, "assign"),
            (3 if me.is_async else 1, "call"),
            (2 if me.effectful else 0, "print"),
            (1 if me.effectful else 0, "global"),
            (2 if me.is_async and (self.on("yield") or self.on("sleep")) else 0, "yield"),
            (1 if fs.jumps and self.on("break") else 0, "brk"),
            (1 if fs.in_loop() and self.on("continue") and (self.on("contbody") or not loop_body) else 0, "cont"),
            (1 if self.on("earlyreturn") else 0, "ret"),
            (1 if fs.exit_labels else 0, "gout"),
            (1 if me.is_async and self.on("ptrparam") and has_out else 0, "ptrcall"),
            (1 if me.is_async and self.on("macro") and me.ret == "u" else 0, "try"),
        ]
        what = self.wpick(opts)
        if what == "brk":
            fs.emit("break;")
        elif what == "cont":
            fs.emit("continue;")
        elif what == "ret":
            self.st_return(fs, conditional=False)
        elif what == "gout":
            lab = self.pick(fs.exit_labels)
            lab[1] = True
            fs.emit("goto %s;" % lab[0])
        else:
            getattr(self, "st_" + what)(fs)
        fs.nest -= 1
        fs.ind -= 1

    def st_if(self, fs):
        if self.unbraced():
            fs.emit("if %s" % cond(self.cond_expr(fs, "awaitcond")))
            self.simple(fs)
            for i in range(self.r.randint(0, 2)):
                if self.chance(0.6):
                    fs.emit("else if %s" % cond(self.cond_expr(fs, "awaitcond")))
                    self.simple(fs)
                else:
                    fs.emit("else")
                    self.simple(fs)
                    break
            return
        fs.emit("if %s" % cond(self.cond_expr(fs, "awaitcond")))
        self.block(fs)
        n = self.r.randint(0, 2)
        for i in range(n):
            if self.chance(0.6):
                self.block_after(fs, " else if %s" % cond(self.cond_expr(fs, "awaitcond")))
            else:
                self.block_after(fs, " else")
                break

    def loop_k(self):
        return self.r.randint(*self.sz["loopk"])

    def with_loop(self, fs, k, body):
        fs.mult *= k + 1
        fs.jumps.append("loop")
        lab = None
        if self.on("goto") and self.chance(0.3):
            lab = [fs.fresh("out"), False]
            fs.exit_labels.append(lab)
        try:
            body()
        finally:
            fs.jumps.pop()
            fs.mult //= k + 1
            if lab:
                fs.exit_labels.pop()
        if lab and lab[1]:
            self.label(fs, lab[0])

    def counter(self, fs):
        n = fs.fresh("n")
        fs.emit("unsigned %s = 0u;" % n)
        fs.declare(Var(n, "u", ro=True))
        return n

    def st_while(self, fs):
        k = self.loop_k()
        n = self.counter(fs)

        def body():
            c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
            if self.chance(0.5):
                fs.emit("while (%s++ < %du && %s)" % (n, k, c))
            else:
                fs.emit("while (%s && %s++ < %du)" % (c, n, k))
            if self.unbraced():
                self.simple(fs, loop_body=True)
            else:
                self.block(fs)
        self.with_loop(fs, k, body)

    def st_dowhile(self, fs):
        k = self.loop_k()
        n = self.counter(fs)

        def body():
            fs.emit("do")
            if self.unbraced():
                self.simple(fs, loop_body=True)
                c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
                fs.emit("while (++%s < %du && %s);" % (n, k, c))
                return
            self.block(fs)
            c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
            fs.lines[-1] += " while (++%s < %du && %s);" % (n, k, c)
        self.with_loop(fs, k, body)

    def st_for(self, fs, decl):
        k = self.loop_k()
        eff = self.eff(fs)
        clause = "awaitfor"
        if not decl:
            name = fs.fresh("i")
            fs.emit("unsigned %s;" % name)
            iv = fs.declare(Var(name, "u", ro=True))
            iv.ready = False
        fs.push()  # the for statement's scope
        lim = None
        with NoAwait(fs, not self.on(clause)):
            if decl:
                name = self.pick(LOOP_NAMES) if self.on("shadow") else fs.fresh("i")
                fs.hidden = name
                try:
                    e0 = self.top_u(self.full(fs, gmode=False), 1, eff)
                finally:
                    fs.hidden = None
                init = "unsigned %s = %s %% 3u" % (name, paren(e0))
                fs.declare(Var(name, "u", ro=True))
                if self.on("multidecl") and self.chance(0.3):
                    lim = "lim" if self.on("shadow") else fs.fresh("lim")
                    fs.hidden = lim
                    try:
                        e1 = self.top_u(self.full(fs, gmode=False), 1, eff)
                    finally:
                        fs.hidden = None
                    init += ", %s = %s %% %du" % (lim, paren(e1), k + 1)
                    fs.declare(Var(lim, "u", ro=True))
            else:
                e0 = self.top_u(self.full(fs, gmode=False), 1, eff)
                init = "%s = %s %% 3u" % (name, paren(e0))
                iv.ready = True
        bound = lim if lim else "%du" % k

        def body():
            c = self.cond_expr(fs, clause, self.r.randint(1, 2)) if self.chance(0.7) else None
            cnd = "%s < %s" % (name, bound) + (" && %s" % c if c else "")
            if self.on("forcomma") and self.chance(0.4):
                with NoAwait(fs, not self.on(clause)):
                    side = self.side_expr(self.full(fs, gmode=False), 1, eff)
                if side is None:
                    inc = "%s++" % name
                elif self.chance(0.5):
                    inc = "%s++, %s" % (name, side)
                else:
                    inc = "%s, %s++" % (side, name)
            elif self.chance(0.5):
                inc = "%s++" % name
            else:
                with NoAwait(fs, not self.on(clause)):
                    e2 = self.top_u(self.full(fs, gmode=False), 1, eff)
                inc = "%s += 1u + (%s %% 2u)" % (name, paren(e2))
            fs.emit("for (%s; %s; %s)" % (init, cnd, inc))
            if self.unbraced():
                self.simple(fs, loop_body=True)
            else:
                self.block(fs)
        self.with_loop(fs, k, body)
        fs.pop()

    def st_switch(self, fs):
        ctx = self.full(fs, gmode=False)
        # read ck as well, so the controlling expression is never a
        # constant (clang: no case matching constant switch condition)
        ck = [v for v in fs.visible() if v.name == "ck"][0]
        ctx.reads.append(ck.obj)
        with NoAwait(fs, not self.on("awaitswitch")):
            e = self.top_u(ctx, self.ed(), self.eff(fs))
        m = self.r.randint(3, 6)
        fs.emit("switch ((%s + ck) %% %du) {" % (paren(e), m))
        labels = list(range(m))
        self.r.shuffle(labels)
        groups = []
        li = 0
        for _ in range(self.r.randint(1, min(4, m))):
            take = self.r.randint(1, 2)
            g = labels[li:li + take]
            li += take
            if g:
                groups.append(["case %du:" % x for x in g])
        if self.chance(0.7):
            groups.insert(self.r.randint(0, len(groups)), ["default:"])
        fs.jumps.append("switch")
        fs.nest += 1
        fs.in_switch += 1
        fs.push()  # the switch body's scope (switchdecl)
        for gi, g in enumerate(groups):
            for lab in g:
                fs.emit(lab)
            fs.ind += 1
            last = gi == len(groups) - 1
            swvars = list(fs.scopes[-1])
            start = len(fs.lines)
            for v in swvars:
                v.ready = False
            for v in swvars:
                # a case after the declaration jumps past its initializer:
                # assigned first
                fs.emit("%s = %s;" % (v.name, strip_parens(self.value_hiding(fs, v.name, 1))))
                v.ready = True
            if self.chance(0.3):
                self.block(fs, n=self.r.randint(1, 3))
            else:
                self.gen_stmts(fs, self.r.randint(0, 2), decls=False)
            if self.on("switchdecl") and not last and self.chance(0.5):
                if len(fs.lines) == start:
                    fs.emit(";")  # a label is followed by a statement, not a declaration
                name = fs.fresh("sd")
                ctx = self.full(fs, gmode=False)
                with NoAwait(fs, not self.on("awaitinit")):
                    e = self.top_u(ctx, self.ed(), self.eff(fs))
                fs.emit("unsigned %s = %s;" % (name, strip_parens(e)))
                fs.declare(Var(name, "u"))
                swvars.append(fs.scopes[-1][-1])
                self.gen_stmts(fs, self.r.randint(0, 1), decls=False)
            if swvars:
                fs.emit("ck += %s;" % " + ".join(v.name for v in swvars))
            r = self.r.random()
            if not last and self.on("fallthrough") and r < 0.3:
                fs.emit("/* fallthrough */")
            elif self.on("earlyreturn") and r < 0.4:
                self.st_return(fs, conditional=False)
            else:
                fs.emit("break;")
            fs.ind -= 1
        for v in fs.pop():
            v.ready = False
        fs.nest -= 1
        fs.in_switch -= 1
        fs.jumps.pop()
        fs.emit("}")

    def st_gotofwd(self, fs):
        lab = fs.fresh("skip")
        fs.emit("if %s goto %s;" % (cond(self.cond_expr(fs, "awaitcond")), lab))
        for _ in range(self.r.randint(1, 2)):
            if fs.stmts_left <= 0:
                break
            self.gen_stmt(fs, decls=False)
        self.label(fs, lab)

    def st_gotoback(self, fs, decl=False):
        k = self.loop_k()
        n = self.counter(fs)
        lab = fs.fresh("again")
        fs.mult *= k + 1
        saved = fs.jumps, fs.exit_labels
        # break/continue/goto-out inside would leave enclosing loops, which
        # is legal; keep the goto loop itself the subject here
        fs.jumps, fs.exit_labels = [], []
        self.label(fs, lab)
        if decl:
            self.st_decl(fs)
            if self.chance(0.5):
                self.st_assign(fs)
        self.block(fs)
        c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
        fs.emit("if (++%s < %du && %s) goto %s;" % (n, k, c, lab))
        fs.jumps, fs.exit_labels = saved
        fs.mult //= k + 1

    def seg(self, fs, n=1):
        """n statements where no declaration may stand (a region a jump
        skips), often after a suspension."""
        if fs.func.is_async and self.chance(0.5):
            y = self.yield_expr(self.full(fs, gmode=False))
            if y:
                fs.emit("%s;" % y)
        start = len(fs.lines)
        for _ in range(n):
            if fs.stmts_left <= 0:
                break
            self.gen_stmt(fs, decls=False)
        if len(fs.lines) == start:
            fs.emit("ck += %s;" % self.const(small=True))  # a label needs a statement

    def st_duff(self, fs):
        """Duff's device: the switch jumps into the body of a do/while."""
        dn = fs.fresh("dn")
        dc = fs.fresh("dc")
        ctx = self.full(fs, gmode=False)
        with NoAwait(fs, not self.on("awaitinit")):
            e = self.top_u(ctx, self.ed(), self.eff(fs))
        fs.emit("unsigned %s = (%s %% 7u) + 1u;" % (dn, paren(e)))
        fs.emit("unsigned %s = (%s + 3u) / 4u;" % (dc, dn))
        fs.declare(Var(dn, "u", ro=True))
        fs.declare(Var(dc, "u", ro=True))
        fs.emit("switch (%s %% 4u) {" % dn)
        fs.emit("case 0u:")
        fs.ind += 1
        fs.emit("do {")
        fs.ind += 1
        fs.nest += 1
        fs.in_switch += 1
        fs.jumps.append("loop")
        fs.mult *= 2
        fs.push()
        for i, lab in enumerate(["3u", "2u", "1u", None]):
            self.seg(fs, self.r.randint(1, 2))
            if lab:
                fs.emit("/* fallthrough */")
                fs.ind -= 1
                fs.emit("case %s:" % lab)
                fs.ind += 1
        self.fold_scope(fs)
        fs.pop()
        fs.mult //= 2
        fs.jumps.pop()
        fs.in_switch -= 1
        fs.nest -= 1
        fs.ind -= 1
        fs.emit("} while (--%s > 0u);" % dc)
        fs.ind -= 1
        fs.emit("}")

    def st_caseblock(self, fs):
        """case labels inside a block, an if body and a while body: the
        switch jumps past the block's start, the if's condition, the
        while's first test."""
        k = self.loop_k()
        n = self.counter(fs)
        ctx = self.full(fs, gmode=False)
        ck = [v for v in fs.visible() if v.name == "ck"][0]
        ctx.reads.append(ck.obj)
        with NoAwait(fs, not self.on("awaitswitch")):
            e = self.top_u(ctx, self.ed(), self.eff(fs))
        forms = self.r.sample(["block", "if", "while"], self.r.randint(1, 3))
        m = 2 * len(forms) + 1
        fs.emit("switch ((%s + ck) %% %du) {" % (paren(e), m))
        fs.jumps.append("switch")
        fs.nest += 1
        fs.in_switch += 1
        lab = 0
        for form in forms:
            fs.emit("case %du:" % lab)
            fs.ind += 1
            saved = fs.mult
            if form == "block":
                fs.emit("{")
            elif form == "if":
                fs.emit("if %s {" % cond(self.cond_expr(fs, "awaitcond")))
            else:
                fs.mult *= k + 2
                fs.jumps.append("loop")
                c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
                fs.emit("while (%s++ < %du && %s) {" % (n, k, c))
            fs.ind += 1
            fs.push()
            self.seg(fs, self.r.randint(1, 2))
            fs.emit("/* fallthrough */")
            fs.ind -= 1
            fs.emit("case %du:" % (lab + 1))
            fs.ind += 1
            self.seg(fs, self.r.randint(1, 2))
            self.fold_scope(fs)
            fs.pop()
            if form == "while":
                fs.jumps.pop()
            fs.mult = saved
            fs.ind -= 1
            fs.emit("}")
            fs.emit("break;")
            fs.ind -= 1
            lab += 2
        fs.emit("default:")
        fs.emit("  break;")
        fs.in_switch -= 1
        fs.nest -= 1
        fs.jumps.pop()
        fs.emit("}")

    def st_gotoin(self, fs):
        """goto into a nested block or a loop body, to a label that no
        declaration of that block precedes; the block may be left with a
        goto out of it."""
        lab = fs.fresh("in")
        form = self.pick(["block", "while", "for"])
        k = self.loop_k()
        if form == "while":
            n = self.counter(fs)
        elif form == "for":
            n = fs.fresh("i")
            fs.emit("unsigned %s = 0u;" % n)
            fs.declare(Var(n, "u", ro=True))
        fs.emit("if %s goto %s;" % (cond(self.cond_expr(fs, "awaitcond")), lab))
        saved = fs.mult
        out = None
        if form == "block":
            out = [fs.fresh("out"), False]
            fs.exit_labels.append(out)
            fs.emit("{")
        else:
            fs.mult *= k + 2
            fs.jumps.append("loop")
            c = self.cond_expr(fs, "awaitcond", self.r.randint(1, 2))
            if form == "while":
                fs.emit("while (%s++ < %du && %s) {" % (n, k, c))
            else:
                fs.emit("for (%s = 1u; %s < %du && %s; %s++) {" % (n, n, k + 1, c, n))
        fs.ind += 1
        fs.nest += 1
        fs.push()
        self.seg(fs, self.r.randint(1, 2))
        self.label(fs, lab)
        self.gen_stmts(fs, self.r.randint(1, 3))
        self.fold_scope(fs)
        fs.pop()
        fs.nest -= 1
        fs.ind -= 1
        fs.emit("}")
        fs.mult = saved
        if form == "block":
            fs.exit_labels.pop()
            if out[1]:
                self.label(fs, out[0])
        else:
            fs.jumps.pop()

    def st_labeldecl(self, fs):
        """again: ; T x = ...; ... if (...) goto again; -- the declaration
        (and its awaits) runs again on every backward jump."""
        self.st_gotoback(fs, decl=True)

    def label(self, fs, name):
        if fs.in_switch:
            # gcc's -Wimplicit-fallthrough treats every label inside a
            # switch as a case
            fs.emit("/* fallthrough */")
        fs.emit("%s:;" % name)

    def st_gotoout(self, fs):
        lab = self.pick(fs.exit_labels)
        lab[1] = True
        fs.emit("if %s goto %s;" % (cond(self.cond_expr(fs, "awaitcond")), lab[0]))

    def st_break(self, fs):
        fs.emit("if %s break;" % cond(self.cond_expr(fs, "awaitcond")))

    def st_continue(self, fs):
        fs.emit("if %s continue;" % cond(self.cond_expr(fs, "awaitcond")))

    def ret_value(self, fs):
        me = fs.func
        ctx = self.full(fs, gmode=False)
        eff = self.eff(fs)
        d = self.ed()
        ck = [v for v in fs.visible() if v.name == "ck"][0]
        with NoAwait(fs, not self.on("awaitreturn")):
            if me.ret == "u":
                if self.chance(0.5):
                    ctx.reads.append(ck.obj)
                    return "ck ^ %s" % paren(self.top_u(ctx, d, eff))
                return strip_parens(self.top_u(ctx, d, eff))
            if me.ret == "ull":
                ctx.reads.append(ck.obj)
                return "((unsigned long long)%s << 32u) | ck" % paren(self.top_u(ctx, d, eff))
            if me.ret in ("P", "V"):
                return self.struct_val(ctx, d, eff, me.ret) or self.struct_lit(ctx, d, me.ret)
            if me.ret == "ptr":
                return "&g_tab[%s %% %du]" % (paren(self.top_u(ctx, d, eff)), TAB_LEN)
            if me.ret == "dbl":
                return "(double)(%s %% 1000u) / 4.0" % paren(self.top_u(ctx, d, eff))
            if me.ret == "str":
                a, b = self.r.sample(STR4, 2)
                return "(%s %% 2u) ? \"%s\" : \"%s\"" % (paren(self.top_u(ctx, d, eff)), a, b)
        raise AssertionError(me.ret)

    def st_return(self, fs, conditional=True):
        val = "" if fs.func.ret == "void" else " " + self.ret_value(fs)
        if conditional:
            fs.emit("if %s return%s;" % (cond(self.cond_expr(fs, "awaitcond")), val))
        else:
            fs.emit("return%s;" % val)

    def st_repoint(self, fs):
        """p = arr + (e % n); for a pointer into a visible array (e does
        not read p)."""
        ps = [v for v in fs.visible() if v.kind == "aptr" and self.base_visible(fs, v)]
        if not ps:
            return self.st_assign(fs)
        v = self.pick(ps)
        e = self.value_hiding(fs, v.name)
        fs.emit("%s = %s + (%s %% %du);" % (v.name, v.base.name, paren(e), v.dims[0]))

    def st_ptrcall(self, fs):
        """await(f(&local, ...)); f writes the local after a yield. A whole
        statement of its own: nothing else in it touches the local."""
        ctx = self.full(fs, gmode=False)
        eff = self.eff(fs)
        fns = [f for f in self.funcs if f.has_out and f.done and (eff or not f.effectful)
               and fs.cost + f.cost * fs.mult <= fs.budget]
        targets = [v for v in fs.visible() if v.addressable or v.kind in ("ptr", "aptr", "sptr")]
        if not fns or not targets:
            return self.st_assign(fs)
        f = self.pick(fns)
        t = self.pick(targets)
        fs.cost += f.cost * fs.mult
        f.called = True
        if t.kind in ("ptr", "aptr"):
            args = [t.name]
        elif t.kind == "sptr":
            args = ["&%s->%s" % (t.name, self.pick(["a", "b", "arr[2]"]))]
        else:
            args = [self.address_of(t)]
        # the arguments may read the target but not write it (gcc's
        # -Wsequence-point warns about &x next to x /= 3, though nothing
        # reads x there)
        ctx.reads.append(t.obj)
        vparams = f.params[1:]
        k = self.r.randrange(len(vparams)) if (eff and vparams) else -1
        with NoAwait(fs, not self.on("awaitarg")), NoNest(fs, not self.on("argnest")):
            for i, (pn, pk) in enumerate(vparams):
                if pk == "P":
                    args.append(self.struct_val(ctx, self.ed(), i == k, "P") or self.struct_lit(ctx, 1, "P"))
                    continue
                e = self.top_u(ctx, self.ed(), i == k, arg=(pk == "u"))
                if pk == "ull":
                    e = self.cast("unsigned long long", e)
                elif pk == "uc":
                    e = self.cast("unsigned char", e)
                elif pk == "dbl":
                    e = "(double)(%s %% 100u) / 2.0" % paren(e)
                args.append(strip_parens(e))
        call = "await(%s(%s))" % (f.name, ", ".join(args))
        if f.ret == "u" and self.chance(0.5):
            dst = [v for v in self.writable(Ctx(fs), kinds=("u",)) if v.obj != t.obj and v.obj not in ctx.writes]
            if dst:
                fs.emit("%s = %s;" % (self.pick(dst).name, call))
                return
        fs.emit("%s;" % call)

    def st_try(self, fs):
        """TRY(call): runs await(call); returns it from the function when it
        is 3 mod 7, else folds it into ck."""
        ctx = self.full(fs, gmode=False)
        fns = [f for f in self.callable(ctx, self.eff(fs)) if f.is_async and f.ret == "u"]
        if not fns:
            return self.st_assign(fs)
        t, _ = self.call_text(ctx, self.ed(), self.eff(fs), self.pick(fns))
        fs.emit("TRY(%s);" % t[len("await("):-1])

    def st_localtype(self, fs):
        avail = [p for p in LOCAL_NAMES if p not in fs.names_here()]
        if not avail:
            return self.st_assign(fs)
        name = self.pick(avail)
        ctx = self.full(fs, gmode=False)
        eff = self.eff(fs)
        form = self.pick(["struct", "typedef", "enum"])
        fs.hidden = name
        try:
            with NoAwait(fs, not self.on("awaitinit")):
                e1 = self.top_u(ctx, 1, eff)
                e2 = self.gen_u(ctx, 1, False) if form == "struct" else None
        finally:
            fs.hidden = None
        here = fs.names_here()
        ts = self.on("tagshadow")
        if form == "struct":
            tag = fs.fresh("%s_s" % fs.func.name)
            pad = ""
            if ts:
                tags = [t for t in ("S0", "S1") if "struct " + t not in here]
                if tags:
                    tag = self.pick(tags)
                    fs.declare(Var("struct " + tag, "tag"))
                    # a different layout each time
                    pad = "unsigned char pad[%d]; " % self.r.randint(1, 9) if self.chance(0.6) else ""
            if self.on("typedeps"):
                deps = [v for v in fs.visible() if v.kind in ("enum", "arr", "u") and not v.gclass]
                if deps:
                    v = self.pick(deps)
                    bound = "(%s %% 3) + 1" % v.name if v.kind == "enum" else "sizeof %s / sizeof(unsigned)" % v.name
                    pad = "unsigned dep[%s]; %s" % (bound, pad)
            fs.emit("struct %s { %sunsigned m; unsigned n; };" % (tag, pad))
            if pad:
                fs.emit("struct %s %s = { .m = %s, .n = %s };" % (tag, name, strip_parens(e1), strip_parens(e2)))
            else:
                fs.emit("struct %s %s = { %s, %s };" % (tag, name, strip_parens(e1), strip_parens(e2)))
            fs.declare(Var(name, "L"))
        elif form == "typedef":
            tn = fs.fresh("%s_t" % fs.func.name)
            ty = "unsigned"
            if ts:
                tns = [t for t in ("T0", "T1") if t not in here and t not in LOCAL_NAMES]
                if tns:
                    tn = self.pick(tns)
                    fs.declare(Var(tn, "tag"))
                    ty = self.pick(["unsigned", "unsigned int", "unsigned long long"])
            fs.emit("typedef %s %s;" % (ty, tn))
            fs.emit("%s %s = %s;" % (tn, name, strip_parens(e1)))
            fs.declare(Var(name, "ull" if ty.endswith("long") else "u"))
        else:
            self.enum_no += 1
            a, b = "E%dA" % self.enum_no, "E%dB" % self.enum_no
            if ts:
                pool = [x for x in ("EA", "EB", "EC") if x not in here]
                if len(pool) >= 2:
                    a, b = self.r.sample(pool, 2)
            etag = ""
            if ts and self.on("enumtag") and self.chance(0.5):
                tags = [t for t in ("EN0", "EN1") if "enum " + t not in here]
                if tags:
                    etag = self.pick(tags)
                    fs.declare(Var("enum " + etag, "tag"))
            fs.emit("enum %s{ %s = %d, %s = %d };" % (etag + " " if etag else "", a, self.r.randint(0, 50),
                                                      b, self.r.randint(51, 99)))
            fs.declare(Var(a, "enum", ro=True))
            fs.declare(Var(b, "enum", ro=True))
            if etag:
                # a variable of the block's enum type
                fs.emit("enum %s %s = (%s & 1u) ? %s : %s;" % (etag, name, paren(e1), a, b))
                fs.declare(Var(name, "enumv", ro=True))
            else:
                fs.emit("unsigned %s = %s + (unsigned)%s;" % (name, paren(e1), a))
                fs.declare(Var(name, "u"))

    def st_static(self, fs):
        avail = [p for p in LOCAL_NAMES if p not in fs.names_here()]
        if not avail:
            return self.st_assign(fs)
        name = self.pick(avail)
        fs.emit("static unsigned %s = %s;" % (name, self.const(small=True)))
        fs.declare(Var(name, "u", gclass=True))
        ctx = self.full(fs, gmode=True)
        fs.emit("%s %s %s;" % (name, self.pick(["+=", "^="]), strip_parens(self.top_u(ctx, 1, False))))

    # ------------------------------------------------------------------
    # functions
    def plan(self):
        sz = self.sz
        r = self.r
        n_async = r.randint(*sz["n_async"])
        n_help = r.randint(*sz["n_help"]) if self.on("helpers") else 0
        for i in range(n_help):
            h = Func("h%d" % i, i, is_async=False)
            h.effectful = self.on("effects") and self.chance(0.3)
            h.static = self.chance(0.7)
            h.params = [(PARAM_NAMES[j], "u") for j in range(r.randint(1, 2))]
            self.helpers.append(h)
        pkinds = [(6, "u")]
        if self.on("narrow"):
            pkinds += [(1, "ull"), (1, "uc")]
        if self.on("struct") and self.on("complit"):
            pkinds.append((1, "P"))
        if self.on("float"):
            pkinds.append((1, "dbl"))
        i = 0
        while i < n_async:
            f = Func("f%d" % i, i)
            self.funcs.append(f)
            f.effectful = self.on("effects") and self.chance(0.5)
            f.static = self.on("staticfn") and self.chance(0.6)
            rets = [(8, "u")]
            if self.on("voidfn") and self.on("effects"):
                rets.append((1, "void"))
            if self.on("structret") and self.on("struct"):
                rets.append((2, "P"))
            if self.on("unionret") and self.on("union"):
                rets.append((1, "V"))
            if self.on("ullret"):
                rets.append((1, "ull"))
            if self.on("ptrret") and self.on("tab"):
                rets.append((1, "ptr"))
            if self.on("chars"):
                rets.append((1, "str"))
            if self.on("float"):
                rets.append((1, "dbl"))
            f.ret = self.wpick(rets)
            if f.ret == "void":
                f.effectful = True
            f.params = [(PARAM_NAMES[j], self.wpick(pkinds)) for j in range(r.randint(0, 3))]
            if self.on("ptrparam") and f.ret in ("u", "void") and self.chance(0.25):
                f.has_out = True
                f.params.insert(0, ("out", "ptr"))
            elif f.ret == "u" and self.on("recursion") and self.chance(0.3):
                f.rec = True
                f.params.insert(0, ("d", "u"))
                f.group = [f]
                if self.on("mutual") and self.on("prototype") and self.chance(0.4) and i + 1 < n_async:
                    g = Func("f%d" % (i + 1), i + 1)
                    g.effectful = f.effectful
                    g.static = self.on("staticfn") and self.chance(0.6)
                    g.rec = True
                    g.params = [("d", "u")] + [(PARAM_NAMES[j], "u") for j in range(r.randint(0, 2))]
                    f.group = g.group = [f, g]
                    f.proto = g.proto = True
                    self.funcs.append(g)
                    i += 1
            if self.on("prototype") and self.chance(0.25):
                f.proto = True
            i += 1
        m = Func("amain", len(self.funcs))
        m.effectful = True
        m.static = self.on("staticfn") and self.chance(0.5)
        self.main = m

    def begin_function(self, f, budget, stmts, header):
        fs = FnState(self, f, budget, stmts)
        fs.emit(header)
        fs.emit("{")
        fs.ind = 1
        fs.push()
        return fs

    def end_function(self, fs):
        fs.pop()
        fs.ind = 0
        fs.emit("}")
        return fs.lines

    def gen_function(self, f, budget, stmts):
        fs = self.begin_function(f, budget, stmts, f.sig())
        parts = []
        for pn, pk in f.params:
            if pk == "ptr":
                v = Var("out", "deref")
                parts.append("*out")
            else:
                v = Var(pn, pk, ro=(pn == "d"))
                if pk == "u":
                    parts.append(pn)
                elif pk in ("ull", "uc"):
                    parts.append("(unsigned)%s" % pn)
                elif pk == "dbl":
                    parts.append("(unsigned)(%s * 4.0)" % pn)
                elif pk == "P":
                    parts += ["%s.a" % pn, "%s.arr[2]" % pn]
            fs.declare(v)
        if f.effectful:
            fs.emit('printf("%s%s\\n"%s);' % (f.name, " %u" * len(parts), "".join(", " + p for p in parts)))
        # ck reads every parameter (so all are used) and collects the
        # function's values
        ck = "%du" % self.r.randint(1, 999)
        for i, p in enumerate(parts):
            ck = "(%s * %du) ^ %s" % (ck, 2 * i + 3, p)
        fs.emit("unsigned ck = %s;" % strip_parens(ck))
        fs.declare(Var("ck", "u"))
        if f.rec:
            fs.emit("if (d == 0u) {")
            fs.ind += 1
            fs.emit("return %s;" % self.ret_value(fs))
            fs.ind -= 1
            fs.emit("}")
            fs.after_guard = True
        if f.has_out:
            fs.emit("await(asyncc_yield());")
            fs.emit("*out = (*out * 7u) + ck;")
        self.gen_stmts(fs, stmts)
        self.fold_scope(fs)
        if f.ret != "void":
            fs.emit("return %s;" % self.ret_value(fs))
        elif f.effectful:
            fs.emit('printf("%s.end %%u\\n", ck);' % f.name)
        else:
            fs.emit("*out ^= ck;")
        f.body_cost = fs.cost + 2
        return self.end_function(fs)

    def finish_main_calls(self, fs):
        """Calls every function nobody called yet (an unused static
        function is a warning), from amain."""
        for f in self.helpers + self.funcs:
            if f.called:
                continue
            f.called = True
            fs.cost += f.cost
            args = []
            for pn, pk in f.params:
                if pn == "d":
                    args.append("%du" % MAX_DEPTH)
                elif pk == "ptr":
                    args.append("&x")
                elif pk == "P":
                    args.append("(struct P){ 1u, 2u, 3u, { 4u, 5u, 6u } }")
                elif pk == "ull":
                    args.append("(unsigned long long)%s" % self.const())
                elif pk == "uc":
                    args.append("(unsigned char)%s" % self.const(small=True))
                elif pk == "dbl":
                    args.append("%d.5" % self.r.randint(0, 50))
                else:
                    args.append(self.const())
            call = "%s(%s)" % (f.name, ", ".join(args))
            if f.is_async:
                call = "await(%s)" % call
            if f.has_out:
                fs.emit("{")
                fs.emit("  unsigned x = %s;" % self.const())
                fs.emit("  %s%s;" % ("ck += " if f.ret == "u" else "", call))
                fs.emit('  printf("amain.%s %%u\\n", x);' % f.name)
                fs.emit("}")
            elif f.ret == "void":
                fs.emit("%s;" % call)
            else:
                fs.emit('printf("amain.%s %%u\\n", %s);' % (f.name, self.use_result(Ctx(fs), 0, call, f.ret)))

    def gen_deep(self, out):
        """Deep recursion: dp0 (and dp1, mutual) recurse a few thousand
        levels, keep locals across the recursive await, and now and then
        suspend at the bottom or on the way up. Returns amain's call."""
        r = self.r
        depth = r.randint(1000, 4000)
        mutual = self.on("mutual") and self.chance(0.5)
        every = r.choice([0, 1, 7, 97, 1000])  # yield when n % every == 0
        k1, k2, k3 = r.randint(2, 9), r.randint(1, 99), r.randint(1, 31)
        out.append("async unsigned dp0(unsigned n, unsigned acc);")
        if mutual:
            out.append("async unsigned dp1(unsigned n, unsigned acc);")
        out.append("")
        other = "dp1" if mutual else "dp0"
        out.append("async unsigned dp0(unsigned n, unsigned acc)")
        out.append("{")
        out.append("  unsigned loc[3] = { n, acc ^ %du, n * %du };" % (k2, k1))
        out.append("  if (n == 0u) {")
        if every:
            out.append("    await(asyncc_yield());")
        out.append("    return acc + loc[2];")
        out.append("  }")
        out.append("  unsigned t = await(%s(n - 1u, (acc * %du) + loc[1]));" % (other, k1))
        if every:
            out.append("  if ((n %% %du) == 0u) await(asyncc_yield());" % every)
        out.append("  loc[0] ^= t;")
        out.append("  return (loc[0] << (n %% %du)) + loc[2];" % k3)
        out.append("}")
        out.append("")
        if mutual:
            out.append("async unsigned dp1(unsigned n, unsigned acc)")
            out.append("{")
            out.append("  struct P p = { n, acc, (unsigned char)n, { 1u, 2u, 3u } };")
            out.append("  if (n == 0u) return acc;")
            out.append("  if ((n %% %du) == 0u) return await(dp0(n - 1u, acc + p.c)) ^ p.a;" % r.randint(2, 5))
            out.append("  p.arr[n % 3u] = await(dp1(n - 1u, acc ^ p.b));")
            out.append("  return p.arr[0] + p.arr[1] + p.arr[2] + p.c;")
            out.append("}")
            out.append("")
        return "dp0(%du, %du)" % (depth, r.randint(0, 999))

    def generate(self):
        self.plan()
        sz = self.sz
        r = self.r
        out = []
        spec = ["-" + f for f in ALL if f not in self.f] + ["+" + f for f in FEATURE_NAMES
                                                            if f in self.f and f not in ALL]
        out.append("/* asyncc law program: gen.py --seed %d --size %s%s */"
                   % (self.seed, self.size, (" --features=all," + ",".join(spec)) if spec else ""))
        out.append("#include <asyncc.h>")
        if self.on("align"):
            out.append("#include <stdint.h>")
        out.append("#include <stdio.h>")
        if self.on("chars"):
            out.append("#include <string.h>")
        out.append("")
        out.append("struct P { unsigned a; unsigned b; unsigned char c; unsigned arr[3]; };")
        out.append("union V { unsigned u; unsigned short h[2]; };")
        if self.on("bitfield"):
            out.append("struct BF { unsigned a : 3; unsigned b : 7; unsigned : 0; unsigned c : 13; unsigned d : 1; };")
        if self.on("align"):
            out.append("struct A { _Alignas(32) unsigned m; unsigned n; };")
        if self.on("tab"):
            out.append("static const unsigned g_tab[%d] = { %s };" % (
                TAB_LEN, ", ".join("%du" % r.randint(0, 1000) for _ in range(TAB_LEN))))
        for i in range(r.randint(2, 3)):
            out.append("%sunsigned gl%d = %du;" % ("static " if self.chance(0.5) else "", i, r.randint(0, 99)))
            self.globals.append(Var("gl%d" % i, "u", gclass=True))
        if self.on("macrodecl"):
            out.append("#define DECL_U(name, e) unsigned name = (e)")
        if self.on("funcmacro"):
            out.append('#define LOGF(n, x) printf("%s.%d %u\\n", __func__, (n), (x))')
        if self.on("macro"):
            out.append("#define AW_ADD(call, k) (await(call) + (k))")
            out.append("#define TRY(call) do { unsigned try_v = await(call); "
                       "if ((try_v % 7u) == 3u) return try_v; ck ^= try_v; } while (0)")
        out.append("")
        later = self.on("laterdef")
        protos = [f.sig() + ";" for f in self.funcs if f.proto or later]
        if later:
            protos += [h.sig() + ";" for h in self.helpers]
        if protos:
            out.extend(protos)
            out.append("")
        deep = self.gen_deep(out) if self.on("deeprec") else None
        defs = out
        if later:
            # generated in call order, written in reverse: every callee is
            # defined after its callers
            chunks = []
            out = []
        for h in self.helpers:
            out.extend(self.gen_function(h, sz["budget"] // 4, r.randint(2, sz["stmts"][0])))
            h.cost = h.body_cost
            h.done = True
            out.append("")
            if later:
                chunks.append(out)
                out = []
        idx = 0
        while idx < len(self.funcs):
            f = self.funcs[idx]
            group = f.group or [f]
            # a recursion group runs at most sum(fanout^k, k <= depth) bodies
            geo = sum(REC_FANOUT ** k for k in range(MAX_DEPTH + 1)) if f.rec else 1
            texts = [self.gen_function(g, max(20, sz["budget"] // geo), r.randint(*sz["stmts"])) for g in group]
            body = max(g.body_cost for g in group)
            for g in group:
                g.cost = body * geo
                g.done = True
            for lines in texts:
                out.extend(lines)
                out.append("")
            if later:
                chunks.append(out)
                out = []
            idx += len(group)
        m = self.main
        fs = self.begin_function(m, sz["main_budget"], r.randint(*sz["main_stmts"]),
                                 ("static " if m.static else "") + "async unsigned amain(void)")
        fs.emit('printf("amain\\n");')
        fs.emit("unsigned ck = %du;" % r.randint(1, 999))
        fs.declare(Var("ck", "u"))
        if deep:
            fs.emit('printf("amain.deep %%u\\n", await(%s));' % deep)
        self.gen_stmts(fs, fs.stmts_left)
        self.finish_main_calls(fs)
        self.fold_scope(fs)
        fs.emit("return ck;")
        out.extend(self.end_function(fs))
        out.append("")
        if later:
            chunks.append(out)
            out = defs
            for c in reversed(chunks):
                out.extend(c)
        out.append("int main(void)")
        out.append("{")
        out.append("  unsigned r = asyncc_run(amain());")
        out.append('  printf("result %%u%s\\n", r%s);' % (" %u" * len(self.globals),
                                                      "".join(", " + v.name for v in self.globals)))
        if self.on("tab"):
            out.append('  printf("tab %u\\n", g_tab[0]);')
        out.append("  return (int)(r % 101u);")
        out.append("}")
        return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", choices=sorted(SIZES), default="small")
    ap.add_argument("--features", default="", help="e.g. all,-goto,-switch or none,if,while")
    ap.add_argument("--list-features", action="store_true")
    a = ap.parse_args()
    if a.list_features:
        for n, d in FEATURES:
            print("%-12s %s%s" % (n, d, " (not in 'all')" if n in NOT_IN_ALL else ""))
        return
    sys.stdout.write(Gen(a.seed, a.size, parse_features(a.features)).generate())


if __name__ == "__main__":
    main()
