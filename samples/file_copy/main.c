/* main.c - file_copy: copy a file with reads running ahead of writes.
 *
 *   sample_file_copy SRC DST
 *
 * A ring of RING buffers of BLOCK bytes is shared by two tasks connected by
 * two channels of buffer indices:
 *
 *   reader:  take a free buffer  -> read the next block into it -> "full"
 *   writer:  take a full buffer  -> write it at its offset      -> "free"
 *
 * so while the writer writes block k the reader is already reading blocks
 * k+1 .. k+RING-1, and both operations are in flight on libuv's thread pool
 * at the same time. The channels carry indices, not data: each buffer
 * belongs to exactly one task at a time.
 *
 * The copy goes to DST.part, which is fsync'ed and renamed to DST only once
 * every byte is written: a failed or interrupted copy never leaves a
 * truncated DST behind, and DST.part is removed on failure. A missing SRC
 * is reported before anything is created.
 */
#include <asyncc.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  BLOCK = 64 * 1024,
  RING = 4,
  COPY_TIMEOUT_MS = 60000, /* the program ends instead of hanging */
};

/* A block handed from reader to writer. len 0 never travels: the reader
 * shuts the channel down at the end of the file. */
typedef struct {
  int buf; /* index into the ring */
  size_t len;
  int64_t offset;
} block_t;

typedef struct {
  uv_file in, out;
  char* ring[RING];
  asyncc_chan_t free_bufs; /* indices of buffers the reader may fill */
  asyncc_chan_t full_bufs; /* blocks the writer must write */
  int64_t bytes_read, bytes_written;
  int blocks;
  int max_ahead; /* most blocks read but not yet written, for the report */
} copy_t;

static async int reader(copy_t* c) {
  int64_t offset = 0;
  int rc = 0;
  for (;;) {
    block_t b;
    /* Waits until the writer hands a buffer back: at most RING blocks are
     * read ahead, however slow the destination is. */
    rc = await(asyncc_chan_recv(&c->free_bufs, &b.buf));
    if (rc == UV_EOF) rc = UV_ECANCELED; /* the writer gave up */
    if (rc < 0) break;
    ssize_t n = await(asyncc_fs_read(c->in, c->ring[b.buf], BLOCK, offset));
    if (n < 0) {
      rc = (int)n;
      break;
    }
    if (n == 0) break; /* end of file */
    b.len = (size_t)n;
    b.offset = offset;
    offset += n;
    c->bytes_read = offset;
    int ahead = (int)((c->bytes_read - c->bytes_written + BLOCK - 1) / BLOCK);
    if (ahead > c->max_ahead) c->max_ahead = ahead;
    rc = await(asyncc_chan_send(&c->full_bufs, &b));
    if (rc < 0) break;
  }
  /* The writer drains what was sent, then sees UV_EOF. */
  asyncc_chan_shutdown(&c->full_bufs);
  return rc;
}

static async int writer(copy_t* c) {
  block_t b;
  int rc;
  while ((rc = await(asyncc_chan_recv(&c->full_bufs, &b))) == 0) {
    /* asyncc_fs_write may write less than asked (as write(2) may): loop. */
    size_t done = 0;
    while (done < b.len) {
      ssize_t n =
          await(asyncc_fs_write(c->out, c->ring[b.buf] + done, b.len - done,
                                b.offset + (int64_t)done));
      if (n < 0) {
        asyncc_chan_shutdown(&c->free_bufs); /* the reader stops too */
        return (int)n;
      }
      done += (size_t)n;
    }
    c->bytes_written += (int64_t)b.len;
    c->blocks++;
    rc = await(asyncc_chan_send(&c->free_bufs, &b.buf));
    if (rc < 0) return rc;
  }
  return rc == UV_EOF ? 0 : rc;
}

/* Runs reader and writer; the first to fail cancels the other. */
static async int copy_data(copy_t* c) {
  asyncc_task_t* t[2] = {asyncc_spawn(reader(c)), asyncc_spawn(writer(c))};
  int result[2] = {0, 0};
  int first = await(asyncc_race(t, 2));
  if (first < 0) { /* we were cancelled: race cancelled and awaited both */
    await(asyncc_task_join(t[0], &result[0]));
    await(asyncc_task_join(t[1], &result[1]));
    return first;
  }
  await(asyncc_task_join(t[first], &result[first]));
  if (result[first] < 0) asyncc_task_cancel(t[1 - first]);
  await(asyncc_task_join(t[1 - first], &result[1 - first]));
  /* Report the error that caused the stop, not the UV_ECANCELED it caused. */
  if (result[first] < 0) return result[first];
  return result[1 - first];
}

/* Copies src to part, then renames part to dst. Sets *created once part
 * exists, so the caller knows it has something to remove on failure. */
static async int copy_file(const char* src, const char* dst, const char* part,
                           int* created) {
  copy_t c;
  memset(&c, 0, sizeof c);
  c.in = c.out = -1;
  int rc = 0;
  int chans = 0;

  c.in = await(asyncc_fs_open(src, UV_FS_O_RDONLY, 0));
  if (c.in < 0) {
    fprintf(stderr, "file_copy: cannot open '%s': %s\n", src,
            uv_strerror(c.in));
    return c.in;
  }
  uv_stat_t st;
  rc = await(asyncc_fs_fstat(c.in, &st));
  if (rc < 0) {
    fprintf(stderr, "file_copy: cannot stat '%s': %s\n", src, uv_strerror(rc));
    goto close_in;
  }
  c.out =
      await(asyncc_fs_open(part, UV_FS_O_WRONLY | UV_FS_O_CREAT | UV_FS_O_TRUNC,
                           (int)(st.st_mode & 0777)));
  if (c.out < 0) {
    rc = c.out;
    fprintf(stderr, "file_copy: cannot create '%s': %s\n", part,
            uv_strerror(rc));
    goto close_in;
  }
  *created = 1;

  for (int i = 0; i < RING; i++) {
    c.ring[i] = malloc(BLOCK);
    if (c.ring[i] == NULL) {
      rc = UV_ENOMEM;
      goto fail;
    }
  }
  rc = asyncc_chan_init(&c.free_bufs, sizeof(int), RING);
  if (rc == 0) {
    chans = 1;
    rc = asyncc_chan_init(&c.full_bufs, sizeof(block_t), RING);
  }
  if (rc < 0) goto fail;
  chans = 2;
  /* Every buffer starts free; the channel holds all RING of them, so these
   * sends never wait. */
  for (int i = 0; i < RING; i++) asyncc_chan_try_send(&c.free_bufs, &i);

  rc = await(copy_data(&c));
  /* For a regular file the byte count must match what fstat said; a file
   * that changed size while being copied (a growing log) is not copied
   * faithfully, so it is reported rather than renamed into place. */
  if (rc == 0 && c.bytes_written != (int64_t)st.st_size) rc = UV_EIO;
  if (rc == 0) rc = await(asyncc_fs_fsync(c.out));
  if (rc < 0) {
    fprintf(stderr, "file_copy: copying '%s' to '%s': %s\n", src, part,
            uv_strerror(rc));
    goto fail;
  }
  rc = await(asyncc_fs_close(c.out));
  c.out = -1;
  if (rc == 0) rc = await(asyncc_fs_rename(part, dst));
  if (rc < 0) {
    fprintf(stderr, "file_copy: cannot finish '%s': %s\n", dst,
            uv_strerror(rc));
    goto fail;
  }
  printf("copied %" PRId64
         " bytes in %d block(s) of %d KiB; up to %d "
         "block(s) read ahead of the writer\n",
         c.bytes_written, c.blocks, BLOCK / 1024, c.max_ahead);
  goto done;

fail:
  /* The caller removes part: in a cancelled task (timeout) an unlink here
   * would only report UV_ECANCELED. Closing always closes. */
  if (c.out >= 0) await(asyncc_fs_close(c.out));
done:
  if (chans >= 1) asyncc_chan_close(&c.free_bufs);
  if (chans >= 2) asyncc_chan_close(&c.full_bufs);
  for (int i = 0; i < RING; i++) free(c.ring[i]);
close_in:
  await(asyncc_fs_close(c.in));
  return rc;
}

static async int amain(const char* src, const char* dst, const char* part) {
  int created = 0;
  asyncc_task_t* t = asyncc_spawn(copy_file(src, dst, part, &created));
  int status = await(asyncc_timeout(t, COPY_TIMEOUT_MS));
  int rc = 0;
  await(asyncc_task_join(t, &rc));
  if (status == UV_ETIMEDOUT) {
    fprintf(stderr, "file_copy: timed out after %d ms\n", COPY_TIMEOUT_MS);
    rc = status;
  }
  if (rc == 0) return 0;
  /* No partial destination: DST was never touched, and the temporary goes
   * (unless the rename already consumed it). */
  if (created) {
    int urc = await(asyncc_fs_unlink(part));
    if (urc < 0 && urc != UV_ENOENT)
      fprintf(stderr, "file_copy: cannot remove '%s': %s\n", part,
              uv_strerror(urc));
  }
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s SRC DST\n", argv[0]);
    return 2;
  }
  size_t n = strlen(argv[2]);
  char* part = malloc(n + sizeof ".part");
  if (part == NULL) return 1;
  memcpy(part, argv[2], n);
  memcpy(part + n, ".part", sizeof ".part");
  int rc = asyncc_run(amain(argv[1], argv[2], part));
  free(part);
  return rc;
}
