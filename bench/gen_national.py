#!/usr/bin/python3
"""Synthetic national-scale inputs for the benchmark.

A two-level registry (34 provincial offices as `tinh`, N communes as `xa`, grouped into the 34
provinces as areas that are `huyen` units without figures) of the real communes and provinces
of 2025 (data/registry/reform-2025/; past 3,321 they repeat with a copy number) and either one per-unit XLSX workbook per unit
(the default: what a ministry receives from every commune) or, with --single, one workbook
holding every unit's row (a national table).

    gen_national.py OUT [N]            OUT/registry.csv, OUT/inputs/<code>.xlsx (34 + N files)
    gen_national.py OUT N --single     OUT/registry.csv, OUT/inputs/national.xlsx (34 + N rows)

N defaults to 3321, the national commune count after the 2025 reorganisation. Figures are
invented, random but seeded: the same arguments give the same workbooks. Needs Debian's
python3-xlsxwriter; run with /usr/bin/python3.
"""
import csv
import datetime
import os
import random
import sys

import xlsxwriter

HEADERS = ["STT", "Tên đơn vị", "Tổng số (trong kỳ)", "Trực tiếp", "Qua mạng", "Qua BCCI",
           "Trước hạn", "Đúng hạn", "Quá hạn", "Đã giải quyết", "Đã số hóa"]
PROVINCES = 34
# In memory: XlsxWriter's temporary files would make generating 33,550 workbooks take minutes.
# A fixed creation date: the same arguments give the same bytes.
OPTIONS = {"in_memory": True}
CREATED = datetime.datetime(2025, 7, 1)


HERE = os.path.dirname(os.path.abspath(__file__))
COMMUNES = os.path.join(HERE, "..", "data", "registry", "reform-2025", "communes-2025.csv")


def real_communes():
    """The 3,321 communes of 2025 and their 34 provinces (data/registry/reform-2025/). A name
    borne by communes of several provinces is given its province, as a national table does."""
    with open(COMMUNES, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    count = {}
    for r in rows:
        count[r["name"]] = count.get(r["name"], 0) + 1
    provinces = []
    for r in rows:
        if not provinces or provinces[-1][0] != r["province_code"]:
            provinces.append((r["province_code"], r["province"]))
    communes = [(r["province_code"], r["code"],
                 r["name"] if count[r["name"]] == 1 else f"{r['name']} ({r['province']})")
                for r in rows]
    return provinces, communes


def units_of(n_xa):
    """34 provincial offices, then N communes: the real ones in order, again with a copy
    number past 3,321 (the larger workloads)."""
    provinces, communes = real_communes()
    assert len(provinces) == PROVINCES
    units = [(f"p{p}.vp-ubnd", f"Văn phòng Ủy ban nhân dân {name[0].lower()}{name[1:]}", "tinh", "")
             for p, name in provinces]
    for i in range(n_xa):
        p, code, name = communes[i % len(communes)]
        copy = i // len(communes)
        units.append((f"p{p}.{code}" + (f"-{copy}" if copy else ""),
                      name + (f" – bản {copy + 1}" if copy else ""), "xa", f"p{p}"))
    return units, provinces


def write_registry(path, units, provinces):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent", "area", "kind", "aliases"])
        for p, name in provinces:
            w.writerow([f"p{p}", name, "huyen", "", "", "huyen", ""])
        for code, name, level, area in units:
            w.writerow([code, name, level, "", area, "van-phong" if level == "tinh" else "xa", ""])


def figures(rng):
    direct, online, postal = rng.randint(0, 500), rng.randint(0, 3000), rng.randint(0, 5)
    early = rng.randint(0, online + direct)
    ontime, late = rng.randint(0, 300), rng.randint(0, 20)
    resolved = early + ontime + late
    digitized = rng.randint(0, resolved)
    return [direct + online + postal, direct, online, postal, early, ontime, late, resolved,
            digitized]


def workbook(path, rows):
    wb = xlsxwriter.Workbook(path, OPTIONS)
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet("Số liệu")
    ws.write_row(0, 0, HEADERS)
    for k, row in enumerate(rows):
        ws.write_row(k + 1, 0, row)
    wb.close()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    single = "--single" in sys.argv[1:]
    out = args[0]
    n_xa = int(args[1]) if len(args) > 1 else 3321
    rng = random.Random(7)
    units, provinces = units_of(n_xa)
    os.makedirs(f"{out}/inputs", exist_ok=True)
    write_registry(f"{out}/registry.csv", units, provinces)
    if single:
        rows = ([k + 1, u[1]] + figures(rng) for k, u in enumerate(units))
        workbook(f"{out}/inputs/national.xlsx", rows)
        print(len(units), "unit rows in one workbook")
        return
    for code, name, _, _ in units:
        workbook(f"{out}/inputs/{code}.xlsx", [[1, name] + figures(rng)])
    print(len(units), "unit workbooks")


if __name__ == "__main__":
    main()
