#!/usr/bin/env python3
"""`rasoat audit` on the 620-document benchmark corpus with 1 and 2 local Dask workers.

    python bench/audit.py              # builds bench/corpus/ with ../shared/bench/make-corpus.sh if needed
    python bench/audit.py --runs 3     # median of three runs per case

For each cluster size: the wall time of the check (the cluster started and its workers warmed up
beforehand, as on a standing cluster), documents per second, the speed-up over one worker, the
peak resident memory of each worker process, and the time of a rerun where every result comes from
the store; then the size of the outputs per document. Written to bench/out/audit.json; the README
("rasoat audit") reports these figures and what a 10-million-document run needs from them.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
CORPUS = HERE / "corpus"
sys.path.insert(0, str(ROOT))


def build_corpus() -> int:
    n = len(list(CORPUS.glob("*.txt"))) if CORPUS.is_dir() else 0
    if n != 620:
        subprocess.run(["bash", str(SHARED / "bench" / "make-corpus.sh"), str(CORPUS)], check=True)
        n = len(list(CORPUS.glob("*.txt")))
    return n


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def case(workers: int, runs: int) -> dict:
    from dask.distributed import Client, LocalCluster

    from checker.audit import AuditOptions, run_audit

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.CRITICAL)
    client = Client(cluster)
    try:
        with tempfile.TemporaryDirectory() as warm:  # each worker loads the rules once (as on a standing cluster)
            seeds = sorted((SHARED / "seeds").glob("*.txt"))
            run_audit(AuditOptions(paths=[str(p) for p in seeds], out=warm, progress=False, batch_size=1), client=client)
        walls, reruns, sizes, worker_cpu, client_cpu, rerun_cpu = [], [], {}, [], [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as out:
                opts = AuditOptions(paths=[str(CORPUS)], out=out, progress=False)
                before = sum(client.run(_cpu_seconds).values())
                c = time.process_time()
                t = time.perf_counter()
                run = run_audit(opts, client=client)
                walls.append(time.perf_counter() - t)
                client_cpu.append(time.process_time() - c)
                worker_cpu.append(sum(client.run(_cpu_seconds).values()) - before)
                assert run.checked == run.files, (run.checked, run.files)
                c = time.process_time()
                t = time.perf_counter()
                again = run_audit(opts, client=client)
                reruns.append(time.perf_counter() - t)
                rerun_cpu.append(time.process_time() - c)
                assert again.checked == 0 and again.reused == run.files
                sizes = {p.name: p.stat().st_size for p in Path(out).iterdir() if p.is_file()}
                files, findings, tasks = run.files, run.summary["findings"], run.summary["tasks"]
        peaks = sorted(client.run(_peak_rss_kib).values())
    finally:
        client.close()
        cluster.close()
    wall = statistics.median(walls)
    return {"workers": workers, "files": files, "findings": findings, "tasks": tasks, "runs": runs,
            "seconds": round(wall, 2), "docs_per_second": round(files / wall, 1),
            "rerun_seconds": round(statistics.median(reruns), 2),
            # CPU time does not depend on what else the machine runs: the basis of the estimates
            "worker_cpu_ms_per_doc": round(1000 * statistics.median(worker_cpu) / files, 1),
            # (the client process also runs the local scheduler and the nannies: their periodic work
            # grows with the wall time, so on a loaded machine this is an upper bound)
            "client_cpu_ms_per_doc": round(1000 * statistics.median(client_cpu) / files, 2),
            # a rerun where every result comes from the store: the client's own work per document
            # (stat, store look-up, rows, parquet, summary, report)
            "rerun_client_cpu_ms_per_doc": round(1000 * statistics.median(rerun_cpu) / files, 2),
            "peak_rss_mib_per_worker": [round(k / 1024, 1) for k in peaks], "output_bytes": sizes}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    n = build_corpus()
    print(f"corpus: {n} documents in {CORPUS}  (cpu_count={os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f})", flush=True)
    results = [case(w, args.runs) for w in (1, 2)]
    one = results[0]["seconds"]
    for r in results:
        r["speedup"] = round(one / r["seconds"], 2)
        print(f"{r['workers']} worker(s): {r['seconds']:.2f} s for {r['files']} documents = {r['docs_per_second']} docs/s, "
              f"speed-up ×{r['speedup']}, peak RSS per worker {r['peak_rss_mib_per_worker']} MiB, "
              f"rerun (all reused) {r['rerun_seconds']:.2f} s; CPU per document: workers "
              f"{r['worker_cpu_ms_per_doc']} ms, client {r['client_cpu_ms_per_doc']} ms "
              f"(rerun: {r['rerun_client_cpu_ms_per_doc']} ms)", flush=True)
    sizes = results[-1]["output_bytes"]
    per_doc = {k: round(v / results[-1]["files"]) for k, v in sorted(sizes.items())}
    print("output bytes per document: " + ", ".join(f"{k} {v}" for k, v in per_doc.items()))
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "audit.json").write_text(json.dumps({"cases": results, "bytes_per_document": per_doc,
                                                 "load_average": os.getloadavg()}, indent=1) + "\n")
    print(f"written {out / 'audit.json'}")


if __name__ == "__main__":
    main()
