#!/usr/bin/python3
"""The hostile inputs of the red-team passes over ntreport, each rebuilt here: a file (or a
folder, a link, a named pipe) and the command that reads it, with what ntreport must answer.
tests/scripts/hostile.py runs every case and checks the answer (and that no victim file
changed); scripts/bench-hostile.sh runs every case under GNU time and prints its time and peak
memory. Large cases are made when asked for, never committed.

A case is a function CASE(work) that prepares files under the folder `work` and returns a
Case: the arguments of ntreport (run in `work`), the exit status and diagnostic code expected,
and the files that must stay byte for byte as they were.
"""
import os
import struct
import zlib
from dataclasses import dataclass, field

MIB = 1 << 20
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
HEADER_CSV = "Đơn vị,VB đến,VB đi\n"


@dataclass
class Case:
    args: list
    exit: int
    code: str                      # the diagnostic code stderr must hold ("" for none)
    victims: list = field(default_factory=list)   # paths (in work) that must not change
    env: dict = field(default_factory=dict)
    note: str = ""


# ---- zip archives written entry by entry, so that a part can be a prepared deflate stream ----

class Deflated:
    """An entry's deflated bytes, its CRC and real size, and the size its headers declare."""

    def __init__(self, raw, crc, size, declared=None):
        self.raw, self.crc, self.size = raw, crc, size
        self.declared = size if declared is None else declared


def deflate(data):
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(comp.compress(data) + comp.flush(), zlib.crc32(data), len(data))


def deflate_repeated(head, block, count, tail, declared=None):
    """head + block * count + tail, deflated as a stream (never all in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    chunks = [comp.compress(head)]
    for _ in range(count):
        crc = zlib.crc32(block, crc)
        chunks.append(comp.compress(block))
    crc = zlib.crc32(tail, crc)
    chunks += [comp.compress(tail), comp.flush()]
    return Deflated(b"".join(chunks), crc, len(head) + len(block) * count + len(tail), declared)


def write_zip(path, entries):
    """entries: (name, bytes or str or Deflated) in order; no zip64 (fewer than 65,535)."""
    local, central = bytearray(), bytearray()
    for name, data in entries:
        if isinstance(data, str):
            data = data.encode("utf-8")
        d = data if isinstance(data, Deflated) else deflate(data)
        fname = name.encode("utf-8")
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, d.crc,
                             len(d.raw), d.declared & 0xFFFFFFFF, len(fname), 0) + fname + d.raw
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, d.crc,
                               len(d.raw), d.declared & 0xFFFFFFFF, len(fname), 0, 0, 0, 0, 0,
                               offset) + fname
    n = len(entries)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), len(local), 0)
    with open(path, "wb") as f:
        f.write(local + central + eocd)


def rels(*items):
    body = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>'
                   for i, t, target in items)
    return f'{DECL}<Relationships xmlns="{PKG}">{body}</Relationships>'


def workbook(path, sheet_targets, parts, shared=None):
    """A workbook whose sheets S1, S2 … name the given part targets (relative to xl/)."""
    entries = "".join(f'<sheet name="S{n}" sheetId="{n}" r:id="rId{n}"/>'
                      for n in range(1, len(sheet_targets) + 1))
    wb_rels = [(f"rId{n}", "worksheet", t) for n, t in enumerate(sheet_targets, 1)]
    if shared is not None:
        wb_rels.append(("rIdS", "sharedStrings", "sharedStrings.xml"))
        parts = [("xl/sharedStrings.xml", shared)] + list(parts)
    write_zip(path, [
        ("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.xml"))),
        ("xl/workbook.xml", f'{DECL}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}'
                            "</sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", rels(*wb_rels)),
    ] + list(parts))


def istr(text):
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(rows_xml, after=""):
    return f'{DECL}<worksheet xmlns="{MAIN}"><sheetData>{rows_xml}</sheetData>{after}</worksheet>'


SHEET_HEAD = f'{DECL}<worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_TAIL = b"</sheetData></worksheet>"


def sheet_part(block, count, tail=SHEET_TAIL, declared=None):
    """A worksheet part whose sheetData holds `block` repeated `count` times, deflated."""
    return deflate_repeated(SHEET_HEAD, block, count, tail, declared)


def one_sheet_book(work, name, part, shared=None):
    """work/name: a workbook of one sheet, the part given."""
    workbook(os.path.join(work, name), ["worksheets/sheet1.xml"],
             [("xl/worksheets/sheet1.xml", part)], shared)


def whitespace_part(mebibytes, declared=None):
    return sheet_part(b" " * MIB, mebibytes, declared=declared)


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        f.write(text)


# ---- the cases ----

def csv_header_100k_columns(work):
    write(os.path.join(work, "wide.csv"), "Đơn vị,VB đến" + ",x" * 99998 + "\nSở Y tế,12\n")
    return Case(["check", "wide.csv"], 1, "input-too-large",
                note="a header row of 100,000 cells (200 KB)")


def csv_header_16384_columns(work):
    row = "Đơn vị" + ",x" * 16383 + "\n"
    write(os.path.join(work, "wide.csv"), row * 40)
    return Case(["check", "wide.csv"], 1, "no-header",
                note="40 rows of 16,384 cells that look like headers")


def csv_row_5m_cells(work):
    write(os.path.join(work, "row.csv"), HEADER_CSV + "1," * 5_000_000 + "\n")
    return Case(["check", "row.csv"], 1, "input-too-large", note="a 10 MB row of 5 million cells")


def csv_row_25m_cells(work):
    write(os.path.join(work, "row.csv"), HEADER_CSV + "1," * 25_000_000 + "\n")
    return Case(["check", "row.csv"], 1, "input-too-large", note="a 50 MB row of 25 million cells")


def csv_link_to_dev_zero(work):
    os.symlink("/dev/zero", os.path.join(work, "zero.csv"))
    return Case(["check", "zero.csv"], 3, "io-error", note="a .csv that is a link to /dev/zero")


def csv_in_folder_link_to_dev_zero(work):
    os.makedirs(os.path.join(work, "inputs"))
    write(os.path.join(work, "inputs", "a.csv"), HEADER_CSV + "Sở Y tế,12,10\n")
    os.symlink("/dev/zero", os.path.join(work, "inputs", "zero.csv"))
    return Case(["check", "inputs"], 3, "io-error", note="a folder holding such a link")


def csv_fifo(work):
    os.mkfifo(os.path.join(work, "pipe.csv"))
    return Case(["check", "pipe.csv"], 3, "io-error", note="a named pipe given as an input")


def diff_fifo(work):
    os.mkfifo(os.path.join(work, "summary.json"))
    write(os.path.join(work, "old.json"), '{"appendices": {}}\n')
    return Case(["diff", "old.json", "summary.json"], 2, "io-error",
                note="a named pipe given to diff")


def xlsx_wide_header_rows(work):
    row = "<row>" + istr("Đơn vị") + istr("x") * 16383 + "</row>"
    one_sheet_book(work, "wide.xlsx", sheet(row * 40))
    return Case(["check", "wide.xlsx"], 1, "no-header",
                note="40 rows of 16,384 cells that look like headers")


def xlsx_five_entries_one_part(work):
    row = "<row>" + istr("Đơn vị") + istr("x") * 16383 + "</row>"
    workbook(os.path.join(work, "five.xlsx"), ["worksheets/sheet1.xml"] * 5,
             [("xl/worksheets/sheet1.xml", sheet(row * 40))])
    return Case(["check", "five.xlsx"], 1, "ambiguous-workbook",
                note="the same, its part named by 5 sheet entries")


def xlsx_twenty_entries_one_bomb(work):
    workbook(os.path.join(work, "bomb.xlsx"), ["worksheets/sheet1.xml"] * 20,
             [("xl/worksheets/sheet1.xml", whitespace_part(250))])
    return Case(["check", "bomb.xlsx"], 1, "ambiguous-workbook",
                note="20 sheet entries naming one 250 MiB whitespace part")


def xlsx_twenty_parts_bomb(work, declared=None):
    part = whitespace_part(250, declared)
    workbook(os.path.join(work, "bomb.xlsx"),
             [f"worksheets/sheet{n}.xml" for n in range(1, 21)],
             [(f"xl/worksheets/sheet{n}.xml", part) for n in range(1, 21)])
    return Case(["check", "bomb.xlsx"], 1, "input-too-large",
                note="20 parts of 250 MiB of whitespace, sizes " +
                     ("declared" if declared is None else "lying (1,000 bytes)"))


def xlsx_twenty_parts_lying(work):
    return xlsx_twenty_parts_bomb(work, 1000)


def xlsx_empty_shared_strings(work):
    head = f'{DECL}<sst xmlns="{MAIN}">'.encode()
    shared = deflate_repeated(head, b"<si/>" * (MIB // 5), 200, b"</sst>")  # 40 million
    one_sheet_book(work, "strings.xlsx", sheet("<row><c><v>1</v></c></row>"), shared)
    return Case(["check", "strings.xlsx"], 1, "input-too-large",
                note="40 million empty shared strings in a small workbook")


def xlsx_shared_string_text(work):
    head = f'{DECL}<sst xmlns="{MAIN}">'.encode()
    item = b"<si><t>" + b"x" * (MIB - 100) + b"</t></si>"
    shared = deflate_repeated(head, item, 250, b"</sst>")
    one_sheet_book(work, "strings.xlsx", sheet("<row><c><v>1</v></c></row>"), shared)
    return Case(["check", "strings.xlsx"], 1, "input-too-large",
                note="250 shared strings of 1 MiB each, kept while sheets are read")


def xlsx_many_rows(work):
    rows = "".join(f'<row r="{r}"/>' for r in range(1, 1_048_577)).encode()
    part = sheet_part(rows, 1)
    workbook(os.path.join(work, "rows.xlsx"), ["worksheets/sheet1.xml", "worksheets/sheet2.xml"],
             [("xl/worksheets/sheet1.xml", part), ("xl/worksheets/sheet2.xml", part)])
    return Case(["check", "rows.xlsx"], 1, "input-too-large",
                note="two sheets of 1,048,576 rows each")


def xlsx_many_cells(work):
    row = b"<row>" + b"<c><v>1</v></c>" * 16384 + b"</row>"
    one_sheet_book(work, "cells.xlsx", sheet_part(row, 300))  # 4.9 million cells
    return Case(["check", "cells.xlsx"], 1, "input-too-large",
                note="a sheet of 4.9 million cells holding a value")


def xlsx_many_elements(work):
    one_sheet_book(work, "elements.xlsx", sheet_part(b"<x/>" * (MIB // 4), 80))
    return Case(["check", "elements.xlsx"], 1, "input-too-large",
                note="20 million empty elements in a sheet")


def xlsx_deep_nesting(work):
    one_sheet_book(work, "deep.xlsx", sheet_part(b"<a>" * (MIB // 3), 30, tail=b""))
    return Case(["check", "deep.xlsx"], 1, "input-too-large",
                note="elements nested 10 million deep")


def xlsx_long_attribute(work):
    part = deflate_repeated(SHEET_HEAD + b'<row a="', b"a" * MIB, 200, b'"/>' + SHEET_TAIL)
    one_sheet_book(work, "tag.xlsx", part)
    return Case(["check", "tag.xlsx"], 1, "input-too-large",
                note="one attribute of 200 MiB")


def zip_million_entries(work):
    import zipfile
    with zipfile.ZipFile(os.path.join(work, "entries.xlsx"), "w", zipfile.ZIP_STORED) as z:
        for i in range(1_000_000):
            z.writestr(zipfile.ZipInfo(f"x{i}"), b"")
    return Case(["check", "entries.xlsx"], 1, "input-too-large",
                note="a zip of a million empty entries (90 MB)")


def registry_code_traversal(work):
    os.makedirs(os.path.join(work, "forms-2023"))
    victim = os.path.join("forms-2023", "so-y-te.xlsx")
    write(os.path.join(work, victim), b"a filled workbook", "wb")
    write(os.path.join(work, "period", "registry.csv"),
          "code,name,level\nso-y-te,Sở Y tế,tinh\n../forms-2023/so-y-te,Sở Y tế bản sao,tinh\n")
    return Case(["template", "--registry", "period/registry.csv", "-o", "period/forms"], 2,
                "registry-syntax", [victim], note="a registry code ../forms-2023/so-y-te")


def appendix_id_traversal(work):
    write(os.path.join(work, "victim.md"), "the user's notes\n")
    write(os.path.join(work, "templates", "x.toml"),
          'id = "../victim"\ntitle = "x"\n[[columns]]\nheader = "Đơn vị"\nshow = "name"\n'
          '[[columns]]\nheader = "VB đến"\nshow = "docs_in"\n')
    write(os.path.join(work, "a.csv"), HEADER_CSV + "Sở Y tế,12,10\n")
    return Case(["build", "a.csv", "--templates", "templates", "-o", "out"], 2, "template-error",
                ["victim.md"], note="an appendix id ../victim")


def init_over_aliases(work):
    write(os.path.join(work, "p", "aliases.csv"), "alias,code\nP. Đài Sơn,prtc.dai-son\n")
    return Case(["init", "p", "--from", "2024-01-01", "--to", "2024-06-30"], 2, "would-overwrite",
                ["p/aliases.csv"], note="init over an existing aliases.csv")


def template_over_filled_forms(work):
    write(os.path.join(work, "filled", "so-y-te.xlsx"), b"a workbook filled in by a unit", "wb")
    return Case(["template", "--unit", "so-y-te", "-o", "filled"], 2, "would-overwrite",
                ["filled/so-y-te.xlsx"], note="template over a form filled in since")


def template_into_inputs(work):
    write(os.path.join(work, "inputs", "so-y-te.xlsx"), b"a workbook filled in by a unit", "wb")
    write(os.path.join(work, "ntreport.toml"), 'inputs = ["inputs"]\n')
    return Case(["template", "-o", "inputs"], 2, "would-overwrite",
                ["inputs/so-y-te.xlsx"], note="template -o inputs in a period folder")


def build_over_inputs(work):
    write(os.path.join(work, "inputs", "a.csv"), HEADER_CSV + "Sở Y tế,12,10\n")
    return Case(["build", "inputs", "-o", "inputs"], 2, "would-overwrite", ["inputs/a.csv"],
                note="build -o into the input folder")


def build_blank_forms(work):
    write(os.path.join(work, "out", "summary.json"), '{"appendices": {}}\n')
    write(os.path.join(work, "blank.csv"), HEADER_CSV + "Sở Y tế,,\n")
    return Case(["build", "blank.csv", "-o", "out"], 0, "no-figures", ["out/summary.json"],
                note="a build of blank forms over an earlier build")


def control_characters(work):
    write(os.path.join(work, "a.csv"),
          HEADER_CSV + '"Sở Y tế\x1b[2J\na.csv:B2: note[forged]: all is well",12,10\n')
    return Case(["check", "a.csv"], 1, "unknown-unit",
                note="a unit name holding an escape sequence and a line break")


def diff_wrong_shape(work):
    write(os.path.join(work, "old.json"), '{"appendices": {}}\n')
    write(os.path.join(work, "new.json"),
          '{"appendices": {"ho-so": {"units": [{"received": -1.5}]}}}\n')
    return Case(["diff", "old.json", "new.json"], 2, "bad-json",
                note="a summary.json whose units are an array")


CASES = {
    "csv-header-100k-columns": csv_header_100k_columns,
    "csv-header-16384-columns": csv_header_16384_columns,
    "csv-row-5m-cells": csv_row_5m_cells,
    "csv-row-25m-cells": csv_row_25m_cells,
    "csv-link-to-dev-zero": csv_link_to_dev_zero,
    "csv-folder-link-to-dev-zero": csv_in_folder_link_to_dev_zero,
    "csv-fifo": csv_fifo,
    "diff-fifo": diff_fifo,
    "xlsx-wide-header-rows": xlsx_wide_header_rows,
    "xlsx-5-entries-one-part": xlsx_five_entries_one_part,
    "xlsx-20-entries-one-bomb": xlsx_twenty_entries_one_bomb,
    "xlsx-20-parts-bomb": xlsx_twenty_parts_bomb,
    "xlsx-20-parts-lying": xlsx_twenty_parts_lying,
    "xlsx-40m-empty-strings": xlsx_empty_shared_strings,
    "xlsx-shared-string-text": xlsx_shared_string_text,
    "xlsx-2m-rows": xlsx_many_rows,
    "xlsx-4.9m-cells": xlsx_many_cells,
    "xlsx-20m-elements": xlsx_many_elements,
    "xlsx-deep-nesting": xlsx_deep_nesting,
    "xlsx-long-attribute": xlsx_long_attribute,
    "zip-million-entries": zip_million_entries,
    "registry-code-traversal": registry_code_traversal,
    "appendix-id-traversal": appendix_id_traversal,
    "init-over-aliases": init_over_aliases,
    "template-over-filled-form": template_over_filled_forms,
    "template-into-inputs": template_into_inputs,
    "build-over-inputs": build_over_inputs,
    "build-blank-forms": build_blank_forms,
    "control-characters": control_characters,
    "diff-wrong-shape": diff_wrong_shape,
}
