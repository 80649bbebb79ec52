"""What the server's worker processes do: one request's check, start to finish, in memory.

Every function here takes plain data (the upload's name and bytes, the settings of the request)
and returns plain data (JSON-ready dicts, bytes), so that it runs in a worker process of the
pool: rule data, registries and the grammar are loaded once per worker (`warm`), and a bad upload
can only ever break the worker that holds it. Nothing is written to disk.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from dataclasses import dataclass, field

from ..api import FileResult, input_error_result
from ..config import Config
from ..diagnostics import Msg
from ..errors import InputError
from ..readers import SUPPORTED

_CONFIG: Config | None = None


@dataclass
class Request:
    """One upload and the settings it is checked with (all optional but the name and bytes)."""

    name: str
    data: bytes
    stage: str | None = None
    lang: str = "vi"
    today: dt.date | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    tone_style: str | None = None


def warm(config: Config | None = None) -> int:
    """Worker initialiser: keep the configuration, load rules, grammar and registries now."""
    global _CONFIG
    _CONFIG = config
    from ..api import check_text

    check_text("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", "warm.txt")
    return os.getpid()


def _config() -> Config:
    if _CONFIG is None:
        return Config(values={}, path=None)
    return _CONFIG


def settings(req: Request, select: list[str] | None = None):
    """The pipeline settings of a request: its own settings over the server's configuration, as
    `rasoat check` puts the command line over the configuration file."""
    from ..pipeline import RunSettings

    return RunSettings(select=list(select if select is not None else req.select), ignore=list(req.ignore),
                       stage=req.stage, lang=req.lang, today=req.today, config_obj=_config(),
                       settings={"tone-style": req.tone_style} if req.tone_style else None)


UNSUPPORTED = Msg("Chỉ rà soát được tệp .docx, .txt, .md: '{name}' không phải loại đó.",
                  "Only .docx, .txt and .md files can be checked: '{name}' is none of them.")


def check(req: Request, select: list[str] | None = None) -> FileResult:
    """The check of one upload, as `rasoat check` gives it for a file of that name: the one
    check pipeline (configuration, selection, inline suppressions)."""
    from ..pipeline import check_path

    if os.path.splitext(req.name)[1].lower() not in SUPPORTED:
        msg = Msg(UNSUPPORTED.vi.format(name=req.name), UNSUPPORTED.en.format(name=req.name))
        return input_error_result(req.name, InputError("E903", msg))
    return check_path(req.name, settings(req, select), data=req.data, display=req.name)


def check_json(req: Request) -> tuple[bool, str]:
    """(readable, the JSON of `rasoat check --format json` for this one file)."""
    from ..report import json_report

    res = check(req)
    return res.document is not None, json_report.render([res], lang=req.lang)


def tasks_json(req: Request, fmt: str = "json") -> tuple[bool, str]:
    """The output of `rasoat tasks --format json|csv` for this one file."""
    from ..commands.tasks import file_records, render_csv, render_json

    res = check(req, select=["D", "A"])
    shown = [(res.path, file_records(res, req.lang))]
    return res.document is not None, render_csv(shown, req.lang) if fmt == "csv" else render_json(shown, [res], req.lang)


def citations_json(req: Request, fmt: str = "json") -> tuple[bool, str]:
    """The output of `rasoat citations --format json|csv` for this one file."""
    from ..commands.citations import render_csv, render_json, rows_for

    res = check(req, select=["C5"])
    if res.document is None:
        return False, _error_json(res.diagnostics[0].message, req.lang)
    files = [(req.name, rows_for(res.document, req.lang, res.diagnostics))]
    return True, render_csv(files, req.lang) if fmt == "csv" else render_json(files)


def _error_json(message: Msg, lang: str) -> str:
    import json

    return json.dumps({"error": message.get(lang)}, ensure_ascii=False)


NOT_DOCX = Msg("Chỉ tạo được bản có nhận xét Word cho tệp .docx.", "Word comments can only be added to a .docx file.")


def annotate(req: Request) -> tuple[bool, bytes | str]:
    """A copy of the uploaded .docx with one Word comment per finding (as `rasoat annotate`)."""
    from ..docx_edit import annotate_docx

    res = check(req)
    if res.document is None:
        return False, _error_json(res.diagnostics[0].message, req.lang)
    if res.document.source.kind != "docx":
        return False, _error_json(NOT_DOCX, req.lang)
    data, _ = annotate_docx(res.document.source.raw, res.diagnostics, lang=req.lang)
    return True, data


def fix(req: Request) -> tuple[bool, dict]:
    """The fixed copy (safe fixes only, as `rasoat check --fix`): its bytes, the number of
    edits and the unified diff of its text."""
    from ..fix import encode_like, fix_text, unified_diff

    res = check(req)
    doc = res.document
    if doc is None:
        return False, {"error": res.diagnostics[0].message.get(req.lang)}
    src = doc.source
    if src.kind == "docx":
        from ..docx_edit import apply_text_fixes
        from ..document import load_path

        data, n = apply_text_fixes(src.raw, src, res.diagnostics)
        new_text = load_path(req.name, doc.options, data).source.text if n else src.text
    else:
        if src.legacy:  # TCVN3/VNI text: `rasoat convert` first; fixes apply to Unicode text
            return True, {"data": src.raw, "count": 0, "diff": ""}

        from ..fixer import _checker_for

        new_text, n = fix_text(src.text, _checker_for(res))  # re-checked by the same pipeline and plan
        data = encode_like(new_text, src) if n else src.raw
    return True, {"data": data, "count": n, "diff": unified_diff(req.name, src.text, new_text)}


# ------------------------------------------------------------------------------- the page's view

def _para_finder(doc):
    """offset in the source → (paragraph index, character index in its text)."""
    paras = [p for p in doc.paragraphs if p.text]
    starts = [p.offsets[0] for p in paras]

    def find(offset: int) -> tuple[int, int] | None:
        if not paras:
            return None
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0:
            p = paras[k]
            if offset <= p.offsets[-1]:
                i = bisect.bisect_left(p.offsets, offset, 0, len(p.text))
                return p.index, min(i, len(p.text))
        nxt = paras[min(k + 1, len(paras) - 1)]  # between paragraphs: the next one, from its start
        return nxt.index, 0

    return find


def _offset(source, line: int, column: int) -> int:
    starts = source.line_starts
    line = max(1, min(line, len(starts)))
    return starts[line - 1] + max(0, column - 1)


def review(req: Request) -> tuple[bool, dict]:
    """Everything the page shows for one upload: the check's JSON entry, the paragraphs with
    their component, where each finding is (paragraph, characters), tasks and citations."""
    from ..commands.citations import rows_for
    from ..commands.tasks import file_records
    from ..engine import load_rules
    from ..extract.header import meeting_date, notice_date
    from ..report import json_report
    from ..structure.parse import COMPONENT

    res = check(req)
    entry = json_report.file_entry(res, req.lang)
    rules = load_rules()
    for d, j in zip(res.diagnostics, entry["diagnostics"]):
        r = rules.get(d.code)
        j["title"] = r.title.get(req.lang) if r else ""
        j["clause"] = clause(r, req.lang) if r else ""
    out: dict = {"file": entry, "docx": False, "paragraphs": [], "tasks": [], "citations": []}
    doc = res.document
    if doc is None:
        return False, out
    role = {t.para: COMPONENT.get(t.type, "") for t in doc.structure.tokens}
    src = doc.source
    out["docx"] = src.kind == "docx"
    out["paragraphs"] = [{"index": p.index, "text": p.text, "label": p.label, "role": role.get(p.index, ""),
                          "line": src.position(p.offsets[0]).line, "footnote": p.footnote,
                          "bold": p.bold, "container": p.container} for p in doc.paragraphs if p.text]
    find = _para_finder(doc)
    for k, d in enumerate(res.diagnostics):
        a = find(_offset(src, d.line, d.column))
        if a is None:
            continue
        b = find(_offset(src, d.end_line, d.end_column))
        end = b[1] if b is not None and b[0] == a[0] else len(doc.paragraphs[a[0]].text)
        entry["diagnostics"][k]["place"] = {"para": a[0], "start": a[1], "end": max(a[1], end)}
    out["tasks"] = file_records(res, req.lang)
    out["citations"] = rows_for(doc, req.lang)
    m, n = meeting_date(doc), notice_date(doc)
    out["meeting_date"] = m.isoformat() if m else None
    out["notice_date"] = n.isoformat() if n else None
    return True, out


_CLAUSE = ("Căn cứ:", "Rule:")


def clause(rule, lang: str) -> str:
    """The ND30 article a rule applies: its documentation's "Căn cứ:" ("Rule:") paragraph."""
    lines = rule.doc_for(lang).splitlines()
    for i, line in enumerate(lines):
        if line.startswith(_CLAUSE):
            text = [line.split(":", 1)[1].strip()]
            for more in lines[i + 1:]:
                if not more.strip() or re.match(r"^[A-ZĐ][^:]{0,20}:", more):
                    break
                text.append(more.strip())
            return " ".join(text)
    return ""


def explain(code: str, lang: str) -> dict | None:
    from ..engine import load_rules

    r = load_rules().get(code.upper())
    if r is None:
        return None
    return {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
            "title": r.title.get(lang), "fixable": r.fixable, "doc": r.doc_for(lang)}


def rules_list(lang: str) -> list[dict]:
    from ..engine import load_rules

    reg = load_rules()
    return [{"code": c, "category": reg[c].category, "severity": reg[c].severity, "title": reg[c].title.get(lang)}
            for c in sorted(reg)]
