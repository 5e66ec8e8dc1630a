/* emit.c - EMIT: #line directives and atomic output (see emit.h).
 *
 * Each output line gets a tag: the source line of the first source text
 * on it, or none for purely generated lines. Before a tagged line whose
 * number the compiler would get wrong, a #line directive resyncs it.
 * Generated lines are left untagged, so a run of them costs no directives.
 */
#define _POSIX_C_SOURCE 200809L
#include "emit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put_path(tr_buf_t* out, const char* path) {
  tr_buf_putc(out, '"');
  for (const char* p = path; *p; p++) {
    if (*p == '"' || *p == '\\') tr_buf_putc(out, '\\');
    tr_buf_putc(out, *p);
  }
  tr_buf_putc(out, '"');
}

void tr_emit_lines(const char* text, const char* path, bool lines,
                   tr_buf_t* out) {
  unsigned src = 0;      /* source line of the text being copied; 0 = gen */
  unsigned presumed = 0; /* the line the compiler assigns next; 0 = the
                            output file's own numbering, never a match */
  unsigned tag = 0;      /* this output line's tag */
  tr_buf_t line;
  tr_buf_init(&line);
  bool only_space = true;
  for (const char* p = text;; p++) {
    if (*p == '\001') {
      src = (unsigned)strtoul(p + 1, (char**)&p, 10); /* p now at \002 */
      continue;
    }
    if (*p == '\n' || *p == '\0') {
      if (line.len || *p == '\n') {
        if (lines && tag && tag != presumed) {
          tr_buf_puts(out, "#line ");
          tr_buf_printf(out, "%u ", tag);
          put_path(out, path);
          tr_buf_putc(out, '\n');
          presumed = tag;
        }
        tr_buf_add(out, line.data ? line.data : "", line.len);
        if (*p == '\n') tr_buf_putc(out, '\n');
        presumed++;
      }
      if (*p == '\0') break;
      line.len = 0;
      tag = 0;
      only_space = true;
      if (src) src++;
      continue;
    }
    if (only_space && *p != ' ' && *p != '\t') {
      only_space = false;
    }
    if (!tag && src && !only_space) tag = src;
    tr_buf_putc(&line, *p);
  }
  tr_buf_free(&line);
}

int tr_emit_write(const char* path, const char* data, size_t len) {
  if (strcmp(path, "-") == 0) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
      fprintf(stderr, "asyncc: error: cannot write to stdout\n");
      return -1;
    }
    return 0;
  }
  size_t n = strlen(path);
  char* tmp = malloc(n + 16);
  if (!tmp) return -1;
  snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "asyncc: error: cannot create '%s': %s\n", tmp,
            strerror(errno));
    free(tmp);
    return -1;
  }
  FILE* f = fdopen(fd, "w");
  int ok = f && fwrite(data, 1, len, f) == len;
  if (f) ok = (fclose(f) == 0) && ok;
  if (ok) {
    /* mkstemp creates 0600; make it like any file the user creates */
    mode_t um = umask(0);
    umask(um);
    chmod(tmp, 0666 & ~um);
  }
  if (!ok || rename(tmp, path) != 0) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path,
            strerror(errno));
    unlink(tmp);
    free(tmp);
    return -1;
  }
  free(tmp);
  return 0;
}
