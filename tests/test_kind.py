"""What the document is: kind and subtype (checker.structure.kind), in the JSON and the text summary.

Every document of ../shared (notices, seeds, other documents) and the real notices of
fixtures/real (a Party notice, an announcement; see fixtures/real/SOURCES.md) gets the kind a
reader gives it. A drafting note above the title ("(Dự thảo)", "Dự thảo lần 2", "Người soạn: …")
never switches the notice checks off.
"""
from __future__ import annotations

import json

import pytest

from checker.document import load_path, load_text
from checker.structure.kind import NoticeKind, notice_kind

from .conftest import CORPUS, FIXTURES, SEEDS, codes, needs_shared, run_cli, run_file, run_text

REAL = FIXTURES / "real"

EXPECTED = {
    # corpus/notices: Văn phòng Chính phủ's notices of the conclusions of (Deputy) Prime Ministers
    "notices/001_": ("thong-bao", "conclusion"), "notices/002_": ("thong-bao", "conclusion"),
    "notices/003_": ("thong-bao", "conclusion"), "notices/004_": ("thong-bao", "conclusion"),
    "notices/005_": ("thong-bao", "conclusion"), "notices/006_": ("thong-bao", "conclusion"),
    # seeds: provincial conclusion notices, and a news article
    "seeds/000_": ("thong-bao", "conclusion"), "seeds/001_": ("thong-bao", "conclusion"),
    "seeds/002_": ("thong-bao", "conclusion"), "seeds/003_": ("other", ""),
    "seeds/004_": ("thong-bao", "conclusion"),
    # corpus/other: decisions, plans, a directive, official letters, telegrams
    "other/001_": ("other", "quyet-dinh"), "other/002_": ("other", "quyet-dinh"),
    "other/003_": ("other", "quyet-dinh"), "other/004_": ("other", "quyet-dinh"),
    "other/005_": ("other", "quyet-dinh"), "other/006_": ("other", "quyet-dinh"),
    "other/007_": ("other", "quyet-dinh"), "other/008_": ("other", "ke-hoach"),
    "other/009_": ("other", "ke-hoach"), "other/010_": ("other", "ke-hoach"),
    "other/011_": ("other", "ke-hoach"), "other/012_": ("other", "chi-thi"),
    "other/013_": ("other", "cong-van"), "other/014_": ("other", "cong-van"),
    "other/015_": ("other", "cong-van"), "other/016_": ("other", "cong-van"),
    "other/017_": ("other", "cong-van"), "other/018_": ("other", "cong-dien"),
    "other/019_": ("other", "cong-dien"), "other/020_": ("other", "cong-van"),
}


def shared_files():
    if not SEEDS.is_dir():
        return []
    out = []
    for d in (CORPUS / "notices", SEEDS, CORPUS / "other"):
        out += sorted(d.glob("*.txt"))
    return out


def key_of(path) -> str:
    return f"{path.parent.name}/{path.name[:4]}"


@needs_shared
def test_every_shared_document_is_in_the_table():
    assert {key_of(p) for p in shared_files()} == set(EXPECTED)


@needs_shared
@pytest.mark.parametrize("path", shared_files(), ids=key_of)
def test_kind_of_shared_documents(path):
    kind, subtype = EXPECTED[key_of(path)]
    assert notice_kind(load_path(path)) == NoticeKind(kind, subtype)


@needs_shared
def test_kind_and_subtype_are_in_the_json():
    files = [CORPUS / "notices" / "001_vpcp-623-tb-2025-pttg-mai-van-chinh-dak-lak.txt",
             CORPUS / "other" / "012_ct-06-ubnd-quang-tri-2025-lan-chiem-rung.txt", SEEDS / "003_5a42b53f278c6e72.txt",
             REAL / "party-notice-432-tb-vptw-2025.md", REAL / "announcement-983-tb-ct-2025.md"]
    code, out, _ = run_cli("check", "--format", "json", *files)
    got = {f["path"].split("/")[-1][:8]: (f["kind"], f["subtype"]) for f in json.loads(out)["files"]}
    assert got == {"001_vpcp": ("thong-bao", "conclusion"), "012_ct-0": ("other", "chi-thi"),
                   "003_5a42": ("other", ""), "party-no": ("party-notice", "conclusion"),
                   "announce": ("thong-bao", "announcement")}


def test_kind_is_in_the_text_summary():
    _, out, _ = run_cli("check", REAL / "party-notice-432-tb-vptw-2025.md", REAL / "announcement-983-tb-ct-2025.md")
    assert "[thông báo của Đảng: kết luận cuộc họp]" in out
    assert "[thông báo: thông báo sự việc, không phải kết luận]" in out
    _, out, _ = run_cli("check", "--lang", "en", REAL / "party-notice-432-tb-vptw-2025.md")
    assert "[Party notice: conclusions of a meeting]" in out


# ---------------------------------------------------------------- a real Party notice (HD 36-HD/VPTW)

def test_party_notice_is_checked_in_its_own_format():
    path = REAL / "party-notice-432-tb-vptw-2025.md"
    doc = load_path(path)
    assert notice_kind(doc) == NoticeKind("party-notice", "conclusion")
    st = doc.structure
    assert doc.paragraphs[st.first("so_ky_hieu")].text == "Số 432-TB/VPTW"
    assert doc.paragraphs[st.first("authority")].text == "K/T CHÁNH"
    assert doc.paragraphs[st.first("signer")].text == "Lâm Thị Phương Thanh"
    # the State form's header, symbol, "./." and "Lưu: VT" do not apply; the form is right
    assert codes(run_file(path, select=["S", "F"]).diagnostics) == []


def test_party_notice_numbering_faults_are_found():
    # "4.1 … 4.6" under item 4: plant a duplicate and a gap
    text = (REAL / "party-notice-432-tb-vptw-2025.md").read_text(encoding="utf-8")
    dup = text.replace("*4.3. *Giao Đảng", "*4.2. *Giao Đảng", 1)
    assert [(d.code, d.suggestion) for d in run_text(dup, path="p.md", select=["F6"])] == [("F602", "4.3.")]
    # "1. … 3. … 3. … 4.": the first "3." is the missing "2.", one finding
    misnumbered = text.replace("**2. ***Bảo đảm", "**3. ***Bảo đảm", 1)
    assert [(d.code, d.suggestion, d.line) for d in run_text(misnumbered, path="p.md", select=["F6"])] == [("F601", "2.", 41)]
    gap = text
    for k in (6, 5, 4):  # 4.1 4.2 4.3 4.5 4.6 4.7: 4.4 is missing
        gap = gap.replace(f"*4.{k}. *", f"*4.{k + 1}. *", 1)
    assert [(d.code, d.suggestion) for d in run_text(gap, path="p.md", select=["F6"])] == [("F601", "4.4.")]


# ---------------------------------------------------------------- a real announcement

@pytest.mark.parametrize("name", ["ruling-37698-tb-chq-2025.md", "ruling-37695-tb-chq-2025.md"])
def test_rulings_cut_by_the_extraction_are_notices_with_a_right_structure(name):
    # "Số:" / "37698/TB-CHQ", "… tháng 11 năm" / "2025", "TL." / "CỤC TRƯỞNG", "KT. TRƯỞNG" / "BAN NGHIỆP VỤ
    # THUẾ HQ" / "PHÓ TRƯỞNG BAN", a "Ghi chú" after the signature: all extraction, no defect
    path = REAL / name
    doc = load_path(path)
    assert notice_kind(doc) == NoticeKind("thong-bao", "announcement")
    assert doc.paragraphs[doc.structure.first("signer")].text == "Đào Thu Hương"
    assert codes(run_file(path, select=["S"]).diagnostics) == []


def test_announcement_gets_no_conclusion_checks():
    path = REAL / "announcement-983-tb-ct-2025.md"
    assert notice_kind(load_path(path)) == NoticeKind("thong-bao", "announcement")
    found = [(d.code, d.line) for d in run_file(path, select=["S"]).diagnostics]
    # no S113 (meeting date, chair) and no S114 (conclusions): only the real defects of its
    # filing line "- Lưu VT, VP, CĐS" (no colon, no full stop)
    assert found == [("S109", 37), ("S109", 37)]


# ---------------------------------------------------------------- joint notices (constructed layouts)

JOINT_HEAD = """{issuer}
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: {so}
Hà Giang, ngày 12 tháng 3 năm 2024

{title}

Kết quả phối hợp tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024

Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh thông báo như sau:

1. Tổ chức Ngày hội tại 100% khu dân cư trước ngày 18/11/2024.

2. Các huyện báo cáo kết quả trước ngày 30/11/2024.

Ủy ban nhân dân tỉnh và Ủy ban MTTQ Việt Nam tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT, KGVX.

{signature}
"""
TWO_BLOCKS = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn\n\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nLý Thị Lan"
ONE_BLOCK = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn"


@pytest.mark.parametrize("issuer,so,title,signature,kind", [
    ("ỦY BAN NHÂN DÂN - ỦY BAN MTTQ VIỆT NAM\nTỈNH HÀ GIANG", "12/TB-UBND-UBMTTQ", "THÔNG BÁO", TWO_BLOCKS, "joint-notice"),
    ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "12/TBLT-UBND-MTTQ", "THÔNG BÁO", ONE_BLOCK, "joint-notice"),
    ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "12/TB-UBND", "THÔNG BÁO LIÊN TỊCH", ONE_BLOCK, "joint-notice"),
    ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "12/TB-UBND", "THÔNG BÁO", TWO_BLOCKS, "joint-notice"),
    # PDF side by side: both authorities on one line
    ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "12/TB-UBND", "THÔNG BÁO",
     "TM. ỦY BAN NHÂN DÂN TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH CHỦ TỊCH\n\nNguyễn Văn Sơn Lý Thị Lan", "joint-notice"),
    # one body, TM. then KT.: one signature block, not two
    ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "12/TB-UBND", "THÔNG BÁO", ONE_BLOCK, "thong-bao"),
    # a unit code after the issuer's ("TB-SYT-VP") is not a second body
    ("SỞ Y TẾ\nTỈNH HÀ GIANG", "12/TB-SYT-VP", "THÔNG BÁO", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn Sơn", "thong-bao"),
])
def test_joint_notice(issuer, so, title, signature, kind):
    doc = load_text(JOINT_HEAD.format(issuer=issuer, so=so, title=title, signature=signature))
    assert notice_kind(doc) == NoticeKind(kind, "announcement")


# ---------------------------------------------------------------- drafting notes above the title

@needs_shared
@pytest.mark.parametrize("note", ["(Dự thảo)", "Dự thảo lần 2", "DỰ THẢO", "(DỰ THẢO LẦN 3)", "Người soạn: Nguyễn Văn A",
                                  "Dự thảo 2", "[Dự thảo]"])
def test_a_drafting_note_does_not_switch_the_notice_checks_off(note, tmp_path):
    seed = (SEEDS / "000_0ecd264c0f8cb733.txt").read_text(encoding="utf-8")
    i = seed.index("THÔNG BÁO")
    draft = tmp_path / "du-thao.txt"
    draft.write_text(seed[:i] + note + "\n" + seed[i:], encoding="utf-8")
    plain = [(d.code, d.message.vi) for d in run_file(SEEDS / "000_0ecd264c0f8cb733.txt", select=["S", "F"]).diagnostics]
    res = run_file(draft, select=["S", "F"])
    assert res.kind == "thong-bao"
    assert [(d.code, d.message.vi) for d in res.diagnostics] == plain
    # a bad draft fails the pre-commit hook: exit code 1
    code, _, _ = run_cli("check", draft)
    assert code == 1


def test_a_drafting_note_line_inside_the_body_is_body_text():
    text = JOINT_HEAD.format(issuer="ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", so="12/TB-UBND", title="THÔNG BÁO",
                             signature=ONE_BLOCK).replace("2. Các huyện", "Dự thảo lần 2\n\n2. Các huyện")
    doc = load_text(text)
    para = next(p for p in doc.paragraphs if p.text == "Dự thảo lần 2")
    assert doc.structure.token_of(para.index) == "TEXT"
