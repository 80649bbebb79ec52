#!/usr/bin/env python3
"""rasoat benchmarks (never timed tests): medians of whole-process wall time and peak memory.

    python bench/run.py                 # all
    python bench/run.py --runs 7        # more runs per case
    python bench/run.py --startup       # only (a): one notice warm and first run, wall and CPU

(a) one typical notice (seed 000, every rule on); (b) the whole benchmark corpus built by
../shared/bench/make-corpus.sh (620 real documents); (c) one notice repeated ×1, ×10, ×100 in
one file, to show how time grows; (d) when npm is available, textlint + textlint-rule-prh with
the six-entry dictionary bench/prh.yml on the same corpus, and the ratio.

Targets (2-core machine): (a) ≤ 0.20 s warm, ≤ 1.0 s the first run after installation; (b) ≤ 2.0 s and ≤ 100 MiB; (c) ×10 input ≤ ×11 time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_0ecd264c0f8cb733.txt"

MEASURE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall} {ru.ru_maxrss} {p.returncode} {ru.ru_utime + ru.ru_stime}")
"""


# as a user's installation runs: with compiled .pyc files (pip writes them at install time)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


CPU: dict[tuple, float] = {}  # median CPU seconds (all processes) of each measured command


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median peak RSS (MiB) of `cmd` over `runs` fresh processes (the
    median CPU seconds are kept in CPU)."""
    walls, rsss, cpus = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True,
                             env=ENV).stdout
        wall, rss, code, cpu = out.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
        walls.append(float(wall))
        rsss.append(int(rss) / 1024)
        cpus.append(float(cpu))
    CPU[tuple(cmd)] = statistics.median(cpus)
    return statistics.median(walls), statistics.median(rsss)


def rasoat() -> list[str]:
    exe = shutil.which("rasoat") or str(Path(sys.executable).with_name("rasoat"))
    return [exe, "check", "--quiet", "--no-color"]


def build_corpus(out: Path, copies: int = 20) -> int:
    if not any(out.glob("*.txt")):
        subprocess.run(["bash", str(SHARED / "bench" / "make-corpus.sh"), str(out), str(copies)], check=True,
                       stdout=subprocess.DEVNULL)
    return len(list(out.glob("*.txt")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--startup", action="store_true", help="only the start-up rows (a)")
    args = ap.parse_args(argv)
    if not SEED.is_file():
        print(f"../shared not found at {SHARED}", file=sys.stderr)
        return 2
    cmd = rasoat()
    rows = []
    # the first run after installation builds the per-user cache (compiled patterns, parser
    # tables, the parsed rule data and agency index: checker/cache.py); every later run reads it
    colds, cold_cpus = [], []
    for _ in range(max(1, args.runs // 2)):  # each with an empty cache of its own
        with tempfile.TemporaryDirectory() as empty:
            ENV["RASOAT_CACHE_DIR"] = empty
            cold_wall, _ = measure(cmd + [str(SEED)], 1)
            colds.append(cold_wall)
            cold_cpus.append(CPU[tuple(cmd + [str(SEED)])])
    ENV.pop("RASOAT_CACHE_DIR")
    if "RASOAT_CACHE_DIR" in os.environ:
        ENV["RASOAT_CACHE_DIR"] = os.environ["RASOAT_CACHE_DIR"]
    cold = statistics.median(colds)
    subprocess.run(cmd + [str(SEED)], capture_output=True, env=ENV)  # warm the caches and .pyc files
    wall, rss = measure(cmd + [str(SEED)], args.runs)
    rows.append(("(a) one notice (seed 000, 10 KB)", wall, rss, "≤ 0.20 s"))
    rows.append(("    the same, first run (empty cache)", cold, float("nan"), "≤ 1.0 s"))
    print(f"start-up, CPU (user+sys) of one notice: warm {CPU[tuple(cmd + [str(SEED)])]:.3f} s, "
          f"first run {statistics.median(cold_cpus):.3f} s")
    if args.startup:
        for name, w, r, target in rows:
            print(f"{name:<44} {w:>10.3f} s {r:>7.1f} MiB  {target}")
        return 0
    corpus = HERE / "corpus"
    n = build_corpus(corpus)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    wall_b, rss_b = measure(cmd + [str(corpus)], max(3, args.runs // 2))
    rows.append((f"(b) corpus: {n} documents, {size:.1f} MB", wall_b, rss_b, "≤ 2.0 s, ≤ 100 MiB"))
    cpu_doc = CPU[tuple(cmd + [str(corpus)])] / n * 1000
    # memory is bounded by the largest document, not by the number of files: one process, then
    # the corpus copied ×4
    wall_1, rss_1 = measure(cmd + ["-j", "1", str(corpus)], 1)
    rows.append((f"(b1) corpus, -j 1", wall_1, rss_1, "≤ 100 MiB"))
    corpus4 = HERE / "corpus4"
    n4 = build_corpus(corpus4, 80)
    wall_4, rss_4 = measure(cmd + ["-j", "1", str(corpus4)], 1)
    rows.append((f"(b4) corpus ×4: {n4} documents, -j 1", wall_4, rss_4, "flat: ≈ (b1)"))
    text = SEED.read_text(encoding="utf-8")
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in (1, 10, 100):
            f = Path(tmp) / f"x{k}.txt"
            f.write_text("\n\n".join([text] * k), encoding="utf-8")
            times[k], rss_k = measure(cmd + [str(f)], args.runs)
            rows.append((f"(c) seed 000 ×{k}", times[k], rss_k, ""))
    print(f"{'case':<44} {'median wall':>12} {'peak RSS':>10}  target   (RSS: the largest single process)")
    for name, w, r, target in rows:
        print(f"{name:<44} {w:>10.3f} s {r:>7.1f} MiB  {target}")
    print(f"CPU per document on the corpus (all processes): {cpu_doc:.1f} ms")
    print(f"growth: ×10 input → ×{times[10] / times[1]:.2f} time; ×100 input → ×{times[100] / times[1]:.2f} time "
          f"(per-notice cost ×10: {(times[10] - times[1]) / 9:.3f} s)")
    if not args.no_textlint and shutil.which("npm"):
        tl = HERE / ".textlint"
        binp = tl / "node_modules" / ".bin" / "textlint"
        if not binp.exists():
            subprocess.run(["npm", "install", "--silent", "--prefix", str(tl), "textlint", "textlint-rule-prh"],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if binp.exists():
            cfg = tl / ".textlintrc.json"
            cfg.write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}' % (HERE / "prh.yml"), encoding="utf-8")
            tl_cmd = [str(binp), "--config", str(cfg), "--format", "compact", str(corpus / "*.txt")]
            wall_t, rss_t = measure(tl_cmd, 3)
            print(f"textlint + prh (6 strings) on the corpus: {wall_t:.2f} s, {rss_t:.0f} MiB; "
                  f"rasoat with every rule takes ×{wall_b / wall_t:.1f} its time "
                  f"({'faster' if wall_b < wall_t else 'slower'} than textlint)")
        else:
            print("textlint could not be installed (npm); comparison skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
