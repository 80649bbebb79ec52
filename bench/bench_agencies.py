#!/usr/bin/env python3
"""Benchmark of the agency matcher (issue 4, acceptance 4): matching all mentions of a 20 KB
notice takes under 10 ms. A benchmark that prints its figures, never a timed test.

    python bench/bench_agencies.py              # every real notice of ../shared of 15-25 KB
    python bench/bench_agencies.py --runs 200   # more runs per notice

What is timed: finding and judging every mention of a body, province or place in all the
paragraphs of one notice (checker.extract.agencies.scan_paragraph over the paragraphs), with
the registry loaded and indexed once beforehand (it is, once per process, in a real run) and
the text already read and split into paragraphs (the reader's work, shared by every rule).
Reported: median and best wall time, median process (CPU) time, and the number of mentions.
The CPU time is the figure to compare with the target on a shared, loaded machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
TARGET_MS = 10.0


def notices() -> list[Path]:
    files = sorted((SHARED / "seeds").glob("0*.txt")) + sorted((SHARED / "corpus" / "notices").glob("0*.txt"))
    return [f for f in files if 15_000 <= f.stat().st_size <= 25_000]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=100)
    args = ap.parse_args(argv)

    from checker.document import load_path
    from checker.extract.agencies import index_for, registry_for, scan_paragraph

    files = notices()
    if not files:
        print(f"no notice of 15-25 KB under {SHARED}: nothing to measure")
        return 1
    t0 = time.perf_counter()
    first = load_path(files[0])
    ix = index_for(registry_for(first))
    print(f"registry loaded and indexed once: {(time.perf_counter() - t0) * 1000:.0f} ms "
          f"({len(ix.registry.agencies)} bodies, {len(ix.registry.provinces)} provinces, "
          f"{len(ix.registry.places)} places)")
    print(f"{'notice':45} {'KB':>5} {'mentions':>8} {'wall med':>9} {'wall best':>9} {'cpu med':>8}")
    cpu_medians = []
    for f in files:
        doc = load_path(f)
        paras = doc.paragraphs

        def run():
            n = 0
            for p in paras:
                n += len(scan_paragraph(ix, p))
            return n

        n = run()  # warm the per-word caches, as the first paragraphs of a run do
        walls, cpus = [], []
        for _ in range(args.runs):
            w, c = time.perf_counter(), time.process_time()
            run()
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        cpu = statistics.median(cpus) * 1000
        cpu_medians.append(cpu)
        print(f"{f.name[:45]:45} {f.stat().st_size / 1000:5.1f} {n:8} {statistics.median(walls) * 1000:7.2f}ms "
              f"{min(walls) * 1000:7.2f}ms {cpu:6.2f}ms")
    worst = max(cpu_medians)
    print(f"median CPU time per notice: {statistics.median(cpu_medians):.2f} ms; worst notice {worst:.2f} ms; "
          f"target {TARGET_MS:.0f} ms: {'met' if statistics.median(cpu_medians) <= TARGET_MS else 'NOT met'}")
    try:
        print(f"(machine load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
