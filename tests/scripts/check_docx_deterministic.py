#!/usr/bin/env python3
"""The Word document is the same bytes whatever the clock, time zone, locale or working folder:
builds the 2023 sample twice (a second apart, in two time zones and folders) and compares the
files; every zip entry carries the period's last day, never the build time.
Usage: check_docx_deterministic.py NTREPORT_BINARY SOURCE_DIR
"""
import os, subprocess, sys, tempfile, time, zipfile


def build(binary, config, tz, cwd, out):
    env = dict(os.environ, TZ=tz, LC_ALL='C.UTF-8')
    env.pop('SOURCE_DATE_EPOCH', None)
    subprocess.run([binary, 'build', '--config', config, '--format', 'docx', '-q', '-o', out],
                   cwd=cwd, env=env, check=True)
    with open(os.path.join(out, 'bao-cao.docx'), 'rb') as f:
        return f.read()


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    config = os.path.join(source, 'data', 'samples', '2023', 'ntreport.toml')
    with tempfile.TemporaryDirectory() as tmp:
        a = build(binary, config, 'UTC', tmp, os.path.join(tmp, 'a'))
        time.sleep(2.1)  # zip times have a resolution of two seconds
        b = build(binary, config, 'Asia/Ho_Chi_Minh', source, os.path.join(tmp, 'b'))
        if a != b:
            print('the two builds differ')
            return 1
        with zipfile.ZipFile(os.path.join(tmp, 'a', 'bao-cao.docx')) as z:
            dates = {i.date_time for i in z.infolist()}
        if dates != {(2023, 6, 12, 0, 0, 0)}:
            print(f'zip entry times {dates}, expected the period end 2023-06-12 only')
            return 1
    print('bao-cao.docx: the same bytes in both builds')
    return 0


if __name__ == '__main__':
    sys.exit(main())
