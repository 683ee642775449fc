#!/usr/bin/env python3
"""The 2024 sample as a Windows user would keep it, built by the real binary.

The period folder is copied to a folder named "Báo cáo 2024", its inputs renamed with
Vietnamese letters ("Đầu vào/Hồ sơ Phước Hậu.csv", …), every text file (CSV, ntreport.toml)
given CRLF line ends, and ntreport.toml's paths written with '\\'. Then, from that folder:
  1. `build` without arguments (./ntreport.toml), into "Kết quả\\2024";
  2. `build --config <absolute path> -o <absolute path>`, the Vietnamese names on the command
     line;
  3. `init` of a period folder "Kỳ 2024 – 6 tháng" and `template --unit so-tttt` in it.
The appendices of 1 and 2 must equal the golden case's expected ones (the published figures,
reviewed), and the warning must name the renamed file.
With a second binary (ntreport.exe under Wine), both run every step in folders of their own
and must print the same messages and write the same bytes in every file.
Usage: portable_period.py GOLDEN_CASE PERIOD BINARY [OTHER_BINARY]
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

FOLDER = "Báo cáo 2024"
INPUTS = "Đầu vào"
RENAMED = {
    "pl1-ho-so.csv": "Hồ sơ Phước Hậu.csv",
    "pl2-so-hoa.csv": "Số hóa – Phước Hậu.csv",
    "pl3-thanh-toan.csv": "Thanh toán trực tuyến.csv",
}
ALIASES = "Tên gọi khác.csv"
OUTPUT = "Kết quả\\2024"
PERIOD = "Kỳ 2024 – 6 tháng"
APPENDICES = ("ho-so.md", "so-hoa.md", "thanh-toan.md")
# An Excel 97-2003 workbook kept under a Vietnamese name (FreeXL opens it by that name)
XLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "xls",
                   "ho-so-2024.xls")
OLD_BOOKS = "Sổ Excel cũ"
XLS_NAME = "Hồ sơ Phước Hậu 2024.xls"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def crlf(src, dst, replace=()):
    with open(src, encoding="utf-8") as f:
        text = f.read()
    for old, new in replace:
        text = text.replace(old, new)
    with open(dst, "w", encoding="utf-8", newline="\r\n") as f:
        f.write(text)


def windows_period(period, where):
    """The period folder under `where`, as a Windows user keeps it; returns its path."""
    root = os.path.join(where, FOLDER)
    os.makedirs(os.path.join(root, INPUTS))
    for name, renamed in RENAMED.items():
        crlf(os.path.join(period, "inputs", name), os.path.join(root, INPUTS, renamed))
    crlf(os.path.join(period, "aliases.csv"), os.path.join(root, ALIASES))
    crlf(os.path.join(period, "ntreport.toml"), os.path.join(root, "ntreport.toml"), [
        ('aliases = ["aliases.csv"]', f"aliases = ['.\\{ALIASES}']"),
        ('inputs = ["inputs"]', f"inputs = ['{INPUTS}\\']"),
        ('output = "out"', f"output = '{OUTPUT}'"),
    ])
    return root


def run(binary, args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="UTC", LC_ALL="C.UTF-8")
    r = subprocess.run([binary] + args, cwd=cwd, env=env, capture_output=True, timeout=300)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def steps(binary, period, where):
    """Runs every step in a fresh copy under `where`; returns {step: (status, out, err)} and
    the folders whose files to compare."""
    root = windows_period(period, where)
    results = {"build": run(binary, ["build"], root)}
    absolute_out = os.path.join(where, "Kết quả tuyệt đối")
    results["build-absolute"] = run(
        binary, ["build", "--config", os.path.join(root, "ntreport.toml"), "-o", absolute_out],
        where)
    results["init"] = run(binary, ["init", PERIOD, "--from", "2024-01-01", "--to",
                                   "2024-06-30"], root)
    results["template"] = run(binary, ["template", "--unit", "so-tttt"],
                              os.path.join(root, PERIOD))
    os.makedirs(os.path.join(where, OLD_BOOKS))
    shutil.copyfile(XLS, os.path.join(where, OLD_BOOKS, XLS_NAME))
    results["inspect-xls"] = run(binary, ["inspect", f"{OLD_BOOKS}/{XLS_NAME}"], where)
    folders = {"build": os.path.join(root, "Kết quả", "2024"), "build-absolute": absolute_out,
               "init": os.path.join(root, PERIOD)}
    return results, folders, where


def check_one(golden, results, folders, label):
    for step, (status, _, err) in results.items():
        check(status == 0, f"{label}: {step} exits 0" + ("" if status == 0 else f" (got {status}: {err})"))
    for step in ("build", "build-absolute"):
        for name in APPENDICES:
            got = os.path.join(folders[step], name)
            want = os.path.join(golden, "expected", name)
            check(os.path.exists(got) and filecmp.cmp(got, want, shallow=False),
                  f"{label}: {step} writes {name} as the golden case expects")
    warning = f"{INPUTS}/{RENAMED['pl1-ho-so.csv']}:I107: warning[subtotal-mismatch]"
    check(warning in results["build"][2], f"{label}: the warning names {warning}")
    check("Header: rows 5–6." in results["inspect-xls"][1] and "| L | Mã đơn vị |" in
          results["inspect-xls"][1], f"{label}: inspect reads the .xls workbook named {XLS_NAME}")
    forms = os.path.join(folders["init"], "forms")
    # The folder's manifest (.ntreport-manifest) lists what ntreport wrote there.
    listed = sorted(os.listdir(forms)) if os.path.isdir(forms) else []
    check(listed == [".ntreport-manifest", "so-tttt.xlsx"],
          f"{label}: template writes forms/so-tttt.xlsx (and its manifest) in the new period folder")


def tree(folder, where):
    """Every file under folder, its bytes with the run's own folder replaced by {tmp} (the
    summary names its inputs by the paths given)."""
    out = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, folder)] = f.read().replace(where.encode(), b"{tmp}")
    return out


def compare(first, second):
    (r1, f1, w1), (r2, f2, w2) = first, second
    for step in r1:
        for i, what in ((1, "standard output"), (2, "messages")):
            a, b = r1[step][i].replace(w1, "{tmp}"), r2[step][i].replace(w2, "{tmp}")
            check(a == b, f"both: {step} prints the same {what}" +
                  ("" if a == b else f"\n--- first\n{a}\n--- second\n{b}"))
    for step in f1:
        t1, t2 = tree(f1[step], w1), tree(f2[step], w2)
        check(sorted(t1) == sorted(t2), f"both: {step} writes the same files ({sorted(t1)})")
        differ = [n for n in t1 if n in t2 and t1[n] != t2[n]]
        check(not differ, f"both: {step} writes the same bytes (differ: {differ})")


def main():
    golden, period = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    binaries = [os.path.abspath(b) for b in sys.argv[3:5]]
    tmp = tempfile.mkdtemp(prefix="ntreport-portable-")
    try:
        runs = []
        for i, binary in enumerate(binaries):
            where = os.path.join(tmp, str(i + 1))
            os.makedirs(where)
            runs.append(steps(binary, period, where))
            check_one(golden, runs[-1][0], runs[-1][1], os.path.basename(binary))
        if len(runs) == 2:
            compare(runs[0], runs[1])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
