/* emit.h - EMIT: turn rendered text with line markers into the output
 * file: #line directives wherever the output's line numbering drifts from
 * the source, so compiler errors, __LINE__ and debuggers point at the
 * user's source; then write the file atomically.
 */
#ifndef TR_EMIT_H
#define TR_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "edit.h"
#include "tu.h"

/* Converts 'text' (with TR_LINE markers) to C with #line directives naming
 * 'path'; with 'lines' false, markers are just dropped. */
void tr_emit_lines(const char* text, const char* path, bool lines,
                   tr_buf_t* out);

/* An output file written so that a failed run never leaves half of it:
 * a regular file (or the one a symbolic link names) is written to a
 * temporary next to it and renamed over it at the end; anything else (a
 * device such as /dev/null, a FIFO) is written in place, never replaced;
 * "-" is stdout. */
typedef struct {
  FILE* f;
  const char* path; /* as given, for messages */
  char* tmp;        /* the temporary file, or NULL */
  char* target;     /* what 'tmp' replaces: path, or what it links to */
} tr_outfile_t;

/* Returns 0, or -1 (reported). */
int tr_outfile_open(tr_outfile_t* o, const char* path);
/* Finishes the file: 'ok' false (or a write error) drops a temporary.
 * Returns 0, or -1 (reported). */
int tr_outfile_close(tr_outfile_t* o, bool ok);
/* Removes every temporary still open (async-signal-safe: for a crash). */
void tr_outfile_abandon_all(void);

/* The same conversion streamed into a file, a few pages at a time: open,
 * put the marked text in pieces of any size, close. */
#define TR_EMIT_OUTPUT ((size_t)-1)

typedef struct {
  FILE* f;
  tr_outfile_t file;
  tr_buf_t out;    /* output not yet written */
  tr_buf_t line;   /* the line being assembled */
  tr_buf_t quoted; /* " \"path\"\n", the end of a #line */
  tr_buf_t gen;    /* the same for the output file itself, or empty */
  bool lines;
  unsigned src, presumed;
  unsigned out_line;        /* lines written so far */
  const tr_line_map_t* map; /* the user's #line directives, by line */
  size_t nmap;
  size_t pfile; /* the presumed file: 0 the input, k map[k - 1].file,
                   TR_EMIT_OUTPUT the output itself */
  int err;
  bool hold; /* nothing is written before tr_emit_close (not a temporary) */
} tr_emitter_t;

/* Starts writing 'out_path' via a temporary file, so a failed run never
 * leaves a partial output ("-": stdout). Returns 0 or -1 (reported). */
int tr_emit_open(tr_emitter_t* em, const char* out_path, const char* path,
                 bool lines);
/* Makes the output's #line directives follow the user's own ones. */
void tr_emit_set_map(tr_emitter_t* em, const tr_line_map_t* map, size_t n);
/* Appends 'n' bytes of marked text ('em' is a tr_emitter_t*). */
void tr_emit_put(void* em, const char* s, size_t n);
/* With 'ok', writes the rest and renames the file into place; else drops
 * it. Returns 0 or -1 (reported; the temporary file is removed). */
int tr_emit_close(tr_emitter_t* em, bool ok);

/* Renders the main file from offset 'from' on into an open emitter on a
 * second thread: start (the prologue is already put), hand over the edits
 * of the file in
 * order (texts the caller keeps unchanged until finish), finish (renders
 * the rest and waits). Without a thread, it renders as the edits come. */
typedef struct tr_emit_stream tr_emit_stream_t;
tr_emit_stream_t* tr_emit_stream_start(tr_emitter_t* em, const tr_tu_t* tu,
                                       unsigned from);
void tr_emit_stream_edit(tr_emit_stream_t* s, unsigned start, unsigned end,
                         const char* text);
void tr_emit_stream_finish(tr_emit_stream_t* s);

#endif
