# bench/yield/yield.py - measurement 2, peer: Python asyncio, each task
# awaiting asyncio.sleep(0) (the next turn of the event loop).
#   python3 yield.py [--uvloop] NTASKS SWITCHES      ns per switch
import asyncio
import sys
import time


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def run(ntasks, per):
    t0 = time.perf_counter_ns()
    await asyncio.gather(*(worker(per) for _ in range(ntasks)))
    t1 = time.perf_counter_ns()
    return (t1 - t0) / (ntasks * per)


async def amain(ntasks, total):
    per = max(1, total // ntasks)
    await run(ntasks, per // 10 + 1)  # warm up
    print(f"ns_per_op {await run(ntasks, per):.4f}", flush=True)


def main():
    args = sys.argv[1:]
    use_uvloop = "--uvloop" in args
    args = [a for a in args if a != "--uvloop"]
    ntasks = int(float(args[0])) if args else 1
    total = int(float(args[1])) if len(args) > 1 else 300000
    if use_uvloop:
        import uvloop  # Debian: python3-uvloop

        uvloop.install()
    asyncio.run(amain(ntasks, total))


if __name__ == "__main__":
    main()
