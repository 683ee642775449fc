#!/usr/bin/env python3
"""Writes docs/loi.md — the error catalogue in Vietnamese — from the one catalogue
(include/ntreport/diag/catalogue.hpp: code, exit status, severity, summary), the summaries'
translations in po/vi.po, and for each code an example: the first message of its first case's
Vietnamese stderr (tests/errors/<code>/…/expected/stderr.vi.txt). Nothing in it is written by
hand, so it cannot drift; the CTest errors-doc-vi runs this with --check.
Usage: scripts/errors-doc-vi.py [--check]
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'scripts'))
from check_translations import parse_po  # noqa: E402

LIT = r'"(?:[^"\\\n]|\\.)*"'
EXIT = {'D': 1, 'U': 2, 'IO': 3, 'OK': 0, 'ExitCode::internal': 4}
SEVERITY = {'E': 'lỗi', 'W': 'cảnh báo', 'N': 'ghi chú'}

HEAD = '''# Lỗi và cảnh báo

<!-- Tệp này do scripts/errors-doc-vi.py viết từ danh mục lỗi của chương trình
(include/ntreport/diag/catalogue.hpp), bản dịch trong po/vi.po và các ca kiểm thử
tests/errors/; không sửa bằng tay. Bản tiếng Anh: errors.md. -->

`ntreport check` và `ntreport build` đọc hết mọi tệp đầu vào và báo mọi vấn đề trong một lần
chạy; `build` chỉ ghi kết quả khi không có lỗi nào (với `--strict`: cả cảnh báo). Mỗi vấn đề
là một dòng:

```
TỆP:'TRANG TÍNH'!Ô: error[mã]: nội dung (gợi ý)      một ô của trang tính
TỆP:Ô: warning[mã]: nội dung (gợi ý)                 một ô của tệp CSV
TỆP:DÒNG: error[mã]: nội dung                        một dòng của tệp TOML
TỆP: error[mã]: nội dung                             cả tệp
ntreport: error[mã]: nội dung                        dòng lệnh
```

Chữ `error`, `warning`, `note` và mã lỗi giữ nguyên trong cả hai ngôn ngữ để các tệp lệnh
đọc được; nội dung và gợi ý theo ngôn ngữ đã chọn (`--lang vi`, `lang = "vi"` trong
ntreport.toml, hoặc biến môi trường `LANGUAGE`/`LANG`; xem i18n.md).

## Mã thoát

| mã thoát | ý nghĩa |
|---|---|
| 0 | thành công; cho phép cảnh báo, trừ khi dùng `--strict` |
| 1 | số liệu đầu vào có vấn đề (hoặc có cảnh báo khi dùng `--strict`) |
| 2 | cách dùng hoặc cấu hình: dòng lệnh, `ntreport.toml`, danh mục đơn vị, tên gọi khác, mẫu |
| 3 | không đọc hoặc ghi được một tệp hay thư mục |
| 4 | lỗi nội bộ (lỗi của ntreport) |

## Danh mục

| mã | mã thoát | mức độ | ý nghĩa | ví dụ |
|---|---|---|---|---|
'''


def catalogue():
    with open(os.path.join(ROOT, 'include', 'ntreport', 'diag', 'catalogue.hpp'),
              encoding='utf-8') as f:
        text = f.read()
    pattern = (r'CodeInfo\{"([a-z0-9-]+)",\s*([A-Za-z:]+),\s*([A-Z]),\s*N_\(((?:' + LIT +
               r'\s*)+)\)\}')
    for m in re.finditer(pattern, text):
        summary = ''.join(bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1')
                          .decode('utf-8') for s in re.findall(LIT, m.group(4)))
        yield m.group(1), EXIT[m.group(2)], SEVERITY[m.group(3)], summary


def example(code):
    base = os.path.join(ROOT, 'tests', 'errors', code)
    for dirpath, dirs, files in sorted(os.walk(base)):
        dirs.sort()
        if 'stderr.vi.txt' not in files:
            continue
        with open(os.path.join(dirpath, 'stderr.vi.txt'), encoding='utf-8') as f:
            for line in f:
                marker = f'[{code}]: '
                if marker in line:
                    return line.split(marker, 1)[1].rstrip('\n')
    return ''


def cell(text):
    return text.replace('|', '\\|')


def main():
    po = {e['msgid']: e['msgstr'] for e in parse_po(os.path.join(ROOT, 'po', 'vi.po'))}
    out = HEAD
    for code, exit_status, severity, summary in catalogue():
        meaning = po.get(summary) or summary
        ex = example(code)
        out += (f'| `{code}` | {exit_status} | {severity} | {cell(meaning)} | '
                f'{"`" + cell(ex) + "`" if ex else ""} |\n')
    path = os.path.join(ROOT, 'docs', 'loi.md')
    if '--check' in sys.argv[1:]:
        with open(path, encoding='utf-8') as f:
            if f.read() != out:
                print('docs/loi.md is not what scripts/errors-doc-vi.py writes; run it')
                return 1
        return 0
    with open(path, 'w', encoding='utf-8') as f:
        f.write(out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
