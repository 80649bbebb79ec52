"""Running a check over many paths: discovery, per-file configuration, isolation.

One bad file never hides the findings for the others: every file gets its own FileResult, and
a path that does not exist or a folder with no drafts is reported as a problem of the run
(exit code 2) while the other paths are still checked.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from .api import FileResult
from .diagnostics import SEVERITY_RANK
from .pipeline import RunSettings, check_path, options_for, plan_for  # noqa: F401 - the front ends' names

DEFAULT_INCLUDE = ["*.docx", "*.txt", "*.md"]
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"}


@dataclass
class RunProblem:
    path: str
    message_vi: str
    message_en: str

    def get(self, lang: str) -> str:
        return f"{self.path}: {self.message_en if lang == 'en' else self.message_vi}"


def _matches(name: str, rel: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def discover(paths: list[str], include: list[str], exclude: list[str]) -> tuple[list[str], list[RunProblem]]:
    """Files to check, in a stable order, and problems with the given paths."""
    include = include or DEFAULT_INCLUDE
    files: list[str] = []
    problems: list[RunProblem] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if not p.exists():
            problems.append(RunProblem(raw, "không tìm thấy tệp hoặc thư mục này.", "no such file or folder."))
            continue
        if p.is_file():
            files.append(raw)
            continue
        found = []
        for root, dirs, names in os.walk(p, followlinks=True):
            try:
                st = os.stat(root)
                key = (st.st_dev, st.st_ino)
            except OSError:
                continue
            if key in seen_dirs:  # a symlink loop, or the same folder twice
                dirs[:] = []
                continue
            seen_dirs.add(key)
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, p)
                if name.startswith("~$") or name.startswith("."):
                    continue  # Word's lock files, hidden files
                if _matches(name, rel, include) and not _matches(name, rel, exclude):
                    found.append(full)
        if not found:
            problems.append(RunProblem(raw, "thư mục không có dự thảo nào (.docx, .txt, .md) để rà soát.",
                                       "the folder contains no drafts (.docx, .txt, .md) to check."))
        files.extend(found)
    return files, problems


def check_one(path: str, s: RunSettings, data: bytes | None = None, display: str | None = None) -> FileResult:
    """One file through the check pipeline (kept under this name for the front ends)."""
    return check_path(path, s, data, display)


def _init_worker():
    from . import rx

    rx.save_in_worker()


def _light(res: FileResult) -> FileResult:
    """A result without its document: what the reporters and the baseline need (memory stays
    bounded by the largest document, not by the number of files)."""
    res.document = None
    res.plan = None
    return res


def _worker(args):
    path, settings = args
    return _light(check_one(path, settings))  # only findings cross the process boundary


def iter_check(files: list[str], s: RunSettings, jobs: int | None = None, keep_documents: bool = False):
    """Check files in a stable order, in parallel when there are many, yielding each result as
    soon as it (and every one before it) is ready. Documents are kept only when asked (--fix,
    --diff: jobs=1), and dropped as soon as a file's findings are known."""
    jobs = jobs or os.cpu_count() or 1
    if keep_documents:
        yield from (check_one(f, s) for f in files)
        return
    if jobs <= 1 or len(files) < 4:
        yield from (_light(check_one(f, s)) for f in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
    except (OSError, RuntimeError):  # no process pool here (sandbox, frozen app): run in-process
        yield from (_light(check_one(f, s)) for f in files)
        return
    with pool:
        yield from pool.map(_worker, [(f, s) for f in files], chunksize=max(1, len(files) // (jobs * 4)))


def check_many(files: list[str], s: RunSettings, jobs: int | None = None,
               keep_documents: bool = False) -> list[FileResult]:
    """Every result of iter_check, in order."""
    return list(iter_check(files, s, jobs, keep_documents))


def brief(res: FileResult) -> FileResult:
    """A result that has been written out: its findings reduced to code, family and level
    (diagnostics.Brief), its E9xx messages kept for the closing error lines."""
    from .diagnostics import Brief

    res.diagnostics = [d if d.code.startswith("E9") else Brief(d) for d in res.diagnostics]
    res.document = res.plan = None
    return res


def is_note(res: FileResult) -> bool:
    """A Markdown file with no component of an administrative document at all (a README, notes,
    a list of sources): not a draft. Found while walking a folder, it is skipped, not judged."""
    return res.path.lower().endswith(".md") and res.kind == "other" and not res.structure_found


def skip_notes(results: list[FileResult], explicit: set[str]) -> tuple[list[FileResult], list[str]]:
    """(results to report, paths skipped as notes); files named on the command line are kept."""
    kept, skipped = [], []
    for r in results:
        (skipped if r.path not in explicit and is_note(r) else kept).append(r)
    return kept, [r.path for r in skipped]


def exit_code(results: list[FileResult], problems: list[RunProblem], fail_on: str) -> int:
    if problems or any(r.failed for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(r.worst() >= threshold for r in results):
        return 1
    return 0
