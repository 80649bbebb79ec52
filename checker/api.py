"""The library API: check a file or a text, get typed results.

    from checker import check_file, check_text
    result = check_text(open("draft.txt", encoding="utf-8").read(), path="draft.txt")
    for d in result.diagnostics:
        print(d.line, d.column, d.code, d.message.vi)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .diagnostics import Diagnostic, SEVERITY_RANK
from .document import Document, Options, load_path, load_text
from .engine import Rule, run_rules, select_rules
from .errors import InputError


@dataclass
class FileResult:
    path: str
    kind: str  # "thong-bao" | "party-notice" | "joint-notice" | "other" | "unreadable" (checker.structure.kind)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None
    failed: bool = False  # the file could not be read or a rule crashed (exit code 2)
    not_evaluated: list[str] = field(default_factory=list)
    selection: tuple = ((), ())  # (select, ignore) the file was checked with (for --fix re-checks)
    subtype: str = ""  # "conclusion" | "announcement" for a notice; the document type otherwise

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for d in self.diagnostics:
            c[d.severity] += 1
        return c

    @property
    def verdict(self) -> str:
        """'dat' (no error or warning), 'can-sua' (warnings only), 'khong-dat' (errors)."""
        c = self.counts()
        if c["error"]:
            return "khong-dat"
        if c["warning"]:
            return "can-sua"
        return "dat"

    def worst(self) -> int:
        return max((SEVERITY_RANK[d.severity] for d in self.diagnostics), default=0)


def input_error_result(path: str, exc: InputError) -> FileResult:
    d = Diagnostic(code=exc.code, category="input", severity="error", message=exc.message,
                   line=exc.line, column=exc.column, end_line=exc.line, end_column=exc.column, path=path)
    return FileResult(path=path, kind="unreadable", diagnostics=[d], failed=True)


_SPECIFIC = {"structure": 8, "citation": 7, "agency": 6, "deadline": 5, "assignee": 4, "numbering": 3,
             "layout": 2, "language": 1, "input": 0}


def _rank(d: Diagnostic) -> tuple:
    return SEVERITY_RANK[d.severity], d.fix is not None, _SPECIFIC.get(d.category, 0)


def _one_per_problem(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Two rules that flag the same characters with the same correction (a place name written
    "Điện Biên phủ" is both a capitalisation (N402) and a listed misspelling (L701)) give one
    finding: the more severe one, else the one that can fix it, else the more specific family
    (a rule about names or citations says more than a generic spelling list)."""
    best: dict[tuple, Diagnostic] = {}
    order: list[tuple] = []
    for d in diags:
        if d.suggestion is None:
            key = (id(d),)
        else:
            key = (d.line, d.column, d.end_line, d.end_column, d.suggestion)
        cur = best.get(key)
        if cur is None:
            best[key] = d
            order.append(key)
        elif _rank(d) > _rank(cur):
            best[key] = d
    return [best[k] for k in order]


def check_document(doc: Document, rules: Iterable[Rule] | None = None, debug: bool = False) -> FileResult:
    rules = list(rules) if rules is not None else select_rules()
    diags = _one_per_problem(sorted(run_rules(doc, rules, debug=debug), key=Diagnostic.sort_key))
    from .structure.kind import notice_kind

    nk = notice_kind(doc)
    res = FileResult(path=doc.path, kind=nk.kind, diagnostics=diags, document=doc, subtype=nk.subtype)
    res.failed = any(d.code in ("E999", "E906") for d in diags)
    if doc.source.kind != "docx" and any(r.category == "layout" for r in rules):
        res.not_evaluated.append("layout")
    return res


def check_text(text: str, path: str = "<text>", options: Options | None = None,
               select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> FileResult:
    """Check a draft given as text (Markdown marks allowed)."""
    return check_document(load_text(text, path, options), select_rules(select, ignore))


def check_file(path: str | Path, options: Options | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, data: bytes | None = None, debug: bool = False) -> FileResult:
    """Check one file (.txt, .md, .docx). Unreadable input gives an E9xx finding, not an exception."""
    try:
        doc = load_path(path, options, data)
    except InputError as exc:
        return input_error_result(str(path), exc)
    return check_document(doc, select_rules(select, ignore), debug=debug)
