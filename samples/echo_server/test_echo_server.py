#!/usr/bin/env python3
"""test_echo_server.py - ctest driver for samples/echo_server.

    test_echo_server.py SAMPLE_BINARY

For each of SIGTERM and SIGINT: starts the server on an ephemeral port of
127.0.0.1 (it prints the port), runs several concurrent connections that
each send several messages (from 1 byte to 256 KiB) and checks every echo
byte for byte, keeps one more connection open and idle, then signals the
server and checks that it closes the idle connection, exits 0 and reports
the shutdown. Every step has a timeout; exits non-zero on the first
failure.
"""
import asyncio
import os
import random
import re
import signal
import subprocess
import sys

CONNECTIONS = 8
MESSAGES = 6
STEP_TIMEOUT = 20  # seconds, for any one step


def fail(msg, out="", err=""):
    print("FAIL:", msg)
    if out or err:
        print("--- server stdout ---\n" + out + "--- server stderr ---\n" + err)
    sys.exit(1)


async def echo_client(port, conn_id, rng):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    sizes = [1, 17, 4096, 65537, 256 * 1024, rng.randrange(1, 100000)]
    for i, size in enumerate(sizes[:MESSAGES]):
        msg = bytes([(conn_id * 31 + i + k) & 0xFF for k in range(size)])
        writer.write(msg)
        await writer.drain()
        got = await reader.readexactly(len(msg))
        if got != msg:
            raise AssertionError(f"connection {conn_id}, message {i}: "
                                 f"echo differs ({len(got)} bytes)")
    writer.close()
    await writer.wait_closed()
    return sum(sizes[:MESSAGES])


async def scenario(binary, signum):
    proc = await asyncio.create_subprocess_exec(
        binary, "0", "60", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), STEP_TIMEOUT)
        m = re.match(rb"listening on 127\.0\.0\.1:(\d+)\n", line)
        if not m:
            raise AssertionError(f"no port announced: {line!r}")
        port = int(m.group(1))

        rng = random.Random(signum)
        total = sum(await asyncio.wait_for(asyncio.gather(
            *(echo_client(port, c, rng) for c in range(CONNECTIONS))),
            STEP_TIMEOUT))

        # An idle connection the server must close at shutdown.
        idle_r, idle_w = await asyncio.open_connection("127.0.0.1", port)
        idle_w.write(b"ping")
        await idle_w.drain()
        if await asyncio.wait_for(idle_r.readexactly(4), STEP_TIMEOUT) != b"ping":
            raise AssertionError("idle connection: no echo")

        proc.send_signal(signum)
        eof = await asyncio.wait_for(idle_r.read(), STEP_TIMEOUT)
        if eof != b"":
            raise AssertionError(f"idle connection: got {eof!r}, not EOF")
        idle_w.close()
        out, err = await asyncio.wait_for(proc.communicate(), STEP_TIMEOUT)
    except BaseException:
        proc.kill()
        out, err = await proc.communicate()
        print("--- server stdout ---\n" + out.decode(errors="replace") +
              "--- server stderr ---\n" + err.decode(errors="replace"))
        raise
    out, err = line.decode() + out.decode(), err.decode()
    name = signal.Signals(signum).name
    if proc.returncode != 0:
        fail(f"{name}: exit status {proc.returncode}", out, err)
    if err:
        fail(f"{name}: unexpected stderr", out, err)
    # The closed clients' tasks may still be ending when the signal comes
    # (so "N open" may count them), but only the idle one is cancelled.
    expect = [
        rf"shutting down \({name}\): [1-9] connection\(s\) open\n",
        r"grace period over: open connections cancelled\n",
        rf"served {CONNECTIONS + 1} connection\(s\), echoed {total + 4} "
        r"byte\(s\); 1 cancelled at shutdown\n",
    ]
    for e in expect:
        if not re.search(e, out):
            fail(f"{name}: output does not match {e!r}", out, err)
    print(f"ok: {name}: {CONNECTIONS} connections, {total} bytes echoed; "
          "clean shutdown")


def main():
    binary = sys.argv[1]
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.run(scenario(binary, signum))
    print("all done")


if __name__ == "__main__":
    main()
