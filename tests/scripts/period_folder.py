#!/usr/bin/env python3
"""`ntreport init` makes a period folder in which build, check, status and template need no
arguments, and command-line options override the folder's settings.

The 2024 sample's inputs and aliases are copied into a folder made by init; the build there
must write the golden appendices of the sample.
Usage: period_folder.py NTREPORT_BINARY SAMPLE_2024_DIR GOLDEN_SAMPLE_2024_DIR
"""
import os, shutil, subprocess, sys, tempfile

ENV = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8')
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(binary, *args, cwd):
    r = subprocess.run([binary, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def main():
    binary, sample, golden = (os.path.abspath(a) for a in sys.argv[1:4])
    tmp = tempfile.mkdtemp(prefix='ntreport-period-')
    try:
        code, out, err = run(binary, 'init', 'p2024', '--from', '2024-01-01', '--to',
                             '2024-08-28', cwd=tmp)
        check(code == 0 and err == '', f'init: exit {code}, {err}')
        folder = os.path.join(tmp, 'p2024')
        check(sorted(os.listdir(folder)) == ['aliases.csv', 'inputs', 'ntreport.toml'],
              f'init wrote {sorted(os.listdir(folder))}')
        toml = read(os.path.join(folder, 'ntreport.toml'))
        for line in ('title = "Ủy ban nhân dân tỉnh Ninh Thuận"', 'aliases = ["aliases.csv"]',
                     'inputs = ["inputs"]', 'output = "out"', 'forms = "forms"',
                     '[period]\nfrom = "2024-01-01"\nto = "2024-08-28"\n'):
            check(line in toml, f'ntreport.toml lacks {line!r}:\n{toml}')

        code, out, err = run(binary, 'init', 'p2024', '--from', '2024-01-01', '--to',
                             '2024-08-28', cwd=tmp)
        check(code == 2 and err == 'p2024/aliases.csv: error[would-overwrite]: ntreport did not '
              'write this file; writing here would replace it (move it elsewhere, or give --force '
              'to replace it)\np2024/ntreport.toml: error[would-overwrite]: ntreport did not '
              'write this file; writing here would replace it (move it elsewhere, or give --force '
              'to replace it)\nntreport: 2 errors, 0 warnings\n',
              f'second init: exit {code}, {err!r}')

        shutil.copy(os.path.join(sample, 'aliases.csv'), folder)
        # the sample's reference line, which the golden appendices print under their titles
        reference = next(l for l in read(os.path.join(sample, 'ntreport.toml')).splitlines()
                         if l.startswith('reference = '))
        with open(os.path.join(folder, 'ntreport.toml'), 'w', encoding='utf-8') as f:
            f.write(reference + '\n' + toml)
        for name in sorted(os.listdir(os.path.join(sample, 'inputs'))):
            shutil.copy(os.path.join(sample, 'inputs', name), os.path.join(folder, 'inputs'))

        code, out, err = run(binary, 'check', cwd=folder)
        check(code == 0 and 'warning[subtotal-mismatch]' in err, f'check: exit {code}, {err}')
        code, out, err = run(binary, 'build', '-q', cwd=folder)
        check(code == 0 and out == '' and err == '', f'build: exit {code}, {out}{err}')
        for name in ('ho-so.md', 'so-hoa.md', 'thanh-toan.md'):
            built = os.path.join(folder, 'out', name)
            check(os.path.exists(built) and
                  read(built) == read(os.path.join(golden, 'expected', name)),
                  f'out/{name} differs from the golden sample build')
        # --only over the full build: the folder holds that one build, not the earlier
        # appendices beside a workbook that no longer has them (issue finding: mixed folder).
        code, out, err = run(binary, 'build', '-q', '--only', 'ho-so', cwd=folder)
        check(code == 0 and sorted(os.listdir(os.path.join(folder, 'out'))) ==
              ['.ntreport-manifest', 'ho-so.md', 'phu-luc.xlsx', 'summary.json',
               'thuyet-minh.md'] and
              read(os.path.join(folder, 'out', 'thuyet-minh.md')).count('- **') == 1,
              f'build --only ho-so over the full build: exit {code}, '
              f'{sorted(os.listdir(os.path.join(folder, "out")))}, {err}')
        # The command line overrides the folder's settings.
        code, out, err = run(binary, 'build', '-q', '-o', 'elsewhere', '--only', 'so-hoa',
                             cwd=folder)
        check(code == 0 and sorted(os.listdir(os.path.join(folder, 'elsewhere'))) ==
              ['.ntreport-manifest', 'phu-luc.xlsx', 'so-hoa.md', 'summary.json',
               'thuyet-minh.md'],
              f'build -o elsewhere: {err}')

        code, out, err = run(binary, 'status', '-q', cwd=folder)
        check(code == 0 and out.startswith('## ho-so (hồ sơ thủ tục hành chính): 99 đã báo cáo, '
                                           '0 báo cáo thiếu, 1 chưa báo cáo / 100 đơn vị\n'),
              f'status: exit {code}\n{out}{err}')

        code, out, err = run(binary, 'template', cwd=folder)
        forms = sorted(n for n in os.listdir(os.path.join(folder, 'forms'))
                       if not n.startswith('.'))
        # every unit without a roll-up parent: 100 less the 9 sub-units of so-tnmt
        check(code == 0 and len(forms) == 91 and 'so-tnmt.xlsx' in forms and
              'so-tnmt.van-phong.xlsx' not in forms and 'prtc.bao-an.xlsx' in forms,
              f'template: exit {code}, {len(forms)} forms, {err}')
        # in Vietnamese: the folder's ntreport.toml, as init writes it, says lang = "vi"
        check(out == 'ntreport: đã ghi 91 tệp Excel nhập liệu vào forms\n',
              f'template said {out!r}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
