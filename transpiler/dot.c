/* dot.c - asyncc --emit-dot: a Graphviz graph of each async function's
 * states (resume points) and the transitions between them.
 *
 * Runs after lowering, on the same node tree, so state numbers are the
 * ones in the generated dispatch switch. A transition s -> t means: after
 * resuming at s (or starting, s = 0), execution can reach the await of
 * state t without passing another await. It is computed by walking the
 * statement tree with the set of states control may come from ("from"),
 * following C's structured control flow: both arms of if/?:/&&/||, loop
 * back edges (two rounds reach the fixpoint of a set this size), break,
 * continue, switch cases, return. A goto joins the set at its label in a
 * second round over the body.
 */
#include "dot.h"

#include <string.h>

#include "buf.h"
#include "lower.h"

#define MAXS 1024 /* states per function shown; more are merged into MAXS */

typedef struct {
  unsigned char s[MAXS + 1]; /* s[k]: control may come from state k */
} set_t;

typedef struct {
  const tr_tu_t* tu;
  unsigned char edge[MAXS + 1][MAXS + 2]; /* [from][to]; to MAXS+1 = done */
  unsigned line[MAXS + 1];
  const char* callee[MAXS + 1];
  int nstates;
  set_t brk, cont, *labels; /* break/continue targets of the current loop */
  set_t* switch_entry;      /* the controlling expression's exit set */
  tr_node_t** label_nodes;
  int nlabels;
} dot_t;

static void set_union(set_t* a, const set_t* b) {
  for (int i = 0; i <= MAXS; i++) a->s[i] |= b->s[i];
}

static void reach(dot_t* d, const set_t* from, int to) {
  for (int i = 0; i <= MAXS; i++)
    if (from->s[i]) d->edge[i][to] = 1;
}

static void walk(dot_t* d, tr_node_t* n, set_t* cur);

static void walk_kids(dot_t* d, tr_node_t* n, set_t* cur) {
  for (unsigned i = 0; i < n->nkids; i++) walk(d, n->kids[i], cur);
}

static int state_of(tr_node_t* n) { return n->state > MAXS ? MAXS : n->state; }

static void walk_await(dot_t* d, tr_node_t* n, set_t* cur) {
  if (n->call) walk_kids(d, n->call, cur); /* awaits in the arguments */
  int s = state_of(n);
  if (s <= 0) return;
  reach(d, cur, s);
  memset(cur, 0, sizeof *cur);
  cur->s[s] = 1;
  if (s > d->nstates) d->nstates = s;
  d->line[s] = tr_tu_line(d->tu, n->start);
  d->callee[s] = n->call && n->call->callee ? n->call->callee->name : "?";
}

/* Two alternatives from the same set: the result is their union. */
static void walk_branches(dot_t* d, tr_node_t* a, tr_node_t* b, set_t* cur) {
  set_t x = *cur, y = *cur;
  if (a) walk(d, a, &x);
  if (b) walk(d, b, &y);
  *cur = x;
  set_union(cur, &y);
}

static void walk_loop(dot_t* d, tr_node_t* cond, tr_node_t* body,
                      tr_node_t* inc, bool test_first, set_t* cur) {
  set_t saved_brk = d->brk, saved_cont = d->cont;
  set_t entry = *cur, exit;
  memset(&exit, 0, sizeof exit);
  for (int round = 0; round < 2; round++) {
    set_t x = entry;
    memset(&d->brk, 0, sizeof d->brk);
    memset(&d->cont, 0, sizeof d->cont);
    if (test_first && cond) {
      walk(d, cond, &x);
      set_union(&exit, &x);
    }
    if (body) walk(d, body, &x);
    set_union(&x, &d->cont);
    if (inc) walk(d, inc, &x);
    if (!test_first && cond) walk(d, cond, &x);
    if (!test_first || !cond) set_union(&exit, &x);
    set_union(&exit, &d->brk);
    set_union(&entry, &x); /* the back edge */
  }
  if (!cond && test_first) {
    /* for (;;): leaves only by break */
    memset(&exit, 0, sizeof exit);
    set_union(&exit, &d->brk);
  }
  *cur = exit;
  d->brk = saved_brk;
  d->cont = saved_cont;
}

static set_t* label_set(dot_t* d, tr_node_t* label_stmt) {
  for (int i = 0; i < d->nlabels; i++)
    if (d->label_nodes[i] == label_stmt) return &d->labels[i];
  return NULL;
}

/* Whether label statement 'ref', found from a goto, is 'label' of the
 * tree. By place: libclang gives the found cursor the goto's enclosing
 * declaration, where the tree's cursor has the label's own. */
static bool same_label(CXCursor label, CXCursor ref) {
  return clang_getCursorKind(ref) == CXCursor_LabelStmt &&
         clang_equalLocations(clang_getCursorLocation(label),
                              clang_getCursorLocation(ref));
}

static tr_node_t* goto_target(dot_t* d, tr_node_t* g) {
  CXCursor ref = clang_getCursorReferenced(g->cur);
  for (int i = 0; i < d->nlabels; i++)
    if (same_label(d->label_nodes[i]->cur, ref)) return d->label_nodes[i];
  for (unsigned i = 0; i < g->nkids; i++) {
    CXCursor r = clang_getCursorReferenced(g->kids[i]->cur);
    for (int k = 0; k < d->nlabels; k++)
      if (same_label(d->label_nodes[k]->cur, r)) return d->label_nodes[k];
  }
  return NULL;
}

static void walk(dot_t* d, tr_node_t* n, set_t* cur) {
  if (!n) return;
  if (n->is_await) {
    walk_await(d, n, cur);
    return;
  }
  switch (n->kind) {
    case CXCursor_IfStmt:
      walk(d, n->kids[0], cur);
      walk_branches(d, n->nkids > 1 ? n->kids[1] : NULL,
                    n->nkids > 2 ? n->kids[2] : NULL, cur);
      return;
    case CXCursor_ConditionalOperator:
      if (n->nkids == 3) {
        walk(d, n->kids[0], cur);
        walk_branches(d, n->kids[1], n->kids[2], cur);
        return;
      }
      break;
    case CXCursor_BinaryOperator: {
      enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(n->cur);
      if ((op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) &&
          n->nkids == 2) {
        walk(d, n->kids[0], cur);
        walk_branches(d, n->kids[1], NULL, cur);
        return;
      }
      break;
    }
    case CXCursor_WhileStmt:
      walk_loop(d, n->kids[0], n->kids[n->nkids - 1], NULL, true, cur);
      return;
    case CXCursor_DoStmt:
      walk_loop(d, n->kids[n->nkids - 1], n->kids[0], NULL, false, cur);
      return;
    case CXCursor_ForStmt: {
      tr_node_t *init, *cond, *inc, *body;
      if (!tr_lower_for_parts(d->tu, n, &init, &cond, &inc, &body)) break;
      if (init) walk(d, init, cur);
      walk_loop(d, cond, body, inc, true, cur);
      return;
    }
    case CXCursor_SwitchStmt: {
      set_t saved_brk = d->brk;
      set_t* saved_entry = d->switch_entry;
      memset(&d->brk, 0, sizeof d->brk);
      walk(d, n->kids[0], cur);
      set_t entry = *cur, x;
      memset(&x, 0, sizeof x);
      d->switch_entry = &entry;
      walk(d, n->kids[n->nkids - 1], &x);
      set_union(&x, &d->brk);
      set_union(&x, &entry); /* no case matched (or no default) */
      *cur = x;
      d->brk = saved_brk;
      d->switch_entry = saved_entry;
      return;
    }
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
      /* entered from the controlling expression, or by falling through */
      if (d->switch_entry) set_union(cur, d->switch_entry);
      walk_kids(d, n, cur);
      return;
    case CXCursor_LabelStmt: {
      set_t* l = label_set(d, n);
      if (l) set_union(cur, l);
      walk_kids(d, n, cur);
      return;
    }
    case CXCursor_GotoStmt: {
      tr_node_t* t = goto_target(d, n);
      set_t* l = t ? label_set(d, t) : NULL;
      if (l) set_union(l, cur);
      memset(cur, 0, sizeof *cur);
      return;
    }
    case CXCursor_BreakStmt:
      set_union(&d->brk, cur);
      memset(cur, 0, sizeof *cur);
      return;
    case CXCursor_ContinueStmt:
      set_union(&d->cont, cur);
      memset(cur, 0, sizeof *cur);
      return;
    case CXCursor_ReturnStmt:
      walk_kids(d, n, cur);
      reach(d, cur, MAXS + 1);
      memset(cur, 0, sizeof *cur);
      return;
    default:
      break;
  }
  walk_kids(d, n, cur);
}

static void collect_labels(dot_t* d, tr_node_t* n) {
  if (n->kind == CXCursor_LabelStmt) {
    d->label_nodes = tr_grow(d->label_nodes, &(size_t){(size_t)d->nlabels},
                             (size_t)d->nlabels + 1, sizeof(tr_node_t*));
    set_t* nl = tr_alloc(sizeof(set_t) * ((size_t)d->nlabels + 1));
    if (d->nlabels) memcpy(nl, d->labels, sizeof(set_t) * (size_t)d->nlabels);
    d->labels = nl;
    d->label_nodes[d->nlabels++] = n;
  }
  for (unsigned i = 0; i < n->nkids; i++) collect_labels(d, n->kids[i]);
}

void tr_dot_fn(const tr_tu_t* tu, tr_fn_t* fn, tr_buf_t* out) {
  dot_t* d = tr_alloc(sizeof *d);
  tr_buf_t q; /* the path inside DOT's quotes */
  tr_buf_init(&q);
  tr_buf_put_escaped(&q, tu->path);
  const char* path = tr_buf_take(&q);
  d->tu = tu;
  collect_labels(d, fn->body);
  for (int round = 0; round < 2; round++) { /* gotos: labels join late */
    set_t cur;
    memset(&cur, 0, sizeof cur);
    cur.s[0] = 1;
    walk(d, fn->body, &cur);
    reach(d, &cur, MAXS + 1); /* falling off the end */
  }
  tr_buf_printf(out,
                "digraph \"%s\" {\n  label=\"async function %s (%s)\";\n"
                "  node [shape=box, fontname=\"monospace\"];\n",
                fn->name, fn->name, path);
  tr_buf_printf(out, "  s0 [label=\"0: start\\n%s:%u\"];\n", path,
                tr_tu_line(tu, fn->def_start));
  for (int s = 1; s <= d->nstates; s++)
    tr_buf_printf(out, "  s%d [label=\"%d: await %s()\\n%s:%u\"];\n", s, s,
                  d->callee[s] ? d->callee[s] : "?", path, d->line[s]);
  tr_buf_puts(out, "  done [label=\"done\", shape=oval];\n");
  for (int a = 0; a <= d->nstates; a++) {
    for (int b = 1; b <= d->nstates; b++)
      if (d->edge[a][b]) tr_buf_printf(out, "  s%d -> s%d;\n", a, b);
    if (d->edge[a][MAXS + 1]) tr_buf_printf(out, "  s%d -> done;\n", a);
  }
  tr_buf_puts(out, "}\n");
}
