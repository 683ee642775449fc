#!/usr/bin/env python3
"""Checks a generated appendix (Markdown) against the table printed in the source document.

Every printed row with figures must appear in the generated table with the same figures and
rates, except the differences listed in the expectations file, each with the reason
docs/spec.md §9 gives. Rows are matched by their figures, not by their names, so the check does not depend
on ntreport's own name matching. An expected difference that does not occur fails too.

Usage: compare_published.py GENERATED.md PUBLISHED.csv EXPECTATIONS.txt
EXPECTATIONS.txt: first line the published columns to compare, in the order of the generated
table's figure columns; then one line per expected difference:
  <published stt>|<published name>|<what the generated table shows instead, or "absent">|<reason>
A line "accept: zero-denominator-printed-as-0" accepts a printed rate "0" where the generated
table prints "-" (a zero denominator: the slip docs/spec.md §1 names); the rows so accepted
are counted.
"""
import csv, sys
from decimal import Decimal


def norm(cell):
    cell = cell.strip().strip('*').strip()
    if cell == '':
        return ''
    if cell == '-':
        return '-'
    if cell.endswith('%'):
        return format(Decimal(cell[:-1].replace(',', '.')).normalize(), 'f')
    return str(int(cell.replace('.', '')))


def generated_rows(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        lines = [l for l in f if l.startswith('|')]
    header = [c.strip() for c in lines[0].strip().strip('|').split(' | ')]
    # The "Ghi chú" column (which units a row covers) is ntreport's own: not printed.
    end = header.index('Ghi chú') if 'Ghi chú' in header else len(header)
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip().strip('|').split(' | ')]
        rows.append((cells[1].strip('*'), tuple(norm(c) for c in cells[2:end])))
    return rows


def main():
    md, published, expectations = sys.argv[1:4]
    with open(expectations, encoding='utf-8') as f:
        lines = [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]
    columns = lines[0].split(',')
    expected = {}
    accept_zero = False
    for l in lines[1:]:
        if l == 'accept: zero-denominator-printed-as-0':
            accept_zero = True
            continue
        stt, name, instead, reason = l.split('|', 3)
        expected[(stt, name)] = instead
    generated = generated_rows(md)
    pool = [r[1] for r in generated]
    problems, seen = [], set()
    zero_accepted = 0
    with open(published, encoding='utf-8') as f:
        printed = list(csv.DictReader(f))
    for r in printed:
        want = tuple(norm(r[c]) for c in columns)
        if all(v == '' for v in want):
            continue  # a printed row without figures (the level rows of the payments table)
        if want in pool:
            pool.remove(want)
            continue
        if accept_zero:
            dashed = tuple('-' if c.endswith('_pub') and r[c].strip() == '0' else v
                           for c, v in zip(columns, want))
            if dashed in pool:
                pool.remove(dashed)
                zero_accepted += 1
                continue
        key = (r['stt'], r['name'])
        if key in expected:
            seen.add(key)
            instead = expected[key]
            if instead != 'absent' and tuple(instead.split(',')) not in pool:
                problems.append(f'{key}: expected the generated table to show {instead}; it does not')
            elif instead != 'absent':
                pool.remove(tuple(instead.split(',')))
            continue
        problems.append(f'printed row {key} {want} is not in the generated table')
    for key in expected:
        if key not in seen:
            problems.append(f'expected difference {key} did not occur')
    for p in problems:
        print(p)
    print(f'{len(printed)} printed rows, {len(expected)} expected differences, '
          f'{zero_accepted} rates printed 0 for a zero denominator, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
