"""Sub-items written inside one paragraph: "(1) …; (2) …", "(i) …; (ii) …", "…: a) …; b) …",
"Thứ nhất, …. Thứ hai, …".

A list is a run of markers of one style whose values go 1, 2, 3 … (i, ii, iii …; a, b, c …),
each after the start of the text, a colon, a semicolon or a full stop. The text before the first
marker is the list's lead-in ("Bộ Khoa học và Công nghệ: (1) …", "… các bộ, ngành, địa phương
tập trung: (i) …"). Markers of another style between two entries belong to a list nested in
the entry (found by calling `inline_list` on the entry).

Pure functions of the text: tasks.py decides which lists are lists of tasks.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import rx as re

from ..structure.outline import roman_value

# after the start of the span or a colon / semicolon / full stop (and up to three spaces), written
# for the standard engine (no `regex` import): the look-behind of up to three spaces is spelled
# out as one fixed-width look-behind per count, and a space is `regex`'s \s (Unicode White_Space:
# `re`'s \s also takes \x1c-\x1f). tests/test_segments_marker.py compares its matches with
# the variable-width pattern compiled by `regex`.
_SP = r"[^\S\x1c-\x1f]"
_AFTER = "|".join(f"(?<={punct}{_SP * k})" for punct in ("[:;.]", "[:;.][\"”*]") for k in range(4))
_MARK = re.compile(
    r"(?:^|" + _AFTER + ")" + _SP + "*"
    r"(?:\((?P<n>\d{1,2})\)|\((?P<r>[ivxIVX]{1,5})\)|(?P<l>[a-zđ])\)"
    r"|(?P<o>Thứ" + _SP + "+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))" + _SP + "*,)"
    + _SP + r"*(?=[\S\x1c-\x1f])")
_ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]
_LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass
class Marker:
    """An inline list marker ("(2)", "b)", "Thứ hai") in a paragraph's text."""
    start: int  # where the marker starts (in the text)
    body: int  # where the entry's text starts (after the marker)
    style: str  # "paren_num" | "paren_roman" | "letter" | "ordinal"
    value: int
    label: str  # as printed: "(2)", "(ii)", "b)", "Thứ hai"


@dataclass
class Entry:
    """An inline list entry: its marker, and where its text ends."""
    marker: Marker
    end: int  # end of the entry's text (the next marker of the list, or the end of the span)


def _markers(text: str, start: int, end: int) -> list[Marker]:
    out = []
    for m in _MARK.finditer(text, start, end):
        if m.group("n"):
            style, value, label = "paren_num", int(m.group("n")), f"({m.group('n')})"
        elif m.group("r"):
            v = roman_value(m.group("r"))
            if v is None:
                continue
            style, value, label = "paren_roman", v, f"({m.group('r')})"
        elif m.group("l"):
            style, value, label = "letter", _LETTERS.index(m.group("l")) + 1, f"{m.group('l')})"
        else:
            word = m.group("o").split()[-1].lower()
            style, value, label = "ordinal", _ORDINALS.index(word) + 1, m.group("o")
        body = m.end()
        lead = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Marker(lead, body, style, value, label))
    return out


def inline_list(text: str, start: int, end: int) -> tuple[int, list[Entry]]:
    """The first list of sub-items in text[start:end]: (end of the lead-in, entries), or
    (start, []) when there is no list of at least two entries."""
    ms = _markers(text, start, end)
    for k, first in enumerate(ms):
        if first.value != 1:
            continue
        run = [first]
        for m in ms[k + 1:]:
            if m.style == first.style and m.value == run[-1].value + 1:
                run.append(m)
        if len(run) < 2:
            continue
        entries = [Entry(m, run[i + 1].start if i + 1 < len(run) else end) for i, m in enumerate(run)]
        return first.start, entries
    return start, []
