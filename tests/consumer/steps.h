/* steps.h - an async function declared here, defined in steps.c and
 * awaited in main.c. */
#ifndef CONSUMER_STEPS_H
#define CONSUMER_STEPS_H

#include <asyncc.h>

async int step(int i);

#endif
