"""The sub-item marker pattern of checker/extract/segments.py is written for the standard `re`
engine (so a run does not import `regex`): it must find exactly what the pattern it replaced,
with a look-behind of variable width, finds when `regex` compiles it - on hand-made edge cases
and on every real paragraph, searched from the start and from inside the spaces after a mark."""
from __future__ import annotations

import re as std_re

import pytest
import regex

from checker.document import load_path
from checker.extract import segments
from checker.extract.segments import inline_list

from .conftest import CORPUS, SEEDS, needs_shared

VARIABLE = regex.compile(
    r"(?:^|(?<=[:;.]\s{0,3})|(?<=[:;.][\"”*]\s{0,3}))\s*"
    r"(?:\((?P<n>\d{1,2})\)|\((?P<r>[ivxIVX]{1,5})\)|(?P<l>[a-zđ])\)|(?P<o>Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*,)"
    r"\s*(?=\S)")

EDGES = [
    "Các đơn vị: (1) rà soát; (2) báo cáo; (3) tổng hợp.",
    "Giao:   a) Sở Tài chính;    b) Sở Nội vụ;     c) Sở Y tế.",
    "tập trung: (i) hoàn thiện; (ii) triển khai. (iii) đánh giá",
    'nội dung:" (1) một;" (2) hai.”  (3) ba.* (4) bốn',
    "Thứ nhất, rà soát. Thứ  hai , tổng hợp. Thứ\u00a0ba, báo cáo.",
    "(1) đầu đoạn; (2) tiếp",
    "sau dấu:\x1c(1) một;\x1f(2) hai; (3)\x1c",
    "sau dấu:\u2003\u2003(1) một;\u3000(2) hai;\t\n (3) ba",
    "không phải: a)b) x; (12) y; (123) z; (vi) t; (ivxiv) u; đ) v",
    "(1)", "a) ", ": (2)  ", "",
]


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _searches(text, every=True):
    """(start, end) of searches: the whole text, and from positions after a space or a mark
    (every=False: only those inside the spaces after a colon, semicolon or full stop, where the
    look-behind alone decides), to the end and to one character before it."""
    starts = [0]
    for i in range(1, len(text)):
        if every and (text[i - 1].isspace() or text[i - 1] in ':;."”*'):
            starts.append(i)
        elif text[i - 1].isspace() and text[:i].rstrip()[-1:] in (":", ";", ".", '"', "”", "*"):
            starts.append(i)
    for s in starts:
        yield s, len(text)
        yield s, max(s, len(text) - 1)


def test_the_pattern_needs_no_regex_module():
    assert isinstance(segments._MARK, std_re.Pattern)


@pytest.mark.parametrize("text", EDGES)
def test_same_matches_as_the_variable_look_behind_on_edge_cases(text):
    for s, e in _searches(text):
        assert _spans(segments._MARK.finditer(text, s, e)) == _spans(VARIABLE.finditer(text, s, e)), (s, e)


def test_lists_on_edge_cases():
    lead, entries = inline_list(EDGES[1], 0, len(EDGES[1]))
    assert EDGES[1][:lead] == "Giao:   "
    assert [e.marker.label for e in entries] == ["a)", "b)", "c)"]
    lead, entries = inline_list(EDGES[4], 0, len(EDGES[4]))
    assert [e.marker.label for e in entries] == ["Thứ nhất", "Thứ  hai", "Thứ\u00a0ba"]


@needs_shared
def test_same_matches_as_the_variable_look_behind_on_every_real_paragraph():
    seen = 0
    for path in sorted(SEEDS.glob("*.txt")) + sorted((CORPUS / "notices").glob("*.txt")):
        for p in load_path(path).paragraphs:
            text = p.text
            if ")" not in text and "Thứ" not in text:
                continue
            for s, e in _searches(text, every=False):
                found = _spans(segments._MARK.finditer(text, s, e))
                assert found == _spans(VARIABLE.finditer(text, s, e)), (path.name, text, s, e)
                seen += len(found)
    assert seen > 100
