/* bench/echo/asyncc.c - measurement 4, asyncc: a TCP echo server with one
 * task per connection, written as straight-line async C.
 *
 * The shape of samples/echo_server (issue 4), kept here with the interface
 * every server of this benchmark has: the port as the only argument,
 * 127.0.0.1 only, killed by bench/run with SIGTERM.
 *
 *   echo_asyncc PORT      listens on 127.0.0.1:PORT
 */
#include <asyncc.h>

#include "bench.h"

/* Echoes what 'client' sends until it closes; then frees it. The buffer
 * is a local, so it lives in the frame: 64 KiB per connection, as in
 * echo_uv.c. */
static async int serve(asyncc_stream_t* client) {
  char buf[65536];
  for (;;) {
    ssize_t n = await(asyncc_stream_read(client, buf, sizeof buf));
    if (n <= 0) break;
    if (await(asyncc_stream_write(client, buf, (size_t)n)) < 0) break;
  }
  await(asyncc_stream_close(client));
  free(client);
  return 0;
}

static async int amain(int port) {
  asyncc_stream_t server;
  struct sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", port, &addr);
  int rc = asyncc_tcp_init(&server);
  if (rc == 0) rc = asyncc_tcp_bind(&server, (const struct sockaddr*)&addr, 0);
  if (rc == 0) rc = asyncc_stream_listen(&server, 1024);
  if (rc < 0) {
    fprintf(stderr, "echo_asyncc: listen on port %d: %s\n", port,
            uv_strerror(rc));
    await(asyncc_stream_close(&server));
    return 1;
  }
  for (;;) {
    asyncc_stream_t* client = malloc(sizeof *client);
    if (!client) abort();
    asyncc_tcp_init(client);
    if (await(asyncc_stream_accept(&server, client)) < 0) {
      await(asyncc_stream_close(client));
      free(client);
      continue;
    }
    uv_tcp_nodelay(&client->uv.tcp, 1);
    asyncc_task_detach(asyncc_spawn(serve(client)));
  }
}

int main(int argc, char** argv) {
  return asyncc_run(amain((int)bench_arg(argc, argv, 1, 7000)));
}
