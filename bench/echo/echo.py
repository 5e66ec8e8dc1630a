# bench/echo/echo.py - measurement 4, peer: a Python asyncio echo server
# (Protocol API: the fastest asyncio form), optionally on uvloop.
#   python3 echo.py [--uvloop] PORT      listens on 127.0.0.1:PORT
import asyncio
import signal
import sys


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def amain(port):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set_result, None)
    server = await loop.create_server(Echo, "127.0.0.1", port, backlog=1024)
    async with server:
        await stop


def main():
    args = sys.argv[1:]
    if "--uvloop" in args:
        import uvloop

        uvloop.install()
        args.remove("--uvloop")
    asyncio.run(amain(int(args[0]) if args else 7000))


if __name__ == "__main__":
    main()
