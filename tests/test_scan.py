"""The triggers found in one pass (checker/scan.py) answer exactly as `key in paragraph` would:
a rule skipped for a paragraph without its trigger loses no finding."""
from __future__ import annotations

from checker import scan

TEXTS = ["Theo Luật Đầu tư số 61/2020/QH14;", "điều 5 của thủ tướng Chính phủ", "", "Tây Nam bộ; Quốc Lộ 1",
         "LUẬT ĐẤT ĐAI"]


def test_triggers_answer_as_a_substring_test():
    keys = [scan.triggers("Luật "), scan.triggers("điều", "chương"), scan.triggers("Nam bộ", "Quốc Lộ"),
            scan.triggers("luật", fold=True), scan.triggers("không có", fold=True)]
    s = scan.Scan(TEXTS)
    for k in keys:
        for i, t in enumerate(TEXTS):
            expected = any(key in (t.lower() if k.fold else t) for key in k)
            assert s.has(k, i) is expected, (k, t)
    assert s.paragraphs(keys[3]) == {0, 4}


def test_a_trigger_declared_after_the_scan_is_still_answered():
    s = scan.Scan(TEXTS)
    assert s.has(scan.triggers("Luật "), 0)
    late = scan.triggers("Đầu tư số 61")
    assert s.has(late, 0) and not s.has(late, 1)


def test_folded_triggers_are_written_in_lower_case():
    import pytest

    with pytest.raises(ValueError):
        scan.triggers("Luật", fold=True)
