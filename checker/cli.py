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
import os
import pkgutil
import sys
from typing import List, Optional

import typer

from . import __version__
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


def _die(message: str) -> None:
    typer.echo(f"rasoat: {message}", err=True)
    raise typer.Exit(2)


def _color(no_color: bool) -> bool:
    return not no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _today(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _die(f"--today phải có dạng YYYY-MM-DD (got {value!r})")


FORMATS = ["text", "json", "sarif", "github", "junit"]


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Tệp hoặc thư mục (.docx, .txt, .md); '-' để đọc stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text | json | sarif | github | junit"),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Chỉ chạy các quy tắc này (mã hoặc tiền tố, ví dụ S,D201)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Bỏ qua các quy tắc này (mã hoặc tiền tố)."),
    stage: Optional[str] = typer.Option(None, "--stage", help="draft (mặc định: cho phép số, ngày để trống) | issued"),
    lang: Optional[str] = typer.Option(None, "--lang", help="vi (mặc định) | en"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Mức nghiêm trọng làm thoát mã 1: error (mặc định) | warning | info"),
    include: Optional[List[str]] = typer.Option(None, "--include", help="Mẫu tên tệp cần rà soát trong thư mục (mặc định *.docx, *.txt, *.md)."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Mẫu tên tệp bỏ qua."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Tên tệp dùng cho nội dung đọc từ stdin."),
    config: Optional[str] = typer.Option(None, "--config", help="Tệp cấu hình (mặc định: rasoat.toml / pyproject.toml gần nhất)."),
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
    from .runner import RunSettings, check_many, check_one, discover, exit_code

    if format not in FORMATS:
        _die(f"--format không hợp lệ: {format!r} (chọn một trong {', '.join(FORMATS)})")
    if stage not in (None, "draft", "issued"):
        _die(f"--stage không hợp lệ: {stage!r} (draft | issued)")
    if lang not in (None, "vi", "en"):
        _die(f"--lang không hợp lệ: {lang!r} (vi | en)")
    if fail_on not in (None, "error", "warning", "info"):
        _die(f"--fail-on không hợp lệ: {fail_on!r} (error | warning | info)")
    if jobs is not None and jobs < 1:
        _die("--jobs phải ≥ 1")
    settings = RunSettings(
        select=_split(select), ignore=_split(ignore), stage=stage, lang=lang, fail_on=fail_on,
        include=_split(include), exclude=_split(exclude), today=_today(today), config=config, debug=debug,
    )
    from .config import clear_cache, config_for
    from .engine import load_rules

    clear_cache()  # configuration files are read afresh on every run
    known = load_rules()
    for code in settings.select + settings.ignore:
        if code.upper() != "ALL" and not any(c.startswith(code.upper()) for c in known):
            _die(f"không có quy tắc nào có mã hoặc tiền tố '{code}' (xem 'rasoat rules')")
    try:
        files, problems = discover(paths, settings.include, settings.exclude)
        first = files[0] if files and files[0] != "-" else "<stdin>"
        cfg0 = config_for(first, config)
        out_lang = lang or cfg0.get("lang") or "vi"
        fail_on = fail_on or cfg0.get("fail-on") or "error"
        results = []
        disk = [f for f in files if f != "-"]
        if "-" in files:
            data = sys.stdin.buffer.read()
            results.append(check_one(stdin_filename or "<stdin>.txt", settings, data=data,
                                     display=stdin_filename or "<stdin>"))
        want_docs = fix or diff
        from .runner import clamp_jobs

        n_jobs, note = clamp_jobs(jobs or cfg0.get("jobs"))
        if note is not None and not want_docs:
            problems.append(note)
        results.extend(check_many(disk, settings, jobs=1 if want_docs else n_jobs))
        if fix or diff:
            from .fixer import fix_results

            fix_results(results, settings, unsafe=unsafe_fixes, write=fix and not diff, show_diff=diff, lang=out_lang)
        if baseline:
            from . import baseline as bl

            bl.filter_results(results, bl.load(baseline))
    except ConfigError as exc:
        _die(str(exc))
    if statistics:
        sys.stdout.write(_statistics(results, out_lang))
    elif not diff:
        render = get_reporter(format)
        sys.stdout.write(render(results, lang=out_lang, color=_color(no_color), quiet=quiet))
    sys.stdout.flush()
    for p in problems:
        typer.echo(f"rasoat: {p.get(out_lang)}", err=True)
    for r in results:
        if r.failed:
            for d in r.diagnostics:
                if d.code.startswith("E9"):
                    typer.echo(f"rasoat: {r.path}: {d.message.get(out_lang)}", err=True)
    raise typer.Exit(exit_code(results, problems, fail_on))


def _statistics(results, lang: str) -> str:
    from collections import Counter

    from .engine import load_rules

    reg = load_rules()
    counts = Counter(d.code for r in results for d in r.diagnostics)
    fixable = Counter(d.code for r in results for d in r.diagnostics if d.fix is not None)
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
    select: Optional[List[str]] = typer.Option(None, "--select"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore"),
    stage: Optional[str] = typer.Option(None, "--stage"),
    config: Optional[str] = typer.Option(None, "--config"),
):
    """Ghi các phát hiện hiện có vào tệp baseline (để 'check --baseline' chỉ báo phát hiện mới)."""
    from . import baseline as bl
    from .config import clear_cache
    from .runner import RunSettings, check_many, discover
    from .writefile import WriteRefused

    clear_cache()
    settings = RunSettings(select=_split(select), ignore=_split(ignore), stage=stage, config=config)
    try:
        files, problems = discover(paths, [], [])
        results = check_many([f for f in files if f != "-"], settings)
        n = bl.write(output, results, inputs=paths)
    except ConfigError as exc:
        _die(str(exc))
    except WriteRefused as exc:
        _die(exc.get("vi"))
    except OSError as exc:
        _die(f"không ghi được {output}: {exc.strerror}")
    for p in problems:
        typer.echo(f"rasoat: {p.get('vi')}", err=True)
    typer.echo(f"Đã ghi {n} phát hiện của {len(results)} tệp vào {output}.")
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
                                "title": r.title.get(lang), "fixable": r.fixable} for r in rows],
                              ensure_ascii=False, indent=2))
        return
    if format == "markdown":
        head = "| mã | tên | nhóm | mức | sửa tự động |" if lang == "vi" else "| code | name | category | severity | fixable |"
        typer.echo(head + "\n|---|---|---|---|---|")
        for r in rows:
            typer.echo(f"| {r.code} | {r.title.get(lang)} | {r.category} | {r.severity} | {'✓' if r.fixable else ''} |")
        return
    for r in rows:
        fix = " (fix)" if r.fixable else ""
        typer.echo(f"{r.code}  {r.severity:<7}  {r.category:<10}  {r.title.get(lang)}{fix}")


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
        _die(f"không có quy tắc '{code}' (xem 'rasoat rules')")
    sev = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}[r.severity] if lang == "vi" else r.severity
    typer.echo(f"{r.code} ({r.name}) — {r.category}, {sev}{', sửa tự động được' if r.fixable and lang == 'vi' else (', fixable' if r.fixable else '')}")
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


INTERRUPTED = ("rasoat: đã dừng theo yêu cầu (Ctrl-C); không tệp nào bị ghi dở: mọi tệp hoặc đã được ghi "
               "trọn vẹn, hoặc giữ nguyên như trước. / interrupted; no file was left half-written.")


_INTERRUPT = {"seen": False}


def _on_sigint(signum, frame):
    _INTERRUPT["seen"] = True
    raise KeyboardInterrupt


def _interrupted() -> None:
    """Ctrl-C: every write is atomic (a temporary file renamed at the end, removed when the rename
    did not happen), so no file is half-written; exit code 130 as shells use."""
    try:
        sys.stderr.write("\n" + INTERRUPTED + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(130)


def main() -> None:
    import signal

    debug = "--debug" in sys.argv
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)
    except (ValueError, OSError):  # not the main thread
        pass
    try:
        app()
    except SystemExit:
        if _INTERRUPT["seen"]:
            _interrupted()
        raise
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # noqa: BLE001 - never a traceback unless --debug
        if debug:
            raise
        typer.echo(f"rasoat: lỗi nội bộ (internal error): {type(exc).__name__}: {exc}. "
                   "Chạy lại với --debug để xem chi tiết.", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
