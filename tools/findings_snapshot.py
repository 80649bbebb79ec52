#!/usr/bin/env python3
"""Findings byte for byte: a digest of `rasoat check --format json` on every real document of
../shared (the seeds, corpus/notices, corpus/other: the gold documents are these files), so that
a change made for speed can be shown to change no finding.

    python tools/findings_snapshot.py            # compare with tests/data/findings-digest.json
    python tools/findings_snapshot.py --write    # take a new reference (after a change of findings
                                                 # made on purpose, e.g. a merged rule change)

The reference keeps, per file, the SHA-256 of its JSON record (vi and en messages) and its
findings counted by code, so that a difference names the file and the codes that moved.
tests/test_same_findings.py runs the comparison.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
FOLDERS = ("seeds", "corpus/notices", "corpus/other")
REFERENCE = ROOT / "tests" / "data" / "findings-digest.json"
TODAY = "2026-01-15"  # fixed: D205 (overdue) depends on the day of the run


def files() -> list[Path]:
    return sorted(p for d in FOLDERS for p in (SHARED / d).glob("*.txt"))


def rasoat_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("rasoat")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "checker"]


def digest(jobs: int = 2) -> dict:
    """{"files": {name: {"sha256": {lang: hex}, "codes": {code: n}}}} of the current checkout."""
    paths = files()
    out: dict[str, dict] = {}
    for lang in ("vi", "en"):
        proc = subprocess.run(
            rasoat_cmd() + ["check", "--format", "json", "--today", TODAY, "--lang", lang, "-j", str(jobs),
                            *map(str, paths)],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
            env=dict(os.environ, RASOAT_NO_CACHE=os.environ.get("RASOAT_NO_CACHE", "")))
        if proc.returncode not in (0, 1):
            raise SystemExit(f"rasoat exited {proc.returncode}: {proc.stderr[-2000:]}")
        data = json.loads(proc.stdout)
        for rec in data["files"]:
            name = Path(rec["path"]).relative_to(SHARED).as_posix() if Path(rec["path"]).is_absolute() \
                else Path(rec["path"]).resolve().relative_to(SHARED.resolve()).as_posix()
            rec = dict(rec, path=name)
            entry = out.setdefault(name, {"sha256": {}, "codes": {}})
            blob = json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8")
            entry["sha256"][lang] = hashlib.sha256(blob).hexdigest()
            if lang == "vi":
                entry["codes"] = dict(sorted(Counter(d["code"] for d in rec["diagnostics"]).items()))
    return {"today": TODAY, "files": dict(sorted(out.items()))}


def compare(ref: dict, now: dict) -> list[str]:
    """What differs, one line per file (empty: byte-identical)."""
    problems = []
    for name in sorted(set(ref["files"]) | set(now["files"])):
        a, b = ref["files"].get(name), now["files"].get(name)
        if a is None or b is None:
            problems.append(f"{name}: {'new' if a is None else 'missing'}")
            continue
        if a["sha256"] == b["sha256"]:
            continue
        moved = {c: (a["codes"].get(c, 0), b["codes"].get(c, 0)) for c in set(a["codes"]) | set(b["codes"])
                 if a["codes"].get(c, 0) != b["codes"].get(c, 0)}
        langs = [k for k in a["sha256"] if a["sha256"][k] != b["sha256"].get(k)]
        what = ", ".join(f"{c} {x}→{y}" for c, (x, y) in sorted(moved.items())) or "same counts, other bytes"
        problems.append(f"{name} ({'/'.join(langs)}): {what}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the reference instead of comparing")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    if not (SHARED / "seeds").is_dir():
        print(f"../shared not found at {SHARED}", file=sys.stderr)
        return 2
    now = digest(args.jobs)
    if args.write:
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        REFERENCE.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {REFERENCE.relative_to(ROOT)}: {len(now['files'])} files")
        return 0
    problems = compare(json.loads(REFERENCE.read_text(encoding="utf-8")), now)
    for line in problems:
        print(line)
    print(f"{len(now['files'])} files: " + ("byte-identical" if not problems else f"{len(problems)} differ"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
