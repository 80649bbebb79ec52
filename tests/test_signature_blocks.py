"""Signature blocks and filing lines, table-driven (S108–S112).

Each row is a signature block as real notices write it (ND30 Điều 13 and Phụ lục I mục 7: TM. for a
collegial body signed by its head, KT. when a deputy signs for the head, TL./TUQ. for delegated
signing; the Government Office's two-line "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM"; joint notices;
Party notices' "T/M", "K/T", "T/L"), set under one notice, with the findings a reviewer expects:
right blocks give none; a missing or misplaced authority line gives one S110 on the block's line.
A PDF extraction that puts the Nơi nhận column and the signature column side by side ("Nơi nhận:
KT. GIÁM ĐỐC") gives two components, not a misspelt "Nơi nhận:".
"""
from __future__ import annotations

import pytest

from .conftest import run_text

HEAD = """{issuer}
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 86/TB-{code}
Hà Giang, ngày 12 tháng 3 năm 2024

THÔNG BÁO

Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng cháy, chữa cháy rừng

Ngày 08/3/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác phòng cháy, chữa cháy rừng. Phó Chủ tịch UBND tỉnh kết luận như sau:

1. Sở Nông nghiệp và Phát triển nông thôn rà soát phương án, báo cáo trước ngày 25/3/2024.

2. Sở Tài chính bố trí kinh phí, báo cáo trước ngày 30/3/2024.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""
RECIPIENTS = """
Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KTTH.
"""
UBND = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG", "UBND")
VPUBND = ("UBND TỈNH HÀ GIANG\nVĂN PHÒNG", "VPUBND")
SO = ("SỞ TÀI CHÍNH\nTỈNH HÀ GIANG", "STC")
VPCP = ("VĂN PHÒNG CHÍNH PHỦ", "VPCP")
BO = ("BỘ TÀI CHÍNH", "BTC")
CUC = ("BỘ TÀI CHÍNH\nCỤC THUẾ", "CT")


def notice(issuer, block: str, recipients: str = RECIPIENTS) -> str:
    name, code = issuer
    return HEAD.format(issuer=name, code=code) + recipients + "\n" + block + "\n"


def sig_findings(text: str):
    """(code, first words of the line it points at) of S108–S112 findings."""
    lines = text.split("\n")
    return [(d.code, lines[d.line - 1].strip()) for d in run_text(text, select=["S108", "S109", "S110", "S111", "S112"])]


# (issuer, signature block, expected findings) — right blocks first
RIGHT = [
    (UBND, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn"),
    (UBND, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn"),
    (UBND, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\n\nNguyễn Văn Sơn"),
    (UBND, "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (UBND, "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (UBND, "TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\n\nNguyễn Văn Sơn"),
    (UBND, "TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\n\nNguyễn Văn Sơn"),
    (VPUBND, "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (VPUBND, "CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (SO, "GIÁM ĐỐC\n\nNguyễn Văn Sơn"),
    (SO, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn Sơn"),
    (SO, "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (VPCP, "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nNguyễn Sỹ Hiệp"),
    (VPCP, "KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nNguyễn Sỹ Hiệp"),
    (VPCP, "BỘ TRƯỞNG, CHỦ NHIỆM\n\nTrần Văn Sơn"),
    (BO, "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Sơn"),
    (BO, "BỘ TRƯỞNG\n\nNguyễn Văn Sơn"),
    (BO, "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ TỔNG HỢP\n\nNguyễn Văn Sơn"),
    (BO, "TUQ. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    (CUC, "TL. CỤC TRƯỞNG\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nPhạm Ngọc Lai"),
    (CUC, "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n\nNguyễn Văn Sơn"),
    # joint notice: two blocks one after the other
    (UBND, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn\n\nTM. BAN THƯỜNG TRỰC\nỦY BAN MTTQ VIỆT NAM TỈNH\nCHỦ TỊCH\n\nLý Thị Lan"),
    # a wrapped head title (the deputy's title below repeats it after "PHÓ")
    (VPUBND, "KT. CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn"),
    # "(Đã ký)" and the seal notes between title and name
    (SO, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\n\nNguyễn Văn Sơn"),
]


@pytest.mark.parametrize("issuer,block", RIGHT, ids=[b.split("\n")[0] + " / " + b.split("\n")[1] for _, b in RIGHT])
def test_right_signature_blocks_give_no_finding(issuer, block):
    assert sig_findings(notice(issuer, block)) == []


WRONG = [
    # a deputy's title with no KT. above it
    (UBND, "TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn", [("S110", "PHÓ CHỦ TỊCH")]),
    (SO, "PHÓ GIÁM ĐỐC\n\nNguyễn Văn Sơn", [("S110", "PHÓ GIÁM ĐỐC")]),
    (VPCP, "PHÓ CHỦ NHIỆM\n\nNguyễn Sỹ Hiệp", [("S110", "PHÓ CHỦ NHIỆM")]),
    # KT. over the head's own title
    (SO, "KT. GIÁM ĐỐC\nGIÁM ĐỐC\n\nNguyễn Văn Sơn", [("S110", "GIÁM ĐỐC")]),
    # a collegial body's head signing with no TM.
    (UBND, "CHỦ TỊCH\n\nNguyễn Văn Sơn", [("S110", "CHỦ TỊCH")]),
    (UBND, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn", [("S110", "KT. CHỦ TỊCH")]),
    # TM. before a person's title
    (UBND, "TM. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Sơn", [("S110", "TM. CHỦ TỊCH")]),
    # TL. with a deputy and no KT.
    (UBND, "TL. CHỦ TỊCH\nPHÓ CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn", [("S110", "PHÓ CHÁNH VĂN PHÒNG")]),
    # authority without its full stop
    (SO, "KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn Sơn", [("S110", "KT GIÁM ĐỐC")]),
    # a unit's head signing the body's notice with no TL.
    (UBND, "CHÁNH VĂN PHÒNG\n\nNguyễn Văn Sơn", [("S110", "CHÁNH VĂN PHÒNG")]),
    (CUC, "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nPhạm Ngọc Lai", [("S110", "KT. CHÁNH VĂN PHÒNG")]),
    (BO, "VỤ TRƯỞNG VỤ TỔNG HỢP\n\nNguyễn Văn Sơn", [("S110", "VỤ TRƯỞNG VỤ TỔNG HỢP")]),
    # no authority or title at all
    (SO, "Nguyễn Văn Sơn", [("S110", "Nguyễn Văn Sơn")]),
    # no name
    (SO, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", [("S111", "PHÓ GIÁM ĐỐC")]),
]


@pytest.mark.parametrize("issuer,block,expected", WRONG, ids=[b.replace("\n", " / ")[:40] for _, b, _ in WRONG])
def test_wrong_signature_blocks_give_one_finding_on_the_line(issuer, block, expected):
    assert sig_findings(notice(issuer, block)) == expected


# PDF side by side: the Nơi nhận column and the signature column on the same lines
SIDE_BY_SIDE = [
    (SO, "\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT, KTTH.\n", "\nNguyễn Văn Sơn", []),
    (UBND, "\nNơi nhận: TL. CHỦ TỊCH\n- Như trên; CHÁNH VĂN PHÒNG\n- Lưu: VT, KTTH.\n", "\nNguyễn Văn Sơn", []),
    (UBND, "\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; KT. CHỦ TỊCH\n- Lưu: VT, KTTH. PHÓ CHỦ TỊCH\n", "\nNguyễn Văn Sơn", []),
]


@pytest.mark.parametrize("issuer,recipients,block,expected", SIDE_BY_SIDE, ids=[r.split("\n")[1] for _, r, _, _ in SIDE_BY_SIDE])
def test_side_by_side_columns_are_two_components(issuer, recipients, block, expected):
    assert sig_findings(notice(issuer, block, recipients)) == expected


# ---------------------------------------------------------------- Lưu lines (S109)

LUU = [
    ("- Lưu: VT, KTTH.", []),
    ("- Lưu: VT, TCCV (02). CMP", []),
    ("- Lưu: VT, CN (2). nvv", []),
    ("- Lưu: VT, QHĐP (2b)Q.Cường.", []),
    ("- Lưu: VT, KSTT (2).", []),
    ("- Lưu: VT, TH2.", []),
    ("- Lưu: VT, các CV, TH2.", []),
    ("- Lưu VT, NN (03).", ["colon"]),
    ("- Lưu: Văn thư, QHĐP.", ["spelt"]),
    ("- Lưu: VT.", ["unit"]),
    ("- Lưu: VT, KTTH", ["stop"]),
    ("- Lưu: TH, VT.", ["vt"]),
]
KEYWORDS = {"colon": "dấu hai chấm", "spelt": "viết đầy đủ", "unit": "đơn vị soạn thảo", "stop": "dấu chấm (.)",
            "vt": "bắt đầu bằng \"VT\""}


@pytest.mark.parametrize("line,expected", LUU, ids=[x for x, _ in LUU])
def test_luu_lines(line, expected):
    rec = RECIPIENTS.replace("- Lưu: VT, KTTH.", line)
    text = notice(UBND, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn", rec)
    got = [d.message.vi for d in run_text(text, select=["S109"])]
    assert len(got) == len(expected), got
    for msg, key in zip(got, expected):
        assert KEYWORDS[key] in msg, (msg, key)


def test_van_thu_message_describes_the_text_as_it_is():
    rec = RECIPIENTS.replace("- Lưu: VT, KTTH.", "- Lưu: Văn thư, QHĐP.")
    [d] = run_text(notice(UBND, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn", rec), select=["S109"])
    assert d.message.vi.startswith("Dòng lưu viết đầy đủ \"Văn thư\"")
    assert d.suggestion == "VT" and d.context == "Văn thư"
