#!/usr/bin/env python3
"""Checks the #include edges between the stages against the layer order of docs/spec.md §10.

Usage: check_layers.py SOURCE_DIR
       check_layers.py --self-test      the checker on a small tree with one edge of each kind

The order is read from the fenced block of docs/spec.md that follows the line "Layer order:",
one layer a line, lowest first; a line may name several stages separated by spaces, which may
then include each other. A file belongs to the stage of its folder (src/<stage>/,
include/ntreport/<stage>/; src/pipeline.cpp and include/ntreport/pipeline.hpp to `pipeline`,
src/main.cpp to `main`). The rules:

- a file includes public headers ("ntreport/<stage>/…") only of its own layer or a lower one;
- a quoted include that is not a public header is a private header of the file's own folder;
- tests, fuzz targets and benchmarks include public headers only, never a file under src/;
- every stage found in the tree has a place in the order.

Prints one line per broken rule (file:line: what) and exits 1 when there is one.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_order(root):
    text = (root / 'docs' / 'spec.md').read_text(encoding='utf-8')
    m = re.search(r'^Layer order:.*?\n```[^\n]*\n(.*?)\n```', text, re.S | re.M)
    if not m:
        sys.exit('check_layers: no "Layer order:" block in docs/spec.md')
    rank = {}
    for i, line in enumerate(l for l in m.group(1).splitlines() if l.strip()):
        for stage in line.split('#')[0].split():
            rank[stage] = i
    return rank


def stage_of(rel):
    parts = rel.parts
    if parts[0] == 'src':
        return 'main' if rel.name == 'main.cpp' and len(parts) == 2 else (
            'pipeline' if len(parts) == 2 else parts[1])
    if parts[:2] == ('include', 'ntreport'):
        return 'pipeline' if len(parts) == 3 else parts[2]
    return None


def included_stage(target):
    """The stage of a public header "ntreport/<stage>/x.hpp", or None for another include."""
    p = target.split('/')
    if p[0] != 'ntreport':
        return None
    return 'pipeline' if len(p) == 2 else p[1]


def check(root):
    rank = layer_order(root)
    problems = []
    sources = [p for d in ('src', 'include') for p in sorted((root / d).rglob('*'))
               if p.suffix in ('.cpp', '.hpp', '.h')]
    for path in sources:
        rel = path.relative_to(root)
        stage = stage_of(rel)
        if stage not in rank:
            problems.append(f'{rel}: the stage "{stage}" has no place in the layer order')
            continue
        for n, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            to = included_stage(target)
            if to is None:
                if '/' in target or not (path.parent / target).is_file():
                    problems.append(f'{rel}:{n}: "{target}" is not a header of {rel.parent}/')
            elif to not in rank:
                problems.append(f'{rel}:{n}: "{target}": "{to}" has no place in the layer order')
            elif rank[to] > rank[stage]:
                problems.append(f'{rel}:{n}: {stage} includes {to}, a later layer ("{target}")')
    for d in ('tests', 'fuzz', 'bench'):
        for path in sorted((root / d).rglob('*')):
            if path.suffix not in ('.cpp', '.hpp', '.h', '.c'):
                continue
            for n, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
                m = INCLUDE.match(line)
                if m and re.search(r'(^|/)src/', m.group(1)):
                    problems.append(f'{path.relative_to(root)}:{n}: "{m.group(1)}" is private '
                                    'to its stage; include a public header')
    return problems


def self_test():
    """The checker finds each kind of broken rule in a tree made for it, and nothing in a tree
    that keeps them."""
    import tempfile
    files = {
        'docs/spec.md': 'Layer order:\n\n```\nlow\nhigh other\n```\n',
        'include/ntreport/low/a.hpp': '#include "ntreport/high/b.hpp"\n',
        'include/ntreport/high/b.hpp': '#include "ntreport/low/a.hpp"\n#include "ntreport/other/c.hpp"\n',
        'src/high/b.cpp': '#include "b_private.hpp"\n#include "../low/a_private.hpp"\n',
        'src/high/b_private.hpp': '',
        'src/low/a_private.hpp': '',
        'src/stray/d.cpp': '',
        'tests/unit/t.cpp': '#include "../../src/high/b_private.hpp"\n#include "ntreport/high/b.hpp"\n',
    }
    expected = [
        'src/high/b.cpp:2: "../low/a_private.hpp" is not a header of src/high/',
        'src/stray/d.cpp: the stage "stray" has no place in the layer order',
        'include/ntreport/low/a.hpp:1: low includes high, a later layer ("ntreport/high/b.hpp")',
        'tests/unit/t.cpp:1: "../../src/high/b_private.hpp" is private to its stage; include a '
        'public header',
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding='utf-8')
        found = check(root)
        if sorted(found) != sorted(expected):
            print('self-test: found', *found, sep='\n  ')
            return 1
        for name in ('src/stray/d.cpp', 'tests/unit/t.cpp', 'include/ntreport/low/a.hpp'):
            (root / name).unlink()
        (root / 'src/high/b.cpp').write_text('#include "b_private.hpp"\n', encoding='utf-8')
        found = check(root)
        if found:
            print('self-test: a clean tree gave', *found, sep='\n  ')
            return 1
    return 0


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    root = pathlib.Path(sys.argv[1])
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f'check_layers: {len(problems)} include edges break the layer order '
              '(docs/spec.md §10)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
