"""One parser for every written date form in Vietnamese administrative text.

    "05/9/2020", "5/9" (no year), "ngày 15 tháng 8 năm 2021", "tháng 9/2020", "tháng 9 năm 2021",
    "Quý II/2024", "quý 3 năm 2024", "năm 2025"

`find_dates(text)` returns DateMention objects with the span they came from, the parts as
written, and the calendar date (or first and last day, for a month or a quarter) when the
parts make a real date. An impossible date ("31/9/2021", "30/02") keeps `valid=False`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import rx as re

ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}

_DMY = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?(?![\d/])"
_LONG = r"ngày\s+(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})(?:\s*(?:năm|/)\s*(?P<ly>\d{4}))?"
_MONTH = r"tháng\s+(?P<mm>\d{1,2})(?:\s*(?:/|năm)\s*(?P<my>\d{4}))?(?![\d/])"
_QUARTER = r"qu[ýy]\s+(?P<q>IV|III|II|I|[1-4])(?:\s*(?:/|năm)\s*(?P<qy>\d{4}))?"
_YEAR = r"năm\s+(?P<yy>(?:19|20)\d{2})\b"

DATE_RE = re.compile(
    r"(?<![\w/.])(?:" + _LONG + r"|" + _DMY + r"|" + _MONTH + r"|" + _QUARTER + r"|" + _YEAR + r")",
    re.I,
)
# Where a match of DATE_RE can begin (it begins with the look-behind, so the engine tries it at
# every position): a digit, or the first letter of "ngày", "năm", "tháng", "quý" (no other
# character matches n, t or q without case), after no letter, digit, "/" or "."; this pattern begins
# with the class of those characters, which the engine skips to in C, and tests the same
# character before and the rest of the word after (case-insensitive, as DATE_RE does).
_DATE_START = re.compile(r"[nNtTqQ\d](?<![\w/.].)(?:(?<=\d)|(?i:(?<=n)(?:gày|ăm)|(?<=t)háng|(?<=q)u[ýy]))")


def _date_matches(text: str):
    """DATE_RE.finditer(text), the same matches: DATE_RE is tried only where _DATE_START matches
    (a match of DATE_RE at a position implies one of _DATE_START there; never an empty match)."""
    return re.gated_finditer(_DATE_START, DATE_RE, text)


@dataclass
class DateMention:
    """A date written in a text (a day, a month, a quarter or a year), with the calendar dates
    it stands for."""
    start: int
    end: int
    text: str
    kind: str  # "day" | "month" | "quarter" | "year"
    day: int | None
    month: int | None
    year: int | None
    valid: bool = True
    first: dt.date | None = None  # first day it names (None when the year is unknown or invalid)
    last: dt.date | None = None  # last day it names

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def resolve(self, year: int) -> "DateMention":
        """The same mention with the year filled in (for '15/9' in a 2020 notice)."""
        if self.year is not None:
            return self
        m = DateMention(self.start, self.end, self.text, self.kind, self.day, self.month, year, self.valid)
        _fill(m)
        return m


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], the same errors for a month outside 1-12 (importing
    calendar, and locale with it, took ~3 ms of every run)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _DAYS[month - 1] + (month == 2 and leap)


def _fill(m: DateMention) -> None:
    if m.year is None:
        if m.kind == "day" and m.month and m.day:
            # valid if it exists in some year (29/02 exists in leap years)
            m.valid = 1 <= m.month <= 12 and 1 <= m.day <= days_in_month(2024, m.month)
        elif m.kind == "month":
            m.valid = bool(m.month and 1 <= m.month <= 12)
        return
    try:
        if m.kind == "day":
            m.first = m.last = dt.date(m.year, m.month, m.day)
        elif m.kind == "month":
            m.first = dt.date(m.year, m.month, 1)
            m.last = dt.date(m.year, m.month, days_in_month(m.year, m.month))
        elif m.kind == "quarter":
            q = m.month
            m.first = dt.date(m.year, 3 * q - 2, 1)
            m.last = dt.date(m.year, 3 * q, days_in_month(m.year, 3 * q))
        elif m.kind == "year":
            m.first, m.last = dt.date(m.year, 1, 1), dt.date(m.year, 12, 31)
        m.valid = True
    except (ValueError, TypeError):
        m.valid = False
        m.first = m.last = None


def find_dates(text: str) -> list[DateMention]:
    out = []
    for mt in _date_matches(text):
        g = mt.groupdict()
        if g["ld"]:
            m = DateMention(mt.start(), mt.end(), mt.group(), "day", int(g["ld"]), int(g["lm"]),
                            int(g["ly"]) if g["ly"] else None)
        elif g["d"]:
            d, mo = int(g["d"]), int(g["m"])
            y = int(g["y"]) if g["y"] else None
            if y is None and (mo > 12 or d > 31 or d == 0):
                continue  # "20/30" is a ratio, not a date
            m = DateMention(mt.start(), mt.end(), mt.group(), "day", d, mo, y)
        elif g["mm"]:
            m = DateMention(mt.start(), mt.end(), mt.group(), "month", None, int(g["mm"]),
                            int(g["my"]) if g["my"] else None)
        elif g["q"]:
            q = ROMAN_Q.get(g["q"].upper()) or int(g["q"])
            m = DateMention(mt.start(), mt.end(), mt.group(), "quarter", None, q, int(g["qy"]) if g["qy"] else None)
        else:
            m = DateMention(mt.start(), mt.end(), mt.group(), "year", None, None, int(g["yy"]))
        _fill(m)
        out.append(m)
    return out


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date in `text`, or None."""
    for m in find_dates(text):
        if m.kind == "day" and m.first:
            return m.first
    return None
