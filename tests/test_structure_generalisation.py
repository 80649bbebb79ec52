"""Real notices never seen while the structure checks were written (fixtures/real, see SOURCES.md):
Markdown exports of thuvienphapluat.vn pages with the crawler's table markup ("|" cell walls
between the header cells), wrapped summaries, bold marks inside words.

The structure and numbering findings on them are a snapshot (fixtures/real/snapshots/structure.json):
each is a defect of the text as published (SOURCES.md says which); a new finding on these files is
a false alarm until someone reads it and says otherwise. Then one defect at a time is planted in
each (the Nơi nhận heading, the Lưu line, the "./.", the signature authority dropped) and must be
found on the line where the component was.
"""
from __future__ import annotations

import json

import pytest

from checker import Options, check_file
from checker.document import load_path

from .conftest import FIXTURES
from .test_structure_planted import drop_line, findings, planted, source_line

REAL = FIXTURES / "real"
SNAPSHOT = json.loads((REAL / "snapshots" / "structure.json").read_text(encoding="utf-8"))
PATHS = [REAL / name for name in SNAPSHOT]


def test_at_least_ten_unseen_notices():
    assert len(PATHS) >= 10 and all(p.is_file() for p in PATHS)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name[:16])
def test_structure_findings_are_the_snapshot(path):
    res = check_file(path, Options(), select=["S", "F"])
    want = SNAPSHOT[path.name]
    assert (res.kind, res.subtype) == (want["kind"], want["subtype"])
    assert [[d.code, d.line] for d in res.diagnostics] == want["findings"]


def test_table_cell_walls_do_not_hide_the_header():
    """"|" lines between the header cells of a Markdown export: the place and date, and the title,
    are found (they were joined to the walls and reported missing)."""
    doc = load_path(REAL / "tb-641-vpcp-2025-ket-luan-da-nang.md")
    [pd] = doc.component("place_date")
    assert pd.text == "Hà Nội, ngày 25 tháng 11 năm 2025"
    assert [p.text for p in doc.component("title")] == ["THÔNG BÁO"]


def test_measure_at_line_start_is_no_list_label():
    """"13.75 ± 3g/chiếc" at the start of a wrapped line is a weight, not item 13.75."""
    res = check_file(REAL / "ruling-37690-tb-chq-2025.md", Options(), select=["F"])
    assert res.diagnostics == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name[:16])
def test_dropped_noi_nhan_lu_and_closing_are_found(path):
    text = path.read_text(encoding="utf-8")
    line, before, after = planted(path, "noi_nhan", "S108")
    assert not before
    [d] = [d for d in after if "thiếu dòng tiêu đề" in d.message.vi]
    assert abs(d.line - line) <= 1
    line, before, after = planted(path, "luu", "S109")
    [d] = [d for d in after if "thiếu dòng cuối" in d.message.vi]
    assert abs(d.line - line) <= 2
    doc = load_path(path)
    closing = doc.component("closing")
    if closing and closing[0].text.rstrip().endswith("./."):
        end = doc.source.position(closing[0].offsets[-1]).line
        lines = text.split("\n")
        lines[end - 1] = lines[end - 1].rstrip()[:-3] + "."
        [d] = findings("\n".join(lines), path, "S107")
        assert d.line == end


@pytest.mark.parametrize("path", [p for p in PATHS if not SNAPSHOT[p.name]["findings"]
                                  or "S110" not in {c for c, _ in SNAPSHOT[p.name]["findings"]}],
                         ids=lambda p: p.name[:16])
def test_dropped_authority_line_is_found(path):
    doc = load_path(path)
    auth = doc.component("authority")[-1]
    line = source_line(doc, auth.index)
    after = drop_line(path.read_text(encoding="utf-8"), line)
    got = findings(after, path, "S110")
    assert len(got) == 1 and abs(got[0].line - line) <= 3, (auth.text, got)


def test_roman_number_wrapped_at_a_line_start_is_no_heading():
    """"… tại Kỳ họp thứ 10, Quốc hội khóa" / "XV.": the sentence's last word, not heading XV
    (it made the next "5." look like the start of a list: F601)."""
    path = REAL / "tb-vpcp-2025-ket-luan-pttg-son-la-header-lost.md"
    doc = load_path(path)
    assert any(p.text.endswith("Quốc hội khóa XV.") for p in doc.paragraphs)
    assert check_file(path, Options(), select=["F"]).diagnostics == []
