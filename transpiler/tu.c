/* tu.c - libclang setup and locations (see tu.h).
 *
 * The parse defines ASYNCC_TRANSPILING so that asyncc/lang.h expands the
 * keywords to forms the transpiler recognises (an annotate attribute and
 * marker calls), puts asyncc's include directory first, and passes the
 * resource directory of the libclang we link: the 'clang' on PATH may be a
 * different version, whose builtin headers would not match.
 *
 * Under a strict -std (c99, c11, ...) glibc hides the POSIX names <uv.h>
 * needs; unless the source picks feature-test macros itself, the parse
 * asks for them as the output will (driver.c's prologue).
 */
#include "tu.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

static void index_lines(tr_tu_t* t) {
  unsigned n = 1;
  for (size_t i = 0; i < t->len; i++)
    if (t->text[i] == '\n') n++;
  t->line_start = tr_alloc(sizeof(unsigned) * (n + 1));
  t->nlines = n;
  unsigned k = 0;
  t->line_start[k++] = 0;
  for (size_t i = 0; i < t->len; i++)
    if (t->text[i] == '\n') t->line_start[k++] = (unsigned)i + 1;
}

static bool strict_std(const tr_tu_opts_t* o) {
  bool strict = false;
  for (int i = 0; i < o->argc; i++) {
    const char* a = o->argv[i];
    if (strcmp(a, "-ansi") == 0)
      strict = true;
    else if (strncmp(a, "-std=", 5) == 0 || strncmp(a, "--std=", 6) == 0)
      strict = strchr(a, '=')[1] == 'c' || strstr(a, "=iso9899") != NULL;
  }
  return strict;
}

const char* const tr_tu_feature_macros[] = {
    "_POSIX_C_SOURCE", "_POSIX_SOURCE", "_XOPEN_SOURCE", "_GNU_SOURCE",
    "_DEFAULT_SOURCE", "_BSD_SOURCE",   "_SVID_SOURCE",  NULL};

/* Whether the source names a feature-test macro (it chooses its own). */
static bool names_feature_macro(const char* path, const tr_tu_opts_t* o) {
  const char* const* names = tr_tu_feature_macros;
  tr_buf_t b;
  tr_buf_init(&b);
  if (o->contents) {
    tr_buf_add(&b, o->contents, o->contents_len);
  } else {
    FILE* f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    if (f) {
      while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tr_buf_add(&b, chunk, n);
      fclose(f);
    }
  }
  tr_buf_putc(&b, '\0');
  bool found = false;
  for (const char* const* m = names; *m && !found; m++)
    found = strstr(b.data, *m) != NULL;
  tr_buf_free(&b);
  return found;
}

/* A CXSourceLocation holds clang's raw encoding of the location, which for
 * a byte of the main file (not in a macro) is where the file begins in
 * clang's location space plus the byte's offset: tr_tu_offset reads it
 * there instead of asking libclang, a search of its location table when
 * the macros of a large file have filled it. Whether that holds is checked
 * at both ends of the file (the translation unit's extent); if not,
 * libclang is asked. */
static void check_direct_locations(tr_tu_t* t) {
  CXSourceRange r =
      clang_getCursorExtent(clang_getTranslationUnitCursor(t->tu));
  CXSourceLocation ends[2] = {clang_getRangeStart(r), clang_getRangeEnd(r)};
  unsigned base = ends[0].int_data;
  t->loc_sm = NULL;
  if (!ends[0].ptr_data[0] || base >= 0x80000000u ||
      t->len >= 0x80000000u - base)
    return;
  for (int i = 0; i < 2; i++) {
    unsigned off = i ? (unsigned)t->len : 0;
    CXFile f;
    unsigned o;
    clang_getFileLocation(ends[i], &f, NULL, NULL, &o);
    if (ends[i].ptr_data[0] != ends[0].ptr_data[0] ||
        ends[i].int_data != base + off || !f ||
        !clang_File_isEqual(f, t->file) || o != off)
      return;
  }
  t->loc_sm = ends[0].ptr_data[0];
  t->loc_base = base;
}

int tr_tu_parse(tr_tu_t* t, const char* path, const tr_tu_opts_t* o) {
  memset(t, 0, sizeof *t);
  t->path = path;
  int n = 0;
  const char** args = tr_alloc(sizeof(char*) * ((size_t)o->argc + 16));
  /* C whatever the file's name: libclang would take 'prog' for a
     precompiled AST and 'prog.cpp' for C++ */
  args[n++] = "-x";
  args[n++] = "c";
  args[n++] = "-DASYNCC_TRANSPILING=1";
  if (o->include_dir) {
    args[n++] = "-I";
    args[n++] = o->include_dir;
  }
  if (o->resource_dir) {
    args[n++] = "-resource-dir";
    args[n++] = o->resource_dir;
  }
  args[n++] = "-ferror-limit=0";
  /* asyncc reports only errors; the compiler of the output, pointed at
     the source by #line, reports the warnings. Clang skips the analyses
     behind warnings nobody sees (-Wreturn-type builds a CFG per function):
     a tenth of the parse. A warning that defaults to an error stays one. */
  args[n++] = "-w";
  for (int i = 0; i < o->argc; i++) args[n++] = o->argv[i];
  if (strict_std(o) && !names_feature_macro(path, o))
    args[n++] = "-D_POSIX_C_SOURCE=200809L";
  t->index = clang_createIndex(0, 0);
  struct CXUnsavedFile unsaved = {path, o->contents,
                                  (unsigned long)o->contents_len};
  enum CXErrorCode err = clang_parseTranslationUnit2(
      t->index, path, args, n, o->contents ? &unsaved : NULL,
      o->contents ? 1 : 0,
      CXTranslationUnit_KeepGoing |
          CXTranslationUnit_DetailedPreprocessingRecord,
      &t->tu);
  if (err != CXError_Success || t->tu == NULL) {
    /* No translation unit, so no diagnostics to forward. libclang prints
     * some causes itself on a second try (an unknown -target); others,
     * like -std=bogus, it never says. */
    CXIndex loud = clang_createIndex(0, 1);
    CXTranslationUnit tu2 = NULL;
    clang_parseTranslationUnit2(
        loud, path, args, n, o->contents ? &unsaved : NULL, o->contents ? 1 : 0,
        CXTranslationUnit_KeepGoing, &tu2);
    if (tu2) clang_disposeTranslationUnit(tu2);
    clang_disposeIndex(loud);
    fprintf(stderr,
            "asyncc: error: cannot parse '%s': libclang failed (error %d); "
            "check the clang arguments after '--'\n",
            path, (int)err);
    return -1;
  }
  if (!o->contents) tr_diag_forward(t->tu);
  t->file = clang_getFile(t->tu, path);
  size_t len = 0;
  t->text = t->file ? clang_getFileContents(t->tu, t->file, &len) : NULL;
  if (t->text == NULL) {
    fprintf(stderr, "asyncc: error: cannot read '%s'\n", path);
    return -1;
  }
  t->len = len;
  index_lines(t);
  check_direct_locations(t);
  return 0;
}

void tr_tu_dispose(tr_tu_t* t) {
  if (t->tu) clang_disposeTranslationUnit(t->tu);
  if (t->index) clang_disposeIndex(t->index);
  t->tu = NULL;
  t->index = NULL;
}

static int file_offset(const tr_tu_t* t, CXSourceLocation loc, unsigned* off) {
  CXFile f;
  unsigned o;
  clang_getFileLocation(loc, &f, NULL, NULL, &o);
  if (f == NULL || !clang_File_isEqual(f, t->file)) return 0;
  *off = o;
  return 1;
}

int tr_tu_offset(const tr_tu_t* t, CXSourceLocation loc, unsigned* off) {
  unsigned d = loc.int_data - t->loc_base;
  if (t->loc_sm && loc.ptr_data[0] == t->loc_sm && d <= t->len) {
#if defined(ASYNCC_CHECK_ENDS) || !defined(NDEBUG)
    if (!file_offset(t, loc, off) || *off != d) abort(); /* debug builds */
#endif
    *off = d;
    return 1;
  }
  return file_offset(t, loc, off);
}

unsigned tr_tu_line(const tr_tu_t* t, unsigned off) {
  unsigned lo = 0, hi = t->nlines;
  while (hi - lo > 1) {
    unsigned mid = (lo + hi) / 2;
    if (t->line_start[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo + 1;
}

unsigned tr_tu_line_near(const tr_tu_t* t, unsigned off, unsigned* hint) {
  unsigned i = *hint;
  if (i >= 1 && i <= t->nlines && t->line_start[i - 1] <= off) {
    for (int steps = 0; steps < 8 && i < t->nlines; steps++, i++)
      if (t->line_start[i] > off) return *hint = i;
    if (i == t->nlines) return *hint = i;
  }
  return *hint = tr_tu_line(t, off);
}

/* Whether line 'i' (0-based) is a "#line" or "# <digits>" directive. */
static int is_line_directive(const tr_tu_t* t, unsigned i) {
  const char* p = t->text + t->line_start[i];
  const char* e = t->text + t->len;
  while (p < e && (*p == ' ' || *p == '\t')) p++;
  if (p >= e || *p++ != '#') return 0;
  while (p < e && (*p == ' ' || *p == '\t')) p++;
  if (p < e && *p >= '0' && *p <= '9') return 1;
  return e - p > 5 && memcmp(p, "line", 4) == 0 &&
         (p[4] == ' ' || p[4] == '\t');
}

/* A directive is found by its text, but the presumed position of the next
   line comes from clang, so a directive in a skipped #if block, or one
   spelled through a macro, counts exactly as the compiler counts it. */
size_t tr_tu_line_map(const tr_tu_t* t, tr_line_map_t** map) {
  size_t n = 0, cap = 0;
  *map = NULL;
  for (unsigned i = 0; i + 1 < t->nlines; i++) {
    if (!is_line_directive(t, i)) continue;
    CXSourceLocation loc = clang_getLocation(t->tu, t->file, i + 2, 1);
    CXString f;
    unsigned line;
    clang_getPresumedLocation(loc, &f, &line, NULL);
    const char* fs = clang_getCString(f);
    *map = tr_grow(*map, &cap, n + 1, sizeof **map);
    (*map)[n].from = i + 2;
    (*map)[n].line = line;
    (*map)[n].file = !fs || strcmp(fs, t->path) == 0 ? NULL : tr_strdup(fs);
    n++;
    clang_disposeString(f);
  }
  return n;
}

char* tr_cursor_name(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  char* r = tr_strdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

char* tr_type_name(CXType ty) {
  CXString s = clang_getTypeSpelling(ty);
  char* r = tr_strdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}
