#!/usr/bin/env python3
"""Print an XLSX workbook as text, read independently with openpyxl.

Every sheet: print setup, frozen panes, column widths, custom row heights, merged ranges,
then every cell with its coordinate, type, value, number format and style flags. Used by the
writer tests to compare what ntreport writes with a reviewed expected text.

usage: xlsx_dump.py WORKBOOK.xlsx
"""
import sys

import openpyxl
from openpyxl.cell.cell import MergedCell


def style_flags(cell):
    flags = []
    if cell.font.b:
        flags.append("bold")
    if cell.font.i:
        flags.append("italic")
    if cell.font.sz and float(cell.font.sz) != 11:
        flags.append(f"size={float(cell.font.sz):g}")
    al = cell.alignment
    if al.horizontal:
        flags.append(f"h={al.horizontal}")
    if al.vertical:
        flags.append(f"v={al.vertical}")
    if al.indent:
        flags.append(f"indent={int(al.indent)}")
    if al.wrap_text:
        flags.append("wrap")
    sides = [cell.border.left, cell.border.right, cell.border.top, cell.border.bottom]
    styles = {s.style for s in sides}
    if styles == {"thin"}:
        flags.append("border")
    elif styles != {None}:
        flags.append("border=" + ",".join(str(s.style) for s in sides))
    if cell.fill.fill_type:
        flags.append(f"fill={cell.fill.fill_type}:{cell.fill.fgColor.rgb}")
    return flags


def dump_print_setup(ws):
    ps = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    m = ws.page_margins
    print(f"  paper={ps.paperSize} orientation={ps.orientation}"
          f" fit_to_page={bool(fit and fit.fitToPage)}"
          f" fit_width={ps.fitToWidth} fit_height={ps.fitToHeight}")
    print(f"  print_titles={ws.print_title_rows}"
          f" centred={ws.print_options.horizontalCentered}")
    print(f"  margins left={m.left} right={m.right} top={m.top} bottom={m.bottom}")
    print(f"  footer={ws.oddFooter.center.text!r}")


def dump_sheet(ws):
    print(f"sheet {ws.title!r}")
    dump_print_setup(ws)
    print(f"  freeze={ws.freeze_panes}")
    widths = [f"{k}={d.width}" for k, d in sorted(ws.column_dimensions.items(),
                                                  key=lambda kv: (len(kv[0]), kv[0]))]
    print("  widths " + " ".join(widths))
    heights = [f"{r}={d.height}" for r, d in sorted(ws.row_dimensions.items())
               if d.height is not None]
    print("  heights " + " ".join(heights))
    merged = sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    print("  merged " + " ".join(r.coord for r in merged))
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            # openpyxl drops what a merged range's hidden cells hold and redraws their borders
            # itself: only the top-left cell of a range says what the file holds.
            if isinstance(cell, MergedCell):
                print(f"  {cell.coordinate} (merged)")
                continue
            if cell.value is None and not cell.has_style:
                continue
            parts = [f"  {cell.coordinate}", cell.data_type, repr(cell.value),
                     f"fmt={cell.number_format!r}"]
            print(" ".join(parts + style_flags(cell)))


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    created = wb.properties.created
    print(f"created={created.isoformat() if created else None}")
    for ws in wb.worksheets:
        dump_sheet(ws)


if __name__ == "__main__":
    main()
