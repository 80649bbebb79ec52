"""Safe layout fixes of a .docx: page size, margins, font name, a size outside its range (set to the
nearest allowed value), bold or italic of a recognised component, the page number's size and
italics. Formatting only: no w:t is touched, so the text (and every position a finding gave) stays
the same.

    new_bytes, changes = format_docx(raw)                 # all fixable P rules
    new_bytes, changes = format_docx(raw, doc, ["P807"])  # only some

The fixable rules expose `problems(doc, layout)`; their ops are applied to a working copy of the
package, which is then checked again (a fix in a style can reveal nothing new, but a page-size
fix changes nothing else either: the loop stops when no op changes anything, at most a few
passes). Only the parts that changed are re-serialised; every other zip entry is copied as is.
"""
from __future__ import annotations

import importlib
from typing import Iterable

from ..engine import load_rules, select_rules
from .formatting import layout_of
from .package import Package

MAX_PASSES = 3


def fixable_rules(select: Iterable[str] | None = None) -> list:
    """The layout rules with formatting fixes, among `select` (codes or prefixes; None: all)."""
    load_rules()
    rules = select_rules(list(select) if select else None)
    out = []
    for r in rules:
        if r.category != "layout" or not r.fixable or r.func is None:
            continue
        mod = importlib.import_module(r.module)
        if hasattr(mod, "problems"):
            out.append((r, mod))
    return out


def format_docx(raw: bytes, doc=None, select: Iterable[str] | None = None) -> tuple[bytes, int]:
    """(new .docx bytes, number of formatting changes). `doc` is the Document read from `raw`
    (read here when not given); `select` limits the rules (codes or prefixes, e.g. ["P807"])."""
    if doc is None:
        from ..document import load_path

        doc = load_path("draft.docx", data=raw)
    rules = fixable_rules(select)
    if not rules:
        return raw, 0
    current, total = raw, 0
    for _ in range(MAX_PASSES):
        pkg = Package(current)
        lay = layout_of(doc, pkg)
        n = 0
        for rule, mod in rules:
            if doc.kind not in rule.kinds:
                continue
            for prob in mod.problems(doc, lay):
                for op in prob.ops:
                    n += op.apply(pkg)
        if not n:
            break
        total += n
        current = pkg.to_bytes()
    return current, total
