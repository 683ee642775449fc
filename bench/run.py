#!/usr/bin/python3
"""The national-scale benchmark: ntreport against the inflate-only floor and the openpyxl peer.

    bench/run.py [--workloads 3355,33550,100k] [--runs 5] [--jobs 1,2] [--peer-runs N]
                 [--ntreport build/ntreport] [--baseline OTHER/ntreport] [--work bench/work]
                 [--markdown]
    bench/run.py --smoke          # 44 workbooks, one run of each: checks the scripts work

For each workload the inputs are generated once (gen_national.py, kept in the work folder),
the floor is compiled (floor.c, libzip), then every iteration runs each ntreport variant, the
floor and the peer one after the other, so that a change of machine load touches them alike;
with --baseline, an earlier ntreport binary too (rows labelled "baseline …"), to measure a
change against what it changes in the same run.
Printed: the median wall time of each, the ratios ntreport/floor and peer/ntreport, and
ntreport's largest peak RSS (GNU time's %M). The level totals of ntreport's summary.json must
equal the peer's: a difference fails the run (exit 1).

Workloads: `3355` (34 agencies + 3,321 communes, one workbook each), `33550` (ten times as
many) and `100k` (a 100,000-unit registry and one workbook of 100,000 unit rows; ntreport runs
`check`, the reading and validation, and `build`, which also writes 100,000-row appendices).
Needs /usr/bin/time, gcc, libzip, python3-xlsxwriter and python3-openpyxl (Debian packages,
`scripts/setup.sh --bench`). Run with /usr/bin/python3.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PYTHON = sys.executable
PERIOD = ["--period-from", "2025-01-01", "--period-to", "2025-06-30"]
# name: (communes, one workbook for all units, table label, ntreport subcommands)
WORKLOADS = {
    "smoke": (10, False, "44 workbooks", ["build"]),
    "3355": (3321, False, "3,355 workbooks", ["build"]),
    "33550": (33516, False, "33,550 workbooks", ["build"]),
    "100k": (99966, True, "1 workbook, 100,000 rows", ["check", "build"]),
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workloads", default="3355,33550,100k")
    p.add_argument("--runs", type=int, default=5, help="iterations (default 5)")
    p.add_argument("--peer-runs", type=int, help="run the slow peer in the first N iterations "
                   "only (default: every iteration)")
    p.add_argument("--jobs", default="", help="ntreport --jobs values to compare, e.g. 1,2 "
                   "(default: ntreport's own default)")
    p.add_argument("--ntreport", default=os.path.join(ROOT, "build", "ntreport"))
    p.add_argument("--baseline", help="an earlier ntreport binary, run alongside in each "
                   "iteration (its outputs go to out-baseline)")
    p.add_argument("--work", default=os.path.join(HERE, "work"), help="inputs and outputs")
    p.add_argument("--markdown", action="store_true", help="also print the README table")
    p.add_argument("--smoke", action="store_true",
                   help="44 workbooks, one iteration, in a fresh work folder")
    a = p.parse_args()
    if a.smoke:
        a.workloads, a.runs = "smoke", 1
    a.workloads = [w for w in a.workloads.split(",") if w]
    for w in a.workloads:
        if w not in WORKLOADS:
            p.error(f"unknown workload {w!r}; expected one of {', '.join(WORKLOADS)}")
    a.jobs = [int(j) for j in a.jobs.split(",") if j] or [None]
    if a.peer_runs is None:
        a.peer_runs = a.runs
    if not 1 <= a.peer_runs <= a.runs or a.runs < 1:
        p.error("expected 1 <= --peer-runs <= --runs: the peer's totals are the cross-check")
    return a


def run(cmd, what):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in KiB, stdout)."""
    rss_file = os.path.join(WORK, "rss.txt")
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {what} failed (exit {done.returncode}): {' '.join(cmd)}\n"
                 f"{done.stderr[-2000:]}")
    with open(rss_file, encoding="utf-8") as f:
        rss = int(f.read().split()[-1])
    return wall, rss, done.stdout


def prepare(name):
    """Generates the inputs of a workload once; returns its folder."""
    n_xa, single, _, _ = WORKLOADS[name]
    folder = os.path.join(WORK, name)
    stamp = os.path.join(folder, "complete")
    if not os.path.exists(stamp):
        shutil.rmtree(folder, ignore_errors=True)
        print(f"bench: generating {name} in {folder}", flush=True)
        cmd = [PYTHON, os.path.join(HERE, "gen_national.py"), folder, str(n_xa)]
        subprocess.run(cmd + (["--single"] if single else []), check=True,
                       stdout=subprocess.DEVNULL)
        inputs = os.path.join(folder, "inputs")
        with open(os.path.join(folder, "list.txt"), "w", encoding="utf-8") as f:
            for entry in sorted(os.listdir(inputs)):
                f.write(os.path.join(inputs, entry) + "\n")
        open(stamp, "w", encoding="utf-8").close()
    return folder


def build_floor():
    floor = os.path.join(WORK, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.split()
    subprocess.run(["gcc", "-O2", os.path.join(HERE, "floor.c"), "-o", floor] + flags,
                   check=True)
    return floor


def commands(args, name, folder, floor):
    """The commands of one iteration, in order: (label, kind, argv)."""
    out = []
    registry = os.path.join(folder, "registry.csv")
    inputs = os.path.join(folder, "inputs")
    # --jobs matters only when there are several files to read
    jobs_values = [None] if WORKLOADS[name][1] else args.jobs
    binaries = [("ntreport", args.ntreport, "out-ntreport")]
    if args.baseline:
        binaries.append(("baseline", args.baseline, "out-baseline"))
    for sub in WORKLOADS[name][3]:
        for jobs in jobs_values:
            for prefix, binary, out_dir in binaries:
                label = f"{prefix} {sub}" + (f" -j{jobs}" if jobs else "")
                cmd = [binary, sub, inputs, "--registry", registry, "-q"] + PERIOD
                if sub == "build":
                    cmd += ["-o", os.path.join(folder, out_dir)]
                if jobs:
                    cmd += ["--jobs", str(jobs)]
                out.append((label, "ntreport", cmd))
    out.append(("floor", "floor", [floor, os.path.join(folder, "list.txt")]))
    out.append(("peer", "peer", [PYTHON, os.path.join(HERE, "peer_openpyxl.py"), registry,
                                 inputs, os.path.join(folder, "out-peer")]))
    return out


def check_totals(folder):
    """ntreport's level totals (summary.json, all appendices) against the peer's levels.json."""
    with open(os.path.join(folder, "out-ntreport", "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    with open(os.path.join(folder, "out-peer", "levels.json"), encoding="utf-8") as f:
        peer = json.load(f)
    ours = {}
    for appendix in summary["appendices"].values():
        for level, values in appendix["levels"].items():
            ours.setdefault(level, {})
            for key, value in values.items():
                # the printed label and what the row covers are not figures
                if key not in ("label", "units", "units_reported", "coverage_note"):
                    ours[level][key] = value
    problems = []
    for level, values in peer.items():
        for key, value in values.items():
            if ours.get(level, {}).get(key) != value:
                problems.append(f"{level}.{key}: ntreport {ours.get(level, {}).get(key)}, "
                                f"peer {value}")
    for level, values in ours.items():
        if values and level not in peer:
            problems.append(f"{level}: in ntreport's totals only")
    compared = sum(len(v) for v in peer.values())
    if problems or compared == 0:
        sys.exit("bench: level totals differ from the peer's:\n  " + "\n  ".join(problems))
    return compared


def measure(args, name, floor):
    folder = prepare(name)
    cmds = commands(args, name, folder, floor)
    walls = {label: [] for label, _, _ in cmds}
    rss = {label: 0 for label, _, _ in cmds}
    for i in range(args.runs):
        for label, kind, cmd in cmds:
            if kind == "peer" and i >= args.peer_runs:
                continue
            wall, peak, _ = run(cmd, label)
            walls[label].append(wall)
            rss[label] = max(rss[label], peak)
        print(f"bench: {name} iteration {i + 1}/{args.runs} done", flush=True)
    totals = check_totals(folder) if any(k == "ntreport" and "build" in l
                                         for l, k, _ in cmds) else 0
    medians = {label: statistics.median(w) for label, w in walls.items() if w}
    rows = []
    for label, kind, _ in cmds:
        if kind == "ntreport":
            rows.append((WORKLOADS[name][2], label, medians[label], medians["floor"],
                         medians.get("peer"), rss[label]))
            print(f"bench: {name}: {label} runs (s): "
                  + " ".join(f"{w:.3f}" for w in walls[label])
                  + "; floor: " + " ".join(f"{w:.3f}" for w in walls["floor"]), flush=True)
    return rows, totals, {label: len(w) for label, w in walls.items()}


def print_rows(rows):
    head = ("workload", "command", "ntreport s", "floor s", "peer s", "ntr/floor", "peer/ntr",
            "ntreport peak RSS")
    print(" | ".join(head))
    for workload, label, ntr, floor, peer, rss in rows:
        print(" | ".join([workload, label, f"{ntr:.3f}", f"{floor:.3f}",
                          "-" if peer is None else f"{peer:.2f}", f"{ntr / floor:.2f}",
                          "-" if peer is None else f"{peer / ntr:.1f}",
                          f"{rss / 1024:.1f} MiB"]))


def print_markdown(rows):
    print("| workload | ntreport | floor | peer | ntreport/floor | peer/ntreport | peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for workload, label, ntr, floor, peer, rss in rows:
        print(f"| {workload}, `{label}` | {ntr:.2f} s | {floor:.2f} s | "
              + ("–" if peer is None else f"{peer:.2f} s") + f" | {ntr / floor:.2f}× | "
              + ("–" if peer is None else f"{peer / ntr:.1f}×") + f" | {rss / 1024:.0f} MiB |")


def print_scaling(rows):
    small = {label: ntr for w, label, ntr, *_ in rows if w == WORKLOADS["3355"][2]}
    for w, label, ntr, *_ in rows:
        if w == WORKLOADS["33550"][2] and label in small:
            print(f"scaling: {label}, 33,550 / 3,355 workbooks = {ntr / small[label]:.2f}×")


def main():
    global WORK
    args = parse_args()
    WORK = os.path.abspath(args.work)
    if args.smoke:
        WORK = os.path.join(WORK, "smoke")
        shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    for binary in [args.ntreport] + ([args.baseline] if args.baseline else []):
        if not os.access(binary, os.X_OK):
            sys.exit(f"bench: no ntreport at {binary}; build it first or pass --ntreport")
    floor = build_floor()
    rows = []
    for name in args.workloads:
        found, compared, counts = measure(args, name, floor)
        rows += found
        runs = ", ".join(f"{label} {n}" for label, n in counts.items())
        print(f"bench: {name}: runs: {runs}; level totals equal the peer's"
              + (f" ({compared} values)" if compared else " (not compared: no build)"))
    print()
    print_rows(rows)
    print_scaling(rows)
    if args.markdown:
        print()
        print_markdown(rows)


if __name__ == "__main__":
    main()
