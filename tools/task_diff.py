#!/usr/bin/env python3
"""Every gold task found by `rasoat tasks` whose deadline is not the gold's, matched exactly as
../shared/gold/score.py matches them (the first extracted task whose line falls in the gold
task's lines; a deadline is right when both are empty or one normalised text holds the other).

    python tools/task_diff.py --gold ../shared/gold/corpus ../shared/gold/seeds \
        --docs ../shared/corpus/notices ../shared/seeds

Prints, for each wrong one: document, gold lines, gold item | extracted item, the gold's deadline
verdict, the gold text and the extracted text (with its kind), then the total.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from pathlib import Path


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").lower().split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rasoat", default=".venv/bin/rasoat")
    ap.add_argument("--gold", nargs="+", required=True, help="folders of gold files")
    ap.add_argument("--docs", nargs="+", required=True, help="folders of the documents")
    a = ap.parse_args()
    golds = {}
    for g in sorted(p for gd in a.gold for p in Path(gd).glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        golds[d["doc"]] = d
    paths = {}
    for name in golds:
        found = [Path(d) / name for d in a.docs if (Path(d) / name).is_file()]
        if not found:
            print(f"document {name} of the gold is in none of {a.docs}", file=sys.stderr)
            return 2
        paths[name] = str(found[0])
    names = sorted(paths)
    p = subprocess.run([a.rasoat, "tasks", "--format", "json", *[paths[n] for n in names]],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(f"{a.rasoat} tasks failed ({p.returncode}): {p.stderr.strip()[:500]}", file=sys.stderr)
        return 2
    tabled = {Path(f["path"]).name: f for f in json.loads(p.stdout)["files"]}
    ok = found = wrong = 0
    for name in names:
        g = golds[name]
        tasks = g.get("tasks", [])
        if g.get("kind") == "other" and not tasks and not g.get("tasks_annotated"):
            continue
        extracted = tabled.get(name, {}).get("tasks", [])
        used: set[int] = set()
        for t in tasks:
            lo, hi = t["lines"]
            cands = [j for j, e in enumerate(extracted) if j not in used and lo <= e["line"] <= hi]
            if not cands:
                continue
            used.add(cands[0])
            e = extracted[cands[0]]
            found += 1
            dl = e.get("deadline") or {}
            gd, ed = norm(t.get("deadline_text")), norm(dl.get("text"))
            if (not gd and not ed) or (gd and ed and (gd in ed or ed in gd)):
                ok += 1
                continue
            wrong += 1
            print(f"{name[:24]} l.{lo}-{hi} [{t.get('item', '')}|{e.get('item')}] {t.get('deadline')}\n"
                  f"   gold: {t.get('deadline_text') or ''!r}\n"
                  f"   got:  {dl.get('text') or ''!r} ({dl.get('kind')})\n"
                  f"   text: {t['text'][:70]}")
    print(f"deadline right {ok}/{found}; {wrong} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
