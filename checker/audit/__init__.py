"""`rasoat audit`: an archive of notices checked on one machine or on a Dask cluster.

    discover.py  the files of the archive, their configuration, the key of their result
    work.py      what a worker does with a batch: read, hash, check, turn results into rows
    store.py     results kept by key (content hash + rules version + configuration) in SQLite
    engine.py    batching, submission to Dask (a local cluster or a scheduler), progress
    tables.py    findings.parquet, tasks.parquet, files.parquet and summary.json
    report.py    report.html: one self-contained page with inline SVG charts

Every file is checked with `checker.runner.check_one`, the function behind `rasoat check`, so an
audit gives the findings and tasks of `rasoat check` / `rasoat tasks` for the same files.
Dask and pyarrow are an optional extra (`pip install "rasoat[audit]"`); nothing here imports
them before `rasoat audit` runs.
"""
from __future__ import annotations

__all__ = ["AuditError", "AuditOptions", "AuditRun", "run_audit"]


def __getattr__(name: str):
    # imported on first use: `rasoat check` loads checker.audit.cli (the command) and nothing more
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)
