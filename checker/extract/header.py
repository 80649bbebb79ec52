"""Header facts: number and symbol, place and date of the notice, date of the meeting."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import rx as re

from ..structure import patterns as P

SO_VALUE = re.compile(r"^(?P<num>[^/]*?)\s*/\s*(?P<sym>.*?)\s*\.?\s*$")


@dataclass
class NumberSymbol:
    """The number and symbol of a Số line ("Số: 12/TB-UBND"), as written and where."""
    number: str  # as written, may be blank in a draft
    symbol: str  # "TB-UBND"
    number_start: int  # offsets in the paragraph text
    symbol_start: int
    colon: bool


def parse_so(text: str) -> NumberSymbol | None:
    m = P.SO_KY_HIEU.match(text)
    if not m:
        return None
    value = m.group("value")
    vstart = m.start("value")
    colon = ":" in text[: vstart + 1]
    mv = SO_VALUE.match(value)
    if not mv:
        return NumberSymbol("", value.strip(), vstart, vstart, colon)
    return NumberSymbol(mv.group("num").strip(), mv.group("sym"), vstart + mv.start("num"), vstart + mv.start("sym"), colon)


@dataclass
class PlaceDate:
    """The place and date line ("Hà Nội, ngày 15 tháng 11 năm 2025"), as written and where."""
    place: str
    day: str
    month: str
    year: str
    spans: dict  # part → (start, end) in the paragraph text

    @property
    def blank(self) -> bool:
        return not (self.day and self.month and self.year)

    def date(self) -> dt.date | None:
        try:
            return dt.date(int(self.year), int(self.month), int(self.day))
        except (TypeError, ValueError):
            return None


def parse_place_date(text: str) -> PlaceDate | None:
    m = P.PLACE_DATE.match(text)
    if not m:
        return None
    return PlaceDate(
        place=m.group("place").strip(), day=m.group("day"), month=m.group("month"), year=m.group("year"),
        spans={k: m.span(k) for k in ("place", "day", "month", "year")},
    )


def notice_date(doc) -> dt.date | None:
    """The date in the header's place-and-date line, when it is filled in and real
    (doc.facts.notice_date)."""
    return doc.facts.notice_date


def notice_year(doc) -> int | None:
    """The notice's year: its date's, else the year written in a blank draft date, else the
    meeting's."""
    f = doc.facts
    if f.notice_date:
        return f.notice_date.year
    for p in doc.component("place_date"):
        pd = parse_place_date(p.text)
        if pd and pd.year.isdigit():
            return int(pd.year)
    return f.meeting_date.year if f.meeting_date else None


def meeting_date(doc) -> dt.date | None:
    """The meeting date: the first full date in the opening paragraph(s) (or, when there is no
    opening, in the trích yếu and the first paragraphs of the body) (doc.facts.meeting_date)."""
    return doc.facts.meeting_date
