"""Deadlines in the text of a task, normalised to a kind and (where possible) a date.

    "trước ngày 15/9"                       by-date         2020-09-15 (year of the meeting)
    "chậm nhất trước ngày 20/9/2020"        by-date         2020-09-20
    "trong tháng 9 năm 2021"                within-month    2021-09-30 (the last day)
    "Thời hạn trong Quý II/2024"            within-quarter  2024-06-30
    "hoàn thành trong năm 2025"             within-year     2025-12-31
    "trong tuần"                            within-week     the Sunday of the reference week
    "báo cáo kết quả hằng tuần"             recurring       —
    "báo cáo tại Phiên họp … tiếp theo"     event           — (or the month's last day:
    "trình Hội nghị … tháng 8 năm 2021"     event           2021-08-31)
    "khẩn trương", "sớm", "ngay"            vague           —

A date is a deadline only with a cue before it (rules/deadlines.toml [date_cues]): the dates
of citations ("Quyết định số 42/2018/QĐ-UBND ngày 10/12/2018") and of past facts are not.
A date without a year takes the year of the reference date (the meeting, else the notice);
a date more than half a year before the reference is in the next year (a December meeting
with a January deadline). Emphasis and parentheses around a deadline do not matter: the
reader has removed the marks, and the cue may be followed by "(" or quotes.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .. import rx as re
from ..record import Frozen

from .dates import DateMention, find_dates
from .tasklex import alternation, search

LEX = "deadlines.toml"
KINDS = ("by-date", "within-week", "within-month", "within-quarter", "within-year", "recurring", "event", "vague", "none")
MENTION_KIND = {"day": "by-date", "month": "within-month", "quarter": "within-quarter", "year": "within-year"}


@dataclass
class Deadline:
    start: int  # span in the paragraph text
    end: int
    text: str
    kind: str  # one of KINDS
    date: dt.date | None = None  # the last day the work is due (None when there is no date)
    valid: bool = True  # False: an impossible date ("31/9", "30/02", month 13)
    mention: DateMention | None = None
    inherited: bool = False  # taken from the heading the task is listed under

    @property
    def concrete(self) -> bool:
        return self.kind not in ("vague", "none")


class _Patterns(Frozen):
    cue_end: "re.Pattern"
    day_only: "re.Pattern"
    relative: "re.Pattern"
    recurring: "re.Pattern"
    recurring_ctx: "re.Pattern"
    event: "re.Pattern"
    anchor: "re.Pattern"
    event_cue: "re.Pattern"
    event_cue_far: "re.Pattern"
    vague: "re.Pattern"
    occasion: "re.Pattern"
    past: "re.Pattern"
    completion: "re.Pattern"
    purpose: "re.Pattern"
    after_event: "re.Pattern"
    in_process: "re.Pattern"
    manner: "re.Pattern"


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    a = lambda s: alternation(LEX, s)  # noqa: E731
    return _Patterns(
        cue_end=re.compile(r"(?<![\w])" + a("date_cues") + r"(?:\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)(?:\s*,)?(?:\s+ngày)?)?[\s(\"“'*]*$", re.I),
        day_only=re.compile(a("day_only_cues"), re.I),
        relative=re.compile(a("relative"), re.I),
        recurring=re.compile(r"(?<![\w])" + a("recurring") + r"(?![\w])", re.I),
        recurring_ctx=re.compile(a("recurring_context"), re.I),
        event=re.compile(r"(?<![\w])" + a("event_nouns") + r"(?![\w])", re.I),
        anchor=re.compile(a("event_anchors"), re.I),
        event_cue=re.compile(a("event_cues"), re.I),
        event_cue_far=re.compile(a("event_cues_far"), re.I),
        vague=re.compile(a("vague"), re.I),
        purpose=re.compile(r"(?<![\w])" + a("purpose") + r"(?:[\s,]+[\w]+){0,4}[\s,]+$", re.I),
        occasion=re.compile(a("occasions") + r"[^.;:()]{0,40}$", re.I),
        past=re.compile(a("past"), re.I),
        completion=re.compile(r"(?<![\w])" + a("completion") + r"(?![\w])", re.I),
        after_event=re.compile(r"(?<![\w])" + a("after_event") + r"(?![\w])", re.I),
        in_process=re.compile(r"(?<![\w])" + a("in_process"), re.I),
        manner=re.compile(r"\s*(?:,|và)\s*" + a("manner") + r"(?![\w])", re.I),
    )


_NOUN_DONE = re.compile(r"(?:khối\s+lượng|tỷ\s+lệ|mức|kết\s+quả)\s+$", re.I)
_NAMED_ABOVE = re.compile(r"\s*(?:nêu\s+trên|đã\s+nêu|nói\s+trên|trên\s+đây)(?![\w])", re.I)
_OF_YEAR = re.compile(r"\bcủa\s+$", re.I)
_EVENT_TAIL = re.compile(r"[^.;:()]{0,60}?(?=[.;:()]|$)")
_EVENT_VERB = re.compile(r"(?<![\w])(?:báo\s+cáo|trình|kịp|trước|tại)(?![\w])", re.I)
_KIP_TAIL = re.compile(r"(?<![\w])kịp(?![\w])[^.;:,]*$", re.I)
_REPORT_BEFORE = re.compile(r"(?:báo\s+cáo|trình)\s+$", re.I)


def _event_start(before: str) -> int:
    """Where an event deadline starts in the text before the event's noun: at "kịp …", else at
    the last "báo cáo", "trình", "trước" or "tại" ("báo cáo tại …" taken whole), else at the noun."""
    k = _KIP_TAIL.search(before)
    if k:
        return k.start()
    verbs = [m for m in _EVENT_VERB.finditer(before) if not re.search(r"[.;:]", before[m.end():])]
    if not verbs:
        return len(before)
    v = verbs[-1]
    r = _REPORT_BEFORE.search(before, 0, v.start()) if v.group().lower() == "tại" else None
    return r.start() if r else v.start()
_BARE_AT = re.compile(r"tại(?![\w])", re.I)
_MID_YEAR = re.compile(r"\b(?:giữa|đầu)\s*$", re.I)
# a clause break: ".", ";" or a parenthesis before a space, ";" or a parenthesis, a final ".".
# Written `[.;()]\s|[;()]|\.$`, a choice of classes, it is tried at every position; with one class
# of the first characters first, the engine skips ahead to them in C (the same spans: a test
# compares the two)
_CLAUSE_BREAK = re.compile(r"[.;()](?:\s|(?<=[;()])|(?<=\.)$)")


def _completed_year(text: str, m: DateMention, ref, ref_year) -> Deadline | None:
    """ "hoàn thành … năm 2025" (a year this year or later, in the same clause)."""
    if m.kind != "year" or m.year < (ref.year if ref else (ref_year or 0)):
        return None
    cs, _ = clause_bounds(text, m.start)
    v = None
    for v in patterns().completion.finditer(text, max(cs, m.start - 100), m.start):
        pass
    if v is None or _past(text, cs, v.start()) or _NOUN_DONE.search(text, max(0, v.start() - 12), v.start()) \
            or _OF_YEAR.search(text, max(0, m.start - 5), m.start) or _NAMED_ABOVE.match(text, m.end):
        return None  # "khối lượng hoàn thành …", "thời gian còn lại của năm 2025", "số vốn năm
        # 2025 nêu trên" (the year names what was mentioned before): no deadline
    return Deadline(v.start(), m.end, text[v.start():m.end], "within-year", m.last, True, m)


def _past(text: str, cs: int, i: int) -> bool:
    """A past fact ("đã chỉ đạo tại phiên họp thường kỳ tháng 7"): "đã" shortly before, with no
    comma in between ("khi đã có dữ liệu, hoàn thành trong tháng 11" is a deadline)."""
    lo = max(cs, i - 40)
    m = None
    for m in patterns().past.finditer(text, lo, i):
        pass
    return m is not None and "," not in text[m.end():i]


def clause_bounds(text: str, i: int) -> tuple[int, int]:
    """The clause around position i: between sentence ends, semicolons and parentheses."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, i):
        start = m.end()
    m = _CLAUSE_BREAK.search(text, i)
    return start, (m.start() + 1 if m else len(text))


def resolve(m: DateMention, ref: dt.date | None, ref_year: int | None) -> DateMention:
    """Fill in the year of a yearless date from the reference date (next year when the date
    would fall more than half a year before it)."""
    if m.has_year:
        return m
    year = ref.year if ref else ref_year
    if year is None:
        return m
    r = m.resolve(year)
    if ref and r.last and r.last < ref - dt.timedelta(days=183):
        r = m.resolve(year + 1)
    return r


_UNIT = re.compile(r"tuần|tháng|quý|năm")
_UNIT_KIND = {"tuần": "within-week", "tháng": "within-month", "quý": "within-quarter", "năm": "within-year"}


def _relative_date(unit: str, phrase: str, ref: dt.date | None) -> dt.date | None:
    """The last day of the period `unit` ("tuần", "tháng", "quý", "năm") of the reference date;
    of the next week for "tuần tới/sau"."""
    if ref is None:
        return None
    if unit == "tuần":
        base = ref + dt.timedelta(days=7) if ("tới" in phrase or "sau" in phrase) else ref
        return base + dt.timedelta(days=6 - base.weekday())
    if unit == "tháng":
        return dt.date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1])
    if unit == "quý":
        q = (ref.month - 1) // 3 + 1
        return dt.date(ref.year, 3 * q, calendar.monthrange(ref.year, 3 * q)[1])
    return dt.date(ref.year, 12, 31)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def find_deadlines(text: str, ref: dt.date | None = None, ref_year: int | None = None) -> list[Deadline]:
    """Every deadline (concrete or vague) in a task's text, in text order."""
    P = patterns()
    out: list[Deadline] = []
    taken: list[tuple[int, int]] = []

    def add(d: Deadline):
        out.append(d)
        taken.append((d.start, d.end))

    mentions = find_dates(text)
    # events first: "trình Hội nghị … tháng 8 năm 2021" takes the month as its anchor
    for em in re.fast_finditer(P.event, text):
        cs, ce = clause_bounds(text, em.start())
        if _past(text, cs, em.start()):
            continue
        after = text[em.end(): min(ce, em.end() + 80)]
        anchor = P.anchor.search(after)
        before = text[max(cs, em.start() - 60): em.start()]
        cue = search(P.event_cue, before) or P.event_cue_far.search(text, max(cs, em.start() - 140), em.start())
        if not anchor and not cue:
            continue
        if anchor:
            end = em.end() + anchor.end()
        else:  # "kịp báo cáo Quốc hội tại Kỳ họp thứ 10 của Quốc hội khóa XV"
            tail = _EVENT_TAIL.match(after)
            end = em.end() + (len(tail.group()) if tail else 0)
            if any(em.end() <= m.start < end and m.kind == "day" for m in mentions):
                continue  # "cho khai giảng năm học mới … trước ngày 03/9/2020": the date is the deadline
        start = em.start() - len(before) + _event_start(before)
        date = None
        mention = None
        for m in mentions:
            if em.end() <= m.start < end + 1 and m.kind in ("month", "quarter", "day", "year"):
                mention = resolve(m, ref, ref_year)
                vague_part = _MID_YEAR.search(text, max(0, m.start - 8), m.start)
                date = None if vague_part else mention.last  # "giữa năm 2024": no day to follow up
                end = max(end, m.end)
                break
        if date is not None and ref is not None and date < ref:
            continue  # "… và cuộc họp ngày 22 tháng 8 năm 2024": a past meeting, cited
        if ref is None and mention is not None and mention.kind == "day" and not cue \
                and (start == em.start() or _BARE_AT.match(text, start)):
            continue  # no date to compare with: a meeting named by its day, with no "trước",
            # "kịp" or "báo cáo/trình … tại" before it, is cited ("… và cuộc họp ngày 22/8/2024")
        add(Deadline(start, end, text[start:end], "event", date, True if mention is None else mention.valid, mention))
    for am in re.fast_finditer(P.after_event, text):  # "Sau khi được Quốc hội thông qua, …"
        if not _overlaps(am.span(), taken):
            add(Deadline(am.start(), am.end(), am.group(), "event"))
    for pm in re.fast_finditer(P.in_process, text):  # "nghiên cứu kiến nghị của Tỉnh trong quá trình …"
        w = pm.span("when")
        if not _overlaps(w, taken):
            add(Deadline(w[0], w[1], text[w[0]:w[1]], "event"))
    for m in mentions:
        if _overlaps((m.start, m.end), taken):
            continue
        pre = text[max(0, m.start - 60): m.start]
        cue = search(P.cue_end, pre)
        if not cue:
            done = _completed_year(text, m, ref, ref_year)
            if done is not None:
                add(done)
            continue
        if m.kind == "year" and P.day_only.match(cue.group().strip()):
            continue  # "đến năm 2030" is a horizon
        cs, _ = clause_bounds(text, m.start)
        if _past(text, cs, m.start - len(pre) + cue.start()):
            continue
        if P.occasion.search(text, max(cs, m.start - 60), m.start - len(cue.group())):
            continue  # "các sự kiện … trong tháng 8": when the occasion is, not a deadline
        r = resolve(m, ref, ref_year)
        start = m.start - len(pre) + cue.start()
        add(Deadline(start, m.end, text[start:m.end], MENTION_KIND[m.kind], r.last if r.valid else None, r.valid, r))
    for rm in re.fast_finditer(P.relative, text):
        if not _overlaps(rm.span(), taken):
            phrase = rm.group().lower()
            unit = _UNIT.findall(phrase)[-1]  # "trong tháng này", "đến cuối năm"
            add(Deadline(rm.start(), rm.end(), rm.group(), _UNIT_KIND[unit], _relative_date(unit, phrase, ref)))
    for rm in re.fast_finditer(P.recurring, text):
        if _overlaps(rm.span(), taken):
            continue
        cs, ce = clause_bounds(text, rm.start())
        if P.recurring_ctx.search(text, cs, ce):
            add(Deadline(rm.start(), rm.end(), rm.group(), "recurring"))
    for vm in re.fast_finditer(P.vague, text):
        cs, _ = clause_bounds(text, vm.start())
        if P.purpose.search(text, max(cs, vm.start() - 50), vm.start()):
            continue  # "… để theo dõi, đôn đốc kịp thời": the purpose's manner, not the task's timing
        if P.manner.match(text, vm.end()):
            continue  # "cung cấp thông tin nhanh chóng, chính xác": how well, not when
        if not _overlaps(vm.span(), taken):
            add(Deadline(vm.start(), vm.end(), vm.group(), "vague"))
    out.sort(key=lambda d: d.start)
    return out


def primary(deadlines: list[Deadline]) -> Deadline | None:
    """The deadline a clerk follows up: the earliest dated one, else the first concrete one,
    else the first vague one."""
    dated = [d for d in deadlines if d.concrete and d.date]
    if dated:  # on the same day, a date written out ("trước ngày 31/12/2025") over a month or a year
        return min(dated, key=lambda d: (d.date, d.kind != "by-date"))
    concrete = [d for d in deadlines if d.concrete]
    if concrete:
        return concrete[0]
    return deadlines[0] if deadlines else None
