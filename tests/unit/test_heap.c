/* test_heap.c - the intrusive min-heap behind the runner's timers,
 * checked against a sorted reference under random inserts and removals.
 */
#include "test_util.h"

typedef struct {
  asyncc__heap_node_t node;
  int key;
  int in_heap;
} item_t;

static int item_less(const asyncc__heap_node_t* a,
                     const asyncc__heap_node_t* b) {
  return container_of(a, item_t, node)->key <
         container_of(b, item_t, node)->key;
}

/* Checks parent links and the heap order everywhere below 'n'; returns the
 * number of nodes. */
static unsigned check(const asyncc__heap_node_t* n,
                      const asyncc__heap_node_t* parent) {
  unsigned count = 1;
  if (n == NULL) return 0;
  assert_ptr_equal(n->parent, parent);
  if (parent != NULL) assert_false(item_less(n, parent));
  count += check(n->left, n);
  count += check(n->right, n);
  return count;
}

#define N 2000

static void test_heap_random(void** state) {
  static item_t items[N];
  struct asyncc__heap_s heap;
  unsigned live = 0;
  unsigned seed = 12345;
  int round;
  (void)state;

  asyncc__heap_init(&heap);
  assert_null(asyncc__heap_min(&heap));
  for (round = 0; round < 20000; round++) {
    int i;
    seed = seed * 1103515245u + 12345u;
    i = (int)((seed >> 8) % N);
    if (!items[i].in_heap) {
      items[i].key = (int)((seed >> 4) % 100); /* many equal keys */
      asyncc__heap_insert(&heap, &items[i].node, item_less);
      items[i].in_heap = 1;
      live++;
    } else if ((seed >> 20) & 1) {
      asyncc__heap_remove(&heap, &items[i].node, item_less);
      items[i].in_heap = 0;
      live--;
    } else if (asyncc__heap_min(&heap) != NULL) {
      /* Remove the minimum: it must be the smallest live key. */
      item_t* m = container_of(asyncc__heap_min(&heap), item_t, node);
      int j;
      for (j = 0; j < N; j++)
        if (items[j].in_heap) assert_true(items[j].key >= m->key);
      asyncc__heap_remove(&heap, &m->node, item_less);
      m->in_heap = 0;
      live--;
    }
    assert_int_equal(heap.nelts, live);
    if (round % 97 == 0) assert_int_equal(check(heap.min, NULL), live);
  }
  /* Drain in order. */
  {
    int prev = -1;
    while (asyncc__heap_min(&heap) != NULL) {
      item_t* m = container_of(asyncc__heap_min(&heap), item_t, node);
      assert_true(m->key >= prev);
      prev = m->key;
      asyncc__heap_remove(&heap, &m->node, item_less);
      live--;
    }
    assert_int_equal(live, 0);
    assert_int_equal(heap.nelts, 0);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_heap_random),
  };
  return cmocka_run_group_tests_name("heap", tests, NULL, NULL);
}
