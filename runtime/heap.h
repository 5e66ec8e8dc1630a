/* heap.h - intrusive binary min-heap (the shape of libuv's heap-inl.h).
 *
 * The runner keeps every pending sleep and timeout in one of these, ordered
 * by due time, and arms a single uv_timer_t for the minimum: a million
 * sleeping tasks cost one heap node each (three pointers) instead of a
 * million uv_timer_t handles. Nodes live inside the timer's owner (a leaf
 * frame), so insert and remove never allocate and cannot fail.
 *
 * The tree is complete: the path from the root to node number n (1-based,
 * in level order) is given by the bits of n below its top bit, which is how
 * insert finds the first free slot and remove finds the last node.
 */
#ifndef ASYNCC_HEAP_H
#define ASYNCC_HEAP_H

#include <stddef.h>

#include "asyncc.h"

/* asyncc__heap_node_t is declared in asyncc/leaves.h: timer nodes sit in
 * leaf frames that generated code embeds. */
typedef struct asyncc__heap_s asyncc__heap_t;

/* Returns non-zero when 'a' must come out of the heap before 'b'. */
typedef int (*asyncc__heap_less_fn)(const asyncc__heap_node_t* a,
                                    const asyncc__heap_node_t* b);

static inline void asyncc__heap_init(asyncc__heap_t* heap) {
  heap->min = NULL;
  heap->nelts = 0;
}

static inline asyncc__heap_node_t* asyncc__heap_min(const asyncc__heap_t* h) {
  return h->min;
}

/* Swaps 'child' with its parent 'parent', fixing up every link that points
 * at either of them. */
static inline void asyncc__heap_swap(asyncc__heap_t* heap,
                                     asyncc__heap_node_t* parent,
                                     asyncc__heap_node_t* child) {
  asyncc__heap_node_t* sibling;
  asyncc__heap_node_t t;

  t = *parent;
  *parent = *child;
  *child = t;

  parent->parent = child;
  if (child->left == child) {
    child->left = parent;
    sibling = child->right;
  } else {
    child->right = parent;
    sibling = child->left;
  }
  if (sibling != NULL) sibling->parent = child;

  if (parent->left != NULL) parent->left->parent = parent;
  if (parent->right != NULL) parent->right->parent = parent;

  if (child->parent == NULL)
    heap->min = child;
  else if (child->parent->left == parent)
    child->parent->left = child;
  else
    child->parent->right = child;
}

static inline void asyncc__heap_insert(asyncc__heap_t* heap,
                                       asyncc__heap_node_t* node,
                                       asyncc__heap_less_fn less) {
  asyncc__heap_node_t** parent;
  asyncc__heap_node_t** child;
  unsigned int path;
  unsigned int n;
  unsigned int k;

  node->left = NULL;
  node->right = NULL;
  node->parent = NULL;

  /* The path from the root to slot nelts + 1, lowest bit first. */
  path = 0;
  for (k = 0, n = 1 + heap->nelts; n >= 2; k += 1, n /= 2)
    path = (path << 1) | (n & 1);

  parent = child = &heap->min;
  while (k > 0) {
    parent = child;
    if (path & 1)
      child = &(*child)->right;
    else
      child = &(*child)->left;
    path >>= 1;
    k -= 1;
  }

  node->parent = *parent;
  *child = node;
  heap->nelts += 1;

  while (node->parent != NULL && less(node, node->parent))
    asyncc__heap_swap(heap, node->parent, node);
}

static inline void asyncc__heap_remove(asyncc__heap_t* heap,
                                       asyncc__heap_node_t* node,
                                       asyncc__heap_less_fn less) {
  asyncc__heap_node_t* smallest;
  asyncc__heap_node_t** max;
  asyncc__heap_node_t* child;
  unsigned int path;
  unsigned int k;
  unsigned int n;

  if (heap->nelts == 0) return;

  /* The path from the root to the last node, which replaces 'node'. */
  path = 0;
  for (k = 0, n = heap->nelts; n >= 2; k += 1, n /= 2)
    path = (path << 1) | (n & 1);

  max = &heap->min;
  while (k > 0) {
    if (path & 1)
      max = &(*max)->right;
    else
      max = &(*max)->left;
    path >>= 1;
    k -= 1;
  }

  heap->nelts -= 1;

  child = *max;
  *max = NULL;

  if (child == node) {
    /* 'node' was the last node (and maybe the only one). */
    if (child == heap->min) heap->min = NULL;
    return;
  }

  child->left = node->left;
  child->right = node->right;
  child->parent = node->parent;

  if (child->left != NULL) child->left->parent = child;
  if (child->right != NULL) child->right->parent = child;

  if (node->parent == NULL)
    heap->min = child;
  else if (node->parent->left == node)
    node->parent->left = child;
  else
    node->parent->right = child;

  /* The moved node may be too big for its new place (sift down) or, when
   * 'node' was in another subtree, too small (sift up). */
  for (;;) {
    smallest = child;
    if (child->left != NULL && less(child->left, smallest))
      smallest = child->left;
    if (child->right != NULL && less(child->right, smallest))
      smallest = child->right;
    if (smallest == child) break;
    asyncc__heap_swap(heap, child, smallest);
  }

  while (child->parent != NULL && less(child, child->parent))
    asyncc__heap_swap(heap, child->parent, child);
}

#endif /* ASYNCC_HEAP_H */
