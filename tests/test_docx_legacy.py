"""A .docx with runs typed in a TCVN3 (.VnTime) or VNI font: read as the Unicode a reader sees,
reported once by E901 at the paragraph, and every other rule checks the converted text."""
from __future__ import annotations

import pytest

from checker import check_file
from checker.encodings import from_unicode

from .docxbuild import DocxBuilder

TEXT = "Kết luận của Chủ tịch UBND tỉnh tại phiên họp tháng 8 năm 2021"


@pytest.mark.parametrize("font,enc", [(".VnTime", "tcvn3"), ("VNI-Times", "vni")])
def test_legacy_font_runs(tmp_path, font, enc):
    b = DocxBuilder()
    b.para("THÔNG BÁO")
    run = b.doc.add_paragraph().add_run(from_unicode(TEXT, enc))
    run.font.name = font
    b.para("Sở Công thương chủ trì thực hiện.")
    res = check_file(b.save(tmp_path / "leg.docx"), select=["E901", "S106", "N402"])
    codes = [(d.code, d.line) for d in res.diagnostics]
    assert ("E901", 2) in codes
    assert "S106" not in {c for c, _ in codes}  # the converted summary line is recognised
    assert res.document.paragraphs[1].text == TEXT
    e901 = next(d for d in res.diagnostics if d.code == "E901")
    assert font in e901.message.vi
