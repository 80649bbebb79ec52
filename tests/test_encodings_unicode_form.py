"""E902: decomposed (NFD) or mixed Unicode in the original text; the fix recomposes it."""
from __future__ import annotations

import unicodedata

from checker.fix import apply_edits

from .conftest import run_text

TEXT = ("THÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh về việc triển khai tiêm vắc-xin.\n\n"
        "1. Sở Y tế chủ trì, phối hợp với các huyện, báo cáo trước ngày 15/9/2021.\n\n"
        "2. Sở Tài chính **bố trí** kinh phí trong tháng 9 năm 2021.\n")
NFD = unicodedata.normalize("NFD", TEXT)


def e902(text):
    return run_text(text, path="draft.md", select=["E902"])


def test_precomposed_text_is_fine():
    assert e902(TEXT) == []


def test_a_decomposed_document_is_one_finding():
    diags = e902(NFD)
    assert len(diags) == 1 and diags[0].line == 1
    assert "NFD" in diags[0].message.vi


def test_mixed_forms_are_reported_per_paragraph_and_fixed():
    text = TEXT.replace("triển khai", unicodedata.normalize("NFD", "triển khai")).replace(
        "bố trí", unicodedata.normalize("NFD", "bố trí"))
    diags = e902(text)
    assert [(d.line, d.data == {}) for d in diags] == [(3, True), (7, True)]
    assert "triển" in diags[0].message.vi and "bố" in diags[1].message.vi
    fixed = apply_edits(text, sorted((e for d in diags for e in d.fix.edits), key=lambda e: e.start))
    assert fixed == TEXT  # Markdown marks and everything else untouched
    assert e902(fixed) == []


def test_the_checks_run_on_the_recomposed_paragraph_text():
    # the reader composes paragraph text: other rules see "Sở Y tế", not its decomposed form
    assert not [d for d in run_text(NFD) if d.code.startswith("L7")]
