/* main.c - pipeline: producers and consumers over a channel, with the whole
 * group cancelled on the first error.
 *
 *   sample_pipeline                 every item is processed; prints the
 *                                   checksum and exits 0
 *   sample_pipeline --poison P:S    item S of producer P is poisoned: the
 *                                   consumer that takes it fails, the group
 *                                   is cancelled, the program reports what
 *                                   completed and the error, and exits 1
 *
 * Shape: PRODUCERS tasks send items into one bounded channel; CONSUMERS
 * tasks receive and process them. A "group" task gathers all of them. A
 * consumer that fails records the error and cancels the group task; a
 * cancelled gather cancels every task it waits on and waits for them to
 * unwind, so when the group ends nothing is left running. The last
 * producer to finish shuts the channel down, which is how consumers learn
 * that the work is over (UV_EOF).
 *
 * The whole run is bounded by asyncc_timeout: a bug that left a task
 * waiting forever ends in a timeout report, not a hang.
 */
#include <asyncc.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  PRODUCERS = 3,
  CONSUMERS = 4,
  ITEMS_PER_PRODUCER = 40,
  CHAN_CAPACITY = 4,
  RUN_TIMEOUT_MS = 10000,
};

typedef struct {
  int producer;
  int seq;
  uint32_t value;
} item_t;

/* Per-task bookkeeping: what each task got done, for the report. */
typedef struct {
  int items;         /* sent (producer) or processed (consumer) */
  uint64_t checksum; /* consumers: sum of the results they processed */
} stats_t;

typedef struct {
  asyncc_chan_t ch;
  asyncc_task_t* group; /* gathers every worker; cancelled on failure */
  int producers_left;   /* the last one to finish shuts the channel */
  int poison_producer;  /* -1: no poisoned item */
  int poison_seq;
  /* The first failure (later ones, if any, are only counted). */
  int failures;
  int error;
  int failed_consumer;
  item_t failed_item;
  stats_t producer[PRODUCERS];
  stats_t consumer[CONSUMERS];
} pipeline_t;

static uint32_t item_value(int producer, int seq) {
  return (uint32_t)(producer * 1000 + seq);
}

/* What a consumer computes from an item; the checksum is the sum of these,
 * so it does not depend on which consumer took which item. */
static uint64_t item_result(uint32_t value) {
  return (uint64_t)value * 2654435761u % 1000003u;
}

/* The checksum of a run where every item is processed, computed directly. */
static uint64_t expected_checksum(void) {
  uint64_t sum = 0;
  for (int p = 0; p < PRODUCERS; p++)
    for (int s = 0; s < ITEMS_PER_PRODUCER; s++)
      sum += item_result(item_value(p, s));
  return sum;
}

static async int producer(pipeline_t* pl, int id) {
  int rc = 0;
  for (int seq = 0; seq < ITEMS_PER_PRODUCER; seq++) {
    item_t it = {id, seq, item_value(id, seq)};
    /* Waits while the channel is full: consumers set the pace. A cancelled
     * producer gets UV_ECANCELED here and stops. */
    rc = await(asyncc_chan_send(&pl->ch, &it));
    if (rc < 0) break;
    pl->producer[id].items++;
  }
  /* Shut down after the last producer, even a failed one: consumers must
   * not wait for items that will never come. */
  if (--pl->producers_left == 0) asyncc_chan_shutdown(&pl->ch);
  return rc;
}

/* Processing one item takes a few turns of the loop (standing in for real
 * asynchronous work), and fails for the poisoned item. */
static async int process(const pipeline_t* pl, const item_t* it,
                         uint64_t* result) {
  for (int i = 0; i < 1 + it->seq % 3; i++) {
    int rc = await(asyncc_yield());
    if (rc < 0) return rc; /* cancelled mid-item */
  }
  if (it->producer == pl->poison_producer && it->seq == pl->poison_seq)
    return UV_EINVAL;
  *result = item_result(it->value);
  return 0;
}

static async int consumer(pipeline_t* pl, int id) {
  item_t it;
  int rc;
  while ((rc = await(asyncc_chan_recv(&pl->ch, &it))) == 0) {
    uint64_t result = 0;
    rc = await(process(pl, &it, &result));
    if (rc == UV_ECANCELED) return rc; /* someone else failed */
    if (rc < 0) {
      if (pl->failures++ == 0) {
        pl->error = rc;
        pl->failed_consumer = id;
        pl->failed_item = it;
        /* The first error stops everything: cancelling the group task
         * cancels its gather, which cancels every worker. */
        asyncc_task_cancel(pl->group);
      }
      return rc;
    }
    pl->consumer[id].items++;
    pl->consumer[id].checksum += result;
  }
  return rc == UV_EOF ? 0 : rc; /* UV_EOF: shut down and drained */
}

static async int group(asyncc_task_t* const* tasks, size_t n) {
  return await(asyncc_gather(tasks, n));
}

static const char* status_text(int rc) {
  return rc == 0 ? "ok" : uv_err_name(rc);
}

static async int amain(int poison_producer, int poison_seq) {
  pipeline_t pl;
  memset(&pl, 0, sizeof pl);
  pl.producers_left = PRODUCERS;
  pl.poison_producer = poison_producer;
  pl.poison_seq = poison_seq;
  int rc = asyncc_chan_init(&pl.ch, sizeof(item_t), CHAN_CAPACITY);
  if (rc < 0) {
    fprintf(stderr, "pipeline: channel: %s\n", uv_strerror(rc));
    return 2;
  }

  /* workers[0..PRODUCERS) are producers, the rest consumers. */
  asyncc_task_t* workers[PRODUCERS + CONSUMERS];
  for (int i = 0; i < PRODUCERS; i++)
    workers[i] = asyncc_spawn(producer(&pl, i));
  for (int i = 0; i < CONSUMERS; i++)
    workers[PRODUCERS + i] = asyncc_spawn(consumer(&pl, i));
  pl.group = asyncc_spawn(group(workers, PRODUCERS + CONSUMERS));

  /* UV_ECANCELED here means a consumer cancelled the group. */
  int group_status = await(asyncc_timeout(pl.group, RUN_TIMEOUT_MS));
  int gathered = 0;
  await(asyncc_task_join(pl.group, &gathered));

  /* Every worker has ended (the gather waited for them): the joins return
   * at once with each one's result. */
  int results[PRODUCERS + CONSUMERS];
  int statuses[PRODUCERS + CONSUMERS];
  for (int i = 0; i < PRODUCERS + CONSUMERS; i++) {
    results[i] = 0;
    statuses[i] = await(asyncc_task_join(workers[i], &results[i]));
  }
  /* Items still buffered when the group was cancelled are dropped with the
   * channel; the rest of the gap was mid-processing in a cancelled consumer. */
  size_t buffered = pl.ch.count;
  asyncc_chan_close(&pl.ch);

  int sent = 0, processed = 0;
  uint64_t checksum = 0;
  for (int i = 0; i < PRODUCERS; i++) {
    printf("producer %d: %s, sent %d item(s)\n", i,
           statuses[i] == UV_ECANCELED ? "cancelled" : status_text(results[i]),
           pl.producer[i].items);
    sent += pl.producer[i].items;
  }
  for (int i = 0; i < CONSUMERS; i++) {
    int k = PRODUCERS + i;
    printf("consumer %d: %s, processed %d item(s)\n", i,
           statuses[k] == UV_ECANCELED ? "cancelled" : status_text(results[k]),
           pl.consumer[i].items);
    processed += pl.consumer[i].items;
    checksum += pl.consumer[i].checksum;
  }

  if (group_status == UV_ETIMEDOUT) {
    printf("timed out after %d ms\n", RUN_TIMEOUT_MS);
    return 2;
  }
  if (pl.failures > 0) {
    printf("error: consumer %d failed on item %d:%d: %s\n", pl.failed_consumer,
           pl.failed_item.producer, pl.failed_item.seq, uv_strerror(pl.error));
    printf("stopped after %d of %d item(s); group %s\n", processed,
           PRODUCERS * ITEMS_PER_PRODUCER, status_text(group_status));
    printf("dropped: %zu buffered in the channel, %d in cancelled consumers\n",
           buffered, sent - processed - pl.failures - (int)buffered);
    return 1;
  }
  printf("processed %d item(s), checksum %" PRIu64 "\n", processed, checksum);
  if (gathered != 0 || processed != PRODUCERS * ITEMS_PER_PRODUCER ||
      checksum != expected_checksum()) {
    printf("unexpected result: expected checksum %" PRIu64 "\n",
           expected_checksum());
    return 2;
  }
  printf("all done\n");
  return 0;
}

int main(int argc, char** argv) {
  int poison_producer = -1, poison_seq = -1;
  if (argc == 3 && strcmp(argv[1], "--poison") == 0) {
    if (sscanf(argv[2], "%d:%d", &poison_producer, &poison_seq) != 2 ||
        poison_producer < 0 || poison_producer >= PRODUCERS || poison_seq < 0 ||
        poison_seq >= ITEMS_PER_PRODUCER) {
      fprintf(stderr, "pipeline: --poison P:S with 0 <= P < %d, 0 <= S < %d\n",
              PRODUCERS, ITEMS_PER_PRODUCER);
      return 2;
    }
  } else if (argc != 1) {
    fprintf(stderr, "usage: %s [--poison PRODUCER:SEQ]\n", argv[0]);
    return 2;
  }
  return asyncc_run(amain(poison_producer, poison_seq));
}
