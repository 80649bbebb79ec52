"""The syllable table of L705–L707 (rules/lm/syllables.bin): read in place, answers as counted,
and a damaged file is a clear error naming it."""
from __future__ import annotations

import pytest

from checker.language import lm
from checker.resources import rules_path


def test_the_shipped_table_tells_the_usual_word_from_the_slip():
    m = lm.model()
    assert m.pair("chính", "công") > 50 * max(m.pair("chính", "cộng"), 1)  # "hành chính công"
    assert m.pair("quan", "thuế") > 100 * max(m.pair("quan", "thuê"), 1)
    assert "thuế" in lm.variants("thuê") and "bắc" in lm.variants("bác")
    assert m.count("năm") > 100_000 and m.count("zzz") == 0 and m.pair("năm", "zzz") == 0.0


@pytest.mark.parametrize("cut", [0, 5, 200, 60_000, 1_000_000, -1])
def test_a_damaged_table_is_an_error_naming_the_file(cut):
    data = rules_path("lm/syllables.bin").read_bytes()
    with pytest.raises(lm.LanguageModelError, match="broken.bin"):
        lm.SyllableModel(data[:cut], "broken.bin")


def test_a_table_read_from_bytes_or_mapped_gives_the_same_answers():
    data = rules_path("lm/syllables.bin").read_bytes()
    a, b = lm.SyllableModel(data), lm.model()
    for x, y in [("quy", "định"), ("xây", "dựng"), ("điện", "tử"), ("tỷ", "trọng")]:
        assert a.pair(x, y) == b.pair(x, y) > 0
    assert [a.word(v) for v in a.variant_ids(a.id("đế"))] == [b.word(v) for v in b.variant_ids(b.id("đế"))]


def test_the_followers_of_a_syllable_are_those_seen_often_enough_after_it():
    # L705 passes over a variant not among them without searching the table: it must be exact
    m = lm.model()
    n = len(m._words)
    for x in ("quy", "xây", "điện", "các", "từ", "zzz"):
        i = m.id(x)
        if i is None:
            continue
        strong = m.followers(i, 100)
        assert strong == {j for j in range(n) if m.pair_ids(i, j) >= 100}
        assert m.id("định") in m.followers(m.id("quy"), 100)
