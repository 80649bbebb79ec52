"""Acceptance 2 of issue 7: seed 000's text laid out per the decree passes; five planted layout
errors give exactly five findings, and `rasoat format` repairs all five (text unchanged)."""
from __future__ import annotations

import io

import docx
import pytest

from checker import Options, check_file
from checker.document import load_path
from checker.layout.fix import format_docx

from .conftest import SEEDS, needs_shared, run_cli
from .layoutbuild import from_text

SEED = "000_0ecd264c0f8cb733.txt"

# (code, what is planted): one change each, each breaking one rule once
PLANTED = [
    ("P801", lambda b: b.page(12240, 15840)),  # Letter paper
    ("P802", lambda b: b.margins(left=1417)),  # left margin 25 mm
    ("P805", lambda b: b.run_format("body", 3, font="Arial")),  # one body paragraph in Arial
    ("P807", lambda b: b.run_format("noi_nhan", size=14)),  # "Nơi nhận:" at 14 pt
    ("P808", lambda b: b.run_format("place_date", italic=False)),  # place and date upright
]


def seed_builder():
    return from_text((SEEDS / SEED).read_text(encoding="utf-8"))


def p_codes(data: bytes) -> list[str]:
    return sorted(d.code for d in check_file("seed.docx", Options(), select=["P"], data=data).diagnostics)


@pytest.fixture(scope="module")
def planted() -> bytes:
    b = seed_builder()
    for _code, plant in PLANTED:
        plant(b)
    return b.to_bytes()


@needs_shared
def test_seed_laid_out_per_decree_passes():
    data = seed_builder().to_bytes()
    doc = load_path("seed.docx", data=data)
    assert doc.kind == "thong-bao" and len(doc.structure.components["body"]) > 30
    assert p_codes(data) == []


@needs_shared
def test_five_planted_errors_give_exactly_five_findings(planted):
    assert p_codes(planted) == sorted(code for code, _plant in PLANTED)


@needs_shared
def test_format_repairs_all_five_without_touching_the_text(planted):
    fixed, n = format_docx(planted)
    assert n >= 5
    assert p_codes(fixed) == []
    before, after = load_path("a.docx", data=planted), load_path("b.docx", data=fixed)
    assert after.source.text == before.source.text
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert format_docx(fixed) == (fixed, 0)  # a second run finds nothing left
    reopened = docx.Document(io.BytesIO(fixed))  # python-docx opens the fixed copy
    sec = reopened.sections[0]
    assert (sec.page_width.twips, sec.page_height.twips, sec.left_margin.twips) == (11906, 16838, 1701)


@needs_shared
def test_rasoat_format_command_repairs_the_planted_draft(planted, tmp_path):
    src = tmp_path / "seed.docx"
    src.write_bytes(planted)
    out = tmp_path / "seed.fixed.docx"
    code, stdout, _err = run_cli("format", src, "-o", out)
    assert code == 0 and out.exists()
    assert "Không còn lỗi trình bày" in stdout
    assert src.read_bytes() == planted  # the original is untouched
    code, stdout, _err = run_cli("check", out, "--select", "P", "--format", "json")
    assert code == 0 and '"code": "P' not in stdout
