#!/usr/bin/env python3
"""test_http_get.py - ctest driver for samples/http_get.

    test_http_get.py SAMPLE_BINARY

Serves a few paths from an HTTP/1.1 server on an ephemeral port of
127.0.0.1 (in a thread of this process): a small file, a 300,000-byte file,
a chunked response, a 404, and a path that answers only after 5 s. Runs the
sample on all of them plus a URL whose port nothing listens on, with a 1 s
timeout, and compares its output line for line with what the responses
must give (status, body length, FNV-1a of the body): the slow path must be
reported as a timeout, the closed port as refused, exit status 1. A second
run without those two must exit 0. Every run is bounded.
"""
import http.server
import socket
import subprocess
import sys
import threading

HELLO = b"hello, world\n"
BIG = bytes((i * 7 + i // 251) & 0xFF for i in range(300_000))
CHUNKS = [b"first chunk\n", b"x" * 5000, b"", b"last chunk\n"]
NOT_FOUND = b"not found\n"
SLOW_S = 5
TIMEOUT_MS = 1000
STOP = threading.Event()  # set at the end: /slow gives up waiting


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output to the point
        pass

    def send_body(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/hello.txt":
            self.send_body(200, HELLO)
        elif self.path == "/big.bin":
            self.send_body(200, BIG)
        elif self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for c in CHUNKS:
                if c:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
                    self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/slow":
            if STOP.wait(SLOW_S):
                return
            self.send_body(200, b"too late\n")
        else:
            self.send_body(404, NOT_FOUND)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the sample hangs up on /slow: a broken pipe is expected


def fnv1a32(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def line(path, code, reason, body):
    return f"{path}: {code} {reason}, {len(body)} bytes, fnv1a32 0x{fnv1a32(body):08x}"


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    return port


def run(binary, args, want_rc, want_lines):
    p = subprocess.run([binary, "--timeout", str(TIMEOUT_MS), *args],
                       capture_output=True, text=True, timeout=30)
    got = p.stdout.splitlines()
    if p.returncode != want_rc or got != want_lines or p.stderr:
        print(f"FAIL: exit status {p.returncode} (want {want_rc})")
        print("--- want ---\n" + "\n".join(want_lines))
        print("--- got ---\n" + p.stdout + "--- stderr ---\n" + p.stderr)
        sys.exit(1)
    print("\n".join(got))


def main():
    binary = sys.argv[1]
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    refused = f"http://127.0.0.1:{closed_port()}/"
    try:
        good = [
            ("/hello.txt", line("/hello.txt", 200, "OK", HELLO)),
            ("/big.bin", line("/big.bin", 200, "OK", BIG)),
            ("/chunked", line("/chunked", 200, "OK", b"".join(CHUNKS))),
            ("/missing", line("/missing", 404, "Not Found", NOT_FOUND)),
        ]
        urls = [base + p for p, _ in good]
        run(binary, urls[:2] + [base + "/slow", refused] + urls[2:], 1,
            [good[0][1], good[1][1],
             f"/slow: timed out after {TIMEOUT_MS} ms",
             f"{refused}: error: connection refused",
             good[2][1], good[3][1]])
        run(binary, urls, 0, [l for _, l in good])
    finally:
        STOP.set()
        server.shutdown()
        server.server_close()
    print("all done")


if __name__ == "__main__":
    main()
