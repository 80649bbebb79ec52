"""Running a check over many paths: discovery, per-file configuration, isolation.

One bad file never hides the findings for the others: every file gets its own FileResult, and
a path that does not exist or a folder with no drafts is reported as a problem of the run
(exit code 2) while the other paths are still checked.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .api import FileResult, check_file, input_error_result
from .config import Config, config_for
from .diagnostics import SEVERITY_RANK
from .document import Options
from .errors import InputError
from .readers import SUPPORTED

DEFAULT_INCLUDE = ["*.docx", "*.txt", "*.md"]
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"}


@dataclass
class RunProblem:
    path: str
    message_vi: str
    message_en: str
    fatal: bool = True  # False: only a note (a symbolic link skipped), the exit code is not 2

    def get(self, lang: str) -> str:
        return f"{self.path}: {self.message_en if lang == 'en' else self.message_vi}"


@dataclass
class RunSettings:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    stage: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    today: dt.date | None = None
    config: str | None = None
    debug: bool = False


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
            problems.append(RunProblem(_shown(raw), "không tìm thấy tệp hoặc thư mục này.", "no such file or folder."))
            continue
        if not p.is_dir():
            files.append(raw)
            continue
        found = []

        def unreadable(err: OSError) -> None:
            problems.append(RunProblem(_shown(err.filename or raw),
                                       f"không đọc được thư mục này ({err.strerror}): bỏ qua.",
                                       f"cannot read this folder ({err.strerror}): skipped."))

        for root, dirs, names in os.walk(p, onerror=unreadable):
            kept = []
            for d in sorted(dirs):
                if d in SKIP_DIRS or d.startswith("."):
                    continue
                full = os.path.join(root, d)
                if os.path.islink(full):
                    problems.append(RunProblem(_shown(full), "liên kết tượng trưng tới thư mục: bỏ qua (không đi theo).",
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
            problems.append(RunProblem(_shown(raw), "thư mục không có dự thảo nào (.docx, .txt, .md) để rà soát.",
                                       "the folder contains no drafts (.docx, .txt, .md) to check."))
        files.extend(found)
    return files, problems


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _shown(path: str) -> str:
    """A path as printable text, valid in JSON, SARIF, GitHub annotations and JUnit XML: bytes of
    a file name that are not UTF-8, and control characters, shown as \\xNN."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if _CONTROL.search(path):
        path = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)
    return path


def options_for(cfg: Config, s: RunSettings) -> Options:
    settings = dict(cfg.values)
    if settings.get("registries"):
        # local agency registries: paths relative to the configuration file, checked now so that
        # a bad file stops the run with a clear message (RegistryError is a ConfigError)
        from .registry import load

        settings["registries"] = [str(cfg.resolve_path(p)) for p in settings["registries"]]
        load(settings["registries"])
    return Options(
        stage=s.stage or cfg.get("stage", "draft"),
        lang=s.lang or cfg.get("lang", "vi"),
        today=s.today or cfg.get("today"),
        settings=settings,
    )


def check_one(path: str, s: RunSettings, data: bytes | None = None, display: str | None = None) -> FileResult:
    """One file's result. A file that cannot even be looked at (a symbolic link to itself, a path
    the system refuses) gets its own E903; the other files of the run are still checked."""
    try:
        return _check_one(path, s, data, display)
    except (OSError, RuntimeError, ValueError) as exc:
        from .diagnostics import Msg

        why = getattr(exc, "strerror", None) or str(exc)
        shown = _shown(display or path)
        return input_error_result(shown, InputError("E903", Msg(f"Không đọc được tệp '{shown}': {_shown(why)}.",
                                                                f"Cannot read '{shown}': {_shown(why)}.")))


def _check_one(path: str, s: RunSettings, data: bytes | None = None, display: str | None = None) -> FileResult:
    shown = _shown(display or path)  # a file name that is not UTF-8 is reported with \xNN escapes
    cfg = config_for(path if path != "-" else "<stdin>", s.config)
    opts = options_for(cfg, s)
    select = s.select or (cfg.get("select", []) + cfg.get("extend-select", []))
    ignore = list(s.ignore) + cfg.get("ignore", []) + cfg.ignored_for(path)
    suffix = os.path.splitext(shown)[1].lower()
    if data is None and suffix not in SUPPORTED:
        try:
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError:
            head = b""
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return input_error_result(shown, InputError("E903", _msg_old_doc()))
    res = check_file(path if data is None else shown, opts, select=select, ignore=ignore, data=data, debug=s.debug)
    res.path = shown
    if res.document is not None and res.document.source.kind != "docx":
        from .engine import select_rules
        from .suppress import apply

        selected = {r.code for r in select_rules(select, ignore)}
        res.diagnostics = apply(res.document.source.text, res.diagnostics, selected, shown)
    for d in res.diagnostics:
        d.path = shown
        if shown != (display or path) and (display or path) in d.message.vi + d.message.en:
            d.message = type(d.message)(d.message.vi.replace(display or path, shown),
                                        d.message.en.replace(display or path, shown))
    res.selection = (select, ignore)
    return res


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


def _worker(args):
    path, settings = args
    res = check_one(path, settings)
    res.document = None  # documents stay in the worker: only findings cross the process boundary
    return res


def check_many(files: list[str], s: RunSettings, jobs: int | None = None) -> list[FileResult]:
    """Check files in a stable order, in parallel when there are many."""
    jobs = min(clamp_jobs(jobs)[0], len(files))
    if jobs <= 1 or len(files) < 4:
        return [check_one(f, s) for f in files]
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(),))
    except (OSError, RuntimeError, ValueError):  # no process pool here (sandbox, frozen app): run in-process
        return [check_one(f, s) for f in files]
    try:
        out = list(pool.map(_worker, [(f, s) for f in files], chunksize=max(1, len(files) // (jobs * 4))))
    except BaseException as exc:  # Ctrl-C, or the pool broke: the workers end now, not when done
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except (OSError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)
        if isinstance(exc, (OSError, RuntimeError)) and not isinstance(exc, KeyboardInterrupt):
            return [check_one(f, s) for f in files]  # a pool that cannot start: run in-process
        raise
    pool.shutdown(wait=True)
    return out


def _msg_old_doc():
    from .diagnostics import Msg

    return Msg("Tệp Word 97-2003 (.doc) không được hỗ trợ: hãy lưu lại thành .docx.",
               "Word 97-2003 files (.doc) are not supported: save the file as .docx.")


def exit_code(results: list[FileResult], problems: list[RunProblem], fail_on: str) -> int:
    if any(p.fatal for p in problems) or any(r.failed for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(r.worst() >= threshold for r in results):
        return 1
    return 0
