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
 * such as /dev/null, a FIFO, standard output) is written in place, never
 * replaced, and only once the run has succeeded: until then the emitter
 * holds the output.
 *
 * A stream (tr_emit_stream_t) renders and writes the file on a second
 * thread while the driver lowers the next declaration: rendering reads
 * only the file's text, its line index and the edits' texts, none of
 * which change once handed over.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "emit.h"

#include <errno.h>
#include <pthread.h>
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
  if (em->f && em->out.len && !em->hold) {
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
  em->hold = false;
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

/* The last line, if it has no '\n'; writes what is held if 'ok'. */
static void finish(tr_emitter_t* em, bool ok) {
  if (em->line.len)
    emit_line(em, em->line.data, em->line.data + em->line.len, false);
  em->line.len = 0;
  em->hold = !ok;
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
  finish(&em, true);
  *out = em.out;
}

/* Temporaries not yet renamed or removed: after a crash (main.c), none
 * is left behind. Read from a signal handler: plain stores of pointers. */
static char* volatile pending_tmp[4];

static void pending_add(char* tmp) {
  for (size_t i = 0; i < sizeof pending_tmp / sizeof pending_tmp[0]; i++)
    if (pending_tmp[i] == NULL) {
      pending_tmp[i] = tmp;
      return;
    }
}

static void pending_remove(const char* tmp) {
  for (size_t i = 0; i < sizeof pending_tmp / sizeof pending_tmp[0]; i++)
    if (pending_tmp[i] == tmp) pending_tmp[i] = NULL;
}

void tr_outfile_abandon_all(void) {
  for (size_t i = 0; i < sizeof pending_tmp / sizeof pending_tmp[0]; i++)
    if (pending_tmp[i] != NULL) unlink(pending_tmp[i]);
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
    if (fd >= 0) pending_add(o->tmp);
    if (fd >= 0) o->f = fdopen(fd, "w");
  }
  if (o->f == NULL) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path,
            strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
      pending_remove(o->tmp);
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
    if (!ok) return -1; /* nothing was written: a failed run says why */
    if (fflush(stdout) != 0 || ferror(stdout)) {
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
  pending_remove(o->tmp);
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
  em->hold = em->file.tmp == NULL; /* written in place: not before the end */
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

int tr_emit_close(tr_emitter_t* em, bool ok) {
  finish(em, ok);
  tr_buf_free(&em->out);
  return tr_outfile_close(&em->file, ok && em->err == 0);
}

/* ---- Rendering on a second thread ------------------------------------ */

/* An edit handed over, with the ones after it. */
typedef struct piece {
  struct piece* next;
  unsigned start, end;
  const char* text;
} piece_t;

/* Edits are handed over in batches of about this many bytes of text: a
 * wake-up of the thread per batch, not per declaration. */
enum { BATCH_BYTES = 65536 };

struct tr_emit_stream {
  tr_render_t r;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  pthread_t thread;
  bool threaded;        /* else edits are rendered as they come */
  piece_t* head;        /* handed over, not rendered (under mu) */
  piece_t** tail;       /* (under mu) */
  bool done, waiting;   /* (under mu) */
  piece_t *batch, **bt; /* the driver's, not yet handed over */
  size_t batch_bytes;
  unsigned end; /* where the file ends */
};

static void* stream_main(void* arg) {
  tr_emit_stream_t* s = arg;
  bool done = false;
  while (!done) {
    pthread_mutex_lock(&s->mu);
    while (!s->head && !s->done) {
      s->waiting = true;
      pthread_cond_wait(&s->cv, &s->mu);
      s->waiting = false;
    }
    piece_t* p = s->head;
    s->head = NULL;
    s->tail = &s->head;
    done = s->done;
    pthread_mutex_unlock(&s->mu);
    for (; p; p = p->next) tr_render_edit(&s->r, p->start, p->end, p->text);
  }
  tr_render_end(&s->r, s->end);
  return NULL;
}

tr_emit_stream_t* tr_emit_stream_start(tr_emitter_t* em, const tr_tu_t* tu,
                                       unsigned from) {
  tr_emit_stream_t* s = tr_alloc(sizeof *s);
  tr_render_begin(&s->r, tu, from, tr_emit_put, em);
  s->tail = &s->head;
  s->bt = &s->batch;
  s->end = (unsigned)tu->len;
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->cv, NULL);
  s->threaded = pthread_create(&s->thread, NULL, stream_main, s) == 0;
  return s;
}

static void hand_over(tr_emit_stream_t* s, bool done) {
  pthread_mutex_lock(&s->mu);
  *s->tail = s->batch;
  if (s->batch) s->tail = s->bt;
  s->done = done;
  if (s->waiting) pthread_cond_signal(&s->cv);
  pthread_mutex_unlock(&s->mu);
  s->batch = NULL;
  s->bt = &s->batch;
  s->batch_bytes = 0;
}

void tr_emit_stream_edit(tr_emit_stream_t* s, unsigned start, unsigned end,
                         const char* text) {
  if (!s->threaded) {
    tr_render_edit(&s->r, start, end, text);
    return;
  }
  piece_t* p = tr_alloc(sizeof *p);
  p->start = start;
  p->end = end;
  p->text = text;
  *s->bt = p;
  s->bt = &p->next;
  s->batch_bytes += strlen(text);
  if (s->batch_bytes >= BATCH_BYTES) hand_over(s, false);
}

void tr_emit_stream_finish(tr_emit_stream_t* s) {
  if (s->threaded) {
    hand_over(s, true);
    pthread_join(s->thread, NULL);
  } else {
    tr_render_end(&s->r, s->end);
  }
  pthread_cond_destroy(&s->cv);
  pthread_mutex_destroy(&s->mu);
}
