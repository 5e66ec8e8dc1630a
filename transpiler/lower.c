/* lower.c - LOWER: an async function's body becomes the body of its
 * resume function.
 *
 * The structure of the user's code is kept: statements without an await
 * are copied (with promoted locals rewritten to frame fields), loops and
 * ifs stay loops and ifs, and the resume function's dispatch switch jumps
 * with goto to a label placed right after each suspension. That is legal
 * C because every local whose scope contains a label lives in the frame
 * (live.c), so no jump skips an initialization the code depends on.
 *
 * What is restructured (regenerator's emit.js "explode"):
 * - an expression containing awaits is split into statements that run the
 *   awaits in order, plus a residual expression; operands to the left of
 *   an await that could change while suspended are spilled to temporaries
 *   first (C leaves this order unspecified; asyncc goes left to right);
 *   &&, || and ?: become ifs so the awaited call runs only when C would
 *   evaluate it;
 * - a loop whose condition or increment contains an await becomes
 *   for (;;) with the condition tested inside, and continue statements
 *   that must reach the increment or condition become gotos (leap.js);
 * - return stores the value in the frame and returns ASYNCC_DONE.
 */
#include "lower.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "frame.h"

typedef struct {
  CXType type;
  char* local; /* declaration as a local of the resume function */
  char* field; /* declaration as a frame field */
  bool crosses;
  bool bits; /* a wide bit-field's value: member 'v' of a struct */
} temp_t;

typedef struct {
  tr_prog_t* p;
  const tr_tu_t* tu;
  tr_fn_t* fn;
  tr_edits_t* ed;
  int nstates;       /* resume points so far */
  tr_buf_t dispatch; /* the dispatch switch's cases */
  temp_t* temps;
  size_t ntemps, tcap;
  int nconts; /* continue labels so far */
  struct {
    char* decl; /* the frame field's declaration */
    CXType type;
  } * literals; /* hoisted compound literals (asyncc__clN) */
  size_t lit_cap;
  tr_buf_t types;      /* block-scope type declarations moved to file scope */
  tr_fn_t* embeds[64]; /* callees whose frames live in asyncc__u */
  unsigned* await_at;  /* byte offset of each state's await */
  size_t await_cap;
  int nembeds;
  bool heap_child; /* some await uses a heap frame (asyncc__c) */
  int nliterals;
  int nuntagged; /* untagged types of the body given a tag so far */
  const char* indent;
  int errors;
  struct member_s* members; /* the frame's, once laid out (frame_members) */
  size_t nmembers;
} lower_t;

#define F "asyncc__f->"

/* ==================================================================
 * Helpers
 * ================================================================== */

static void error_at(lower_t* L, tr_node_t* n, const char* msg) {
  tr_diag_cursor(TR_ERROR, n->cur, "%s", msg);
  L->errors++;
}

static char* render(lower_t* L, unsigned start, unsigned end) {
  return tr_edit_text(L->ed, start, end);
}

static char* render_node(lower_t* L, tr_node_t* n) {
  return render(L, n->start, n->end);
}

static unsigned skip_space(const tr_tu_t* tu, unsigned pos) {
  const char* t = tu->text;
  while (pos < tu->len) {
    if (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r' ||
        t[pos] == '\f' || t[pos] == '\v') {
      pos++;
    } else if (t[pos] == '/' && pos + 1 < tu->len && t[pos + 1] == '*') {
      char* e = strstr(t + pos + 2, "*/");
      pos = e ? (unsigned)(e - t) + 2 : (unsigned)tu->len;
    } else if (t[pos] == '/' && pos + 1 < tu->len && t[pos + 1] == '/') {
      while (pos < tu->len && t[pos] != '\n') pos++;
    } else if (t[pos] == '\\' && pos + 1 < tu->len && t[pos + 1] == '\n') {
      pos += 2;
    } else {
      break;
    }
  }
  return pos;
}

static tr_node_t* last_kid(tr_node_t* n) {
  return n->nkids ? n->kids[n->nkids - 1] : NULL;
}

/* The end of statement 'n' including the ';' that ends it: libclang's
 * extents of expression statements, return, break, continue, goto and
 * do-while exclude the ';'. */
static unsigned stmt_end(lower_t* L, tr_node_t* n) {
  switch (n->kind) {
    case CXCursor_CompoundStmt:
    case CXCursor_DeclStmt:
      return n->end;
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: {
      tr_node_t* k = last_kid(n);
      return k ? stmt_end(L, k) : n->end;
    }
    default: {
      if (n->end > 0 && L->tu->text[n->end - 1] == ';') return n->end;
      unsigned p = skip_space(L->tu, n->end);
      if (p < L->tu->len && L->tu->text[p] == ';') return p + 1;
      return n->end;
    }
  }
}

static char* line_indent(lower_t* L, unsigned off) {
  unsigned line = tr_tu_line(L->tu, off);
  unsigned s = L->tu->line_start[line - 1], e = s;
  while (e < L->tu->len && (L->tu->text[e] == ' ' || L->tu->text[e] == '\t'))
    e++;
  return tr_strndup(L->tu->text + s, e - s);
}

/* Appends a generated statement and the newline + indentation after it. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
gen(lower_t* L, tr_buf_t* out, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  tr_buf_puts(out, TR_GEN);
  tr_buf_vprintf(out, fmt, ap);
  va_end(ap);
  tr_buf_printf(out, "\n%s", L->indent);
}

/* Drops the newline and indentation gen() left after the last statement,
 * where the original text supplies its own. */
static void trim_tail(tr_buf_t* b) {
  size_t n = b->len;
  while (n > 0 && (b->data[n - 1] == ' ' || b->data[n - 1] == '\t')) n--;
  if (n > 0 && b->data[n - 1] == '\n') {
    b->len = n - 1;
    b->data[b->len] = '\0';
  }
}

/* Prefix for a residual whose value is discarded: an await's residual is
 * a bare frame field read, which compilers flag as having no effect. */
static const char* discard(tr_node_t* n) {
  n = tr_node_strip(n);
  return n && n->is_await ? "(void)" : "";
}

static char* temp_ref(int id) { return tr_sprintf("\003%d\004", id); }

static int new_temp(lower_t* L, CXType t, tr_node_t* where) {
  const char* why = NULL;
  int id = (int)L->ntemps;
  char* name = tr_sprintf("asyncc__t%d", id);
  char* local = tr_frame_declarator(t, name, true, &why);
  if (!local) {
    tr_diag_cursor(TR_ERROR, where->cur,
                   "cannot keep the value of this expression across an "
                   "await: its type is %s",
                   why ? why : "not expressible");
    L->errors++;
    local = tr_sprintf("int %s", name);
  }
  L->temps = tr_grow(L->temps, &L->tcap, L->ntemps + 1, sizeof(temp_t));
  temp_t* tp = &L->temps[L->ntemps++];
  tp->type = t;
  tp->local = local;
  tp->field = local;
  tp->crosses = false;
  tp->bits = false;
  return id;
}

/* The width of the bit-field 'n' reads, when its declared type is wider
 * than int and the field narrower than its type; else 0. GCC gives such a
 * field a type of its own width (arithmetic on 'unsigned long long b : 40'
 * wraps at 2^40), clang the declared type: a temporary that is the same
 * bit-field computes as the source does under either. */
static int wide_bitfield_width(tr_node_t* n) {
  tr_node_t* s = tr_node_strip(n);
  if (s->kind != CXCursor_MemberRefExpr) return 0;
  CXCursor f = clang_getCursorReferenced(s->cur);
  if (clang_getCursorKind(f) != CXCursor_FieldDecl ||
      !clang_Cursor_isBitField(f))
    return 0;
  int w = clang_getFieldDeclBitWidth(f);
  long long size = clang_Type_getSizeOf(clang_getCursorType(f));
  return size > (long long)sizeof(int) && w > 0 && w < size * 8 ? w : 0;
}

static CXType node_type(tr_node_t* n) { return clang_getCursorType(n->cur); }

static bool type_is_array(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
         t.kind == CXType_VariableArray;
}

/* A GNU vector: subscripting one names an element of the object itself
 * (no decay to a pointer), as for an array. */
static bool type_is_vector(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_Vector || t.kind == CXType_ExtVector;
}

static bool has_const_member(CXType t);

static enum CXVisitorResult const_field(CXCursor c, CXClientData found) {
  if (has_const_member(clang_getCursorType(c))) {
    *(bool*)found = true;
    return CXVisit_Break;
  }
  return CXVisit_Continue;
}

/* Whether 't' (or an element or member of it, at any depth) is const: a
 * struct with a const member can be initialized but not assigned. */
static bool has_const_member(CXType t) {
  t = clang_getCanonicalType(t);
  while (type_is_array(t)) {
    if (clang_isConstQualifiedType(t)) return true;
    t = clang_getCanonicalType(clang_getArrayElementType(t));
  }
  if (clang_isConstQualifiedType(t)) return true;
  bool found = false;
  if (t.kind == CXType_Record) clang_Type_visitFields(t, const_field, &found);
  return found;
}

/* "lhs = val" for an object of type 't' that is stored once per value
 * (a frame field, a temporary); a struct with a const member is copied in
 * from a one-element compound literal instead, which C allows. */
static char* store(CXType t, const char* lhs, const char* val) {
  CXType u = clang_getCanonicalType(t);
  if (u.kind == CXType_Record && has_const_member(u)) {
    char* one = tr_frame_declarator(t, "[1]", false, NULL);
    if (one)
      return tr_sprintf("memcpy(&%s, (%s){%s}, sizeof %s)", lhs, one, val, lhs);
  }
  return tr_sprintf("%s = %s", lhs, val);
}

static bool type_is_void(CXType t) {
  return clang_getCanonicalType(t).kind == CXType_Void;
}

static bool type_is_function(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
}

/* Expression children, in C's evaluation order where it has one (the
 * order libclang lists them, which is source order). */
static int expr_kids(tr_node_t* n, tr_node_t** out, int max) {
  int k = 0;
  unsigned i = 0;
  if ((n->kind == CXCursor_CStyleCastExpr ||
       n->kind == CXCursor_CompoundLiteralExpr) &&
      n->nkids > 1)
    i = n->nkids - 1; /* the others are the type's: (__typeof__(e))x */
  for (; i < n->nkids && k < max; i++)
    if (clang_isExpression(n->kids[i]->kind)) out[k++] = n->kids[i];
  return k;
}

/* All the operands of 'n' (an arena array, as many as there are: a call
 * or an initializer list may have hundreds, and explode recurses, so no
 * fixed array on the stack). */
static tr_node_t** expr_kid_list(tr_node_t* n, int* nk) {
  tr_node_t** k = tr_alloc((n->nkids ? n->nkids : 1) * sizeof *k);
  *nk = expr_kids(n, k, (int)n->nkids);
  return k;
}

/* ==================================================================
 * Expressions (explode)
 * ================================================================== */

static void explode(lower_t* L, tr_node_t* n, tr_buf_t* out, bool stable);
static bool hoist_literal(lower_t* L, tr_node_t* n, tr_buf_t* out);
static const char* align_spec(lower_t* L, const tr_local_t* l,
                              long long* align);

/* Values that cannot change while the function is suspended. */
static bool is_stable(tr_node_t* n) {
  for (;;) {
    if (n->is_await || n->is_run) return false;
    if ((n->kind == CXCursor_ParenExpr || n->kind == CXCursor_UnexposedExpr) &&
        n->nkids == 1) {
      n = n->kids[0];
      continue;
    }
    break;
  }
  switch (n->kind) {
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
    case CXCursor_ImaginaryLiteral:
    case CXCursor_UnaryExpr: /* sizeof, _Alignof */
      return true;
    case CXCursor_DeclRefExpr: {
      enum CXCursorKind rk =
          clang_getCursorKind(clang_getCursorReferenced(n->cur));
      if (rk == CXCursor_EnumConstantDecl || rk == CXCursor_FunctionDecl)
        return true;
      return type_is_array(node_type(n)); /* arrays decay to addresses */
    }
    default:
      return false;
  }
}

/* Replaces 'n' by a temporary holding its value, computed now. */
static bool member_is_arrow(tr_node_t* base);

/* The struct value (not an object) whose array member 'n' names
 * (await(f()).a.s, g().s): the decayed pointer points into C's temporary,
 * which lives to the end of the full expression; asyncc's stand-in (an
 * embedded callee's result, reused by the next await, or a value of the
 * resume function, gone at a suspension) does not, so the struct itself
 * is what must be kept. */
static tr_node_t* awaited_array_owner(tr_node_t* n) {
  tr_node_t* s = tr_node_strip(n);
  if (s->kind != CXCursor_MemberRefExpr || !type_is_array(node_type(s)))
    return NULL;
  while (s->kind == CXCursor_MemberRefExpr && s->nkids &&
         !member_is_arrow(s->kids[0]))
    s = tr_node_strip(s->kids[0]);
  if (s->is_await) return s;
  switch (s->kind) { /* struct rvalues */
    case CXCursor_CallExpr:
    case CXCursor_ConditionalOperator:
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
      return s;
    default:
      return NULL;
  }
}

/* Copies awaited struct 'owner' into a temporary kept in the frame: the
 * pointer an array member decays to may be used after a later await of
 * the same full expression (an awaited callee may read through it after
 * it suspended), as long as C's temporary lives. */
static void keep_array_owner(lower_t* L, tr_node_t* owner, tr_buf_t* out) {
  if (owner->kept) return;
  owner->kept = true;
  int id = new_temp(L, node_type(owner), owner);
  L->temps[id].crosses = true;
  gen(L, out, "%s = (%s);", temp_ref(id), render_node(L, owner));
  tr_edit_replace(L->ed, owner->start, owner->end, temp_ref(id));
}

/* Keeps every awaited struct that 'n' points into through a decayed
 * array member (an argument of an awaited call). */
static void keep_array_owners(lower_t* L, tr_node_t* n, tr_buf_t* out) {
  tr_node_t* owner = awaited_array_owner(n);
  if (owner) {
    keep_array_owner(L, owner, out);
    return;
  }
  for (unsigned i = 0; i < n->nkids; i++)
    if (n->kids[i]->has_await) keep_array_owners(L, n->kids[i], out);
}

static void spill(lower_t* L, tr_node_t* n, tr_buf_t* out) {
  tr_node_t* owner = awaited_array_owner(n);
  if (owner) {
    keep_array_owner(L, owner, out);
    return;
  }
  if (is_stable(n)) return;
  tr_node_t* s = tr_node_strip(n);
  if (s->kind == CXCursor_InitListExpr) {
    /* a brace list is not a value: keep its elements instead */
    for (unsigned i = 0; i < s->nkids; i++) {
      tr_node_t* k = s->kids[i];
      if (!clang_isExpression(k->kind)) continue;
      char c0 = L->tu->text[k->start];
      if ((c0 == '.' || c0 == '[') && k->nkids) k = k->kids[k->nkids - 1];
      spill(L, k, out);
    }
    return;
  }
  CXType t = node_type(n);
  if (type_is_array(t) || type_is_function(t) || t.kind == CXType_Invalid)
    return;
  if (type_is_void(t)) {
    gen(L, out, "%s;", render_node(L, n));
    tr_edit_replace(L->ed, n->start, n->end, TR_GEN "(void)0");
    return;
  }
  int id = new_temp(L, t, n);
  int w = wide_bitfield_width(n);
  if (w) {
    temp_t* tp = &L->temps[id];
    CXString ts = clang_getTypeSpelling(clang_getCanonicalType(t));
    tp->local = tp->field = tr_sprintf("struct { %s v : %d; } asyncc__t%d",
                                       clang_getCString(ts), w, id);
    clang_disposeString(ts);
    tp->bits = true;
  }
  gen(L, out, "%s;", store(t, temp_ref(id), render_node(L, n)));
  tr_edit_replace(L->ed, n->start, n->end, temp_ref(id));
}

static bool is_assign(tr_node_t* n) {
  if (n->kind == CXCursor_CompoundAssignOperator) return true;
  return n->kind == CXCursor_BinaryOperator &&
         clang_getCursorBinaryOperatorKind(n->cur) == CXBinaryOperator_Assign;
}

static bool member_is_arrow(tr_node_t* base) {
  return clang_getCanonicalType(node_type(tr_node_strip(base))).kind ==
         CXType_Pointer;
}

/* Makes the object designated by lvalue 'n' fixed (its address parts
 * computed and, with 'stable', spilled) without reading its value. */
static void explode_lvalue(lower_t* L, tr_node_t* n, tr_buf_t* out,
                           bool stable) {
  if (!n->has_await && !stable) return;
  tr_node_t* s = tr_node_strip(n);
  tr_node_t* k[2];
  switch (s->kind) {
    case CXCursor_DeclRefExpr:
      return;
    case CXCursor_MemberRefExpr:
      if (expr_kids(s, k, 1) < 1) return;
      if (member_is_arrow(k[0]))
        explode(L, k[0], out, stable);
      else
        explode_lvalue(L, k[0], out, stable);
      return;
    case CXCursor_ArraySubscriptExpr: {
      if (expr_kids(s, k, 2) < 2) return;
      bool later = stable || k[1]->has_await;
      CXType bt = node_type(tr_node_strip(k[0]));
      if (type_is_array(bt) || type_is_vector(bt))
        explode_lvalue(L, tr_node_strip(k[0]), out, later);
      else
        explode(L, k[0], out, later);
      explode(L, k[1], out, stable);
      return;
    }
    case CXCursor_UnaryOperator: {
      enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(s->cur);
      if (op == CXUnaryOperator_Deref && expr_kids(s, k, 1) == 1) {
        explode(L, k[0], out, stable);
        return;
      }
      /* GNU __real__/__imag__ z: a part of z itself */
      if ((op == CXUnaryOperator_Real || op == CXUnaryOperator_Imag) &&
          expr_kids(s, k, 1) == 1) {
        explode_lvalue(L, k[0], out, stable);
        return;
      }
      explode(L, s, out, stable);
      return;
    }
    default:
      /* not an lvalue (a call or await returning a struct, whose member
         is taken): its value is what must stay fixed */
      explode(L, s, out, stable);
      return;
  }
}

static bool lvalue_operand(tr_node_t* n, int j) {
  if (j != 0) return false;
  if (is_assign(n)) return true;
  if (n->kind == CXCursor_UnaryOperator) {
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(n->cur);
    return op == CXUnaryOperator_AddrOf || op == CXUnaryOperator_PreInc ||
           op == CXUnaryOperator_PreDec || op == CXUnaryOperator_PostInc ||
           op == CXUnaryOperator_PostDec || op == CXUnaryOperator_Real ||
           op == CXUnaryOperator_Imag;
  }
  if (n->kind == CXCursor_MemberRefExpr) {
    tr_node_t* k[1];
    return expr_kids(n, k, 1) == 1 && !member_is_arrow(k[0]);
  }
  if (n->kind == CXCursor_ArraySubscriptExpr) {
    tr_node_t* k[1];
    if (expr_kids(n, k, 1) != 1) return false;
    CXType bt = node_type(tr_node_strip(k[0]));
    return type_is_array(bt) || type_is_vector(bt);
  }
  return false;
}

/* Evaluates children left to right: everything before the last child that
 * awaits is made stable before that await runs. */
static void explode_operands(lower_t* L, tr_node_t* n, tr_node_t** k, int nk,
                             tr_buf_t* out) {
  int last = -1;
  for (int j = 0; j < nk; j++)
    if (k[j]->has_await) last = j;
  for (int j = 0; j <= last; j++) {
    bool later = j < last;
    if (lvalue_operand(n, j))
      explode_lvalue(L, k[j], out, later);
    else
      explode(L, k[j], out, later);
  }
}

/* The code of one suspension: start the callee, suspend if it does, and
 * the residual expression that takes its result. */
static void explode_await(lower_t* L, tr_node_t* n, tr_buf_t* out,
                          bool stable) {
  tr_node_t* call = n->call;
  tr_fn_t* callee = call->callee;
  int nk;
  tr_node_t** k = expr_kid_list(call, &nk);
  explode_operands(L, call, k, nk, out);
  for (int j = 1; j < nk; j++)
    if (k[j]->has_await) keep_array_owners(L, k[j], out);
  tr_buf_t args;
  tr_buf_init(&args);
  for (int j = 1; j < nk; j++)
    tr_buf_printf(&args, "%s%s", j > 1 ? ", " : "", render_node(L, k[j]));
  int state = ++L->nstates;
  L->await_at =
      tr_grow(L->await_at, &L->await_cap, (size_t)state, sizeof(unsigned));
  L->await_at[state - 1] = n->start;
  n->state = state;
  unsigned line = tr_tu_line(L->tu, n->start);
  const char* nm = callee->name;
  bool embed =
      (callee->frame_emitted ||
       (callee->frame_extern && L->fn->def_start >= callee->frame_from)) &&
      callee != L->fn;
  if (embed && !callee->leaf_park) {
    int e = 0;
    while (e < L->nembeds && L->embeds[e] != callee) e++;
    if (e == L->nembeds && e < 64) L->embeds[L->nembeds++] = callee;
    embed = e < 64;
  }
  if (embed && callee->leaf_park) {
    /* no frame: the task waits itself, the result is the runtime's */
    gen(L, out,
        "ASYNCC__AWAIT_PARK(asyncc__f, asyncc__%s_park(&asyncc__f->hdr%s%s), "
        "%d); /* %s:%u */",
        nm, args.len ? ", " : "", args.data ? args.data : "", state,
        L->tu->path, line);
    tr_edit_replace(L->ed, n->start, n->end,
                    tr_sprintf(TR_GEN "asyncc__%s_result()", nm));
  } else if (embed) {
    /* the callee's frame is known here: it lives inside ours */
    if (!callee->leaf_suspend)
      gen(L, out, "asyncc__%s_init(&" F "asyncc__u.%s%s%s);", nm, nm,
          args.len ? ", " : "", args.data ? args.data : "");
    if (callee->leaf_suspend) /* never run: its _suspend queues us */
      gen(L, out,
          "ASYNCC__AWAIT_SUSPEND(asyncc__f, &" F
          "asyncc__u.%s, asyncc__%s_suspend(&asyncc__f->hdr), %d); /* %s:%u */",
          nm, nm, state, L->tu->path, line);
    else if (callee->frame_extern) /* a runtime leaf: the header's protocol */
      gen(L, out,
          "ASYNCC__AWAIT(asyncc__f, &" F "asyncc__u.%s.hdr, %d); /* %s:%u */",
          nm, state, L->tu->path, line);
    else
      gen(L, out,
          "ASYNCC__AWAIT_EMBEDDED(asyncc__f, &" F
          "asyncc__u.%s.hdr, asyncc__%s_resume, %d); /* %s:%u */",
          nm, nm, state, L->tu->path, line);
    tr_edit_replace(L->ed, n->start, n->end,
                    callee->ret_void
                        ? TR_GEN "(void)0"
                        : tr_sprintf(TR_GEN F "asyncc__u.%s.asyncc__ret", nm));
  } else {
    L->heap_child = true;
    gen(L, out, F "asyncc__c = asyncc__%s_start(%s);", nm,
        args.data ? args.data : "");
    gen(L, out,
        "ASYNCC__AWAIT_HEAP(asyncc__f, " F "asyncc__c, %d); /* %s:%u */", state,
        L->tu->path, line);
    tr_edit_replace(L->ed, n->start, n->end,
                    tr_sprintf(TR_GEN "asyncc__%s_take(" F "asyncc__c)", nm));
  }
  tr_buf_free(&args);
  tr_buf_printf(&L->dispatch, "  case %d: goto asyncc__L%d; /* %s:%u */\n",
                state, state, L->tu->path, line);
  if (stable) spill(L, n, out);
}

static void lower_stmt(lower_t* L, tr_node_t* s);

/* GNU's ({ stmts; e; }) with awaits inside (glibc's assert(e) in GNU
 * mode is one): its statements run before the enclosing expression, and
 * its value, when used, is e kept in a temporary. */
static void explode_stmt_expr(lower_t* L, tr_node_t* n, tr_buf_t* out) {
  tr_node_t* body = n->nkids ? n->kids[0] : NULL;
  if (!body || body->kind != CXCursor_CompoundStmt) {
    error_at(L, n, "'await' in this statement expression is not supported");
    return;
  }
  tr_node_t* last = body->nkids ? body->kids[body->nkids - 1] : NULL;
  CXType t = node_type(n);
  int id = -1;
  if (!type_is_void(t) && last && clang_isExpression(last->kind)) {
    if (last->has_await) {
      error_at(L, last,
               "'await' in the value of a statement expression is not "
               "supported; await into a variable first");
      return;
    }
    id = new_temp(L, t, n);
    tr_edit_replace(L->ed, last->start, last->end,
                    tr_sprintf("%s = %s", temp_ref(id), render_node(L, last)));
  }
  lower_stmt(L, body);
  gen(L, out, "%s", render(L, body->start, body->end));
  tr_edit_replace(L->ed, n->start, n->end,
                  id >= 0 ? temp_ref(id) : TR_GEN "((void)0)");
}

/* The type name of _Generic association 'a' as written: the text between
 * the ',' and the ':' before it ("default" for the default one). */
static char* association_type(lower_t* L, tr_node_t* a) {
  const char* t = L->tu->text;
  unsigned colon = a->start;
  while (colon > 0 && t[colon - 1] != ':') colon--;
  unsigned from = colon ? colon - 1 : 0;
  int depth = 0;
  while (from > 0 && !(depth == 0 && t[from - 1] == ',')) {
    if (t[from - 1] == ')') depth++;
    if (t[from - 1] == '(') depth--;
    from--;
  }
  unsigned to = colon ? colon - 1 : 0;
  while (from < to && (t[from] == ' ' || t[from] == '\n' || t[from] == '\t'))
    from++;
  while (to > from &&
         (t[to - 1] == ' ' || t[to - 1] == '\n' || t[to - 1] == '\t'))
    to--;
  return tr_strndup(t + from, to - from);
}

/* _Generic(c, T1: e1, T2: e2, default: e3) whose associations have the
 * same type as another one (libclang does not say which is selected):
 * each association with awaits runs them under a guard that lets the
 * compiler select, if (_Generic((c), T1: 0, T2: 1, default: 0)) { ... },
 * and is replaced by the temporary that holds its value. */
static bool explode_generic(lower_t* L, tr_node_t* n, tr_node_t** k, int nk,
                            tr_buf_t* out) {
  CXType ty = node_type(n);
  int same = 0;
  for (int i = 1; i < nk; i++)
    same += clang_equalTypes(node_type(k[i]), ty) != 0;
  if (nk < 2 || same < 2) return false; /* the selected one alone awaits */
  char** names = tr_alloc(sizeof(char*) * (size_t)nk);
  for (int i = 1; i < nk; i++) names[i] = association_type(L, k[i]);
  const char* ctl = render_node(L, k[0]);
  for (int i = 1; i < nk; i++) {
    if (!k[i]->has_await) continue;
    tr_buf_t guard;
    tr_buf_init(&guard);
    tr_buf_printf(&guard, "_Generic((%s)", ctl);
    for (int j = 1; j < nk; j++)
      tr_buf_printf(&guard, ", %s: %d", names[j], j == i);
    tr_buf_puts(&guard, ")");
    tr_buf_t in;
    tr_buf_init(&in);
    const char* saved = L->indent;
    L->indent = tr_sprintf("%s  ", saved);
    tr_buf_printf(&in, "\n%s", L->indent);
    explode(L, k[i], &in, false);
    int id = new_temp(L, node_type(k[i]), k[i]);
    gen(L, &in, "%s;",
        store(node_type(k[i]), temp_ref(id), render_node(L, k[i])));
    L->indent = saved;
    gen(L, out, "if (%s) {%s}", guard.data, in.data);
    tr_edit_replace(L->ed, k[i]->start, k[i]->end, temp_ref(id));
    tr_buf_free(&guard);
    tr_buf_free(&in);
  }
  return true;
}

static void explode(lower_t* L, tr_node_t* n, tr_buf_t* out, bool stable) {
  if (!n->has_await) {
    if (stable) spill(L, n, out);
    return;
  }
  if (n->is_await) {
    explode_await(L, n, out, stable);
    return;
  }
  if (n->kind == CXCursor_StmtExpr) {
    explode_stmt_expr(L, n, out);
    return;
  }
  int nk;
  tr_node_t** k = expr_kid_list(n, &nk);
  enum CXBinaryOperatorKind bop =
      n->kind == CXCursor_BinaryOperator
          ? clang_getCursorBinaryOperatorKind(n->cur)
          : CXBinaryOperator_Invalid;
  if ((bop == CXBinaryOperator_LAnd || bop == CXBinaryOperator_LOr) &&
      nk == 2 && k[1]->has_await) {
    /* a && b  ->  t = a != 0; if (t) { ...b...; t = b != 0; }  */
    explode(L, k[0], out, false);
    int id = new_temp(L, clang_getCursorType(n->cur), n);
    gen(L, out, "%s = (%s) != 0;", temp_ref(id), render_node(L, k[0]));
    tr_buf_t in;
    tr_buf_init(&in);
    const char* saved = L->indent;
    L->indent = tr_sprintf("%s  ", saved);
    tr_buf_printf(&in, "\n%s", L->indent);
    explode(L, k[1], &in, false);
    gen(L, &in, "%s = (%s) != 0;", temp_ref(id), render_node(L, k[1]));
    L->indent = saved;
    gen(L, out, "if (%s%s) {%s}", bop == CXBinaryOperator_LAnd ? "" : "!",
        temp_ref(id), in.data);
    tr_buf_free(&in);
    tr_edit_replace(L->ed, n->start, n->end, temp_ref(id));
    return;
  }
  if (n->kind == CXCursor_ConditionalOperator && nk == 3 &&
      (k[1]->has_await || k[2]->has_await)) {
    /* c ? a : b  ->  if (c) { ...a...; t = a; } else { ...b...; t = b; } */
    explode(L, k[0], out, false);
    CXType t = node_type(n);
    bool is_void = type_is_void(t);
    int id = is_void ? -1 : new_temp(L, t, n);
    tr_buf_t br[2];
    const char* saved = L->indent;
    L->indent = tr_sprintf("%s  ", saved);
    for (int b = 0; b < 2; b++) {
      tr_buf_init(&br[b]);
      tr_buf_printf(&br[b], "\n%s", L->indent);
      explode(L, k[1 + b], &br[b], false);
      if (is_void)
        gen(L, &br[b], "%s%s;", discard(k[1 + b]), render_node(L, k[1 + b]));
      else
        gen(L, &br[b], "%s;",
            store(L->temps[id].type, temp_ref(id), render_node(L, k[1 + b])));
    }
    L->indent = saved;
    gen(L, out, "if (%s) {%s} else {%s}", render_node(L, k[0]), br[0].data,
        br[1].data);
    tr_buf_free(&br[0]);
    tr_buf_free(&br[1]);
    tr_edit_replace(L->ed, n->start, n->end,
                    is_void ? TR_GEN "(void)0" : temp_ref(id));
    return;
  }
  if (n->kind == CXCursor_GenericSelectionExpr &&
      explode_generic(L, n, k, nk, out))
    return;
  if (bop == CXBinaryOperator_Comma && nk == 2) {
    explode(L, k[0], out, false);
    gen(L, out, "(void)(%s);", render_node(L, k[0]));
    explode(L, k[1], out, stable);
    tr_edit_replace(L->ed, n->start, n->end,
                    tr_sprintf("(%s)", render_node(L, k[1])));
    return;
  }
  if (n->kind == CXCursor_InitListExpr) {
    /* ".x = v" and "[i] = v" are DesignatedInitExprs (unexposed, typeless):
       the value is their last child; constant designators need nothing */
    for (int j = 0; j < nk; j++) {
      char c0 = L->tu->text[k[j]->start];
      if ((c0 == '.' || c0 == '[') && k[j]->nkids) k[j] = last_kid(k[j]);
    }
  }
  explode_operands(L, n, k, nk, out);
  if (hoist_literal(L, n, stable ? out : NULL)) return;
  if (stable) spill(L, n, out);
}

/* ==================================================================
 * Statements
 * ================================================================== */

static void lower_stmt(lower_t* L, tr_node_t* s);

static bool parent_is_block(tr_node_t* s) {
  return s->parent && s->parent->kind == CXCursor_CompoundStmt;
}

/* Replaces statement 's' by 'text', in braces unless 's' sits directly in
 * a block (so declarations in 'text' stay visible to later statements). */
static void replace_stmt(lower_t* L, tr_node_t* s, const char* text,
                         bool braces) {
  tr_edit_replace(L->ed, s->start, stmt_end(L, s),
                  braces ? tr_sprintf(TR_GEN "{ %s }", text) : tr_strdup(text));
}

static void lower_expr_stmt(lower_t* L, tr_node_t* s) {
  if (!s->has_await) return;
  tr_buf_t out;
  tr_buf_init(&out);
  explode(L, s, &out, false);
  tr_buf_printf(&out, "%s%s;", discard(s), render_node(L, s));
  replace_stmt(L, s, out.data, !parent_is_block(s));
  tr_buf_free(&out);
}

/* Whether the text of 'n' is the function's own, so it can be rewritten;
 * if it comes from a macro or #included text, reports 'what' there. */
static bool in_source(lower_t* L, tr_node_t* n, const char* what) {
  tr_macro_t* m = tr_shape_in_macro(L->p, n->start, n->end);
  if (!m && n->in_file) return true;
  if (m)
    tr_diag_cursor(TR_ERROR, n->cur,
                   "%s inside macro '%s' in an async function is not "
                   "supported yet",
                   what, m->name);
  else
    tr_diag_cursor(TR_ERROR, n->cur,
                   "%s in text #included into an async function is not "
                   "supported; write it in the function itself",
                   what);
  L->errors++;
  return false;
}

/* 'goto *e;' whose target expression awaits: the awaits first. */
static void lower_indirect_goto(lower_t* L, tr_node_t* s) {
  tr_node_t* e = s->nkids ? s->kids[0] : NULL;
  if (!e || !e->has_await) return;
  if (!in_source(L, s, "a computed goto whose target awaits")) return;
  tr_buf_t out;
  tr_buf_init(&out);
  explode(L, e, &out, false);
  tr_buf_printf(&out, "goto *%s;", render_node(L, e));
  replace_stmt(L, s, out.data, true);
  tr_buf_free(&out);
}

static void lower_return(lower_t* L, tr_node_t* s) {
  if (!in_source(L, s, "'return'")) return;
  tr_node_t* e = NULL;
  for (unsigned i = 0; i < s->nkids; i++)
    if (clang_isExpression(s->kids[i]->kind)) e = s->kids[i];
  tr_buf_t out;
  tr_buf_init(&out);
  if (e) explode(L, e, &out, false);
  if (e && !L->fn->ret_void)
    tr_buf_printf(&out, TR_GEN "%s;",
                  store(L->fn->ret, F "asyncc__ret", render_node(L, e)));
  else if (e)
    tr_buf_printf(&out, "%s%s;", discard(e), render_node(L, e));
  tr_buf_puts(&out, TR_GEN " return ASYNCC_DONE;");
  replace_stmt(L, s, out.data, true);
  tr_buf_free(&out);
}

static tr_node_t* var_init(tr_node_t* v) {
  CXCursor ic = clang_Cursor_getVarDeclInitializer(v->cur);
  if (clang_Cursor_isNull(ic)) return NULL;
  for (unsigned i = 0; i < v->nkids; i++)
    if (clang_equalCursors(v->kids[i]->cur, ic)) return v->kids[i];
  return last_kid(v);
}

/* One declarator of a regenerated declaration: a promoted variable becomes
 * an assignment to its field, another stays a declaration. */
/* A variable-length array declared with an await in its size (the await
 * runs before the array exists, so the array itself is no frame field):
 * re-declared with its sizes as written, the await now a temporary. */
static char* vla_declarator(lower_t* L, tr_node_t* v, CXType t,
                            const char* name) {
  tr_node_t* size[8];
  unsigned n = 0;
  for (unsigned i = 0; i < v->nkids && n < 8; i++)
    if (clang_isExpression(v->kids[i]->kind) && v->kids[i]->in_file &&
        v->kids[i]->start < v->end &&
        (v->kind != CXCursor_VarDecl ||
         !clang_equalCursors(v->kids[i]->cur,
                             clang_Cursor_getVarDeclInitializer(v->cur))))
      size[n++] = v->kids[i];
  /* in source order, which is the type's outermost-first */
  for (unsigned i = 1; i < n; i++)
    for (unsigned j = i; j > 0 && size[j - 1]->start > size[j]->start; j--) {
      tr_node_t* x = size[j];
      size[j] = size[j - 1];
      size[j - 1] = x;
    }
  char* inner = (char*)name;
  unsigned k = 0;
  for (; t.kind == CXType_VariableArray || t.kind == CXType_ConstantArray;
       t = clang_getArrayElementType(t)) {
    if (k >= n) return NULL;
    inner = tr_sprintf("%s[%s]", inner, render_node(L, size[k++]));
  }
  return k == n ? tr_frame_declarator(t, inner, false, NULL) : NULL;
}

static void lower_var(lower_t* L, tr_node_t* v, tr_buf_t* out, bool for_init,
                      bool* first) {
  tr_local_t* l = v->local;
  tr_node_t* init = var_init(v);
  if (clang_getCursorType(v->cur).kind == CXType_VariableArray)
    for (unsigned i = 0; i < v->nkids; i++) /* awaits in the sizes */
      if (v->kids[i]->has_await && v->kids[i] != init &&
          clang_isExpression(v->kids[i]->kind))
        explode(L, v->kids[i], out, false);
  if (init && init->has_await) explode(L, init, out, false);
  if (l && l->promoted) {
    if (!init) return;
    CXType t = clang_getCursorType(v->cur);
    char* val = render_node(L, init);
    char* stmt;
    if (type_is_array(t)) {
      const char* why = NULL;
      char* ty = tr_frame_declarator(t, "", false, &why);
      bool braced = tr_node_strip(init)->kind == CXCursor_InitListExpr;
      /* where the field's elements stay const (elements of an unnamed
         type), the store goes through an integer, which -Wcast-qual
         accepts */
      stmt = tr_sprintf("memcpy(%s" F "%s, (%s)%s%s%s, sizeof " F "%s)",
                        tr_frame_keeps_const(t) ? "(void*)(uintptr_t)" : "",
                        l->field, ty ? ty : "int", braced ? "" : "{", val,
                        braced ? "" : "}", l->field);
    } else if (tr_node_strip(init)->kind == CXCursor_InitListExpr) {
      char* ty = tr_frame_declarator(t, "", true, NULL);
      stmt = has_const_member(t)
                 ? store(t, tr_sprintf(F "%s", l->field), val)
                 : tr_sprintf(F "%s = (%s)%s", l->field, ty ? ty : "int", val);
    } else {
      stmt = store(t, tr_sprintf(F "%s", l->field), val);
    }
    if (for_init) {
      tr_buf_printf(out, "%s%s", *first ? "" : ", ", stmt);
      *first = false;
    } else {
      gen(L, out, "%s;", stmt);
    }
    return;
  }
  const char* why = NULL;
  const char* name = v->local ? v->local->name : tr_cursor_name(v->cur);
  char* d = tr_frame_declarator(clang_getCursorType(v->cur), name, false, &why);
  if (!d) d = vla_declarator(L, v, clang_getCursorType(v->cur), name);
  if (!d) {
    tr_diag_cursor(TR_ERROR, v->cur,
                   "asyncc cannot re-declare this variable next to an await: "
                   "its type is %s",
                   why);
    L->errors++;
    return;
  }
  long long align;
  const char* spec = v->local ? align_spec(L, v->local, &align) : "";
  if (init)
    tr_buf_printf(out, "%s%s = %s;", spec, d, render_node(L, init));
  else
    tr_buf_printf(out, "%s%s;", spec, d);
  tr_buf_printf(out, "\n%s", L->indent);
}

/* A typedef of a variable-length array type with an await in a bound
 * (its bounds are evaluated where it stands): the awaits first, then the
 * typedef with the bounds as written. */
static void lower_typedef(lower_t* L, tr_node_t* d, tr_buf_t* out) {
  CXType ut = clang_getTypedefDeclUnderlyingType(d->cur);
  char* name = tr_cursor_name(d->cur);
  for (unsigned i = 0; i < d->nkids; i++)
    if (d->kids[i]->has_await && clang_isExpression(d->kids[i]->kind))
      explode(L, d->kids[i], out, false);
  char* decl = tr_frame_declarator(ut, name, false, NULL);
  if (!decl) decl = vla_declarator(L, d, ut, name);
  if (!decl) {
    tr_diag_cursor(TR_ERROR, d->cur,
                   "asyncc cannot re-declare this typedef next to an await");
    L->errors++;
    return;
  }
  tr_buf_printf(out, "typedef %s;\n%s", decl, L->indent);
}

/* Whether variable 'v' has __attribute__((cleanup(f))). */
static bool has_cleanup(lower_t* L, tr_node_t* v) {
  for (unsigned i = 0; i < v->nkids; i++) {
    tr_node_t* a = v->kids[i];
    if (!clang_isAttribute(a->kind) || a->end <= a->start) continue;
    const char* t = L->tu->text + a->start;
    size_t n = a->end - a->start;
    if ((n >= 7 && memcmp(t, "cleanup", 7) == 0) ||
        (n >= 11 && memcmp(t, "__cleanup__", 11) == 0))
      return true;
  }
  return false;
}

static bool decl_needs_lowering(tr_node_t* ds) {
  if (ds->has_await) return true;
  for (unsigned i = 0; i < ds->nkids; i++)
    if (ds->kids[i]->local && ds->kids[i]->local->promoted) return true;
  return false;
}

static tr_node_t* enclosing_block(tr_node_t* n);

/* A cleanup variable in a block that awaits would have its cleanup run
 * each time the function suspends, and again on a variable the resumption
 * jumped over: an error (see also lower_decl's for kept variables). */
static bool cleanup_in_await_scope(lower_t* L, tr_node_t* ds) {
  tr_node_t* v = NULL;
  for (unsigned i = 0; i < ds->nkids && !v; i++)
    if (ds->kids[i]->kind == CXCursor_VarDecl && has_cleanup(L, ds->kids[i]))
      v = ds->kids[i];
  /* kept or await-initialized ones get lower_decl's error */
  if (!v || ds->has_await || (v->local && v->local->promoted)) return false;
  tr_node_t* b = enclosing_block(ds->parent);
  if (!b || !b->has_await) return false;
  bool later = false; /* an await in the block after the declaration */
  for (size_t i = 0; i < L->p->nawaits && !later; i++)
    later = L->p->awaits[i] >= ds->end && L->p->awaits[i] < b->end;
  if (!later) return false;
  tr_diag_cursor(TR_ERROR, v->cur,
                 "a variable with the 'cleanup' attribute cannot be in the "
                 "scope of an await (its cleanup would run when the function "
                 "suspends); declare it in a block without awaits");
  L->errors++;
  return true;
}

static void lower_decl(lower_t* L, tr_node_t* ds, bool for_init) {
  if (cleanup_in_await_scope(L, ds)) return;
  if (!decl_needs_lowering(ds)) return;
  if (!in_source(L, ds, "a declaration that must be kept across an await"))
    return;
  tr_buf_t out;
  tr_buf_init(&out);
  bool first = true;
  if (for_init) tr_buf_puts(&out, TR_GEN);
  for (unsigned i = 0; i < ds->nkids; i++)
    if (ds->kids[i]->kind == CXCursor_VarDecl && has_cleanup(L, ds->kids[i])) {
      tr_diag_cursor(TR_ERROR, ds->kids[i]->cur,
                     "a variable with the 'cleanup' attribute cannot be kept "
                     "across an await or initialized by one (its cleanup "
                     "would not run); declare it in a block without awaits");
      L->errors++;
      tr_buf_free(&out);
      return;
    }
  for (unsigned i = 0; i < ds->nkids; i++)
    if (ds->kids[i]->kind == CXCursor_VarDecl)
      lower_var(L, ds->kids[i], &out, for_init, &first);
    else if (ds->kids[i]->kind == CXCursor_TypedefDecl && !for_init)
      lower_typedef(L, ds->kids[i], &out);
  if (for_init)
    tr_buf_puts(&out, ";");
  else
    trim_tail(&out);
  /* The DeclStmt's extent already includes its ';'. */
  tr_edit_replace(L->ed, ds->start, ds->end,
                  tr_sprintf(TR_GEN "%s", out.data ? out.data : ""));
  tr_buf_free(&out);
}

/* Lowers a condition with awaits: statements into 'out', residual text. */
static char* lower_cond(lower_t* L, tr_node_t* c, tr_buf_t* out) {
  explode(L, c, out, false);
  return render_node(L, c);
}

static void lower_if_like(lower_t* L, tr_node_t* s, tr_node_t* cond) {
  if (!cond->has_await) return;
  tr_buf_t out;
  tr_buf_init(&out);
  lower_cond(L, cond, &out);
  tr_buf_puts(&out, render(L, s->start, stmt_end(L, s)));
  replace_stmt(L, s, out.data, !parent_is_block(s));
  tr_buf_free(&out);
}

/* The parts of a for statement, found by position: libclang omits absent
 * clauses from the children. */
typedef struct {
  tr_node_t *init, *cond, *inc, *body;
  unsigned semi1, semi2, rparen; /* byte offsets in the header */
} for_parts_t;

static bool for_parts(lower_t* L, tr_node_t* s, for_parts_t* fp) {
  memset(fp, 0, sizeof *fp);
  const char* t = L->tu->text;
  unsigned p = s->start + 3; /* "for" */
  p = skip_space(L->tu, p);
  if (p >= s->end || t[p] != '(') return false;
  int depth = 0, semis = 0;
  for (; p < s->end; p++) {
    unsigned q = skip_space(L->tu, p);
    if (q != p) {
      p = q - 1;
      continue;
    }
    char ch = t[p];
    if (ch == '"' || ch == '\'') {
      for (p++; p < s->end && t[p] != ch; p++)
        if (t[p] == '\\') p++;
      continue;
    }
    if (ch == '(' || ch == '[' || ch == '{') depth++;
    if (ch == ')' || ch == ']' || ch == '}') {
      if (--depth == 0) {
        fp->rparen = p;
        break;
      }
    }
    if (ch == ';' && depth == 1) {
      if (semis == 0) fp->semi1 = p;
      if (semis == 1) fp->semi2 = p;
      semis++;
    }
  }
  if (semis != 2 || !fp->rparen) return false;
  for (unsigned i = 0; i < s->nkids; i++) {
    tr_node_t* k = s->kids[i];
    if (k->start < fp->semi1 ||
        (k->kind == CXCursor_DeclStmt && k->start < fp->semi1 + 1))
      fp->init = k;
    else if (k->start < fp->semi2)
      fp->cond = k;
    else if (k->start < fp->rparen)
      fp->inc = k;
    else
      fp->body = k;
  }
  return fp->body != NULL;
}

bool tr_lower_for_parts(const tr_tu_t* tu, tr_node_t* s, tr_node_t** init,
                        tr_node_t** cond, tr_node_t** inc, tr_node_t** body) {
  lower_t L;
  memset(&L, 0, sizeof L);
  L.tu = tu;
  for_parts_t fp;
  if (!for_parts(&L, s, &fp)) return false;
  *init = fp.init;
  *cond = fp.cond;
  *inc = fp.inc;
  *body = fp.body;
  return true;
}

static int continue_label_of(lower_t* L, tr_node_t* loop);

static char* loop_body(lower_t* L, tr_node_t* body) {
  return render(L, body->start, stmt_end(L, body));
}

static void lower_while(lower_t* L, tr_node_t* s) {
  tr_node_t* cond = s->kids[0];
  tr_node_t* body = last_kid(s);
  lower_stmt(L, body);
  if (!cond->has_await) return;
  tr_buf_t out;
  tr_buf_init(&out);
  tr_buf_puts(&out, TR_GEN "for (;;) {\n");
  tr_buf_puts(&out, L->indent);
  char* c = lower_cond(L, cond, &out);
  tr_buf_printf(&out, TR_GEN "if (!(%s)) break;\n%s", c, L->indent);
  tr_buf_printf(&out, "%s" TR_GEN "\n%s}", loop_body(L, body), L->indent);
  replace_stmt(L, s, out.data, false);
  tr_buf_free(&out);
}

static void lower_do(lower_t* L, tr_node_t* s) {
  tr_node_t* body = s->kids[0];
  tr_node_t* cond = last_kid(s);
  lower_stmt(L, body);
  if (!cond->has_await) return;
  int lbl = continue_label_of(L, s);
  tr_buf_t out;
  tr_buf_init(&out);
  tr_buf_printf(&out, TR_GEN "for (;;) {\n%s", L->indent);
  tr_buf_printf(&out, "%s\n%s", loop_body(L, body), L->indent);
  if (lbl) tr_buf_printf(&out, TR_GEN "asyncc__c%d:;\n%s", lbl, L->indent);
  char* c = lower_cond(L, cond, &out);
  tr_buf_printf(&out, TR_GEN "if (!(%s)) break;\n%s}", c, L->indent);
  replace_stmt(L, s, out.data, false);
  tr_buf_free(&out);
}

static void lower_for(lower_t* L, tr_node_t* s) {
  for_parts_t fp;
  if (tr_shape_in_macro(L->p, s->start, s->end) || !for_parts(L, s, &fp)) {
    if (s->has_await) error_at(L, s, "cannot find the clauses of this 'for'");
    for (unsigned i = 0; i < s->nkids; i++)
      if (!clang_isExpression(s->kids[i]->kind)) lower_stmt(L, s->kids[i]);
    return;
  }
  lower_stmt(L, fp.body);
  bool restructure =
      (fp.cond && fp.cond->has_await) || (fp.inc && fp.inc->has_await);
  bool init_await = fp.init && fp.init->has_await;
  if (!restructure && !init_await) {
    if (fp.init && fp.init->kind == CXCursor_DeclStmt)
      lower_decl(L, fp.init, true);
    return;
  }
  tr_buf_t out;
  tr_buf_init(&out);
  tr_buf_puts(&out, TR_GEN "{\n");
  tr_buf_puts(&out, L->indent);
  if (fp.init && fp.init->kind == CXCursor_DeclStmt) {
    lower_decl(L, fp.init, false);
    tr_buf_printf(&out, "%s\n%s", render(L, fp.init->start, fp.init->end),
                  L->indent);
  } else if (fp.init) {
    explode(L, fp.init, &out, false);
    tr_buf_printf(&out, "%s;\n%s", render_node(L, fp.init), L->indent);
  }
  if (!restructure) {
    tr_buf_printf(&out, TR_GEN "for (;%s;%s) ",
                  fp.cond ? render_node(L, fp.cond) : "",
                  fp.inc ? render_node(L, fp.inc) : "");
    tr_buf_printf(&out, "%s" TR_GEN "\n%s}", loop_body(L, fp.body), L->indent);
    replace_stmt(L, s, out.data, false);
    tr_buf_free(&out);
    return;
  }
  int lbl = continue_label_of(L, s);
  tr_buf_printf(&out, TR_GEN "for (;;) {\n%s", L->indent);
  if (fp.cond) {
    char* c = lower_cond(L, fp.cond, &out);
    tr_buf_printf(&out, TR_GEN "if (!(%s)) break;\n%s", c, L->indent);
  }
  tr_buf_printf(&out, "%s\n%s", loop_body(L, fp.body), L->indent);
  if (lbl) tr_buf_printf(&out, TR_GEN "asyncc__c%d:;\n%s", lbl, L->indent);
  if (fp.inc) {
    explode(L, fp.inc, &out, false);
    tr_buf_printf(&out, "%s;\n%s", render_node(L, fp.inc), L->indent);
  }
  tr_buf_printf(&out, TR_GEN "}\n%s}", L->indent);
  replace_stmt(L, s, out.data, false);
  tr_buf_free(&out);
}

static void lower_stmt(lower_t* L, tr_node_t* s) {
  if (!s) return;
  const char* saved = L->indent;
  L->indent = line_indent(L, s->start);
  switch (s->kind) {
    case CXCursor_CompoundStmt:
      for (unsigned i = 0; i < s->nkids; i++) lower_stmt(L, s->kids[i]);
      break;
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
      lower_stmt(L, last_kid(s));
      break;
    case CXCursor_IfStmt:
      for (unsigned i = 1; i < s->nkids; i++) lower_stmt(L, s->kids[i]);
      lower_if_like(L, s, s->kids[0]);
      break;
    case CXCursor_SwitchStmt:
      lower_stmt(L, last_kid(s));
      lower_if_like(L, s, s->kids[0]);
      break;
    case CXCursor_WhileStmt:
      lower_while(L, s);
      break;
    case CXCursor_DoStmt:
      lower_do(L, s);
      break;
    case CXCursor_ForStmt:
      lower_for(L, s);
      break;
    case CXCursor_ReturnStmt:
      lower_return(L, s);
      break;
    case CXCursor_DeclStmt:
      lower_decl(L, s, false);
      break;
    case CXCursor_IndirectGotoStmt:
      lower_indirect_goto(L, s);
      break;
    case CXCursor_NullStmt:
    case CXCursor_BreakStmt:
    case CXCursor_ContinueStmt:
    case CXCursor_GotoStmt:
      break;
    default:
      if (clang_isExpression(s->kind)) lower_expr_stmt(L, s);
      break;
  }
  L->indent = saved;
}

/* ==================================================================
 * Pre-pass: references to promoted locals, continue targets
 * ================================================================== */

static tr_node_t* enclosing_block(tr_node_t* n) {
  while (n && n->kind != CXCursor_CompoundStmt) n = n->parent;
  return n;
}

/* A compound literal lives until its block ends; when the block can
 * suspend, the object must live in the frame:
 *   (T){...}  ->  (*(T (*))memcpy(&F, &(T){...}, sizeof F))
 * an lvalue of type T stored in frame field F, so '&' and array decay
 * behave as before. */
/* A compound literal in a block that suspends moves to the frame (its
 * lifetime is the block's). With 'out', the copy is a statement there. */
static bool hoist_literal(lower_t* L, tr_node_t* n, tr_buf_t* out) {
  if (n->kind != CXCursor_CompoundLiteralExpr || !n->in_file) return false;
  tr_node_t* b = enclosing_block(n);
  if (!b || !b->has_await) return false;
  CXType t = clang_getCursorType(n->cur);
  char* name = tr_sprintf("asyncc__cl%d", L->nliterals++);
  const char* why = NULL;
  char* field = tr_frame_declarator(t, name, true, &why);
  char* ptr = tr_frame_declarator(t, "(*)", false, &why);
  if (!field || !ptr) {
    tr_diag_cursor(TR_ERROR, n->cur,
                   "this compound literal must be kept across an await, but "
                   "its type is %s",
                   why ? why : "not expressible");
    L->errors++;
    return false;
  }
  L->literals = tr_grow(L->literals, &L->lit_cap, (size_t)L->nliterals,
                        sizeof *L->literals);
  L->literals[L->nliterals - 1].decl = field;
  L->literals[L->nliterals - 1].type = t;
  if (out) {
    /* stable: later awaits run before the enclosing expression uses it */
    gen(L, out, "memcpy(&" F "%s, &%s, sizeof " F "%s);", name,
        render_node(L, n), name);
    tr_edit_replace(L->ed, n->start, n->end, tr_sprintf("(" F "%s)", name));
    return true;
  }
  tr_edit_replace(L->ed, n->start, n->end,
                  tr_sprintf("(*(%s)memcpy(&" F "%s, &%s, sizeof " F "%s))",
                             ptr, name, render_node(L, n), name));
  return false;
}

static bool is_type_decl(tr_node_t* n) {
  return n->kind == CXCursor_StructDecl || n->kind == CXCursor_UnionDecl ||
         n->kind == CXCursor_EnumDecl || n->kind == CXCursor_TypedefDecl;
}

/* A new file-scope name for 'name' of the function being lowered. */
static bool hoisted_taken(const tr_prog_t* p, const char* nn) {
  for (size_t i = 0; i < p->nhoisted; i++)
    if (strcmp(p->hoisted[i], nn) == 0) return true;
  /* asyncc's own names for each async function (an enumerator 'init' in
     f would otherwise become f's asyncc__f_init) */
  static const char* const own[] = {"start", "take",   "take_into",
                                    "init",  "resume", "frame"};
  if (strncmp(nn, "asyncc__", 8) != 0) return false;
  for (const tr_fn_t* fn = p->fns; fn; fn = fn->next) {
    size_t n = strlen(fn->name);
    if (strncmp(nn + 8, fn->name, n) != 0 || nn[8 + n] != '_') continue;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
      if (strcmp(nn + 9 + n, own[i]) == 0) return true;
  }
  return false;
}

static char* hoisted_name(lower_t* L, const char* name) {
  char* nn = tr_sprintf("asyncc__%s_%s", L->fn->name, name);
  /* a name taken in this file (the same name declared twice in one
     function; struct b_c in a() and struct c in a_b()) gets a suffix */
  for (int k = 1; hoisted_taken(L->p, nn); k++)
    nn = tr_sprintf("asyncc__%s_%s_%d", L->fn->name, name, k);
  L->p->hoisted = tr_grow(L->p->hoisted, &L->p->hoisted_cap, L->p->nhoisted + 1,
                          sizeof(char*));
  L->p->hoisted[L->p->nhoisted++] = nn;
  return nn;
}

/* Enumerators move to file scope with their enum: they are renamed too,
 * so that they cannot clash with other functions' or shadowed names. */
static void name_enumerators(lower_t* L, tr_node_t* n) {
  for (unsigned i = 0; i < n->nkids; i++) {
    tr_node_t* k = n->kids[i];
    unsigned off;
    if (k->kind != CXCursor_EnumConstantDecl || !k->in_file || !k->spelled ||
        !tr_tu_offset(L->tu, clang_getCursorLocation(k->cur), &off))
      continue;
    char* name = tr_cursor_name(k->cur);
    size_t len = strlen(name);
    if (strncmp(L->tu->text + off, name, len) != 0) continue;
    char* nn = hoisted_name(L, name);
    tr_frame_hoisted_add(k->cur, nn);
    tr_edit_replace(L->ed, off, off + (unsigned)len, nn);
  }
}

/* A tag defined in the type name of an expression (a cast, a compound
 * literal, sizeof): it is declared in the enclosing block, as if by a
 * declaration of its own. */
static bool in_type_name(tr_node_t* n) {
  return n->kind != CXCursor_TypedefDecl && n->parent &&
         clang_isExpression(n->parent->kind) &&
         clang_isCursorDefinition(n->cur);
}

/* Names the block-scope types of the body: struct pair in amain becomes
 * struct asyncc__amain_pair, so it can be declared at file scope, where
 * the frame struct (which may hold values of it) can see it. An untagged
 * struct, union or enum gets a tag, asyncc__amain_1. */
static void name_types(lower_t* L, tr_node_t* n) {
  if (is_type_decl(n) && n->parent &&
      (n->parent->kind == CXCursor_DeclStmt || in_type_name(n)) && n->in_file &&
      n->spelled) {
    char* name = tr_cursor_name(n->cur);
    CXType ut = clang_getTypedefDeclUnderlyingType(n->cur);
    bool vla = n->kind == CXCursor_TypedefDecl &&
               clang_getCanonicalType(ut).kind == CXType_VariableArray;
    bool untagged =
        n->kind != CXCursor_TypedefDecl &&
        (!name[0] || strstr(name, "(unnamed") || strstr(name, "(anonymous"));
    unsigned off;
    const char* brace =
        untagged && clang_isCursorDefinition(n->cur)
            ? memchr(L->tu->text + n->start, '{', n->end - n->start)
            : NULL;
    if (brace) {
      char* nn = hoisted_name(L, tr_sprintf("%d", ++L->nuntagged));
      tr_frame_hoisted_add(n->cur, nn);
      off = (unsigned)(brace - L->tu->text);
      tr_edit_replace(L->ed, off, off, tr_sprintf("%s ", nn));
      if (n->kind == CXCursor_EnumDecl) name_enumerators(L, n);
    } else if (name[0] && !untagged && !vla &&
               tr_tu_offset(L->tu, clang_getCursorLocation(n->cur), &off) &&
               strncmp(L->tu->text + off, name, strlen(name)) == 0) {
      char* nn = hoisted_name(L, name);
      tr_frame_hoisted_add(n->cur, nn);
      tr_edit_replace(L->ed, off, off + (unsigned)strlen(name), nn);
      if (n->kind == CXCursor_EnumDecl) name_enumerators(L, n);
    }
  }
  for (unsigned i = 0; i < n->nkids; i++) name_types(L, n->kids[i]);
}

static void rename_type_refs(lower_t* L, tr_node_t* n) {
  if ((n->kind == CXCursor_TypeRef || n->kind == CXCursor_DeclRefExpr) &&
      n->in_file && n->spelled) {
    const char* nn = tr_frame_hoisted_name(clang_getCursorReferenced(n->cur));
    if (nn) tr_edit_replace(L->ed, n->start, n->end, nn);
  }
  for (unsigned i = 0; i < n->nkids; i++) rename_type_refs(L, n->kids[i]);
}

/* Whether a '#pragma pack' (or _Pragma("pack...")) is spelled in the main
 * file before offset 'at'. */
static bool pack_before(lower_t* L, unsigned at) {
  if (L->p->first_pack == -2) {
    const char* t = L->tu->text;
    L->p->first_pack = -1;
    for (size_t i = 0; i + 6 < L->tu->len && L->p->first_pack < 0; i++) {
      if ((t[i] != 'p' && t[i] != 'P') || memcmp(t + i + 1, "ragma", 5) != 0)
        continue; /* #pragma, _Pragma */
      size_t j = i + 6;
      while (j < L->tu->len &&
             (t[j] == ' ' || t[j] == '\t' || t[j] == '(' || t[j] == '"'))
        j++;
      if (j + 4 <= L->tu->len && memcmp(t + j, "pack", 4) == 0)
        L->p->first_pack = (long)i;
    }
  }
  return L->p->first_pack >= 0 && L->p->first_pack < (long)at;
}

/* A struct or union moved out of the body may have been laid out under a
 * '#pragma pack' (in the body, or at file scope where the function is,
 * which may not be in force where a later-defined callee's frame part is
 * written): it is wrapped in a pack of its own alignment, which is what
 * gives each member min(pack, its alignment) again. */
static void put_moved_type(lower_t* L, tr_node_t* d, const char* text) {
  long long align = -1;
  for (tr_node_t* k = d; k && align < 0; k = k->nkids ? k->kids[0] : NULL)
    if (k->kind == CXCursor_StructDecl || k->kind == CXCursor_UnionDecl)
      align = clang_Type_getAlignOf(clang_getCursorType(k->cur));
  if (align > 0 && pack_before(L, d->start))
    tr_buf_printf(&L->types,
                  "#pragma pack(push, %lld)\n%s\n#pragma pack(pop)\n", align,
                  text);
  else
    tr_buf_printf(&L->types, "%s\n", text);
}

/* An array bound of a moved type (a member's, a typedef's) may mean
 * nothing at file scope, or something else: a local (sizeof q / sizeof
 * q[0]), __func__, a macro defined in the body or redefined before the
 * place where a later-defined callee's frame lands, an enumerator or
 * object declared after that place. Every bound but a plain number
 * becomes the constant it is. */
static void fix_local_bounds(lower_t* L, tr_node_t* n) {
  if (n->kind == CXCursor_FieldDecl || n->kind == CXCursor_TypedefDecl) {
    if (tr_shape_in_macro(L->p, n->start, n->end)) return; /* not its text */
    CXType t = n->kind == CXCursor_FieldDecl
                   ? clang_getCursorType(n->cur)
                   : clang_getTypedefDeclUnderlyingType(n->cur);
    /* libclang visits the innermost bound first; the text has the
       outermost first, as the type does */
    unsigned done = 0; /* bounds already paired with a dimension */
    for (; t.kind == CXType_ConstantArray; t = clang_getArrayElementType(t)) {
      tr_node_t* b = NULL;
      unsigned seen = 0;
      for (unsigned i = 0; i < n->nkids; i++) {
        tr_node_t* k = n->kids[i];
        if (!clang_isExpression(k->kind) || !k->in_file) continue;
        unsigned before = 0; /* bounds spelled before this one */
        for (unsigned j = 0; j < n->nkids; j++)
          if (clang_isExpression(n->kids[j]->kind) && n->kids[j]->in_file &&
              n->kids[j]->start < k->start)
            before++;
        if (before == done) b = k;
        seen++;
      }
      if (!b || done++ >= seen) break;
      tr_node_t* lit = tr_node_strip(b);
      if (b->end > b->start &&
          !(lit->kind == CXCursor_IntegerLiteral && lit->spelled))
        tr_edit_replace(L->ed, b->start, b->end,
                        tr_sprintf("%lld", clang_getArraySize(t)));
    }
    return;
  }
  for (unsigned i = 0; i < n->nkids; i++) fix_local_bounds(L, n->kids[i]);
}

/* Moves the definition of tag 'd' to file scope; 'struct NN' stays. */
static void move_definition(lower_t* L, tr_node_t* d) {
  const char* nn = tr_frame_hoisted_name(d->cur);
  put_moved_type(L, d, tr_sprintf("%s;", render(L, d->start, d->end)));
  tr_edit_replace(L->ed, d->start, d->end,
                  tr_sprintf("%s %s",
                             d->kind == CXCursor_StructDecl  ? "struct"
                             : d->kind == CXCursor_UnionDecl ? "union"
                                                             : "enum",
                             nn));
}

/* Moves the renamed type declarations out of the body (after renaming, so
 * the moved text uses the new names). */
static void move_types(lower_t* L, tr_node_t* n) {
  if (n->kind == CXCursor_DeclStmt) {
    for (unsigned i = 0; i < n->nkids; i++)
      if (is_type_decl(n->kids[i]) && tr_frame_hoisted_name(n->kids[i]->cur))
        fix_local_bounds(L, n->kids[i]);
    bool vars = false, named = false;
    for (unsigned i = 0; i < n->nkids; i++) {
      if (n->kids[i]->kind == CXCursor_VarDecl) vars = true;
      if (is_type_decl(n->kids[i]) && tr_frame_hoisted_name(n->kids[i]->cur))
        named = true;
    }
    if (named && !vars) {
      put_moved_type(L, n->nkids ? n->kids[0] : n, render(L, n->start, n->end));
      tr_edit_replace(L->ed, n->start, n->end, TR_GEN "");
    } else if (named) {
      for (unsigned i = 0; i < n->nkids; i++) {
        tr_node_t* d = n->kids[i];
        if (is_type_decl(d) && d->kind != CXCursor_TypedefDecl &&
            clang_isCursorDefinition(d->cur) && tr_frame_hoisted_name(d->cur))
          move_definition(L, d);
      }
    }
    for (unsigned i = 0; i < n->nkids; i++) /* tags in initializers */
      if (n->kids[i]->kind == CXCursor_VarDecl) move_types(L, n->kids[i]);
    return;
  }
  if (is_type_decl(n) && in_type_name(n) && tr_frame_hoisted_name(n->cur)) {
    fix_local_bounds(L, n);
    move_definition(L, n);
    return;
  }
  for (unsigned i = 0; i < n->nkids; i++) move_types(L, n->kids[i]);
}

/* Literals with awaits inside are hoisted by explode(), after the awaits
 * in them were lowered. */
static void hoist_literals(lower_t* L, tr_node_t* n) {
  for (unsigned i = 0; i < n->nkids; i++) hoist_literals(L, n->kids[i]);
  if (!n->has_await) hoist_literal(L, n, NULL);
}

static void rewrite_refs(lower_t* L, tr_node_t* n) {
  if (n->in_file && n->spelled && n->end - n->start >= 8 &&
      (n->kind == CXCursor_UnexposedExpr || n->kind == CXCursor_StringLiteral ||
       n->kind == CXCursor_DeclRefExpr)) {
    /* __func__ names the async function, not its resume function */
    const char* t = L->tu->text + n->start;
    size_t len = n->end - n->start;
    if ((len == 8 && strncmp(t, "__func__", 8) == 0) ||
        (len == 12 && strncmp(t, "__FUNCTION__", 12) == 0) ||
        (len == 19 && strncmp(t, "__PRETTY_FUNCTION__", 19) == 0)) {
      tr_edit_replace(L->ed, n->start, n->end,
                      tr_sprintf("\"%s\"", L->fn->name));
      return;
    }
  }
  if (n->unevaluated && n->call && n->call->callee) {
    /* never evaluated: only its type matters */
    tr_fn_t* c = n->call->callee;
    const char* ptr =
        c->ret_void ? NULL : tr_frame_declarator(c->ret, "(*)", false, NULL);
    tr_edit_replace(
        L->ed, n->start, n->end,
        ptr ? tr_sprintf(TR_GEN "(*(%s)0)", ptr) : TR_GEN "((void)0)");
    return;
  }
  if (n->kind == CXCursor_DeclRefExpr && n->local && n->local->promoted) {
    if (!n->spelled || !n->in_file)
      error_at(L, n,
               "a variable kept across an await is used inside a macro "
               "expansion; asyncc cannot rewrite it yet");
    else
      tr_edit_replace(L->ed, n->start, n->end,
                      tr_sprintf(F "%s", n->local->field));
  }
  for (unsigned i = 0; i < n->nkids; i++) rewrite_refs(L, n->kids[i]);
}

typedef struct loop_label_s {
  tr_node_t* loop;
  int label;
  struct loop_label_s* next;
} loop_label_t;

static loop_label_t* loop_labels;

static int continue_label_of(lower_t* L, tr_node_t* loop) {
  (void)L;
  for (loop_label_t* x = loop_labels; x; x = x->next)
    if (x->loop == loop) return x->label;
  return 0;
}

static bool is_loop(tr_node_t* n) {
  return n->kind == CXCursor_WhileStmt || n->kind == CXCursor_DoStmt ||
         n->kind == CXCursor_ForStmt;
}

/* Rewrites the continue statements that bind to 'loop' into gotos. */
static int retarget_continues(lower_t* L, tr_node_t* n, int label) {
  int count = 0;
  for (unsigned i = 0; i < n->nkids; i++) {
    tr_node_t* k = n->kids[i];
    if (k->kind == CXCursor_ContinueStmt) {
      tr_edit_replace(L->ed, k->start, stmt_end(L, k),
                      tr_sprintf(TR_GEN "goto asyncc__c%d;", label));
      count++;
    } else if (!is_loop(k)) { /* expressions too: GNU ({ continue; }) */
      count += retarget_continues(L, k, label);
    }
  }
  return count;
}

static void plan_loops(lower_t* L, tr_node_t* n) {
  if (n->kind == CXCursor_DoStmt || n->kind == CXCursor_ForStmt) {
    bool needs = false;
    tr_node_t* body = NULL;
    if (n->kind == CXCursor_DoStmt) {
      needs = last_kid(n) && last_kid(n)->has_await;
      body = n->kids[0];
    } else {
      for_parts_t fp;
      if (!tr_shape_in_macro(L->p, n->start, n->end) && for_parts(L, n, &fp)) {
        needs =
            fp.inc && ((fp.cond && fp.cond->has_await) || fp.inc->has_await);
        body = fp.body;
      }
    }
    if (needs && body) {
      int label = ++L->nconts;
      tr_node_t wrapper = {0};
      tr_node_t* kids[1] = {body};
      wrapper.kids = kids;
      wrapper.nkids = 1;
      /* (retarget first: a body that is a continue must be rewritten too) */
      if (retarget_continues(L, &wrapper, label) > 0) {
        loop_label_t* x = tr_alloc(sizeof *x);
        x->loop = n;
        x->label = label;
        x->next = loop_labels;
        loop_labels = x;
      }
    }
  }
  for (unsigned i = 0; i < n->nkids; i++)
    if (!clang_isExpression(n->kids[i]->kind)) plan_loops(L, n->kids[i]);
}

/* A return inside a GNU statement expression that does not await (a TRY
 * macro around a plain call) lies in an expression lower_stmt leaves
 * alone; it must still store the result and end the frame. */
static void lower_nested_returns(lower_t* L, tr_node_t* n, bool in_expr) {
  if (n->kind == CXCursor_ReturnStmt && in_expr) {
    lower_return(L, n);
    return;
  }
  if (n->kind == CXCursor_StmtExpr && !n->has_await) in_expr = true;
  for (unsigned i = 0; i < n->nkids; i++)
    lower_nested_returns(L, n->kids[i], in_expr);
}

/* ==================================================================
 * The generated function
 * ================================================================== */

static const char* linkage(tr_fn_t* fn) {
  return fn->is_static ? "static ASYNCC__MAYBE_UNUSED " : "";
}

/* "int a, double b" for _start, from the function's parameter types. */
static const char* start_params(tr_fn_t* fn, bool names) {
  /* the definition's: an earlier f(); declaration lists no parameters */
  CXType ft =
      clang_getCursorType(clang_Cursor_isNull(fn->def) ? fn->decl : fn->def);
  int n = clang_getNumArgTypes(ft);
  if (n <= 0) return "void";
  tr_buf_t b;
  tr_buf_init(&b);
  tr_local_t* l = fn->locals;
  for (int i = 0; i < n; i++) {
    const char* nm = "";
    if (names && l && l->is_param) {
      nm = l->name;
      l = l->next;
    }
    char* d = tr_frame_param_declarator(clang_getArgType(ft, (unsigned)i), nm,
                                        false, NULL);
    tr_buf_printf(&b, "%s%s", i ? ", " : "", d ? d : "int");
  }
  return tr_buf_take(&b);
}

char* tr_lower_protos(tr_fn_t* fn) {
  const char* lk = linkage(fn);
  char* take = tr_frame_declarator(
      fn->ret, tr_sprintf("asyncc__%s_take(asyncc_frame_t*)", fn->name), false,
      NULL);
  return tr_sprintf(TR_GEN
                    "%sasyncc_frame_t* asyncc__%s_start(%s);\n"
                    "%s%s;\n"
                    "%svoid asyncc__%s_take_into(asyncc_frame_t*, void*);\n",
                    lk, fn->name, start_params(fn, false), lk,
                    take ? take : "int asyncc__take(void)", lk, fn->name);
}

static void resolve_temps(lower_t* L, const char* body, tr_buf_t* out) {
  /* A temporary crosses a suspension when an ASYNCC__AWAIT lies between
   * its first and last use; only those need a frame field. */
  size_t n = L->ntemps;
  long* first = calloc(n ? n : 1, sizeof(long));
  long* last = calloc(n ? n : 1, sizeof(long));
  for (size_t i = 0; i < n; i++) first[i] = last[i] = -1;
  for (const char* p = strchr(body, '\003'); p; p = strchr(p + 1, '\003')) {
    int id = atoi(p + 1);
    if (first[id] < 0) first[id] = p - body;
    last[id] = p - body;
  }
  for (const char* p = strstr(body, "ASYNCC__AWAIT"); p;
       p = strstr(p + 1, "ASYNCC__AWAIT")) {
    long at = p - body;
    for (size_t i = 0; i < n; i++)
      if (first[i] >= 0 && first[i] < at && at < last[i])
        L->temps[i].crosses = true;
  }
  free(first);
  free(last);
  for (const char* p = body;;) {
    const char* t = strchr(p, '\003');
    tr_buf_add(out, p, t ? (size_t)(t - p) : strlen(p));
    if (!t) break;
    int id = atoi(t + 1);
    tr_buf_printf(out, "%sasyncc__t%d%s", L->temps[id].crosses ? F : "", id,
                  L->temps[id].bits ? ".v" : "");
    p = strchr(t, '\004') + 1;
  }
}

/* Offset of the parenthesis closing the one at or after 'from', or 0. */
static unsigned close_paren(const tr_tu_t* tu, unsigned from) {
  int depth = 0;
  for (unsigned i = from; i < tu->len; i++) {
    if (tu->text[i] == '(') depth++;
    if (tu->text[i] == ')' && --depth == 0) return i;
  }
  return 0;
}

/* The alignment specifiers of local 'l' (_Alignas(64) or GNU's aligned
 * attribute), as C text to put before its frame field, and the largest
 * alignment they ask for when it is a number (else 0). */
static const char* align_spec(lower_t* L, const tr_local_t* l,
                              long long* align) {
  tr_buf_t b;
  tr_buf_init(&b);
  *align = 0;
  for (unsigned i = 0; l->node && i < l->node->nkids; i++) {
    tr_node_t* k = l->node->kids[i];
    if (k->kind != CXCursor_AlignedAttr || !k->in_file) continue;
    const char* t = L->tu->text + k->start;
    unsigned close = close_paren(L->tu, k->start);
    bool std = strncmp(t, "_Alignas", 8) == 0 || strncmp(t, "alignas", 7) == 0;
    if (!close || (!std && strncmp(t, "aligned", 7) != 0)) continue;
    const char* open = memchr(t, '(', close - k->start);
    long long a = open ? strtoll(open + 1, NULL, 0) : 0;
    if (a > *align) *align = a;
    const char* spec = render(L, k->start, close + 1);
    tr_buf_printf(&b, std ? "%s " : "__attribute__((%s)) ", spec);
  }
  return b.len ? tr_buf_take(&b) : "";
}

/* The members of block 'b' (see tr_block_t): its own locals, then its
 * nested blocks, sharing storage when there are several. */
static void emit_local(lower_t* L, tr_buf_t* out, tr_local_t* l,
                       const char* ind) {
  const char* why = NULL;
  char* d = l->is_param
                ? tr_frame_param_declarator(l->type, l->member, true, &why)
                : tr_frame_declarator(l->type, l->member, true, &why);
  if (!d) {
    if (!l->is_param && tr_live_variably_modified(l->type))
      /* kept whether or not it is used after the await */
      tr_diag_cursor(TR_ERROR, l->decl,
                     "variable '%s' of a variable-length array type (or a "
                     "pointer to one) is in the scope of an await: resuming "
                     "would jump into its scope, which C forbids; declare "
                     "it in a block without awaits",
                     l->name);
    else
      tr_diag_cursor(TR_ERROR, l->decl,
                     "variable '%s' is live across an await, but its type "
                     "cannot be stored in the frame: %s",
                     l->name, why ? why : "unsupported type");
    L->errors++;
    return;
  }
  long long align;
  tr_buf_printf(out, "%s%s%s;\n", ind, align_spec(L, l, &align), d);
}

/* The first local of union asyncc__v<slot>, which is declared there. */
/* Where the next member of a struct goes (--report and member order). */
typedef struct {
  tr_buf_t* out; /* the report's lines, or NULL */
  long long off, align;
} layout_t;

/* A member at the top level of a frame struct. The frame declares them
 * by decreasing alignment, in declaration order within one alignment: no
 * padding between them, so 'int' results and locals pack together after
 * the header instead of each leaving a hole before the next pointer. */
typedef enum {
  M_RET,     /* asyncc__ret */
  M_LOCAL,   /* a local of the body's block or of a single nested block */
  M_SLOT,    /* union asyncc__vN of locals that never live at once */
  M_BLOCKS,  /* union asyncc__sN of blocks that never live at once */
  M_TEMP,    /* asyncc__tN */
  M_LITERAL, /* asyncc__clN */
  M_CHILD,   /* asyncc__c */
  M_CALLEES  /* union asyncc__u of embedded callee frames */
} member_kind_t;

typedef struct member_s {
  member_kind_t kind;
  tr_local_t* local; /* M_LOCAL, M_SLOT (its first local) */
  tr_block_t* block; /* M_BLOCKS */
  size_t i;          /* M_TEMP, M_LITERAL */
  long long align;
  size_t seq;
} member_t;

/* union asyncc__v<slot>, at its first local 'l'. */
static void emit_slot(lower_t* L, tr_buf_t* out, tr_local_t* l,
                      const char* ind) {
  tr_buf_printf(out, "%sunion { /* variables that never live at once */\n",
                ind);
  const char* in2 = tr_sprintf("%s  ", ind);
  for (tr_local_t* m = l; m; m = m->block_next)
    if (m->slot == l->slot) emit_local(L, out, m, in2);
  tr_buf_printf(out, "%s} asyncc__v%d;\n", ind, l->slot);
}

static void emit_block(lower_t* L, tr_buf_t* out, tr_block_t* b,
                       const char* ind);

/* union asyncc__s<N> of the nested blocks of 'b'. */
static void emit_blocks(lower_t* L, tr_buf_t* out, tr_block_t* b,
                        const char* ind) {
  tr_buf_printf(out, "%sunion { /* blocks that never live at once */\n", ind);
  const char* in2 = tr_sprintf("%s    ", ind);
  int i = 0;
  for (tr_block_t* k = b->kids; k; k = k->next, i++) {
    tr_buf_printf(out, "%s  struct { /* block at line %u */\n", ind,
                  tr_tu_line(L->tu, k->scope->start));
    emit_block(L, out, k, in2);
    tr_buf_printf(out, "%s  } b%d;\n", ind, i);
  }
  tr_buf_printf(out, "%s} asyncc__s%d;\n", ind, b->union_id);
}

static member_t* block_member_list(lower_t* L, tr_block_t* b, size_t* n);
static void emit_member(lower_t* L, tr_buf_t* out, const member_t* m,
                        const char* ind);

/* The members of a nested block, in declaration order. */
static void emit_block(lower_t* L, tr_buf_t* out, tr_block_t* b,
                       const char* ind) {
  size_t n = 0;
  member_t* ms = block_member_list(L, b, &n);
  for (size_t i = 0; i < n; i++) emit_member(L, out, &ms[i], ind);
}

static void layout_member(lower_t* L, layout_t* y, const member_t* m,
                          const char* all);

static void add_member(member_t** v, size_t* n, size_t* cap, member_t m) {
  *v = tr_grow(*v, cap, *n + 1, sizeof **v);
  m.seq = *n;
  (*v)[(*n)++] = m;
}

static void block_members(lower_t* L, tr_block_t* b, member_t** v, size_t* n,
                          size_t* cap) {
  for (tr_local_t* l = b->locals; l; l = l->block_next)
    if (!l->slot || l->slot_lead)
      add_member(v, n, cap,
                 (member_t){l->slot ? M_SLOT : M_LOCAL, l, NULL, 0, 0, 0});
  if (b->nkids == 1)
    block_members(L, b->kids, v, n, cap);
  else if (b->nkids > 1)
    add_member(v, n, cap, (member_t){M_BLOCKS, NULL, b, 0, 0, 0});
}

/* The members of block 'b' (its own locals, then its nested blocks), in
 * declaration order. */
static member_t* block_member_list(lower_t* L, tr_block_t* b, size_t* n) {
  member_t* v = NULL;
  size_t cap = 0;
  *n = 0;
  block_members(L, b, &v, n, &cap);
  return v;
}

static int by_alignment(const void* a, const void* b) {
  const member_t* x = a;
  const member_t* y = b;
  if (x->align != y->align) return x->align > y->align ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The frame's members after its header, in the order it declares them:
 * laid out once, when the body is lowered (report, emit and --report all
 * read them). */
static member_t* frame_members(lower_t* L, size_t* n) {
  if (L->members) {
    *n = L->nmembers;
    return L->members;
  }
  member_t* v = NULL;
  size_t cap = 0;
  *n = 0;
  if (!L->fn->ret_void)
    add_member(&v, n, &cap, (member_t){M_RET, NULL, NULL, 0, 0, 0});
  block_members(L, L->fn->blocks, &v, n, &cap);
  for (size_t i = 0; i < L->ntemps; i++)
    if (L->temps[i].crosses)
      add_member(&v, n, &cap, (member_t){M_TEMP, NULL, NULL, i, 0, 0});
  for (int i = 0; i < L->nliterals; i++)
    add_member(&v, n, &cap, (member_t){M_LITERAL, NULL, NULL, (size_t)i, 0, 0});
  if (L->heap_child)
    add_member(&v, n, &cap, (member_t){M_CHILD, NULL, NULL, 0, 0, 0});
  if (L->nembeds)
    add_member(&v, n, &cap, (member_t){M_CALLEES, NULL, NULL, 0, 0, 0});
  for (size_t i = 0; i < *n; i++) {
    layout_t y = {NULL, 0, 1};
    layout_member(L, &y, &v[i], NULL);
    v[i].align = y.align;
  }
  if (*n > 1) qsort(v, *n, sizeof *v, by_alignment);
  L->members = v;
  L->nmembers = *n;
  return v;
}

static void emit_member(lower_t* L, tr_buf_t* out, const member_t* m,
                        const char* ind) {
  switch (m->kind) {
    case M_RET: {
      /* unqualified, as C17 reads a function's return type */
      char* d = tr_frame_declarator(clang_getUnqualifiedType(L->fn->ret),
                                    "asyncc__ret", true, NULL);
      tr_buf_printf(out, "%s%s;\n", ind, d ? d : "int asyncc__ret");
      break;
    }
    case M_LOCAL:
      emit_local(L, out, m->local, ind);
      break;
    case M_SLOT:
      emit_slot(L, out, m->local, ind);
      break;
    case M_BLOCKS:
      emit_blocks(L, out, m->block, ind);
      break;
    case M_TEMP:
      tr_buf_printf(out, "%s%s;\n", ind, L->temps[m->i].field);
      break;
    case M_LITERAL:
      tr_buf_printf(out, "%s%s;\n", ind, L->literals[m->i].decl);
      break;
    case M_CHILD:
      tr_buf_printf(out, "%sasyncc_frame_t* asyncc__c;\n", ind);
      break;
    case M_CALLEES:
      tr_buf_puts(out,
                  "  union { /* frames of awaited callees, one at a time */\n");
      for (int e = 0; e < L->nembeds; e++)
        tr_buf_printf(out, "    struct asyncc__%s_frame %s;\n",
                      L->embeds[e]->name, L->embeds[e]->name);
      tr_buf_puts(out, "  } asyncc__u;\n");
      break;
  }
}

static void report(lower_t* L, tr_buf_t* out);

static void emit_function(lower_t* L, tr_buf_t* out) {
  tr_fn_t* fn = L->fn;
  const char* nm = fn->name;
  const char* path = L->tu->path;
  unsigned line = tr_tu_line(L->tu, fn->def_start);
  char* body = render(L, fn->body->start, fn->body->end);
  tr_buf_t rb;
  tr_buf_init(&rb);
  resolve_temps(L, body, &rb);
  report(L, NULL); /* the layout says whether the frame is over-aligned */

  if (L->types.len) {
    /* types from the body, at file scope so the frame can hold them */
    tr_buf_add(out, L->types.data, L->types.len);
  }
  tr_buf_puts(out, TR_GEN);
  tr_buf_printf(out, "/* async function %s, %s:%u, lowered by asyncc */\n", nm,
                path, line);
  /* the runtime reads headers and callee frames at their natural
     alignment: a frame is not packed by the user's '#pragma pack' */
  bool unpack = pack_before(L, fn->def_end);
  if (unpack) tr_buf_puts(out, "#pragma pack(push)\n#pragma pack()\n");
  tr_buf_printf(out, "struct asyncc__%s_frame {\n  asyncc_frame_t hdr;\n", nm);
  size_t nm_ = 0;
  member_t* ms = frame_members(L, &nm_);
  for (size_t i = 0; i < nm_; i++) emit_member(L, out, &ms[i], "  ");
  tr_buf_puts(out, "};\n");
  if (unpack) tr_buf_puts(out, "#pragma pack(pop)\n");

  const char* lk = linkage(fn);
  tr_buf_printf(
      out, "static ASYNCC__NOINLINE int asyncc__%s_resume(asyncc_frame_t*);\n",
      nm);
  /* _init: a frame in any storage; _start: a frame of its own */
  const char* params = start_params(fn, true);
  bool noparams = strcmp(params, "void") == 0;
  tr_buf_printf(out,
                "static inline ASYNCC__MAYBE_UNUSED void asyncc__%s_init("
                "struct asyncc__%s_frame* asyncc__f%s%s) {\n",
                nm, nm, noparams ? "" : ", ", noparams ? "" : params);
  tr_buf_puts(out, "  asyncc__frame_init_embedded(&asyncc__f->hdr);\n");
  tr_buf_t names;
  tr_buf_init(&names);
  CXType ft =
      clang_getCursorType(clang_Cursor_isNull(fn->def) ? fn->decl : fn->def);
  unsigned pi = 0;
  for (tr_local_t* l = fn->locals; l; l = l->next)
    if (l->is_param) {
      /* an old-style definition's narrow parameter arrives promoted: the
         conversion C makes is spelled, for -Wconversion */
      CXType at = clang_getArgType(ft, pi++);
      char* cast = NULL;
      CXType lt = clang_getUnqualifiedType(clang_getCanonicalType(l->type));
      if (at.kind != CXType_Invalid &&
          !clang_equalTypes(
              clang_getUnqualifiedType(clang_getCanonicalType(at)), lt) &&
          lt.kind >= CXType_FirstBuiltin && lt.kind <= CXType_LastBuiltin)
        cast = tr_frame_declarator(lt, "", true, NULL);
      if (cast)
        tr_buf_printf(out, "  " F "%s = (%s)%s;\n", l->field, cast, l->name);
      else
        tr_buf_printf(out, "  %s;\n",
                      store(l->type, tr_sprintf(F "%s", l->field), l->name));
      tr_buf_printf(&names, ", %s", l->name);
    }
  tr_buf_puts(out, "}\n");
  /* An extern function's entry points get prototypes first, as a header
   * would give them, for -Wmissing-prototypes. */
  if (!fn->is_static && !fn->protos_emitted) {
    const char* protos = tr_lower_protos(fn);
    tr_buf_puts(out, protos + strlen(TR_GEN));
    fn->protos_emitted = true;
  }
  fn->code_at = out->len; /* the frame part ends here (driver.c) */
  tr_buf_printf(out, "%sasyncc_frame_t* asyncc__%s_start(%s) {\n", lk, nm,
                params);
  tr_buf_printf(out,
                "  struct asyncc__%s_frame* asyncc__f =\n"
                "      (struct asyncc__%s_frame*)%s;\n"
                "  asyncc__frame_init(&asyncc__f->hdr, asyncc__%s_resume);\n"
                "  asyncc__%s_init(asyncc__f%s);\n"
                "  return &asyncc__f->hdr;\n}\n",
                nm, nm,
                fn->overaligned
                    ? tr_sprintf("asyncc__frame_alloc_aligned(sizeof "
                                 "*asyncc__f, ASYNCC__ALIGNOF(struct "
                                 "asyncc__%s_frame))",
                                 nm)
                    : "asyncc__frame_alloc(sizeof *asyncc__f)",
                nm, nm, names.data ? names.data : "");
  const char* frame_free =
      fn->overaligned ? tr_sprintf(
                            "  asyncc__frame_free_aligned(asyncc__f, sizeof "
                            "*asyncc__f,\n      ASYNCC__ALIGNOF(struct "
                            "asyncc__%s_frame));\n",
                            nm)
                      : "  asyncc__frame_free(asyncc__f, sizeof *asyncc__f);\n";
  tr_buf_free(&names);
  /* _take and _take_into */
  char* take = tr_frame_declarator(
      fn->ret, tr_sprintf("asyncc__%s_take(asyncc_frame_t* asyncc__fp)", nm),
      false, NULL);
  tr_buf_printf(out, "%s%s {\n", lk, take ? take : "int asyncc__bad(void)");
  tr_buf_printf(out,
                "  struct asyncc__%s_frame* asyncc__f = "
                "(struct asyncc__%s_frame*)asyncc__fp;\n",
                nm, nm);
  if (fn->ret_void) {
    tr_buf_printf(out, "%s}\n", frame_free);
  } else {
    char* r = tr_frame_declarator(fn->ret, "asyncc__r", true, NULL);
    tr_buf_printf(out,
                  "  %s = asyncc__f->asyncc__ret;\n"
                  "%s"
                  "  return asyncc__r;\n}\n",
                  r ? r : "int asyncc__r", frame_free);
  }
  tr_buf_printf(out,
                "%svoid asyncc__%s_take_into(asyncc_frame_t* asyncc__fp, "
                "void* asyncc__out) {\n"
                "  struct asyncc__%s_frame* asyncc__f = "
                "(struct asyncc__%s_frame*)asyncc__fp;\n",
                lk, nm, nm, nm);
  if (!fn->ret_void)
    tr_buf_puts(out,
                "  if (asyncc__out)\n"
                "    memcpy(asyncc__out, &asyncc__f->asyncc__ret, "
                "sizeof asyncc__f->asyncc__ret);\n");
  else
    tr_buf_puts(out, "  (void)asyncc__out;\n");
  tr_buf_printf(out, "%s}\n", frame_free);
  /* _resume */
  tr_buf_printf(out,
                "static ASYNCC__NOINLINE int asyncc__%s_resume(asyncc_frame_t* "
                "asyncc__fp) {\n"
                "  struct asyncc__%s_frame* asyncc__f = "
                "(struct asyncc__%s_frame*)asyncc__fp;\n",
                nm, nm, nm);
  for (size_t i = 0; i < L->ntemps; i++)
    if (!L->temps[i].crosses) tr_buf_printf(out, "  %s;\n", L->temps[i].local);
  tr_buf_printf(out,
                "  switch (asyncc__f->hdr.state) {\n  case 0: break;\n%s"
                "  default: return ASYNCC_DONE;\n  }\n",
                L->dispatch.data ? L->dispatch.data : "");
  tr_buf_puts(out, "  ");
  tr_buf_add(out, rb.data, rb.len);
  tr_buf_puts(out, TR_GEN "\n  return ASYNCC_DONE;\n}\n");
  tr_buf_free(&rb);
}

/* ==================================================================
 * --report: the frame layout, computed with C's layout rules from
 * libclang's sizes (the frame struct itself is generated text)
 * ================================================================== */

static void field(layout_t* y, const char* name, const char* type,
                  long long size, long long align, const char* live) {
  if (align < 1) align = 1;
  y->off = (y->off + align - 1) / align * align;
  if (y->out)
    tr_buf_printf(y->out, "  %-6lld %-6lld %-24s %-28s %s\n", y->off, size,
                  name, type, live);
  y->off += size;
  if (align > y->align) y->align = align;
}

static void type_field(layout_t* y, const char* name, CXType t,
                       const char* live) {
  field(y, name, y->out ? tr_type_name(t) : NULL, clang_Type_getSizeOf(t),
        clang_Type_getAlignOf(t), live);
}

/* "1-3,5": the states whose await lies in [from, to). */
static const char* live_states(lower_t* L, unsigned from, unsigned to) {
  tr_buf_t b;
  tr_buf_init(&b);
  for (int i = 0; i < L->nstates; i++)
    if (L->await_at[i] >= from && L->await_at[i] < to)
      tr_buf_printf(&b, "%s%d", b.len ? "," : "", i + 1);
  return b.len ? tr_buf_take(&b) : "-";
}

/* Lays out the members of block 'b' at 'y', as emit_block declares them. */
/* A parameter declared as an array or a function is a pointer. */
static bool decays(const tr_local_t* l) {
  enum CXTypeKind k = clang_getCanonicalType(l->type).kind;
  return l->is_param &&
         (k == CXType_ConstantArray || k == CXType_IncompleteArray ||
          k == CXType_VariableArray || k == CXType_DependentSizedArray ||
          k == CXType_FunctionProto || k == CXType_FunctionNoProto);
}

static void report_local(lower_t* L, layout_t* y, tr_local_t* l,
                         const char* all) {
  long long align;
  long long size =
      decays(l) ? (long long)sizeof(void*) : clang_Type_getSizeOf(l->type);
  long long natural =
      decays(l) ? (long long)sizeof(void*) : clang_Type_getAlignOf(l->type);
  if (align_spec(L, l, &align)[0] && !align) L->fn->overaligned = true;
  if (align < natural) align = 0;
  /* names and states are text for --report only */
  field(y, l->field, y->out ? tr_type_name(l->type) : NULL, size,
        align ? align : natural,
        l->is_param || !y->out ? all
        : l->shareable         ? live_states(L, l->live_from, l->live_to)
                               : live_states(L, l->scope_start, l->scope->end));
}

static void report_slot(lower_t* L, layout_t* y, tr_local_t* l,
                        const char* all) {
  long long size = 0, align = 1;
  for (tr_local_t* m = l; m; m = m->block_next) {
    if (m->slot != l->slot) continue;
    layout_t s = {NULL, 0, 1};
    report_local(L, &s, m, all);
    if (s.off > size) size = s.off;
    if (s.align > align) align = s.align;
  }
  size = (size + align - 1) / align * align;
  field(y, tr_sprintf("asyncc__v%d", l->slot), "union of variables", size,
        align, "shared by the variables below");
  for (tr_local_t* m = l; m; m = m->block_next) {
    if (m->slot != l->slot) continue;
    layout_t s = {y->out, y->off - size, 1};
    report_local(L, &s, m, all);
  }
}

static void report_block(lower_t* L, layout_t* y, tr_block_t* b,
                         const char* all);

static void report_blocks(lower_t* L, layout_t* y, tr_block_t* b,
                          const char* all) {
  long long size = 0, align = 1;
  for (tr_block_t* k = b->kids; k; k = k->next) {
    layout_t s = {NULL, 0, 1};
    report_block(L, &s, k, all);
    long long sz = (s.off + s.align - 1) / s.align * s.align;
    if (sz > size) size = sz;
    if (s.align > align) align = s.align;
  }
  size = (size + align - 1) / align * align;
  field(y, tr_sprintf("asyncc__s%d", b->union_id), "union of blocks", size,
        align, "shared by the blocks below");
  for (tr_block_t* k = b->kids; k; k = k->next) {
    layout_t s = {y->out, y->off - size, 1};
    report_block(L, &s, k, all);
  }
}

static void report_block(lower_t* L, layout_t* y, tr_block_t* b,
                         const char* all) {
  size_t n = 0;
  member_t* ms = block_member_list(L, b, &n);
  for (size_t i = 0; i < n; i++) layout_member(L, y, &ms[i], all);
}

/* sizeof(asyncc_frame_t), from the TU (asyncc/frame.h is in every file
 * asyncc lowers); two pointers and two ints if it cannot be found. */
static enum CXChildVisitResult find_frame_header(CXCursor c, CXCursor parent,
                                                 CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_StructDecl &&
      clang_isCursorDefinition(c)) {
    CXString name = clang_getCursorSpelling(c);
    if (strcmp(clang_getCString(name), "asyncc_frame_s") == 0) {
      *(long long*)data = clang_Type_getSizeOf(clang_getCursorType(c));
      clang_disposeString(name);
      return CXChildVisit_Break;
    }
    clang_disposeString(name);
  }
  return CXChildVisit_Continue;
}

static long long frame_header_size(lower_t* L) {
  static CXTranslationUnit tu; /* the last TU asked about, and its answer */
  static long long size;
  if (tu != L->tu->tu) {
    tu = L->tu->tu;
    size = -1;
    clang_visitChildren(clang_getTranslationUnitCursor(tu), find_frame_header,
                        &size);
  }
  return size > 0 ? size : (long long)(sizeof(void*) * 2 + 8);
}

static void layout_member(lower_t* L, layout_t* y, const member_t* m,
                          const char* all) {
  switch (m->kind) {
    case M_RET:
      type_field(y, "asyncc__ret", L->fn->ret, "result");
      break;
    case M_LOCAL:
      report_local(L, y, m->local, all);
      break;
    case M_SLOT:
      report_slot(L, y, m->local, all);
      break;
    case M_BLOCKS:
      report_blocks(L, y, m->block, all);
      break;
    case M_TEMP:
      type_field(y, tr_sprintf("asyncc__t%zu", m->i), L->temps[m->i].type,
                 "temporary across an await");
      break;
    case M_LITERAL:
      type_field(y, tr_sprintf("asyncc__cl%zu", m->i), L->literals[m->i].type,
                 "compound literal across an await");
      break;
    case M_CHILD:
      field(y, "asyncc__c", "asyncc_frame_t*", (long long)sizeof(void*),
            (long long)sizeof(void*), "callee frame (heap)");
      break;
    case M_CALLEES: {
      long long sz = 0, al = 1;
      for (int e = 0; e < L->nembeds; e++) {
        if (L->embeds[e]->overaligned) L->fn->overaligned = true;
        if (L->embeds[e]->frame_size > sz) sz = L->embeds[e]->frame_size;
        if (L->embeds[e]->frame_align > al) al = L->embeds[e]->frame_align;
      }
      sz = (sz + al - 1) / al * al;
      field(y, "asyncc__u", "union of callee frames", sz, al,
            "callee frames (embedded)");
      break;
    }
  }
}

static void report(lower_t* L, tr_buf_t* out) {
  tr_fn_t* fn = L->fn;
  layout_t y = {out, 0, 8};
  if (out)
    tr_buf_printf(out,
                  "async function %s (%s:%u): struct asyncc__%s_frame, %d "
                  "resume point(s)\n  offset size   field                    "
                  "type                         live across states\n",
                  fn->name, L->tu->path, tr_tu_line(L->tu, fn->def_start),
                  fn->name, L->nstates);
  const char* all = out ? live_states(L, 0, ~0u) : NULL;
  field(&y, "hdr", "asyncc_frame_t", frame_header_size(L),
        (long long)sizeof(void*), "all (runtime header)");
  size_t n = 0;
  member_t* ms = frame_members(L, &n);
  for (size_t i = 0; i < n; i++) layout_member(L, &y, &ms[i], all);
  long long total = (y.off + y.align - 1) / y.align * y.align;
  fn->frame_size = total;
  fn->frame_align = y.align;
  if (y.align > 16) fn->overaligned = true; /* asyncc/frame.h */
  if (out) tr_buf_printf(out, "  total %lld bytes\n\n", total);
}

static void lower_runs(tr_edits_t* ed, tr_node_t* n);

int tr_lower_fn(tr_prog_t* p, tr_fn_t* fn, tr_edits_t* ed, tr_buf_t* out,
                tr_buf_t* rep) {
  lower_t L;
  memset(&L, 0, sizeof L);
  L.p = p;
  L.tu = p->tu;
  L.fn = fn;
  L.ed = ed;
  L.indent = "";
  loop_labels = NULL;
  tr_buf_init(&L.dispatch);
  tr_buf_init(&L.types);
  tr_frame_hoisted_reset();
  if (fn->body->has_await) {
    name_types(&L, fn->body);
    /* a walk asking libclang what every name refers to: only for types */
    if (tr_frame_hoisted_any()) rename_type_refs(&L, fn->body);
    move_types(&L, fn->body);
  }
  rewrite_refs(&L, fn->body);
  plan_loops(&L, fn->body); /* before literals copy their text */
  lower_nested_returns(&L, fn->body, false);
  lower_runs(ed, fn->body);     /* asyncc_spawn() */
  hoist_literals(&L, fn->body); /* last of the edits its text copies */
  lower_stmt(&L, fn->body);
  if (L.errors == 0) emit_function(&L, out);
  if (L.errors == 0 && rep) report(&L, rep);
  tr_buf_free(&L.dispatch);
  tr_buf_free(&L.types);
  return L.errors ? -1 : 0;
}

/* asyncc_run(f(args)) or asyncc_spawn(f(args)) at 'n'. */
static void lower_run(tr_edits_t* ed, tr_node_t* n) {
  int nk = 0;
  tr_node_t** k = tr_alloc((n->call->nkids + 1) * sizeof *k);
  for (unsigned i = 0; i < n->call->nkids; i++)
    if (clang_isExpression(n->call->kids[i]->kind)) k[nk++] = n->call->kids[i];
  tr_buf_t b;
  tr_buf_init(&b);
  const char* nm = n->call->callee->name;
  if (n->is_run)
    tr_buf_printf(&b, TR_GEN "asyncc__%s_take(asyncc__run(asyncc__%s_start(",
                  nm, nm);
  else
    tr_buf_printf(&b, TR_GEN "asyncc__spawn(asyncc__%s_start(", nm);
  for (int j = 1; j < nk; j++)
    tr_buf_printf(&b, "%s%s", j > 1 ? ", " : "",
                  tr_edit_text(ed, k[j]->start, k[j]->end));
  if (n->is_run)
    tr_buf_puts(&b, TR_GEN ")))");
  else
    tr_buf_printf(&b, TR_GEN "), asyncc__%s_take_into)", nm);
  tr_edit_replace(ed, n->start, n->end, tr_buf_take(&b));
}

static void lower_runs(tr_edits_t* ed, tr_node_t* n) {
  for (unsigned i = 0; i < n->nkids; i++) lower_runs(ed, n->kids[i]);
  if ((n->is_run || n->is_spawn) && n->call && n->call->callee)
    lower_run(ed, n);
}

void tr_lower_runs(tr_node_t* root, tr_edits_t* ed) { lower_runs(ed, root); }
