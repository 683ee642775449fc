#!/usr/bin/python3
"""Text from the inputs that looks like a formula is written to phu-luc.xlsx as a string.

Builds tests/fixtures/formula-text (a registry whose unit names start with =, +, -, @ and a
report reference that is a formula), then reads the workbook back two ways: openpyxl must see
each of those texts as a string cell with exactly that value, and no worksheet part may hold a
formula element at all.
Usage: formula_text.py NTREPORT_BINARY CASE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

TEXTS = [
    "=1+1",
    "+SUM(A1:A9)",
    "-2",
    "@A1",
    '=HYPERLINK("http://example.invalid/","Sở Y tế")',
    "=cmd|' /C calc'!A0",
    '=IMPORTXML("http://example.invalid","//a")',
]


def main():
    binary, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ntreport-formula-") as out:
        r = subprocess.run([binary, "build", "--config", "ntreport.toml", "-o", out, "-q"],
                           cwd=case, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            print(f"build failed ({r.returncode}): {r.stderr}")
            return 1
        path = os.path.join(out, "phu-luc.xlsx")
        cells = {}
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str):
                        cells.setdefault(c.value, []).append((ws.title, c.coordinate, c.data_type))
        for text in TEXTS:
            found = cells.get(text, [])
            ok = len(found) == 1 and found[0][2] == "s"
            print(f"{'ok  ' if ok else 'FAIL'} {text!r}: {found}")
            failures += not ok
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not name.startswith("xl/worksheets/"):
                    continue
                formulas = re.findall(rb"<f[ >/]", z.read(name))
                ok = not formulas
                print(f"{'ok  ' if ok else 'FAIL'} {name}: {len(formulas)} formula elements")
                failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
