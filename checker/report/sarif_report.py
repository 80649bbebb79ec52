"""SARIF 2.1.0 output (for GitHub code scanning and other CI tools).

One run, the rules that fired (and their docs) in tool.driver.rules, one result per finding
with its physical location (1-based lines and columns, end exclusive), the fix when the rule
offers one. Unreadable files are results of their E9xx rule too, plus a tool notification.
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..engine import load_rules

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def render(results, lang: str = "vi", **_) -> str:
    registry = load_rules()
    used: list[str] = sorted({d.code for r in results for d in r.diagnostics})
    index = {code: i for i, code in enumerate(used)}
    rules = []
    for code in used:
        rule = registry.get(code)
        if rule is None:
            rules.append({"id": code})
            continue
        doc = rule.doc_for(lang)
        rules.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.title.get(lang)},
            "fullDescription": {"text": doc.split("\n", 1)[0]},
            "help": {"text": doc},
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"category": rule.category},
        })
    out_results = []
    notifications = []
    for r in results:
        for d in r.diagnostics:
            res = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVEL[d.severity],
                "message": {"text": d.message.get(lang) + (f" ({d.hint.get(lang)})" if d.hint else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": max(d.end_column, d.column)},
                }}],
                "properties": {"category": d.category},
            }
            if d.fix is not None:
                res["fixes"] = [{
                    "description": {"text": d.suggestion or d.message.get(lang)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(r.path)},
                        "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                          "insertedContent": {"text": e.replacement}} for e in d.fix.edits],
                    }],
                }]
            out_results.append(res)
            if d.code.startswith("E9"):
                notifications.append({"level": "error", "message": {"text": f"{r.path}: {d.message.get(lang)}"}})
    run = {
        "tool": {"driver": {"name": "rasoat", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "results": out_results,
        "invocations": [{"executionSuccessful": not any(r.failed for r in results),
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
    }
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
