#!/usr/bin/env python3
"""Print an XLSX workbook as text, read independently with openpyxl.

Every sheet: print setup (print area, page breaks), frozen panes, column widths, custom row
heights, merged ranges, the fonts its cells use, its conditional formats with the cells each
one marks (evaluated here on the stored values), its charts (type, title, axes, every series
with the ranges it draws), then every cell with its coordinate, type, value, number format
and style flags. Last, each chart part of the package read as XML (not through openpyxl): the
chart types it combines and the ranges of their series. Used by the writer tests to compare
what ntreport writes with a reviewed expected text.

usage: xlsx_dump.py WORKBOOK.xlsx
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import range_boundaries


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
    if cell.font.color is not None and cell.font.color.rgb not in (None, "FF000000") \
            and isinstance(cell.font.color.rgb, str):
        flags.append(f"color={cell.font.color.rgb}")
    border_colors = {s.color.rgb for s in sides
                     if s.style and s.color is not None and isinstance(s.color.rgb, str)}
    if border_colors - {"FF000000"}:
        flags.append("border_color=" + ",".join(sorted(border_colors)))
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
    breaks = [b.id for b in ws.row_breaks.brk]
    print(f"  print_area={ws.print_area} row_breaks={breaks}")


def dxf_text(dxf):
    parts = []
    if dxf.font is not None:
        if dxf.font.b:
            parts.append("bold")
        if dxf.font.color is not None:
            parts.append(f"color={dxf.font.color.rgb}")
    if dxf.fill is not None and dxf.fill.bgColor is not None:
        parts.append(f"fill={dxf.fill.bgColor.rgb}")
    if dxf.border is not None and dxf.border.left is not None and dxf.border.left.style:
        parts.append(f"border={dxf.border.left.style}")
    return " ".join(parts)


def cells_of(ws, sqref):
    for rng in str(sqref).split():
        min_col, min_row, max_col, max_row = range_boundaries(rng)
        for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col,
                                max_col=max_col):
            yield from row


def holds(rule, cell):
    """Whether a cellIs rule holds for a cell, as Excel evaluates it on the stored value."""
    value = cell.value
    if rule.type != "cellIs" or not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    limit = float(rule.formula[0])
    return {"lessThan": value < limit, "greaterThan": value > limit,
            "lessThanOrEqual": value <= limit, "greaterThanOrEqual": value >= limit,
            "equal": value == limit}.get(rule.operator, False)


def dump_conditional_formats(ws, dxfs):
    entries = sorted(ws.conditional_formatting, key=lambda cf: min(
        (c.row, c.column) for c in cells_of(ws, cf.sqref)))
    for cf in entries:
        for rule in cf.rules:
            formula = ",".join(rule.formula or [])
            print(f"  conditional {cf.sqref} {rule.type} {rule.operator} {formula}"
                  f" priority={rule.priority} format=[{dxf_text(dxfs[rule.dxfId])}]")
            marked = [f"{c.coordinate}={c.value!r}" for c in cells_of(ws, cf.sqref)
                      if holds(rule, c)]
            print(f"    marks {len(marked)}: " + " ".join(marked))


def rich_text(title):
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return "".join(r.t for p in title.tx.rich.p for r in (p.r or []))


def series_text(kind, s):
    ref = lambda r: None if r is None else (r.numRef or r.strRef).f
    text = f"      {kind} name={s.tx.strRef.f} cat={ref(s.cat)} val={ref(s.val)}"
    if kind == "line":
        ln = s.spPr.ln if s.spPr is not None else None
        if ln is not None and ln.noFill:
            text += " line=none"
        elif ln is not None and ln.solidFill is not None:
            fill = ln.solidFill
            color = fill if isinstance(fill, str) else fill.srgbClr
            color = color if isinstance(color, str) else color.val
            text += f" line={color}:{ln.prstDash}"
        if s.marker is not None:
            text += f" marker={s.marker.symbol}"
    return text


def dump_charts(ws):
    for chart in ws._charts:
        a = chart.anchor
        kinds = [type(c).__name__ for c in [chart] + chart._charts[1:]]
        print(f"  chart {'+'.join(kinds)} from={a._from.col},{a._from.row}"
              f" to={a.to.col},{a.to.row} title={rich_text(chart.title)!r}")
        y = chart.y_axis
        print(f"    y axis title={rich_text(y.title)!r} min={y.scaling.min} max={y.scaling.max}"
              f" unit={y.majorUnit} format={y.numFmt.formatCode if y.numFmt else None}"
              f" legend={chart.legend.position if chart.legend else None}")
        for c in [chart] + chart._charts[1:]:
            kind = "line" if type(c).__name__ == "LineChart" else "bar"
            for s in c.series:
                print(series_text(kind, s))


C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def dump_chart_parts(path):
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)),
                       key=lambda n: int(re.search(r"(\d+)", n.rsplit("/", 1)[1]).group(1)))
        for name in names:
            plot = ET.fromstring(z.read(name)).find(f"{C}chart/{C}plotArea")
            kinds = []
            for child in plot:
                tag = child.tag[len(C):]
                if not tag.endswith("Chart"):
                    continue
                vals = [v.find(f"{C}numRef/{C}f").text for v in child.iter(f"{C}val")]
                axes = [a.get("val") for a in child.findall(f"{C}axId")]
                kinds.append(f"{tag}[{' '.join(vals)}] axes={','.join(axes)}")
            print(f"{name}: " + " ".join(kinds))


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
    fonts = sorted({c.font.name for row in ws.iter_rows() for c in row
                    if c.has_style and c.font.name})
    print("  fonts " + ", ".join(fonts))
    dump_conditional_formats(ws, ws.parent._differential_styles)
    dump_charts(ws)
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
    dump_chart_parts(sys.argv[1])


if __name__ == "__main__":
    main()
