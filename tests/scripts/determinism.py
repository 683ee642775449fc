#!/usr/bin/env python3
"""Builds one sample period twice and compares every output file byte for byte.

The two builds differ in everything that must not matter: the time (a second apart), the time
zone (TZ), the locale (LC_ALL), the working folder, how the paths of the inputs and of
ntreport.toml are spelled (absolute, or relative to the working folder) and the order of the
inputs on the command line. SOURCE_DATE_EPOCH is unset for both. Any difference in the set of files or in one byte of
one file fails the test.
Usage: determinism.py NTREPORT_BINARY PERIOD_FOLDER
"""
import filecmp, os, shutil, subprocess, sys, tempfile, time

INPUT_EXTENSIONS = ('.csv', '.tsv', '.xlsx', '.xlsm')


def inputs_of(period):
    found = []
    for root, _, files in os.walk(os.path.join(period, 'inputs')):
        found += [os.path.join(root, f) for f in files if f.lower().endswith(INPUT_EXTENSIONS)]
    return sorted(found)


def build(binary, period, inputs, cwd, tz, locale, relative=False):
    os.makedirs(cwd)
    env = {k: v for k, v in os.environ.items() if k not in ('SOURCE_DATE_EPOCH', 'LANG')}
    env.update(TZ=tz, LC_ALL=locale)
    config = os.path.join(period, 'ntreport.toml')
    if relative:  # the same files, spelled from the working folder, the config with a "./"
        config = './' + os.path.relpath(config, cwd)
        inputs = [os.path.relpath(i, cwd) for i in inputs]
    args = [binary, 'build', '--config', config, '-q', '-o', 'out']
    result = subprocess.run(args + inputs, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'build in {cwd} exited {result.returncode}:\n{result.stderr}')
    return os.path.join(cwd, 'out')


def main():
    binary, period = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    inputs = inputs_of(period)
    if len(inputs) < 1:
        sys.exit(f'no inputs under {period}/inputs')
    tmp = tempfile.mkdtemp(prefix='ntreport-determinism-')
    try:
        first = build(binary, period, inputs, os.path.join(tmp, 'a'), 'UTC', 'C.UTF-8')
        time.sleep(1.1)
        # UTC-14 and UTC+12 are a day apart: a date taken from the clock would differ.
        second = build(binary, period, list(reversed(inputs)),
                       os.path.join(tmp, 'b', 'elsewhere'), 'XYZ-14', 'POSIX', relative=True)
        names = sorted(os.listdir(first))
        if names != sorted(os.listdir(second)):
            sys.exit(f'different files: {names} vs {sorted(os.listdir(second))}')
        if 'summary.json' not in names or 'phu-luc.xlsx' not in names:
            sys.exit(f'expected summary.json and phu-luc.xlsx among {names}')
        differ = [n for n in names
                  if not filecmp.cmp(os.path.join(first, n), os.path.join(second, n), shallow=False)]
        if differ:
            sys.exit(f'these outputs differ between the two builds: {", ".join(differ)}')
        print(f'{len(names)} files identical: {", ".join(names)} ({len(inputs)} inputs)')
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
