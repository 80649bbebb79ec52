"""`rasoat annotate draft.docx -o draft.reviewed.docx`: a copy of the draft with every finding
as a Word comment on the text it concerns. The original is never changed."""
from __future__ import annotations

import os
from typing import List, Optional

import typer

from ..cli_help import H_CONFIG, H_IGNORE, H_SELECT, H_STAGE


def register(app: typer.Typer) -> None:
    @app.command()
    def annotate(
        path: str = typer.Argument(..., help="Dự thảo .docx."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Tệp kết quả (mặc định: <tên>.reviewed.docx)."),
        select: Optional[List[str]] = typer.Option(None, "--select", help=H_SELECT),
        ignore: Optional[List[str]] = typer.Option(None, "--ignore", help=H_IGNORE),
        stage: Optional[str] = typer.Option(None, "--stage", help=H_STAGE),
        lang: str = typer.Option("vi", "--lang", help="Ngôn ngữ của nhận xét: vi | en"),
        config: Optional[str] = typer.Option(None, "--config", help=H_CONFIG),
    ):
        """Ghi một bản sao .docx với mỗi phát hiện là một nhận xét (comment) của Word."""
        from ..cli import _check_codes, _die, _split
        from ..config import clear_cache
        from ..docx_edit import annotate_docx
        from ..errors import ConfigError
        from ..fix import atomic_write
        from ..runner import RunSettings, check_one

        if not path.lower().endswith(".docx"):
            _die(f"{path}: annotate cần một tệp .docx", f"{path}: annotate needs a .docx file")
        if not os.path.isfile(path):
            _die(f"{path}: không tìm thấy tệp", f"{path}: no such file")
        out = output or os.path.splitext(path)[0] + ".reviewed.docx"
        if stage not in (None, "draft", "issued"):
            _die(f"--stage không hợp lệ: {stage!r} (draft | issued)", f"invalid --stage: {stage!r} (draft | issued)")
        if lang not in ("vi", "en"):
            _die(f"--lang không hợp lệ: {lang!r} (vi | en)", f"invalid --lang: {lang!r} (vi | en)")
        _check_codes(_split(select) + _split(ignore))
        from ..writefile import WriteRefused, check_target

        try:
            check_target(out, inputs=[path])
        except WriteRefused as exc:
            _die(exc.get(lang))
        clear_cache()
        try:
            res = check_one(path, RunSettings(select=_split(select), ignore=_split(ignore), stage=stage, config=config))
        except ConfigError as exc:
            _die(str(exc))
        if res.failed or res.document is None:
            for d in res.diagnostics:
                typer.echo(f"rasoat: {path}: {d.message.get(lang)}", err=True)
            raise typer.Exit(2)
        from ..errors import InputError

        try:
            data, n = annotate_docx(res.document.source.raw, res.diagnostics, lang=lang)
        except InputError as exc:
            _die(f"{path}: {exc.message.get(lang)}")
        try:
            atomic_write(out, data, inputs=[path], in_place=False)
        except WriteRefused as exc:
            _die(exc.get(lang))
        except OSError as exc:
            _die(f"không ghi được {out}: {exc.strerror}", f"cannot write {out}: {exc.strerror}")
        if lang == "en":
            typer.echo(f"Wrote {n} comment(s) to {out}.")
        else:
            typer.echo(f"Đã ghi {n} nhận xét vào {out}.")
