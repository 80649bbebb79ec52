"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding, so that
findings show as annotations on the pull request's changed files."""
from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, lang: str = "vi", **_) -> str:
    lines = []
    for r in results:
        for d in r.diagnostics:
            msg = d.message.get(lang)
            if d.hint is not None:
                msg += " — " + d.hint.get(lang)
            if d.suggestion:
                msg += f" → {d.suggestion}"
            props = (f"file={_esc_prop(r.path)},line={d.line},col={d.column},endLine={d.end_line},"
                     f"endColumn={max(d.end_column, d.column)},title={_esc_prop(d.code)}")
            lines.append(f"::{LEVEL[d.severity]} {props}::{_esc_data(d.code + ' ' + msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
