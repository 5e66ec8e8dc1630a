/* emit.c - EMIT: #line directives and atomic output (see emit.h).
 *
 * Each output line gets a tag: the source line of the first source text
 * on it, or none for purely generated lines. Before a tagged line whose
 * number the compiler would get wrong, a #line directive resyncs it.
 * A run of generated lines written to a file is located in that file (one
 * directive naming the output and its own line, as bison does), so that a
 * debugger or a warning never places generated code on a user's line;
 * on standard output they are left untagged.
 *
 * The rendered text streams through: the driver renders the file piece by
 * piece into tr_emit_put(), which keeps only the line being assembled and
 * the output not yet written (a few pages), so neither the marked text nor
 * the output of a large file is ever whole in memory.
 *
 * A regular output file is written to a temporary next to it and renamed
 * over it at the end, so a build never sees half a file; through a
 * symbolic link, the file it names is replaced. Anything else (a device
 * such as /dev/null, a FIFO) is written in place, never replaced.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "emit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FLUSH_AT = 65536 };

static void put_path(tr_buf_t* out, const char* path) {
  tr_buf_putc(out, '"');
  tr_buf_put_escaped(out, path);
  tr_buf_putc(out, '"');
}

/* The marker at 'm' ("\001<n>\002"): sets *src to n, returns what follows.
 * Digits are read by hand: strtoul cost as much as the rest of a line. */
static const char* read_marker(const char* m, unsigned* src) {
  const char* e = m + 1;
  unsigned v = 0;
  while (*e >= '0' && *e <= '9' && e - m <= 9)
    v = v * 10 + (unsigned)(*e++ - '0');
  if (e == m + 1 || (*e >= '0' && *e <= '9')) { /* not ours: strtoul's */
    char* x;
    v = (unsigned)strtoul(m + 1, &x, 10);
    e = x;
  }
  *src = v;
  return *e == '\002' ? e + 1 : e;
}

/* Maps source line 'tag' through the user's #line directives: sets *file
   to the index of the file that names it (see pfile), returns its line. */
static unsigned presumed_of(const tr_emitter_t* em, unsigned tag,
                            size_t* file) {
  size_t k = em->nmap;
  while (k > 0 && em->map[k - 1].from > tag) k--;
  *file = 0;
  if (k == 0) return tag;
  const tr_line_map_t* m = &em->map[k - 1];
  if (m->file) *file = k;
  return m->line + (tag - m->from);
}

static void put_directive(tr_emitter_t* em, unsigned line, size_t file) {
  tr_buf_t* out = &em->out;
  tr_buf_add(out, "#line ", 6);
  tr_buf_putu(out, line);
  em->out_line++;
  if (file == 0) {
    tr_buf_add(out, em->quoted.data, em->quoted.len);
  } else if (file == TR_EMIT_OUTPUT) {
    tr_buf_add(out, em->gen.data, em->gen.len);
  } else {
    tr_buf_putc(out, ' ');
    put_path(out, em->map[file - 1].file);
    tr_buf_putc(out, '\n');
  }
}

/* Whether source line 'tag' is one of the user's #line directives: the
   compiler's presumed position after it is the directive's, not ours. */
static bool is_user_directive(const tr_emitter_t* em, unsigned tag) {
  for (size_t k = 0; k < em->nmap; k++)
    if (em->map[k].from == tag + 1) return true;
  return false;
}

static void flush(tr_emitter_t* em) {
  if (em->f && em->out.len) {
    if (fwrite(em->out.data, 1, em->out.len, em->f) != em->out.len)
      em->err = -1;
    em->out.len = 0;
  }
}

/* One line of marked text, [p, e), without its '\n' ('nl': it had one). */
static void emit_line(tr_emitter_t* em, const char* p, const char* e, bool nl) {
  /* The line's tag: the source line of its first text at or after the
     first non-blank character (0: a generated line). */
  unsigned tag = 0;
  bool only_space = true, has_text = false;
  for (const char* q = p; q < e;) {
    if (*q == '\001') {
      q = read_marker(q, &em->src);
      continue;
    }
    has_text = true;
    if (only_space && *q != ' ' && *q != '\t') only_space = false;
    if (only_space) {
      q++;
      continue;
    }
    if (!tag && em->src) tag = em->src;
    /* from here on only a marker can change the tag or the source line */
    q = memchr(q + 1, '\001', (size_t)(e - q - 1));
    if (!q) break;
  }
  if (has_text || nl) {
    tr_buf_t* out = &em->out;
    if (em->lines && tag) {
      size_t file;
      unsigned line = presumed_of(em, tag, &file);
      if (line != em->presumed || file != em->pfile) {
        put_directive(em, line, file);
        em->presumed = line;
        em->pfile = file;
      }
    } else if (em->lines && em->gen.len && !only_space &&
               em->pfile != TR_EMIT_OUTPUT) {
      /* the directive is line out_line + 1 of the output, this one + 2 */
      put_directive(em, em->out_line + 2, TR_EMIT_OUTPUT);
      em->presumed = em->out_line + 1; /* out_line counts the directive */
      em->pfile = TR_EMIT_OUTPUT;
    }
    for (const char* q = p; q < e;) {
      const char* m = memchr(q, '\001', (size_t)(e - q));
      tr_buf_add(out, q, (size_t)((m ? m : e) - q));
      if (!m) break;
      unsigned ignored;
      q = read_marker(m, &ignored);
    }
    if (nl) {
      tr_buf_putc(out, '\n');
      em->out_line++;
    }
    em->presumed++;
    if (tag && em->nmap && is_user_directive(em, tag)) em->presumed = 0;
  }
  if (nl && em->src) em->src++;
  if (em->out.len >= FLUSH_AT) flush(em);
}

static void start(tr_emitter_t* em, const char* path, bool lines) {
  em->f = NULL;
  em->lines = lines;
  em->src = 0;
  em->presumed = 0;
  em->map = NULL;
  em->nmap = 0;
  em->pfile = 0;
  em->err = 0;
  tr_buf_init(&em->out);
  tr_buf_init(&em->line);
  tr_buf_init(&em->quoted);
  tr_buf_putc(&em->quoted, ' ');
  put_path(&em->quoted, path);
  tr_buf_putc(&em->quoted, '\n');
  tr_buf_init(&em->gen);
  em->out_line = 0;
}

void tr_emit_set_map(tr_emitter_t* em, const tr_line_map_t* map, size_t n) {
  em->map = map;
  em->nmap = n;
}

void tr_emit_put(void* emitter, const char* s, size_t n) {
  tr_emitter_t* em = emitter;
  const char* end = s + n;
  while (s < end) {
    const char* nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) {
      tr_buf_add(&em->line, s, (size_t)(end - s));
      return;
    }
    if (em->line.len) {
      tr_buf_add(&em->line, s, (size_t)(nl - s));
      emit_line(em, em->line.data, em->line.data + em->line.len, true);
      em->line.len = 0;
    } else {
      emit_line(em, s, nl, true);
    }
    s = nl + 1;
  }
}

/* The last line, if it has no '\n'. */
static void finish(tr_emitter_t* em) {
  if (em->line.len)
    emit_line(em, em->line.data, em->line.data + em->line.len, false);
  em->line.len = 0;
  flush(em);
  tr_buf_free(&em->line);
  tr_buf_free(&em->quoted);
  tr_buf_free(&em->gen);
}

void tr_emit_lines(const char* text, const char* path, bool lines,
                   tr_buf_t* out) {
  tr_emitter_t em;
  start(&em, path, lines);
  em.out = *out;
  tr_emit_put(&em, text, strlen(text));
  finish(&em);
  *out = em.out;
}

int tr_outfile_open(tr_outfile_t* o, const char* path) {
  memset(o, 0, sizeof *o);
  o->path = path;
  if (strcmp(path, "-") == 0) {
    o->f = stdout;
    return 0;
  }
  struct stat st;
  const char* target = path;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
    o->target = realpath(path, NULL); /* NULL: dangling, written as is */
    if (o->target) target = o->target;
  }
  int fd = -1;
  if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
    o->f = fopen(target, "w");
  } else {
    size_t n = strlen(target);
    o->tmp = tr_xmalloc(n + 16);
    snprintf(o->tmp, n + 16, "%s.tmpXXXXXX", target);
    fd = mkstemp(o->tmp);
    if (fd >= 0) o->f = fdopen(fd, "w");
  }
  if (o->f == NULL) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path,
            strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    free(o->tmp);
    free(o->target);
    return -1;
  }
  return 0;
}

int tr_outfile_close(tr_outfile_t* o, bool ok) {
  int rc = 0;
  if (o->f == stdout) {
    if (fflush(stdout) != 0 || ferror(stdout) || !ok) {
      fprintf(stderr, "asyncc: error: cannot write to stdout\n");
      rc = -1;
    }
    return rc;
  }
  bool wrote = !ferror(o->f);
  wrote = (fclose(o->f) == 0) && wrote;
  if (o->tmp && wrote && ok) {
    /* mkstemp creates 0600; make it like any file the user creates */
    mode_t um = umask(0);
    umask(um);
    chmod(o->tmp, 0666 & ~um);
    wrote = rename(o->tmp, o->target ? o->target : o->path) == 0;
  }
  if (!wrote) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", o->path,
            strerror(errno));
    rc = -1;
  }
  if (o->tmp && (!wrote || !ok)) unlink(o->tmp);
  free(o->tmp);
  free(o->target);
  return rc;
}

int tr_emit_open(tr_emitter_t* em, const char* out_path, const char* path,
                 bool lines) {
  start(em, path, lines);
  if (tr_outfile_open(&em->file, out_path) != 0) {
    tr_buf_free(&em->line);
    tr_buf_free(&em->quoted);
    tr_buf_free(&em->gen);
    return -1;
  }
  em->f = em->file.f;
  if (lines && em->f != stdout) {
    /* the compiler starts in the output itself, at its line 1 */
    tr_buf_putc(&em->gen, ' ');
    put_path(&em->gen, out_path);
    tr_buf_putc(&em->gen, '\n');
    em->pfile = TR_EMIT_OUTPUT;
    em->presumed = 1;
  }
  return 0;
}

int tr_emit_close(tr_emitter_t* em) {
  finish(em);
  tr_buf_free(&em->out);
  return tr_outfile_close(&em->file, em->err == 0);
}
