"""Helpers shared by the C5xx rules (no rule here)."""
from __future__ import annotations

import datetime as dt

from ...extract.citations import Citation


def label(c: Citation) -> str:
    """The citation as written, from its type name to its symbol (or number, or law name)."""
    end = max(x[1] for x in (c.symbol_span, c.number_span, c.name_span, c.law_year_span, c.type_span) if x)
    start = c.type_span[0] if c.type_span else (c.so_span[0] if c.so_span else c.start)
    return c.para.text[start:end]


def head_span(c: Citation) -> tuple[int, int]:
    """Span from the type name (or "số") to the end of the symbol: where most findings point."""
    start = c.type_span[0] if c.type_span else (c.so_span[0] if c.so_span else c.start)
    ends = [x[1] for x in (c.symbol_span, c.number_span, c.name_span, c.law_year_span) if x]
    return start, max(ends) if ends else c.end


def line_of(doc, c: Citation) -> int:
    s, _ = head_span(c)
    return doc.range_of(c.para, s, s + 1).start.line


def fmt(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def data(c: Citation) -> dict:
    return {"citation": c.index}
