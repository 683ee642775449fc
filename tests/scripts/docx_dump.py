#!/usr/bin/env python3
"""Dumps a .docx as text with python-docx (Debian python3-docx), an independent reader, for
the golden cases: the default font and size, each section's page, every paragraph (alignment,
bold, text) and every table row by row (header rows marked, each cell's text with its bold,
alignment and merges).
Usage: docx_dump.py FILE.docx
"""
import sys

import docx
from docx.oxml.ns import qn


def para_line(p):
    bold = any(r.bold for r in p.runs) and all(r.bold for r in p.runs if r.text.strip())
    align = p.paragraph_format.alignment
    align = 'none' if align is None else str(align).split('.')[-1].split(' ')[0].lower()
    return f'{align}{" bold" if bold else ""}: {p.text}'


def cell_text(tc):
    pr = tc.tcPr
    marks = []
    if pr is not None:
        span = pr.find(qn('w:gridSpan'))
        if span is not None:
            marks.append(f'span={span.get(qn("w:val"))}')
        shd = pr.find(qn('w:shd'))
        if shd is not None:
            marks.append(f'fill={shd.get(qn("w:fill"))}')
        vm = pr.find(qn('w:vMerge'))
        if vm is not None:
            marks.append('vmerge=' + (vm.get(qn('w:val')) or 'continue'))
    paras = tc.findall(qn('w:p'))
    text = ''.join(t.text or '' for p in paras for t in p.iter(qn('w:t')))
    bold = any(r.find(qn('w:rPr')) is not None and r.find(qn('w:rPr')).find(qn('w:b')) is not None
               for p in paras for r in p.findall(qn('w:r')))
    jc = [p.find(qn('w:pPr')).find(qn('w:jc')) for p in paras if p.find(qn('w:pPr')) is not None]
    align = jc[0].get(qn('w:val')) if jc and jc[0] is not None else ''
    flags = ''.join(['B' if bold else '', {'right': 'R', 'center': 'C'}.get(align, '')])
    return text + (f' [{flags}]' if flags else '') + (f' {{{" ".join(marks)}}}' if marks else '')


def table_lines(tbl):
    out = []
    for tr in tbl.findall(qn('w:tr')):
        trpr = tr.find(qn('w:trPr'))
        header = trpr is not None and trpr.find(qn('w:tblHeader')) is not None
        cells = [cell_text(tc) for tc in tr.findall(qn('w:tc'))]
        out.append(('H ' if header else '  ') + ' | '.join(cells))
    return out


def main():
    d = docx.Document(sys.argv[1])
    style = d.styles['Normal']
    print(f'font: {style.font.name} {style.font.size.pt if style.font.size else "?"} pt')
    for i, s in enumerate(d.sections):
        fields = [f.get(qn('w:instr')) for f in s.footer._element.iter(qn('w:fldSimple'))]
        print(f'section {i + 1}: {str(s.orientation).split(".")[-1].split(" ")[0].lower()} '
              f'{s.page_width.mm:.0f}x{s.page_height.mm:.0f} mm, footer fields: {fields}')
    body = d.element.body
    for child in body.iterchildren():
        if child.tag == qn('w:p'):
            p = docx.text.paragraph.Paragraph(child, d)
            if p.text:
                swatch = [s.get(qn('w:fill')) for s in child.iter(qn('w:shd'))]
                print('P ' + para_line(p) + (f' {{swatch={swatch[0]}}}' if swatch else ''))
            elif child.find(qn('w:pPr')) is not None and child.find(qn('w:pPr')).find(qn('w:sectPr')) is not None:
                print('--- section break ---')
        elif child.tag == qn('w:tbl'):
            print('TABLE')
            for line in table_lines(child):
                print(line)


if __name__ == '__main__':
    main()
