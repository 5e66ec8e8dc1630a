/* struct/union/enum tags and typedefs declared inside the async function
 * body, with values of those types live across awaits; a block-scope type
 * shadowing a file-scope one of the same name. */
#include <asyncc.h>
#include <stdio.h>

struct pair {
  char unused;
};

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  struct pair {
    int a, b;
  };
  typedef struct pair pair_t;
  enum mode { M_OFF, M_ON = 5, M_AUTO };
  typedef enum mode mode_t2;
  union u {
    int i;
    float f;
  };
  typedef int vec3[3];
  struct pair p = {1, 2};
  pair_t q = {await(v(3)), 4};
  mode_t2 m = M_AUTO;
  union u u1;
  u1.i = 77;
  vec3 vv = {7, 8, 9};
  await(asyncc_sleep(1));
  printf("%d %d %d %d %d %d %d %d %zu\n", p.a, p.b, q.a, q.b, m, u1.i, vv[0],
         vv[2], sizeof(vec3));
  {
    typedef long pair_t;
    pair_t n = 1234567L;
    await(v(0));
    printf("%ld %zu\n", n, sizeof(pair_t));
  }
  q.b = await(v(M_ON));
  printf("%d %zu\n", q.b, sizeof(struct pair));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
