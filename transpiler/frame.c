/* frame.c - LAYOUT: frame field names and C declarators (see frame.h). */
#include "frame.h"

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

void tr_frame_hoisted_reset(void) { nhoisted = 0; }

void tr_frame_hoisted_add(CXCursor decl, const char* name) {
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

const char* tr_frame_hoisted_name(CXCursor decl) {
  for (int i = 0; i < nhoisted; i++)
    if (clang_equalCursors(hoisted[i].decl, decl)) return hoisted[i].name;
  return NULL;
}

/* Spelling of a leaf type (builtin, typedef, tag) with its qualifiers;
 * 'drop_const' removes a top-level const. */
static char* leaf(CXType t, bool drop_const, const char** why) {
  CXType u = clang_getUnqualifiedType(t);
  char* base = tr_type_name(u);
  if (strstr(base, "(unnamed") || strstr(base, "(anonymous")) {
    *why = "a variable of an unnamed struct, union or enum type";
    return NULL;
  }
  CXCursor d = clang_getTypeDeclaration(u);
  const char* hn = clang_Cursor_isNull(d) ? NULL : tr_frame_hoisted_name(d);
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

static char* decl(CXType t, const char* inner, bool drop_const,
                  const char** why) {
  switch (t.kind) {
    case CXType_Pointer: {
      CXType pt = clang_getPointeeType(t);
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
      *why = "a variable-length array";
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
    default: {
      char* l = leaf(t, drop_const, why);
      if (!l) return NULL;
      return inner[0] ? tr_sprintf("%s %s", l, inner) : l;
    }
  }
}

char* tr_frame_declarator(CXType t, const char* name, bool storage,
                          const char** why) {
  const char* dummy;
  return decl(t, name, storage, why ? why : &dummy);
}

char* tr_frame_param_declarator(CXType t, const char* name, bool storage,
                                const char** why) {
  const char* dummy;
  if (!why) why = &dummy;
  /* libclang reports parameter types as written: apply C's adjustment */
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

static bool taken(tr_fn_t* fn, tr_local_t* upto, const char* name) {
  if (strcmp(name, "hdr") == 0) return true;
  for (tr_local_t* l = fn->locals; l && l != upto; l = l->next)
    if (l->promoted && l->field && strcmp(l->field, name) == 0) return true;
  return false;
}

void tr_frame_name_fields(tr_fn_t* fn) {
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    if (!l->promoted) {
      l->field = l->name;
      continue;
    }
    char* name = l->name;
    for (int k = 1; taken(fn, l, name); k++)
      name = tr_sprintf("%s_%d", l->name, k);
    l->field = name;
  }
}
