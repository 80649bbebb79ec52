#!/usr/bin/env python3
"""False alarms of the language rules on text known to be clean.

    python bench/lang_false_alarms.py [--rasoat .venv/bin/rasoat] [--quiet] [FOLDER …]

Runs `rasoat check --select L --format json` on the given folders (default: ../shared/corpus/other
and ../shared/regs: decisions, plans, letters and laws as published) and prints the L warnings and
errors per 100,000 syllables, then every remaining finding so that each can be judged. Info-level
findings are counted apart. `measure(paths, rasoat)` returns the figures for bench/quality.py.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus" / "other", ROOT.parent / "shared" / "regs"]
SYLLABLE = re.compile(r"[^\W\d_]+")
SUFFIXES = {".txt", ".md"}


def files_of(paths) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix in SUFFIXES and f.is_file()))
        elif p.is_file():
            out.append(p)
    return out


def measure(paths=None, rasoat: str | None = None) -> dict:
    """{"syllables", "findings" (warning+error), "info", "per_100k", "items": [(path, line, code,
    severity, message)]} for the L rules on the files under `paths`."""
    files = files_of(paths or DEFAULT)
    exe = rasoat or str(ROOT / ".venv" / "bin" / "rasoat")
    syllables = sum(len(SYLLABLE.findall(f.read_text(encoding="utf-8", errors="replace"))) for f in files)
    items, info = [], 0
    if files:
        run = subprocess.run([exe, "check", "--select", "L", "--format", "json", "--fail-on", "error", *map(str, files)],
                             capture_output=True, text=True, env=os.environ.copy())
        data = json.loads(run.stdout)
        for f in data["files"]:
            for d in f["diagnostics"]:
                if d["severity"] == "info":
                    info += 1
                else:
                    items.append((f["path"], d["line"], d["code"], d["severity"], d["message"]))
    return {"syllables": syllables, "findings": len(items), "info": info,
            "per_100k": (len(items) * 100000 / syllables) if syllables else 0.0, "items": items}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="False alarms of the L rules per 100,000 syllables of clean text.")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rasoat")
    ap.add_argument("--quiet", action="store_true", help="print the rate only")
    a = ap.parse_args(argv)
    r = measure(a.paths or None, a.rasoat)
    print(f"L warnings+errors: {r['findings']} on {r['syllables']} syllables = {r['per_100k']:.1f} per 100,000 "
          f"(info: {r['info']})")
    if not a.quiet:
        for path, line, code, sev, msg in r["items"]:
            print(f"  {Path(path).name}:{line} {code} [{sev}] {msg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
