"""An audit run: discover, reuse what the store already has, check the rest in batches on Dask,
then write the tables, summary.json and report.html.

Batches, not files, are Dask tasks (a task costs the scheduler about a millisecond; a batch of
files costs a worker a second or more). The client sends paths only: each worker reads its files
itself (the archive must be at the same path on every worker: a shared or network folder), and
only rows come back. At most a few batches per worker are in flight, so neither the scheduler nor
the client holds a whole archive's worth of tasks or results at once; each finished batch is
committed to the store before the next is submitted.

A worker that dies mid-batch: the scheduler gives its batch to another worker (Dask counts it
against `distributed.scheduler.allowed-failures`); a batch that raises is retried (`retries`).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import time
import warnings
from dataclasses import dataclass, field
from typing import Callable

from ..errors import ConfigError
from .discover import ConfigKeys, result_key, rules_version
from .store import Store
from .work import PAYLOAD_VERSION, check_batch


class AuditError(Exception):
    """A problem that stops the audit (message in Vietnamese and English)."""

    def __init__(self, vi: str, en: str):
        super().__init__(vi)
        self.vi, self.en = vi, en

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass
class AuditOptions:
    paths: list[str]
    out: str
    scheduler: str | None = None  # tcp://host:8786; None: a local cluster
    workers: int | None = None  # local cluster size (default: the machine's cores)
    since: dt.date | None = None
    today: dt.date | None = None
    stage: str | None = None
    lang: str = "vi"
    config: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    batch_size: int | None = None
    progress: bool = True


@dataclass
class AuditRun:
    files: int = 0  # files found in the archive
    reused: int = 0  # results taken from the store without reading the file
    unchanged: int = 0  # files read again (new date or size) whose bytes had not changed
    checked: int = 0  # files checked in this run
    batches: int = 0
    workers: int = 0
    seconds: float = 0.0
    problems: list = field(default_factory=list)  # runner.RunProblem: paths that do not exist, empty folders
    summary: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)


@dataclass
class _Entry:
    display: str
    path: str
    suffix: str
    config: str
    mtime: float | None
    key: str | None = None


class _Progress:
    def __init__(self, total: int, lang: str, enabled: bool, stream=None):
        self.total, self.lang = total, lang
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.tty = self.enabled and getattr(self.stream, "isatty", lambda: False)()
        self.start = time.monotonic()
        self.last = 0.0
        self.shown_pct = -1

    def update(self, done: int, in_flight: int, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        rate = done / max(now - self.start, 1e-9)
        pct = 100 * done // self.total
        if self.tty:
            if not final and now - self.last < 0.2:
                return
        elif not final and pct // 10 == self.shown_pct // 10:
            return
        self.last, self.shown_pct = now, pct
        left = (self.total - done) / rate if rate > 0 else 0
        if self.lang == "en":
            text = f"rasoat audit: {done}/{self.total} files checked ({pct}%) · {rate:.1f} files/s · " \
                   f"{in_flight} batches running · ~{left:.0f} s left"
        else:
            text = f"rasoat audit: đã rà soát {done}/{self.total} tệp ({pct}%) · {rate:.1f} tệp/giây · " \
                   f"{in_flight} lô đang chạy · còn khoảng {left:.0f} giây"
        if self.tty:
            self.stream.write("\r" + text.ljust(100) + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


def _settings(opts: AuditOptions):
    from ..runner import RunSettings

    return RunSettings(stage=opts.stage, today=opts.today, config=opts.config,
                       include=list(opts.include), exclude=list(opts.exclude))


def _batch_size(opts: AuditOptions, pending: int, workers: int) -> int:
    if opts.batch_size:
        return max(1, opts.batch_size)
    # about eight batches per worker for a small archive (a dead worker loses little; the load is
    # balanced), never more than 200 files (a batch is then a few seconds of work)
    return max(1, min(200, -(-pending // (workers * 8))))


def _open_client(opts: AuditOptions):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise AuditError("rasoat audit cần Dask và pyarrow: pip install \"rasoat[audit]\"",
                         "rasoat audit needs Dask and pyarrow: pip install \"rasoat[audit]\"") from None
    if opts.scheduler:
        try:
            return Client(opts.scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"không kết nối được tới bộ lập lịch Dask {opts.scheduler}: {exc}",
                             f"cannot connect to the Dask scheduler {opts.scheduler}: {exc}") from None
    n = opts.workers or os.cpu_count() or 1
    with warnings.catch_warnings():  # "Port 8787 is already in use": another cluster's; a free port is taken
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def run_audit(opts: AuditOptions, client=None, on_batch: Callable[[int, int], None] | None = None) -> AuditRun:
    """Audit the archive. `client`: a dask.distributed Client to use (else one is made from the
    options); `on_batch(done, total)` is called after each finished batch."""
    from ..config import clear_cache
    from ..runner import discover

    try:
        import pyarrow  # noqa: F401 - checked before any work: the tables need it
    except ImportError:
        raise AuditError("rasoat audit cần Dask và pyarrow: pip install \"rasoat[audit]\"",
                         "rasoat audit needs Dask and pyarrow: pip install \"rasoat[audit]\"") from None
    t0 = time.monotonic()
    run = AuditRun()
    clear_cache()
    files, run.problems = discover(list(opts.paths), list(opts.include), list(opts.exclude))
    files = [f for f in files if f != "-"]
    run.files = len(files)
    try:
        os.makedirs(opts.out, exist_ok=True)
    except OSError as exc:
        raise AuditError(f"không tạo được thư mục {opts.out}: {exc.strerror}",
                         f"cannot create the folder {opts.out}: {exc.strerror}") from None
    settings = _settings(opts)
    rules = rules_version()
    run_fp = json.dumps([PAYLOAD_VERSION, opts.stage, opts.today.isoformat() if opts.today else None])
    keys = ConfigKeys(opts.config, run_fp)
    store = Store(os.path.join(opts.out, "store.sqlite"))
    try:
        entries: list[_Entry] = []
        pending: list[tuple[_Entry, str | None]] = []
        for f in files:
            path = os.path.abspath(f)
            try:
                st = os.stat(path)
            except OSError:
                st = None
            e = _Entry(f, path, os.path.splitext(f)[1].lower(), keys.for_file(f), st.st_mtime if st else None)
            entries.append(e)
            m = store.manifest(path)
            known = None
            if m is not None:
                k = result_key(m[2], e.suffix, rules, e.config)
                if store.has(k):
                    known = m[2]
                    if st is not None and (m[0], m[1]) == (st.st_size, st.st_mtime_ns):
                        e.key = k
                        run.reused += 1
                        continue
            pending.append((e, known))
        if pending:
            _check_pending(opts, client, pending, store, rules, settings, run, on_batch)
        from .tables import write_outputs

        run.summary, run.outputs = write_outputs(opts, entries, store, run, rules)
    except ConfigError as exc:
        raise AuditError(str(exc), str(exc)) from None
    finally:
        store.close()
    run.seconds = time.monotonic() - t0
    return run


def _check_pending(opts, client, pending, store, rules, settings, run, on_batch) -> None:
    own = None
    if client is None:
        client, own = _open_client(opts)
        if own is None:
            own = client
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or (opts.workers or 1))
        run.workers = workers
        size = _batch_size(opts, len(pending), workers)
        batches = [pending[i:i + size] for i in range(0, len(pending), size)]
        run.batches = len(batches)
        _submit_all(client, batches, store, rules, settings, run, on_batch, workers,
                    _Progress(len(pending), opts.lang, opts.progress))
    finally:
        if own is not None:
            client.close()
            if own is not client:
                own.close()


def _submit_all(client, batches, store, rules, settings, run, on_batch, workers, progress) -> None:
    from dask.distributed import as_completed

    window = workers * 3
    todo = iter(enumerate(batches))
    futures = {}

    def submit_next() -> bool:
        nxt = next(todo, None)
        if nxt is None:
            return False
        i, batch = nxt
        items = [(e.path, e.display, known) for e, known in batch]
        fut = client.submit(check_batch, items, settings, retries=2, pure=False, key=f"rasoat-audit-{i}-{os.urandom(4).hex()}")
        futures[fut] = batch
        return True

    for _ in range(window):
        if not submit_next():
            break
    ac = as_completed(list(futures))
    done = 0
    total = sum(len(b) for b in batches)
    for fut in ac:
        batch = futures.pop(fut)
        try:
            out = fut.result()
        except Exception as exc:  # noqa: BLE001 - a batch that failed after its retries stops the run
            for f in futures:
                f.cancel()
            raise AuditError(f"một lô tệp không rà soát được sau nhiều lần thử: {type(exc).__name__}: {exc}",
                             f"a batch failed after its retries: {type(exc).__name__}: {exc}") from None
        if out["rules"] != rules:
            for f in futures:
                f.cancel()
            raise AuditError(
                f"worker (pid {out['pid']}) chạy một phiên bản quy tắc khác ({out['rules']} ≠ {rules}): "
                "hãy cài cùng phiên bản rasoat trên mọi worker.",
                f"a worker (pid {out['pid']}) runs other rules ({out['rules']} ≠ {rules}): "
                "install the same rasoat on every worker.")
        manifest, results = [], []
        for (e, known), r in zip(batch, out["files"]):
            if r["hash"] == "unreadable":
                e.key = result_key("unreadable:" + e.path, e.suffix, rules, e.config)
                results.append((e.key, r["payload"]))
                run.checked += 1
                continue
            e.key = result_key(r["hash"], e.suffix, rules, e.config)
            manifest.append((e.path, r["size"], r["mtime_ns"], r["hash"]))
            if r["payload"] is None:
                run.unchanged += 1
            else:
                results.append((e.key, r["payload"]))
                run.checked += 1
        store.save(manifest, results)
        done += len(batch)
        if submit_next():
            ac.add(list(futures)[-1])
        progress.update(done, len(futures), final=done == total)
        if on_batch is not None:
            on_batch(done, total)
