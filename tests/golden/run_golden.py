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
otherwise, twice: in English, then with LANGUAGE=vi (docs/i18n.md). Every output file must be
the same in both; stderr.vi.txt and stdout.vi.txt, when present, are the Vietnamese run's
streams (with --require-vi, a case with stderr.txt must have stderr.vi.txt: the error catalogue). With UPDATE_GOLDEN=1 the expected files present are rewritten from the actual
outputs, so that a reviewer reads the change as a git diff.
Usage: run_golden.py CASE_DIR NTREPORT_BINARY [--require-vi]
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


def run_case(case, binary, args, lang):
    """Runs the case's setup and its arguments in a fresh folder: (result, out, tmp)."""
    tmp = tempfile.mkdtemp(prefix='ntreport-golden-')
    out = os.path.join(tmp, 'out')
    env = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8')
    for name in ('SOURCE_DATE_EPOCH', 'LANGUAGE', 'LC_MESSAGES', 'LANG'):
        env.pop(name, None)
    if lang == 'vi':
        env['LANGUAGE'] = 'vi'
    if os.path.exists(os.path.join(case, 'env')):
        for line in read_args(os.path.join(case, 'env')):
            name, _, value = line.partition('=')
            env[name] = value

    def run(argv):
        argv = [a.replace('{out}', out).replace('{tmp}', tmp) for a in argv]
        r = subprocess.run([binary] + argv, cwd=case, env=env, capture_output=True, timeout=300)
        # Decoded without newline translation, so that a "\r\n" shows as a difference.
        r.stdout, r.stderr = r.stdout.decode('utf-8'), r.stderr.decode('utf-8')
        return r

    if os.path.isdir(os.path.join(case, 'tmp')):
        shutil.copytree(os.path.join(case, 'tmp'), tmp, dirs_exist_ok=True, symlinks=True)
    for setup in sorted(n for n in os.listdir(case) if n.startswith('setup-')):
        before = run(read_args(os.path.join(case, setup)))
        if before.returncode != 0:
            raise RuntimeError(f'{setup} exited {before.returncode} ({lang}):\n{before.stderr}')
    return run(args), out, tmp


def compare(expected_dir, names, actual, update):
    """The number of expected files that differ from actual(name) (rewritten under update)."""
    failures = 0
    for name, want_name in names:
        want_path = os.path.join(expected_dir, want_name)
        got = actual(name)
        want = None
        if os.path.exists(want_path):
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
            (want or '').splitlines(True), got.splitlines(True), f'expected/{want_name}',
            f'actual/{want_name}'))
    return failures


def main():
    case, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    require_vi = '--require-vi' in sys.argv[3:]
    update = os.environ.get('UPDATE_GOLDEN') == '1'
    args = read_args(os.path.join(case, 'args'))
    expected_dir = os.path.join(case, 'expected')
    files = sorted(os.listdir(expected_dir))
    streams = {'stderr.txt', 'stdout.txt'}
    english = [(n, n) for n in files if '.vi.' not in n]
    vi_names = [(n, n) for n in files if '.vi.' not in n and n not in streams]
    for n in sorted(streams):
        vi = n.replace('.txt', '.vi.txt')
        if vi in files or (require_vi and n in files):
            vi_names.append((n, vi))
    failures = 0
    # NTR_GOLDEN_LANGS=en: the English run only (the sanitizer build of .ci/run, for time).
    langs = os.environ.get('NTR_GOLDEN_LANGS', 'en vi').split()
    for lang, names in (('en', english), ('vi', vi_names)):
        if lang not in langs:
            continue
        try:
            result, out, tmp = run_case(case, binary, args, lang)
        except RuntimeError as e:
            print(e)
            return 1
        try:
            bad = compare(expected_dir, names, lambda n: actual_text(n, out, tmp, result), update)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if bad:
            print(f'\n{bad} file(s) differ in the {lang} run; stderr was:\n{result.stderr}')
        failures += bad
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
