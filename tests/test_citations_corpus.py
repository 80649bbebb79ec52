"""Citations on ../shared/corpus/other (20 real decisions, plans, letters and telegrams).

1. Recall against a count made by hand: every citation of three documents (013, 015, 018) read and
   listed by hand (line where the citation starts, its symbol). Counting rule: a citation names one
   document by its number-symbol, or a law by its name; the document's own header number and
   programme names such as "Đề án 06", "Đề án 153" do not count. Repetitions count.
2. Every C5xx finding on the 20 documents was reviewed by hand; the expected set below is that
   review (wrong findings were fixed by better extraction, not listed here). Verdicts:
   - C501: all real defects in the text: a space inside the symbol ("QĐ- UBND", "NĐ- CP",
     "4834 /TTr-SXD", "132- KL/TW", "TNMT- QLTN"), "27/CTTg" (no hyphen), Cyrillic "BТС" (018 l.60).
   - C503/C506 (010 l.32): "Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025": the resolution
     is of 27/11/2024 (009 l.18 and 010 l.774 give 27/11/2024); the year is wrong.
   - C505: first citations without a date (or without "số"), as ND30 Phụ lục I II.6.b requires;
     in 001-004 most are in the legal-basis column of the TTHC annex tables, where dates are
     customarily left out: correct by the rule, a known point of debate. Normative documents
     (006, 007) are checked under NĐ 78/2025 Điều 68, which asks no date: nothing reported there.
     A first citation that names no issuer (issue 17) is reported where the sentence does not
     name it otherwise ("Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số …", "Chính phủ đã
     ban hành Nghị quyết số …", "… và Thông tư số … của Bộ Tài chính", the body of the symbol's
     code named in the clause): 010 l.32, 012 l.43-44.
   - C509 (a citation contradicting rules/documents.toml): 002 l.490/537, 008 l.309.
   Fixed during the review (no longer reported): "27/CT-TTG" / "1899/QĐ-TTG" inside titles written
   in capitals (008 l.15, 011 l.13); "Kết luận liên ngành Tư pháp Trung ương số 23/KL-LNTPTW" (009
   l.507, 010 l.689: the type name stands before the words in between); "QĐ số 2490/QĐ- BNN" (002
   l.522: an abbreviated type name); "Ngày 23/10/2025, … ban hành Quyết định số 3539/QĐ-NHNN" (019
   l.1498: the date written before); the date run into the next table cell ("14/11/200310/GP-",
   017 l.121); the dates of 006 (split header line) and of 015/016/020 (header lines run together).
"""
from __future__ import annotations

import pytest

from checker import Options, check_file
from checker.document import load_path
from checker.extract.citations import citations, symbol_key

from .conftest import CORPUS, needs_shared

OTHER = CORPUS / "other"

# Citations counted by hand: (line where the citation starts, number-symbol as in the text).
HAND = {
    "013": [(7, "33/CT-TTg"), (8, "71/NQ-CP"), (28, "3123/QĐ-BVHTTDL"), (54, "57-NQ/TW"), (72, "1381/QĐ-BVHTTDL"),
            (77, "2270/QĐ-BVHTTDL"), (81, "2254/QĐ-BVHTTDL"), (86, "3123/QĐ-BVHTTDL"), (91, "3385/QĐ-BCĐ"),
            (95, "3760/QĐ-BVHTTDL"), (99, "57-NQ/TW"), (102, "3137/KH-BVHTTDL"), (104, "02-KH/BCĐTW"),
            (108, "4084/KH-BVHTTDL"), (110, "214/NQ-CP"), (112, "434/KH-TCT"), (118, "2359/BVHTTDL-VP"),
            (123, "3430/BVHTTDL-VP"), (128, "4312/BVHTTDL-VP"), (129, "226/NQ-CP"), (131, "4937/BVHTTDL-VP"),
            (132, "165/CĐ-TTg"), (135, "5759/BVHTTDL-VP"), (136, "316/NQ-CP"), (141, "6225/BVHTTDL-VP"),
            (156, "71/NQ-CP"), (193, "02-KH/BCĐTW"), (205, "02-KH/BCĐTW")],
    "015": [(22, "13/CT-TTg"), (27, "341/TB-VPCP"), (45, "13/CT-TTg"), (50, "341/TB-VPCP"), (69, "86/NQ-CP"),
            (76, "30/CT-TTg"), (80, "6721/VPCP-V.I"), (81, "7514/VPCP-V.I"), (84, "13/CT- TTg")],
    "018": [(19, "569/TB-VPCP"), (24, "1505/KH-TTCP"), (27, "170/2024/QH15"), (35, "384/TB-VPCP"),
            (41, "2554/BC-TTCP"), (44, "77-KL/TW"), (44, "170/2024/QH15"), (46, "16495/BTC-PTHT"),
            (47, "13021/BTC-PTHT"), (54, "1505/KH-TTCP"), (59, "16495/BТС-PTHT"), (60, "13021/BTC-PTHT"),
            (62, "77-KL/TW"), (62, "170/2024/QH15"), (96, "77-KL/TW"), (96, "170/2024/QH15")],
}

# Every C5xx finding on the 20 documents, as reviewed by hand (see the module docstring).
REVIEWED = {
    "001": [(51, "C501"), (126, "C505"), (127, "C505"), (129, "C505"), (133, "C505"), (178, "C505"), (180, "C505"),
            (306, "C501")],
    "002": [(344, "C501"), (389, "C501"), (519, "C505"), (519, "C501"), (522, "C501"), (539, "C501"), (570, "C505"),
            (615, "C501"), (619, "C501"),
            (490, "C509"), (537, "C509")],  # Nghị định 131/2025, 54/2024 attributed to Bộ NN&MT: of Chính phủ
    "003": [(85, "C505"), (95, "C505"), (98, "C505"), (135, "C505"), (138, "C505"), (961, "C501")],
    "004": [(151, "C505"), (154, "C505"), (334, "C501")],
    "005": [], "006": [],
    "007": [(54, "C501")],
    "008": [(301, "C501"), (309, "C501"), (309, "C509")],  # "27/CTTg ngày 15/7/2024": issued 15/8/2024 (l.15-41)
    "009": [(48, "C505"), (48, "C501"), (48, "C505")],
    "010": [(32, "C503"), (32, "C506"), (32, "C505")],  # C505: no issuer (Quốc hội) either
    "011": [(151, "C501")],
    "012": [(43, "C505"), (44, "C505")],  # two decrees of 12/6/2025 cited with no issuer
    "013": [(54, "C505")],
    "014": [(113, "C505"), (113, "C505"), (145, "C505"), (178, "C505"), (211, "C505"), (459, "C505")],
    "015": [(84, "C501")],
    "016": [],
    "017": [(390, "C501"), (395, "C501"), (400, "C501"), (405, "C501"), (410, "C501"), (415, "C501"), (431, "C501"),
            (437, "C501"), (443, "C501")],
    "018": [(24, "C505"), (27, "C505"), (35, "C505"), (44, "C505")],  # 35: who decided (TTg) is not the issuer (VPCP); 60 "BТС" (Cyrillic): E908
    "019": [], "020": [],
}


def _path(key):
    return next(OTHER.glob(key + "_*.txt"))


def _found(doc):
    out = []
    for c in citations(doc):
        if not c.symbol:
            continue
        s = c.type_span[0] if c.type_span else (c.so_span[0] if c.so_span else c.start)
        out.append((doc.range_of(c.para, s, s + 1).start.line, symbol_key(c.symbol)))
    return out


def recall(key):
    doc = load_path(_path(key))
    found = _found(doc)
    used = [False] * len(found)
    hit = 0
    for line, sym in HAND[key]:
        k = symbol_key(sym)
        for i, (fl, fk) in enumerate(found):
            if not used[i] and fk == k and abs(fl - line) <= 1:
                used[i] = True
                hit += 1
                break
    return hit, len(HAND[key]), len(found)


@needs_shared
@pytest.mark.parametrize("key", sorted(HAND))
def test_recall_against_hand_count(key):
    hit, total, found = recall(key)
    print(f"{key}: hand {total}, found {found}, matched {hit}, recall {hit / total:.0%}")
    assert hit / total >= 0.95


@needs_shared
def test_overall_recall_at_least_95_percent():
    hits = totals = 0
    for key in HAND:
        h, t, _ = recall(key)
        hits, totals = hits + h, totals + t
    assert totals >= 50
    assert hits / totals >= 0.95


@needs_shared
@pytest.mark.parametrize("key", sorted(REVIEWED))
def test_findings_match_the_hand_review(key):
    res = check_file(_path(key), Options(), select=["C5"])
    got = sorted((d.line, d.code) for d in res.diagnostics)
    assert got == sorted(REVIEWED[key])
