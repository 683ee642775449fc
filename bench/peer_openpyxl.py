#!/usr/bin/python3
"""The peer a data-savvy analyst would write instead of ntreport: openpyxl (read-only) in,
sums by level, rates, XlsxWriter and Markdown out.

    peer_openpyxl.py REGISTRY INPUTS OUT

Writes OUT/phu-luc.xlsx, OUT/ho-so.md and OUT/levels.json (the level totals by level id and
field name, for the benchmark's cross-check with ntreport's summary.json). Needs Debian's
python3-openpyxl and python3-xlsxwriter; run with /usr/bin/python3.
"""
import csv
import glob
import json
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import xlsxwriter

F = {"Tổng số (trong kỳ)": 0, "Trực tiếp": 1, "Qua mạng": 2, "Qua BCCI": 3, "Trước hạn": 4,
     "Đúng hạn": 5, "Quá hạn": 6, "Đã giải quyết": 7, "Đã số hóa": 8}
KEYS = ["received", "received_direct", "received_online", "received_postal", "done_early",
        "done_ontime", "done_late", "resolved", "digitized"]


def pct(a, b):
    if b == 0:
        return "-"
    return f"{(Decimal(a) * 100 / Decimal(b)).quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


def main():
    registry, indir, outdir = sys.argv[1:4]
    byname, level = {}, {}
    with open(registry, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            byname[r["name"].lower()] = r["code"]
            level[r["code"]] = r["level"]
    units = {}
    for path in sorted(glob.glob(os.path.join(indir, "**", "*.xlsx"), recursive=True)):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = wb.worksheets[0].iter_rows(values_only=True)
        head = next(rows)
        cols = {i: F[h] for i, h in enumerate(head) if h in F}
        for row in rows:
            code = byname[str(row[1]).lower()]
            v = [0] * 9
            for i, k in cols.items():
                v[k] = int(row[i])
            units[code] = v
        wb.close()
    lv = {}
    for c, v in units.items():
        lv[level[c]] = [a + b for a, b in zip(lv.get(level[c], [0] * 9), v)]
    os.makedirs(outdir, exist_ok=True)
    wb = xlsxwriter.Workbook(os.path.join(outdir, "phu-luc.xlsx"))
    ws = wb.add_worksheet("ho-so")
    with open(os.path.join(outdir, "ho-so.md"), "w", encoding="utf-8") as md:
        for r, (c, v) in enumerate(sorted(units.items())):
            ws.write_row(r, 0, [c] + v)
            md.write(f"| {c} | " + " | ".join(map(str, v)) +
                     f" | {pct(v[4] + v[5], v[4] + v[5] + v[6])} | {pct(v[2], v[0])} |\n")
        for L, v in sorted(lv.items()):
            md.write(f"| {L} | " + " | ".join(map(str, v)) +
                     f" | {pct(v[4] + v[5], v[4] + v[5] + v[6])} | {pct(v[2], v[0])} |\n")
    wb.close()
    with open(os.path.join(outdir, "levels.json"), "w", encoding="utf-8") as f:
        json.dump({L: dict(zip(KEYS, v)) for L, v in sorted(lv.items())}, f, indent=1)
    print(len(units), "units")


if __name__ == "__main__":
    main()
