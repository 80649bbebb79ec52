"""rasoat command line (typer).

    rasoat check PATH...      findings (text, json, …)
    rasoat rules              the list of rules
    rasoat explain CODE       a rule's documentation

Further commands (tasks, citations, annotate, …) live in checker/commands/, one module each
with a `register(app)` function; they are added here automatically.

Exit codes (like ruff and Vale): 0 no finding at error severity (or the --fail-on level);
1 findings at that severity; 2 rasoat could not do its job (bad option, unreadable path,
internal error), with a message on stderr and never a traceback unless --debug.
"""
from __future__ import annotations

import datetime as dt
import importlib
import io
import os
import pkgutil
import sys
from typing import List, Optional

import typer

from . import __version__, messages
from .messages import die as _die
from .cli_help import H_CONFIG, H_IGNORE, H_SELECT, H_STAGE
from .errors import ConfigError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="rasoat — rà soát dự thảo THÔNG BÁO theo Nghị định 30/2020/NĐ-CP. "
         "Không văn bản nào rời khỏi máy: rasoat không dùng mạng.",
)


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


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Tệp hoặc thư mục (.docx, .txt, .md); '-' để đọc stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text | json | sarif | github | junit"),
    select: Optional[List[str]] = typer.Option(None, "--select", help=H_SELECT),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help=H_IGNORE),
    stage: Optional[str] = typer.Option(None, "--stage", help=H_STAGE),
    lang: Optional[str] = typer.Option(None, "--lang", help="vi (mặc định) | en"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Mức nghiêm trọng làm thoát mã 1: error | warning | info (mặc định: error)"),
    include: Optional[List[str]] = typer.Option(None, "--include", help="Mẫu tên tệp cần rà soát trong thư mục (mặc định *.docx, *.txt, *.md)."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Mẫu tên tệp bỏ qua."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Tên tệp dùng cho nội dung đọc từ stdin."),
    config: Optional[str] = typer.Option(None, "--config", help=H_CONFIG),
    today: Optional[str] = typer.Option(None, "--today", help="Ngày tham chiếu YYYY-MM-DD (thời hạn đã qua)."),
    fix: bool = typer.Option(False, "--fix", help="Sửa các lỗi sửa được một cách an toàn, ghi đè tệp (ghi nguyên tử)."),
    diff: bool = typer.Option(False, "--diff", help="Chỉ in các thay đổi mà --fix sẽ làm, không ghi tệp."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Áp dụng cả các sửa chữa không chắc chắn."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Chỉ báo các phát hiện mới so với tệp baseline."),
    statistics: bool = typer.Option(False, "--statistics", help="Chỉ in số phát hiện theo mã quy tắc."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Số tiến trình song song (mặc định: số lõi CPU)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Chỉ in các phát hiện."),
    no_color: bool = typer.Option(False, "--no-color", help="Không tô màu."),
    debug: bool = typer.Option(False, "--debug", help="In traceback khi có lỗi nội bộ."),
):
    """Rà soát các dự thảo và in các phát hiện."""
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
        typer.echo(f"rasoat: {p.get(out_lang)}", err=True)
    if notes and not quiet:
        shown = ", ".join(notes[:5]) + (", …" if len(notes) > 5 else "")
        typer.echo(f"rasoat: bỏ qua {len(notes)} tệp Markdown không phải dự thảo (không có thành phần nào của văn bản): "
                   f"{shown}. Nêu tên tệp để rà soát nó." if out_lang == "vi" else
                   f"rasoat: skipped {len(notes)} Markdown file(s) that are not drafts (no component of a document): "
                   f"{shown}. Name a file to check it.", err=True)
    for r in results:
        if r.failed:
            for d in r.diagnostics:
                if d.code.startswith("E9"):
                    typer.echo(f"rasoat: {r.path}: {d.message.get(out_lang)}", err=True)
    raise typer.Exit(exit_code(results, problems, fail_on))


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


@app.command()
def baseline(
    paths: List[str] = typer.Argument(..., help="Tệp hoặc thư mục."),
    output: str = typer.Option(".rasoat-baseline.json", "--output", "-o", help="Tệp baseline cần ghi."),
    select: Optional[List[str]] = typer.Option(None, "--select", help=H_SELECT),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help=H_IGNORE),
    stage: Optional[str] = typer.Option(None, "--stage", help=H_STAGE),
    config: Optional[str] = typer.Option(None, "--config", help=H_CONFIG),
):
    """Ghi các phát hiện hiện có vào tệp baseline (để 'check --baseline' chỉ báo phát hiện mới)."""
    from . import baseline as bl
    from .config import clear_cache
    from .runner import RunSettings, check_many, discover
    from .writefile import WriteRefused

    clear_cache()
    if stage not in (None, "draft", "issued"):
        _die(f"--stage không hợp lệ: {stage!r} (draft | issued)", f"invalid --stage: {stage!r} (draft | issued)")
    settings = RunSettings(select=_split(select), ignore=_split(ignore), stage=stage, config=config)
    _check_codes(settings.select + settings.ignore)
    try:
        files, problems = discover(paths, [], [])
        results = check_many([f for f in files if f != "-"], settings)
        n = bl.write(output, results, inputs=paths)
    except ConfigError as exc:
        _die(str(exc))
    except WriteRefused as exc:
        _die(exc.get(messages.LANG))
    except OSError as exc:
        _die(f"không ghi được {output}: {exc.strerror}", f"cannot write {output}: {exc.strerror}")
    for p in problems:
        typer.echo(f"rasoat: {p.get(messages.LANG)}", err=True)
    typer.echo(messages.say(f"Đã ghi {n} phát hiện của {len(results)} tệp vào {output}.",
                            f"Wrote {n} finding(s) of {len(results)} file(s) to {output}."))
    raise typer.Exit(2 if any(p.fatal for p in problems) else 0)


@app.command()
def rules(
    lang: str = typer.Option("vi", "--lang", help="vi | en"),
    format: str = typer.Option("text", "--format", help="text | json | markdown"),
):
    """Liệt kê các quy tắc (mã, mức, tên)."""
    import json

    from .engine import load_rules

    reg = load_rules()
    rows = [reg[c] for c in sorted(reg)]
    if format == "json":
        typer.echo(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
                                "other_severities": list(r.other),
                                "severity_varies": r.varies.get(lang) if r.varies else None,
                                "title": r.title.get(lang), "fixable": r.fixable} for r in rows],
                              ensure_ascii=False, indent=2))
        return
    if format == "markdown":
        head = "| mã | tên | nhóm | mức | sửa tự động |" if lang == "vi" else "| code | name | category | severity | fixable |"
        typer.echo(head + "\n|---|---|---|---|---|")
        for r in rows:
            typer.echo(f"| {r.code} | {r.title.get(lang)} | {r.category} | {r.severity_label()} | {'✓' if r.fixable else ''} |")
        typer.echo("")
        typer.echo("Mức ghi \"error / warning\": mức của phát hiện tùy trường hợp; `rasoat explain MÃ` nói khi nào và vì sao."
                   if lang == "vi" else
                   "A level written \"error / warning\": the finding's level depends on the case; `rasoat explain CODE` "
                   "says when and why.")
        return
    for r in rows:
        fix = (" (sửa tự động)" if lang == "vi" else " (fixable)") if r.fixable else ""
        typer.echo(f"{r.code}  {r.severity_label():<15}  {r.category:<10}  {r.title.get(lang)}{fix}")


@app.command()
def explain(
    code: str = typer.Argument(..., help="Mã quy tắc, ví dụ S108"),
    lang: str = typer.Option("vi", "--lang", help="vi | en"),
):
    """In tài liệu của một quy tắc: cái gì, tại sao, điều khoản, ví dụ, cách sửa."""
    from .engine import load_rules

    reg = load_rules()
    r = reg.get(code.upper())
    if r is None:
        _die(f"không có quy tắc '{code}' (xem 'rasoat rules')", f"no rule '{code}' (see 'rasoat rules')")
    names = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
    sev = names[r.severity] if lang == "vi" else r.severity
    typer.echo(f"{r.code} ({r.name}) — {r.category}, {sev}{', sửa tự động được' if r.fixable and lang == 'vi' else (', fixable' if r.fixable else '')}")
    if r.varies is not None:
        others = ", ".join(names.get(o, o) if lang == "vi" else o for o in r.other)
        typer.echo((f"Mức có thể khác ({others}): " if lang == "vi" else f"The level may differ ({others}): ")
                   + r.varies.get(lang))
    typer.echo("")
    typer.echo(r.doc_for(lang))


def version_callback(value: bool):
    if value:
        typer.echo(f"rasoat {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="In phiên bản."),
):
    """rasoat — rà soát dự thảo THÔNG BÁO theo Nghị định 30/2020/NĐ-CP."""


def _register_commands() -> None:
    from . import commands

    for mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{mod.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()

from .audit.cli import register as _register_audit  # noqa: E402 - imports no Dask until it runs

_register_audit(app)

from .serve.command import register as _register_serve  # noqa: E402 - `rasoat serve` (extra "serve")

_register_serve(app)


def _usage_error_type():
    """The command-line parser's UsageError class (typer vendors click in recent versions)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _run_app(argv: list[str]) -> int:
    """Run the typer app; in Vietnamese (the default) its help screens and usage errors are
    given in Vietnamese too (checker.messages)."""
    if messages.LANG == "en":
        app()
        return 0
    wants_help = len(argv) <= 1 or "--help" in argv[1:]
    real = sys.stdout
    buf = io.StringIO() if wants_help else None
    try:
        if buf is not None:
            sys.stdout = buf
        try:
            code = app(standalone_mode=False)
        finally:
            sys.stdout = real
    except _usage_error_type() as exc:
        typer.echo(messages.usage_error(exc), err=True)
        return 2
    finally:
        if buf is not None:
            sys.stdout.write(messages.localize_help(buf.getvalue()))
    return code if isinstance(code, int) else 0


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


def main() -> None:
    import signal

    messages.set_lang(sys.argv[1:])
    debug = "--debug" in sys.argv
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)
    except (ValueError, OSError):  # not the main thread
        pass
    try:
        sys.exit(_run_app(sys.argv))
    except SystemExit:
        if _INTERRUPT["seen"]:
            _interrupted()
        raise
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # noqa: BLE001 - never a traceback unless --debug
        if debug:
            raise
        typer.echo(messages.say(f"rasoat: lỗi nội bộ: {type(exc).__name__}: {exc}. Chạy lại với --debug để xem chi tiết.",
                                f"rasoat: internal error: {type(exc).__name__}: {exc}. Run again with --debug for details."),
                   err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
