#!/usr/bin/env python3
"""A failed, interrupted or killed build leaves its output folder holding one build: the one
before it, byte for byte, or (killed after its commit point) the new one.

Runs the real binary:
  1. a build that succeeds, into a folder that also holds a file of the user's;
  2. a build that fails on its data: the folder is byte for byte what it was (names, contents,
     modification times, hidden files included);
  3. a build that fails while writing (an output name taken by a folder holding a file): the
     same, the folder and its file untouched;
  4. a build into a new folder under a file (io-error): nothing is created;
  5. builds interrupted with SIGINT, SIGTERM and SIGHUP once every output is staged (the test
     hook NTREPORT_TEST_HOLD_BEFORE_COMMIT makes the build wait there, so the signal lands
     while staged files exist, whatever the machine's speed): the process dies of the signal,
     the folder is as it was, and a folder the build had created is gone again;
  6. a second build while the first holds the folder: refused (exit 3), the folder unchanged;
  7. a rename that fails half way (NTREPORT_TEST_FAIL_RENAME, as when another user owns one
     file of a shared folder): exit 3, every file put back;
  8. a build killed with SIGKILL between two renames (NTREPORT_TEST_KILL_BEFORE_RENAME): the
     folder mixes two builds only until the next build there, which puts the earlier files
     back first, even when it fails on its own data; `diff` refuses the mixed folder meanwhile;
  9. the same build, uninterrupted, replaces the outputs and leaves nothing else behind.
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
OUTPUTS = [".ntreport-manifest", "notes.txt", "phu-luc.xlsx", "summary.json", "thuyet-minh.md",
           "van-ban.md"]

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


def start_held(binary, tmp, out):
    """Starts a build of CHANGED into out and waits until it holds with every output staged;
    returns the process and the names staged."""
    marker = os.path.join(tmp, "staged")
    if os.path.exists(marker):
        os.remove(marker)
    env = dict(os.environ, NTREPORT_TEST_HOLD_BEFORE_COMMIT=marker)
    proc = subprocess.Popen([binary, "build", "changed.csv", "-o", out], cwd=tmp, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not os.path.exists(marker):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"the build never reached its outputs: {proc.stderr.read()}")
        time.sleep(0.02)
    return proc, sorted(os.listdir(os.path.join(out, ".ntreport-staging")))


def interrupted(binary, tmp, out, sig):
    """A held build sent `sig`: returns (exit status, names staged)."""
    proc, staged = start_held(binary, tmp, out)
    try:
        proc.send_signal(sig)
        status = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return status, staged


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="ntreport-nothing-lost-") as tmp:
        write(os.path.join(tmp, "good.csv"), GOOD)
        write(os.path.join(tmp, "changed.csv"), CHANGED)
        write(os.path.join(tmp, "broken.csv"), BROKEN)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        write(os.path.join(out, "notes.txt"), "the user's own file\n")

        r = run(binary, ["build", "good.csv", "-o", out], tmp)
        check(r.returncode == 0, "1. the first build succeeds")
        check(sorted(os.listdir(out)) == OUTPUTS, "1. it wrote its outputs beside notes.txt")
        first = snapshot(out)
        time.sleep(0.01)  # a rewrite would show in the modification times

        r = run(binary, ["build", "broken.csv", "-o", out], tmp)
        check(r.returncode == 1, "2. a build with a bad count fails with 1")
        check(snapshot(out) == first, "2. and leaves the output folder as it was")

        os.rename(os.path.join(out, "phu-luc.xlsx"), os.path.join(tmp, "phu-luc.xlsx"))
        os.mkdir(os.path.join(out, "phu-luc.xlsx"))
        write(os.path.join(out, "phu-luc.xlsx", "inside.txt"), "the user's\n")
        before = snapshot(out)
        r = run(binary, ["build", "changed.csv", "-o", out, "--force"], tmp)
        check(r.returncode == 3 and "cannot replace the output: Is a directory" in r.stderr,
              "3. a build whose phu-luc.xlsx is taken by a folder fails with 3, even forced")
        check(snapshot(out) == before, "3. and renames nothing, leaving nothing staged")
        os.remove(os.path.join(out, "phu-luc.xlsx", "inside.txt"))
        os.rmdir(os.path.join(out, "phu-luc.xlsx"))
        os.rename(os.path.join(tmp, "phu-luc.xlsx"), os.path.join(out, "phu-luc.xlsx"))

        r = run(binary, ["build", "changed.csv", "-o", os.path.join(out, "notes.txt", "x")], tmp)
        check(r.returncode == 3, "4. a build into a folder under a file fails with 3")
        check(snapshot(out) == first, "4. and creates nothing")

        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            status, staged = interrupted(binary, tmp, out, sig)
            name = signal.Signals(sig).name
            check(staged == [".ntreport-commit", ".ntreport-manifest", "phu-luc.xlsx",
                             "summary.json", "thuyet-minh.md", "van-ban.md"],
                  f"5. {name}: the build held with its outputs staged ({staged})")
            check(status == -sig, f"5. {name}: the build died of the signal (status {status})")
            check(snapshot(out) == first, f"5. {name}: the output folder is as it was")

        fresh = os.path.join(tmp, "fresh", "out")
        status, staged = interrupted(binary, tmp, fresh, signal.SIGINT)
        check(len(staged) == 6 and status == -signal.SIGINT,
              "5. SIGINT into a new folder: held with its outputs staged, died of the signal")
        check(not os.path.exists(os.path.join(tmp, "fresh")),
              "5. SIGINT into a new folder: the folders the build created are gone")

        proc, _ = start_held(binary, tmp, out)
        try:
            r = run(binary, ["build", "good.csv", "-o", out], tmp)
            check(r.returncode == 3 and "another ntreport command is writing to this folder"
                  in r.stderr, f"6. a second build at once is refused with 3 ({r.stderr!r})")
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
        check(snapshot(out) == first, "6. and the folder is as it was once the first is stopped")

        env = dict(os.environ, NTREPORT_TEST_FAIL_RENAME="summary.json")
        r = run(binary, ["build", "changed.csv", "-o", out], tmp, env)
        check(r.returncode == 3 and "cannot put the new file in place" in r.stderr,
              f"7. a rename failing half way fails with 3 ({r.stderr.strip()!r})")
        check(snapshot(out) == first, "7. and every file is put back as it was")

        env = dict(os.environ, NTREPORT_TEST_KILL_BEFORE_RENAME="summary.json")
        r = run(binary, ["build", "changed.csv", "-o", out], tmp, env)
        check(r.returncode == -signal.SIGKILL, "8. a build killed between two renames dies")
        check(snapshot(out) != first, "8. leaving a folder that mixes two builds for now")
        r = run(binary, ["diff", out, out], tmp)
        check(r.returncode == 2 and "stopped while putting its files in place" in r.stderr,
              "8. diff refuses the mixed folder")
        r = run(binary, ["build", "broken.csv", "-o", out], tmp)
        check(r.returncode == 1 and "note[output-recovered]" in r.stderr,
              "8. the next build, failing on its data, says it put the earlier files back")
        check(snapshot(out) == first, "8. and the folder is the first build again, byte for byte")

        r = run(binary, ["build", "changed.csv", "-o", out], tmp)
        check(r.returncode == 0, "9. the same build, uninterrupted, succeeds")
        with open(os.path.join(out, "van-ban.md"), "rb") as f:
            check(f.read() != first["van-ban.md"][1], "9. and replaces the outputs")
        check(sorted(os.listdir(out)) == OUTPUTS, "9. with nothing staged or locked left")
        with open(os.path.join(out, "notes.txt"), encoding="utf-8") as f:
            check(f.read() == "the user's own file\n", "9. and the user's file untouched")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
