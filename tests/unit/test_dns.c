/* test_dns.c - asyncc_getaddrinfo: a local name, a bad address, misuse,
 * and cancellation that frees what a lookup returned. */
#include <netdb.h>

#include "test_util.h"

#define GAI(node, svc, hints, res)          \
  (*take = asyncc__asyncc_getaddrinfo_take, \
   asyncc__asyncc_getaddrinfo_start(node, svc, hints, res))

typedef struct {
  struct addrinfo hints;
  struct addrinfo* res;
  struct addrinfo* res2;
  int rc[8];
  char ip[64];
  int port;
  asyncc_task_t* t;
} ctx_t;

static asyncc_frame_t* gai_script(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->hints.ai_family = AF_INET;
      c->hints.ai_socktype = SOCK_STREAM;
      return GAI("localhost", "8080", &c->hints, &c->res);
    case 1:
      c->rc[0] = last;
      if (last == 0) {
        struct sockaddr_in* a = (struct sockaddr_in*)c->res->ai_addr;
        uv_ip4_name(a, c->ip, sizeof c->ip);
        c->port = ntohs(a->sin_port);
        uv_freeaddrinfo(c->res);
      }
      c->hints.ai_flags = AI_NUMERICHOST;
      return GAI("999.1.1.1", NULL, &c->hints, &c->res2);
    case 2:
      c->rc[1] = last;
      return GAI("localhost", NULL, NULL, NULL);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_dns_getaddrinfo(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(gai_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_string_equal(c.ip, "127.0.0.1");
  assert_int_equal(c.port, 8080);
  assert_int_equal(c.rc[1], UV_EAI_NONAME);
  assert_null(c.res2);
  assert_int_equal(c.rc[2], UV_EINVAL);
  test_end_clean();
}

/* Cancelled while the lookup is in flight: either the cancellation
 * reaches it first (UV_ECANCELED, nothing returned, and a list produced
 * anyway is freed: the sanitizer build checks) or the lookup had already
 * completed (its result is kept). The task itself reports UV_ECANCELED. */
static asyncc_frame_t* lookup_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return GAI("localhost", NULL, NULL, &c->res);
  c->rc[3] = last;
  return NULL;
}

static asyncc_frame_t* cancel_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(script_start(lookup_script, c), script_take_into);
      return SCRIPT_YIELD(); /* the lookup is in flight */
    case 1:
      asyncc_task_cancel(c->t);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->rc[4] = last;
      return NULL;
  }
}

static void test_dns_cancel(void** state) {
  ctx_t c;
  int i;
  (void)state;
  for (i = 0; i < 20; i++) {
    memset(&c, 0, sizeof c);
    script_take(asyncc__run(script_start(cancel_script, &c)));
    assert_int_equal(c.rc[4], UV_ECANCELED);
    if (c.rc[3] == 0) {
      assert_non_null(c.res);
      uv_freeaddrinfo(c.res);
    } else {
      assert_int_equal(c.rc[3], UV_ECANCELED);
      assert_null(c.res);
    }
  }
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dns_getaddrinfo),
      cmocka_unit_test(test_dns_cancel),
  };
  return cmocka_run_group_tests_name("dns", tests, NULL, NULL);
}
