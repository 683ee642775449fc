#!/usr/bin/python3
"""Builds a sample period and checks, with openpyxl (a reader independent of ntreport's), that
every sheet of phu-luc.xlsx holds cell for cell the figures of the matching <id>.md: counts as
the same integers, rates as the same percentages (a rate shown "99,83%" is stored 0.9983), the
text of every other cell the same, and "-" for undefined rates in both.
Usage: xlsx_matches_md.py NTREPORT_BINARY CONFIG.toml
"""
import os, re, subprocess, sys, tempfile
from decimal import Decimal
import openpyxl


def md_tables(out):
    tables = {}
    for name in sorted(os.listdir(out)):
        if not name.endswith('.md') or name == 'thuyet-minh.md':  # the paragraphs, no table
            continue
        with open(os.path.join(out, name), encoding='utf-8') as f:
            lines = f.read().splitlines()
        title = next(l[3:] for l in lines if l.startswith('## '))
        table = [[c.strip().strip('*') for c in l.strip()[1:-1].split(' | ')]
                 for l in lines if l.startswith('|')]
        # the lines above the table, as the sheet must print them above its own
        heading = [l.strip('*') for l in lines[:lines.index(next(l for l in lines if l.startswith('|')))]
                   if l and not l.startswith('|')]
        heading = [l[3:] if l.startswith('## ') else l for l in heading]
        tables[title] = (table[0], table[2:], heading)
    return tables


COUNT = re.compile(r'^\d{1,3}(\.\d{3})*$')
RATE = re.compile(r'^\d+(,\d+)?%$')


# Columns of the targets appendix that hold the plan's own text ("90%", "trên 90%").
TEXT_HEADERS = {'STT', 'Mục tiêu', 'KQ năm trước', 'Mục tiêu năm', 'Ghi chú'}


def expected_value(header, column, text):
    """What the cell under `column` (0-based) should hold for the Markdown text."""
    if text == '':
        return None
    numeric = column >= 2 and header[column] not in TEXT_HEADERS
    if numeric and RATE.match(text):
        return Decimal(text[:-1].replace(',', '.')) / 100
    if numeric and COUNT.match(text):
        return int(text.replace('.', ''))
    return text


def main():
    binary, config = sys.argv[1:3]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        subprocess.run([binary, 'build', '--config', config, '-o', out, '--quiet'], check=True)
        tables = md_tables(out)
        wb = openpyxl.load_workbook(os.path.join(out, 'phu-luc.xlsx'))
        problems, cells = 0, 0
        for ws in wb.worksheets:
            title = ws['A2'].value
            if title not in tables:
                continue
            header, rows, heading = tables.pop(title)
            above = [ws.cell(r, 1).value for r in range(1, len(heading) + 1)]
            if above != heading:
                print(f'{ws.title}: the lines above the table are {above!r}, md {heading!r}')
                problems += 1
            # the first data row: the one holding the first Markdown row's label
            top = next(r for r in range(1, ws.max_row + 1)
                       if ws.cell(r, 2).value == rows[0][1] and (ws.cell(r, 1).value or '') == rows[0][0])
            for i, md_row in enumerate(rows):
                for j, text in enumerate(md_row):
                    cell = ws.cell(top + i, j + 1)
                    got, want = cell.value, expected_value(header, j, text)
                    if isinstance(want, Decimal):
                        ok = isinstance(got, (int, float)) and not isinstance(got, bool) and \
                            abs(Decimal(repr(got)) - want) < Decimal('1e-12')
                    else:
                        ok = got == want and type(got) is type(want)
                    if not ok:
                        print(f'{ws.title}!{cell.coordinate}: {got!r}, md {text!r}')
                        problems += 1
                    cells += 1
            extra = ws.cell(top + len(rows), 2).value
            if extra is not None:
                print(f'{ws.title}: a row after the table: {extra!r}')
                problems += 1
        for title in tables:
            print(f'no sheet for {title!r}')
            problems += 1
        print(f'{cells} cells compared, {problems} problems')
        return 1 if problems or cells == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
