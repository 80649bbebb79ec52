#!/usr/bin/env python3
"""Workloads for instruction counts (valgrind's callgrind), which stay stable to ~0.1 % on a loaded
machine where wall-clock time does not: the figures the README quotes for a change's effect.

    python bench/instructions.py seed   # one notice (seed 000): imports, set-up, first document
    python bench/instructions.py warm   # imports + 3 ../shared/regs texts (the one-time set-up)
    python bench/instructions.py docs   # warm, then the 31 distinct real documents of ../shared once each

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/instructions.py docs 2>&1 | grep Collected

Per distinct document = (docs − warm) / 31. Fix the hash seed: with a random one, the order of
sets and dicts, and so when the cyclic collector runs, differ between runs (the same code's "warm"
read 4,208 M and 4,343 M in two runs). Run each workload once untimed first: a code change
makes the first run rebuild the per-user state file. For a whole `rasoat check` process, run
callgrind on `python -m checker check --quiet ../shared/seeds/000_0ecd264c0f8cb733.txt`.
Nothing here is a test.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in ("seed", "warm", "docs"):
        print(__doc__, file=sys.stderr)
        return 2
    from checker import pipeline

    pipeline.FREEZE_SET_UP = True  # as in the rasoat command: the set-up frozen after the first check

    mode, s = args[0], pipeline.RunSettings()
    if not (SHARED / "seeds").is_dir():
        print(f"../shared not found at {SHARED}", file=sys.stderr)
        return 2
    if mode == "seed":
        pipeline.check_path(str(SHARED / "seeds" / "000_0ecd264c0f8cb733.txt"), s)
        return 0
    for p in sorted((SHARED / "regs").glob("*.md"))[:3]:
        pipeline.check_path(str(p), s)
    if mode == "docs":
        docs = [p for d in ("seeds", "corpus/notices", "corpus/other") for p in sorted((SHARED / d).glob("*.txt"))]
        for p in docs:
            pipeline.check_path(str(p), s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
