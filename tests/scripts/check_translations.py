#!/usr/bin/env python3
"""The test `translations` (docs/i18n.md): every message marked for translation in the sources
has a Vietnamese translation in po/vi.po with the same placeholders, every entry of po/vi.po is
used, msgfmt --check passes, and no message is left unmarked where messages are made
(diagnostics, help, printed lines, formatted text).

A string that must stay as it is (a command's name, a format of an output) is not prose; a line
that makes prose which is not a message (an output's fixed wording) carries the comment
`// not a message` with the reason.
Usage: check_translations.py SOURCE_DIR
"""
import os, re, subprocess, sys, tempfile

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
# English prose: two words of letters in a row.
PROSE = re.compile(r'[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}')
PLACEHOLDER = re.compile(r'\{[^{}]*\}')
# Where messages are made: the calls whose string arguments are shown to the user.
CALLS = re.compile(
    r'(?:\b\w*diags\w*(?:\.|->)(?:error|warning|note)|\berror_at|\badd_subcommand|\badd_option'
    r'|\badd_flag|\bprintf|\bfprintf|\bdescription|\bfooter|\bfmt::format|\bstd::runtime_error'
    r'|\bthrow_error|\bhint\s*=|\bmessage\s*=)\s*\(?')
MARKED = re.compile(r'\b(?:tr|trf|N_)\(\s*(?:' + LITERAL + r'\s*)+')


def parse_po(path):
    """[(msgid, msgstr, flags, obsolete)] of a .po/.pot file (no plural forms are used)."""
    entries, cur, field = [], None, None

    def finish():
        if cur is not None:
            entries.append(cur)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if line.startswith('#,'):
                finish()
                cur, field = {'msgid': '', 'msgstr': '', 'flags': line[2:], 'obsolete': False}, None
                continue
            if line.startswith('#') or not line.strip():
                continue
            m = re.match(r'(msgid|msgstr|msgctxt|msgid_plural)\s+(".*")$', line)
            if m:
                if m.group(1) == 'msgid' and (cur is None or cur.get('msgid_done')):
                    finish()
                    cur = {'msgid': '', 'msgstr': '', 'flags': '', 'obsolete': False}
                field = m.group(1)
                if field == 'msgid':
                    cur['msgid_done'] = True
                cur[field] = cur.get(field, '') + unquote(m.group(2))
                cur['obsolete'] = cur['obsolete'] or obsolete
            elif line.startswith('"') and cur is not None and field:
                cur[field] += unquote(line)
    finish()
    return entries


def unquote(s):
    return bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def placeholders(s):
    return sorted(PLACEHOLDER.findall(s.replace('{{', '').replace('}}', '')))


def unmarked(source_dir):
    """(file, line, text) of prose in a message-making call that is not marked."""
    found = []
    for root in ('src',):
        for dirpath, _, files in os.walk(os.path.join(source_dir, root)):
            for name in sorted(files):
                if not name.endswith(('.cpp', '.hpp')):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    lines = f.read().split('\n')
                found += unmarked_in(os.path.relpath(path, source_dir), lines)
    return found


def unmarked_in(rel, lines):
    found, seen = [], set()
    text = '\n'.join(lines)
    marked = [(m.start(), m.end()) for m in MARKED.finditer(text)]
    for call in CALLS.finditer(text):
        start = call.end()
        # A call's arguments end at its closing parenthesis; an assignment's at its ';'.
        args = call_text(text, start) if call.group(0).endswith('(') else \
            text[start:text.find(';', start) + 1]
        line_no = text.count('\n', 0, call.start()) + 1
        end_line = line_no + args.count('\n')
        if any('// not a message' in lines[i - 1] for i in range(line_no, end_line + 1)):
            continue
        for lit in re.finditer(LITERAL, args):
            at = start + lit.start()
            if at in seen or any(a <= at < b for a, b in marked):
                continue
            seen.add(at)
            if PROSE.search(lit.group(0)):
                found.append((rel, text.count('\n', 0, at) + 1, lit.group(0)))
    return found


def call_text(text, start):
    """The text from start to the parenthesis that closes the call (strings skipped)."""
    depth, i = 1, start
    while i < len(text) and depth > 0:
        c = text[i]
        if c == '"':
            m = re.compile(LITERAL).match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "'" and text[i:i + 3].count("'") >= 2:
            i = text.index("'", i + 1 + (text[i + 1] == '\\')) + 1
            continue
        depth += c == '('
        depth -= c == ')'
        i += 1
    return text[start:i]


def main():
    source = os.path.abspath(sys.argv[1])
    po = os.path.join(source, 'po', 'vi.po')
    failures = []
    r = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f'msgfmt --check po/vi.po:\n{r.stderr}')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'ntreport.pot')
        subprocess.run([os.path.join(source, 'scripts', 'po-extract.sh'), pot], check=True)
        wanted = {e['msgid'] for e in parse_po(pot) if e['msgid']}
    have = {}
    for e in parse_po(po):
        if not e['msgid']:
            continue
        if e['obsolete']:
            failures.append(f'po/vi.po: obsolete entry (delete it): {e["msgid"]!r}')
            continue
        have[e['msgid']] = e
    for msgid in sorted(wanted - have.keys()):
        failures.append(f'po/vi.po: no entry for {msgid!r} (run scripts/po-update.sh)')
    for msgid in sorted(have.keys() - wanted):
        failures.append(f'po/vi.po: {msgid!r} is used nowhere in the sources (delete it)')
    for msgid in sorted(wanted & have.keys()):
        e = have[msgid]
        if not e['msgstr']:
            failures.append(f'po/vi.po: {msgid!r} is not translated')
        elif 'fuzzy' in e['flags']:
            failures.append(f'po/vi.po: {msgid!r} is marked fuzzy (check it, remove the mark)')
        elif placeholders(msgid) != placeholders(e['msgstr']):
            failures.append(f'po/vi.po: {msgid!r}: the translation has placeholders '
                            f'{placeholders(e["msgstr"])}, the English {placeholders(msgid)}')
    for rel, line, lit in unmarked(source):
        failures.append(f'{rel}:{line}: a message not marked for translation: {lit}')
    for f in failures:
        print(f)
    print(f'{len(wanted)} messages, {len(failures)} problem(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
