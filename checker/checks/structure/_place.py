"""Where a missing component is reported: at the place it should stand."""
from __future__ import annotations

from ...document import Document
from ...engine import Hit
from ...model import Paragraph


def first_para(doc: Document) -> Paragraph | None:
    return doc.body_paragraphs[0] if doc.body_paragraphs else None


def at_para(doc: Document, index: int | None, message, hint=None, **kw) -> Hit:
    """A hit on a whole paragraph, or at the top of the file when there is none."""
    if index is None:
        p = first_para(doc)
    else:
        p = doc.paragraphs[index]
    if p is None:
        return Hit(message, offset=0, hint=hint, **kw)
    return Hit(message, para=p, start=0, end=len(p.text), hint=hint, **kw)


def at_start_of(doc: Document, index: int | None, message, hint=None, **kw) -> Hit:
    """A zero-width hit at the start of a paragraph (for something missing before it)."""
    p = first_para(doc) if index is None else doc.paragraphs[index]
    if p is None:
        return Hit(message, offset=0, hint=hint, **kw)
    return Hit(message, para=p, start=0, end=0, hint=hint, **kw)


def header_anchor(doc: Document) -> int | None:
    """The paragraph before which header components belong: the title, else the first one."""
    st = doc.structure
    return st.first("title") if st.has("title") else (doc.body_paragraphs[0].index if doc.body_paragraphs else None)
