/* queue.h - intrusive circular doubly linked list (the uv__queue analogue).
 *
 * The node type, struct asyncc__queue_s, is declared in asyncc.h because
 * public structs (asyncc_runner_t) embed a list head. A head is a node whose
 * next/prev point to itself when the list is empty; elements are found from
 * their node with container_of (internal.h).
 */
#ifndef ASYNCC_QUEUE_H
#define ASYNCC_QUEUE_H

#include "asyncc.h"

typedef struct asyncc__queue_s asyncc__queue_t;

static inline void asyncc__queue_init(asyncc__queue_t* q) {
  q->next = q;
  q->prev = q;
}

static inline int asyncc__queue_empty(const asyncc__queue_t* q) {
  return q->next == q;
}

static inline void asyncc__queue_insert_tail(asyncc__queue_t* head,
                                             asyncc__queue_t* q) {
  q->next = head;
  q->prev = head->prev;
  q->prev->next = q;
  head->prev = q;
}

/* Unlinks 'q' and leaves it pointing to itself, so removing it twice is
 * harmless. */
static inline void asyncc__queue_remove(asyncc__queue_t* q) {
  q->prev->next = q->next;
  q->next->prev = q->prev;
  q->next = q;
  q->prev = q;
}

#endif /* ASYNCC_QUEUE_H */
