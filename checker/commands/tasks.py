"""`rasoat tasks PATH...`: the task table of conclusion notices (who does what by when).

One row per task: file, line, item number, text, lead and supporting bodies (inherited ones
marked), the deadline as written, its date (ISO) and kind, and the D2xx/A3xx findings on it.

    rasoat tasks draft.txt                    an aligned table
    rasoat tasks drafts/ --format csv -o t.csv  for Excel: UTF-8 with a byte-order mark
    rasoat tasks draft.txt --format json --today 2021-09-20
"""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import List, Optional

import typer

from ..messages import die as _die

FORMATS = ("table", "json", "csv")
HEADERS = {
    "vi": ["Tệp", "Dòng", "Mục", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Ngày hạn", "Loại thời hạn",
           "Tính chất", "Phát hiện"],
    "en": ["File", "Line", "Item", "Task", "Lead", "Support", "Deadline", "Due date", "Deadline kind",
           "Nature", "Findings"],
}
INHERITED = {"vi": " (kế thừa)", "en": " (inherited)"}
NATURE = {"vi": {"deliverable": "sản phẩm", "ongoing": "thường xuyên", "other": "khác"},
          "en": {"deliverable": "deliverable", "ongoing": "ongoing", "other": "other"}}


def task_record(task, findings) -> dict:
    """A task as plain data (the JSON form; the table and the CSV are made from it)."""
    d = task.deadline
    return {
        "line": task.line,
        "end_line": task.end_line,
        "item": task.number,
        "text": " ".join(task.text.split()),
        "owners": [{"name": o.name, "role": o.role, "kind": o.kind, "inherited": o.inherited, "source": o.source,
                    "chu_tri": o.chu_tri} for o in task.owners],
        "deadline": None if d is None else {"text": d.text, "date": d.date.isoformat() if d.date else None,
                                             "kind": d.kind, "inherited": d.inherited},
        "deadlines": [{"text": x.text, "date": x.date.isoformat() if x.date else None, "kind": x.kind,
                       "valid": x.valid, "inherited": x.inherited} for x in task.deadlines],
        "kind": task.kind,
        "nature": task.nature,
        "findings": findings,
    }


def file_records(res, lang: str) -> list[dict]:
    from ..extract.tasks import extract_tasks

    doc = res.document
    if doc is None:
        return []
    by_line: dict[int, list[dict]] = {}
    for dg in res.diagnostics:
        if dg.code[:1] in ("D", "A"):
            by_line.setdefault(dg.line, []).append({"code": dg.code, "severity": dg.severity, "message": dg.message.get(lang)})
    return [task_record(t, by_line.get(t.line, [])) for t in extract_tasks(doc)]


def _owners(rec: dict, role: str, lang: str) -> str:
    return "; ".join(o["name"] + (INHERITED[lang] if o["inherited"] else "") for o in rec["owners"] if o["role"] == role)


def rows(path: str, recs: list[dict], lang: str) -> list[list[str]]:
    out = []
    for r in recs:
        d = r["deadline"] or {}
        out.append([
            path, str(r["line"]), r["item"], r["text"], _owners(r, "lead", lang), _owners(r, "support", lang),
            d.get("text", "") + (INHERITED[lang] if d.get("inherited") else ""), d.get("date") or "", r["kind"],
            NATURE[lang][r["nature"]], "; ".join(f["code"] for f in r["findings"]),
        ])
    return out


def render_csv(files: list[tuple[str, list[dict]]], lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADERS[lang])
    for path, recs in files:
        w.writerows(rows(path, recs, lang))
    return "\ufeff" + buf.getvalue()


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def render_table(files: list[tuple[str, list[dict]]], lang: str) -> str:
    """An aligned text table per file (long cells cut; the CSV and JSON keep everything)."""
    out = []
    for path, recs in files:
        out.extend(_table_block(path, recs, lang))
    if len(files) > 1:
        out.append(f"{len(files)} tệp, {sum(len(r) for _, r in files)} nhiệm vụ" if lang == "vi"
                   else f"{len(files)} files, {sum(len(r) for _, r in files)} tasks")
    return "\n".join(out) + "\n"


def _file_json(path: str, recs: list[dict], res) -> dict:
    from ..extract.header import meeting_date, notice_date

    doc = res.document
    m = meeting_date(doc) if doc else None
    n = notice_date(doc) if doc else None
    return {"path": path, "kind": res.kind, "meeting_date": m.isoformat() if m else None,
            "notice_date": n.isoformat() if n else None, "tasks": recs}


def render_json(files: list[tuple[str, list[dict]]], results, lang: str) -> str:
    data = {"files": [_file_json(path, recs, res) for (path, recs), res in zip(files, results)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _table_block(path: str, recs: list[dict], lang: str) -> list[str]:
    h = HEADERS[lang]
    cols = [1, 2, 4, 5, 6, 7, 8, 10, 3]  # line, item, lead, support, deadline, date, kind, findings, task
    width = {1: 5, 2: 8, 4: 32, 5: 24, 6: 30, 7: 10, 8: 14, 10: 12, 3: 60}
    count = f"{len(recs)} nhiệm vụ" if lang == "vi" else f"{len(recs)} tasks"
    out = [f"{path}: {count}"]
    if not recs:
        out.append("")
        return out
    table = [[h[c] for c in cols]] + [[_cut(r[c], width[c]) for c in cols] for r in rows(path, recs, lang)]
    w = [max(len(row[k]) for row in table) for k in range(len(cols))]
    for k, row in enumerate(table):
        out.append("  ".join(cell.ljust(w[i]) for i, cell in enumerate(row)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w[i] for i in range(len(cols))))
    out.append("")
    return out


class Streamer:
    """Writes the task table file by file, as each file is read (`rasoat tasks` keeps no document
    once its rows are written): part(path, recs, res) gives one file's text, end() the closing text.
    The concatenation is byte for byte the whole render (render_table, render_csv, render_json)."""

    def __init__(self, fmt: str, lang: str):
        self.fmt, self.lang = fmt, lang
        self.files = 0
        self.tasks = 0

    def part(self, path: str, recs: list[dict], res) -> str:
        first = self.files == 0
        self.files += 1
        self.tasks += len(recs)
        if self.fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            if first:
                w.writerow(HEADERS[self.lang])
            w.writerows(rows(path, recs, self.lang))
            return ("\ufeff" if first else "") + buf.getvalue()
        if self.fmt == "json":
            body = json.dumps(_file_json(path, recs, res), ensure_ascii=False, indent=2)
            # indent on the dump's own newlines only (a string may hold U+2028, which splitlines() cuts)
            body = "\n".join("    " + ln for ln in body.split("\n"))
            return ('{\n  "files": [\n' if first else ",\n") + body
        block = "\n".join(_table_block(path, recs, self.lang))
        return block if first else "\n" + block

    def end(self) -> str:
        if self.files == 0 or self.fmt == "csv":
            return ""
        if self.fmt == "json":
            return "\n  ]\n}\n"
        if self.files > 1:
            lang = self.lang
            total = (f"{self.files} tệp, {self.tasks} nhiệm vụ" if lang == "vi" else f"{self.files} files, {self.tasks} tasks")
            return "\n" + total + "\n"
        return "\n"


def register(app: typer.Typer) -> None:
    @app.command("tasks")
    def tasks_cmd(
        paths: List[str] = typer.Argument(..., help="Tệp hoặc thư mục (.docx, .txt, .md)."),
        format: str = typer.Option("table", "--format", "-f", help="table | json | csv (UTF-8 có BOM, mở được bằng Excel)"),
        lang: Optional[str] = typer.Option(None, "--lang", help="vi (mặc định) | en: ngôn ngữ của tiêu đề cột và thông báo"),
        today: Optional[str] = typer.Option(None, "--today", help="Ngày tham chiếu YYYY-MM-DD (báo thời hạn đã qua, D205)."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Ghi ra tệp thay vì màn hình."),
        include: Optional[List[str]] = typer.Option(None, "--include", help="Mẫu tên tệp cần đọc trong thư mục."),
        exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Mẫu tên tệp bỏ qua."),
        config: Optional[str] = typer.Option(None, "--config", help="Tệp cấu hình."),
    ):
        """Bảng nhiệm vụ: ai chủ trì, ai phối hợp, thời hạn, và các phát hiện về thời hạn, đầu mối."""
        from ..fastpath import _split, _today

        from ..errors import ConfigError
        from ..runner import RunSettings, check_one, discover

        if format not in FORMATS:
            _die(f"--format không hợp lệ: {format!r} (chọn một trong {', '.join(FORMATS)})", f"invalid --format: {format!r} (one of {', '.join(FORMATS)})")
        if lang not in (None, "vi", "en"):
            _die(f"--lang không hợp lệ: {lang!r} (vi | en)", f"invalid --lang: {lang!r} (vi | en)")
        settings = RunSettings(select=["D", "A"], lang=lang, today=_today(today), include=_split(include),
                               exclude=_split(exclude), config=config)
        out_lang = lang or "vi"
        try:
            files, problems = discover([p for p in paths if p != "-"], settings.include, settings.exclude)
        except ConfigError as exc:
            _die(str(exc))
        # each file's rows are written (or, with --output, kept as text) as soon as it is read:
        # no document stays in memory once its rows are out
        stream = Streamer(format, out_lang)
        parts: list[str] = []
        inputs = list(paths)
        failed = False

        def emit(text: str) -> None:
            if output:
                parts.append(text)
            elif hasattr(sys.stdout, "buffer"):
                sys.stdout.flush()
                sys.stdout.buffer.write(text.encode("utf-8"))
                sys.stdout.buffer.flush()
            else:
                sys.stdout.write(text)

        for f in files:
            try:
                res = check_one(f, settings)
            except ConfigError as exc:
                _die(str(exc))
            inputs.append(res.path)
            if res.document is None:
                failed = True
                for dg in res.diagnostics:
                    typer.echo(f"rasoat: {res.path}: {dg.message.get(out_lang)}", err=True)
            emit(stream.part(res.path, file_records(res, out_lang), res))
            del res
        emit(stream.end())
        if output:
            from ..writefile import WriteRefused, write_file

            try:
                write_file(output, "".join(parts).encode("utf-8"), inputs=inputs)
            except WriteRefused as exc:
                _die(exc.get(out_lang))
            except OSError as exc:
                _die(f"không ghi được {output} (cannot write): {exc.strerror}")
        for p in problems:
            typer.echo(f"rasoat: {p.get(out_lang)}", err=True)
        if "-" in paths:
            typer.echo("rasoat: 'tasks' không đọc stdin; hãy ghi tệp (stdin is not supported)", err=True)
            failed = True
        raise typer.Exit(2 if (any(p.fatal for p in problems) or failed) else 0)
