"""`rasoat check` without the command-line framework: the console entry point.

Most runs of rasoat are `rasoat check FILE…`. Importing typer (and click, and the other commands
with their annotations evaluated) costs more than checking a short notice, so `main` reads the
arguments of `check` itself when they are plain (the long and short options of `check` with their
values, file names, `--`), runs the same function the typer command runs, and prints the same
bytes. Anything else (another command, --help, --version, an unknown or malformed option, a
missing value or file) goes to the typer application (checker/cli.py), whose help screens and
error messages are therefore unchanged.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from typing import List, Optional

from . import messages
from .messages import die as _die
from .errors import ConfigError


def _split(values: Optional[List[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _color(no_color: bool) -> bool:
    return not no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _today(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _die(f"--today phải có dạng YYYY-MM-DD (nhận được {value!r})", f"--today must be YYYY-MM-DD (got {value!r})")


def _check_codes(codes: list[str]) -> None:
    from .engine import unknown_codes

    for code in unknown_codes(codes):
        _die(f"không có quy tắc nào có mã hoặc tiền tố '{code}' (xem 'rasoat rules')", f"no rule has the code or prefix '{code}' (see 'rasoat rules')")


FORMATS = ["text", "json", "sarif", "github", "junit"]


def run_check(
    paths: List[str],
    format: str = "text",
    select: Optional[List[str]] = None,
    ignore: Optional[List[str]] = None,
    stage: Optional[str] = None,
    lang: Optional[str] = None,
    fail_on: Optional[str] = None,
    include: Optional[List[str]] = None,
    exclude: Optional[List[str]] = None,
    stdin_filename: Optional[str] = None,
    config: Optional[str] = None,
    today: Optional[str] = None,
    fix: bool = False,
    diff: bool = False,
    unsafe_fixes: bool = False,
    baseline: Optional[str] = None,
    statistics: bool = False,
    jobs: Optional[int] = None,
    quiet: bool = False,
    no_color: bool = False,
    debug: bool = False,
) -> int:
    """The `check` command (typer's `check` and the fast path both call it); returns the exit code."""
    from .report import get_reporter
    from .runner import RunSettings, brief, check_one, discover, exit_code, is_note, iter_check, skip_notes

    if format not in FORMATS:
        _die(f"--format không hợp lệ: {format!r} (chọn một trong {', '.join(FORMATS)})", f"invalid --format: {format!r} (one of {', '.join(FORMATS)})")
    if stage not in (None, "draft", "issued"):
        _die(f"--stage không hợp lệ: {stage!r} (draft | issued)", f"invalid --stage: {stage!r} (draft | issued)")
    if lang not in (None, "vi", "en"):
        _die(f"--lang không hợp lệ: {lang!r} (vi | en)", f"invalid --lang: {lang!r} (vi | en)")
    if fail_on not in (None, "error", "warning", "info"):
        _die(f"--fail-on không hợp lệ: {fail_on!r} (error | warning | info)", f"invalid --fail-on: {fail_on!r} (error | warning | info)")
    if jobs is not None and jobs < 1:
        _die("--jobs phải ≥ 1", "--jobs must be ≥ 1")
    settings = RunSettings(
        select=_split(select), ignore=_split(ignore), stage=stage, lang=lang, fail_on=fail_on,
        include=_split(include), exclude=_split(exclude), today=_today(today), config=config, debug=debug,
    )
    from .config import clear_cache, config_for
    clear_cache()  # configuration files are read afresh on every run
    _check_codes(settings.select + settings.ignore)
    try:
        from .ruledata import validate_all

        validate_all()  # a bad file of rules/: one clear error before any file is read
        files, problems = discover(paths, settings.include, settings.exclude)
        first = files[0] if files and files[0] != "-" else "<stdin>"
        cfg0 = config_for(first, config)
        out_lang = lang or cfg0.get("lang") or "vi"
        fail_on = fail_on or cfg0.get("fail-on") or "error"
        disk = [f for f in files if f != "-"]
        want_docs = fix or diff
        from .runner import clamp_jobs

        n_jobs, jobs_note = clamp_jobs(jobs or cfg0.get("jobs"))
        if jobs_note is not None and not want_docs:
            problems.append(jobs_note)

        def all_results():
            if "-" in files:
                data = sys.stdin.buffer.read()
                yield check_one(stdin_filename or "<stdin>.txt", settings, data=data, display=stdin_filename or "<stdin>")
            yield from iter_check(disk, settings, jobs=1 if want_docs else n_jobs,
                                  keep_documents=want_docs)

        explicit = {p for p in paths if os.path.isfile(p)}
        # text and JSON are written file by file, and only the counts of a written file are kept:
        # memory stays bounded by the largest document however many files there are
        streamed = format in ("text", "json") and not (fix or diff or baseline or statistics)
        results, notes = [], []
        if streamed:
            write = _streamer(format, out_lang, _color(no_color), quiet)
            for res in all_results():
                if res.path not in explicit and is_note(res):
                    notes.append(res.path)
                    continue
                write(res)
                results.append(brief(res))
            write(None, results)
        else:
            results, notes = skip_notes(list(all_results()), explicit)
        if fix or diff:
            from .fixer import fix_results

            fix_results(results, settings, unsafe=unsafe_fixes, write=fix and not diff, show_diff=diff, lang=out_lang)
        if baseline:
            from . import baseline as bl

            bl.filter_results(results, bl.load(baseline), bl.base_of(baseline))
    except ConfigError as exc:
        _die(str(exc))
    if statistics:
        sys.stdout.write(_statistics(results, out_lang))
    elif not diff and not streamed:
        render = get_reporter(format)
        sys.stdout.write(render(results, lang=out_lang, color=_color(no_color), quiet=quiet, fail_on=fail_on))
    sys.stdout.flush()
    for p in problems:
        messages.echo_err(f"rasoat: {p.get(out_lang)}")
    if notes and not quiet:
        shown = ", ".join(notes[:5]) + (", …" if len(notes) > 5 else "")
        messages.echo_err(f"rasoat: bỏ qua {len(notes)} tệp Markdown không phải dự thảo (không có thành phần nào của văn bản): "
                   f"{shown}. Nêu tên tệp để rà soát nó." if out_lang == "vi" else
                   f"rasoat: skipped {len(notes)} Markdown file(s) that are not drafts (no component of a document): "
                   f"{shown}. Name a file to check it.")
    for r in results:
        if r.failed:
            for d in r.diagnostics:
                if d.code.startswith("E9"):
                    messages.echo_err(f"rasoat: {r.path}: {d.message.get(out_lang)}")
    return exit_code(results, problems, fail_on)


def _streamer(fmt: str, lang: str, color: bool, quiet: bool):
    """write(result) writes one file's report now; write(None, results) the end of the run."""
    from .report import json_report, text

    state = {"first": True}

    def write(res, results=None) -> None:
        if fmt == "json":
            if state["first"]:
                sys.stdout.write(json_report.render_start())
            part = json_report.render_end(results) if res is None else json_report.render_file(res, lang, state["first"])
        else:
            part = text.render_end(results, lang, quiet) if res is None else text.render_file(res, lang, color, quiet)
        state["first"] = False
        sys.stdout.write(part)
        sys.stdout.flush()

    return write


def _statistics(results, lang: str) -> str:
    from collections import Counter

    from .engine import load_rules

    reg = load_rules()
    counts = Counter(d.code for r in results for d in r.diagnostics)
    fixable = Counter(d.code for r in results for d in r.diagnostics if d.fixable)
    lines = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = reg.get(code)
        title = rule.title.get(lang) if rule else ""
        mark = "[*]" if fixable[code] else "   "
        lines.append(f"{n:>6}  {code}  {mark} {title}")
    total = sum(counts.values())
    lines.append(f"{total:>6}  {'tổng' if lang == 'vi' else 'total'}")
    return "\n".join(lines) + "\n"



# ---- the arguments of `check`, read as click reads them (or not at all) -----------------------

_VALUE = {"--format": "format", "-f": "format", "--select": "select", "--ignore": "ignore", "--stage": "stage",
          "--lang": "lang", "--fail-on": "fail_on", "--include": "include", "--exclude": "exclude",
          "--stdin-filename": "stdin_filename", "--config": "config", "--today": "today",
          "--baseline": "baseline", "--jobs": "jobs", "-j": "jobs"}
_FLAG = {"--fix": "fix", "--diff": "diff", "--unsafe-fixes": "unsafe_fixes", "--statistics": "statistics",
         "--quiet": "quiet", "-q": "quiet", "--no-color": "no_color", "--debug": "debug"}
_MANY = {"select", "ignore", "include", "exclude"}


def parse_check(args: list[str]) -> dict | None:
    """The keyword arguments of run_check for `check ARGS…` when every argument is one the fast
    path reads exactly as typer would; None otherwise (typer then parses, and explains)."""
    if not args or args[0] != "check":
        return None
    opts: dict = {"paths": []}
    rest = args[1:]
    i = 0
    while i < len(rest):
        a = rest[i]
        i += 1
        if a == "--":
            opts["paths"].extend(rest[i:])
            break
        if a == "-" or not a.startswith("-"):
            opts["paths"].append(a)
            continue
        name, eq, value = a.partition("=") if a.startswith("--") else (a[:2], "", a[2:])
        if not name.startswith("--") and value:
            eq = "="  # -fjson, -j2
        if name in _FLAG and not eq:
            opts[_FLAG[name]] = True
            continue
        if name not in _VALUE:
            return None  # --help, --version, an unknown option, -qf …: typer's answer
        if not eq:
            if i >= len(rest):
                return None  # a missing value: typer's message
            value = rest[i]
            i += 1
        if value.startswith("-") and value != "-":
            return None  # a value that looks like an option: left to typer
        key = _VALUE[name]
        if key == "jobs":
            if not (value.isascii() and value.isdigit()):
                return None  # not a plain number: typer's message
            value = int(value)
        if key in _MANY:
            opts.setdefault(key, []).append(value)
        else:
            opts[key] = value
    return opts if opts["paths"] else None


# ---- the process: Ctrl-C, internal errors, a closed pipe ----------------------------------------

INTERRUPTED = ("rasoat: đã dừng theo yêu cầu (Ctrl-C); không tệp nào bị ghi dở: mọi tệp hoặc đã được ghi "
               "trọn vẹn, hoặc giữ nguyên như trước.",
               "rasoat: interrupted (Ctrl-C); no file was left half-written: every file is either written "
               "whole or as it was.")


_INTERRUPT = {"seen": False}


def _on_sigint(signum, frame):
    _INTERRUPT["seen"] = True
    raise KeyboardInterrupt


def _interrupted() -> None:
    """Ctrl-C: every write is atomic (a temporary file renamed at the end, removed when the rename
    did not happen), so no file is half-written; exit code 130 as shells use."""
    try:
        sys.stderr.write("\n" + messages.say(*INTERRUPTED) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(130)



def main(full=None) -> None:
    """The console entry point: `check` here when parse_check reads its arguments, anything else
    by `full` (the typer application, checker.cli._run_app)."""
    try:
        _main(full)
    finally:
        _leave_to_exit()


def _leave_to_exit() -> None:
    """The command is done: what the run built (rule modules, registries, lexicons, tables: tens
    of thousands of containers, some of them long) lives until the process ends. Python's exit runs the cyclic collector over
    all of it three times (~5 % of a one-file run's instructions, 20-40 ms) while it tears the
    modules down; frozen (gc.freeze), it is left out of those passes. The exit handlers (the
    state file is written by one) and the closing of the streams run as before."""
    import gc

    gc.freeze()


def _main(full) -> None:
    import signal

    messages.set_lang(sys.argv[1:])
    debug = "--debug" in sys.argv
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)
    except (ValueError, OSError):  # not the main thread
        pass
    try:
        opts = parse_check(sys.argv[1:])
        if opts is None:
            if full is None:
                from .cli import _run_app as full
            sys.exit(full(sys.argv))
        from . import pipeline

        pipeline.FREEZE_SET_UP = True  # (this process is the command's own)
        try:
            code = run_check(**opts)
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise
            sys.stdout, sys.stderr = _Quiet(sys.stdout), _Quiet(sys.stderr)  # as typer does
            code = 1
        sys.exit(code)
    except SystemExit:
        if _INTERRUPT["seen"]:
            _interrupted()
        raise
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # noqa: BLE001 - never a traceback unless --debug
        if debug:
            raise
        messages.echo_err(messages.say(f"rasoat: lỗi nội bộ: {type(exc).__name__}: {exc}. Chạy lại với --debug để xem chi tiết.",
                                       f"rasoat: internal error: {type(exc).__name__}: {exc}. Run again with --debug for details."))
        sys.exit(2)


class _Quiet:
    """A stream whose flush ignores a closed pipe (the reader went away: nothing more to say)."""

    def __init__(self, stream):
        self._stream = stream

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            pass


if __name__ == "__main__":
    main()
