"""`rasoat citations PATH...`: the table of every citation in the drafts.

One row per citation: where it is, its parts (type, "số", number, symbol, year, type code, issuer
codes, date, issuer, trích yếu), whether it is the first citation of that document in the file
(or the line of the first one), and the C5xx findings about it.

    rasoat citations draft.txt                  a readable table
    rasoat citations drafts/ --format json      for programs
    rasoat citations drafts/ --format csv > c.csv   UTF-8 with BOM (opens in Excel)
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
CSV_COLUMNS = ["file", "line", "column", "end_line", "end_column", "text", "type", "type_written", "type_from",
               "so", "number", "symbol", "year", "type_code", "issuer_codes", "style", "date", "date_valid",
               "issuer", "trich_yeu", "name", "law_year", "first", "first_line", "findings"]


def rows_for(doc, lang: str = "vi", diagnostics=None) -> list[dict]:
    """The citation rows of one document, with the C5xx findings attached to each (the findings
    of the check pipeline when given, so configuration and suppressions apply)."""
    from ..engine import run_rules, select_rules
    from ..extract.citations import citations

    cits = citations(doc)
    findings: dict[int, list] = {}
    if diagnostics is None:
        diagnostics = run_rules(doc, select_rules(["C5"]))
    for d in diagnostics:
        i = d.data.get("citation") if d.data else None
        if i is not None:
            findings.setdefault(i, []).append(d)
    rows = []
    for c in cits:
        r = c.as_row()
        rng = doc.range_of(c.para, c.start, c.end)
        r.update(line=rng.start.line, column=rng.start.column, end_line=rng.end.line, end_column=rng.end.column)
        if c.first is not None:
            r["first_line"] = doc.range_of(c.first.para, c.first.start, c.first.start + 1).start.line
        else:
            r["first_line"] = None
        r["findings"] = [{"code": d.code, "severity": d.severity, "message": d.message.get(lang),
                          **({"suggestion": d.suggestion} if d.suggestion else {})}
                         for d in sorted(findings.get(c.index, []), key=lambda d: d.code)]
        rows.append(r)
    return rows


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "x" if v else ""
    if isinstance(v, list):
        return "-".join(map(str, v)) if v and not isinstance(v[0], dict) else " ".join(f["code"] for f in v)
    return str(v)


def render_table(files: list[tuple[str, list[dict]]], lang: str) -> str:
    vi = lang != "en"
    head = (["dòng", "lần đầu", "loại", "số", "số, ký hiệu", "ngày", "cơ quan ban hành", "trích yếu / tên", "phát hiện"]
            if vi else ["line", "first", "type", "số", "number-symbol", "date", "issuer", "summary / name", "findings"])
    out = []
    total = 0
    for path, rows in files:
        total += len(rows)
        out.append(f"{path}: {len(rows)} {'trích dẫn' if vi else 'citations'}")
        if not rows:
            out.append("")
            continue
        table = [head]
        for r in rows:
            first = ("✓" if r["first"] else f"→ {r['first_line']}")
            summary = r["trich_yeu"] or (f"{r['name']}" + (f" ({r['law_year']})" if r["law_year"] else "") if r["name"] else "")
            table.append([f"{r['line']}:{r['column']}", first, r["type"] or "?", "x" if r["so"] else "",
                          r["symbol"] or (r["number"] or ""), r["date"] or "", _short(r["issuer"] or "", 28),
                          _short(summary, 40), " ".join(f["code"] for f in r["findings"])])
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        for k, row in enumerate(table):
            out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        for r in rows:
            for f in r["findings"]:
                out.append(f"  {r['line']}:{r['column']} {f['code']} [{f['severity']}] {f['message']}")
        out.append("")
    out.append(f"{len(files)} {'tệp' if vi else 'files'}, {total} {'trích dẫn' if vi else 'citations'}.")
    return "\n".join(out) + "\n"


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def render_json(files: list[tuple[str, list[dict]]]) -> str:
    return json.dumps({"version": 1, "files": [{"path": p, "citations": rows} for p, rows in files]},
                      ensure_ascii=False, indent=2) + "\n"


# column headers of the CSV a clerk opens in Excel (the JSON keeps the field names)
CSV_HEADERS_VI = {
    "file": "tệp", "line": "dòng", "column": "cột", "end_line": "dòng cuối", "end_column": "cột cuối",
    "text": "đoạn viện dẫn", "type": "loại văn bản", "type_written": "tên loại như đã viết",
    "type_from": "loại suy ra từ", "so": "có chữ \"số\"", "number": "số", "symbol": "ký hiệu", "year": "năm",
    "type_code": "mã loại", "issuer_codes": "mã cơ quan ban hành", "style": "kiểu (Đảng/Nhà nước)",
    "date": "ngày ban hành", "date_valid": "ngày hợp lệ", "issuer": "cơ quan ban hành", "trich_yeu": "trích yếu",
    "name": "tên gọi", "law_year": "năm của luật", "first": "lần viện dẫn đầu", "first_line": "dòng viện dẫn đầu",
    "findings": "phát hiện",
}


def render_csv(files: list[tuple[str, list[dict]]], lang: str = "vi") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([CSV_HEADERS_VI[k] for k in CSV_COLUMNS] if lang == "vi" else CSV_COLUMNS)
    for path, rows in files:
        for r in rows:
            w.writerow([path if k == "file" else _cell(r.get(k)) for k in CSV_COLUMNS])
    return "\ufeff" + buf.getvalue()


def _write(text: str) -> None:
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)


def register(app: typer.Typer) -> None:
    @app.command("citations")
    def citations_command(
        paths: List[str] = typer.Argument(..., help="Tệp hoặc thư mục (.docx, .txt, .md); '-' để đọc stdin."),
        format: str = typer.Option("table", "--format", "-f", help="table | json | csv (UTF-8 có BOM)"),
        stage: Optional[str] = typer.Option(None, "--stage", help="draft (mặc định) | issued"),
        lang: str = typer.Option("vi", "--lang", help="vi | en"),
        include: Optional[List[str]] = typer.Option(None, "--include", help="Mẫu tên tệp cần đọc trong thư mục."),
        exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Mẫu tên tệp bỏ qua."),
        config: Optional[str] = typer.Option(None, "--config", help="Tệp cấu hình."),
        stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Tên tệp cho nội dung stdin."),
    ):
        """Liệt kê mọi văn bản được viện dẫn (trích dẫn) và các phát hiện C5xx về chúng."""
        from ..errors import ConfigError
        from ..fastpath import _split
        from ..runner import RunSettings, check_one, discover

        if format not in FORMATS:
            _die(f"--format không hợp lệ: {format!r} (chọn một trong {', '.join(FORMATS)})", f"invalid --format: {format!r} (one of {', '.join(FORMATS)})")
        if stage not in (None, "draft", "issued"):
            _die(f"--stage không hợp lệ: {stage!r} (draft | issued)", f"invalid --stage: {stage!r} (draft | issued)")
        if lang not in ("vi", "en"):
            _die(f"--lang không hợp lệ: {lang!r} (vi | en)", f"invalid --lang: {lang!r} (vi | en)")
        settings = RunSettings(select=["C5"], stage=stage, lang=lang, config=config, include=_split(include),
                               exclude=_split(exclude))
        files, problems = discover(paths, settings.include, settings.exclude)
        results: list[tuple[str, list[dict]]] = []
        failed = False
        try:
            for f in files:
                shown = (stdin_filename or "<stdin>") if f == "-" else f
                data = sys.stdin.buffer.read() if f == "-" else None
                name = (stdin_filename or "<stdin>.txt") if f == "-" else f
                res = check_one(name, settings, data=data, display=shown)
                if res.document is None:
                    for d in res.diagnostics:
                        typer.echo(f"rasoat: {shown}: {d.message.get(lang)}", err=True)
                    failed = True
                    continue
                results.append((shown, rows_for(res.document, lang, res.diagnostics)))
        except ConfigError as exc:
            _die(str(exc))
        if format == "json":
            _write(render_json(results))
        elif format == "csv":
            _write(render_csv(results, lang))
        else:
            _write(render_table(results, lang))
        for p in problems:
            typer.echo(f"rasoat: {p.get(lang)}", err=True)
        raise typer.Exit(2 if any(p.fatal for p in problems) or failed else 0)
