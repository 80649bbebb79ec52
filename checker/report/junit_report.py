"""JUnit XML: one test suite per run, one test case per file; every error or warning is a
<failure>, info findings go to system-out. CI systems show it as a test report."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def render(results, lang: str = "vi", **_) -> str:
    cases = []
    failures = errors = 0
    for r in results:
        fails = [d for d in r.diagnostics if d.severity in ("error", "warning")]
        infos = [d for d in r.diagnostics if d.severity == "info"]
        body = []
        if r.kind == "unreadable":
            errors += 1
            d = r.diagnostics[0]
            body.append(f"<error message={quoteattr(d.message.get(lang))} type={quoteattr(d.code)}/>")
        elif fails:
            failures += 1
            text = "\n".join(f"{r.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message.get(lang)}" for d in fails)
            first = fails[0]
            body.append(f"<failure message={quoteattr(f'{len(fails)} findings; first: {first.code} {first.message.get(lang)}')} "
                        f"type={quoteattr(first.code)}>{escape(text)}</failure>")
        if infos:
            text = "\n".join(f"{r.path}:{d.line}:{d.column}: {d.code} [info] {d.message.get(lang)}" for d in infos)
            body.append(f"<system-out>{escape(text)}</system-out>")
        cases.append(f'  <testcase classname="rasoat" name={quoteattr(r.path)}>{"".join(body)}</testcase>')
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite name="rasoat" tests="{len(results)}" '
            f'failures="{failures}" errors="{errors}">')
    return head + "\n" + "\n".join(cases) + "\n</testsuite>\n</testsuites>\n"
