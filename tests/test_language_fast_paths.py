"""The quick ways L704 and L707 find their patterns' matches (a literal start searched first, a
window before " số 12/…") give exactly the matches of the patterns themselves, on hand-made
edge cases and on every paragraph of the real notices."""
from __future__ import annotations

import pytest

from checker.checks.language import l704_typography as l704
from checker.checks.language import l707_capitals as l707
from checker.document import load_path

from .conftest import CORPUS, SEEDS, needs_shared

EDGES = [
    "theo quyết định số 12/QĐ-UBND và công văn số 3-BC, thông tư liên tịch số 5/2020",
    "công văn số 1/A công văn số 2/B; kế hoạch số 7-KH",
    "Xquyết định số 1/A; . quyết định số 1/A; quyết định số 1/A",
    "các nhiệm vụ; Chịu trách nhiệm (sau đây gọi là Phiên họp), Tham dự; Xây dựng; ; Ab cd",
    "giai đoạn 2026 -2031, 2026- 2031, 1 -2 -3, 2021 - 2025, tại Điều 5 và chương II",
    "Lưu:VT, kinh tế,xã hội .Tiếp theo ( a ) ;",
]


def _texts():
    yield from EDGES
    for path in sorted(SEEDS.glob("*.txt")) + sorted((CORPUS / "notices").glob("*.txt")):
        for p in load_path(path).paragraphs:
            yield p.text


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@needs_shared
def test_the_quick_searches_find_what_the_patterns_find():
    if not l707._TYPES:
        l707._TYPES.append(l707._types_pattern())
    types = l707._TYPES[0][0]
    seen = {"types": 0, "after": 0, "dash": 0}
    for text in _texts():
        assert _spans(l707._types(text)) == _spans(types.finditer(text)), text
        assert _spans(l707._after_punct(text)) == _spans(l707.AFTER_PUNCT.finditer(text)), text
        seen["types"] += bool(types.search(text))
        seen["after"] += bool(l707.AFTER_PUNCT.search(text))
        for pattern, needs in ((l704.SPACE_BEFORE, l704.SPACE_BEFORE_NEEDS), (l704.NO_SPACE_AFTER, l704.NO_SPACE_AFTER_NEEDS),
                               (l704.LOPSIDED_DASH, l704.LOPSIDED_DASH_NEEDS), (l707.ARTICLE, l707.ARTICLE_NEEDS)):
            if pattern.search(text):
                assert needs.search(text), (pattern.pattern, text)
        seen["dash"] += bool(l704.LOPSIDED_DASH.search(text))
    assert all(seen.values()), seen


@pytest.mark.parametrize("text", EDGES)
def test_the_quick_searches_on_edge_cases(text):
    if not l707._TYPES:
        l707._TYPES.append(l707._types_pattern())
    assert _spans(l707._types(text)) == _spans(l707._TYPES[0][0].finditer(text))
    assert _spans(l707._after_punct(text)) == _spans(l707.AFTER_PUNCT.finditer(text))
