"""What the numbering rules share: where an item's marker is and how to name a place."""
from __future__ import annotations

from ...engine import Hit
from ...extract.numbering import written


def line_of(doc, item) -> int:
    return doc.source.position(doc.paragraphs[item.para].start_offset(item.marker_start)).line


def marker_hit(doc, item, message, hint=None, suggestion=None, fix: bool = False, severity=None, **data) -> Hit:
    """A hit on the item's marker ("(7)", "e)") at the start of its paragraph."""
    p = doc.paragraphs[item.para]
    w = written(doc, item)
    start = item.marker_start if item.marker_start else max(0, p.text.find(w))
    return Hit(message, para=p, start=start, end=start + len(w), hint=hint, suggestion=suggestion,
               replacement=suggestion if fix and suggestion else None, safe=False, severity=severity, data=data)


def q(marker: str) -> str:
    """A marker quoted for a message: "3." (so that its period is not taken for the sentence's)."""
    return f"\"{marker}\""
