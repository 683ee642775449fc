#!/usr/bin/env python3
"""A failed or interrupted build leaves its output folder exactly as it was.

Runs the real binary:
  1. a build that succeeds, into a folder that also holds a file of the user's;
  2. a build that fails on its data: the folder is byte for byte what it was (names, contents,
     modification times), with no temporary file;
  3. a build that fails while writing (an output name taken by a folder): the same;
  4. a build into a new folder under a file (io-error): nothing is created;
  5. builds interrupted with SIGINT, SIGTERM and SIGHUP once every output is staged (the test
     hook NTREPORT_TEST_HOLD_BEFORE_COMMIT makes the build wait there, so the signal lands
     while temporaries exist, whatever the machine's speed): the process dies of the signal,
     the folder is as it was, and a folder the build had created is gone again.
Usage: nothing_lost.py NTREPORT_BINARY
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

GOOD = "Đơn vị,VB đến,VB đi\nSở Y tế,12,10\nSở Tư pháp,8,5\n"
CHANGED = "Đơn vị,VB đến,VB đi\nSở Y tế,13,10\nSở Tư pháp,8,5\n"
BROKEN = "Đơn vị,VB đến,VB đi\nSở Y tế,12,mười\n"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def snapshot(folder):
    """Every entry under folder, hidden ones too: kind, bytes and modification time."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, folder)
            if os.path.isdir(path):
                out[rel] = ("dir", st.st_mtime_ns)
            else:
                with open(path, "rb") as f:
                    out[rel] = ("file", f.read(), st.st_mtime_ns)
    return out


def run(binary, args, cwd, env=None):
    return subprocess.run([binary] + args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def interrupted(binary, tmp, out, sig):
    """Starts a build of CHANGED into out, waits until it holds before committing, checks its
    temporaries exist, sends `sig`; returns (exit status, temporaries seen)."""
    marker = os.path.join(tmp, "staged")
    if os.path.exists(marker):
        os.remove(marker)
    env = dict(os.environ, NTREPORT_TEST_HOLD_BEFORE_COMMIT=marker)
    proc = subprocess.Popen([binary, "build", "changed.csv", "-o", out], cwd=tmp, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not os.path.exists(marker):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the build never reached its outputs: {proc.stderr.read()}")
            time.sleep(0.02)
        temporaries = sorted(n for n in os.listdir(out) if n.endswith(".tmp"))
        proc.send_signal(sig)
        status = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return status, temporaries


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="ntreport-nothing-lost-") as tmp:
        write(os.path.join(tmp, "good.csv"), GOOD)
        write(os.path.join(tmp, "changed.csv"), CHANGED)
        write(os.path.join(tmp, "broken.csv"), BROKEN)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        write(os.path.join(out, "notes.txt"), "the user's own file\n")

        r = run(binary, ["build", "good.csv", "-o", out, "--format", "md,json"], tmp)
        check(r.returncode == 0, "1. the first build succeeds")
        check(sorted(os.listdir(out)) == ["notes.txt", "summary.json", "van-ban.md"],
              "1. it wrote van-ban.md and summary.json beside notes.txt")
        os.mkdir(os.path.join(out, "phu-luc.xlsx"))  # for step 3: a folder in the way
        before = snapshot(out)
        time.sleep(0.01)  # a rewrite would show in the modification times

        r = run(binary, ["build", "broken.csv", "-o", out], tmp)
        check(r.returncode == 1, "2. a build with a bad count fails with 1")
        check(snapshot(out) == before, "2. and leaves the output folder as it was")

        r = run(binary, ["build", "changed.csv", "-o", out], tmp)
        check(r.returncode == 3 and "cannot replace the output: Is a directory" in r.stderr,
              "3. a build whose phu-luc.xlsx is taken by a folder fails with 3")
        check(snapshot(out) == before, "3. and renames nothing, leaving no temporary")

        r = run(binary, ["build", "changed.csv", "-o", os.path.join(out, "notes.txt", "x")], tmp)
        check(r.returncode == 3, "4. a build into a folder under a file fails with 3")
        check(snapshot(out) == before, "4. and creates nothing")

        os.rmdir(os.path.join(out, "phu-luc.xlsx"))
        before = snapshot(out)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            status, temporaries = interrupted(binary, tmp, out, sig)
            name = signal.Signals(sig).name
            check(len(temporaries) == 3,
                  f"5. {name}: the build held with its three outputs staged ({temporaries})")
            check(status == -sig, f"5. {name}: the build died of the signal (status {status})")
            check(snapshot(out) == before, f"5. {name}: the output folder is as it was")

        fresh = os.path.join(tmp, "fresh", "out")
        status, temporaries = interrupted(binary, tmp, fresh, signal.SIGINT)
        check(len(temporaries) == 3 and status == -signal.SIGINT,
              "5. SIGINT into a new folder: held with three outputs staged, died of the signal")
        check(not os.path.exists(os.path.join(tmp, "fresh")),
              "5. SIGINT into a new folder: the folders the build created are gone")

        r = run(binary, ["build", "changed.csv", "-o", out], tmp)
        check(r.returncode == 0, "6. the same build, uninterrupted, succeeds")
        with open(os.path.join(out, "van-ban.md"), "rb") as f:
            check(f.read() != before["van-ban.md"][1], "6. and replaces the outputs")
        check(sorted(os.listdir(out)) == ["notes.txt", "phu-luc.xlsx", "summary.json",
                                          "van-ban.md"], "6. with no temporary left")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
