"""Running a check over many paths: discovery, per-file configuration, isolation.

One bad file never hides the findings for the others: every file gets its own FileResult, and
a path that does not exist or a folder with no drafts is reported as a problem of the run
(exit code 2) while the other paths are still checked.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .api import FileResult
from .diagnostics import SEVERITY_RANK
from .api import input_error_result
from .errors import ConfigError, InputError
from .pipeline import RunSettings, check_path, options_for, plan_for, shown_path  # noqa: F401 - the front ends' names

DEFAULT_INCLUDE = ["*.docx", "*.txt", "*.md"]
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"}


@dataclass
class RunProblem:
    """A problem of the run rather than of a file's content (a missing path, a folder with no
    drafts)."""
    path: str
    message_vi: str
    message_en: str
    fatal: bool = True  # False: only a note (a symbolic link skipped), the exit code is not 2

    def get(self, lang: str) -> str:
        return f"{self.path}: {self.message_en if lang == 'en' else self.message_vi}"


def _matches(name: str, rel: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def discover(paths: list[str], include: list[str], exclude: list[str]) -> tuple[list[str], list[RunProblem]]:
    """Files to check, in a stable order, and problems with the given paths.

    Folders are walked without following symbolic links to folders (as git, ruff and pre-commit
    do): a linked folder may lead out of the checked tree, and --fix would write there. Each one
    is reported as skipped; so is a subfolder that cannot be read. A path given explicitly is
    used as given."""
    include = include or DEFAULT_INCLUDE
    files: list[str] = []
    problems: list[RunProblem] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if not p.exists():
            problems.append(RunProblem(shown_path(raw), "không tìm thấy tệp hoặc thư mục này.", "no such file or folder."))
            continue
        if not p.is_dir():
            files.append(raw)
            continue
        found = []

        def unreadable(err: OSError) -> None:
            problems.append(RunProblem(shown_path(err.filename or raw),
                                       f"không đọc được thư mục này ({err.strerror}): bỏ qua.",
                                       f"cannot read this folder ({err.strerror}): skipped."))

        for root, dirs, names in os.walk(p, onerror=unreadable):
            kept = []
            for d in sorted(dirs):
                if d in SKIP_DIRS or d.startswith("."):
                    continue
                full = os.path.join(root, d)
                if os.path.islink(full):
                    problems.append(RunProblem(shown_path(full), "liên kết tượng trưng tới thư mục: bỏ qua (không đi theo).",
                                               "symbolic link to a folder: skipped (not followed).", fatal=False))
                    continue
                kept.append(d)
            dirs[:] = kept
            for name in sorted(names):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, p)
                if name.startswith("~$") or name.startswith("."):
                    continue  # Word's lock files, hidden files
                if _matches(name, rel, include) and not _matches(name, rel, exclude):
                    found.append(full)
        if not found:
            problems.append(RunProblem(shown_path(raw), "thư mục không có dự thảo nào (.docx, .txt, .md) để rà soát.",
                                       "the folder contains no drafts (.docx, .txt, .md) to check."))
        files.extend(found)
    return files, problems


def check_one(path: str, s: RunSettings, data: bytes | None = None, display: str | None = None) -> FileResult:
    """One file through the check pipeline. A file that cannot even be looked at (a symbolic link
    to itself, a path the system refuses) gets its own E903; the other files of the run are still
    checked. A bad configuration or bad rule data stops the run (ConfigError)."""
    try:
        return check_path(path, s, data, display)
    except ConfigError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        from .diagnostics import Msg

        why = getattr(exc, "strerror", None) or str(exc)
        shown = shown_path(display or path)
        return input_error_result(shown, InputError("E903", Msg(f"Không đọc được tệp '{shown}': {shown_path(why)}.",
                                                                f"Cannot read '{shown}': {shown_path(why)}.")))


def cores() -> int:
    """The CPUs this process may run on (its affinity mask, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def clamp_jobs(jobs: int | None) -> tuple[int, RunProblem | None]:
    """--jobs bounded by the cores (more workers only add memory: each holds the rule data), with
    a note when the value asked for was lowered."""
    n = cores()
    if jobs is None:
        return n, None
    if jobs > n:
        return n, RunProblem("--jobs", f"{jobs} lớn hơn số lõi CPU ({n}): dùng {n}.",
                             f"{jobs} is more than the CPU cores ({n}): using {n}.", fatal=False)
    return max(1, jobs), None


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it ends, even when that one is killed
    (Linux: PR_SET_PDEATHSIG; elsewhere a thread watching the parent's pid)."""
    import signal
    import threading

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch():
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="rasoat-parent-watch").start()


def _init_worker(parent: int | None = None):
    from . import rx

    if parent is not None:
        _die_with_parent(parent)
    rx.save_in_worker()


def _light(res: FileResult) -> FileResult:
    """A result without its document: what the reporters and the baseline need (memory stays
    bounded by the largest document, not by the number of files)."""
    res.document = None
    res.plan = None
    return res


def _mp_context():
    """fork (fast: the workers inherit the loaded rules) when this process has one thread, as the
    command line does; forkserver when it has more (a server, a test run, an embedding program),
    where forking could deadlock a child on a lock another thread held."""
    import multiprocessing
    import threading

    # threads started with _thread (execnet's, a host program's) are not in threading's count;
    # sys._current_frames() sees every thread that runs Python code
    threads = max(threading.active_count(), len(sys._current_frames()))
    if threads > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return None


def _worker(args):
    path, settings = args
    return _light(check_one(path, settings))  # only findings cross the process boundary


def iter_check(files: list[str], s: RunSettings, jobs: int | None = None, keep_documents: bool = False):
    """Check files in a stable order, in parallel when there are many, yielding each result as
    soon as it (and every one before it) is ready. Documents are kept only when asked (--fix,
    --diff: jobs=1), and dropped as soon as a file's findings are known. --jobs is bounded by the
    cores; the workers end with the run (Ctrl-C, a broken pool)."""
    if keep_documents:
        yield from (check_one(f, s) for f in files)
        return
    jobs = min(clamp_jobs(jobs)[0], len(files))
    if jobs <= 1 or len(files) < 4:
        yield from (_light(check_one(f, s)) for f in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(),),
                                   mp_context=_mp_context())
    except (OSError, RuntimeError, ValueError):  # no process pool here (sandbox, frozen app): run in-process
        yield from (_light(check_one(f, s)) for f in files)
        return
    done = 0
    try:
        for res in pool.map(_worker, [(f, s) for f in files], chunksize=max(1, len(files) // (jobs * 4))):
            done += 1
            yield res
    except BaseException as exc:  # Ctrl-C, or the pool broke: the workers end now, not when done
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except (OSError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)
        if isinstance(exc, (OSError, RuntimeError)) and not isinstance(exc, KeyboardInterrupt):
            yield from (_light(check_one(f, s)) for f in files[done:])  # the pool broke: in-process
            return
        raise
    pool.shutdown(wait=True)


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
    if any(p.fatal for p in problems) or any(r.failed for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(r.worst() >= threshold for r in results):
        return 1
    return 0
