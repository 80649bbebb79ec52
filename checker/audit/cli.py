"""`rasoat audit ARCHIVE... --out DIR`: the command (registered by checker/cli.py)."""
from __future__ import annotations

import datetime as dt
from typing import List, Optional

import typer

from ..messages import die as _die


def _day(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _die(f"{name} phải có dạng YYYY-MM-DD (got {value!r})")


def register(app: typer.Typer) -> None:
    @app.command("audit")
    def audit_cmd(
        archive: List[str] = typer.Argument(..., help="Thư mục hoặc tệp của kho văn bản (.docx, .txt, .md; đệ quy)."),
        out: str = typer.Option(..., "--out", "-o", help="Thư mục kết quả: *.parquet, summary.json, report.html, store.sqlite."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Địa chỉ bộ lập lịch Dask (tcp://host:8786); mặc định: cụm cục bộ."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Số worker của cụm cục bộ (mặc định: số lõi CPU)."),
        since: Optional[str] = typer.Option(None, "--since", help="Chỉ báo cáo văn bản từ ngày này (YYYY-MM-DD; ngày thông báo, ngày họp, hoặc ngày sửa tệp)."),
        today: Optional[str] = typer.Option(None, "--today", help="Ngày tham chiếu YYYY-MM-DD cho thời hạn đã qua (mặc định: hôm nay)."),
        stage: Optional[str] = typer.Option(None, "--stage", help="draft | issued (như rasoat check)."),
        lang: str = typer.Option("vi", "--lang", help="vi | en: ngôn ngữ của báo cáo và tiến độ."),
        batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Số tệp trong một tác vụ Dask (mặc định: tự chọn, ≤ 200)."),
        include: Optional[List[str]] = typer.Option(None, "--include", help="Mẫu tên tệp cần đọc."),
        exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Mẫu tên tệp bỏ qua."),
        config: Optional[str] = typer.Option(None, "--config", help="Tệp cấu hình."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Không in tiến độ."),
    ):
        """Rà soát cả một kho văn bản (trên máy này hoặc cụm Dask): bảng parquet, summary.json, report.html."""
        from .engine import AuditError, AuditOptions, run_audit

        if lang not in ("vi", "en"):
            _die(f"--lang không hợp lệ: {lang!r} (vi | en)")
        if stage not in (None, "draft", "issued"):
            _die(f"--stage không hợp lệ: {stage!r} (draft | issued)")
        if workers is not None and workers < 1:
            _die("--workers phải ≥ 1")
        if batch_size is not None and batch_size < 1:
            _die("--batch-size phải ≥ 1")
        split = lambda vs: [x.strip() for v in (vs or []) for x in v.split(",") if x.strip()]  # noqa: E731
        opts = AuditOptions(paths=list(archive), out=out, scheduler=scheduler, workers=workers,
                            since=_day(since, "--since"), today=_day(today, "--today"), stage=stage, lang=lang,
                            config=config, include=split(include), exclude=split(exclude), batch_size=batch_size,
                            progress=not quiet)
        try:
            run = run_audit(opts)
        except AuditError as exc:
            _die(exc.get(lang))
        for p in run.problems:
            typer.echo(f"rasoat: {p.get(lang)}", err=True)
        s = run.summary
        if lang == "en":
            typer.echo(f"{s['files']} files ({run.checked} checked, {run.reused + run.unchanged} unchanged), "
                       f"{s['findings']} findings, {s['tasks']} tasks, {len(s['unreadable'])} unreadable; "
                       f"{run.seconds:.1f} s. Results in {out}: files.parquet, findings.parquet, tasks.parquet, "
                       "summary.json, report.html")
        else:
            typer.echo(f"{s['files']} tệp ({run.checked} tệp được rà soát, {run.reused + run.unchanged} tệp không đổi), "
                       f"{s['findings']} phát hiện, {s['tasks']} nhiệm vụ, {len(s['unreadable'])} tệp không đọc được; "
                       f"{run.seconds:.1f} giây. Kết quả trong {out}: files.parquet, findings.parquet, tasks.parquet, "
                       "summary.json, report.html")
        raise typer.Exit(2 if run.problems else 0)
