#!/usr/bin/env python3
"""Runs one golden case: the real ntreport binary on the case's arguments, its outputs
compared with the case's expected files.

A case is a folder tests/golden/<case>/ holding
  args        the arguments, one per line; {out} stands for a fresh output folder
  expected/   the expected files: any output file by name (ho-so.md, summary.json …),
              <name>.xlsx.txt for a text dump of an XLSX output (tests/scripts/xlsx_dump.py),
              <name>.docx.txt for one of a Word output (tests/scripts/docx_dump.py),
              stderr.txt, stdout.txt (with {out} for the output folder) and exit-code.txt
  setup-*.args  optional earlier runs of the binary, in name order, each of which must exit 0
              (e.g. the two builds a diff compares); {tmp} stands for a fresh folder shared by
              every run of the case
  env         optional: environment variables of every run, NAME=VALUE one per line (PATH=…
              for a machine without a program)
  tmp/        optional files copied into {tmp} before any run: a folder the case changes (an
              output folder holding earlier files), which the case folder itself never is
  (inputs)    anything else the arguments name, relative to the case folder

The binary runs in the case folder, under TZ=UTC and LC_ALL=C.UTF-8 unless the args say
otherwise. With UPDATE_GOLDEN=1 the expected files present are rewritten from the actual
outputs, so that a reviewer reads the change as a git diff.
Usage: run_golden.py CASE_DIR NTREPORT_BINARY
"""
import difflib, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DUMP = os.path.join(HERE, '..', 'scripts', 'xlsx_dump.py')
DOCX_DUMP = os.path.join(HERE, '..', 'scripts', 'docx_dump.py')


def read_args(path):
    with open(path, encoding='utf-8') as f:
        return [line.rstrip('\n') for line in f if line.strip() and not line.startswith('#')]


def placeholders(text, out, tmp):
    return text.replace(out, '{out}').replace(tmp, '{tmp}')


def actual_text(name, out, tmp, result):
    if name == 'stderr.txt':
        return placeholders(result.stderr, out, tmp)
    if name == 'stdout.txt':
        return placeholders(result.stdout, out, tmp)
    if name == 'exit-code.txt':
        return f'{result.returncode}\n'
    if name.endswith('.xlsx.txt') or name.endswith('.docx.txt'):
        path = os.path.join(out, name[:-len('.txt')])
        if not os.path.exists(path):
            return f'(no file {name[:-4]})\n'
        dump = DUMP if name.endswith('.xlsx.txt') else DOCX_DUMP
        return subprocess.run([sys.executable, dump, path], check=True, capture_output=True,
                              text=True).stdout
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return f'(no file {name})\n'
    with open(path, encoding='utf-8', newline='') as f:  # byte for byte: no "\r\n" → "\n"
        return f.read()


def main():
    case, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    update = os.environ.get('UPDATE_GOLDEN') == '1'
    args = read_args(os.path.join(case, 'args'))
    tmp = tempfile.mkdtemp(prefix='ntreport-golden-')
    out = os.path.join(tmp, 'out')
    try:
        env = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8')
        env.pop('SOURCE_DATE_EPOCH', None)
        if os.path.exists(os.path.join(case, 'env')):
            for line in read_args(os.path.join(case, 'env')):
                name, _, value = line.partition('=')
                env[name] = value

        def run(argv):
            argv = [a.replace('{out}', out).replace('{tmp}', tmp) for a in argv]
            r = subprocess.run([binary] + argv, cwd=case, env=env, capture_output=True,
                               timeout=300)
            # Decoded without newline translation, so that a "\r\n" shows as a difference.
            r.stdout, r.stderr = r.stdout.decode('utf-8'), r.stderr.decode('utf-8')
            return r

        if os.path.isdir(os.path.join(case, 'tmp')):
            shutil.copytree(os.path.join(case, 'tmp'), tmp, dirs_exist_ok=True, symlinks=True)
        for setup in sorted(n for n in os.listdir(case) if n.startswith('setup-')):
            before = run(read_args(os.path.join(case, setup)))
            if before.returncode != 0:
                print(f'{setup} exited {before.returncode}:\n{before.stderr}')
                return 1
        result = run(args)
        expected_dir = os.path.join(case, 'expected')
        failures = 0
        for name in sorted(os.listdir(expected_dir)):
            want_path = os.path.join(expected_dir, name)
            got = actual_text(name, out, tmp, result)
            with open(want_path, encoding='utf-8', newline='') as f:
                want = f.read()
            if got == want:
                continue
            if update:
                with open(want_path, 'w', encoding='utf-8') as f:
                    f.write(got)
                print(f'updated {os.path.relpath(want_path)}')
                continue
            failures += 1
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), f'expected/{name}', f'actual/{name}'))
        if failures:
            print(f'\n{failures} file(s) differ; stderr was:\n{result.stderr}')
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
