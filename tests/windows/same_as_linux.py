#!/usr/bin/env python3
"""Every golden and error-catalogue case that writes files, run by two binaries (ntreport on
Linux, ntreport.exe under Wine): the same exit code, the same messages and the same bytes in
every file written, workbooks included (the golden runner compares those as text dumps).
Under Wine, start the prefix first (tests/windows/wine-prefix.sh start): Wine's services,
started by the first program, would otherwise hold its output pipes open.
Usage: same_as_linux.py BINARY OTHER_BINARY CASE_DIR...
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "golden"))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from run_golden import read_args  # noqa: E402
from portable_period import tree  # noqa: E402


def run_case(binary, case):
    """Runs the case's setup runs and its args; returns (results, {file: bytes})."""
    tmp = tempfile.mkdtemp(prefix="ntreport-same-")
    out = os.path.join(tmp, "out")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="UTC", LC_ALL="C.UTF-8")
    # the case's own environment (errors/pdf-unavailable: a PATH without LibreOffice)
    if os.path.exists(os.path.join(case, "env")):
        for line in read_args(os.path.join(case, "env")):
            name, _, value = line.partition("=")
            env[name] = value
    try:
        results = []
        runs = sorted(n for n in os.listdir(case) if n.startswith("setup-")) + ["args"]
        for name in runs:
            argv = [a.replace("{out}", out).replace("{tmp}", tmp)
                    for a in read_args(os.path.join(case, name))]
            r = subprocess.run([binary] + argv, cwd=case, env=env, capture_output=True,
                               timeout=300)
            results.append((name, r.returncode, r.stdout.replace(tmp.encode(), b"{tmp}"),
                            r.stderr.replace(tmp.encode(), b"{tmp}")))
        return results, tree(tmp, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(case, first, second):
    problems = []
    (r1, f1), (r2, f2) = run_case(first, case), run_case(second, case)
    for a, b in zip(r1, r2):
        for i, what in ((1, "exit code"), (2, "standard output"), (3, "messages")):
            if a[i] != b[i]:
                problems.append(f"{a[0]}: {what} differs: {a[i]!r} vs {b[i]!r}")
    if sorted(f1) != sorted(f2):
        problems.append(f"different files: {sorted(f1)} vs {sorted(f2)}")
    problems += [f"{n} differs" for n in sorted(f1) if n in f2 and f1[n] != f2[n]]
    return case, sorted(f1), problems


def writes_files(case):
    runs = [n for n in os.listdir(case) if n.startswith("setup-") or n == "args"]
    return any("{out}" in a or "{tmp}" in a for n in runs for a in read_args(os.path.join(case, n)))


def main():
    first, second = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    cases = [os.path.abspath(c) for c in sys.argv[3:] if writes_files(c)]
    failed = compared = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for case, files, problems in pool.map(lambda c: compare(c, first, second), cases):
            name = os.path.relpath(case, os.path.join(os.path.dirname(__file__), ".."))
            print(("ok   " if not problems else "FAIL ") + f"{name}: {len(files)} files")
            for p in problems:
                print(f"       {p}")
            failed += bool(problems)
            compared += len(files)
    if compared == 0:
        print("FAIL no case wrote a file to compare")
        failed += 1
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
