/* tu.h - one translation unit: libclang setup, the main file's text, and
 * mapping libclang locations to byte offsets in that text.
 *
 * The transpiler edits the main file's text by byte offsets; everything
 * that needs a position goes through tr_tu_offset(), which uses the *file*
 * location (macro arguments map to where they are spelled, macro bodies to
 * the expansion), never the raw cursor location.
 */
#ifndef TR_TU_H
#define TR_TU_H

#include <clang-c/Index.h>
#include <stddef.h>

typedef struct {
  CXIndex index;
  CXTranslationUnit tu;
  CXFile file;          /* the main file */
  const char* path;     /* the main file's path, as given */
  const char* text;     /* its contents (owned by libclang) */
  size_t len;           /* bytes in 'text' */
  unsigned* line_start; /* byte offset of each line, index 0 = line 1 */
  unsigned nlines;
  /* tr_tu_offset's shortcut: libclang's location of main-file byte k is
     {sm, loc_base + k} (checked once per parse, else loc_sm is NULL) */
  const void* loc_sm;
  unsigned loc_base;
} tr_tu_t;

typedef struct {
  const char* resource_dir; /* clang's builtin headers (stddef.h ...) */
  const char* include_dir;  /* the directory holding asyncc.h */
  int argc;                 /* user's clang arguments (-I, -D, -std) */
  const char* const* argv;
  const char* contents; /* parse this text as the main file, or NULL */
  size_t contents_len;
} tr_tu_opts_t;

/* Parses 'path'. Returns 0 on success (clang's own errors are forwarded as
 * diagnostics and counted; the caller checks tr_diag_errors()), -1 when the
 * file could not be parsed at all (message printed). */
int tr_tu_parse(tr_tu_t* t, const char* path, const tr_tu_opts_t* o);

/* The glibc feature-test macros a program may choose (NULL-terminated):
 * when it names none, a strict -std parse and output ask for POSIX. */
extern const char* const tr_tu_feature_macros[];
void tr_tu_dispose(tr_tu_t* t);
/* The byte offset of 'loc' in the main file; 0 when it is elsewhere. */
int tr_tu_offset(const tr_tu_t* t, CXSourceLocation loc, unsigned* off);
/* 1-based line number of byte offset 'off'. */
unsigned tr_tu_line(const tr_tu_t* t, unsigned off);
/* The same for offsets met in increasing order: '*hint' holds the last
 * answer (0 at first), from which the next is a few lines on. */
unsigned tr_tu_line_near(const tr_tu_t* t, unsigned off, unsigned* hint);
/* Where the user's own #line directives move the presumed position: one
 * entry per directive, from physical line 'from' on the presumed line is
 * line + (physical - from) in 'file' (the main file's path if NULL). */
typedef struct {
  unsigned from, line;
  const char* file;
} tr_line_map_t;
/* Collects the entries (arena array) into *map; returns how many. */
size_t tr_tu_line_map(const tr_tu_t* t, tr_line_map_t** map);
/* Cursor spelling (arena string). */
char* tr_cursor_name(CXCursor c);
char* tr_type_name(CXType t);

#endif
