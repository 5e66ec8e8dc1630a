/* Awaits at several block depths; outer locals seen from inner blocks stay
 * correct across suspensions. */
#include <asyncc.h>
#include <stdio.h>

static async int inc(int x) {
  await(asyncc_yield());
  return x + 1;
}

async int amain(void) {
  int depth0 = 0;
  {
    int depth1 = await(inc(depth0));
    {
      int depth2 = await(inc(depth1));
      {
        int depth3 = await(inc(depth2));
        depth0 += depth3;
        printf("inner %d %d %d %d\n", depth0, depth1, depth2, depth3);
      }
      depth0 += await(inc(depth2));
      printf("middle %d %d %d\n", depth0, depth1, depth2);
    }
    depth0 += depth1;
  }
  {
    int again = await(inc(depth0));
    printf("sibling %d\n", again);
  }
  printf("outer %d\n", depth0);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
