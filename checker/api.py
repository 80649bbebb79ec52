"""The library API: check a file or a text, get typed results.

    from checker import check_file, check_text
    result = check_text(open("draft.txt", encoding="utf-8").read(), path="draft.txt")
    for d in result.diagnostics:
        print(d.line, d.column, d.code, d.message.vi)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .diagnostics import CATEGORY_OF_PREFIX, Diagnostic, SEVERITY_RANK
from .document import Document, Options
from .engine import Rule, run_rules, select_rules
from .errors import InputError


@dataclass
class FileResult:
    """The result of checking one file: its findings, its kind, and what could not be judged."""
    path: str
    kind: str  # "thong-bao" | "party-notice" | "joint-notice" | "other" | "unreadable" (checker.structure.kind)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None
    failed: bool = False  # the file could not be read or a rule crashed (exit code 2)
    not_evaluated: list[str] = field(default_factory=list)
    plan: Any = None  # the pipeline.Plan the file was checked with (for --fix re-checks)
    structure_found: bool = True  # some component of a document (Quốc hiệu, title, Nơi nhận …) was found
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
    return _drop_nested([best[k] for k in order])


def _drop_nested(kept: list[Diagnostic]) -> list[Diagnostic]:
    """A spelling finding inside the span of a more specific finding that makes the same correction
    is the same problem: "Ủy bân nhân dân xã" is one misspelt name (N401: "Ủy ban nhân dân xã"),
    not also a word that does not fit its neighbours (L705: "bân" → "ban"). The more specific
    finding stays; it names the official form. Only when both rules ran (a --select of the
    language rules alone still reports the word)."""
    outer = [d for d in kept if d.suggestion and d.category != "language"]
    if not outer or not any(d.category == "language" for d in kept):
        return kept

    def inside(d: Diagnostic, o: Diagnostic) -> bool:
        return ((o.line, o.column) <= (d.line, d.column) and (d.end_line, d.end_column) <= (o.end_line, o.end_column)
                and _rank(o)[0] >= _rank(d)[0] and d.suggestion.strip().lower() in o.suggestion.lower())

    return [d for d in kept if not (d.category == "language" and d.suggestion
                                    and any(inside(d, o) for o in outer))]


def check_document(doc: Document, rules: Iterable[Rule] | None = None, debug: bool = False,
                   not_run: Iterable[str] = ()) -> FileResult:
    """`not_run`: codes of selected rules not run because they do not apply to this kind of input
    (a layout rule on a text draft: the result says layout was not evaluated)."""
    rules = list(rules) if rules is not None else select_rules()
    diags = _one_per_problem(sorted(run_rules(doc, rules, debug=debug), key=Diagnostic.sort_key))
    from .structure.kind import notice_kind

    nk = notice_kind(doc)
    res = FileResult(path=doc.path, kind=nk.kind, diagnostics=diags, document=doc, subtype=nk.subtype)
    res.structure_found = bool(doc.structure.components)
    res.failed = any(d.code in ("E999", "E906") for d in diags)
    if doc.source.kind != "docx" and (any(r.category == "layout" for r in rules)
                                      or any(CATEGORY_OF_PREFIX.get(c[:1]) == "layout" for c in not_run)):
        res.not_evaluated.append("layout")
    return res


def _settings(options: Options | None, select, ignore, config: str | None, debug: bool = False):
    from .pipeline import RunSettings

    o = options
    return RunSettings(select=list(select or []), ignore=list(ignore or []), config=config, debug=debug,
                       stage=o.stage if o else None, lang=o.lang if o else None, today=o.today if o else None,
                       settings=dict(o.settings) if o and o.settings else None)


def check_text(text: str, path: str = "<text>", options: Options | None = None,
               select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               config: str | None = None) -> FileResult:
    """Check a draft given as text (Markdown marks allowed), exactly as `rasoat check` checks a
    file at `path`: its configuration (nearest rasoat.toml, or `config`), per-file ignores and
    inline suppressions apply. Raises errors.ConfigError for a bad configuration."""
    from .pipeline import check_text as run

    return run(text, path, _settings(options, select, ignore, config))


def check_file(path: str | Path, options: Options | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, data: bytes | None = None, debug: bool = False,
               config: str | None = None) -> FileResult:
    """Check one file (.txt, .md, .docx) as `rasoat check` does (configuration, per-file ignores,
    inline suppressions). Unreadable input gives an E9xx finding, not an exception; a bad
    configuration raises errors.ConfigError."""
    from .pipeline import check_path

    return check_path(str(path), _settings(options, select, ignore, config, debug), data=data)
