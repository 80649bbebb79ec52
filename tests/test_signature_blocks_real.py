"""Signature blocks and filing lines cut from real documents (S109–S111), table-driven.

Each row quotes, line for line, the signature block (or the "Lưu" line) of one real document
and names where it was read:
  - "shared:<path>": a file of ../shared (the test checks that the quoted lines are there);
  - "tnt305:<path>:<lines>": a page of thuvienphapluat.vn crawled to Markdown in the public
    repository tnt305/tai_lieu_noi_bo, commit 94c5034af72cc7e5020694d06eceb126a103d48b (found
    with the search tool; the crawler's bare "|" lines between the cells are left out).
Each block is set under a notice of its own issuer (the header as that document writes it) with
the State form (ND30 Điều 13, Phụ lục I mục 7) or, for a Party body, the form of Hướng dẫn
36-HD/VPTW. A real block gives no finding. From each block the defects a drafter makes are then
derived: the authority line ("TM."/"KT."/"TL."/"TUQ."/"K/T") dropped, or moved below the title it
governs; each gives one S110 on the block's lines.
"""
from __future__ import annotations

import re

import pytest

from .conftest import ROOT, run_text

SHARED = ROOT.parent / "shared"

STATE_HEAD = """{issuer}
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 86/TB-{code}
Hà Nội, ngày 12 tháng 3 năm 2025

THÔNG BÁO

Về việc tổ chức tập huấn nghiệp vụ năm 2025

{issuer_name} thông báo tổ chức tập huấn nghiệp vụ cho các đơn vị như sau:

1. Thời gian: từ ngày 20/3/2025 đến ngày 21/3/2025.

2. Các đơn vị cử cán bộ tham dự, gửi danh sách trước ngày 15/3/2025.

{issuer_name} thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Như trên;
{luu}
{block}
"""

PARTY_HEAD = """BAN CHẤP HÀNH TRUNG ƯƠNG
{issuer}
*
Số 12-TB/{code}

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 12 tháng 3 năm 2025

THÔNG BÁO

Kết luận của Thường trực Ban Bí thư về công tác tổ chức hội nghị

Ngày 10/3/2025, đồng chí Thường trực Ban Bí thư chủ trì cuộc họp về công tác tổ chức hội nghị. Sau khi nghe báo cáo, đồng chí Thường trực Ban Bí thư kết luận như sau:

1. Ban Tổ chức Trung ương chuẩn bị đề án, báo cáo trước ngày 30/3/2025.

2. Văn phòng Trung ương Đảng bảo đảm các điều kiện phục vụ hội nghị.

Nơi nhận:
- Các ban đảng Trung ương,
{luu}
{block}
"""

TNT = "tnt305:src/etl/dataset/"
# (source, issuer header, issuer as named in the text, symbol code, filing line, block)
STATE = [
    ("shared:corpus/notices/001_vpcp-623-tb-2025-pttg-mai-van-chinh-dak-lak.txt", "VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ", "VPCP",
     "- Lưu: VT, QHĐP (2b)Q.Cường.", "KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nMai Thị Thu Vân"),
    ("shared:corpus/other/016_cv-11583-vpcp-cn-2025-ket-luan-duong-ho-chi-minh.txt", "VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ", "VPCP",
     "- Lưu: VT, CN (2). Ha", "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nNguyễn Sỹ Hiệp"),
    ("shared:corpus/other/005_qd-4508-bvhttdl-2025.txt", "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL",
     "- Lưu: VT, VP (HC), Tài.100.", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/007_qd-81-2025-qd-ubnd-da-nang.txt", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", "Ủy ban nhân dân thành phố", "UBND",
     "- Lưu: VT, ĐTĐT, SXD.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/008_kh-165-ubnd-can-tho-2025-cong-tac-dan-so.txt", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố", "UBND",
     "- Lưu: VT, MK.", "TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/010_kh-153-ubnd-can-tho-2025-ma-tuy.txt", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố", "UBND",
     "- Lưu: VT, M.", "TM. ỦY BAN\nNHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/013_cv-6225-bvhttdl-vp-2025-giao-nhiem-vu.txt", "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL",
     "- Lưu: VT, VP (HC), Tài (25).", "BỘ TRƯỞNG\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/014_cv-174-bcd-2025-chinh-quyen-2-cap.txt", "BAN CHỈ ĐẠO", "Ban Chỉ đạo", "BCĐ",
     "- Lưu: VT, BCĐ (02).", "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/018_cd-230-ttg-2025-du-an-ton-dong.txt", "THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", "TTg",
     "- Lưu: VT, CN.", "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn Sơn"),
    (TNT + "0326977b5d611b9a.md:183-186", "CHÍNH PHỦ", "Chính phủ", "CP",
     "- Lưu: VT, KTTH (2).", "**TM. CHÍNH PHỦ**\n**KT. THỦ TƯỚNG**\n**PHÓ THỦ TƯỚNG**\n**Hồ Đức Phớc**"),
    (TNT + "54c3026bc7bb5cb7.md:9721-9725", "CHÍNH PHỦ", "Chính phủ", "CP",
     "- Lưu: VT, KGVX (2).", "**TM. CHÍNH\nPHỦ**\n**KT. THỦ TƯỚNG**\n**PHÓ THỦ TƯỚNG**\n**Mai Văn Chính**"),
    (TNT + "7cfc6fdf6d7a5f5d.md:554-556", "CHÍNH PHỦ", "Chính phủ", "CP",
     "- Lưu: VT, NN (2b).", "**TM. CHÍNH PHỦ**\n**THỦ TƯỚNG**\n**Phạm Minh Chính**"),
    (TNT + "01bf9d04a5b9e2c8.md:120-124", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, VX2.", "**TM. ỦY BAN\nNHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Tống Thanh Hải**"),
    (TNT + "518fe8ba9a6bd9dc.md:189-193", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, Th2.", "**TM.\nỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Tống Thanh Hải**"),
    (TNT + "3e09f285f64c35a5.md:160-163", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, VX(M).", "**TM.\nỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n**Lê Hải Hoà**"),
    (TNT + "8fe888e498bceabd.md:126-130", "UỶ BAN NHÂN DÂN\nTỈNH CAO BẰNG", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, KT(pvT).", "**TM. UỶ BAN NHÂN\nDÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Hoàng Văn Thạch**"),
    (TNT + "ef57df9384270c6e.md:141-145", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "Ủy ban nhân dân thành phố", "UBND",
     "- Lưu: VT, N.V.Thọ.", "**TM.ỦY BAN\nNHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Lê Anh Quân**"),
    (TNT + "0f98ee482389e59e.md:78-81", "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, NC2.", "**TM. ỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Trần Báu Hà**"),
    (TNT + "046d4a5b8d446144.md:72-74", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ", "BKHCN",
     "- Lưu: VT, CNHaiNN.", "**KT. BỘ TRƯỞNG**\n**THỨ TRƯỞNG THƯỜNG TRỰC**\n**Vũ Hải Quân**"),
    (TNT + "6bdbdeb006a331dc.md:814-817", "BỘ CÔNG THƯƠNG", "Bộ Công Thương", "BCT",
     "- Lưu: VT, ĐL (10b).", "**KT. BỘ\nTRƯỞNG**\n**THỨ TRƯỞNG**\n**Nguyễn Hoàng Long**"),
    (TNT + "631e2524192d7b61.md:191-193", "BỘ XÂY DỰNG", "Bộ Xây dựng", "BXD",
     "- Lưu: VT, KHTC.", "**KT.BỘ TRƯỞNG**\n**THỨ TRƯỞNG**\n**Nguyễn Xuân Sang**"),
    (TNT + "0dc87aade333588a.md:438-440", "NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM", "Ngân hàng Nhà nước Việt Nam", "NHNN",
     "- Lưu: VT, TT (03).", "**KT. THỐNG ĐỐC**\n**PHÓ THỐNG ĐỐC**\n**Phạm Tiến Dũng**"),
    (TNT + "28219392db3ee2e0.md:144-146", "BỘ TÀI CHÍNH\nCỤC THUẾ", "Cục Thuế", "CT",
     "- Lưu: VT, CS.", "**KT. CỤC TRƯỞNG**\n**PHÓ CỤC TRƯỞNG**\n**Đặng Ngọc Minh**"),
    (TNT + "299dbc033cf2dcb6.md:112-115", "BỘ TÀI CHÍNH\nCỤC THUẾ", "Cục Thuế", "CT",
     "- Lưu: VT, VP, CĐS.", "**TL. CỤC TRƯỞNG**\n**KT. CHÁNH VĂN PHÒNG**\n**PHÓ CHÁNH VĂN PHÒNG**\n**Phạm Ngọc Lai**"),
    (TNT + "25b682f1b1483164.md:114-118", "BỘ TÀI CHÍNH\nCỤC THUẾ", "Cục Thuế", "CT",
     "- Lưu: VT, CS.", "**TL. CỤC TRƯỞNG**\n**KT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ**\n**PHÓ TRƯỞNG BAN**\n**Phạm Thị Minh Hiền**"),
    (TNT + "5cbddd8946f41ee1.md:147-150", "BỘ TÀI CHÍNH\nCỤC THUẾ", "Cục Thuế", "CT",
     "- Lưu: VT, CS.", "**TL. CỤC TRƯỞNG**\n**TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ**\n**Nguyễn Thị Thanh Hằng**"),
    (TNT + "28eca2b78641f2b0.md:99-102", "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "Cục Hải quan", "CHQ",
     "- Lưu: VT, GSQL (03b).", "**TL. CỤC TRƯỞNG**\n**KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ**\n**PHÓ TRƯỞNG BAN**\n**Nguyễn Bắc Hải**"),
    (TNT + "1894fbabcd1b75f6.md:95-99", "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "Cục Hải quan", "CHQ",
     "- Lưu: VT, GSQL (2b).", "**TL.\nCỤC TRƯỞNG**\n**KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ**\n**PHÓ TRƯỞNG BAN**\n**Nguyễn Anh Tài**"),
    (TNT + "6a73c878c777ca23.md:122-125", "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "Cục Hải quan", "CHQ",
     "- Lưu: VT, GSQL (03b).", "**TL.\nCỤC TRƯỞNG**\n**TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ**\n**Đào Duy Tám**"),
    (TNT + "f902003eceb8dedf.md:257-262", "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "Cục Hải quan", "CHQ",
     "- Lưu: VT, NVTHQ-PL-Hiểu (3b).", "**TL. CỤC TRƯỞNG**\n**KT.\nTRƯỞNG BAN NGHIỆP VỤ THU****Ế**** HQ**\n**PHÓ\nTRƯ****Ở****NG BAN**\nĐào Thu Hương"),
    (TNT + "f8fd04822ed1cb70.md:146-149", "BỘ TÀI CHÍNH", "Bộ Tài chính", "BTC",
     "- Lưu: VT, CHQ (47).", "**TL. BỘ TRƯỞNG**\n**KT. CỤC TRƯỞNG CỤC HẢI QUAN**\n**PHÓ CỤC TRƯỞNG**\n**Âu Anh Tuấn**"),
    (TNT + "de1ea1a30ca1e0bc.md:240-243", "CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG", "Thuế tỉnh Vĩnh Long", "VLO",
     "- Lưu: VT, QLDN3. H(4)", "**KT. TRƯỞNG THUẾ\nTỈNH**\n**PHÓ TRƯỞNG THUẾ TỈNH**\n**Huỳnh Minh Giám**"),
    (TNT + "2249fe89ed46eae5.md:181-184", "CỤC THUẾ\nTHUẾ TỈNH TÂY NINH", "Thuế tỉnh Tây Ninh", "TNI",
     "- Lưu: VT, QLDN1, HDiem.", "**KT.\nTRƯỞNG THUẾ TỈNH**\n**PHÓ TRƯỞNG THUẾ TỈNH**\n**Nguyễn Tấn Lợi**"),
]
# Blocks of decisions the Chairman of a People's Committee signs in his own name (the decision's
# authority is "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"): right there, but a notice of the Committee
# itself is signed on behalf of the collegial body ("TM. ỦY BAN NHÂN DÂN", ND30 Điều 13.1.a), so
# under a Committee's notice each gives one S110 on its first line.
CHAIRMAN_OWN = [
    ("shared:corpus/other/001_qd-2770-ubnd-dong-nai-2025.txt", "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, NC, HCC.", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn"),
    ("shared:corpus/other/002_qd-1949-ubnd-cao-bang-2025.txt", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, TTPVHCC(A).", "CHỦ TỊCH\n\nNguyễn Văn Sơn"),
    (TNT + "def9c79d006634a4.md:144-147", "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, HCC3.", "**KT. CHỦ TỊCH**\n**PHÓ\nCHỦ TỊCH**\n**Nguyễn Thị Nguyệt**"),
    (TNT + "24ac05c2c7c4518e.md:105-107", "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", "Ủy ban nhân dân tỉnh", "UBND",
     "- Lưu: VT, KGVX, HCC.", "**KT.CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Lê Trường Sơn**"),
]
PARTY = [
    (TNT + "b3f47f1508761da8.md:181-184", "VĂN PHÒNG", "VPTW",
     "- Lưu Văn phòng Trung ương Đảng.", "**K/T CHÁNH\nVĂN PHÒNG**\nPHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC\n**Lâm Thị Phương Thanh**"),
    (TNT + "6e4d7759e03163f7.md:247-250", "VĂN PHÒNG", "VPTW",
     "- Lưu Văn phòng Trung ương Đảng.", "**K/T CHÁNH\nVĂN PHÒNG**\nPHÓ CHÁNH VĂN PHÒNG\n**Lê Khánh Toàn**"),
    (TNT + "8bfc5490255c4de0.md:180-182", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTW",
     "- Lưu HCTĐKT.", "**K/T TRƯỞNG BAN**\n**PHÓ TRƯỞNG BAN**\n**Phạm Tất Thắng**"),
    (TNT + "fe168907f6107711.md:768-771", "BAN TỔ CHỨC", "BTCTW",
     "- Lưu VP, Vụ CB.", "**K/T TRƯỞNG\nBAN**\n**PHÓ TRƯỞNG BAN THƯỜNG TRỰC**\n**Hoàng Đăng Quang**"),
    (TNT + "056a116c77fe4047.md:755-756", "BAN BÍ THƯ", "TW",
     "- Lưu Văn phòng Trung ương Đảng.", "**T/M BAN BÍ THƯ**\n**Trần Cẩm Tú**"),
]

SIG = ["S109", "S110", "S111"]


def state_notice(issuer, name, code, luu, block):
    return STATE_HEAD.format(issuer=issuer, issuer_name=name, code=code, luu=luu, block=block)


def party_notice(issuer, code, luu, block):
    return PARTY_HEAD.format(issuer=issuer, code=code, luu=luu, block=block)


def found(text):
    lines = text.split("\n")
    return [(d.code, lines[d.line - 1].strip()) for d in run_text(text, select=SIG)]


def test_table_has_at_least_25_real_blocks():
    assert len(STATE) + len(CHAIRMAN_OWN) + len(PARTY) >= 25


def test_quoted_shared_blocks_are_in_their_documents():
    if not SHARED.is_dir():
        pytest.skip("../shared is not there")
    for src, _, _, _, luu, block in STATE + CHAIRMAN_OWN:
        if not src.startswith("shared:"):
            continue
        text = (SHARED / src[len("shared:"):]).read_text(encoding="utf-8")
        assert luu in text, src
        # the authority and title lines, as quoted (the signer's name is the test's own)
        for line in block.split("\n")[:-2]:
            assert line in text, (src, line)


@pytest.mark.parametrize("row", STATE, ids=[r[0].split("/")[-1] for r in STATE])
def test_real_state_blocks_give_no_finding(row):
    _, issuer, name, code, luu, block = row
    assert found(state_notice(issuer, name, code, luu, block)) == []


@pytest.mark.parametrize("row", CHAIRMAN_OWN, ids=[r[0].split("/")[-1] for r in CHAIRMAN_OWN])
def test_chairman_own_blocks_under_a_committee_notice(row):
    _, issuer, name, code, luu, block = row
    text = state_notice(issuer, name, code, luu, block)
    assert found(text) == [("S110", block.split("\n")[0])]


@pytest.mark.parametrize("row", PARTY, ids=[r[0].split("/")[-1] for r in PARTY])
def test_real_party_blocks_give_no_finding(row):
    _, issuer, code, luu, block = row
    text = party_notice(issuer, code, luu, block)
    from checker.document import load_text
    from checker.structure.kind import notice_kind
    assert notice_kind(load_text(text)).kind == "party-notice"
    assert found(text) == []


AUTH = re.compile(r"^\**(?:TM|KT|TL|TUQ|K/T|T/M|T/L)\b")
TITLE_START = re.compile(r"^\**(?:CHỦ\s+TỊCH|KT|TL|PHÓ|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|Q\.)")


def authority_lines(block: str) -> tuple[int, int]:
    """(first, end) line indexes of the block's last authority line, with its wrapped tail
    ("**TM. ỦY BAN\\nNHÂN DÂN**": the line closing the bold run, or the next line when the
    authority word stands alone: "**KT.\\nTRƯỞNG THUẾ TỈNH**")."""
    lines = block.split("\n")
    i = max(k for k, x in enumerate(lines) if AUTH.match(x))
    j = i + 1
    bare = re.sub(r"[*\s]", "", lines[i])
    if re.fullmatch(r"(?:TM|KT|TL|TUQ|K/T|T/M|T/L)\.?", bare):
        j = i + 2
    elif lines[i].startswith("**") and lines[i].count("**") % 2 == 1:
        while j < len(lines) and lines[j - 1].count("**") % 2 == 1 and not lines[j - 1].rstrip().endswith("**"):
            j += 1
    elif lines[i].startswith("TM") and i + 1 < len(lines) and not TITLE_START.match(lines[i + 1]):
        j = i + 2  # "TM. ỦY BAN NHÂN\nDÂN", "TM. ỦY BAN\nNHÂN DÂN"
    elif lines[i].rstrip().endswith(",") and i + 1 < len(lines) and lines[i + 1].strip() == "CHỦ NHIỆM":
        j = i + 2  # VPCP's "KT. BỘ TRƯỞNG,\nCHỦ NHIỆM"
    return i, j


def derived(block: str) -> str | None:
    """The block with its last authority line dropped; None when what is left is a right block
    on its own ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" lost → "CHỦ TỊCH" is wrong, kept; "TL. CỤC
    TRƯỞNG / KT. … / PHÓ …" lost "KT." → a deputy under TL., wrong, kept)."""
    lines = block.split("\n")
    i, j = authority_lines(block)
    return "\n".join(lines[:i] + lines[j:])


def deputy_or_collegial(block: str) -> bool:
    """Blocks whose dropped authority line leaves a title that needs one: a deputy's title (PHÓ …,
    THỨ TRƯỞNG) or a collegial body's head (TM. … / CHỦ TỊCH, THỦ TƯỚNG)."""
    lines = block.split("\n")
    if not any(AUTH.match(x) for x in lines):
        return False
    i, j = authority_lines(block)
    rest = re.sub(r"\*", "", " ".join(lines[j:j + 3]))
    auth = re.sub(r"\*", "", " ".join(lines[i:j]))
    return bool(re.match(r"\s*(?:PHÓ\b|THỨ\s+TRƯỞNG)", rest)) or auth.startswith(("TM", "T/M"))


DROPPABLE = [r for r in STATE if deputy_or_collegial(r[5])]


def test_enough_derived_variants():
    assert len(DROPPABLE) >= 20


@pytest.mark.parametrize("row", DROPPABLE, ids=[r[0].split("/")[-1] for r in DROPPABLE])
def test_dropped_authority_line_gives_one_s110(row):
    _, issuer, name, code, luu, block = row
    text = state_notice(issuer, name, code, luu, derived(block))
    got = [c for c, _ in found(text)]
    assert got == ["S110"], found(text)


def misplaced(block: str) -> str:
    """The last authority line moved below the title it governs ("PHÓ CHỦ TỊCH\\nKT. CHỦ TỊCH")."""
    lines = block.split("\n")
    i, j = authority_lines(block)
    return "\n".join(lines[:i] + [lines[j]] + lines[i:j] + lines[j + 1:])


MOVABLE = [r for r in DROPPABLE if r[5].split("\n")[authority_lines(r[5])[1]].strip("*").isupper()]


@pytest.mark.parametrize("row", MOVABLE, ids=[r[0].split("/")[-1] for r in MOVABLE])
def test_authority_line_below_the_title_is_reported(row):
    _, issuer, name, code, luu, block = row
    text = state_notice(issuer, name, code, luu, misplaced(block))
    got = {c for c, _ in found(text)}
    assert "S110" in got, (misplaced(block), found(text))


# ---------------------------------------------------------------- real filing lines (S109)

# (source, line as written, what S109 says about it: [] right, or the keys of its findings)
LUU_REAL = [
    ("shared:corpus/notices/001_vpcp-623-tb-2025-pttg-mai-van-chinh-dak-lak.txt", "- Lưu: VT, QHĐP (2b)Q.Cường.", []),
    ("shared:corpus/notices/002_vpcp-624-tb-2025-bcd-khcn-cds-de-an-06.txt", "- Lưu: VT, KSTT (2).", []),
    ("shared:corpus/notices/003_vpcp-627-tb-2025-ttg-bcd-du-an-giao-thong-phien-21.txt", "- Lưu: VT, CN (2). nvv", []),
    ("shared:corpus/notices/004_vpcp-631-tb-2025-pttg-nguyen-hoa-binh-ctmtqg.txt", "- Lưu VT, NN (03). Hg.", ["colon"]),
    ("shared:corpus/notices/005_vpcp-634-tb-2025-ttg-thuong-truc-tinh-uy-thanh-hoa.txt", "- Lưu: Văn thư, QHĐP (2b) TĐT", ["spelt", "stop"]),
    ("shared:corpus/notices/006_vpcp-636-tb-2025-pttg-bui-thanh-son-phu-tho.txt", "- Lưu: VT, QHĐP(2b)VQT", ["stop"]),
    ("shared:corpus/other/004_qd-2637-ubnd-vinh-long-2025.txt", "- Lưu: VT, 06.PVHCC.", []),
    ("shared:corpus/other/011_kh-980-ubnd-nghe-an-2025-phong-thu-dan-su.txt", "- Lưu: VT, NC (TP, Dũng).", []),
    ("shared:corpus/other/015_cv-11554-vpcp-2025-chong-buon-lau.txt", "- Lưu: VT, V.I (3), Thiện", ["stop"]),
    ("shared:corpus/other/017_cv-4001-ubnd-dt-hcm-2025-mo-khoang-san.txt", "- Lưu: VT, (ĐT-PVH)", ["stop"]),
    (TNT + "001c610b2efdcf0c.md", "- Lưu: VT, (TH/MT).", []),
    (TNT + "0ef954a9d915b261.md", "- Lưu: VT, TTTN (haipq).", []),
    (TNT + "6f4ccdb7459d17a5.md", "- Lưu: VT, NVTHQ (L.Anh - 3b).", []),
    (TNT + "77bf894e2b13c72c.md", "- Lưu: VT, VP (THTT), TN (30).", []),
    (TNT + "d604b4df6300560b.md", "- Lưu: VT, P. LĐTLBHXH (ĐT).", []),
    (TNT + "de1ea1a30ca1e0bc.md", "- Lưu: VT, QLDN3. H(4)", []),
    (TNT + "7a9d1db2a10d632b.md", "- Lưu: VT, NN. Tuynh", []),
    (TNT + "15e6fb3d3f3b2644.md", "- Lưu: Văn thư, NN (2) Tuynh.", ["spelt"]),
    (TNT + "e3cc96834c0a575f.md", "- Lưu VT, CS", ["colon", "stop"]),
    (TNT + "46482d81ac8c4f96.md", "- Lưu: VT, KT(pvT)", ["stop"]),
    (TNT + "ce52cc3a1def51f6.md", "- Lưu: VP, XNC.", ["vt"]),
]
KEYWORDS = {"colon": "dấu hai chấm", "spelt": "viết đầy đủ", "unit": "đơn vị soạn thảo", "stop": "dấu chấm (.)",
            "vt": "bắt đầu bằng \"VT\""}
UBND_ROW = STATE[2]


def test_quoted_shared_luu_lines_are_in_their_documents():
    if not SHARED.is_dir():
        pytest.skip("../shared is not there")
    for src, line, _ in LUU_REAL:
        if src.startswith("shared:"):
            assert line in (SHARED / src[len("shared:"):]).read_text(encoding="utf-8"), src


@pytest.mark.parametrize("src,line,expected", LUU_REAL, ids=[x for _, x, _ in LUU_REAL])
def test_real_luu_lines(src, line, expected):
    _, issuer, name, code, _, block = UBND_ROW
    got = [d.message.vi for d in run_text(state_notice(issuer, name, code, line, block), select=["S109"])]
    assert len(got) == len(expected), got
    for key in expected:
        assert any(KEYWORDS[key] in m for m in got), (got, key)


# Party notices (Hướng dẫn 36-HD/VPTW): the filing line has its own form
PARTY_LUU = [
    ("- Lưu Văn phòng Trung ương Đảng.", []),
    ("- Lưu VP, Vụ CB.", []),
    ("- Lưu HCTĐKT.", []),
    ("- Lưu: Văn phòng Tỉnh ủy.", []),
    ("- Lưu", ["no office"]),
]


@pytest.mark.parametrize("line,expected", PARTY_LUU, ids=[x for x, _ in PARTY_LUU])
def test_party_luu_lines(line, expected):
    _, issuer, code, _, block = PARTY[0]
    got = [d.message.vi for d in run_text(party_notice(issuer, code, line, block), select=["S109"])]
    assert len(got) == len(expected), got
    if expected:
        assert "không ghi nơi lưu" in got[0]


def test_party_notice_without_luu_line():
    _, issuer, code, _, block = PARTY[0]
    text = party_notice(issuer, code, "- Văn phòng Tổng Bí thư,", block)
    [d] = run_text(text, select=["S109"])
    assert "Lưu Văn phòng" in d.message.vi and "36-HD/VPTW" in d.message.vi
    assert text.split("\n")[d.line - 1] == "- Văn phòng Tổng Bí thư,"


def test_party_luu_line_not_last():
    _, issuer, code, _, block = PARTY[0]
    text = party_notice(issuer, code, "- Lưu Văn phòng Trung ương Đảng.\n- Văn phòng Tổng Bí thư,", block)
    [d] = run_text(text, select=["S109"])
    assert "dòng cuối cùng" in d.message.vi
    assert text.split("\n")[d.line - 1] == "- Lưu Văn phòng Trung ương Đảng."


def test_real_party_notice_with_its_luu_line_dropped():
    """The real Party notice (fixtures/real, 432-TB/VPTW) has no S109 finding; without its line
    "- Lưu Văn phòng Trung ương Đảng." it has one, in the Party form, next to where the line was."""
    path = ROOT / "fixtures" / "real" / "party-notice-432-tb-vptw-2025.md"
    text = path.read_text(encoding="utf-8")
    assert run_text(text, path=path.name, select=["S109"]) == []
    lines = text.split("\n")
    k = lines.index("- Lưu Văn phòng Trung ương Đảng.")
    [d] = run_text("\n".join(lines[:k] + lines[k + 1:]), path=path.name, select=["S109"])
    assert "36-HD/VPTW" in d.message.vi and abs(d.line - (k + 1)) <= 1
