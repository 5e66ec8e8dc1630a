/* frame.c - LAYOUT: frame field names and C declarators (see frame.h). */
#include "frame.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static bool is_fn_or_array(CXType t) {
  switch (t.kind) {
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
    case CXType_FunctionProto:
    case CXType_FunctionNoProto:
      return true;
    default:
      return false;
  }
}

static char* quals(CXType t, bool drop_const) {
  tr_buf_t b;
  tr_buf_init(&b);
  if (clang_isConstQualifiedType(t) && !drop_const) tr_buf_puts(&b, "const ");
  if (clang_isVolatileQualifiedType(t)) tr_buf_puts(&b, "volatile ");
  if (clang_isRestrictQualifiedType(t)) tr_buf_puts(&b, "restrict ");
  return tr_buf_take(&b);
}

/* Types declared in the body of the function being lowered, hoisted to
 * file scope under new names (see hoist_types in lower.c). */
static struct {
  CXCursor decl;
  const char* name;
} hoisted[256];
static int nhoisted;

/* leaf()'s answers for the types it was last asked about: a function's
 * frame, prototypes and temporaries name the same few types again and
 * again, and each spelling costs libclang a printing of the type. They
 * depend on the hoisted names, so they are forgotten when those change. */
static struct {
  CXType type;
  bool drop_const;
  const char* text; /* arena; NULL: unused slot */
} leaves[16];
static unsigned next_leaf;

static void forget_leaves(void) {
  memset(leaves, 0, sizeof leaves);
  next_leaf = 0;
}

void tr_frame_hoisted_reset(void) {
  nhoisted = 0;
  forget_leaves();
}

void tr_frame_hoisted_add(CXCursor decl, const char* name) {
  forget_leaves();
  if (nhoisted < 256) {
    hoisted[nhoisted].decl = decl;
    hoisted[nhoisted++].name = name;
  }
}

bool tr_frame_hoisted_has(const char* name) {
  for (int i = 0; i < nhoisted; i++)
    if (strcmp(hoisted[i].name, name) == 0) return true;
  return false;
}

bool tr_frame_hoisted_any(void) { return nhoisted > 0; }

const char* tr_frame_hoisted_name(CXCursor decl) {
  for (int i = 0; i < nhoisted; i++)
    if (clang_equalCursors(hoisted[i].decl, decl)) return hoisted[i].name;
  return NULL;
}

/* Spelling of a leaf type (builtin, typedef, tag) with its qualifiers;
 * 'drop_const' removes a top-level const. */
static char* spell_leaf(CXType t, bool drop_const, const char** why) {
  CXType u = clang_getUnqualifiedType(t);
  char* base = tr_type_name(u);
  CXCursor d = clang_getTypeDeclaration(u);
  const char* hn = clang_Cursor_isNull(d) ? NULL : tr_frame_hoisted_name(d);
  if (!hn && (strstr(base, "(unnamed") || strstr(base, "(anonymous"))) {
    *why = "a variable of an unnamed struct, union or enum type";
    return NULL;
  }
  if (hn) {
    enum CXCursorKind k = clang_getCursorKind(d);
    const char* kw = k == CXCursor_StructDecl  ? "struct "
                     : k == CXCursor_UnionDecl ? "union "
                     : k == CXCursor_EnumDecl  ? "enum "
                                               : "";
    return tr_sprintf("%s%s%s", quals(t, drop_const), kw, hn);
  }
  if (!clang_Cursor_isNull(d) &&
      clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
          CXCursor_FunctionDecl) {
    *why = "a variable whose type is declared inside the function";
    return NULL;
  }
  if (drop_const && clang_isConstQualifiedType(u)) {
    /* const hidden inside a typedef: fall back to the canonical type */
    u = clang_getUnqualifiedType(clang_getCanonicalType(u));
    base = tr_type_name(u);
  }
  return tr_sprintf("%s%s", quals(t, drop_const), base);
}

static char* leaf(CXType t, bool drop_const, const char** why) {
  for (unsigned i = 0; i < 16 && leaves[i].text; i++)
    if (leaves[i].drop_const == drop_const &&
        clang_equalTypes(leaves[i].type, t))
      return tr_strdup(leaves[i].text);
  char* s = spell_leaf(t, drop_const, why);
  if (s) {
    unsigned k = next_leaf++ % 16;
    leaves[k].type = t;
    leaves[k].drop_const = drop_const;
    leaves[k].text = tr_strdup(s);
  }
  return s;
}

/* A typeof type: libclang spells it as written, 'typeof (x)', which names
 * a local (meaningless at file scope) with a keyword C11 lacks. */
static bool is_typeof(CXType t) {
  if (t.kind != CXType_Unexposed) return false;
  CXString s = clang_getTypeSpelling(t);
  const char* c = clang_getCString(s);
  while (*c == ' ' || strncmp(c, "const ", 6) == 0 ||
         strncmp(c, "volatile ", 9) == 0)
    c += *c == ' ' ? 1 : *c == 'c' ? 6 : 9;
  bool r = strncmp(c, "typeof", 6) == 0 || strncmp(c, "__typeof", 8) == 0;
  clang_disposeString(s);
  return r;
}

/* typeof(...) and __auto_type stand for a type whose declarator must be
 * composed like any other: int (*pa)[3], not "int (*)[3] pa". */
static CXType desugar(CXType t) {
  return is_typeof(t) || t.kind == CXType_Auto ? clang_getCanonicalType(t) : t;
}

/* A typedef (or an elaborated name of one) of an array whose elements
 * are const: 'typedef const int CIA[2]'. */
static bool hides_const_elements(CXType t) {
  if (t.kind != CXType_Typedef && t.kind != CXType_Elaborated) return false;
  CXType c = clang_getCanonicalType(t);
  if (c.kind != CXType_ConstantArray && c.kind != CXType_IncompleteArray)
    return false;
  /* the const may sit on the array type or on its element */
  while (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray) {
    if (clang_isConstQualifiedType(c)) return true;
    c = clang_getArrayElementType(c);
  }
  return clang_isConstQualifiedType(c);
}

static char* decl(CXType t, const char* inner, bool drop_const,
                  const char** why) {
  t = desugar(t);
  switch (t.kind) {
    case CXType_Pointer: {
      CXType pt = desugar(clang_getPointeeType(t));
      char* q = quals(t, drop_const);
      size_t ql = strlen(q);
      if (ql) q[ql - 1] = '\0'; /* "const " -> "const" */
      char* in = tr_sprintf("*%s%s%s", q, ql && inner[0] ? " " : "", inner);
      if (is_fn_or_array(pt)) in = tr_sprintf("(%s)", in);
      return decl(pt, in, false, why);
    }
    case CXType_ConstantArray: {
      char* in = tr_sprintf("%s[%lld]", inner, clang_getArraySize(t));
      return decl(clang_getArrayElementType(t), in, drop_const, why);
    }
    case CXType_IncompleteArray: {
      char* in = tr_sprintf("%s[]", inner);
      return decl(clang_getArrayElementType(t), in, drop_const, why);
    }
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
      *why =
          "a variable-length array (or a pointer to one) cannot be kept "
          "in a frame of fixed size";
      return NULL;
    case CXType_FunctionProto: {
      tr_buf_t b;
      tr_buf_init(&b);
      tr_buf_printf(&b, "%s(", inner);
      int n = clang_getNumArgTypes(t);
      for (int i = 0; i < n; i++) {
        char* a = decl(clang_getArgType(t, (unsigned)i), "", false, why);
        if (!a) return NULL;
        tr_buf_printf(&b, "%s%s", i ? ", " : "", a);
      }
      if (clang_isFunctionTypeVariadic(t))
        tr_buf_puts(&b, n ? ", ..." : "...");
      else if (n == 0)
        tr_buf_puts(&b, "void");
      tr_buf_puts(&b, ")");
      return decl(clang_getResultType(t), tr_buf_take(&b), false, why);
    }
    case CXType_FunctionNoProto:
      return decl(clang_getResultType(t), tr_sprintf("%s()", inner), false,
                  why);
    case CXType_Atomic: {
      /* spelled through its value type, which may be a renamed one */
      char* v = decl(clang_Type_getValueType(t), "", false, why);
      if (!v) return NULL;
      char* q = quals(t, drop_const);
      return tr_sprintf("%s_Atomic(%s)%s%s", q, v, inner[0] ? " " : "", inner);
    }
    default: {
      if (drop_const && hides_const_elements(t)) {
        /* spelled out, the elements lose their const like any other */
        const char* w = NULL;
        char* d = decl(clang_getCanonicalType(t), inner, true, &w);
        if (d) return d;
      }
      char* l = leaf(t, drop_const, why);
      if (!l) return NULL;
      return inner[0] ? tr_sprintf("%s %s", l, inner) : l;
    }
  }
}

bool tr_frame_keeps_const(CXType t) {
  const char* w = NULL;
  return hides_const_elements(t) &&
         !decl(clang_getCanonicalType(t), "x", true, &w);
}

char* tr_frame_declarator(CXType t, const char* name, bool storage,
                          const char** why) {
  const char* dummy;
  return decl(t, name, storage, why ? why : &dummy);
}

/* x86-64's va_list, an array of one builtin struct __va_list_tag, which
 * source cannot name: 'struct __va_list_tag' would be a new type. */
static bool is_va_list_array(CXType t) {
  if (t.kind != CXType_ConstantArray) return false;
  CXString s = clang_getTypeSpelling(
      clang_getCanonicalType(clang_getArrayElementType(t)));
  bool va = strcmp(clang_getCString(s), "struct __va_list_tag") == 0;
  clang_disposeString(s);
  return va;
}

char* tr_frame_param_declarator(CXType t, const char* name, bool storage,
                                const char** why) {
  const char* dummy;
  if (!why) why = &dummy;
  /* libclang reports parameter types as written: apply C's adjustment,
     also to a typedef of an array or function type (va_list) */
  CXType c = clang_getCanonicalType(t);
  if ((t.kind == CXType_Typedef || t.kind == CXType_Elaborated) &&
      is_fn_or_array(c))
    t = c;
  if (is_va_list_array(t)) /* the builtin element type has no name */
    return tr_sprintf("__typeof__((*(__builtin_va_list*)0)[0])* %s", name);
  if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
      t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray) {
    CXType el = clang_getArrayElementType(t);
    return decl(el, tr_sprintf(is_fn_or_array(el) ? "(*%s)" : "*%s", name),
                false, why);
  }
  if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
    return decl(t, tr_sprintf("(*%s)", name), false, why);
  return decl(t, name, storage, why);
}

/* The frame's member names so far: an open-addressing set (a scan of the
 * names before each was quadratic in a function of thousands of locals). */
typedef struct {
  const char** v;
  size_t cap;
} names_t;

static size_t name_hash(const char* s) {
  size_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Adds 'name' unless it is there; returns whether it was added. */
static bool name_add(names_t* t, const char* name) {
  size_t h = name_hash(name) & (t->cap - 1);
  for (; t->v[h]; h = (h + 1) & (t->cap - 1))
    if (strcmp(t->v[h], name) == 0) return false;
  t->v[h] = name;
  return true;
}

/* The block of 'scope', created (with its ancestors) on first use. */
static tr_block_t* block_of(tr_fn_t* fn, tr_node_t* scope) {
  if (scope == fn->body || !scope) return fn->blocks;
  tr_node_t* up = scope->parent;
  while (up && up != fn->body && up->kind != CXCursor_CompoundStmt &&
         up->kind != CXCursor_ForStmt)
    up = up->parent;
  tr_block_t* parent = block_of(fn, up);
  /* locals come in declaration order, so a scope seen before is almost
     always its parent's newest block: no walk of many siblings */
  if (parent->last_kid && parent->last_kid->scope == scope)
    return parent->last_kid;
  tr_block_t** tail = &parent->kids;
  for (; *tail; tail = &(*tail)->next)
    if ((*tail)->scope == scope) return *tail;
  tr_block_t* b = tr_alloc(sizeof *b);
  b->scope = scope;
  b->parent = parent;
  b->locals_tail = &b->locals;
  parent->nkids++;
  parent->last_kid = b;
  *tail = b;
  return b;
}

/* Files promoted local 'l' under its block. */
static void block_add(tr_block_t* b, tr_local_t* l) {
  l->block = b;
  *b->locals_tail = l;
  b->locals_tail = &l->block_next;
}

/* Blocks without promoted locals of their own and a single child pass
 * through: the child hangs on the parent directly. */
static void collapse(tr_block_t* b) {
  for (tr_block_t** k = &b->kids; *k;) {
    tr_block_t* kid = *k;
    collapse(kid);
    bool own = kid->locals != NULL;
    if (!own && kid->nkids == 1) {
      kid->kids->parent = b;
      kid->kids->next = kid->next;
      *k = kid->kids;
    } else if (!own && kid->nkids == 0) {
      *k = kid->next;
      b->nkids--;
      continue;
    }
    k = &(*k)->next;
  }
}

static void assign_paths(tr_block_t* b, const char* path, int* unions) {
  b->path = (char*)path;
  if (b->nkids == 1) {
    assign_paths(b->kids, path, unions);
    return;
  }
  if (b->nkids < 2) return;
  b->union_id = ++*unions;
  int i = 0;
  for (tr_block_t* k = b->kids; k; k = k->next, i++)
    assign_paths(k, tr_sprintf("%sasyncc__s%d.b%d.", path, b->union_id, i),
                 unions);
}

static int by_live_from(const void* a, const void* b) {
  const tr_local_t* x = *(tr_local_t* const*)a;
  const tr_local_t* y = *(tr_local_t* const*)b;
  if (x->live_from != y->live_from) return x->live_from < y->live_from ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* Shareable locals of one block whose live ranges never overlap share a
 * union (interval colouring: taken by start, each goes to the first slot
 * whose last range ended before it starts). A slot left with one local
 * is no union. */
static void assign_slots(tr_fn_t* fn) {
  size_t n = 0;
  for (tr_local_t* l = fn->locals; l; l = l->next)
    if (l->promoted && l->shareable) n++;
  if (n < 2) return;
  tr_local_t** v = tr_alloc(n * sizeof *v);
  n = 0;
  for (tr_local_t* l = fn->locals; l; l = l->next)
    if (l->promoted && l->shareable) v[n++] = l;
  qsort(v, n, sizeof *v, by_live_from);
  struct {
    unsigned to;
    int members;
    int next; /* the block's next slot + 1, or 0 */
  }* slot = tr_alloc(n * sizeof *slot);
  size_t nslots = 0;
  int* of = tr_alloc(n * sizeof *of); /* v[i]'s slot */
  for (size_t i = 0; i < n; i++) {
    /* only the slots of v[i]'s block, in the order they were opened */
    int* link = &v[i]->block->first_slot;
    while (*link && slot[*link - 1].to > v[i]->live_from)
      link = &slot[*link - 1].next;
    if (!*link) {
      slot[nslots].members = 0;
      *link = (int)++nslots;
    }
    size_t k = (size_t)*link - 1;
    slot[k].to = v[i]->live_to;
    slot[k].members++;
    of[i] = (int)k;
  }
  /* numbered by first member in declaration order, for stable names */
  int* id = tr_alloc(nslots * sizeof *id);
  int next = 0;
  for (size_t i = 0; i < n; i++) v[i]->slot = -(int)i - 1; /* until numbered */
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    if (l->slot >= 0) continue;
    size_t i = (size_t)(-l->slot - 1);
    l->slot = 0;
    if (slot[of[i]].members > 1) {
      l->slot_lead = !id[of[i]];
      if (!id[of[i]]) id[of[i]] = ++next;
      l->slot = id[of[i]];
    }
  }
}

void tr_frame_name_fields(tr_fn_t* fn) {
  names_t taken = {NULL, 16};
  while (taken.cap < 2 * (size_t)fn->nlocals + 2) taken.cap *= 2;
  taken.v = tr_alloc(taken.cap * sizeof *taken.v);
  name_add(&taken, "hdr");
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    if (!l->promoted) {
      l->field = l->name;
      continue;
    }
    char* name = l->name;
    for (int k = 1; !name_add(&taken, name); k++)
      name = tr_sprintf("%s_%d", l->name, k);
    l->field = name;
  }
  /* Members are named apart over the whole frame (above), so a name says
     which variable it is wherever it sits; then they get their paths. */
  fn->blocks = tr_alloc(sizeof *fn->blocks);
  fn->blocks->scope = fn->body;
  fn->blocks->locals_tail = &fn->blocks->locals;
  for (tr_local_t* l = fn->locals; l; l = l->next)
    if (l->promoted) {
      l->member = l->field;
      block_add(l->is_param ? fn->blocks : block_of(fn, l->scope), l);
    }
  collapse(fn->blocks);
  int unions = 0;
  assign_paths(fn->blocks, "", &unions);
  assign_slots(fn);
  for (tr_local_t* l = fn->locals; l; l = l->next)
    if (l->promoted)
      l->field = l->slot ? tr_sprintf("%sasyncc__v%d.%s", l->block->path,
                                      l->slot, l->member)
                         : tr_sprintf("%s%s", l->block->path, l->member);
}
