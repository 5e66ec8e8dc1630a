/* live.c - ANALYSIS: which locals must live in the frame.
 *
 * A local must survive a suspension when its value (or its address, handed
 * to a callee) may be used after the resume function returned and was
 * called again. Parameters always live in the frame: _start stores them
 * before the body runs. For other locals, two rules, the second refining
 * the first (LLVM's SuspendCrossingInfo, on the structured tree):
 *
 * 1. Scope: only a local with an await in its scope after its declaration
 *    can need the frame.
 * 2. Use after suspension: such a local stays an ordinary local of the
 *    resume function when no reference to it can run after an await of its
 *    scope: none is textually after the await, none shares a loop with it,
 *    and its address is never taken (arrays, structs and unions are kept,
 *    since their addresses escape through decay and member access). A
 *    function with goto keeps rule 1 alone: a backward jump can reach a use
 *    that lies textually before the await.
 *
 * A local left out of the frame may have a resume label in its scope; C
 * allows jumping there (it is not variably modified), and its value is
 * never read after the jump.
 */
#include "ast.h"
#include "buf.h"

static bool await_in(tr_node_t* n, unsigned from, unsigned to) {
  if (!n->has_await || n->end <= from || n->start >= to) return false;
  if (n->is_await && n->start >= from && n->end <= to) return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (await_in(n->kids[i], from, to)) return true;
  return false;
}

static bool has_goto(tr_node_t* n) {
  if (n->kind == CXCursor_GotoStmt || n->kind == CXCursor_IndirectGotoStmt)
    return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (has_goto(n->kids[i])) return true;
  return false;
}

static bool is_loop(tr_node_t* n) {
  return n->kind == CXCursor_WhileStmt || n->kind == CXCursor_DoStmt ||
         n->kind == CXCursor_ForStmt;
}

/* The innermost loop enclosing 'n', or NULL. */
static tr_node_t* loop_of(tr_node_t* n) {
  for (n = n->parent; n; n = n->parent)
    if (is_loop(n)) return n;
  return NULL;
}

static bool shares_loop(tr_node_t* a, tr_node_t* b) {
  for (tr_node_t* l = loop_of(a); l; l = loop_of(l))
    if (l->start <= b->start && b->end <= l->end) return true;
  return false;
}

/* The references to one local, in source order. */
typedef struct {
  tr_local_t* l;
  tr_node_t** refs;
  size_t nrefs, cap;
  bool escapes; /* its address is taken */
} uses_t;

/* Files every reference to a local of the function under its ordinal, in
 * one walk of the body: a walk per local was quadratic in a function of
 * thousands of locals. */
static void collect_uses(tr_node_t* n, uses_t* all, unsigned nall) {
  if (n->kind == CXCursor_DeclRefExpr && n->local && n->local->ordinal < nall &&
      all[n->local->ordinal].l == n->local) {
    uses_t* u = &all[n->local->ordinal];
    u->refs = tr_grow(u->refs, &u->cap, u->nrefs + 1, sizeof(tr_node_t*));
    u->refs[u->nrefs++] = n;
    tr_node_t* p = n->parent;
    while (p &&
           (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
      p = p->parent;
    if (p && p->kind == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(p->cur) == CXUnaryOperator_AddrOf)
      u->escapes = true;
  }
  for (unsigned i = 0; i < n->nkids; i++) collect_uses(n->kids[i], all, nall);
}

/* The compound assignment whose target 'r' is (n += e), or NULL: the
 * target is read when the assignment happens, after e's awaits. */
static tr_node_t* compound_target_of(tr_node_t* r) {
  tr_node_t* p = r->parent;
  tr_node_t* k = r;
  while (p &&
         (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr)) {
    k = p;
    p = p->parent;
  }
  return p && p->kind == CXCursor_CompoundAssignOperator && p->nkids &&
                 p->kids[0] == k
             ? p
             : NULL;
}

/* A type involving a variable-length array (the array, a pointer to one):
 * C forbids jumping into the scope of such a variable, which the resume
 * switch would do, so it stays promoted and frame.c reports it. */
bool tr_live_variably_modified(CXType t) {
  t = clang_getCanonicalType(t);
  switch (t.kind) {
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
      return true;
    case CXType_Pointer:
      return tr_live_variably_modified(clang_getPointeeType(t));
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
      return tr_live_variably_modified(clang_getArrayElementType(t));
    default:
      return false;
  }
}

/* Whether reference 'r' is a bound of the same variably modified type as
 * await 'aw' (int m[n][await(f())], sizeof (int[n][await(f())])): the
 * lowered declaration evaluates every bound after the awaits hoisted out
 * of them, so 'n' is read after the suspension although it comes first. */
static bool vla_bound_with(tr_node_t* r, tr_node_t* aw) {
  for (tr_node_t* p = r->parent; p; p = p->parent) {
    bool holds = p->start <= aw->start && aw->end <= p->end;
    switch (p->kind) {
      case CXCursor_VarDecl:
        return holds && tr_live_variably_modified(clang_getCursorType(p->cur));
      case CXCursor_TypedefDecl:
        return holds && tr_live_variably_modified(
                            clang_getTypedefDeclUnderlyingType(p->cur));
      case CXCursor_UnaryExpr: /* an await under sizeof is in a VLA type */
        if (holds) return true;
        break;
      default:
        if (clang_isStatement(p->kind)) return false;
    }
  }
  return false;
}

static bool used_after(uses_t* u, tr_node_t* n, unsigned from, unsigned to) {
  if (!n->has_await || n->end <= from || n->start >= to) return false;
  if (n->is_await && n->start >= from && n->end <= to) {
    for (size_t i = 0; i < u->nrefs; i++) {
      tr_node_t* r = u->refs[i];
      if (r->start >= n->end || shares_loop(n, r) || vla_bound_with(r, n))
        return true;
      tr_node_t* a = compound_target_of(r);
      if (a && a->start <= n->start && n->end <= a->end) return true;
    }
    /* awaits nested in its arguments suspend before the rest of them
       are evaluated: f(await(g()), x) reads x after g's suspension */
  }
  for (unsigned i = 0; i < n->nkids; i++)
    if (used_after(u, n->kids[i], from, to)) return true;
  return false;
}

static bool keeps_address(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
         t.kind == CXType_VariableArray || t.kind == CXType_Record ||
         clang_isVolatileQualifiedType(t);
}

/* Whether 'n' lies in the statement a loop repeats (not a for's init). */
static bool in_loop_body(tr_node_t* loop, tr_node_t* n) {
  if (!loop->nkids) return false;
  tr_node_t* body = loop->kind == CXCursor_DoStmt ? loop->kids[0]
                                                  : loop->kids[loop->nkids - 1];
  return body->start <= n->start && n->end <= body->end;
}

/* The range from the declaration to the last reference, a reference in a
 * loop counting up to the loop's end (the back edge reaches the uses
 * before it) unless the declaration is in that loop's body, where each
 * iteration begins a new lifetime. Without goto (checked by the caller),
 * no other path reaches a reference from outside the range. */
static void live_range(tr_local_t* l, uses_t* u) {
  l->shareable = true;
  l->live_from = l->scope_start;
  l->live_to = l->scope_start;
  for (size_t i = 0; i < u->nrefs; i++) {
    tr_node_t* r = u->refs[i];
    unsigned to = r->end;
    for (tr_node_t* lp = loop_of(r); lp; lp = loop_of(lp))
      if (!(l->node && in_loop_body(lp, l->node)) && lp->end > to) to = lp->end;
    if (to > l->live_to) l->live_to = to;
  }
}

static tr_node_t* up_through_casts(tr_node_t* n, tr_node_t** child) {
  *child = n;
  tr_node_t* p = n->parent;
  while (p &&
         (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr)) {
    *child = p;
    p = p->parent;
  }
  return p;
}

/* Whether the value of aggregate expression 'n' (an array, struct or
 * union local, or a member of one) is only read or written in place: the
 * base of a subscript or of a '.' member access, an operand of sizeof or
 * of a by-value assignment. Anything else (decay into a call argument, &,
 * a pointer initialised from it) may let its address outlive its last
 * reference, so it keeps storage of its own. */
static bool used_in_place(tr_node_t* n) {
  tr_node_t* k;
  tr_node_t* p = up_through_casts(n, &k);
  if (!p) return false;
  CXType t = clang_getCanonicalType(clang_getCursorType(n->cur));
  bool aggregate = t.kind == CXType_ConstantArray || t.kind == CXType_Record;
  switch (p->kind) {
    case CXCursor_ArraySubscriptExpr:
      return p->nkids == 2 && p->kids[0] == k &&
             (t.kind == CXType_ConstantArray) && used_in_place(p);
    case CXCursor_MemberRefExpr:
      return t.kind == CXType_Record && p->nkids && p->kids[0] == k &&
             used_in_place(p);
    case CXCursor_UnaryExpr: /* sizeof */
      return true;
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
      /* scalars are read or written in place; aggregates only assigned */
      return !aggregate || (t.kind == CXType_Record &&
                            clang_getCursorBinaryOperatorKind(p->cur) ==
                                CXBinaryOperator_Assign);
    case CXCursor_UnaryOperator: {
      enum CXUnaryOperatorKind o = clang_getCursorUnaryOperatorKind(p->cur);
      return !aggregate && o != CXUnaryOperator_AddrOf;
    }
    default:
      /* a scalar element or member read as a value anywhere else */
      return !aggregate && p->kind != CXCursor_UnaryOperator;
  }
}

/* An array, struct or union local whose every reference is used in place
 * may share storage like a scalar (see live_range). */
static bool aggregate_in_place(tr_local_t* l, uses_t* u) {
  CXType t = clang_getCanonicalType(l->type);
  if (clang_isVolatileQualifiedType(t) ||
      (t.kind != CXType_ConstantArray && t.kind != CXType_Record))
    return false;
  for (size_t i = 0; i < u->nrefs; i++)
    if (!used_in_place(u->refs[i])) return false;
  live_range(l, u);
  return true;
}

void tr_live_compute(tr_fn_t* fn) {
  bool gotos = has_goto(fn->body);
  unsigned n = 0;
  for (tr_local_t* l = fn->locals; l; l = l->next) n++;
  uses_t* all = tr_alloc(sizeof *all * (n ? n : 1));
  n = 0;
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    l->ordinal = n;
    all[n++].l = l;
  }
  collect_uses(fn->body, all, n);
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    if (l->is_param) continue;
    uses_t* u = &all[l->ordinal];
    l->promoted = await_in(l->scope, l->scope_start, l->scope->end);
    if (l->promoted && !gotos && keeps_address(l->type) &&
        !tr_live_variably_modified(l->type))
      aggregate_in_place(l, u);
    if (!l->promoted || gotos || keeps_address(l->type) ||
        tr_live_variably_modified(l->type))
      continue;
    if (!u->escapes && !used_after(u, l->scope, l->scope_start, l->scope->end))
      l->promoted = false;
    else if (!u->escapes)
      live_range(l, u);
  }
}
