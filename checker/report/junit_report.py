"""JUnit XML: one test suite per run, one test case per file. A file fails when it has a finding
at the --fail-on level or above (as the exit code says: `error` by default); its other findings
go to system-out. CI systems show it as a test report. Messages follow --lang."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..diagnostics import SEVERITY_RANK


def render(results, lang: str = "vi", fail_on: str = "error", **_) -> str:
    cases = []
    failures = errors = 0
    threshold = SEVERITY_RANK[fail_on]
    for r in results:
        fails = [d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= threshold]
        infos = [d for d in r.diagnostics if SEVERITY_RANK[d.severity] < threshold]
        body = []
        if r.kind == "unreadable":
            errors += 1
            d = r.diagnostics[0]
            body.append(f"<error message={quoteattr(d.message.get(lang))} type={quoteattr(d.code)}/>")
        elif fails:
            failures += 1
            text = "\n".join(f"{r.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message.get(lang)}" for d in fails)
            first = fails[0]
            summary = (f"{len(fails)} findings; first: " if lang == "en" else f"{len(fails)} phát hiện; đầu tiên: ")
            body.append(f"<failure message={quoteattr(summary + first.code + ' ' + first.message.get(lang))} "
                        f"type={quoteattr(first.code)}>{escape(text)}</failure>")
        if infos:
            text = "\n".join(f"{r.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message.get(lang)}" for d in infos)
            body.append(f"<system-out>{escape(text)}</system-out>")
        cases.append(f'  <testcase classname="rasoat" name={quoteattr(r.path)}>{"".join(body)}</testcase>')
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite name="rasoat" tests="{len(results)}" '
            f'failures="{failures}" errors="{errors}">')
    return head + "\n" + "\n".join(cases) + "\n</testsuite>\n</testsuites>\n"
