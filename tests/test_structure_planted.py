"""Plant one defect at a time in real notices of every layout and assert the finding.

Layouts: plain text with the header table lost (seeds), text extracted from PDF pages with the
header and title wrapped (corpus/notices), Markdown crawled from a web page with bold marks
(fixtures/real: a Party notice, an announcement). Defects: the signature-authority line dropped
(the "KT."/"TL."/"TM." line right above the signer's title), the "Nơi nhận:" heading dropped,
the "Lưu" line dropped, the closing "./." dropped. Each gives its finding, once, on a line next to
where the component was; the untouched notice does not have it.
"""
from __future__ import annotations

import pytest

from checker.document import load_path

from .conftest import CORPUS, FIXTURES, SEEDS, needs_shared, run_text

pytestmark = needs_shared


def docs():
    if not SEEDS.is_dir():
        return []
    return ([SEEDS / n for n in ("000_0ecd264c0f8cb733.txt", "001_97c29a3822b1a2b7.txt", "002_b75f6995bec0e83d.txt",
                                 "004_1e72024b4a527dac.txt")]
            + sorted((CORPUS / "notices").glob("*.txt"))
            + [FIXTURES / "real" / "announcement-983-tb-ct-2025.md"])


def source_line(doc, para_index: int) -> int:
    return doc.source.position(doc.paragraphs[para_index].offsets[0]).line


def drop_line(text: str, line: int) -> str:
    lines = text.split("\n")
    del lines[line - 1]
    return "\n".join(lines)


def findings(text, path, code):
    return [d for d in run_text(text, path=path.name, select=["S", "F"]) if d.code == code]


def planted(path, component: str, code: str):
    doc = load_path(path)
    st = doc.structure
    para = st.components[component][-1 if component == "luu" else 0]
    line = source_line(doc, para)
    text = path.read_text(encoding="utf-8")
    before = findings(text, path, code)
    after = findings(drop_line(text, line), path, code)
    return line, before, after


PARTY = FIXTURES / "real" / "party-notice-432-tb-vptw-2025.md"


@pytest.mark.parametrize("path", docs() + [PARTY], ids=lambda p: p.name[:6])
def test_dropped_noi_nhan_heading(path):
    line, before, after = planted(path, "noi_nhan", "S108")
    assert not [d for d in before if "Thiếu" in d.message.vi]
    [d] = [d for d in after if "thiếu dòng tiêu đề" in d.message.vi]
    assert abs(d.line - line) <= 1
    # the recipients lines left without their heading are not body text after the closing
    assert not [d for d in run_text(drop_line(path.read_text(encoding="utf-8"), line), path=path.name, select=["S112"])]


@pytest.mark.parametrize("path", docs(), ids=lambda p: p.name[:6])
def test_dropped_luu_line(path):
    line, before, after = planted(path, "luu", "S109")
    assert not [d for d in before if "thiếu dòng cuối" in d.message.vi]
    [d] = [d for d in after if "thiếu dòng cuối" in d.message.vi]
    assert abs(d.line - line) <= 1


@pytest.mark.parametrize("path", docs(), ids=lambda p: p.name[:6])
def test_dropped_closing_mark(path):
    doc = load_path(path)
    [p] = doc.component("closing")
    text = path.read_text(encoding="utf-8")
    end = doc.source.position(p.offsets[-1]).line
    lines = text.split("\n")
    assert lines[end - 1].rstrip().endswith("./.")
    lines[end - 1] = lines[end - 1].rstrip()[:-3] + "."
    after = findings("\n".join(lines), path, "S107")
    assert not findings(text, path, "S107")
    [d] = after
    assert d.line == end and d.suggestion == "./."


def deputy_docs():
    out = []
    for path in docs():
        doc = load_path(path)
        auths = doc.component("authority")
        if auths:
            out.append(path)
    return out


@pytest.mark.parametrize("path", deputy_docs(), ids=lambda p: p.name[:6])
def test_dropped_authority_line(path):
    """Drop the authority line right above the signer's own title ("KT. BỘ TRƯỞNG," over "PHÓ CHỦ
    NHIỆM", "KT. CHÁNH VĂN PHÒNG" over "PHÓ CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH" over "CHÁNH VĂN
    PHÒNG"): the block must say its authority is missing, unless the header that would tell which
    body issues the notice was lost in extraction (then nobody can know)."""
    doc = load_path(path)
    auth = doc.component("authority")[-1]
    line = source_line(doc, auth.index)
    text = path.read_text(encoding="utf-8")
    assert not findings(text, path, "S110")
    after = drop_line(text, line)
    if "KT. BỘ TRƯỞNG," in auth.text:  # VPCP's two-line form: the head's title goes with it
        after = drop_line(after, line)
    got = findings(after, path, "S110")
    if not doc.component("issuer") and not auth.text.startswith("KT"):
        assert got == []
        return
    [d] = got
    assert abs(d.line - line) <= 2
