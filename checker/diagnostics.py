"""Diagnostics: what a rule found, where, why and how to fix it."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}

CATEGORY_OF_PREFIX = {
    "S": "structure",
    "D": "deadline",
    "A": "assignee",
    "N": "agency",
    "C": "citation",
    "F": "numbering",
    "L": "language",
    "P": "layout",
    "E": "input",
}


@dataclass(frozen=True)
class Msg:
    """A message in Vietnamese and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    def format(self, **kw) -> "Msg":
        return Msg(self.vi.format(**kw), self.en.format(**kw))


@dataclass(frozen=True)
class Edit:
    """Replace source.text[start:end] with `replacement` (offsets into the original text)."""

    start: int
    end: int
    replacement: str


@dataclass
class Fix:
    """The edits that correct a finding; `safe`: applied by --fix without --unsafe-fixes."""
    edits: list[Edit]
    safe: bool = True


@dataclass
class Diagnostic:
    """One finding: the rule, its level, its message and where it is (1-based, end exclusive)."""
    code: str
    category: str
    severity: str
    message: Msg
    line: int
    column: int
    end_line: int
    end_column: int
    hint: Msg | None = None  # how to fix, one sentence
    suggestion: str | None = None  # the corrected text, when there is one
    fix: Fix | None = None
    path: str = ""
    context: str = ""  # the text it concerns (for baselines and Word comments)
    data: dict = field(default_factory=dict)

    def sort_key(self):
        return (self.line, self.column, self.code)

    @property
    def fixable(self) -> bool:
        """--fix can mend it: a text edit, or a formatting change of a .docx (data "fixed_by")."""
        return self.fix is not None or bool(self.data.get("fixed_by"))

    def to_json(self, lang: str = "vi") -> dict:
        d = {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "message": self.message.get(lang),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.hint is not None:
            d["hint"] = self.hint.get(lang)
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        if self.fix is not None:
            d["fix"] = {
                "safe": self.fix.safe,
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            }
        return d


class Brief:
    """What a streamed run keeps of a finding once it has been written out: its code, family and
    level (for the closing counts and the exit code), so that memory does not grow with the
    number of files."""

    __slots__ = ("code", "category", "severity")

    def __init__(self, d: "Diagnostic"):
        self.code, self.category, self.severity = d.code, d.category, d.severity
