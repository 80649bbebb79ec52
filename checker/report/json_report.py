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


def render(results, lang: str = "vi", **_) -> str:
    doc = {
        "version": VERSION,
        "files": [file_entry(r, lang) for r in results],
        "summary": summary(results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
