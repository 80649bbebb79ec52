#!/usr/bin/env python3
"""rasoat quality measured on real documents (never a test: it prints figures).

    python bench/quality.py                      # rasoat of this checkout (.venv/bin/rasoat or PATH)
    python bench/quality.py --rasoat .venv/bin/rasoat --json

1. The gold scorer (../shared/gold/score.py) over the visible gold (../shared/gold/corpus and
   ../shared/gold/seeds, documents in ../shared/corpus/notices and ../shared/seeds): per family
   of findings (warning+error) recall and precision, and task extraction (gold tasks found,
   extracted tasks that are gold tasks, lead right, deadline right).
2. Language findings (L7xx, warning+error) per 100,000 syllables on real texts with no
   annotated language defects to speak of: ../shared/corpus/other (decisions, plans, letters)
   and ../shared/regs (the decree and its annexes). On published text nearly every such finding
   is a false alarm, so this rate is the language rules' false-alarm rate.

The README section "Chất lượng đo trên văn bản thật" quotes the output of this script.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
ORDER = ["structure", "deadline", "owner", "agency", "citation", "numbering", "language", "input"]
SYLLABLE = re.compile(r"[^\W\d_]+")
TEXT_EXT = {".txt", ".md"}


def _rasoat(given: str | None) -> str:
    if given:
        return given
    local = ROOT / ".venv" / "bin" / "rasoat"
    return str(local) if local.exists() else (shutil.which("rasoat") or "rasoat")


def gold_figures(exe: str) -> dict:
    score = SHARED / "gold" / "score.py"
    cmd = [sys.executable, str(score), "--rasoat", exe, "--json",
           "--gold", str(SHARED / "gold" / "corpus"), str(SHARED / "gold" / "seeds"),
           "--docs", str(SHARED / "corpus" / "notices"), str(SHARED / "seeds")]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"score.py failed ({p.returncode}): {p.stderr.strip()[:500]}")
    return json.loads(p.stdout)


def language_rate(exe: str, folders: list[Path]) -> list[dict]:
    rows = []
    for folder in folders:
        files = sorted(f for f in folder.rglob("*") if f.suffix.lower() in TEXT_EXT and f.name not in ("SOURCES.md", "INDEX.md", "README.md"))
        if not files:
            continue
        p = subprocess.run([exe, "check", "--format", "json", "--select", "L", *map(str, files)],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"rasoat check failed ({p.returncode}): {p.stderr.strip()[:500]}")
        findings = sum(1 for f in json.loads(p.stdout)["files"] for d in f["diagnostics"]
                       if d["code"].startswith("L") and d["severity"] in ("warning", "error"))
        syllables = sum(len(SYLLABLE.findall(f.read_text(encoding="utf-8", errors="replace"))) for f in files)
        rows.append({"folder": str(folder.relative_to(SHARED.parent)) if SHARED.parent in folder.parents else str(folder),
                     "files": len(files), "syllables": syllables, "findings": findings,
                     "per_100k": round(findings * 100000 / syllables, 1) if syllables else None})
    return rows


def pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "–"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rasoat", help="the rasoat executable (default: .venv/bin/rasoat, else PATH)")
    ap.add_argument("--json", action="store_true", help="print one JSON object of the figures")
    a = ap.parse_args()
    if not (SHARED / "gold" / "score.py").is_file():
        sys.exit(f"{SHARED / 'gold' / 'score.py'} not found (set RASOAT_SHARED)")
    exe = _rasoat(a.rasoat)
    gold = gold_figures(exe)
    lang = language_rate(exe, [SHARED / "corpus" / "other", SHARED / "regs"])
    total = {"files": sum(r["files"] for r in lang), "syllables": sum(r["syllables"] for r in lang),
             "findings": sum(r["findings"] for r in lang)}
    total["per_100k"] = round(total["findings"] * 100000 / total["syllables"], 1) if total["syllables"] else None
    if a.json:
        print(json.dumps({"date": dt.date.today().isoformat(), "gold": gold, "language_rate": lang,
                          "language_rate_total": total}, ensure_ascii=False))
        return
    print(f"rasoat quality, {dt.date.today().isoformat()} (visible gold: ../shared/gold/corpus + ../shared/gold/seeds)\n")
    print(f"{'family':10} {'recall':>14} {'precision (warn+err)':>22}")
    for f in ORDER:
        s = gold["families"][f]
        judged = s["true"] + s["false"]
        print(f"{f:10} {s['recalled']:>4}/{s['defects']:<4} {pct(s['recalled'], s['defects']):>5}"
              f" {s['true']:>7}/{judged:<5} {pct(s['true'], judged):>6}")
    t = gold["tasks"]
    print(f"\ntasks: gold tasks found {t.get('found', 0)}/{t.get('gold', 0)} ({pct(t.get('found', 0), t.get('gold', 0))}); "
          f"extracted tasks that are gold {t.get('extracted_in_gold', 0)}/{t.get('extracted', 0)} "
          f"({pct(t.get('extracted_in_gold', 0), t.get('extracted', 0))}); "
          f"lead right {pct(t.get('lead_ok', 0), t.get('found', 0))}, deadline right {pct(t.get('deadline_ok', 0), t.get('found', 0))} of those found")
    print("\nlanguage findings (L, warning+error) per 100,000 syllables of published text:")
    for r in lang + [dict(total, folder="all")]:
        print(f"  {r['folder']:28} {r['files']:>3} files {r['syllables']:>8} syllables {r['findings']:>5} findings "
              f"{r['per_100k'] if r['per_100k'] is not None else '–':>7} per 100k")


if __name__ == "__main__":
    main()
