#!/usr/bin/env python3
"""test_file_copy.py - ctest driver for samples/file_copy.

    test_file_copy.py SAMPLE_BINARY

Copies random files of several sizes (empty, one byte, exactly one block,
several megabytes plus an odd tail) in a fresh temp dir and compares them
byte for byte; then checks the error cases: a missing source and an
unwritable destination must fail with a message and leave no DST or
DST.part behind. Exits non-zero on the first failure.
"""
import os
import subprocess
import sys
import tempfile

BLOCK = 64 * 1024


def run(binary, *args):
    # The sample bounds itself (60 s); this is the backstop.
    return subprocess.run([binary, *args], capture_output=True, text=True,
                          timeout=90)


def run_checked(binary, *args):
    """run(), failing on any sanitizer report (the error cases write a
    message to stderr, so it cannot simply be required empty)."""
    p = run(binary, *args)
    if "Sanitizer" in p.stderr or "runtime error:" in p.stderr:
        fail("sanitizer report", p)
    return p


def fail(msg, proc=None):
    print("FAIL:", msg)
    if proc is not None:
        print("exit status:", proc.returncode)
        print("--- stdout ---\n" + proc.stdout + "--- stderr ---\n" + proc.stderr)
    sys.exit(1)


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="asyncc-file-copy-") as tmp:
        for size in (0, 1, BLOCK, 5 * 1024 * 1024 + 12345):
            src = os.path.join(tmp, f"src-{size}")
            dst = os.path.join(tmp, f"dst-{size}")
            data = os.urandom(size)
            with open(src, "wb") as f:
                f.write(data)
            os.chmod(src, 0o640)
            p = run(binary, src, dst)
            if p.returncode != 0 or p.stderr:
                fail(f"copy of {size} bytes", p)
            with open(dst, "rb") as f:
                if f.read() != data:
                    fail(f"copy of {size} bytes differs from the source", p)
            if os.stat(dst).st_mode & 0o777 != 0o640:
                fail(f"copy of {size} bytes: mode not preserved", p)
            if os.path.exists(dst + ".part"):
                fail(f"copy of {size} bytes left {dst}.part", p)
            if f"copied {size} bytes" not in p.stdout:
                fail(f"copy of {size} bytes: no report", p)
            print(f"ok: {size} bytes: {p.stdout.strip()}")

        # A missing source: a clear message, exit 1, nothing created.
        missing = os.path.join(tmp, "no-such-file")
        dst = os.path.join(tmp, "dst-missing")
        p = run_checked(binary, missing, dst)
        if p.returncode != 1:
            fail("missing source: expected exit status 1", p)
        if f"cannot open '{missing}': no such file or directory" not in p.stderr:
            fail("missing source: no clear message", p)
        if os.path.exists(dst) or os.path.exists(dst + ".part"):
            fail("missing source: a destination was created", p)
        print("ok: missing source:", p.stderr.strip())

        # A destination that cannot be created: exit 1, nothing left.
        src = os.path.join(tmp, f"src-{BLOCK}")
        dst = os.path.join(tmp, "no-such-dir", "dst")
        p = run_checked(binary, src, dst)
        if p.returncode != 1 or "cannot create" not in p.stderr:
            fail("unwritable destination: expected exit 1 and a message", p)
        print("ok: unwritable destination:", p.stderr.strip())

        # Existing DST is replaced only by a complete copy.
        dst = os.path.join(tmp, "dst-existing")
        with open(dst, "wb") as f:
            f.write(b"old contents")
        p = run_checked(binary, missing, dst)
        with open(dst, "rb") as f:
            if p.returncode != 1 or f.read() != b"old contents":
                fail("a failed copy touched an existing destination", p)
        print("ok: a failed copy leaves an existing destination alone")
    print("all done")


if __name__ == "__main__":
    main()
