"""Facts of a document that several rules share, computed once and lazily: `doc.facts`.

    doc.facts.notice_date      the date of the header's place-and-date line (None when blank)
    doc.facts.meeting_date     the date the opening reports the meeting on (else a month named)
    doc.facts.reference        THE date policy: the meeting date, else the notice date
    doc.facts.reference_year   its year, else the year of the header (a draft "ngày … tháng … năm 2025")
    doc.facts.number           Số/ký hiệu as written (NumberSymbol, or None)
    doc.facts.issuer           the issuing body as written in the header ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN")
    doc.facts.kind             NoticeKind: thong-bao / party-notice / joint-notice / other, and
                               conclusion / announcement (checker/structure/kind.py)
    doc.facts.outline          the numbered items of the body (checker/structure/outline.py)
    doc.facts.tasks            the tasks of the notice (checker/extract/tasks.py)

One date policy: a deadline without a year takes the year of `reference`; a deadline is judged
"before the meeting" against `meeting_date` and "before the notice" against `notice_date`; no
rule computes its own "document date". Each fact is a cached property: a rule that needs only
the notice date does not pay for the tasks.
"""
from __future__ import annotations

import datetime as dt
import weakref
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .extract.header import NumberSymbol
    from .structure.kind import NoticeKind


class Facts:
    """The shared facts of one document (kept by it: `doc.facts`).

    A Facts refers to its document weakly: the document keeps its Facts, and a strong reference
    back would make the two a reference cycle, so that a checked document (its paragraphs,
    structure, mentions and tasks: a thousand containers and more) would wait for the cyclic
    collector instead of being freed by reference counting as soon as its result is dropped."""

    def __init__(self, doc: "Document"):
        self._ref = weakref.ref(doc)

    @property
    def _doc(self) -> "Document":
        return self._ref()

    @cached_property
    def notice_date(self) -> dt.date | None:
        from .extract.header import parse_place_date

        for p in self._doc.component("place_date"):
            pd = parse_place_date(p.text)
            if pd and pd.date():
                return pd.date()
        return None

    @cached_property
    def meeting_date(self) -> dt.date | None:
        """The first full date of the opening (or, with no opening, of the trích yếu); else the
        first month named there ("phiên họp tháng 8 năm 2021")."""
        from .extract.dates import find_dates

        doc = self._doc
        for p in doc.component("opening") or doc.component("trich_yeu"):
            for m in find_dates(p.text):
                if m.kind == "day" and m.first:
                    return m.first
        for p in doc.component("trich_yeu") + doc.component("opening"):
            for m in find_dates(p.text):
                if m.kind == "month" and m.first:
                    return m.first
        return None

    @cached_property
    def reference(self) -> dt.date | None:
        return self.meeting_date or self.notice_date

    @cached_property
    def reference_year(self) -> int | None:
        from .extract.header import parse_place_date

        if self.reference:
            return self.reference.year
        for p in self._doc.component("place_date"):
            pd = parse_place_date(p.text)
            if pd and pd.year.isdigit():
                return int(pd.year)
        return None

    @cached_property
    def number(self) -> "NumberSymbol | None":
        from .extract.header import parse_so

        for p in self._doc.component("so_ky_hieu"):
            ns = parse_so(p.text)
            if ns:
                return ns
        return None

    @cached_property
    def issuer(self) -> str:
        return " ".join(p.text.strip() for p in self._doc.component("issuer"))

    @cached_property
    def kind(self) -> "NoticeKind":
        from .structure.kind import notice_kind

        return notice_kind(self._doc)

    @cached_property
    def outline(self):
        from .structure.outline import outline

        return outline(self._doc)

    @cached_property
    def tasks(self):
        from .extract.tasks import compute_tasks

        return compute_tasks(self._doc)
