"""Acceptance 3 of issue 7: the fixed copy reopens in python-docx, and LibreOffice (when installed)
renders it with A4 pages and the decree's margins.

The .docx is converted to PDF (soffice --headless), page 1 is rendered to PNG (pdftoppm) for a
reviewer to look at (kept in $RASOAT_ARTIFACTS when that is set, else in pytest's tmp folder), and
the PDF's page size and the text's extent on page 1 (pdftotext -bbox) are measured: the body's
lines start at the left margin (30 mm) and justified lines end at the right margin (15 mm), the
first line is at the top margin (20 mm). Without LibreOffice and poppler the test is skipped.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from checker.layout.fix import format_docx

from .conftest import SEEDS
from .layoutbuild import from_text, notice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOOLS = SOFFICE and shutil.which("pdftoppm") and shutil.which("pdftotext")
PT_PER_MM = 72 / 25.4


def broken_draft() -> bytes:
    """Seed 000 laid out with wrong paper, margins and sizes (or the short notice without ../shared)."""
    seed = SEEDS / "000_0ecd264c0f8cb733.txt"
    b = from_text(seed.read_text(encoding="utf-8")) if seed.exists() else notice()
    return b.page(12240, 15840).margins(left=1417, right=1800, top=1440).run_format("noi_nhan", size=14).to_bytes()


@pytest.fixture(scope="module")
def fixed() -> bytes:
    data, n = format_docx(broken_draft())
    assert n >= 4
    return data


def test_fixed_copy_reopens_in_python_docx(fixed):
    d = docx.Document(io.BytesIO(fixed))
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297
    assert [round(m.mm, 1) for m in (sec.top_margin, sec.left_margin, sec.right_margin)] == [25.0, 30.0, 20.0]
    assert any(p.text == "Nơi nhận:" for t in d.tables for c in t._cells for p in c.paragraphs)


@pytest.mark.skipif(not TOOLS, reason="LibreOffice (soffice) and poppler (pdftoppm, pdftotext) are not installed")
def test_libreoffice_renders_a4_with_the_decree_margins(fixed, tmp_path):
    src = tmp_path / "fixed.docx"
    src.write_bytes(fixed)
    profile = tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "fixed.pdf"
    assert pdf.exists()
    out_dir = Path(os.environ.get("RASOAT_ARTIFACTS") or tmp_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out_dir / "layout-page1")], check=True, capture_output=True, timeout=60)
    png = out_dir / "layout-page1.png"
    assert png.exists() and png.stat().st_size > 1000
    print(f"\npage 1 rendered for review: {png}")

    bbox = tmp_path / "page1.html"
    subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), str(bbox)], check=True, timeout=60)
    html = bbox.read_text(encoding="utf-8")
    width, height = (float(x) for x in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html).groups())
    assert abs(width - 210 * PT_PER_MM) < 1 and abs(height - 297 * PT_PER_MM) < 1  # A4 portrait
    words = [tuple(float(v) for v in m.groups()) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    assert len(words) > 50
    left = min(x0 for x0, _y0, _x1, _y1 in words)
    right = max(x1 for _x0, _y0, x1, _y1 in words)
    top = min(y0 for _x0, y0, _x1, _y1 in words)
    bottom = max(y1 for _x0, _y0, _x1, y1 in words)
    assert abs(left - 30 * PT_PER_MM) < 2, left  # left margin 30 mm
    assert abs((width - right) - 20 * PT_PER_MM) < 3, right  # right margin 20 mm (set by the fix)
    assert 25 * PT_PER_MM - 1 < top < 25 * PT_PER_MM + 12, top  # top margin 25 mm (set by the fix)
    assert height - bottom > 20 * PT_PER_MM - 1, bottom  # nothing below the bottom margin
