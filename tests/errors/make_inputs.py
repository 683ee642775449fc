#!/usr/bin/python3
"""Regenerates the workbook inputs of the error catalogue (tests/errors/<code>/…) and of the
golden case tests/golden/ten-broken-files. The CSV inputs are written by hand; the .xlsx
files are written here, deterministically, and committed.

Run with Debian's python3 (python3-xlsxwriter):
    /usr/bin/python3 tests/errors/make_inputs.py
The tests read the committed files and never run this script.
"""
import datetime
import os
import struct
import zipfile
import zlib

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
TEN = os.path.join(HERE, "..", "golden", "ten-broken-files", "inputs")
CREATED = datetime.datetime(2024, 8, 28)
MIB = 1 << 20

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def table(file, rows, sheet="Số liệu", extra_sheets=()):
    """A workbook of one table: rows of strings and numbers; ("formula", f, cached) cells;
    ("number", x) for a float kept as written."""
    wb = xlsxwriter.Workbook(file)
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, tuple) and v[0] == "formula":
                ws.write_formula(r, c, v[1], None, v[2])
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v)
            elif v is not None:
                ws.write_string(r, c, v)
    for name, lines in extra_sheets:
        other = wb.add_worksheet(name)
        for r, line in enumerate(lines):
            other.write_string(r, 0, line)
    wb.close()


def rels(*items):
    body = "".join(f'<Relationship Id="{i}" Type="{NS_REL}/{t}" Target="{target}"/>'
                   for i, t, target in items)
    return f'{XML_DECL}<Relationships xmlns="{NS_PKG}">{body}</Relationships>'


def one_sheet_parts(sheet_xml, sheet_name="Số liệu"):
    workbook = (f'{XML_DECL}<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>'
                f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    return {
        "_rels/.rels": rels(("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels(("rId1", "worksheet", "worksheets/sheet1.xml")),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def write_zip(file, parts):
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def header_row(cells):
    return "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{t}</t></is></c>'
                   for i, t in enumerate(cells))


def sheet(rows_xml, prefix=""):
    return (f'{XML_DECL}<worksheet xmlns="{NS_MAIN}"><sheetData>{prefix}{rows_xml}'
            "</sheetData></worksheet>")


UNIT_HEADER = '<row r="1">' + header_row(["Đơn vị", "VB đến", "VB đi"]) + "</row>"


def patch_sizes(file, part, size):
    """Rewrites the uncompressed size `part` declares, in its local header and in the
    central directory: what a crafted archive does to look harmless (or huge)."""
    data = bytearray(open(file, "rb").read())
    name = part.encode()
    for magic, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                 (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(magic)
        while at >= 0:
            n = struct.unpack_from("<H", data, at + name_len_at)[0]
            if data[at + name_at:at + name_at + n] == name:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(magic, at + 4)
    open(file, "wb").write(bytes(data))


def whitespace_sheet_bomb(file, megabytes, declared, in_cell=False):
    """A valid one-sheet workbook whose sheet holds `megabytes` MiB of spaces after its header
    row (between rows, or inside the value of cell B2), deflated in a stream (so it is never
    all in memory here either), with the declared size set to `declared` (None: the truth)."""
    head = f'{XML_DECL}<worksheet xmlns="{NS_MAIN}"><sheetData>{UNIT_HEADER}'
    tail = "</sheetData></worksheet>"
    if in_cell:
        head += '<row r="2"><c r="A2" t="inlineStr"><is><t>Sở Y tế</t></is></c><c r="B2"><v>'
        tail = "12</v></c></row>" + tail
    head, tail = head.encode(), tail.encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    chunks = [comp.compress(head)]
    spaces = b" " * MIB
    for _ in range(megabytes):
        crc = zlib.crc32(spaces, crc)
        chunks.append(comp.compress(spaces))
    crc = zlib.crc32(tail, crc)
    chunks += [comp.compress(tail), comp.flush()]
    deflated = b"".join(chunks)
    size = len(head) + megabytes * MIB + len(tail)
    parts = one_sheet_parts("")
    del parts["xl/worksheets/sheet1.xml"]
    write_zip(file, parts)
    # Append the sheet as a raw deflated entry: zipfile would inflate-check nothing, but
    # writing it through zipfile would need the whole text in memory.
    append_raw_entry(file, "xl/worksheets/sheet1.xml", deflated, crc, size)
    if declared is not None and declared != size:
        patch_sizes(file, "xl/worksheets/sheet1.xml", declared)


def append_raw_entry(file, name, deflated, crc, size):
    """Adds an already deflated entry to a zip written by zipfile (no zip64, no comment)."""
    data = open(file, "rb").read()
    end = data.rfind(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack_from("<HII", data, end + 10)
    central = data[cd_offset:cd_offset + cd_size]
    entries = data[:cd_offset]
    fname = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size,
                        len(fname), 0) + fname
    offset = len(entries)
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                           len(deflated), size, len(fname), 0, 0, 0, 0, 0, offset) + fname
    entries += local + deflated
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(central),
                       len(entries), 0)
    open(file, "wb").write(entries + central + eocd)


def not_a_count():
    table(path("not-a-count", "error-value", "so-y-te.xlsx"),
          [["Đơn vị", "VB đến", "VB đi"], ["Sở Y tế", 12, ("formula", "=B2/#REF!", "#REF!")]])
    table(path("not-a-count", "number-fraction", "so-y-te.xlsx"),
          [["Đơn vị", "VB đến", "VB đi"], ["Sở Y tế", 12.5, 10]])


def no_header():
    table(path("no-header", "workbook", "so-y-te.xlsx"),
          [["Báo cáo kết quả chuyển đổi số"], ["Cơ quan", "Số văn bản nhận"], ["Sở Y tế", 12]],
          sheet="Báo cáo", extra_sheets=[("Ghi chú", ["Số liệu gửi kèm công văn."])])


def duplicate_conflict():
    table(path("duplicate-conflict", "b-tong-hop.xlsx"),
          [["STT", "Đơn vị", "VB đến", "VB đi"], [1, "Sở Y tế", 12, 11], [2, "Sở Tư pháp", 8, 5]])


def not_a_workbook():
    open(path("not-a-workbook", "corrupt", "so-y-te.xlsx"), "w").write(
        "<html><body>Phiên đăng nhập đã hết hạn</body></html>\n")
    whole = path("not-a-workbook", "truncated", "so-y-te.xlsx")
    table(whole, [["Đơn vị", "VB đến", "VB đi"], ["Sở Y tế", 12, 10]])
    data = open(whole, "rb").read()
    open(whole, "wb").write(data[:len(data) // 2])
    open(path("not-a-workbook", "legacy-xls", "so-y-te.xlsx"), "wb").write(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    write_zip(path("not-a-workbook", "missing-part", "so-y-te.xlsx"), {
        "[Content_Types].xml": XML_DECL + "<Types/>",
        "_rels/.rels": rels(("rId1", "officeDocument", "word/document.xml")),
        "word/document.xml": XML_DECL + "<document/>",
    })


def malformed_xml():
    write_zip(path("malformed-xml", "not-well-formed", "so-y-te.xlsx"), one_sheet_parts(
        sheet(UNIT_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Sở Y tế</t></is></c>'
              '<c r="B2"><v>12</v></c><c r="C2"><v>10</v></row>')))
    write_zip(path("malformed-xml", "doctype", "so-y-te.xlsx"), one_sheet_parts(
        XML_DECL + '<!DOCTYPE worksheet [<!ENTITY name "Sở Y tế">'
        '<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        f'<worksheet xmlns="{NS_MAIN}"><sheetData>{UNIT_HEADER}<row r="2">'
        '<c r="A2" t="inlineStr"><is><t>&name;&secret;</t></is></c><c r="B2"><v>12</v></c>'
        "</row></sheetData></worksheet>"))


def size_limits():
    # Declares 300 MB but holds a small sheet: refused before anything is inflated.
    declared = path("part-too-large", "declared", "so-y-te.xlsx")
    write_zip(declared, one_sheet_parts(sheet(UNIT_HEADER)))
    patch_sizes(declared, "xl/worksheets/sheet1.xml", 300_000_000)
    # 257 MiB of spaces that declare 1,000 bytes: refused while inflating, at 256 MiB.
    whitespace_sheet_bomb(path("part-too-large", "streamed", "so-y-te.xlsx"), 257, 1000)
    # One cell of 1 MiB + 1 byte: within the part limit, past the limit for a row.
    write_zip(path("text-too-large", "so-y-te.xlsx"), one_sheet_parts(sheet(
        UNIT_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Sở Y tế</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{"9" * (MIB + 1)}</t></is></c></row>')))


def ambiguous_workbook():
    """Workbooks that say one thing twice: read differently by different programs."""
    parts = one_sheet_parts(sheet(UNIT_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>'
                                  'Sở Y tế</t></is></c><c r="B2"><v>12</v></c></row>'))
    parts["xl/workbook.xml"] = (
        f'{XML_DECL}<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>'
        '<sheet name="Số liệu" sheetId="1" r:id="rId1"/>'
        '<sheet name="Bản sao" sheetId="2" r:id="rId2"/></sheets></workbook>')
    parts["xl/_rels/workbook.xml.rels"] = rels(("rId1", "worksheet", "worksheets/sheet1.xml"),
                                               ("rId2", "worksheet", "/xl/worksheets/sheet1.xml"))
    write_zip(path("ambiguous-workbook", "sheet-parts", "so-y-te.xlsx"), parts)
    # B2 twice in its row.
    write_zip(path("ambiguous-workbook", "cell-twice", "so-y-te.xlsx"), one_sheet_parts(sheet(
        UNIT_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Sở Y tế</t></is></c>'
        '<c r="B2"><v>12</v></c><c r="B2"><v>21</v></c></row>')))
    # "12" and "21" in one cell: LibreOffice shows one, a careless reader both.
    write_zip(path("ambiguous-workbook", "two-values", "so-y-te.xlsx"), one_sheet_parts(sheet(
        UNIT_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Sở Y tế</t></is></c>'
        '<c r="B2"><v>12</v><v>21</v></c></row>')))


def ten_broken_files():
    """Per-unit workbooks as they come back from the units, each broken its own way."""
    os.makedirs(TEN, exist_ok=True)
    table(os.path.join(TEN, "bac-ai.xlsx"),
          [["Đơn vị", "Đã giải quyết", "Đã số hóa"],
           ["UBND huyện Bác Ái", 1200, ("formula", "=C3/#REF!", "#REF!")]])
    table(os.path.join(TEN, "ninh-hai.xlsx"), [["Đơn vị", "VB đến", "VB đi"],
                                               ["UBND huyện Ninh Hải", 30, 20]])
    data = open(os.path.join(TEN, "ninh-hai.xlsx"), "rb").read()
    open(os.path.join(TEN, "ninh-hai.xlsx"), "wb").write(data[:len(data) * 2 // 3])
    table(os.path.join(TEN, "phan-rang.xlsx"), [["Số liệu tháng 6"], ["Phường", "Số hồ sơ"],
                                                ["Phường Bảo An", 120]])
    write_zip(os.path.join(TEN, "thuan-bac.xlsx"), one_sheet_parts(
        XML_DECL + '<!DOCTYPE worksheet [<!ENTITY x "x">]>\n'
        f'<worksheet xmlns="{NS_MAIN}"><sheetData>{UNIT_HEADER}</sheetData></worksheet>'))


if __name__ == "__main__":
    not_a_count()
    no_header()
    duplicate_conflict()
    not_a_workbook()
    malformed_xml()
    size_limits()
    ambiguous_workbook()
    ten_broken_files()
