#!/usr/bin/python3
"""Writes the seed corpus of one fuzz target into a folder, from the project's own files:
the test fixtures, the error-catalogue inputs and the sample periods. Workbooks are also
written with their parts stored uncompressed, so that mutations reach the XML instead of
breaking the deflate stream (the reader parses a part before its checksum is verified).

Usage: make_seeds.py TARGET OUT_DIR
"""
import glob
import hashlib
import io
import os
import shutil
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SEED = 64 * 1024  # larger seeds slow every mutation down


def files(*patterns):
    out = []
    for p in patterns:
        out += glob.glob(os.path.join(ROOT, p), recursive=True)
    return sorted(f for f in out if os.path.isfile(f) and os.path.getsize(f) <= MAX_SEED)


def stored(data):
    """The same archive with every part stored, or None when it is no readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as dst:
                for info in src.infolist():
                    dst.writestr(zipfile.ZipInfo(info.filename, info.date_time), src.read(info))
            return buf.getvalue()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return None


def seeds(target):
    csv = ["tests/fixtures/**/*.csv", "tests/errors/**/*.csv", "tests/golden/**/*.csv"]
    if target == "csv":
        return [open(f, "rb").read() for f in files(*csv)]
    if target == "ingest":
        return [open(f, "rb").read() for f in files(*csv, "data/samples/*/inputs/*.csv")]
    if target == "count":
        return [open(f, "rb").read() for f in files("fuzz/seeds/count/*")]
    if target == "header":
        return [open(f, "rb").read() for f in files("fuzz/seeds/header/*")]
    if target == "summary":
        return [open(f, "rb").read() for f in files("tests/golden/**/*.json",
                                                      "tests/errors/**/*.json")]
    if target == "xlsx":
        out = []
        for f in files("tests/fixtures/**/*.xlsx", "tests/errors/**/*.xlsx"):
            data = open(f, "rb").read()
            out.append(data)
            again = stored(data)
            if again is not None and len(again) <= MAX_SEED:
                out.append(again)
        return out
    sys.exit(f"make_seeds.py: unknown target {target}")


def main():
    target, out_dir = sys.argv[1], sys.argv[2]
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    for data in seeds(target):
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
