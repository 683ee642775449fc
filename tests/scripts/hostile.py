#!/usr/bin/env python3
"""Every hostile case of tests/scripts/hostile_cases.py through the real binary: the exit
status and the diagnostic code expected, every problem on one line of its own, and every victim
file byte for byte as it was. Then `template` interrupted with SIGINT while it holds more forms
than the old handler could track: the forms folder is as it was. Time and memory are measured
by scripts/bench-hostile.sh, not here.
Usage: hostile.py NTREPORT_BINARY [CASE…]
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_cases import CASES  # noqa: E402

LINE = re.compile(r"^(.+: (error|warning|note)\[[a-z-]+\]: .+|ntreport: \d+ errors?, \d+ warnings?"
                  r"|… and \d+ more)$")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run_case(binary, name, make):
    work = tempfile.mkdtemp(prefix=f"ntreport-hostile-{name}-")
    try:
        case = make(work)
        before = {v: read(os.path.join(work, v)) for v in case.victims}
        env = dict(os.environ, **case.env)
        try:
            r = subprocess.run([binary] + case.args, cwd=work, env=env, capture_output=True,
                               text=True, timeout=120)
        except subprocess.TimeoutExpired:
            check(False, f"{name}: finishes (it hung)")
            return
        codes = re.findall(r"\[([a-z-]+)\]", r.stderr)
        check(r.returncode == case.exit and (not case.code or case.code in codes),
              f"{name}: exit {r.returncode}, {case.code or 'no code'} ({case.note})")
        bad = [line for line in r.stderr.splitlines() if not LINE.match(line)]
        check(not bad, f"{name}: every problem on a line of its own {bad[:2]}")
        for v, data in before.items():
            check(read(os.path.join(work, v)) == data, f"{name}: {v} is as it was")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def snapshot(folder):
    out = {}
    for root, dirs, files in os.walk(folder):
        for n in dirs + files:
            p = os.path.join(root, n)
            out[os.path.relpath(p, folder)] = None if os.path.isdir(p) else read(p)
    return out


def template_interrupted(binary):
    """91 forms staged, SIGINT: nothing of them stays, the earlier forms are as they were."""
    work = tempfile.mkdtemp(prefix="ntreport-hostile-template-")
    try:
        r = subprocess.run([binary, "template", "-o", "forms", "--unit", "so-y-te"], cwd=work,
                           capture_output=True, text=True, timeout=120)
        check(r.returncode == 0, "template: an earlier run wrote forms/so-y-te.xlsx")
        with open(os.path.join(work, "forms", "notes.txt"), "w") as f:
            f.write("the user's\n")
        before = snapshot(os.path.join(work, "forms"))
        marker = os.path.join(work, "staged")
        env = dict(os.environ, NTREPORT_TEST_HOLD_BEFORE_COMMIT=marker)
        proc = subprocess.Popen([binary, "template", "-o", "forms"], cwd=work, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not os.path.exists(marker) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        staged = os.listdir(os.path.join(work, "forms", ".ntreport-staging"))
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=60)
        check(len(staged) > 64 and status == -signal.SIGINT,
              f"template: {len(staged)} files staged, died of SIGINT")
        check(snapshot(os.path.join(work, "forms")) == before,
              "template: the forms folder is as it was, with no staged file left")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or list(CASES)
    for name in names:
        run_case(binary, name, CASES[name])
    if not sys.argv[2:]:
        template_interrupted(binary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
