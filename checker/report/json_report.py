"""JSON output: the stable contract (see README, "Định dạng JSON").

{"version": 1,
 "files": [{"path", "kind": "thong-bao"|"party-notice"|"joint-notice"|"other"|"unreadable",
            "subtype": "conclusion"|"announcement"|<document type>|"", "verdict", "counts",
            "not_evaluated": [...], "diagnostics": [{"code", "category", "severity", "message",
            "line", "column", "end_line", "end_column", "hint"?, "suggestion"?, "fix"?}]}],
 "summary": {"files", "errors", "warnings", "info", "by_category", "by_code", "verdicts"}}

Lines and columns are 1-based; the end is exclusive. For .docx input, "line" is the paragraph
number and "column" the character offset + 1 in it.
"""
from __future__ import annotations

import json

from . import summary, verdict_of

VERSION = 1


def file_entry(r, lang: str) -> dict:
    return {
        "path": r.path,
        "kind": r.kind,
        "subtype": r.subtype,
        "verdict": verdict_of(r),
        "counts": r.counts(),
        "not_evaluated": r.not_evaluated,
        "diagnostics": [d.to_json(lang) for d in r.diagnostics],
    }


def render_start() -> str:
    return '{\n  "version": %d,\n  "files": [' % VERSION


def render_file(r, lang: str = "vi", first: bool = False) -> str:
    """One file's entry, as it stands inside the whole document (streamed file by file)."""
    body = json.dumps(file_entry(r, lang), ensure_ascii=False, indent=2)
    # split on newlines only: json.dumps leaves U+0085, U+2028 … in strings, where splitlines() cuts
    return ("\n" if first else ",\n") + "\n".join("    " + line for line in body.split("\n"))


def render_end(results) -> str:
    summ = json.dumps(summary(results), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return ("\n  ]" if results else "]") + ',\n  "summary": ' + summ + "\n}\n"


def render(results, lang: str = "vi", **_) -> str:
    """The whole document: the same text whether it is written at once or streamed."""
    return (render_start() + "".join(render_file(r, lang, first=(i == 0)) for i, r in enumerate(results))
            + render_end(results))
