#!/usr/bin/env python3
"""Latency of `rasoat serve` (a benchmark, never a timed test).

    python bench/serve_latency.py               # 5 rounds over ../shared/corpus/notices
    python bench/serve_latency.py --rounds 10 --clients 8

Starts `rasoat serve` on a free loopback port (one worker per core, as a user starts it), waits
until it answers, then POSTs every notice of ../shared/corpus/notices to /api/check as a
multipart upload: first one client after another (sequential), then 8 clients at once
(concurrent). Prints the median and the 95th percentile of the request latency (upload,
check, JSON answer, as a client sees it), the throughput, and for comparison the wall time of
one `rasoat check FILE --format json` process (the command line's start-up included).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared"))
NOTICES = SHARED / "corpus" / "notices"


def rasoat() -> str:
    return shutil.which("rasoat") or str(Path(sys.executable).with_name("rasoat"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def post(url: str, body: bytes, ctype: str) -> float:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": ctype}, method="POST")
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        payload = r.read()
    dt = time.perf_counter() - t
    json.loads(payload)  # a complete answer
    return dt


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    k = max(0, min(len(v) - 1, round(q * (len(v) - 1))))
    return v[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the notices (default 5)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    args = ap.parse_args()
    files = sorted(p for p in NOTICES.iterdir() if p.suffix in (".txt", ".md", ".docx"))
    if not files:
        raise SystemExit(f"no notices in {NOTICES}")
    bodies = [multipart(p.name, p.read_bytes()) for p in files]
    port = free_port()
    workers = os.cpu_count() or 1
    proc = subprocess.Popen([rasoat(), "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.perf_counter()
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("rasoat serve did not start: " + proc.stderr.read().decode()[-1000:])
                time.sleep(0.05)
        startup = time.perf_counter() - t0
        url = base + "/api/check"
        for body, ctype in bodies:  # one warm-up pass (first request of each worker)
            post(url, body, ctype)
        seq = [post(url, b, c) for _ in range(args.rounds) for b, c in bodies]

        conc: list[float] = []
        lock = threading.Lock()
        jobs = [(b, c) for _ in range(args.rounds) for b, c in bodies] * max(1, args.clients // 2)

        def client(k: int):
            mine = jobs[k::args.clients]
            out = [post(url, b, c) for b, c in mine]
            with lock:
                conc.extend(out)

        t = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(15)

    cli = []
    for p in files[:3]:
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([rasoat(), "check", str(p), "--format", "json"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            cli.append(time.perf_counter() - t)

    kb = statistics.median(p.stat().st_size for p in files) / 1024
    print(f"{len(files)} notices of ../shared/corpus/notices (median {kb:.0f} KB), {args.rounds} rounds, "
          f"{workers} workers on {os.cpu_count()} cores; server ready in {startup:.1f} s")
    print()
    print("| case | requests | median | p95 | throughput |")
    print("|---|---|---|---|---|")
    print(f"| sequential (1 client) | {len(seq)} | {statistics.median(seq) * 1000:.0f} ms | {pct(seq, 0.95) * 1000:.0f} ms "
          f"| {len(seq) / sum(seq):.1f} /s |")
    print(f"| {args.clients} concurrent clients | {len(conc)} | {statistics.median(conc) * 1000:.0f} ms | "
          f"{pct(conc, 0.95) * 1000:.0f} ms | {len(conc) / wall:.1f} /s |")
    print(f"| `rasoat check FILE --format json` (one process each) | {len(cli)} | {statistics.median(cli) * 1000:.0f} ms "
          f"| {pct(cli, 0.95) * 1000:.0f} ms | — |")


if __name__ == "__main__":
    main()
