/* main.c - http_get: fetch several URLs concurrently, each with a timeout,
 * and parse the responses with http_parser (libhttp-parser).
 *
 *   sample_http_get [--timeout MS] URL...
 *
 * URL: http://HOST[:PORT]/PATH. Every URL is fetched by its own task
 * (resolve, connect, send a GET, parse the response as it arrives); each
 * fetch runs under asyncc_timeout (default 2000 ms), and the main task
 * gathers them all. Then, in argument order, one line per URL:
 *
 *   /hello.txt: 200 OK, 13 bytes, fnv1a32 0x........
 *   /slow: timed out after 1000 ms
 *   /missing: 404 Not Found, 9 bytes, fnv1a32 0x........
 *   http://127.0.0.1:9/: error: connection refused
 *
 * (the path only, so the output does not depend on the server's port,
 * unless the request never reached a server). Exit status 0 if every URL
 * got a response (whatever its status code), 1 otherwise.
 */
#include <asyncc.h>
#include <http_parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  DEFAULT_TIMEOUT_MS = 2000,
  READ_SIZE = 16 * 1024,
  MAX_URLS = 64,
  MAX_HOST = 256,
  MAX_REQUEST = 2048,
};

/* Everything one fetch produces. Filled by the parser callbacks while the
 * fetch runs, read by the main task after the gather. */
typedef struct {
  const char* url;
  char host[MAX_HOST];
  char port[8];
  const char* path; /* points into url; "/" if it has none */
  size_t path_len;
  int status_code;
  uint64_t body_len;
  uint32_t fnv; /* FNV-1a over the body */
  int complete; /* on_message_complete was called */
  int rc;       /* 0, or why the fetch failed */
} fetch_t;

static int on_body(http_parser* p, const char* at, size_t len) {
  fetch_t* f = p->data;
  for (size_t i = 0; i < len; i++) {
    f->fnv ^= (unsigned char)at[i];
    f->fnv *= 16777619u;
  }
  f->body_len += len;
  return 0;
}

static int on_headers_complete(http_parser* p) {
  ((fetch_t*)p->data)->status_code = (int)p->status_code;
  return 0;
}

static int on_message_complete(http_parser* p) {
  ((fetch_t*)p->data)->complete = 1;
  return 0;
}

/* Splits an http:// URL with http_parser_parse_url. Returns 0 or
 * UV_EINVAL. */
static int parse_url(fetch_t* f) {
  struct http_parser_url u;
  http_parser_url_init(&u);
  if (http_parser_parse_url(f->url, strlen(f->url), 0, &u) != 0)
    return UV_EINVAL;
  if (!(u.field_set & (1 << UF_SCHEMA)) || !(u.field_set & (1 << UF_HOST)))
    return UV_EINVAL;
  if (u.field_data[UF_SCHEMA].len != 4 ||
      strncmp(f->url + u.field_data[UF_SCHEMA].off, "http", 4) != 0)
    return UV_EINVAL; /* no TLS here */
  if (u.field_data[UF_HOST].len >= sizeof f->host) return UV_EINVAL;
  memcpy(f->host, f->url + u.field_data[UF_HOST].off,
         u.field_data[UF_HOST].len);
  f->host[u.field_data[UF_HOST].len] = '\0';
  snprintf(f->port, sizeof f->port, "%u",
           (u.field_set & (1 << UF_PORT)) ? u.port : 80u);
  if (u.field_set & (1 << UF_PATH)) {
    f->path = f->url + u.field_data[UF_PATH].off;
    f->path_len = strlen(f->path); /* the path with its query, if any */
  } else {
    f->path = "/";
    f->path_len = 1;
  }
  return 0;
}

/* Connects to the first address of f->host that accepts. On failure the
 * stream is closed (or was never initialized). */
static async int connect_host(fetch_t* f, asyncc_stream_t* conn) {
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  struct addrinfo* res = NULL;
  int rc = await(asyncc_getaddrinfo(f->host, f->port, &hints, &res));
  if (rc < 0) return rc;
  rc = UV_EADDRNOTAVAIL;
  for (struct addrinfo* ai = res; ai != NULL; ai = ai->ai_next) {
    rc = asyncc_tcp_init(conn);
    if (rc < 0) break;
    rc = await(asyncc_tcp_connect(conn, ai->ai_addr));
    if (rc == 0) break;
    /* A cancelled connect has closed the stream already; closing again
     * waits until that close is done, so 'conn' may then be reused or
     * freed. */
    await(asyncc_stream_close(conn));
    if (rc == UV_ECANCELED) break; /* else try the next address */
  }
  uv_freeaddrinfo(res);
  return rc;
}

/* One request: its result goes to *f (rc 0 once a full response was
 * parsed). Returns f->rc. */
static async int fetch(fetch_t* f) {
  asyncc_stream_t conn;
  memset(&conn, 0, sizeof conn);
  int rc = await(connect_host(f, &conn));
  if (rc < 0) {
    f->rc = rc;
    return rc;
  }

  char req[MAX_REQUEST];
  int len = snprintf(req, sizeof req,
                     "GET %.*s HTTP/1.1\r\nHost: %s:%s\r\n"
                     "User-Agent: asyncc-http_get\r\nConnection: close\r\n\r\n",
                     (int)f->path_len, f->path, f->host, f->port);
  if (len < 0 || (size_t)len >= sizeof req) {
    rc = UV_E2BIG;
  } else {
    rc = await(asyncc_stream_write(&conn, req, (size_t)len));
  }

  http_parser parser;
  http_parser_settings settings;
  http_parser_init(&parser, HTTP_RESPONSE);
  http_parser_settings_init(&settings);
  settings.on_headers_complete = on_headers_complete;
  settings.on_body = on_body;
  settings.on_message_complete = on_message_complete;
  parser.data = f;
  f->fnv = 2166136261u;

  char buf[READ_SIZE];
  while (rc == 0 && !f->complete) {
    ssize_t n = await(asyncc_stream_read(&conn, buf, sizeof buf));
    if (n < 0 && n != UV_EOF) {
      rc = (int)n;
      break;
    }
    /* Length 0 tells the parser the connection ended: that completes a
     * body delimited by the end of the connection, and is an error in
     * the middle of a message. */
    size_t in = n == UV_EOF ? 0 : (size_t)n;
    size_t used = http_parser_execute(&parser, &settings, buf, in);
    if (HTTP_PARSER_ERRNO(&parser) != HPE_OK || used != in) {
      fprintf(stderr, "http_get: %s: %s\n", f->url,
              http_errno_description(HTTP_PARSER_ERRNO(&parser)));
      rc = UV_EPROTO;
    } else if (n == UV_EOF && !f->complete) {
      rc = UV_EOF; /* the server closed before a full response */
    }
  }
  /* Always closes; in a cancelled (timed out) task it reports that. */
  await(asyncc_stream_close(&conn));
  f->rc = rc;
  return rc;
}

/* The timeout wrapper: the fetch runs in its own task so that
 * asyncc_timeout can cancel it. */
static async int fetch_with_timeout(fetch_t* f, uint64_t ms) {
  asyncc_task_t* t = asyncc_spawn(fetch(f));
  int rc = await(asyncc_timeout(t, ms));
  await(asyncc_task_join(t, NULL));
  if (rc == UV_ETIMEDOUT) f->rc = rc;
  return f->rc;
}

static async int amain(fetch_t* fetches, int n, uint64_t timeout_ms) {
  asyncc_task_t* tasks[MAX_URLS];
  for (int i = 0; i < n; i++)
    tasks[i] = asyncc_spawn(fetch_with_timeout(&fetches[i], timeout_ms));
  /* Every fetch is bounded by its timeout, so the gather is too. Its
   * result is only the first task status: the outcomes are in fetches[]. */
  await(asyncc_gather(tasks, (size_t)n));
  for (int i = 0; i < n; i++) await(asyncc_task_join(tasks[i], NULL));

  int failed = 0;
  for (int i = 0; i < n; i++) {
    fetch_t* f = &fetches[i];
    if (f->rc == 0) {
      printf("%.*s: %d %s, %llu bytes, fnv1a32 0x%08x\n", (int)f->path_len,
             f->path, f->status_code,
             http_status_str((enum http_status)f->status_code),
             (unsigned long long)f->body_len, (unsigned)f->fnv);
      continue;
    }
    failed++;
    if (f->rc == UV_ETIMEDOUT)
      printf("%.*s: timed out after %llu ms\n", (int)f->path_len, f->path,
             (unsigned long long)timeout_ms);
    else if (f->rc == UV_EOF || f->rc == UV_EPROTO)
      printf("%.*s: error: %s\n", (int)f->path_len, f->path,
             f->rc == UV_EOF ? "incomplete response" : "malformed response");
    else
      printf("%s: error: %s\n", f->url, uv_strerror(f->rc));
  }
  return failed ? 1 : 0;
}

int main(int argc, char** argv) {
  static fetch_t fetches[MAX_URLS];
  uint64_t timeout_ms = DEFAULT_TIMEOUT_MS;
  int i = 1, n = 0;
  if (argc > 2 && strcmp(argv[1], "--timeout") == 0) {
    char* end;
    long ms = strtol(argv[2], &end, 10);
    if (*end != '\0' || ms <= 0) {
      fprintf(stderr, "http_get: bad timeout '%s'\n", argv[2]);
      return 2;
    }
    timeout_ms = (uint64_t)ms;
    i = 3;
  }
  if (i >= argc || argc - i > MAX_URLS) {
    fprintf(stderr, "usage: %s [--timeout MS] URL... (at most %d)\n", argv[0],
            MAX_URLS);
    return 2;
  }
  for (; i < argc; i++, n++) {
    fetches[n].url = argv[i];
    if (parse_url(&fetches[n]) < 0) {
      fprintf(stderr, "http_get: not an http:// URL: '%s'\n", argv[i]);
      return 2;
    }
  }
  return asyncc_run(amain(fetches, n, timeout_ms));
}
