/* tu.c - libclang setup and locations (see tu.h).
 *
 * The parse defines ASYNCC_TRANSPILING so that asyncc/lang.h expands the
 * keywords to forms the transpiler recognises (an annotate attribute and
 * marker calls), puts asyncc's include directory first, and passes the
 * resource directory of the libclang we link: the 'clang' on PATH may be a
 * different version, whose builtin headers would not match.
 */
#include "tu.h"

#include <stdio.h>
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

int tr_tu_parse(tr_tu_t* t, const char* path, const tr_tu_opts_t* o) {
  memset(t, 0, sizeof *t);
  t->path = path;
  int n = 0;
  const char** args = tr_alloc(sizeof(char*) * ((size_t)o->argc + 16));
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
  for (int i = 0; i < o->argc; i++) args[n++] = o->argv[i];
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
    fprintf(stderr, "asyncc: error: cannot parse '%s' (libclang error %d)\n",
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
  return 0;
}

void tr_tu_dispose(tr_tu_t* t) {
  if (t->tu) clang_disposeTranslationUnit(t->tu);
  if (t->index) clang_disposeIndex(t->index);
  t->tu = NULL;
  t->index = NULL;
}

int tr_tu_offset(const tr_tu_t* t, CXSourceLocation loc, unsigned* off) {
  CXFile f;
  unsigned o;
  clang_getFileLocation(loc, &f, NULL, NULL, &o);
  if (f == NULL || !clang_File_isEqual(f, t->file)) return 0;
  *off = o;
  return 1;
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
