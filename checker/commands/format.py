"""`rasoat format DRAFT.docx -o FIXED.docx`: repair the layout of a .docx (P8xx safe fixes).

Writes a corrected copy (formatting only: page size, margins, font, sizes, bold and italic of the
recognised components, the page number's size and italics); the text is never changed. Without
-o the original is only overwritten with --in-place. The write is atomic (checker.fix.atomic_write).
Afterwards the layout findings left (those that need a person: alignment, indents, spacing,
columns …) are listed.

Exit codes: 0 done (or nothing to fix); 1 with --check when something would change; 2 bad input
(not a .docx, unreadable file, bad option).
"""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from ..messages import die as _die


def register(app: typer.Typer) -> None:
    @app.command("format")
    def format_cmd(
        path: str = typer.Argument(..., help="Tệp .docx cần sửa trình bày."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Ghi bản đã sửa vào tệp này."),
        in_place: bool = typer.Option(False, "--in-place", help="Ghi đè lên chính tệp (không có -o)."),
        select: Optional[List[str]] = typer.Option(None, "--select", help="Chỉ sửa theo các quy tắc này (mã hoặc tiền tố, ví dụ P807)."),
        ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Không sửa theo các quy tắc này."),
        check_only: bool = typer.Option(False, "--check", help="Không ghi tệp; thoát mã 1 nếu có gì cần sửa."),
        lang: str = typer.Option("vi", "--lang", help="vi | en"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Không liệt kê các lỗi trình bày còn lại."),
    ):
        """Sửa trình bày tệp .docx (khổ giấy, lề, phông, cỡ chữ, đậm/nghiêng) theo Phụ lục I, NĐ 30/2020."""
        from ..document import Options, load_path
        from ..engine import load_rules
        from ..errors import InputError
        from ..fix import atomic_write
        from ..layout.fix import fixable_rules, format_docx

        if lang not in ("vi", "en"):
            _die(f"--lang không hợp lệ: {lang!r} (vi | en)", f"invalid --lang: {lang!r} (vi | en)")
        if not path.lower().endswith(".docx"):
            _die(f"{path}: 'rasoat format' chỉ sửa tệp .docx (trình bày của .txt, .md không kiểm tra được)",
                 f"{path}: only .docx files can be formatted")
        if output is None and not in_place and not check_only:
            _die("cần -o TỆP_MỚI để ghi bản đã sửa, hoặc --in-place để ghi đè tệp gốc",
                 "give -o NEW_FILE, or --in-place to overwrite the original")
        if output is not None and in_place:
            _die("-o và --in-place không dùng cùng nhau", "-o and --in-place exclude each other")
        codes = [c.strip() for v in (select or []) for c in v.split(",") if c.strip()]
        skip = [c.strip().upper() for v in (ignore or []) for c in v.split(",") if c.strip()]
        known = load_rules()
        for code in codes + skip:
            if code.upper() != "ALL" and not any(c.startswith(code.upper()) for c in known):
                _die(f"không có quy tắc nào có mã hoặc tiền tố '{code}' (xem 'rasoat rules')", f"no rule has the code or prefix '{code}' (see 'rasoat rules')")
        chosen = [r.code for r, _m in fixable_rules(codes or None) if not any(r.code.startswith(s) for s in skip)]
        try:
            doc = load_path(path, Options(lang=lang))
        except InputError as exc:
            _die(f"{path}: {exc.message.get(lang)}")
        raw = doc.source.raw or b""
        new, n = format_docx(raw, doc, chosen) if chosen else (raw, 0)
        if check_only:
            typer.echo(f"{path}: {n} thay đổi trình bày cần làm." if lang == "vi" else f"{path}: {n} layout changes to make.")
            raise typer.Exit(1 if n else 0)
        target = output or path
        if n or output:
            from ..writefile import Stamp, WriteRefused

            try:
                atomic_write(target, new, inputs=[path], in_place=in_place,
                             expect=Stamp.of_bytes(path, raw) if target == path else None)
            except WriteRefused as exc:
                _die(exc.get(lang))
            except OSError as exc:
                _die(f"không ghi được {target}: {exc.strerror}", f"cannot write {target}: {exc.strerror}")
        if lang == "vi":
            typer.echo(f"{path}: đã sửa {n} chỗ trình bày" + (f", ghi vào {target}." if n or output else "."))
        else:
            typer.echo(f"{path}: {n} layout changes" + (f", written to {target}." if n or output else "."))
        if not quiet:
            _report_left(target if (n or output) else path, lang)

    return None


def _report_left(path: str, lang: str) -> None:
    """The layout findings that are left (they need a person)."""
    from ..api import check_file
    from ..document import Options

    res = check_file(path, Options(lang=lang), select=["P"])
    if not res.diagnostics:
        typer.echo("Không còn lỗi trình bày." if lang == "vi" else "No layout findings left.")
        return
    typer.echo((f"Còn {len(res.diagnostics)} lỗi trình bày cần sửa tay:" if lang == "vi"
                else f"{len(res.diagnostics)} layout findings need a person:"))
    for d in res.diagnostics:
        sys.stdout.write(f"  {path}:{d.line}:{d.column}: {d.code} {d.message.get(lang)}\n")
