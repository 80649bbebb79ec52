#!/usr/bin/env python3
"""rasoat benchmarks (never timed tests): every figure of the README's performance table in one run.

    python bench/run.py                 # all (≈ 15 min on a quiet 2-core machine)
    python bench/run.py --runs 7        # more runs per case (medians)
    python bench/run.py --quick         # fewer runs, no ×4 corpus: a look, not figures to quote
    python bench/run.py --corpus-runs 1 # one run of each corpus case (a loaded machine)
    python bench/run.py --startup       # only (a): one notice warm and cold

Each case runs whole processes (`rasoat check`, start-up included) and reports the MEDIAN of its
runs: wall seconds, CPU seconds (user + system, of every process) and peak RSS (the largest
single process: with -j 2 the parent or one worker, never a sum).

  (a) start-up: one typical notice (seed 000, every rule on), warm (per-user cache and .pyc
      files present) and cold (an empty cache: the first run after installation)
  (b) the benchmark corpus (../shared/bench/make-corpus.sh: 620 real documents) with -j 1 and
      -j 2: wall, CPU per document, peak RSS per process
  (b4) the corpus copied ×4 (2,480 documents), -j 1 and -j 2: memory must stay flat
  (c) one notice repeated ×1, ×10, ×100 in one file: how time grows with the size of a file
  (d) textlint + textlint-rule-prh (bench/prh.yml, six dictionary entries) on the same corpus,
      when npm is available: run in turn with rasoat -j 2 (A B A B …), the ratio taken pair by
      pair, its median reported

Targets (issue 20; 2-core machine): (a) warm ≤ 0.20 s, cold ≤ 1.0 s more; (b) ≤ 10 ms CPU per
document, ≤ 100 MiB per process; (b4) ≈ (b); (d) ratio ≤ 2.0.
"""
from __future__ import annotations

import argparse
import os
import platform
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


class Run:
    """One process: wall s, peak RSS MiB (largest single process), CPU s (all processes)."""

    def __init__(self, wall: float, rss: float, cpu: float):
        self.wall, self.rss, self.cpu = wall, rss, cpu


def once(cmd: list[str], env: dict | None = None) -> Run:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True,
                         env=env or ENV).stdout
    wall, rss, code, cpu = out.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return Run(float(wall), int(rss) / 1024, float(cpu))


def median_of(runs: list[Run]) -> Run:
    return Run(*(statistics.median(getattr(r, k) for r in runs) for k in ("wall", "rss", "cpu")))


def measure(cmd: list[str], runs: int, env: dict | None = None) -> Run:
    return median_of([once(cmd, env) for _ in range(runs)])


def rasoat() -> list[str]:
    """This checkout's rasoat: the one beside this interpreter, else .venv's, else the PATH's."""
    for exe in (Path(sys.executable).with_name("rasoat"), ROOT / ".venv" / "bin" / "rasoat"):
        if exe.is_file():
            return [str(exe), "check", "--quiet", "--no-color"]
    exe = shutil.which("rasoat")
    if exe is None:
        raise SystemExit("bench/run.py: no rasoat found (install it: pip install -e . in a venv)")
    return [exe, "check", "--quiet", "--no-color"]


def build_corpus(out: Path, copies: int = 20) -> int:
    if not any(out.glob("*.txt")):
        subprocess.run(["bash", str(SHARED / "bench" / "make-corpus.sh"), str(out), str(copies)], check=True,
                       stdout=subprocess.DEVNULL)
    return len(list(out.glob("*.txt")))


def textlint_cmd(corpus: Path) -> list[str] | None:
    """textlint + prh on the corpus (installed once under bench/.textlint by npm), or None."""
    if not shutil.which("npm"):
        return None
    tl = HERE / ".textlint"
    binp = tl / "node_modules" / ".bin" / "textlint"
    if not binp.exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(tl), "textlint", "textlint-rule-prh"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not binp.exists():
        return None
    cfg = tl / ".textlintrc.json"
    cfg.write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}' % (HERE / "prh.yml"), encoding="utf-8")
    cmd = [str(binp), "--config", str(cfg), "--format", "compact"]
    # it must really check: a rule that fails to load ends textlint at once, with exit code 1 too
    probe = subprocess.run(cmd + [str(SHARED / "seeds" / "*.txt")], capture_output=True, text=True)
    if "(prh)" not in probe.stdout or "Unexpected error" in probe.stdout + probe.stderr:
        print(f"  textlint does not run the prh rule: {(probe.stdout + probe.stderr)[:300]}")
        return None
    return cmd + [str(corpus / "*.txt")]


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores ({cpu or platform.machine()}), "
            f"Python {platform.python_version()}, load average {load:.1f} at the start")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--corpus-runs", type=int, default=0, help="runs of each corpus case (default: runs // 2, at least 3)")
    ap.add_argument("--pairs", type=int, default=5, help="alternating pairs rasoat / textlint (d)")
    ap.add_argument("--x4-jobs", default="1,2", help="-j values for the ×4 corpus ('' : not measured)")
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--startup", action="store_true", help="only the start-up rows (a)")
    args = ap.parse_args(argv)
    if not SEED.is_file():
        print(f"../shared not found at {SHARED}", file=sys.stderr)
        return 2
    runs = 2 if args.quick else args.runs
    big = 1 if args.quick else (args.corpus_runs or max(3, runs // 2))  # runs of the long cases
    print(machine())
    cmd = rasoat()
    rows: list[tuple[str, Run, str]] = []

    def row(name: str, r: Run, target: str = "", per_doc: int = 0):
        rows.append((name, r, target))
        cpu = f"{r.cpu / per_doc * 1000:8.1f} ms/doc" if per_doc else f"{r.cpu:9.2f} s cpu "
        print(f"  {name:<40} {r.wall:8.2f} s {cpu} {r.rss:7.0f} MiB  {target}", flush=True)

    print(f"  {'case':<40} {'wall':>10} {'cpu':>14} {'peak RSS':>11}  target   (medians)")
    # (a) the first run after installation builds the per-user cache (checker/cache.py); later
    # runs read it. Cold and warm in turn, so that both see the same machine.
    colds, warms = [], []
    subprocess.run(cmd + [str(SEED)], capture_output=True, env=ENV)  # .pyc files and the cache
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            colds.append(once(cmd + [str(SEED)], dict(ENV, RASOAT_CACHE_DIR=empty)))
        warms.append(once(cmd + [str(SEED)]))
    row("(a) one notice, warm (seed 000, 10 KB)", median_of(warms), "≤ 0.20 s")
    row("(a) one notice, cold (empty cache)", median_of(colds), "≤ 1.0 s")
    if args.startup:
        return 0
    corpus = HERE / "corpus"
    n = build_corpus(corpus)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    print(f"  corpus: {n} documents, {size:.1f} MB")
    b = {}
    for j in (1, 2):
        b[j] = measure(cmd + ["-j", str(j), str(corpus)], big)
        row(f"(b) corpus, -j {j}", b[j], "≤ 10 ms/doc, ≤ 100 MiB", per_doc=n)
    x4 = [int(j) for j in args.x4_jobs.split(",") if j.strip()]
    if not args.quick and x4:
        corpus4 = HERE / "corpus4"
        n4 = build_corpus(corpus4, 80)
        for j in x4:
            r4 = measure(cmd + ["-j", str(j), str(corpus4)], 1)
            row(f"(b4) corpus ×4 ({n4} documents), -j {j}", r4, f"RSS ≈ (b) -j {j}", per_doc=n4)
    text = SEED.read_text(encoding="utf-8")
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in (1, 10, 100):
            f = Path(tmp) / f"x{k}.txt"
            f.write_text("\n\n".join([text] * k), encoding="utf-8")
            r = measure(cmd + [str(f)], runs if k < 100 else big)
            times[k] = r.wall
            row(f"(c) seed 000 ×{k} in one file", r)
    print(f"  growth: ×10 input → ×{times[10] / times[1]:.2f} time; ×100 input → ×{times[100] / times[1]:.2f} time")
    if args.no_textlint:
        return 0
    tl = textlint_cmd(corpus)
    if tl is None:
        print("  textlint could not be installed (npm); comparison skipped")
        return 0
    # (d) in turn, A B A B …: the ratio pair by pair keeps its meaning when the machine's speed drifts
    ours, theirs, ratios, cpu_ratios = [], [], [], []
    for _ in range(1 if args.quick else args.pairs):
        a = once(cmd + ["-j", "2", str(corpus)])
        t = once(tl)
        ours.append(a)
        theirs.append(t)
        ratios.append(a.wall / t.wall)
        cpu_ratios.append(a.cpu / t.cpu)
    row("(d) rasoat -j 2, in turn with textlint", median_of(ours), per_doc=n)
    row("(d) textlint + prh (6 entries)", median_of(theirs), per_doc=n)
    print(f"  ratio rasoat / textlint (wall, pair by pair): median ×{statistics.median(ratios):.2f} "
          f"(min ×{min(ratios):.2f}, max ×{max(ratios):.2f}, {len(ratios)} pairs)   target ≤ ×2.0")
    print(f"  ratio of CPU time (all processes): median ×{statistics.median(cpu_ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
