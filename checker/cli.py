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

import importlib
import io
import pkgutil
import sys
from typing import List, Optional

import typer

from . import __version__, messages
from .messages import die as _die
from .cli_help import H_CONFIG, H_IGNORE, H_SELECT, H_STAGE
from .errors import ConfigError
from .fastpath import _check_codes, _split, run_check  # noqa: F401 - commands import them from here

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="rasoat — rà soát dự thảo THÔNG BÁO theo Nghị định 30/2020/NĐ-CP. "
         "Không văn bản nào rời khỏi máy: rasoat không dùng mạng.",
)


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
    raise typer.Exit(run_check(
        paths=paths,
        format=format,
        select=select,
        ignore=ignore,
        stage=stage,
        lang=lang,
        fail_on=fail_on,
        include=include,
        exclude=exclude,
        stdin_filename=stdin_filename,
        config=config,
        today=today,
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        baseline=baseline,
        statistics=statistics,
        jobs=jobs,
        quiet=quiet,
        no_color=no_color,
        debug=debug,
    ))


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


def main() -> None:
    """`rasoat ARGS`: `check` by the fast path when it reads the arguments (checker/fastpath.py),
    everything else by the typer application."""
    from .fastpath import main as run

    run(full=_run_app)


if __name__ == "__main__":
    main()
