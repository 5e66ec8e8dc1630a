/* shape.c - COLLECT and CHECK: find async functions, build node trees of
 * the definitions the transpiler rewrites, find await sites, parameters
 * and locals, and reject what cannot be lowered.
 *
 * Input: a parsed translation unit. Output: a tr_prog_t whose tops list
 * the definitions to rewrite, each with a node tree (ast.h). Errors are
 * reported as diagnostics; a function with errors is marked !ok and later
 * passes skip it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"

/* ==================================================================
 * Async functions
 * ================================================================== */

static enum CXChildVisitResult find_annotate(CXCursor c, CXCursor parent,
                                             CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
    CXString s = clang_getCursorSpelling(c);
    if (strcmp(clang_getCString(s), "asyncc_async") == 0) *(int*)data = 1;
    clang_disposeString(s);
  }
  return CXChildVisit_Continue;
}

static int has_async_attr(CXCursor c) {
  int found = 0;
  if (!clang_Cursor_isNull(c)) clang_visitChildren(c, find_annotate, &found);
  return found;
}

/* Annotate attributes are inherited by redeclarations, but a prototype
 * without 'async' may precede the async definition; look at all three. */
static int is_async_decl_uncached(CXCursor c) {
  return has_async_attr(c) || has_async_attr(clang_getCanonicalCursor(c)) ||
         has_async_attr(clang_getCursorDefinition(c));
}

/* Maps from canonical cursors (open addressing on clang_hashCursor),
 * doubled when half full: a file has as many functions as it likes. */
typedef struct {
  CXCursor key;
  bool used;
  int value; /* memo: is_async_decl's answer */
  void* ptr; /* fn_index: the tr_fn_t; a local_index: the tr_local_t */
} cursor_slot_t;

typedef struct tr_cursor_map {
  cursor_slot_t* v;
  size_t cap, n;
} cursor_map_t;

/* The slot of 'key': its own, or the free one where it would go. */
static cursor_slot_t* map_slot(cursor_map_t* m, CXCursor key) {
  if (2 * (m->n + 1) > m->cap) {
    cursor_map_t g = {NULL, m->cap ? 2 * m->cap : 1024, 0};
    g.v = tr_alloc(g.cap * sizeof *g.v);
    for (size_t i = 0; i < m->cap; i++)
      if (m->v[i].used) {
        *map_slot(&g, m->v[i].key) = m->v[i];
        g.n++;
      }
    *m = g;
  }
  size_t mask = m->cap - 1;
  for (size_t h = clang_hashCursor(key) & mask;; h = (h + 1) & mask)
    if (!m->v[h].used || clang_equalCursors(m->v[h].key, key)) return &m->v[h];
}

/* Files 'key' (absent) in 'm'; returns its slot. */
static cursor_slot_t* map_add(cursor_map_t* m, CXCursor key) {
  cursor_slot_t* s = map_slot(m, key);
  s->used = true;
  s->key = key;
  m->n++;
  return s;
}

/* Every reference to a function asks this; memoized by canonical cursor. */
static cursor_map_t memo;

static int is_async_decl(CXCursor c) {
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl) return 0;
  CXCursor canon = clang_getCanonicalCursor(c);
  cursor_slot_t* s = map_slot(&memo, canon);
  if (s->used) return s->value;
  int v = is_async_decl_uncached(c);
  map_add(&memo, canon)->value = v;
  return v;
}

static cursor_map_t fn_index;

tr_fn_t* tr_shape_async_fn(tr_prog_t* p, CXCursor decl) {
  if (!is_async_decl(decl)) return NULL;
  CXCursor canon = clang_getCanonicalCursor(decl);
  cursor_slot_t* s = map_slot(&fn_index, canon);
  if (s->used) return s->ptr;
  tr_fn_t* f = tr_alloc(sizeof *f);
  f->decl = canon;
  f->def = clang_getNullCursor();
  f->name = tr_cursor_name(canon);
  f->is_static = clang_Cursor_getStorageClass(canon) == CX_SC_Static;
  f->ret = clang_getResultType(clang_getCursorType(canon));
  f->ret_void = clang_getCanonicalType(f->ret).kind == CXType_Void;
  f->ok = true;
  map_add(&fn_index, canon)->ptr = f;
  p->nfns++;
  *p->fns_tail = f;
  p->fns_tail = &f->next;
  return f;
}

/* ==================================================================
 * Node trees
 * ================================================================== */

tr_macro_t* tr_shape_in_macro(tr_prog_t* p, unsigned start, unsigned end) {
  for (size_t i = 0; i < p->nmacros; i++)
    if (p->macros[i].start <= start && end <= p->macros[i].end)
      return &p->macros[i];
  return NULL;
}

tr_node_t* tr_node_strip(tr_node_t* n) {
  while (n &&
         (n->kind == CXCursor_ParenExpr || n->kind == CXCursor_UnexposedExpr) &&
         n->nkids == 1 && !n->is_await && !n->is_run)
    n = n->kids[0];
  return n;
}

bool tr_node_is_stmt_kind(const tr_node_t* n) {
  return clang_isStatement(n->kind) || clang_isExpression(n->kind);
}

typedef struct {
  tr_prog_t* p;
  size_t bottom; /* open_stack's height when this build began */
} build_t;

/* A location is "spelled" when the text at its file location is the
 * token itself: not part of a macro body (macro arguments are). */
static bool loc_is_spelled(CXSourceLocation l) {
  CXFile ff, sf;
  unsigned fo, so;
  clang_getFileLocation(l, &ff, NULL, NULL, &fo);
  clang_getSpellingLocation(l, &sf, NULL, NULL, &so);
  return ff && sf && clang_File_isEqual(ff, sf) && fo == so;
}

/* The macro invocation that main-file byte 'off' lies in, or NULL. Nodes
 * come in file order, so the span found last is tried first. */
static const tr_span_t* span_of(tr_prog_t* p, unsigned off) {
  static const tr_span_t unknown = {0, 0, false};
  if (p->spans_unsorted) return &unknown;
  size_t lo = p->span_at, hi = p->nspans;
  if (lo > 0 && p->spans[lo - 1].start > off) lo = 0;
  if (lo < hi && p->spans[lo].start > off) hi = lo;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (p->spans[mid].start <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  p->span_at = lo;
  return lo > 0 && off <= p->spans[lo - 1].end ? &p->spans[lo - 1] : NULL;
}

/* loc_is_spelled() for 'l' at main-file offset 'off' ('f'), asking
 * libclang (a lookup in the source manager, for every node) only where
 * the answer is not known: a macro's tokens have file locations inside its
 * invocation, those of asyncc's keywords all at its start but for the
 * argument's, which are spelled. */
static bool is_spelled(tr_prog_t* p, CXSourceLocation l, CXFile f,
                       unsigned off) {
  const tr_span_t* s = span_of(p, off);
  if (!s) return true;
  if (s->plain) return off != s->start;
  CXFile sf;
  unsigned so;
  clang_getSpellingLocation(l, &sf, NULL, NULL, &so);
  return sf && clang_File_isEqual(f, sf) && off == so;
}

/* Where a node's end lies in the main file, if it does. */
typedef struct {
  CXSourceLocation loc;
  unsigned off; /* byte offset in the main file */
  bool in_file; /* in the main file ('off' is valid) */
  bool spelled; /* is_spelled() there */
} loc_info_t;

/* Node ends repeat: a node and its first operand begin at one location,
 * an implicit conversion and its operand share both ends; on the bench
 * file over a third of the ends are repeats, met within a few nodes. A
 * macro argument's location costs libclang a search of its location
 * table, so the answers for recent locations are kept (direct-mapped). */
static loc_info_t loc_cache[1024];

static loc_info_t loc_info(tr_prog_t* p, CXSourceLocation l) {
  loc_info_t* e = &loc_cache[(l.int_data * 2654435761u) >> 22];
  if (e->loc.ptr_data[0] && clang_equalLocations(e->loc, l)) return *e;
  e->loc = l;
  e->in_file = tr_tu_offset(p->tu, l, &e->off) != 0;
  e->spelled = e->in_file && is_spelled(p, l, p->tu->file, e->off);
  return *e;
}

/* The byte just past the ')' closing the macro invocation that starts at
 * 'start' (the identifier 'await' or 'asyncc_run'), or 0. libclang's own
 * end of a macro nested in another macro's argument is unreliable. */
static unsigned invocation_end(const tr_tu_t* tu, unsigned start,
                               const char* name) {
  size_t n = strlen(name);
  const char* t = tu->text;
  if (start + n >= tu->len || strncmp(t + start, name, n) != 0) return 0;
  unsigned p = start + (unsigned)n;
  while (p < tu->len && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n')) p++;
  if (p >= tu->len || t[p] != '(') return 0;
  int depth = 0;
  for (; p < tu->len; p++) {
    char c = t[p];
    if (c == '"' || c == '\'') {
      for (p++; p < tu->len && t[p] != c; p++)
        if (t[p] == '\\') p++;
    } else if (c == '/' && p + 1 < tu->len && t[p + 1] == '*') {
      const char* e = strstr(t + p + 2, "*/");
      if (!e) return 0;
      p = (unsigned)(e - t) + 1;
    } else if (c == '/' && p + 1 < tu->len && t[p + 1] == '/') {
      while (p < tu->len && t[p] != '\n') p++;
    } else if (c == '(') {
      depth++;
    } else if (c == ')' && --depth == 0) {
      return p + 1;
    }
  }
  return 0;
}

/* Which keyword's marker the call 'c' is, if any. */
static tr_marker_t marker_of(CXCursor c) {
  static const char* const names[] = {NULL, "asyncc__await_marker",
                                      "asyncc__run_marker",
                                      "asyncc__spawn_marker"};
  /* the markers take no arguments: a call with some needs no name */
  if (clang_Cursor_getNumArguments(c) != 0) return TR_NOT_MARKER;
  CXString s = clang_getCursorSpelling(c);
  const char* nm = clang_getCString(s);
  tr_marker_t m = TR_NOT_MARKER;
  for (int k = TR_AWAIT_MARKER; k <= TR_SPAWN_MARKER && !m; k++)
    if (strcmp(nm, names[k]) == 0) m = (tr_marker_t)k;
  clang_disposeString(s);
  return m;
}

static bool is_marker_call(tr_node_t* n, tr_marker_t marker) {
  return n->kind == CXCursor_CallExpr && n->marker == marker;
}

/* await(e) expands to ( asyncc__await_marker(), (e) ): a ParenExpr whose
 * only child is a comma operator led by the marker call. */
static bool is_comma(tr_node_t* n) {
  return n->kind == CXCursor_BinaryOperator && n->nkids == 2 &&
         clang_getCursorBinaryOperatorKind(n->cur) == CXBinaryOperator_Comma;
}

/* Strips parens, implicit conversions and a cast to void. */
static tr_node_t* strip_void_cast(tr_node_t* n) {
  n = tr_node_strip(n);
  while (n && n->kind == CXCursor_CStyleCastExpr && n->nkids)
    n = tr_node_strip(n->kids[n->nkids - 1]);
  return n;
}

static void classify_marker(const tr_tu_t* tu, tr_node_t* n) {
  if (n->kind != CXCursor_ParenExpr || n->nkids != 1) return;
  tr_node_t* comma = n->kids[0];
  if (!is_comma(comma)) return;
  const char* word;
  if (is_marker_call(comma->kids[0], TR_AWAIT_MARKER)) {
    n->is_await = true;
    n->call = tr_node_strip(comma->kids[1]);
    word = "await";
  } else if (is_marker_call(comma->kids[0], TR_RUN_MARKER)) {
    n->is_run = true;
    n->call = tr_node_strip(comma->kids[1]);
    word = "asyncc_run";
  } else if (is_comma(comma->kids[0]) &&
             is_marker_call(comma->kids[0]->kids[0], TR_SPAWN_MARKER)) {
    /* (asyncc__spawn_marker(), (void)(call), (asyncc_task_t*)0) */
    n->is_spawn = true;
    n->call = strip_void_cast(comma->kids[0]->kids[1]);
    word = "asyncc_spawn";
  } else {
    return;
  }
  if (!n->in_file) return;
  if (tu->text[n->start] == '(') {
    /* the keyword already expanded by tr_shape_expand_macros */
    n->spelled = true;
    return;
  }
  unsigned end = invocation_end(tu, n->start, word);
  n->spelled = end != 0;
  if (end) n->end = end;
}

/* Where one end of a node's extent lies, as libclang gives it. */
typedef struct {
  unsigned off; /* byte offset in the main file */
  bool in_file; /* in the main file ('off' is valid) */
  bool spelled; /* is_spelled() there */
} end_t;

/* The children of the nodes being built, innermost last, with the ends of
 * their extents: each node's are copied to an array of their exact number
 * when the node is complete. */
static struct {
  tr_node_t* node;
  end_t b, e;
  bool placed; /* e is known to end the node's last token where it is in the
                  text, not a macro's invocation for a token of its body */
} * kid_stack;
static size_t kid_top, kid_cap;

static end_t end_at(tr_prog_t* p, CXSourceLocation l) {
  loc_info_t i = loc_info(p, l);
  return (end_t){i.off, i.in_file, i.spelled};
}

static void cursor_ends(tr_prog_t* p, CXCursor c, end_t* b, end_t* e) {
  CXSourceRange r = clang_getCursorExtent(c);
  *b = end_at(p, clang_getRangeStart(r));
  *e = end_at(p, clang_getRangeEnd(r));
}

/* Debug builds (and any with ASYNCC_CHECK_ENDS) compare every end derived
   below with libclang's extent and abort where they differ. */
#if defined(ASYNCC_CHECK_ENDS) || !defined(NDEBUG)
static void check_ends(tr_prog_t* p, CXCursor c, end_t b, end_t e) {
  end_t cb, ce;
  cursor_ends(p, c, &cb, &ce);
  if (b.off != cb.off || b.in_file != cb.in_file || b.spelled != cb.spelled ||
      e.off != ce.off || e.in_file != ce.in_file || e.spelled != ce.spelled)
    abort();
}
#else
#define check_ends(p, c, b, e) ((void)0)
#endif

static bool is_ident_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$' || (c >= '0' && c <= '9');
}

/* The length of the token of cursor kind 'k' (an identifier, a number or
 * a character constant) at t[off], or 0 where unsure: a line splice, a
 * UCN or a non-ASCII byte, a digit separator, another kind of token. */
static unsigned token_len(const char* t, size_t len, unsigned off,
                          enum CXCursorKind k) {
  unsigned i = off;
  if (k == CXCursor_DeclRefExpr) {
    if (!is_ident_byte(t[i]) || (t[i] >= '0' && t[i] <= '9')) return 0;
    while (i < len && is_ident_byte(t[i])) i++;
  } else if (k == CXCursor_IntegerLiteral || k == CXCursor_FloatingLiteral) {
    if (!(t[i] >= '0' && t[i] <= '9') && t[i] != '.') return 0;
    for (i++; i < len; i++) {
      char c = t[i];
      if ((c == '+' || c == '-') && strchr("eEpP", t[i - 1])) continue;
      if (!is_ident_byte(c) && c != '.') break;
    }
  } else if (k == CXCursor_CharacterLiteral) {
    if (t[i] == 'L' || t[i] == 'U')
      i++;
    else if (t[i] == 'u')
      i += t[i + 1] == '8' ? 2 : 1;
    if (i >= len || t[i] != '\'') return 0;
    for (i++; i < len && t[i] != '\''; i++) {
      if (t[i] == '\n') return 0;
      if (t[i] == '\\' && ++i < len && t[i] == '\n') return 0;
    }
    if (i++ >= len) return 0;
  } else {
    return 0;
  }
  /* what follows must end the token plainly */
  if (i < len && (t[i] == '\\' || t[i] == '\'' || t[i] == '"' ||
                  (unsigned char)t[i] >= 0x80))
    return 0;
  for (unsigned j = off; j < i; j++)
    if ((unsigned char)t[j] >= 0x80) return 0;
  return i - off;
}

/* The ends of a one-token leaf (a name, a number, a character constant)
 * without clang_getCursorExtent, which finds the end by lexing the token
 * again after resolving its location: the start is the cursor's location,
 * the end the token's length on. Only for a token spelled in the main
 * file; false otherwise. */
static bool leaf_ends(tr_prog_t* p, CXCursor c, enum CXCursorKind k, end_t* b,
                      end_t* e) {
  if (k != CXCursor_DeclRefExpr && k != CXCursor_IntegerLiteral &&
      k != CXCursor_FloatingLiteral && k != CXCursor_CharacterLiteral)
    return false;
  end_t s = end_at(p, clang_getCursorLocation(c));
  if (!s.in_file || !s.spelled || s.off >= p->tu->len) return false;
  unsigned n = token_len(p->tu->text, p->tu->len, s.off, k);
  if (!n) return false;
  *b = s;
  *e = (end_t){s.off + n, true, true};
  check_ends(p, c, *b, *e);
  return true;
}

/* Gives 'n' its range from the ends of its extent. */
static void set_range(tr_prog_t* p, tr_node_t* n, end_t b, end_t f) {
  if (!b.in_file || !f.in_file) return;
  /* nested macro ends; markers fix theirs */
  unsigned e = f.off < b.off ? b.off : f.off;
  n->in_file = true;
  n->start = b.off;
  n->end = e;
  n->spelled = b.spelled;
  if (!f.spelled) {
    /* ends inside a macro expanded within another macro's argument
       (NULL in await(f(NULL))): libclang's end is the inner macro's
       start; the node ends where that invocation ends */
    for (size_t i = 0; i < p->nmacros; i++)
      if (p->macros[i].start == e && p->macros[i].end > n->end)
        n->end = p->macros[i].end;
  }
}

/* The operators whose extent runs from their first operand's start to
 * their last operand's end (clang's BinaryOperator and ConditionalOperator
 * ranges), by their number of operands: their ends are taken from the
 * operands once those are built, sparing a clang_getCursorExtent (which
 * lexes the last token again) for a seventh of a large file's nodes. */
static unsigned operands_spanning(enum CXCursorKind k) {
  if (k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator)
    return 2;
  return k == CXCursor_ConditionalOperator ? 3 : 0;
}

/* A node for cursor 'c'; its range and children come later. */
static tr_node_t* new_node(CXCursor c, tr_node_t* parent) {
  tr_node_t* n = tr_alloc(sizeof *n);
  n->cur = c;
  n->kind = clang_getCursorKind(c);
  n->parent = parent;
  return n;
}

/* The range of 'n', an operator of operands_spanning(), whose children
 * are the kid stack's entries from 'base' up, and the ends of its own
 * entry, just below them (for its parent, if an operator too). Operands
 * in an unexpected number: libclang's extent. */
/* Gives 'n' the range b..e and records it in its kid stack entry, just
 * below its children's, for its parent. */
static void place_range(tr_prog_t* p, tr_node_t* n, size_t base, end_t b,
                        end_t e, bool placed) {
  set_range(p, n, b, e);
  kid_stack[base - 1].b = b;
  kid_stack[base - 1].e = e;
  kid_stack[base - 1].placed = placed;
}

static void set_operator_range(tr_prog_t* p, tr_node_t* n, size_t base) {
  end_t b, e;
  bool placed = false;
  if (kid_top - base == operands_spanning(n->kind)) {
    b = kid_stack[base].b;
    e = kid_stack[kid_top - 1].e;
    placed = kid_stack[kid_top - 1].placed;
  } else {
    cursor_ends(p, n->cur, &b, &e);
  }
  place_range(p, n, base, b, e, placed);
}

/* Completes 'n' once all its children are built: they are the nodes on
 * the kid stack from 'base' up. */
static void finish_node(tr_prog_t* p, tr_node_t* n, size_t base) {
  n->nkids = (unsigned)(kid_top - base);
  if (n->nkids) {
    n->kids = tr_alloc(n->nkids * sizeof *n->kids);
    for (unsigned i = 0; i < n->nkids; i++)
      n->kids[i] = kid_stack[base + i].node;
  }
  kid_top = base;
  classify_marker(p->tu, n);
  /* libclang's end of a node that ends in a macro nested in another
     macro's argument (await(a | await(b()))) stops short; the children's
     ranges, fixed bottom-up, are right */
  if (n->in_file && !n->is_await && !n->is_run && !n->is_spawn)
    for (unsigned i = 0; i < n->nkids; i++)
      if (n->kids[i]->in_file && n->kids[i]->end > n->end &&
          n->kids[i]->start >= n->start)
        n->end = n->kids[i]->end;
  if (!n->spelled && n->nkids && n->kids[0]->spelled &&
      n->kids[0]->start == n->start) {
    /* begins with its first operand (an await, whose tokens come from
       asyncc's macro, or an implicit conversion of one) */
    n->spelled = true;
    if (n->end < n->kids[n->nkids - 1]->end)
      n->end = n->kids[n->nkids - 1]->end;
  }
  n->has_await = n->is_await;
  n->has_return = n->kind == CXCursor_ReturnStmt;
  for (unsigned i = 0; i < n->nkids; i++) {
    n->has_await |= n->kids[i]->has_await;
    n->has_return |= n->kids[i]->has_return;
  }
}

static void push_kid(tr_node_t* k, end_t b, end_t e) {
  if (kid_top == kid_cap) {
    kid_cap = kid_cap ? kid_cap * 2 : 256;
    kid_stack = tr_xrealloc(kid_stack, kid_cap * sizeof *kid_stack);
  }
  kid_stack[kid_top].node = k;
  kid_stack[kid_top].b = b;
  kid_stack[kid_top].e = e;
  kid_stack[kid_top++].placed = false;
}

/* The nodes whose children are still coming, innermost last. A tree is
 * built in one clang_visitChildren that recurses (a call per node set up
 * a cursor visitor for each), which names each cursor's parent: a node
 * is complete when a later cursor's parent is one of its ancestors. */
static struct {
  CXCursor cur;
  tr_node_t* node;
  size_t base; /* its children's first index on the kid stack */
} * open_stack;
static size_t open_top, open_cap;

static void open_node(CXCursor c, tr_node_t* n) {
  if (open_top == open_cap) {
    open_cap = open_cap ? open_cap * 2 : 256;
    open_stack = tr_xrealloc(open_stack, open_cap * sizeof *open_stack);
  }
  open_stack[open_top].cur = c;
  open_stack[open_top].node = n;
  open_stack[open_top++].base = kid_top;
}

static size_t skip_blanks(const char* t, size_t len, size_t i) {
  while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n')) i++;
  return i;
}

/* is_spelled() at main-file offset 'off' where no location is at hand: -1
 * when only the location can tell (inside another macro's invocation). */
static int spelled_at(tr_prog_t* p, unsigned off) {
  const tr_span_t* s = span_of(p, off);
  if (!s) return 1;
  return s->plain ? off != s->start : -1;
}

/* Whether 't' is a vector or a pointer to one. */
static bool is_vector(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind == CXType_Pointer)
    t = clang_getCanonicalType(clang_getPointeeType(t));
  return t.kind == CXType_Vector || t.kind == CXType_ExtVector;
}

/* The ends of 'n', an UnexposedExpr with one child, if it is an implicit
 * conversion, whose extent is its operand's: libclang gives it its
 * operand's location, and so it does an ext-vector element 'v.xy', told
 * apart by its operand's vector type. Anything unsure: false. */
static bool conversion_ends(tr_node_t* n, size_t base, end_t* b, end_t* e) {
  if (kid_top - base != 1 ||
      !clang_equalLocations(
          clang_getCursorLocation(n->cur),
          clang_getCursorLocation(kid_stack[base].node->cur)) ||
      is_vector(clang_getCursorType(kid_stack[base].node->cur)))
    return false;
  *b = kid_stack[base].b;
  *e = kid_stack[base].e;
  return true;
}

/* The ends of a call, once its children (callee, arguments) are built: its
 * callee's start, and the ')' that follows the last of them with nothing
 * but blanks between (a comment, a macro: false). */
static bool call_ends(tr_prog_t* p, size_t base, end_t* b, end_t* e) {
  if (kid_top == base || !kid_stack[kid_top - 1].placed) return false;
  const char* t = p->tu->text;
  size_t len = p->tu->len, i = kid_stack[kid_top - 1].e.off;
  if (kid_top - base == 1) { /* no arguments */
    i = skip_blanks(t, len, i);
    if (i >= len || t[i++] != '(') return false;
  }
  i = skip_blanks(t, len, i);
  if (i >= len || t[i] != ')') return false;
  int spelled = spelled_at(p, (unsigned)i + 1);
  if (spelled < 0) return false;
  *b = kid_stack[base].b;
  *e = (end_t){(unsigned)i + 1, true, spelled};
  return true;
}

/* The range of an UnexposedExpr or a call (not a marker's), once its
 * children are built: derived from theirs (above), else libclang's. */
static void set_late_range(tr_prog_t* p, tr_node_t* n, size_t base) {
  end_t b, e;
  bool placed = false;
  if (n->kind == CXCursor_UnexposedExpr && conversion_ends(n, base, &b, &e)) {
    placed = kid_stack[base].placed;
    check_ends(p, n->cur, b, e);
  } else if (n->kind == CXCursor_CallExpr && call_ends(p, base, &b, &e)) {
    placed = true;
    check_ends(p, n->cur, b, e);
  } else {
    cursor_ends(p, n->cur, &b, &e);
  }
  place_range(p, n, base, b, e, placed);
}

/* Whether the range of 'n' waits for its children (set_late_range). */
static bool late_range(const tr_node_t* n) {
  return n->kind == CXCursor_UnexposedExpr ||
         (n->kind == CXCursor_CallExpr && !n->marker);
}

static void close_node(tr_prog_t* p, size_t bottom) {
  open_top--;
  tr_node_t* n = open_stack[open_top].node;
  size_t base = open_stack[open_top].base;
  /* a root has its range already */
  if (open_top > bottom && operands_spanning(n->kind))
    set_operator_range(p, n, base);
  else if (open_top > bottom && late_range(n))
    set_late_range(p, n, base);
  finish_node(p, n, base);
}

/* The outer parenthesis of the keyword expansion last met whose argument
 * is plain spelled text (a plain span), and the ends of its extent. */
static struct {
  const tr_node_t* paren;
  const tr_span_t* span;
  end_t b, e;
} kwp;

/* Notes 'k' if it is such a parenthesis: the first ParenExpr met that
 * begins at the invocation, unspelled (a token of the macro's body). */
static void note_keyword_paren(tr_prog_t* p, const tr_node_t* k, end_t b,
                               end_t e) {
  if (k->kind != CXCursor_ParenExpr || !b.in_file || b.spelled || !e.in_file)
    return;
  const tr_span_t* s = span_of(p, b.off);
  if (s && s->plain && s->start == b.off && s != kwp.span) {
    kwp.paren = k;
    kwp.span = s;
    kwp.b = b;
    kwp.e = e;
  }
}

/* In '(asyncc__await_marker(), (call))', the body of a keyword, every
 * token is at the invocation's start and every node's extent ends at its
 * end: the marker call's and the inner parenthesis' extents are the outer
 * parenthesis' (for asyncc_spawn's '(asyncc__spawn_marker(), (void)(call),
 * (asyncc_task_t*)0)', the marker's). 'k', just made, is not on the
 * stacks yet. */
static bool keyword_ends(build_t* bd, const tr_node_t* k, end_t* b, end_t* e) {
  if (!kwp.paren || open_top < bd->bottom + 3) return false;
  size_t up = open_top - 1; /* k's parent */
  bool first = kid_top == open_stack[up].base;
  if (open_stack[up].node->kind != CXCursor_BinaryOperator) return false;
  if (k->kind == CXCursor_ParenExpr) {
    /* the comma's right operand, after the marker */
    if (open_stack[up - 1].node != kwp.paren ||
        kid_top - open_stack[up].base != 1 ||
        !kid_stack[open_stack[up].base].node->marker)
      return false;
  } else if (k->marker && first) {
    if (open_stack[up - 1].node != kwp.paren &&
        !(open_stack[up - 1].node->kind == CXCursor_BinaryOperator &&
          kid_stack[open_stack[up - 1].base].node == open_stack[up].node &&
          open_top >= bd->bottom + 4 && open_stack[up - 2].node == kwp.paren))
      return false;
  } else {
    return false;
  }
  *b = kwp.b;
  *e = kwp.e;
  return true;
}

static enum CXChildVisitResult visit_kid(CXCursor c, CXCursor parent,
                                         CXClientData data) {
  build_t* b = data;
  /* the parent libclang names is the very cursor it gave us: mostly the
     innermost open node, told by its bytes before asking libclang */
  while (open_top > b->bottom + 1 &&
         memcmp(&open_stack[open_top - 1].cur, &parent, sizeof parent) != 0 &&
         !clang_equalCursors(open_stack[open_top - 1].cur, parent))
    close_node(b->p, b->bottom);
  tr_node_t* k = new_node(c, open_stack[open_top - 1].node);
  end_t kb = {0, false, false}, ke = kb;
  bool placed = false;
  if (k->kind == CXCursor_CallExpr) k->marker = marker_of(c);
  if (!operands_spanning(k->kind) && !late_range(k)) {
    if (keyword_ends(b, k, &kb, &ke)) {
      check_ends(b->p, c, kb, ke);
    } else if (leaf_ends(b->p, c, k->kind, &kb, &ke)) {
      placed = true;
    } else {
      cursor_ends(b->p, c, &kb, &ke);
      note_keyword_paren(b->p, k, kb, ke);
    }
    set_range(b->p, k, kb, ke);
  }
  push_kid(k, kb, ke);
  kid_stack[kid_top - 1].placed = placed;
  open_node(c, k);
  /* a keyword's marker call only says which keyword it is: its callee (a
     reference and a conversion, two of every await's nodes) is not built */
  return k->marker ? CXChildVisit_Continue : CXChildVisit_Recurse;
}

static tr_node_t* build(tr_prog_t* p, CXCursor c, tr_node_t* parent) {
  tr_node_t* n = new_node(c, parent);
  end_t nb, ne;
  cursor_ends(p, c, &nb, &ne);
  set_range(p, n, nb, ne);
  build_t b = {p, open_top};
  open_node(c, n);
  clang_visitChildren(c, visit_kid, &b);
  while (open_top > b.bottom) close_node(p, b.bottom);
  return n;
}

/* ==================================================================
 * Locals
 * ================================================================== */

static void add_local(tr_fn_t* fn, tr_local_t* l) {
  if (!fn->locals_tail) fn->locals_tail = &fn->locals;
  *fn->locals_tail = l;
  fn->locals_tail = &l->next;
  fn->nlocals++;
  if (fn->local_index) map_add(fn->local_index, l->decl)->ptr = l;
}

static void collect_locals(tr_fn_t* fn, tr_node_t* n) {
  if (n->kind == CXCursor_VarDecl) {
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cur);
    if (sc != CX_SC_Static && sc != CX_SC_Extern) {
      tr_local_t* l = tr_alloc(sizeof *l);
      l->decl = n->cur;
      l->name = tr_cursor_name(n->cur);
      l->type = clang_getCursorType(n->cur);
      l->node = n;
      l->scope_start = n->end;   /* scope begins after the declarator */
      tr_node_t* ds = n->parent; /* DeclStmt */
      tr_node_t* sc_node = ds ? ds->parent : NULL;
      while (sc_node && sc_node->kind != CXCursor_CompoundStmt &&
             sc_node->kind != CXCursor_ForStmt)
        sc_node = sc_node->parent;
      l->scope = sc_node ? sc_node : fn->body;
      n->local = l;
      add_local(fn, l);
    }
  }
  for (unsigned i = 0; i < n->nkids; i++) collect_locals(fn, n->kids[i]);
}

/* The local declared by 'decl', or NULL. Every reference in a body asks:
 * past a few locals, through an index (a list walk per reference was
 * quadratic in a function of thousands of locals), kept by add_local. */
static tr_local_t* find_local(tr_fn_t* fn, CXCursor decl) {
  if (fn->nlocals <= 16) {
    for (tr_local_t* l = fn->locals; l; l = l->next)
      if (clang_equalCursors(l->decl, decl)) return l;
    return NULL;
  }
  if (!fn->local_index) {
    fn->local_index = tr_alloc(sizeof *fn->local_index);
    for (tr_local_t* l = fn->locals; l; l = l->next)
      map_add(fn->local_index, l->decl)->ptr = l;
  }
  cursor_slot_t* s = map_slot(fn->local_index, decl);
  return s->used ? s->ptr : NULL;
}

/* ==================================================================
 * Checks
 * ================================================================== */

typedef struct {
  tr_prog_t* p;
  tr_fn_t* fn; /* the async function being checked, or NULL */
  int errors;
} check_t;

static void error_at(check_t* k, tr_node_t* n, const char* fmt,
                     const char* arg) {
  tr_diag_cursor(TR_ERROR, n->cur, fmt, arg);
  k->errors++;
}

/* Is 'n' (a CallExpr) the awaited call of an await/asyncc_run? */
static bool is_wrapped_call(tr_node_t* n) {
  tr_node_t* up = n->parent;
  while (
      up &&
      (up->kind == CXCursor_ParenExpr || up->kind == CXCursor_UnexposedExpr) &&
      !up->is_await && !up->is_run)
    up = up->parent;
  /* up is now the comma operator inside the marker ParenExpr, or for
     asyncc_spawn a cast to void inside a nested comma */
  for (int hops = 0; up && hops < 4; hops++, up = up->parent)
    if ((up->is_await || up->is_run || up->is_spawn) && up->call == n)
      return true;
  return false;
}

/* Records the async function that marker 'n' (await, asyncc_run,
 * asyncc_spawn) calls, or reports that its operand is not such a call. */
static void resolve_marker_callee(check_t* k, tr_node_t* n, const char* what) {
  tr_node_t* call = n->call;
  tr_node_t* callee = call && call->kind == CXCursor_CallExpr && call->nkids
                          ? tr_node_strip(call->kids[0])
                          : NULL;
  tr_fn_t* fn =
      callee && callee->kind == CXCursor_DeclRefExpr
          ? tr_shape_async_fn(k->p, clang_getCursorReferenced(callee->cur))
          : NULL;
  if (fn) {
    call->callee = fn;
    fn->used = true;
  } else
    error_at(k, n, "%s requires a call of an async function as its operand",
             what);
}

static void check_node(check_t* k, tr_node_t* n, int unevaluated);

/* libclang visits the size of sizeof's variable-length array type twice
 * (from the type as written and from the type): lowering must see it once. */
static void drop_twins(tr_node_t* n) {
  unsigned k = 0;
  for (unsigned i = 0; i < n->nkids; i++) {
    bool twin = false;
    for (unsigned j = 0; j < k && !twin; j++)
      twin = n->kids[j]->start == n->kids[i]->start &&
             n->kids[j]->end == n->kids[i]->end;
    if (!twin) n->kids[k++] = n->kids[i];
  }
  n->nkids = k;
}

/* Whether sizeof 'n' is of a variable-length array type, whose size
 * expressions C evaluates (C11 6.5.3.4p2): any other sizeof, and every
 * _Alignof, is a constant. (Whether expression 'n' is not an integer
 * constant.) */
static bool sizes_vla(tr_node_t* n) {
  CXEvalResult r = clang_Cursor_Evaluate(n->cur);
  bool constant = r && clang_EvalResult_getKind(r) == CXEval_Int;
  if (r) clang_EvalResult_dispose(r);
  return !constant;
}

/* Whether 'n' is a constant computed from types alone, whose operands C
 * never evaluates: __builtin_types_compatible_p(__typeof__(e), int),
 * __builtin_offsetof(__typeof__(e), m). An implicit conversion (also an
 * unexposed expression) of a constant such as '0 && await(f())' is not
 * one: its awaiting operand is a constant too, a short circuit's. */
static bool of_types(tr_node_t* n) {
  if (sizes_vla(n)) return false;
  for (unsigned i = 0; i < n->nkids; i++)
    if (n->kids[i]->has_await && !sizes_vla(n->kids[i])) return false;
  return true;
}

/* _Generic evaluates only its selected association. libclang does not say
 * which that is, but the selection has exactly the selected expression's
 * type: when one association has it, that one is evaluated; when several
 * have it, any of them may be (lower.c guards their awaits). */
static void check_generic(check_t* k, tr_node_t* n, int unevaluated) {
  CXType ty = clang_getCursorType(n->cur);
  unsigned same = 0, selected = n->nkids, ctl = n->nkids;
  bool await_in_same = false;
  for (unsigned i = 0; i < n->nkids; i++) {
    tr_node_t* a = n->kids[i];
    if (!clang_isExpression(a->kind)) continue;
    if (ctl == n->nkids) {
      ctl = i; /* the controlling expression */
    } else if (clang_equalTypes(clang_getCursorType(a->cur), ty)) {
      same++;
      selected = i;
      await_in_same |= a->has_await;
    }
  }
  /* several associations have the selection's type: lowering runs the
     awaits of each under a _Generic guard, so the compiler selects */
  bool ambiguous = same > 1 && await_in_same && !unevaluated;
  for (unsigned i = 0; i < n->nkids; i++) {
    bool evaluated =
        i != ctl && clang_isExpression(n->kids[i]->kind) &&
        (ambiguous ? clang_equalTypes(clang_getCursorType(n->kids[i]->cur), ty)
                   : same == 1 && i == selected);
    check_node(k, n->kids[i], unevaluated || !evaluated);
  }
}

/* 'async' marks functions; on anything else it would be dropped. */
static void misplaced_async(CXCursor c, int* errors) {
  tr_diag_cursor(TR_ERROR, c,
                 "'async' applies only to function declarations and "
                 "definitions%s",
                 clang_getCursorType(c).kind == CXType_Pointer
                     ? " (pointers to async functions are not supported)"
                     : "");
  (*errors)++;
}

/* The GNU builtin that leaves operands of expression 'n' unevaluated,
 * if 'n' is a use of one, else NULL. */
static const char* unevaluating_builtin(const tr_tu_t* tu, const tr_node_t* n) {
  static const char* const names[] = {"__builtin_choose_expr",
                                      "__builtin_constant_p"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t len = strlen(names[i]);
    if (n->end - n->start > len &&
        strncmp(tu->text + n->start, names[i], len) == 0) {
      unsigned j = n->start + (unsigned)len;
      while (j < n->end && (tu->text[j] == ' ' || tu->text[j] == '\t')) j++;
      if (j < n->end && tu->text[j] == '(') return names[i];
    }
  }
  return NULL;
}

/* Whether a call of 'name' saves or restores a C stack context: glibc's
 * sigsetjmp is a macro for __sigsetjmp; GCC has builtins of its own. */
static bool is_jump_call(const char* name) {
  static const char* const names[] = {
      "setjmp",      "_setjmp",          "sigsetjmp",
      "__sigsetjmp", "longjmp",          "_longjmp",
      "siglongjmp",  "__builtin_setjmp", "__builtin_longjmp"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(name, names[i]) == 0) return true;
  return false;
}

static void check_node(check_t* k, tr_node_t* n, int unevaluated) {
  if (n->kind == CXCursor_AnnotateAttr && n->parent &&
      n->parent->kind != CXCursor_FunctionDecl) {
    CXString s = clang_getCursorSpelling(n->cur);
    if (strcmp(clang_getCString(s), "asyncc_async") == 0)
      misplaced_async(n->parent->cur, &k->errors);
    clang_disposeString(s);
  }
  if ((n->kind == CXCursor_UnaryExpr && !(n->has_await && sizes_vla(n))) ||
      (n->kind == CXCursor_UnexposedExpr && n->has_await && of_types(n)))
    unevaluated = 1; /* sizeof/_Alignof operand, a type's typeof */
  else if (n->kind == CXCursor_UnaryExpr)
    drop_twins(n);
  if (n->kind == CXCursor_GenericSelectionExpr) {
    check_generic(k, n, unevaluated);
    return;
  }
  /* one operand of __builtin_choose_expr is never evaluated, nor is the
     operand of __builtin_constant_p */
  const char* builtin =
      n->has_await && n->in_file && clang_isExpression(n->kind)
          ? unevaluating_builtin(k->p->tu, n)
          : NULL;
  if (builtin)
    error_at(k, n,
             "'await' in an operand of %s is not supported; await into a "
             "variable first",
             builtin);
  if (n->is_await && k->fn && !n->in_file)
    error_at(k, n,
             "'await' in text #included into async function '%s' is not "
             "supported; write the await in the function itself",
             k->fn->name);
  if (n->is_await) {
    /* the expansions were recorded in file order: binary search */
    size_t lo = 0, hi = k->p->nawaits;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (k->p->awaits[mid] < n->start)
        lo = mid + 1;
      else
        hi = mid;
    }
    bool recorded = lo < k->p->nawaits && k->p->awaits[lo] == n->start;
    /* An await in an unevaluated operand is an error unless a macro also
       evaluates the same spelled await (glibc's assert(e) puts e in a
       sizeof and in a statement): tr_shape_collect decides. Code printed
       from macro expansions was checked before printing. */
    if (recorded && !unevaluated) k->p->await_seen[lo] = true;
    if (unevaluated)
      n->unevaluated = true;
    else if (k->fn == NULL)
      error_at(k, n, "'await' outside of an async function%s", "");
    resolve_marker_callee(k, n, "'await'");
  }
  if (n->is_spawn) {
    resolve_marker_callee(k, n, "asyncc_spawn()");
    tr_node_t* call = n->call;
    if (call && call->has_await)
      error_at(k, n,
               "'await' in the arguments of asyncc_spawn() is not supported; "
               "await into a variable first%s",
               "");
  }
  if (n->is_run) {
    if (k->fn)
      error_at(k, n, "asyncc_run() inside an async function; use await()%s",
               "");
    resolve_marker_callee(k, n, "asyncc_run()");
  }
  if (n->kind == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(n->cur);
    tr_fn_t* af = tr_shape_async_fn(k->p, ref);
    if (af) {
      n->callee = af;
      /* Allowed only as the callee of a wrapped call. */
      tr_node_t* up = n->parent;
      while (up && (up->kind == CXCursor_ParenExpr ||
                    up->kind == CXCursor_UnexposedExpr))
        up = up->parent;
      if (!up || up->kind != CXCursor_CallExpr ||
          tr_node_strip(up->kids[0]) != n)
        error_at(k, n,
                 "address of async function '%s' cannot be taken (async "
                 "functions can only be called with await() or "
                 "asyncc_run())",
                 af->name);
      else if (!is_wrapped_call(up))
        error_at(k, n,
                 "call to async function '%s' must be awaited: write "
                 "await(...) in an async function, asyncc_run(...) "
                 "from ordinary code, or asyncc_spawn(...) to start a task",
                 af->name);
    } else if (k->fn && (clang_getCursorKind(ref) == CXCursor_VarDecl ||
                         clang_getCursorKind(ref) == CXCursor_ParmDecl)) {
      n->local = find_local(k->fn, ref);
    }
  }
  if (k->fn && n->kind == CXCursor_CallExpr) {
    CXString s = clang_getCursorSpelling(n->cur);
    const char* name = clang_getCString(s);
    if (strcmp(name, "alloca") == 0 ||
        strncmp(name, "__builtin_alloca", 16) == 0) /* also _with_align */
      error_at(k, n,
               "alloca() in an async function: its memory would not survive "
               "a suspension ('%s'); use an array or malloc()",
               name);
    if (is_jump_call(name))
      error_at(k, n,
               "setjmp/longjmp cannot be used in an async function ('%s'): "
               "the frame outlives the C stack it would jump to",
               name);
    clang_disposeString(s);
  }
  if (n->is_await || n->is_run || n->is_spawn) {
    /* the marker's own wrappers are not user code */
    if (n->call) check_node(k, n->call, unevaluated);
    return;
  }
  if ((n->kind == CXCursor_CStyleCastExpr ||
       n->kind == CXCursor_CompoundLiteralExpr) &&
      n->nkids > 1) {
    /* (__typeof__(e))x: all but the operand (or initializer) is the type */
    for (unsigned i = 0; i < n->nkids; i++)
      check_node(k, n->kids[i], unevaluated || i + 1 < n->nkids);
    return;
  }
  if (n->kind == CXCursor_ParmDecl && n->has_await && k->fn) {
    /* a bound C evaluates on entry, before any frame exists (it was
       reported as unevaluated, which it is not) */
    char* name = tr_cursor_name(n->cur);
    error_at(k, n,
             "'await' in the declaration of parameter '%s' is not "
             "supported; await in the function's body",
             name);
    for (unsigned i = 0; i < n->nkids; i++) check_node(k, n->kids[i], 0);
    return;
  }
  if (n->kind == CXCursor_VarDecl || n->kind == CXCursor_TypedefDecl ||
      n->kind == CXCursor_FieldDecl || n->kind == CXCursor_ParmDecl) {
    /* everything but the initializer is part of the type (typeof) */
    CXCursor init = n->kind == CXCursor_VarDecl
                        ? clang_Cursor_getVarDeclInitializer(n->cur)
                        : clang_getNullCursor();
    CXType t = n->kind == CXCursor_TypedefDecl
                   ? clang_getTypedefDeclUnderlyingType(n->cur)
                   : clang_getCursorType(n->cur);
    bool vla = t.kind == CXType_VariableArray; /* its bounds are evaluated */
    for (unsigned i = 0; i < n->nkids; i++)
      check_node(
          k, n->kids[i],
          unevaluated || (!vla && !clang_equalCursors(n->kids[i]->cur, init)));
    return;
  }
  for (unsigned i = 0; i < n->nkids; i++)
    check_node(k, n->kids[i], unevaluated);
}

static bool await_after(tr_node_t* n, unsigned from) {
  if (n->end <= from) return false;
  if (n->is_await && n->start >= from) return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (await_after(n->kids[i], from)) return true;
  return false;
}

/* A variably modified typedef with an await later in its block: the
 * resume switch would jump into its scope, which C forbids (a variable of
 * such a type is reported when the frame is laid out). */
static void check_vm_typedefs(check_t* k, tr_node_t* n) {
  if (n->kind == CXCursor_TypedefDecl &&
      tr_live_variably_modified(clang_getTypedefDeclUnderlyingType(n->cur))) {
    tr_node_t* b = n->parent;
    while (b && b->kind != CXCursor_CompoundStmt) b = b->parent;
    if (b && await_after(b, n->end)) {
      CXString s = clang_getCursorSpelling(n->cur);
      error_at(k, n,
               "typedef '%s' of a variable-length array type is in the scope "
               "of an await: the resumed function would jump into its scope; "
               "declare it in a block without awaits",
               clang_getCString(s));
      clang_disposeString(s);
    }
  }
  for (unsigned i = 0; i < n->nkids; i++) check_vm_typedefs(k, n->kids[i]);
}

/* ==================================================================
 * Top level
 * ================================================================== */

typedef struct {
  tr_prog_t* p;
  tr_fn_built_t built; /* tr_shape_collect's hook, or NULL */
  int errors;
  unsigned main_end; /* end of the last main-file declaration seen */
  struct {
    const char* name; /* F of a header's struct asyncc__F_frame */
    long long size, align;
    unsigned from; /* main_end when it was seen */
  } * ext;
  size_t next, ext_cap;
  char** susp; /* F of a header's asyncc__F_suspend */
  size_t nsusp, susp_cap;
  char** park; /* F of a header's asyncc__F_park */
  size_t npark, park_cap;
} top_t;

static bool subtree_has_run(tr_node_t* n) {
  if (n->is_run || n->is_spawn) return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (subtree_has_run(n->kids[i])) return true;
  return false;
}

static bool subtree_has_marker_or_async(tr_prog_t* p, tr_node_t* n) {
  if (n->is_run || n->is_await || n->is_spawn) return true;
  if (n->kind == CXCursor_DeclRefExpr &&
      tr_shape_async_fn(p, clang_getCursorReferenced(n->cur)))
    return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (subtree_has_marker_or_async(p, n->kids[i])) return true;
  return false;
}

static tr_top_t* add_top(tr_prog_t* p, tr_node_t* root, tr_fn_t* fn) {
  tr_top_t* t = tr_alloc(sizeof *t);
  t->root = root;
  t->fn = fn;
  t->end = root->end;
  *p->tops_tail = t;
  p->tops_tail = &t->next;
  return t;
}

static void collect_params(tr_fn_t* fn, tr_node_t* root) {
  /* clang_Cursor_getArgument, not ParmDecl children: those also include
     the parameters of function types in the declarator, e.g. of a
     returned function pointer. */
  int n = clang_Cursor_getNumArguments(root->cur);
  CXType ft = clang_getCursorType(root->cur);
  for (int idx = 0; idx < n; idx++) {
    CXCursor pc = clang_Cursor_getArgument(root->cur, (unsigned)idx);
    tr_local_t* l = tr_alloc(sizeof *l);
    l->decl = pc;
    l->name = tr_cursor_name(pc);
    if (l->name[0] == '\0') l->name = tr_sprintf("asyncc__p%d", idx);
    l->type = clang_getArgType(ft, (unsigned)idx);
    /* An old-style definition's function type has the promoted types
       (int for unsigned char): the frame keeps the declared one, so the
       init function's store converts the argument as the callee would. */
    CXType pt = clang_getUnqualifiedType(clang_getCursorType(pc));
    if (!clang_equalTypes(clang_getCanonicalType(pt),
                          clang_getCanonicalType(l->type)))
      l->type = pt;
    l->is_param = true;
    l->promoted = true;
    l->scope = fn->body;
    for (unsigned i = 0; i < root->nkids; i++)
      if (clang_equalCursors(root->kids[i]->cur, pc)) root->kids[i]->local = l;
    add_local(fn, l);
  }
}

/* Awaits in unevaluated operands are not suspension points: lowering
 * replaces each by a value of its type. */
static void settle_unevaluated(tr_node_t* n) {
  if (n->unevaluated) n->is_await = false;
  n->has_await = n->is_await;
  for (unsigned i = 0; i < n->nkids; i++) {
    settle_unevaluated(n->kids[i]);
    n->has_await |= n->kids[i]->has_await;
  }
}

static void do_function(top_t* t, CXCursor c) {
  tr_prog_t* p = t->p;
  if (!clang_isCursorDefinition(c)) {
    if (!is_async_decl(c)) return;
    tr_fn_t* fn = tr_shape_async_fn(p, c);
    tr_node_t* root = build(p, c, NULL);
    const tr_tu_t* tu = p->tu;
    if (!root->in_file || tr_shape_in_macro(p, root->start, root->end)) return;
    unsigned e = root->end;
    while (e < tu->len && (tu->text[e] == ' ' || tu->text[e] == '\t')) e++;
    if (e >= tu->len || tu->text[e] != ';') return; /* f(void), g(void); */
    tr_top_t* top = add_top(p, root, fn);
    top->proto = true;
    top->end = e + 1;
    return;
  }
  tr_node_t* root = build(p, c, NULL);
  if (!root->in_file) return;
  tr_fn_t* fn = is_async_decl(c) ? tr_shape_async_fn(p, c) : NULL;
  check_t k = {p, fn, 0};
  if (fn) {
    fn->def = c;
    fn->defined_here = true;
    fn->root = root;
    fn->def_start = root->start;
    fn->def_end = root->end;
    for (unsigned i = 0; i < root->nkids; i++)
      if (root->kids[i]->kind == CXCursor_CompoundStmt)
        fn->body = root->kids[i];
    if (strcmp(fn->name, "main") == 0) {
      tr_diag_cursor(TR_ERROR, c,
                     "'main' cannot be an async function: define 'async int "
                     "amain(void)' and 'return asyncc_run(amain());' from "
                     "main");
      k.errors++;
    }
    /* f() without a prototype takes no arguments here: not variadic */
    if (clang_getCursorType(c).kind == CXType_FunctionProto &&
        clang_isFunctionTypeVariadic(clang_getCursorType(c))) {
      tr_diag_cursor(TR_ERROR, c,
                     "variadic async function '%s' is not supported: its "
                     "arguments cannot be kept across a suspension",
                     fn->name);
      k.errors++;
    }
    const char* nul =
        memchr(p->tu->text + root->start, '\0', root->end - root->start);
    if (nul) { /* clang skips it; asyncc's text would end there */
      tr_diag(TR_ERROR,
              clang_getLocationForOffset(p->tu->tu, p->tu->file,
                                         (unsigned)(nul - p->tu->text)),
              "a NUL character in async function '%s' is not supported",
              fn->name);
      k.errors++;
    }
    collect_params(fn, root);
    collect_locals(fn, fn->body);
    for (unsigned i = 0; i < root->nkids; i++)
      if (root->kids[i]->local && root->kids[i]->has_await)
        check_node(&k, root->kids[i], 0); /* an await in a parameter */
    check_node(&k, fn->body, 0);
    check_vm_typedefs(&k, fn->body);
    settle_unevaluated(fn->body);
    if (k.errors) fn->ok = false;
    add_top(p, root, fn);
    if (t->built) t->built(p, fn);
  } else {
    check_node(&k, root, 0);
    if (subtree_has_run(root)) add_top(p, root, NULL);
  }
  t->errors += k.errors;
}

/* A header's 'struct asyncc__F_frame' (with its asyncc__F_init): the
 * runtime's leaves publish their layout so that callers can embed them as
 * they embed the frames of async functions defined in this file. Matched
 * with the functions once all are known (the header may define the struct
 * before declaring F). */
static void note_extern_frame(top_t* t, CXCursor c) {
  char* tag = tr_cursor_name(c);
  size_t n = strlen(tag);
  if (n <= 14 || strncmp(tag, "asyncc__", 8) != 0 ||
      strcmp(tag + n - 6, "_frame") != 0)
    return;
  tag[n - 6] = '\0';
  CXType ty = clang_getCursorType(c);
  if (clang_Type_getSizeOf(ty) <= 0) return;
  t->ext = tr_grow(t->ext, &t->ext_cap, t->next + 1, sizeof *t->ext);
  t->ext[t->next].name = tag + 8;
  t->ext[t->next].size = clang_Type_getSizeOf(ty);
  t->ext[t->next].align = clang_Type_getAlignOf(ty);
  t->ext[t->next++].from = t->main_end;
}

/* A header's asyncc__F_suspend(asyncc_frame_t* awaiting): the leaf F
 * always suspends and is complete when resumed (asyncc/frame.h,
 * ASYNCC__AWAIT_SUSPEND); or asyncc__F_park(asyncc_frame_t* awaiting,
 * F's parameters): an await of F needs no frame (ASYNCC__AWAIT_PARK). */
static void note_leaf_entry(top_t* t, CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  const char* name = clang_getCString(s);
  size_t n = strlen(name);
  if (n > 16 && strncmp(name, "asyncc__", 8) == 0 &&
      strcmp(name + n - 8, "_suspend") == 0 &&
      clang_Cursor_getNumArguments(c) == 1) {
    t->susp = tr_grow(t->susp, &t->susp_cap, t->nsusp + 1, sizeof *t->susp);
    t->susp[t->nsusp++] = tr_strndup(name + 8, n - 16);
  } else if (n > 13 && strncmp(name, "asyncc__", 8) == 0 &&
             strcmp(name + n - 5, "_park") == 0) {
    t->park = tr_grow(t->park, &t->park_cap, t->npark + 1, sizeof *t->park);
    t->park[t->npark++] = tr_strndup(name + 8, n - 13);
  }
  clang_disposeString(s);
}

static void match_extern_frames(top_t* t) {
  for (size_t i = 0; i < t->next; i++)
    for (tr_fn_t* fn = t->p->fns; fn; fn = fn->next)
      if (!fn->defined_here && strcmp(fn->name, t->ext[i].name) == 0) {
        fn->frame_extern = true;
        fn->frame_size = t->ext[i].size;
        fn->frame_align = t->ext[i].align;
        fn->frame_from = t->ext[i].from;
        for (size_t k = 0; k < t->nsusp; k++)
          if (strcmp(fn->name, t->susp[k]) == 0 &&
              clang_Cursor_getNumArguments(fn->decl) == 0 && !fn->ret_void)
            fn->leaf_suspend = true;
        for (size_t k = 0; k < t->npark; k++)
          if (strcmp(fn->name, t->park[k]) == 0 && !fn->ret_void)
            fn->leaf_park = true;
      }
}

/* Members of a file-scope struct or union (nested ones too) marked async. */
static enum CXChildVisitResult find_misplaced_async(CXCursor c, CXCursor parent,
                                                    CXClientData data) {
  (void)parent;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_FieldDecl && has_async_attr(c)) misplaced_async(c, data);
  if (k == CXCursor_StructDecl || k == CXCursor_UnionDecl)
    return CXChildVisit_Recurse;
  return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent,
                                         CXClientData data) {
  (void)parent;
  top_t* t = data;
  /* the macro definitions and expansions of every header: nothing here */
  if (clang_isPreprocessing(clang_getCursorKind(c)))
    return CXChildVisit_Continue;
  CXFile f;
  unsigned off;
  clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f, NULL,
                        NULL, &off);
  int in_main = f && clang_File_isEqual(f, t->p->tu->file);
  if (in_main && clang_isDeclaration(clang_getCursorKind(c)))
    tr_tu_offset(t->p->tu, clang_getRangeEnd(clang_getCursorExtent(c)),
                 &t->main_end);
  else if (clang_getCursorKind(c) == CXCursor_StructDecl &&
           clang_isCursorDefinition(c))
    note_extern_frame(t, c);
  if (clang_getCursorKind(c) == CXCursor_FunctionDecl) {
    if (in_main) {
      do_function(t, c);
    } else if (!is_async_decl(c)) {
      note_leaf_entry(t, c);
    } else {
      if (clang_isCursorDefinition(c)) {
        tr_diag_cursor(TR_ERROR, c,
                       "async function '%s' is defined in an included file; "
                       "define it in a .c file that asyncc transpiles",
                       tr_cursor_name(c));
        t->errors++;
      }
      tr_shape_async_fn(t->p, c);
    }
  } else if (in_main && (clang_getCursorKind(c) == CXCursor_StructDecl ||
                         clang_getCursorKind(c) == CXCursor_UnionDecl ||
                         clang_getCursorKind(c) == CXCursor_TypedefDecl)) {
    clang_visitChildren(c, find_misplaced_async, &t->errors);
    if (has_async_attr(c)) misplaced_async(c, &t->errors);
  } else if (in_main && clang_getCursorKind(c) == CXCursor_VarDecl) {
    if (has_async_attr(c)) misplaced_async(c, &t->errors);
    tr_node_t* root = build(t->p, c, NULL);
    if (subtree_has_marker_or_async(t->p, root)) {
      check_t k = {t->p, NULL, 0};
      check_node(&k, root, 0);
      t->errors += k.errors;
    }
  }
  return CXChildVisit_Continue;
}

static CXCursor kw_def[4]; /* is_keyword's definitions, once checked */

/* Whether macro expansion 'c' is of a keyword of asyncc/lang.h. */
static bool is_keyword(CXCursor c) {
  static const char* const kw[] = {"await", "asyncc_run", "asyncc_spawn",
                                   "async"};
  CXString s = clang_getCursorSpelling(c);
  const char* name = clang_getCString(s);
  size_t k = 0;
  while (k < 4 && strcmp(name, kw[k]) != 0) k++;
  clang_disposeString(s);
  if (k == 4) return false;
  CXCursor def = clang_getCursorReferenced(c);
  if (clang_equalCursors(def, kw_def[k])) return true;
  CXFile f;
  clang_getFileLocation(clang_getCursorLocation(def), &f, NULL, NULL, NULL);
  CXString fn = clang_getFileName(f);
  const char* path = clang_getCString(fn);
  size_t n = path ? strlen(path) : 0;
  bool ours = n >= 14 && strcmp(path + n - 14, "/asyncc/lang.h") == 0;
  clang_disposeString(fn);
  if (ours) kw_def[k] = def;
  return ours;
}

/* Records the invocation range [s, e] of expansion 'c' for span_of(), or
 * widens the one it lies in (a macro in another's argument). */
static void add_span(tr_prog_t* p, CXCursor c, unsigned s, unsigned e) {
  tr_span_t* last = p->nspans ? &p->spans[p->nspans - 1] : NULL;
  if (last && s <= last->end) {
    if (s < last->start) p->spans_unsorted = true;
    if (e > last->end) last->end = e;
    last->plain = false;
    return;
  }
  p->spans = tr_grow(p->spans, &p->spans_cap, p->nspans + 1, sizeof *last);
  p->spans[p->nspans].start = s;
  p->spans[p->nspans].end = e;
  p->spans[p->nspans++].plain = is_keyword(c);
}

static enum CXChildVisitResult visit_macro(CXCursor c, CXCursor parent,
                                           CXClientData data) {
  (void)parent;
  tr_prog_t* p = data;
  if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
    return CXChildVisit_Continue;
  CXSourceRange r = clang_getCursorExtent(c);
  unsigned s, e;
  /* most expansions are in headers: nothing of theirs is recorded */
  if (!tr_tu_offset(p->tu, clang_getRangeStart(r), &s))
    return CXChildVisit_Continue;
  bool in_file = tr_tu_offset(p->tu, clang_getRangeEnd(r), &e);
  if (in_file) add_span(p, c, s, e);
  char* name = tr_cursor_name(c);
  if (strcmp(name, "await") == 0) {
    unsigned off;
    CXSourceLocation l = clang_getCursorLocation(c);
    if (loc_is_spelled(l) && tr_tu_offset(p->tu, l, &off)) {
      size_t cap = p->awaits_cap;
      p->awaits =
          tr_grow(p->awaits, &p->awaits_cap, p->nawaits + 1, sizeof(unsigned));
      p->await_seen =
          tr_grow(p->await_seen, &cap, p->nawaits + 1, sizeof(bool));
      p->awaits[p->nawaits] = off;
      p->await_seen[p->nawaits++] = false;
    }
  }
  if (strcmp(name, "await") == 0 || strcmp(name, "asyncc_run") == 0 ||
      strcmp(name, "async") == 0 || strcmp(name, "asyncc_spawn") == 0)
    return CXChildVisit_Continue;
  if (!in_file) return CXChildVisit_Continue;
  p->macros =
      tr_grow(p->macros, &p->macros_cap, p->nmacros + 1, sizeof(tr_macro_t));
  p->macros[p->nmacros].start = s;
  p->macros[p->nmacros].end = e;
  p->macros[p->nmacros].name = name;
  p->macros[p->nmacros].cur = c;
  p->macros[p->nmacros].stringizes = -1;
  p->nmacros++;
  return CXChildVisit_Continue;
}

int tr_shape_collect(tr_prog_t* p, tr_tu_t* tu, tr_fn_built_t built) {
  memset(p, 0, sizeof *p);
  memset(&memo, 0, sizeof memo); /* cursors of a previous TU are stale */
  memset(&fn_index, 0, sizeof fn_index);
  memset(kw_def, 0, sizeof kw_def);
  memset(loc_cache, 0, sizeof loc_cache); /* a previous TU's locations */
  memset(&kwp, 0, sizeof kwp);
  p->fns_tail = &p->fns;
  p->tops_tail = &p->tops;
  p->first_pack = -2;
  p->tu = tu;
  clang_visitChildren(clang_getTranslationUnitCursor(tu->tu), visit_macro, p);
  top_t t = {p, built, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0};
  clang_visitChildren(clang_getTranslationUnitCursor(tu->tu), visit_top, &t);
  free(kid_stack);
  kid_stack = NULL;
  kid_cap = 0;
  free(open_stack);
  open_stack = NULL;
  open_cap = 0;
  match_extern_frames(&t);
  for (tr_fn_t* fn = p->fns; fn; fn = fn->next)
    if (fn->is_static && fn->used && !fn->defined_here) {
      /* else the output fails to link, naming asyncc__F_start */
      tr_diag_cursor(TR_ERROR, fn->decl,
                     "static async function '%s' is used but never defined",
                     fn->name);
      t.errors++;
    }
  /* An await the trees never reached sits in a type (typeof) or another
     operand that is never evaluated. */
  for (size_t i = 0; i < p->nawaits; i++)
    if (!p->await_seen[i]) {
      tr_diag(TR_ERROR,
              clang_getLocationForOffset(tu->tu, tu->file, p->awaits[i]),
              "'await' in an unevaluated operand (typeof, sizeof, "
              "_Alignof or an unselected _Generic association): the call "
              "would never run");
      t.errors++;
    }
  return t.errors ? -1 : 0;
}

/* ==================================================================
 * Macro expansion
 * ================================================================== */

/* The outermost macro invocation wholly containing [start, end). */
static tr_macro_t* outermost_macro(tr_prog_t* p, unsigned start, unsigned end) {
  tr_macro_t* best = NULL;
  for (size_t i = 0; i < p->nmacros; i++) {
    tr_macro_t* m = &p->macros[i];
    if (m->start <= start && end <= m->end &&
        (!best || m->end - m->start > best->end - best->start))
      best = m;
  }
  return best;
}

typedef struct {
  tr_prog_t* p;
  tr_macro_t** want; /* macros to expand */
  size_t n, cap;
} expand_t;

static void want_macro(expand_t* x, tr_macro_t* m) {
  for (size_t i = 0; i < x->n; i++)
    if (x->want[i] == m) return;
  x->want = tr_grow(x->want, &x->cap, x->n + 1, sizeof *x->want);
  x->want[x->n++] = m;
}

/* What macro invocation 'm''s definition does, as bits: 1 it turns an
 * argument into a string (#x), 2 it names the function (__func__). */
static int macro_traits(tr_prog_t* p, tr_macro_t* m) {
  if (m->stringizes >= 0) return m->stringizes;
  m->stringizes = 0;
  CXCursor def = clang_getCursorReferenced(m->cur);
  if (clang_Cursor_isNull(def)) return 0;
  CXToken* toks = NULL;
  unsigned n = 0;
  clang_tokenize(p->tu->tu, clang_getCursorExtent(def), &toks, &n);
  for (unsigned i = 0; i < n; i++) {
    CXString s = clang_getTokenSpelling(p->tu->tu, toks[i]);
    const char* t = clang_getCString(s);
    if (strcmp(t, "#") == 0) m->stringizes |= 1;
    if (strcmp(t, "__func__") == 0 || strcmp(t, "__FUNCTION__") == 0)
      m->stringizes |= 2;
    clang_disposeString(s);
  }
  clang_disposeTokens(p->tu->tu, toks, n);
  return m->stringizes;
}

static bool macro_stringizes(tr_prog_t* p, tr_macro_t* m) {
  return (macro_traits(p, m) & 1) != 0;
}

/* A macro whose body names __func__ (a logging macro): in the resume
 * function it would name asyncc__f_resume, so the function is expanded,
 * and the lowering rewrites the now spelled __func__ to "f". (Not
 * __PRETTY_FUNCTION__: glibc's assert names it, and expanding every
 * function with an assert would cost their formatting for a message.) */
static void want_func_macros(expand_t* x, tr_node_t* body) {
  tr_prog_t* p = x->p;
  size_t lo = 0, hi = p->nmacros; /* recorded in file order */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (p->macros[mid].start < body->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < p->nmacros && p->macros[i].start < body->end; i++)
    if (p->macros[i].end <= body->end && (macro_traits(p, &p->macros[i]) & 2))
      want_macro(x, outermost_macro(p, p->macros[i].start, p->macros[i].end));
}

/* A kept variable spelled in the argument of a macro that stringizes it
 * (assert(x > 0) prints "x > 0"): rewriting the argument's text would
 * change the string, so the macro is expanded instead. */
static void want_stringizing_macro(expand_t* x, tr_node_t* n) {
  for (size_t i = 0; i < x->p->nmacros; i++) {
    tr_macro_t* m = &x->p->macros[i];
    if (m->start <= n->start && n->end <= m->end && macro_stringizes(x->p, m)) {
      want_macro(x, outermost_macro(x->p, n->start, n->end));
      return;
    }
  }
}

static void find_macro_uses(expand_t* x, tr_node_t* n) {
  if (!n->in_file) return;
  if (n->kind == CXCursor_DeclRefExpr && n->spelled && n->local &&
      n->local->promoted)
    want_stringizing_macro(x, n);
  bool rewritten =
      n->is_await || n->is_run || n->is_spawn ||
      n->kind == CXCursor_ReturnStmt || n->kind == CXCursor_DeclStmt ||
      n->kind == CXCursor_VarDecl || n->kind == CXCursor_ContinueStmt ||
      n->kind == CXCursor_ForStmt || n->kind == CXCursor_CompoundLiteralExpr ||
      (n->kind == CXCursor_DeclRefExpr && n->local && !n->spelled);
  if (rewritten) {
    tr_macro_t* m = outermost_macro(x->p, n->start, n->end);
    if (m && (n->has_await || n->kind == CXCursor_ReturnStmt ||
              n->kind == CXCursor_DeclRefExpr ||
              n->kind == CXCursor_CompoundLiteralExpr ||
              n->kind == CXCursor_DeclStmt || n->kind == CXCursor_VarDecl ||
              n->is_spawn || n->is_run || n->kind == CXCursor_ContinueStmt))
      want_macro(x, m);
  }
  if (n->is_await || n->is_run || n->is_spawn) {
    if (n->call) find_macro_uses(x, n->call);
    return;
  }
  for (unsigned i = 0; i < n->nkids; i++) find_macro_uses(x, n->kids[i]);
}

/* The pretty-printed definition of function 'n', with all macros
 * expanded, fitted into exactly 'lines' + 1 lines so that every later
 * line of the file keeps its number: extra printed lines are joined onto
 * the last one, missing ones padded. (libclang prints declarations only,
 * so a whole function is the smallest unit it can expand.) */
static bool is_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* The names of the function-like macros expanded in 'root': one left in
 * its printed expansion refers to itself (#define g(v) (n++, g(v))). */
typedef struct {
  char** v;
  size_t n, cap;
} fnlike_t;

static fnlike_t fn_like_macros(const tr_prog_t* p, const tr_node_t* root) {
  fnlike_t f = {NULL, 0, 0};
  for (size_t i = 0; i < p->nmacros; i++) {
    const tr_macro_t* m = &p->macros[i];
    if (m->start < root->start || m->end > root->end ||
        !clang_Cursor_isMacroFunctionLike(clang_getCursorReferenced(m->cur)))
      continue;
    f.v = tr_grow(f.v, &f.cap, f.n + 1, sizeof(char*));
    f.v[f.n++] = m->name;
  }
  return f;
}

/* Whether the identifier at 't' ('len' bytes) is one of 'f' and followed
 * by '(' (an invocation if the text is parsed again). */
static bool invokes(const char* t, size_t len, const fnlike_t* f) {
  const char* a = t + len;
  while (*a == ' ') a++;
  if (*a != '(') return false;
  for (size_t i = 0; i < f->n; i++)
    if (strlen(f->v[i]) == len && strncmp(f->v[i], t, len) == 0) return true;
  return false;
}

static char* print_fitted(tr_node_t* n, unsigned lines, const fnlike_t* fl) {
  CXPrintingPolicy pol = clang_getCursorPrintingPolicy(n->cur);
  CXString s = clang_getCursorPrettyPrinted(n->cur, pol);
  clang_PrintingPolicy_dispose(pol);
  const char* t = clang_getCString(s);
  size_t len = strlen(t);
  while (len && (t[len - 1] == '\n' || t[len - 1] == ' ')) len--;
  tr_buf_t b;
  tr_buf_init(&b);
  unsigned nl = 0;
  char quote = 0; /* inside a string or character literal */
  for (size_t i = 0; i < len; i++) {
    if (quote) {
      if (t[i] == '\\' && i + 1 < len)
        tr_buf_putc(&b, t[i++]);
      else if (t[i] == quote)
        quote = 0;
    } else if (t[i] == '\'' && (i == 0 || !is_ident_char(t[i - 1])) &&
               t[i + 1] == '\\' && (t[i + 2] == 'u' || t[i + 2] == 'U')) {
      /* a plain character constant whose int value does not fit a char
       * ('ab' is 0x6162) is printed as '\u6162', which means something
       * else: print the value (the constant's type is int anyway) */
      size_t j = i + 3;
      while (j < len && isxdigit((unsigned char)t[j])) j++;
      if (j < len && t[j] == '\'' && j > i + 3) {
        tr_buf_puts(&b, "0x");
        tr_buf_add(&b, t + i + 3, j - (i + 3));
        i = j;
        continue;
      }
      quote = t[i];
    } else if (t[i] == '"' || t[i] == '\'') {
      quote = t[i];
    } else if (t[i] == ',' && (strncmp(t + i, ", _Alignas(", 11) == 0 ||
                               strncmp(t + i, ", _Atomic() ", 12) == 0)) {
      /* the printer repeats a declaration's _Alignas before each later
         declarator, or empties its _Atomic there: both belong to the
         declaration's specifiers, which the first declarator has */
      size_t j = i + 2, depth = 0;
      for (; j < len; j++) {
        if (t[j] == '(') depth++;
        if (t[j] == ')' && --depth == 0) break;
      }
      tr_buf_puts(&b, ", ");
      i = j + 1;
      while (i + 1 < len && t[i + 1] == ' ') i++;
      continue;
    } else if (!quote && (i == 0 || !is_ident_char(t[i - 1]))) {
      /* the printer spells C11's and GNU's keywords as C23's */
      static const char* const kw[][2] = {{"static_assert", "_Static_assert"},
                                          {"typeof", "__typeof__"},
                                          {"alignof", "_Alignof"},
                                          {"alignas", "_Alignas"}};
      size_t j = 0, kn = 0;
      for (; j < sizeof kw / sizeof kw[0]; j++) {
        kn = strlen(kw[j][0]);
        if (strncmp(t + i, kw[j][0], kn) == 0 && !is_ident_char(t[i + kn]))
          break;
      }
      if (j < sizeof kw / sizeof kw[0]) {
        tr_buf_puts(&b, kw[j][1]);
        i += kn - 1;
        continue;
      }
      /* a self-referential function-like macro's name left in the
         expansion would be expanded again when asyncc parses the printed
         text: (g)(x) calls g as g(x) does, but invokes no macro */
      size_t il = 0;
      while (i + il < len && is_ident_char(t[i + il])) il++;
      bool member = i && (t[i - 1] == '.' || t[i - 1] == '>');
      if (il && !isdigit((unsigned char)t[i]) && !member &&
          invokes(t + i, il, fl)) {
        tr_buf_printf(&b, "(%.*s)", (int)il, t + i);
        i += il - 1;
        continue;
      }
      /* and an asm statement with GNU C's 'asm', which a strict -std
         lacks; 'asm' followed by a space and one of these is no call */
      if (strncmp(t + i, "asm ", 4) == 0 &&
          (t[i + 4] == '(' || strncmp(t + i + 4, "volatile", 8) == 0 ||
           strncmp(t + i + 4, "goto", 4) == 0 ||
           strncmp(t + i + 4, "inline", 6) == 0)) {
        tr_buf_puts(&b, "__asm__");
        i += 2;
        continue;
      }
    }
    if (t[i] == '\n') {
      if (nl < lines) {
        tr_buf_putc(&b, '\n');
        nl++;
      } else {
        tr_buf_putc(&b, ' ');
        while (i + 1 < len && t[i + 1] == ' ') i++;
      }
      continue;
    }
    tr_buf_putc(&b, t[i]);
  }
  for (; nl < lines; nl++) tr_buf_putc(&b, '\n');
  clang_disposeString(s);
  return tr_buf_take(&b);
}

/* The directives inside [start, end) that still matter after it (#define,
 * #undef, #pragma, with the conditionals around them) as one line each:
 * the printed function has lost them. Returns how many. */
static unsigned body_directives(const tr_tu_t* tu, unsigned start, unsigned end,
                                tr_buf_t* out) {
  unsigned n = 0;
  for (unsigned i = tr_tu_line(tu, start); i < tu->nlines; i++) {
    const char* q = tu->text + tu->line_start[i];
    const char* e = tu->text + end;
    if (q >= e) break;
    while (q < e && (*q == ' ' || *q == '\t')) q++;
    if (q >= e || *q != '#') continue;
    const char* w = q + 1;
    while (w < e && (*w == ' ' || *w == '\t')) w++;
    /* an #include is in the printed text already; #line is the input's */
    if (strncmp(w, "include", 7) == 0 || strncmp(w, "line", 4) == 0 ||
        (*w >= '0' && *w <= '9'))
      continue;
    tr_buf_putc(out, '\n');
    for (; q < e && *q != '\n'; q++) {
      if (*q == '\\' && q + 1 < e && q[1] == '\n') { /* continuation */
        q++;
        i++;
        continue;
      }
      tr_buf_putc(out, *q);
    }
    n++;
  }
  return n;
}

/* Function 'root' printed with its macros expanded, in exactly 'lines' + 1
 * lines; its directives follow it (or precede it, if text follows it on
 * its last line), so they keep their effect on the rest of the file. */
static void put_expanded(tr_prog_t* p, tr_node_t* root, unsigned lines,
                         tr_buf_t* b) {
  fnlike_t fl = fn_like_macros(p, root);
  tr_buf_t d;
  tr_buf_init(&d);
  unsigned n = body_directives(p->tu, root->start, root->end, &d);
  if (n == 0 || n > lines) {
    tr_buf_puts(b, print_fitted(root, lines, &fl));
    tr_buf_free(&d);
    return;
  }
  const char* rest = p->tu->text + root->end;
  while (*rest == ' ' || *rest == '\t') rest++;
  if (*rest == '\n' || *rest == '\0' || rest == p->tu->text + p->tu->len) {
    tr_buf_puts(b, print_fitted(root, lines - n, &fl));
    tr_buf_add(b, d.data, d.len);
  } else {
    tr_buf_add(b, d.data + 1, d.len - 1); /* no leading '\n' */
    tr_buf_putc(b, '\n');
    tr_buf_puts(b, print_fitted(root, lines - n, &fl));
  }
  tr_buf_free(&d);
}

void tr_shape_plan_expansion(tr_prog_t* p, tr_fn_t* fn) {
  expand_t x = {p, NULL, 0, 0};
  find_macro_uses(&x, fn->body);
  want_func_macros(&x, fn->body);
  fn->wants_expansion = x.n != 0;
}

char* tr_shape_expand_macros(tr_prog_t* p, size_t* len) {
  tr_buf_t b;
  tr_buf_init(&b);
  unsigned pos = 0;
  bool any = false;
  for (tr_top_t* t = p->tops; t; t = t->next) {
    if (!t->fn || !t->fn->body || !t->fn->wants_expansion) continue;
    any = true;
    t->fn->expanded = true;
    unsigned lines = 0;
    for (unsigned k = t->root->start; k < t->root->end; k++)
      if (p->tu->text[k] == '\n') lines++;
    tr_buf_add(&b, p->tu->text + pos, t->root->start - pos);
    put_expanded(p, t->root, lines, &b);
    pos = t->root->end;
  }
  if (!any) {
    tr_buf_free(&b);
    return NULL;
  }
  tr_buf_add(&b, p->tu->text + pos, p->tu->len - pos);
  *len = b.len;
  return tr_buf_take(&b);
}
