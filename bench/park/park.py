# bench/park/park.py - measurement 3, peer: memory of N suspended asyncio
# tasks, each awaiting a shared future.
#   python3 park.py [--uvloop] N      prints "parked N"
import asyncio
import sys

total = 0
parked = 0


async def task(fut, i):
    global total, parked
    parked += 1
    r = await fut
    parked -= 1
    total += r + i


async def amain(n):
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.ensure_future(task(fut, i)) for i in range(n)]
    await asyncio.sleep(0)  # let every task run up to its await
    print(f"parked {parked}", flush=True)
    fut.set_result(1)
    await asyncio.gather(*tasks)
    print(f"checksum {total}", file=sys.stderr)


def main():
    args = sys.argv[1:]
    if "--uvloop" in args:
        import uvloop

        uvloop.install()
        args.remove("--uvloop")
    asyncio.run(amain(int(float(args[0])) if args else 1000000))


if __name__ == "__main__":
    main()
