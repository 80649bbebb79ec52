"""Engine behaviour a user notices: one finding per problem, rule isolation."""
from __future__ import annotations

from .conftest import FIXTURES, run_text

BASE = (FIXTURES / "rules" / "S101" / "good.txt").read_text(encoding="utf-8")


def test_one_finding_when_two_rules_flag_the_same_words_with_the_same_fix():
    text = BASE.replace("2. Sở Kế hoạch và Đầu tư tổng hợp", "2. Nhân kỷ niệm chiến thắng Điện Biên phủ, Sở Kế hoạch và Đầu tư tổng hợp")
    diags = [d for d in run_text(text) if "Điện Biên" in (d.context or "")]
    assert len(diags) == 1
    # (N402 reports a place name without its unit word as information, so L701's warning is kept)
    assert diags[0].code == "L701" and diags[0].suggestion == "Điện Biên Phủ"
    # each rule alone still reports it
    assert [d.code for d in run_text(text, select=["L701"]) if d.suggestion == "Điện Biên Phủ"] == ["L701"]


def test_a_wrong_letter_inside_a_misspelt_body_name_is_one_finding_the_names_rule():
    # "Ủy bân nhân dân xã": N401 gives the official name; L705's "bân" → "ban" is the same correction
    text = BASE.replace("2. Sở Kế hoạch và Đầu tư tổng hợp",
                        "2. Ủy bân nhân dân xã phối hợp thường xuyên, hiệu quả; Sở Kế hoạch và Đầu tư tổng hợp")
    diags = [d for d in run_text(text) if "bân" in (d.context or "") and d.suggestion]
    assert [d.code for d in diags] == ["N401"]
    assert diags[0].suggestion == "Ủy ban nhân dân xã"
    # L705 alone still reports the word
    assert [d.suggestion for d in run_text(text, select=["L705"]) if "bân" in (d.context or "")] == ["ban"]
    # a spelling finding outside the name is kept
    text2 = text.replace("phối hợp thường xuyên", "phối hợp thường xuyên để bảo đảm nguồn vốn xây dụng nông thôn mới")
    assert "L705" in [d.code for d in run_text(text2)]
