#!/usr/bin/env python3
"""ntreport.exe under Wine: nothing lost on Ctrl-C, nothing replaced while Excel has a file.

  1. A build that succeeds, into a folder that also holds a file of the user's.
  2. A build interrupted with Ctrl-C once every output is staged (the test hook
     NTREPORT_TEST_HOLD_BEFORE_COMMIT holds it there; Wine turns SIGINT into the console's
     CTRL_C_EVENT): it exits as a Ctrl-C'd program does (0xC000013A, which a POSIX parent
     sees as 58) and the folder is byte for byte as it was, its staging folder and lock file
     gone; into a new folder, the folders it created are gone too.
  3. phu-luc.xlsx held open as Excel holds a workbook it shows (hold_open.exe: others may read
     it, not replace it): the build fails with 3 and says why before it renames anything, so
     no output is replaced and nothing of ntreport's is left; once the file is closed the
     same build succeeds.
  4. A second build while the first holds the folder's lock (the lock file opened unshared):
     refused with 3, the folder unchanged once the first is stopped.
  5. A build killed (TerminateProcess) between two renames (NTREPORT_TEST_KILL_BEFORE_RENAME):
     the next build, even one failing on its data, puts the earlier files back
     (output-recovered) and the folder is as before, byte for byte.
Usage: interrupt_and_lock.py NTREPORT_EXE_COMMAND HOLD_OPEN_EXE_COMMAND
(each a command that runs the Windows program, e.g. a wrapper that execs wine)
"""
import os
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from nothing_lost import (check, failures, interrupted, snapshot, start_held,  # noqa: E402
                          write)

GOOD = "Đơn vị,VB đến,VB đi\r\nSở Y tế,12,10\r\nSở Tư pháp,8,5\r\n"
CHANGED = "Đơn vị,VB đến,VB đi\r\nSở Y tế,13,10\r\nSở Tư pháp,8,5\r\n"
CTRL_C_EXIT = 0xC000013A & 0xFF
BROKEN = "Đơn vị,VB đến,VB đi\r\nSở Y tế,12,mười\r\n"
OUTPUTS = ["phu-luc.xlsx", "summary.json", "van-ban.md"]
# What ntreport keeps in an output folder only while a command runs (write/manifest.hpp).
WORKING = [".ntreport-lock", ".ntreport-staging", ".ntreport-previous"]


def staged_all(staged):
    return all(name in staged for name in OUTPUTS)


def nothing_working(out):
    return not any(os.path.exists(os.path.join(out, name)) for name in WORKING)


def build(exe, tmp, out, csv="changed.csv"):
    return subprocess.run([exe, "build", csv, "-o", out], cwd=tmp, capture_output=True,
                          text=True, timeout=120)


def held_open(exe, hold, tmp, out):
    before = snapshot(out)
    holder = subprocess.Popen([hold, os.path.join(out, "phu-luc.xlsx")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        check(holder.stdout.readline().strip() == "ready", "3. hold_open.exe holds phu-luc.xlsx")
        r = build(exe, tmp, out)
        check(r.returncode == 3, f"3. the build fails with 3 (got {r.returncode})")
        check("phu-luc.xlsx: error[io-error]: cannot replace the file: another program has it "
              "open" in r.stderr, f"3. and says the file is open elsewhere: {r.stderr}")
        check(snapshot(out) == before, "3. no output replaced, nothing of ntreport's left")
    finally:
        holder.stdin.close()
        holder.wait(timeout=120)
    r = build(exe, tmp, out)
    check(r.returncode == 0, "3. once the file is closed the build succeeds")
    check(snapshot(out) != before and nothing_working(out),
          "3. and replaces the outputs, leaving nothing of its work behind")


def locked_and_killed(exe, tmp, out):
    before = snapshot(out)
    proc, _ = start_held(exe, tmp, out)
    try:
        r = build(exe, tmp, out, "good.csv")
        check(r.returncode == 3 and "another ntreport command is writing to this folder"
              in r.stderr, f"4. a second build at once is refused with 3 ({r.stderr.strip()!r})")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    check(snapshot(out) == before, "4. and the folder is as it was once the first is stopped")

    env = dict(os.environ, NTREPORT_TEST_KILL_BEFORE_RENAME="summary.json")
    r = subprocess.run([exe, "build", "changed.csv", "-o", out], cwd=tmp, env=env,
                       capture_output=True, text=True, timeout=120)
    check(r.returncode == 9, f"5. a build killed between two renames ends (status {r.returncode})")
    check(snapshot(out) != before, "5. leaving a folder that mixes two builds for now")
    r = build(exe, tmp, out, "broken.csv")
    check(r.returncode == 1 and "note[output-recovered]" in r.stderr,
          f"5. the next build, failing on its data, puts the earlier files back ({r.stderr!r})")
    check(snapshot(out) == before and nothing_working(out),
          "5. and the folder is the earlier build again, byte for byte")


def main():
    exe, hold = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="ntreport-wine-lost-") as tmp:
        write(os.path.join(tmp, "good.csv"), GOOD)
        write(os.path.join(tmp, "changed.csv"), CHANGED)
        write(os.path.join(tmp, "broken.csv"), BROKEN)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        write(os.path.join(out, "notes.txt"), "the user's own file\n")
        r = build(exe, tmp, out, "good.csv")
        check(r.returncode == 0, f"1. the first build succeeds ({r.stderr.strip()})")
        before = snapshot(out)

        status, staged = interrupted(exe, tmp, out, signal.SIGINT)
        check(staged_all(staged), f"2. the build held with its outputs staged ({staged})")
        check(status == CTRL_C_EXIT, f"2. Ctrl-C ends it as interrupted (status {status})")
        check(snapshot(out) == before and nothing_working(out),
              "2. the output folder is as it was, no staging folder or lock left")

        fresh = os.path.join(tmp, "fresh", "out")
        status, staged = interrupted(exe, tmp, fresh, signal.SIGINT)
        check(staged_all(staged) and status == CTRL_C_EXIT,
              "2. Ctrl-C into a new folder: held with its outputs staged, interrupted")
        check(not os.path.exists(os.path.join(tmp, "fresh")),
              "2. Ctrl-C into a new folder: the folders the build created are gone")

        held_open(exe, hold, tmp, out)
        locked_and_killed(exe, tmp, out)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
