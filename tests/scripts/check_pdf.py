#!/usr/bin/env python3
"""--format pdf through LibreOffice: the 2023 sample gives bao-cao.pdf (the narrative and the
appendices) and phu-luc.pdf (the workbook), A4, with the figures of the documents appendix in
their text. Skipped (exit 77) on a machine without LibreOffice or poppler-utils, where the
error case tests/errors/pdf-unavailable/ applies instead.
Usage: check_pdf.py NTREPORT_BINARY SOURCE_DIR
"""
import os, shutil, subprocess, sys, tempfile


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not shutil.which('soffice') or not shutil.which('pdftotext'):
        print('no LibreOffice or pdftotext: skipped')
        return 77
    config = os.path.join(source, 'data', 'samples', '2023', 'ntreport.toml')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        subprocess.run([binary, 'build', '--config', config, '--format', 'pdf', '-q', '-o', out],
                       check=True, timeout=900)
        names = sorted(n for n in os.listdir(out) if not n.startswith('.'))
        if names != ['bao-cao.pdf', 'phu-luc.pdf']:
            print(f'outputs {names}, expected bao-cao.pdf and phu-luc.pdf only')
            return 1
        for name in names:
            path = os.path.join(out, name)
            info = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
            if 'A4' not in info:
                print(f'{name} is not A4:\n{info}')
                return 1
            text = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True,
                                  text=True).stdout
            for figure in ['146.176', '42.870', '98,95%', '96,58%', '92,35%']:
                if figure not in text:
                    print(f'{name} does not show {figure}')
                    return 1
        text = subprocess.run(['pdftotext', os.path.join(out, 'bao-cao.pdf'), '-'],
                              capture_output=True, text=True).stdout
        if '454.076' not in text or 'Phụ lục 1' not in text:
            print('bao-cao.pdf lacks the narrative or the appendix title')
            return 1
    print('bao-cao.pdf and phu-luc.pdf written by LibreOffice')
    return 0


if __name__ == '__main__':
    sys.exit(main())
