# bench/await/await.py - measurement 1, peer: Python asyncio `await f()` of a
# coroutine that returns without awaiting anything. ns per await.
import asyncio
import sys
import time


async def leaf(x):
    return x + 1


async def loop(n):
    s = 0
    for i in range(n):
        s += await leaf(i)
    return s


async def amain(n):
    s = await loop(n // 10)  # warm up
    t0 = time.perf_counter_ns()
    s += await loop(n)
    t1 = time.perf_counter_ns()
    print(f"ns_per_op {(t1 - t0) / n:.4f}", flush=True)
    print(f"checksum {s}", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(amain(int(float(sys.argv[1])) if len(sys.argv) > 1 else 3000000))
