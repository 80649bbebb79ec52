#!/usr/bin/env python3
"""Where the CPU time of `rasoat check` goes, in one process over the benchmark corpus: the split
by step (reading, structure, each rule) and, with --cprofile, the functions.

    python bench/cpu_split.py                     # per-step and per-rule split (CPU ms per document)
    python bench/cpu_split.py --cprofile 30       # and the 30 costliest functions (cumulative)
    python bench/cpu_split.py --limit 100         # the first 100 documents only
    python bench/cpu_split.py --distinct          # each distinct document once, none seen before

The corpus is 20 copies of 31 real documents, each copy with a last line of its own, so no cache of
whole documents serves a copy; caches keyed on a paragraph's text (the language rules keep some) do
serve the repeated paragraphs. --distinct measures each of the 31 documents once, after warming up
on other texts (../shared/regs), so that no paragraph of a measured document was seen before: the
figure for an archive whose paragraphs do not repeat.

The first --warm documents are checked before the clock starts (the one-time set-up of registries,
lexicons and tables is start-up, measured by bench/run.py). A rule is charged with what it computes first (a fact several rules share is charged to the first
one that asks for it: run with --facts-first to compute the shared facts before the rules).
Nothing here is a test: targets are in bench/run.py and the README.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(HERE / "corpus"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--facts-first", action="store_true")
    ap.add_argument("--warm", type=int, default=31, help="documents checked first, not counted (one-time set-up)")
    ap.add_argument("--sort", default="tottime", help="cProfile order: tottime, cumulative")
    ap.add_argument("--distinct", action="store_true",
                    help="each distinct document once, warmed up on other texts (no paragraph seen before)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from run import build_corpus

    corpus = Path(args.corpus)
    build_corpus(corpus)
    paths = sorted(corpus.glob("*.txt"))
    warm = paths[: args.warm]
    if args.distinct:
        first: dict[str, Path] = {}
        for p in paths:  # "<copy>_<name>": keep one copy of each name
            first.setdefault(p.name.split("_", 1)[-1], p)
        paths = sorted(first.values())
        warm = sorted((HERE.parent.parent / "shared" / "regs").glob("*.md"))[: args.warm]
        if not warm:
            print("cpu_split: --distinct warms up on ../shared/regs/*.md, which is missing", file=sys.stderr)
            return 2
    paths = paths[: args.limit or None]

    from checker import engine, pipeline

    pipeline.FREEZE_SET_UP = True  # as in the rasoat command: the set-up frozen after the first check

    s = pipeline.RunSettings()
    plan = pipeline.plan_for(str(paths[0]), s)  # every file of the corpus has the same plan
    per: dict[str, float] = defaultdict(float)
    clock = time.process_time
    real_run = engine.run_rules

    def timed_rules(doc, rules, debug=False):
        t = clock()
        doc.kind  # noqa: B018 - the structure, charged to its own step
        per["(structure)"] += clock() - t
        if args.facts_first:
            t = clock()
            f = doc.facts
            for name in ("tasks", "citations", "agencies"):
                getattr(f, name, None)
            per["(facts)"] += clock() - t
        for r in rules:
            t = clock()
            yield from real_run(doc, [r], debug)
            per[r.code] += clock() - t

    for p in warm:
        pipeline.check_path(str(p), s)
    engine.run_rules = timed_rules
    pipeline.check_document.__globals__["run_rules"] = timed_rules
    real_load = pipeline.load

    def timed_load(*a, **k):
        t = clock()
        try:
            return real_load(*a, **k)
        finally:
            per["(read)"] += clock() - t

    pipeline.load = timed_load
    prof = cProfile.Profile() if args.cprofile else None
    t0 = clock()
    if prof:
        prof.enable()
    for p in paths:
        pipeline.check_path(str(p), s)
    if prof:
        prof.disable()
    total = clock() - t0
    n = len(paths)
    print(f"{n} {'distinct ' if args.distinct else ''}documents, {total / n * 1000:.1f} ms CPU per document (one process{', under cProfile' if prof else ''})")
    for name, sec in sorted(per.items(), key=lambda kv: -kv[1])[:40]:
        print(f"  {name:<14} {sec / n * 1000:7.2f} ms  {sec / total * 100:5.1f} %")
    rest = total - sum(per.values())
    print(f"  {'(other)':<14} {rest / n * 1000:7.2f} ms  {rest / total * 100:5.1f} %")
    if prof:
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
