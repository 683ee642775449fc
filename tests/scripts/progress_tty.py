#!/usr/bin/env python3
"""The progress line appears on stderr only when stderr is a terminal, and never with --quiet.

Runs a build of the 2024 sample with stderr on a pseudo-terminal (stdout on a pipe) and checks
the exact bytes written to the terminal; then the same with --quiet, which must write nothing.
(Builds with stderr on a pipe are the golden tests, whose stderr.txt holds no progress line.)
Usage: progress_tty.py NTREPORT_BINARY PERIOD_FOLDER
"""
import os, pty, shutil, subprocess, sys, tempfile

CLEAR = '\r\x1b[K'


def run_on_tty(args, cwd):
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=slave, env=dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8'))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.stdout.read()
    code = proc.wait()
    os.close(master)
    return code, b''.join(chunks).decode('utf-8').replace('\r\n', '\n')


def main():
    binary, period = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix='ntreport-tty-')
    try:
        base = [binary, 'build', '--config', os.path.join(period, 'ntreport.toml')]
        code, tty = run_on_tty(base + ['-o', os.path.join(tmp, 'a')], tmp)
        bar = lambda n: '#' * (20 * n // 3) + '.' * (20 - 20 * n // 3)
        want_lines = [f'ntreport: [{bar(n)}] {n}/3 files, 0 units, 0 appendices' for n in (1, 2, 3)]
        # 98 of the 100 units send figures: not vp-ubnd, nor the pure group so-tnmt.vpdkdd
        want_lines += ['ntreport: [' + '#' * 20 + '] 3/3 files, 98 units, 0 appendices',
                       'ntreport: [' + '#' * 20 + '] 3/3 files, 98 units, 3 appendices']
        want = ''.join(CLEAR + line for line in want_lines) + CLEAR
        if code != 0 or not tty.startswith(want):
            print(f'exit {code}; the terminal got:\n{tty!r}\nexpected it to start with:\n{want!r}')
            return 1
        rest = tty[len(want):]
        if CLEAR in rest or not rest.startswith(f'{period}/inputs/pl1-ho-so.csv:I107: warning'):
            print(f'after the progress line, expected the warning, got:\n{rest!r}')
            return 1
        code, tty = run_on_tty(base + ['-q', '-o', os.path.join(tmp, 'b')], tmp)
        if code != 0 or tty != '':
            print(f'--quiet: exit {code}, the terminal got {tty!r}, expected nothing')
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
