#!/usr/bin/env python3
"""An input workbook from `ntreport template`, filled by another program, builds.

1. Writes the workbooks of Phường Bảo An and of Sở Tài nguyên và Môi trường (which has
   sub-units) for the 2024 period.
2. Checks the data sheet as another program sees it: Times New Roman, one height for every
   unit row, the signature block under the table; the data validation rule (whole numbers
   >= 0, blanks allowed, an input message, errors stop the entry) in the XML and on exactly the
   input cells; input cells unlocked and shaded; identity cells locked; the sheet protected
   without a password.
3. Fills every input cell with openpyxl, with the figures of the published 2024 table (taken
   from the golden summary.json), and saves.
4. Builds the filled workbooks with no other option, and compares the rows of those units in
   ho-so.md with the rows of the golden build of the published table.
Usage: form_fill.py NTREPORT_BINARY GOLDEN_SAMPLE_2024_DIR
"""
import json, os, re, shutil, subprocess, sys, tempfile, zipfile

import openpyxl

FIELDS = {'Trực tiếp': 'received_direct', 'Qua mạng': 'received_online',
          'Qua BCCI': 'received_postal', 'Trước hạn': 'done_early', 'Đúng hạn': 'done_ontime',
          'Quá hạn': 'done_late'}
ENV = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8')
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(binary, *args, cwd):
    r = subprocess.run([binary, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def check_xml(path, input_rows, last_col):
    with zipfile.ZipFile(path) as z:
        xml = z.read('xl/worksheets/sheet2.xml').decode('utf-8')
    rules = re.findall(r'<dataValidation ([^>]*)><formula1>([^<]*)</formula1>', xml)
    check(len(rules) == len(input_rows), f'{path}: {len(rules)} rules for {len(input_rows)} rows')
    for (attrs, formula), row in zip(rules, input_rows):
        for want in ('type="whole"', 'operator="greaterThanOrEqual"', 'allowBlank="1"',
                     'showInputMessage="1"', 'showErrorMessage="1"', 'promptTitle="Số nguyên ≥ 0"',
                     f'sqref="D{row}:{last_col}{row}"'):
            check(want in attrs, f'{path}: rule of row {row} lacks {want}: {attrs}')
        check('errorStyle' not in attrs, f'{path}: errors must stop the entry (no errorStyle)')
        check(formula == '0', f'{path}: rule of row {row} compares with {formula}, not 0')
    protection = re.search(r'<sheetProtection [^>]*/>', xml)
    check(protection is not None, f'{path}: the data sheet is not protected')
    if protection:
        check('password' not in protection.group(0).lower(), f'{path}: protection has a password')


def check_layout(path, ws, header):
    """Times New Roman in every written cell, one height for every unit row, and the signature
    block under the table with its texts outside the figure columns."""
    units = [r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value]
    fonts = {ws.cell(r, c).font.name for r in range(1, ws.max_row + 1)
             for c in range(1, ws.max_column + 1) if ws.cell(r, c).value is not None}
    check(fonts == {'Times New Roman'}, f'{path}: fonts {fonts}')
    heights = {ws.row_dimensions[r].height for r in units}
    check(len(heights) == 1, f'{path}: unit rows of heights {heights}')
    below = {ws.cell(r, c).value: c for r in range(units[-1] + 1, ws.max_row + 1)
             for c in range(1, ws.max_column + 1) if ws.cell(r, c).value}
    check(below == {'Người lập biểu': 1, '(Ký, ghi rõ họ tên)': 1, 'Thủ trưởng đơn vị': 3,
                    '(Ký tên, đóng dấu)': 3}, f'{path}: signature block {below}')


def fill(path, figures, out_path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ['Hướng dẫn', 'Số liệu'], f'{path}: sheets {wb.sheetnames}')
    ws = wb['Số liệu']
    header = next(r for r in range(1, 10) if ws.cell(r, 2).value == 'Mã đơn vị') + 1
    columns = {c: ws.cell(header, c).value for c in range(4, ws.max_column + 1)}
    check_layout(path, ws, header)
    input_rows = []
    for r in range(header + 1, ws.max_row + 1):
        code = ws.cell(r, 2).value
        if code is None:
            continue  # the signature block
        check(ws.cell(r, 2).protection.locked and ws.cell(r, 3).protection.locked,
              f'{path}: identity of row {r} is not locked')
        shaded = [not ws.cell(r, c).protection.locked for c in columns]
        if not any(shaded):
            continue  # the row of a unit with sub-units: their sum
        check(all(shaded), f'{path}: row {r} has locked figure cells')
        check(all(ws.cell(r, c).fill.fgColor.rgb == 'FFFFF2CC' for c in columns),
              f'{path}: input cells of row {r} are not shaded')
        input_rows.append(r)
        for c, label in columns.items():
            ws.cell(r, c).value = figures[code][FIELDS[label]]
    wb.save(out_path)
    return input_rows, openpyxl.utils.get_column_letter(max(columns))


def main():
    binary, golden = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(golden, 'expected', 'summary.json'), encoding='utf-8') as f:
        figures = json.load(f)['appendices']['ho-so']['units']
    with open(os.path.join(golden, 'expected', 'ho-so.md'), encoding='utf-8') as f:
        published = f.read().splitlines()
    tmp = tempfile.mkdtemp(prefix='ntreport-form-')
    try:
        os.makedirs(os.path.join(tmp, 'filled'))
        for unit in ('prtc.bao-an', 'so-tnmt'):
            code, out, err = run(binary, 'template', '--unit', unit, '--only', 'ho-so',
                                 '--period-from', '2024-01-01', '--period-to', '2024-08-28',
                                 '-o', 'forms', cwd=tmp)
            check(code == 0 and err == '', f'template --unit {unit}: exit {code}, {err}')
            path = os.path.join(tmp, 'forms', unit + '.xlsx')
            rows, last = fill(path, figures, os.path.join(tmp, 'filled', unit + '.xlsx'))
            check_xml(path, rows, last)
        code, out, err = run(binary, 'build', 'filled', '-o', 'out', cwd=tmp)
        check(code == 0 and err == '', f'build of the filled forms: exit {code}, {err}')
        with open(os.path.join(tmp, 'out', 'ho-so.md'), encoding='utf-8') as f:
            built = f.read().splitlines()
        names = ('Phường Bảo An', 'Sở Tài nguyên và Môi trường', 'Văn phòng Sở',
                 'Chi nhánh VPĐKĐĐ')
        want = [l for l in published if any(f'| {n}' in l for n in names)]
        got = [l for l in built if any(f'| {n}' in l for n in names)]
        check(len(want) == 11, f'expected 11 published rows, found {len(want)}')
        check(got == want, 'built rows differ from the published ones:\n' +
              '\n'.join(got) + '\nexpected\n' + '\n'.join(want))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
