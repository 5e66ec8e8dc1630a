/* driver.c - the per-file pipeline (see driver.h). */
#define _POSIX_C_SOURCE 200809L
#include "driver.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"
#include "dot.h"
#include "edit.h"
#include "emit.h"
#include "frame.h"
#include "lower.h"
#include "tu.h"

#ifndef ASYNCC_CLANG_RESOURCE_DIR
#define ASYNCC_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

static bool file_exists(const char* path) { return access(path, R_OK) == 0; }

/* asyncc.h next to an installed asyncc (PREFIX/bin/../include), else the
 * source tree asyncc was built from. */
static const char* find_include_dir(void) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char* slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char* dir = tr_sprintf("%s/../include", exe);
      if (file_exists(tr_sprintf("%s/asyncc.h", dir))) return dir;
    }
  }
#ifdef ASYNCC_SOURCE_INCLUDE_DIR
  if (file_exists(ASYNCC_SOURCE_INCLUDE_DIR "/asyncc.h"))
    return ASYNCC_SOURCE_INCLUDE_DIR;
#endif
  return NULL;
}

/* ------------------------------------------------------------------
 * Strict C. asyncc.h includes <uv.h>, which needs POSIX declarations
 * (pthread_rwlock_t) that glibc hides under a strict -std=c99 or c11.
 * Output that could not compile in that mode asks for them first, unless
 * the program chooses its own feature-test macros (in its text or a
 * header of its own), which then stay untouched.
 * ------------------------------------------------------------------ */

static enum CXChildVisitResult find_feature_macro(CXCursor c, CXCursor parent,
                                                  CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) != CXCursor_MacroDefinition)
    return CXChildVisit_Continue;
  CXFile file;
  clang_getFileLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
  /* a -D (no file) may be asyncc's own; the prologue's guard sees -Ds */
  if (!file || clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
    return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  const char* nm = clang_getCString(s);
  for (const char* const* m = tr_tu_feature_macros; *m; m++)
    if (strcmp(nm, *m) == 0) *(bool*)data = true;
  clang_disposeString(s);
  return *(bool*)data ? CXChildVisit_Break : CXChildVisit_Continue;
}

#define STRICT_PROLOGUE                                                     \
  "/* asyncc: <uv.h> needs POSIX names that strict -std=c99/c11 hides */\n" \
  "#if defined(__STRICT_ANSI__) && defined(__linux__) && "                  \
  "!defined(_POSIX_C_SOURCE) && \\\n"                                       \
  "    !defined(_XOPEN_SOURCE) && !defined(_GNU_SOURCE) && "                \
  "!defined(_DEFAULT_SOURCE)\n"                                             \
  "#define _POSIX_C_SOURCE 200809L\n"                                       \
  "#endif\n"

static void put_prologue(const tr_prog_t* prog, tr_tu_t* tu, tr_emitter_t* em) {
  bool any = false, chosen = false;
  for (const tr_top_t* t = prog->tops; t && !any; t = t->next) any = t->fn;
  if (!any) return; /* nothing to lower: the text passes through as is */
  clang_visitChildren(clang_getTranslationUnitCursor(tu->tu),
                      find_feature_macro, &chosen);
  if (!chosen)
    tr_emit_put(em, TR_GEN STRICT_PROLOGUE, strlen(TR_GEN STRICT_PROLOGUE));
}

/* ------------------------------------------------------------------
 * Self-referential macros. A function printed with its macros expanded
 * still names a macro that refers to itself (#define malloc(n)
 * (nalloc++, malloc(n)), #define depth (depth + 1)), since C does not
 * expand a macro inside its own expansion; compiling the output would
 * expand it a second time. Around such a function the output suspends
 * every macro whose name is left in it (push_macro, #undef, pop_macro).
 * ------------------------------------------------------------------ */

typedef struct {
  char** names;
  size_t n, cap;
} names_t;

static enum CXChildVisitResult note_macro_def(CXCursor c, CXCursor parent,
                                              CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) != CXCursor_MacroDefinition)
    return CXChildVisit_Continue;
  CXFile file;
  clang_getFileLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
  if (!file) return CXChildVisit_Continue; /* builtin or -D */
  names_t* m = data;
  m->names = tr_grow(m->names, &m->cap, m->n + 1, sizeof(char*));
  m->names[m->n++] = tr_cursor_name(c);
  return CXChildVisit_Continue;
}

static int cmp_name(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

static bool has_name(const names_t* m, const char* name) {
  return m->n && bsearch(&name, m->names, m->n, sizeof(char*), cmp_name);
}

/* The macro names (of 'macros', sorted) left as identifiers in the text
 * of 'root'. */
static void macro_names_in(tr_tu_t* tu, tr_node_t* root, const names_t* macros,
                           names_t* out) {
  CXToken* toks;
  unsigned n;
  clang_tokenize(tu->tu, clang_getCursorExtent(root->cur), &toks, &n);
  for (unsigned i = 0; i < n; i++) {
    if (clang_getTokenKind(toks[i]) != CXToken_Identifier) continue;
    CXString s = clang_getTokenSpelling(tu->tu, toks[i]);
    const char* nm = clang_getCString(s);
    if (has_name(macros, nm) && !has_name(out, nm)) {
      out->names = tr_grow(out->names, &out->cap, out->n + 1, sizeof(char*));
      out->names[out->n++] = tr_sprintf("%s", nm);
      qsort(out->names, out->n, sizeof(char*), cmp_name);
    }
    clang_disposeString(s);
  }
  clang_disposeTokens(tu->tu, toks, n);
}

/* 'text' between the suspension and the restoration of 'names'. */
static char* suspend_macros(const names_t* names, char* text) {
  if (!names->n) return text;
  tr_buf_t b;
  tr_buf_init(&b);
  tr_buf_puts(&b, TR_GEN);
  for (size_t i = 0; i < names->n; i++)
    tr_buf_printf(&b,
                  "#pragma push_macro(\"%s\") /* printed expanded below */\n"
                  "#undef %s\n",
                  names->names[i], names->names[i]);
  tr_buf_puts(&b, text);
  tr_buf_puts(&b, TR_GEN "\n");
  for (size_t i = 0; i < names->n; i++)
    tr_buf_printf(&b, "#pragma pop_macro(\"%s\")\n", names->names[i]);
  return tr_buf_take(&b);
}

/* The lowered 'code' of expanded function 'root', between the suspension
 * and the restoration of the macros whose names are left in it. */
/* Whether [start, end) holds a comment that GCC reads as a fall-through
 * marker ('fall through', 'falls thru', 'FALLTHROUGH', ...). */
static bool has_fallthrough_comment(const tr_tu_t* tu, unsigned start,
                                    unsigned end) {
  const char* t = tu->text;
  for (unsigned i = start; i + 1 < end; i++) {
    if (t[i] != '/' || (t[i + 1] != '*' && t[i + 1] != '/')) continue;
    unsigned e = i + 2;
    while (e < end &&
           !(t[i + 1] == '*' ? t[e] == '*' && t[e + 1] == '/' : t[e] == '\n'))
      e++;
    for (unsigned k = i + 2; k + 4 <= e; k++) {
      if (strncasecmp(t + k, "fall", 4) != 0) continue;
      unsigned j = k + 4;
      if (j < e && (t[j] == 's' || t[j] == 'S')) j++;
      if (j < e && (t[j] == ' ' || t[j] == '-')) j++;
      if (j + 3 <= e && strncasecmp(t + j, "thr", 3) == 0) return true;
    }
    i = e;
  }
  return false;
}

static char* expanded_code(tr_tu_t* tu, tr_node_t* root, const names_t* macros,
                           char* code, bool falls) {
  names_t left = {NULL, 0, 0};
  macro_names_in(tu, root, macros, &left);
  code = suspend_macros(&left, code);
  /* The printed function has lost its comments, and with them the
     fall-through markers GCC's -Wimplicit-fallthrough honours. */
  if (falls)
    code = tr_sprintf(
        "#pragma GCC diagnostic push\n"
        "#pragma GCC diagnostic ignored \"-Wimplicit-fallthrough\"\n"
        "%s\n#pragma GCC diagnostic pop\n",
        code);
  return code;
}

/* Whether the word 'struct', 'union' or 'enum' starts at t[at] (not a
 * part of a longer identifier; 'from' is where the text may begin). */
static bool tag_keyword_at(const char* t, unsigned at, unsigned from) {
  static const char* const kw[] = {"struct", "union", "enum"};
  if (at > from && (isalnum((unsigned char)t[at - 1]) || t[at - 1] == '_'))
    return false;
  for (size_t k = 0; k < 3; k++) {
    size_t n = strlen(kw[k]);
    if (strncmp(t + at, kw[k], n) == 0 && !isalnum((unsigned char)t[at + n]) &&
        t[at + n] != '_')
      return true;
  }
  return false;
}

/* A struct, union or enum defined in the declaration specifiers of an
 * async function ('async struct R { int a; } f(void)') would go with the
 * rewritten declaration: its definition is kept, as a declaration of its
 * own, ahead of what replaces the function. */
static void keep_specifier_tags(const tr_tu_t* tu, tr_node_t* root,
                                tr_buf_t* out) {
  unsigned name_at;
  if (!tr_tu_offset(tu, clang_getCursorLocation(root->cur), &name_at) ||
      name_at <= root->start || name_at > tu->len)
    return;
  const char* t = tu->text;
  for (unsigned i = root->start; i < name_at; i++) {
    if (t[i] != '{') continue;
    unsigned depth = 0, j = i;
    for (; j < name_at; j++) {
      if (t[j] == '{') depth++;
      if (t[j] == '}' && --depth == 0) break;
    }
    if (j >= name_at) return;
    unsigned kw = i; /* back to the struct/union/enum keyword */
    while (kw > root->start && !tag_keyword_at(t, kw, root->start)) kw--;
    tr_buf_add(out, t + kw, j + 1 - kw);
    tr_buf_puts(out, ";\n");
    i = j;
  }
}

/* Async functions named (called) anywhere under 'n'. */
static void add_callee_protos(tr_node_t* n, tr_fn_t* self, tr_buf_t* out) {
  if (n->kind == CXCursor_DeclRefExpr && n->callee && n->callee != self &&
      !n->callee->protos_emitted) {
    tr_buf_puts(out, tr_lower_protos(n->callee));
    n->callee->protos_emitted = true;
  }
  for (unsigned i = 0; i < n->nkids; i++)
    add_callee_protos(n->kids[i], self, out);
}

/* ------------------------------------------------------------------
 * Callees defined after their caller. A caller embeds a callee's frame
 * only when the frame struct is complete before it; for a callee defined
 * later in the file (top-down code), the callee is lowered first and its
 * frame part (body types, frame struct, _init) goes before the caller,
 * when every type it names is declared before the caller too. */

typedef struct {
  tr_tu_t* tu;
  struct {
    CXFile file;
    unsigned at; /* offset of its #include in the main file */
  } * inc;
  size_t ninc, cap;
} avail_t;

static void note_include(CXFile inc, CXSourceLocation* stack, unsigned n,
                         CXClientData data) {
  avail_t* a = data;
  unsigned off;
  if (n == 0 || !tr_tu_offset(a->tu, stack[n - 1], &off)) return;
  a->inc = tr_grow(a->inc, &a->cap, a->ninc + 1, sizeof *a->inc);
  a->inc[a->ninc].file = inc;
  a->inc[a->ninc++].at = off;
}

/* Whether declaration 'd' is seen before offset 'at' (or within [from,
 * to), the callee itself, whose body types move with its frame). */
static bool declared_before(avail_t* a, CXCursor d, unsigned at, unsigned from,
                            unsigned to) {
  CXFile f;
  unsigned off;
  clang_getFileLocation(clang_getCursorLocation(d), &f, NULL, NULL, &off);
  if (!f) return true; /* builtin */
  if (clang_File_isEqual(f, a->tu->file))
    return off < at || (from <= off && off < to);
  for (size_t i = 0; i < a->ninc; i++)
    if (clang_File_isEqual(a->inc[i].file, f)) return a->inc[i].at < at;
  return false;
}

static bool type_before(avail_t* a, CXType t, unsigned at, unsigned from,
                        unsigned to, int depth) {
  if (depth > 16) return false;
  switch (t.kind) {
    case CXType_Pointer:
      return type_before(a, clang_getPointeeType(t), at, from, to, depth + 1);
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
      return type_before(a, clang_getArrayElementType(t), at, from, to,
                         depth + 1);
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: {
      int n = clang_getNumArgTypes(t);
      for (int i = 0; i < n; i++)
        if (!type_before(a, clang_getArgType(t, (unsigned)i), at, from, to,
                         depth + 1))
          return false;
      return type_before(a, clang_getResultType(t), at, from, to, depth + 1);
    }
    case CXType_Elaborated:
      return type_before(a, clang_Type_getNamedType(t), at, from, to,
                         depth + 1);
    case CXType_Atomic:
      return type_before(a, clang_Type_getValueType(t), at, from, to,
                         depth + 1);
    case CXType_Typedef:
    case CXType_Record:
    case CXType_Enum:
      return declared_before(a, clang_getTypeDeclaration(t), at, from, to);
    case CXType_Unexposed: /* typeof and the like: their canonical type */
      return clang_getCanonicalType(t).kind == CXType_Unexposed ||
             type_before(a, clang_getCanonicalType(t), at, from, to, depth + 1);
    default:
      return true;
  }
}

/* Every type that 'n' and its subtree name: the frame's fields and
 * temporaries all have such types. */
static bool subtree_before(avail_t* a, tr_node_t* n, unsigned at, unsigned from,
                           unsigned to) {
  if (!type_before(a, clang_getCursorType(n->cur), at, from, to, 0))
    return false;
  for (unsigned i = 0; i < n->nkids; i++)
    if (!subtree_before(a, n->kids[i], at, from, to)) return false;
  return true;
}

static void pull_callees(tr_prog_t* prog, avail_t* a, tr_node_t* n, unsigned at,
                         tr_buf_t* text, tr_buf_t* rep);

/* Lowers 'f' now and appends its frame part to 'text' (see above). */
static void pull(tr_prog_t* prog, avail_t* a, tr_fn_t* f, unsigned at,
                 tr_buf_t* text, tr_buf_t* rep) {
  if (f->frame_emitted || f->pulling || f->pulled || !f->defined_here ||
      !f->ok || !f->body || !f->root)
    return;
  if (!subtree_before(a, f->root, at, f->def_start, f->def_end)) return;
  f->pulling = true;
  pull_callees(prog, a, f->body, at, text, rep);
  tr_buf_t ftext;
  tr_buf_init(&ftext);
  add_callee_protos(f->root, f, &ftext);
  tr_edits_t fed;
  tr_edit_init(&fed, a->tu);
  if (tr_lower_fn(prog, f, &fed, &ftext, rep) == 0) {
    tr_buf_add(text, ftext.data, f->code_at);
    f->pulled = tr_sprintf(TR_GEN
                           "/* async function %s, continued: its frame "
                           "struct is above, before its first caller */\n%s",
                           f->name, ftext.data + f->code_at);
    f->protos_emitted = true;
    f->frame_emitted = true;
  }
  tr_buf_free(&ftext);
  f->pulling = false;
}

static void pull_callees(tr_prog_t* prog, avail_t* a, tr_node_t* n, unsigned at,
                         tr_buf_t* text, tr_buf_t* rep) {
  if (n->is_await && n->call && n->call->callee &&
      n->call->callee->def_start > at)
    pull(prog, a, n->call->callee, at, text, rep);
  for (unsigned i = 0; i < n->nkids; i++)
    pull_callees(prog, a, n->kids[i], at, text, rep);
}

static void write_dep_path(FILE* f, const char* p) {
  for (; *p; p++) {
    if (*p == ' ' || *p == '#') fputc('\\', f);
    if (*p == '$') fputc('$', f);
    fputc(*p, f);
  }
}

static void add_inclusion(CXFile inc, CXSourceLocation* stack, unsigned n,
                          CXClientData data) {
  (void)stack;
  (void)n;
  FILE* f = data;
  CXString name = clang_getFileName(inc);
  fputs(" \\\n  ", f);
  write_dep_path(f, clang_getCString(name));
  clang_disposeString(name);
}

static int write_depfile(const tr_options_t* o, tr_tu_t* tu) {
  tr_outfile_t out;
  if (tr_outfile_open(&out, o->depfile) != 0) return -1;
  write_dep_path(out.f, o->output);
  fputc(':', out.f);
  clang_getInclusions(tu->tu, add_inclusion, out.f);
  fputc('\n', out.f);
  return tr_outfile_close(&out, true);
}

/* Hands the text of a top-level declaration, [start, end) of the file, to
   the output, if there is one. */
static void put_top(tr_emit_stream_t* out, unsigned start, unsigned end,
                    tr_buf_t* text) {
  if (out)
    tr_emit_stream_edit(out, start, end, tr_buf_take(text));
  else
    tr_buf_free(text);
}

/* The analyses of an async definition, run as soon as COLLECT has its
 * tree (see tr_shape_collect): which locals live in the frame, then
 * whether its macros must be expanded, which depends on that. After the
 * parse of the expanded text, only the first. */
static void analyse_fn(tr_prog_t* p, tr_fn_t* fn) {
  tr_live_compute(fn);
  tr_shape_plan_expansion(p, fn);
}

static void compute_live(tr_prog_t* p, tr_fn_t* fn) {
  (void)p;
  tr_live_compute(fn);
}

static int run(const tr_options_t* o) {
  names_t was_expanded = {NULL, 0, 0}, macros = {NULL, 0, 0};
  names_t falls = {NULL, 0, 0}; /* expanded functions with fall-through
                                   comments */
  struct stat st;
  if (stat(o->input, &st) != 0 || !file_exists(o->input)) {
    fprintf(stderr, "asyncc: error: cannot open '%s': %s\n", o->input,
            strerror(errno));
    return 2;
  }
  if (S_ISDIR(st.st_mode)) {
    fprintf(stderr, "asyncc: error: cannot open '%s': is a directory\n",
            o->input);
    return 2;
  }
  if (!S_ISREG(st.st_mode)) { /* libclang reads its input by name */
    fprintf(stderr,
            "asyncc: error: cannot read '%s': not a regular file (a pipe or "
            "device); write the source to a file first\n",
            o->input);
    return 2;
  }
  struct stat ost;
  if (o->output && strcmp(o->output, "-") != 0 && stat(o->output, &ost) == 0 &&
      ost.st_dev == st.st_dev && ost.st_ino == st.st_ino) {
    fprintf(stderr,
            "asyncc: error: output file '%s' is the input file; it would "
            "be overwritten\n",
            o->output);
    return 2;
  }
  tr_diag_reset();
  tr_diag_set_werror(o->werror);
  tr_tu_opts_t to = {
      .resource_dir =
          o->resource_dir ? o->resource_dir : ASYNCC_CLANG_RESOURCE_DIR,
      .include_dir = o->include_dir ? o->include_dir : find_include_dir(),
      .argc = o->clang_argc,
      .argv = o->clang_argv,
  };
  tr_tu_t tu;
  tr_emitter_t em;
  bool em_open = false;         /* 'em' needs closing */
  tr_emit_stream_t* out = NULL; /* renders into 'em' while we lower */
  int status = 2;
  if (tr_tu_parse(&tu, o->input, &to) != 0) goto teardown;
  status = 1;
  if (tr_diag_errors()) goto teardown;

  tr_prog_t prog;
  tr_shape_collect(&prog, &tu, analyse_fn);
  if (tr_diag_errors()) goto teardown;
  size_t elen = 0;
  char* expanded = tr_shape_expand_macros(&prog, &elen);
  if (tr_diag_errors()) goto teardown;
  if (expanded) {
    for (tr_fn_t* fn = prog.fns; fn; fn = fn->next)
      if (fn->expanded) {
        was_expanded.names = tr_grow(was_expanded.names, &was_expanded.cap,
                                     was_expanded.n + 1, sizeof(char*));
        was_expanded.names[was_expanded.n++] = fn->name;
        /* the printed text will have lost its comments */
        if (has_fallthrough_comment(&tu, fn->def_start, fn->def_end)) {
          falls.names =
              tr_grow(falls.names, &falls.cap, falls.n + 1, sizeof(char*));
          falls.names[falls.n++] = fn->name;
        }
      }
    qsort(was_expanded.names, was_expanded.n, sizeof(char*), cmp_name);
    if (falls.n > 1) qsort(falls.names, falls.n, sizeof(char*), cmp_name);
    /* Parse again with the macros that hide awaits expanded: line
       numbers are kept, so diagnostics and #line still fit the source. */
    if (getenv("ASYNCC_DEBUG_EXPAND")) fputs(expanded, stderr);
    tr_tu_dispose(&tu);
    to.contents = expanded;
    to.contents_len = elen;
    status = 2;
    if (tr_tu_parse(&tu, o->input, &to) != 0) goto teardown;
    status = 1;
    if (tr_diag_forward(tu.tu)) goto teardown;
    tr_shape_collect(&prog, &tu, compute_live);
    if (tr_diag_errors()) goto teardown;
    for (tr_fn_t* fn = prog.fns; fn; fn = fn->next)
      fn->expanded = has_name(&was_expanded, fn->name);
    clang_visitChildren(clang_getTranslationUnitCursor(tu.tu), note_macro_def,
                        &macros);
    qsort(macros.names, macros.n, sizeof(char*), cmp_name);
  }
  for (tr_fn_t* fn = prog.fns; fn; fn = fn->next)
    if (fn->defined_here) tr_frame_name_fields(fn);

  /* The output is rendered and written by a second thread while the
     functions are lowered, one top-level declaration at a time. It is
     opened first, so a failure to open it is reported before lowering's
     diagnostics; a failed run drops it (tr_emit_close). */
  bool emits = o->output || !(o->report || o->dot);
  if (emits &&
      tr_emit_open(&em, o->output ? o->output : "-", o->input, o->lines) == 0) {
    em_open = true;
    tr_line_map_t* map;
    size_t nmap = tr_tu_line_map(&tu, &map);
    tr_emit_set_map(&em, map, nmap);
    /* a UTF-8 byte order mark stays the output's first bytes: compilers
       take it nowhere else */
    unsigned bom = tu.len >= 3 && memcmp(tu.text, "\xEF\xBB\xBF", 3) == 0;
    tr_emit_put(&em, tu.text, bom * 3);
    put_prologue(&prog, &tu, &em);
    out = tr_emit_stream_start(&em, &tu, bom * 3);
  }
  avail_t avail = {&tu, NULL, 0, 0};
  clang_getInclusions(tu.tu, note_include, &avail);
  tr_buf_t rep;
  tr_buf_init(&rep);
  for (tr_top_t* t = prog.tops; t; t = t->next) {
    tr_buf_t text;
    tr_buf_init(&text);
    if (t->fn) keep_specifier_tags(&tu, t->root, &text);
    if (t->proto) {
      /* the user's prototype, in the generated functions' terms */
      if (!t->fn->protos_emitted) tr_buf_puts(&text, tr_lower_protos(t->fn));
      t->fn->protos_emitted = true;
      tr_buf_puts(&text, "\001");
      tr_buf_printf(&text, "%u", tr_tu_line(&tu, t->end));
      tr_buf_puts(&text, "\002");
      put_top(out, t->root->start, t->end, &text);
      continue;
    }
    if (t->fn && t->fn->pulled) { /* lowered early, for a caller */
      tr_buf_puts(&text,
                  t->fn->expanded
                      ? expanded_code(&tu, t->root, &macros, t->fn->pulled,
                                      has_name(&falls, t->fn->name))
                      : t->fn->pulled);
      put_top(out, t->root->start, t->root->end, &text);
      continue;
    }
    if (t->fn)
      pull_callees(&prog, &avail, t->fn->body, t->root->start, &text,
                   o->report ? &rep : NULL);
    add_callee_protos(t->root, t->fn, &text);
    /* Each function's edits live in a list of their own: rendering scans
       only them, so the cost stays linear in the number of functions. */
    tr_edits_t fed;
    tr_edit_init(&fed, &tu);
    if (t->fn) {
      if (tr_lower_fn(&prog, t->fn, &fed, &text, o->report ? &rep : NULL) !=
          0) {
        tr_buf_free(&text);
        continue;
      }
      t->fn->protos_emitted = true;
      t->fn->frame_emitted = true;
      if (t->fn->expanded) {
        char* code = expanded_code(&tu, t->root, &macros, tr_buf_take(&text),
                                   has_name(&falls, t->fn->name));
        tr_buf_init(&text);
        tr_buf_puts(&text, code);
      }
    } else {
      tr_lower_runs(t->root, &fed);
      tr_edit_render(&fed, t->root->start, t->root->end, &text);
    }
    put_top(out, t->root->start, t->root->end, &text);
  }
  if (tr_diag_errors()) goto teardown;

  if (o->report) {
    fwrite(rep.data ? rep.data : "", 1, rep.len, stdout);
    fflush(stdout);
  }
  tr_buf_free(&rep);
  if (o->dot) {
    tr_buf_t g;
    tr_buf_init(&g);
    for (tr_top_t* t = prog.tops; t; t = t->next)
      if (t->fn && !t->proto && t->fn->body) tr_dot_fn(&tu, t->fn, &g);
    fwrite(g.data ? g.data : "", 1, g.len, stdout);
    fflush(stdout);
    tr_buf_free(&g);
  }
  if (!emits) {
    status = 0;
    goto teardown;
  }
  status = 2;
  if (!em_open) goto teardown; /* reported when it failed */
  if (o->depfile && write_depfile(o, &tu) != 0) goto teardown;
  tr_emit_stream_finish(out);
  out = NULL;
  em_open = false;
  if (tr_emit_close(&em, true) == 0) status = 0;

teardown:
  if (out) tr_emit_stream_finish(out);
  if (em_open) tr_emit_close(&em, false);
  if (!o->keep_memory) tr_tu_dispose(&tu);
  return status;
}

int tr_driver_run(const tr_options_t* o) {
  int status = run(o);
  if (!o->keep_memory) tr_arena_free_all();
  return status;
}
