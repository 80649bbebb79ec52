"""The .docx reader: reading order, header table, auto-numbering, footnotes, positions,
equivalence with the same draft as text (issue 2, acceptance 4), hostile packages (issue 9).

Every .docx here is built in tmp_path by tests/docxbuild.py (python-docx); none is committed.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
import zipfile

import pytest

from checker import Options, check_file
from checker.errors import InputError
from checker.readers.docx import read_docx
from checker.readers.docx_numbering import letters, roman
from checker.structure import patterns as P

from .conftest import SEEDS, needs_shared, run_cli
from .docxbuild import (BILLION_LAUGHS_DOCUMENT, XXE_DOCUMENT, DocxBuilder, document_xml,
                        many_paragraphs_document, rewrite_parts, zip_bomb)

# ---------------------------------------------------------------------------------------------
# A realistic draft, written once as a block list and rendered both as .docx and as text.
#   ("p", markup)                     a body paragraph (**bold**, *italic*, \n soft break, ^[footnote])
#   ("item", level, label, markup)    an auto-numbered paragraph; `label` is what Word shows
#   ("table", left, right)            a borderless two-cell table (header or signature block)

HEADER = ("table",
          ["**ỦY BAN NHÂN DÂN**", "**TỈNH KON TUM**", "Số: 125/TB-UBND"],
          ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
           "*Kon Tum, ngày 10 tháng 8 năm 2021*"])
BODY = [
    ("p", "**THÔNG BÁO**"),
    ("p", "**Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 7 năm 2021**"),
    ("p", "Ngày 06 tháng 8 năm 2021, Ủy ban nhân dân tỉnh tổ chức phiên họp thường kỳ tháng 7 năm 2021 do "
          "đồng chí Lê Ngọc Tuấn - Chủ tịch Ủy ban nhân dân tỉnh chủ trì^[Dự họp có các đồng chí Phó Chủ tịch "
          "Ủy ban nhân dân tỉnh và thành viên Ủy ban nhân dân tỉnh.]. Sau khi nghe báo cáo và ý kiến của các "
          "đại biểu, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:"),
    ("item", 0, "I.", "**VỀ TÌNH HÌNH KINH TẾ - XÃ HỘI**"),
    ("item", 1, "1.", "Sở Kế hoạch và Đầu tư:"),
    ("item", 2, "a)", "Hoàn thiện Kế hoạch đầu tư công năm 2022, trình Ủy ban nhân dân tỉnh trước ngày 15 "
                      "tháng 8 năm 2021."),
    ("item", 2, "b)", "Tham mưu điều chỉnh kế hoạch vốn^[Theo Nghị quyết số 21/NQ-HĐND ngày 09 tháng 7 năm "
                      "2021 của Hội đồng nhân dân tỉnh.] cho các dự án giải ngân chậm."),
    ("item", 1, "2.", "Sở Tài chính:"),
    ("item", 2, "a)", "Tổ chức thực hiện tốt thu, chi ngân sách nhà nước năm 2021."),
    ("item", 3, "-", "Rà soát các khoản chi chưa thật sự cần thiết."),
    ("item", 3, "-", "Báo cáo Ủy ban nhân dân tỉnh trong tháng 8 năm 2021."),
    ("item", 0, "II.", "**VỀ CÔNG TÁC PHÒNG, CHỐNG DỊCH COVID-19**"),
    ("item", 1, "1.", "Sở Y tế chủ trì, phối hợp với các đơn vị có liên quan tiếp tục thực hiện\nnghiêm các "
                      "biện pháp phòng, chống dịch bệnh."),
    ("item", 1, "2.", "Công an tỉnh tăng cường kiểm soát tại các chốt kiểm dịch."),
    ("p", "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."),
]
SIGNATURE = ("table",
             ["***Noi nhận:***", "- Thường trực Tỉnh ủy (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
              "- Các sở, ban, ngành thuộc tỉnh;", "- Lưu: VT, KTTH."],
             ["**TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG**", "", "", "**Đặng Quang Hà**"])
DRAFT = [HEADER, *BODY, SIGNATURE]
# The same draft with defects inside paragraphs (number without leading zero, day without leading
# zero, a citation without "số" and without date, a misspelt agency, no "./." at the end).
DEFECTIVE = [
    ("table", ["**ỦY BAN NHÂN DÂN**", "**TỈNH KON TUM**", "Số: 5/TB-UBND"],
     ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
      "*Kon Tum, ngày 5 tháng 8 năm 2021*"]),
    *BODY[:-1],
    ("item", 1, "3.", "Sở Lao động, Thương binh và Xã hội thực hiện Nghị quyết 21/NQ-HĐND về hỗ trợ người lao động."),
    ("p", "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện."),
    SIGNATURE,
]
LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "\uf0b7")]


def _footnotes(markup: str) -> tuple[str, list[str]]:
    import re

    notes = re.findall(r"\^\[([^\]]*)\]", markup)
    return re.sub(r"\^\[[^\]]*\]", "", markup), notes


def build_docx(blocks, path):
    b = DocxBuilder()
    lst = None
    for block in blocks:
        if block[0] == "table":
            b.table([[block[1], block[2]]])
        elif block[0] == "p":
            b.para(block[1])
        else:
            lst = lst or b.numbering(LEVELS)
            b.item(block[3], lst, block[1])
    return b.save(path)


def build_text(blocks, path):
    """The same draft as a text file: one paragraph per line, blank lines between, footnotes last."""
    out, notes = [], []
    for block in blocks:
        if block[0] == "table":
            cells = [m for m in block[1] + block[2] if m]
        elif block[0] == "p":
            cells = [block[1]]
        else:
            cells = [f"{block[2]} {block[3]}"]
        for markup in cells:
            text, found = _footnotes(markup)
            notes += found
            out.append(text)
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    out += [f"{str(k).translate(sup)} {n}" for k, n in enumerate(notes, start=1)]
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return path


def located(result):
    """(code, paragraph text, index in it) for every diagnostic; a position inside a list label
    (or the space after it) counts as the paragraph start: in a .docx the label is not stored."""
    doc = result.document
    src = doc.source
    out = []
    for d in result.diagnostics:
        off = src.line_starts[d.line - 1] + d.column - 1
        para, idx = None, None
        for p in doc.paragraphs:
            if p.offsets[0] <= off <= p.offsets[-1] and off in p.offsets:
                para, idx = p, p.offsets.index(off)
                break
        assert para is not None, f"{d.code} at {d.line}:{d.column} is in no paragraph"
        m = P.marker_of(para.text)
        if m and idx <= m[2] + 1:
            idx = 0
        out.append((d.code, para.text, idx))
    return sorted(out)


def not_layout(items):
    return [x for x in items if not x[0].startswith("P")]  # layout rules only run on .docx


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    d = tmp_path_factory.mktemp("drafts")
    return {
        "docx": build_docx(DRAFT, d / "draft.docx"),
        "txt": build_text(DRAFT, d / "draft.txt"),
        "docx_nohead": build_docx(DRAFT[1:], d / "nohead.docx"),
        "txt_nohead": build_text(DRAFT[1:], d / "nohead.txt"),
        "docx_bad": build_docx(DEFECTIVE, d / "bad.docx"),
        "txt_bad": build_text(DEFECTIVE, d / "bad.txt"),
    }


def read(path, **kw):
    return read_docx(str(path), path.read_bytes(), **kw)


# --------------------------------------------------------------------------------- reading

def test_reading_order_header_table_and_containers(drafts):
    src, paras = read(drafts["docx"])
    assert src.kind == "docx"
    head = [(p.container, p.text) for p in paras[:5]]
    assert head == [
        ("table:0:0", "ỦY BAN NHÂN DÂN TỈNH KON TUM"),  # one issuing body over two Word paragraphs
        ("table:0:0", "Số: 125/TB-UBND"),
        ("table:0:1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("table:0:1", "Độc lập - Tự do - Hạnh phúc"),
        ("table:0:1", "Kon Tum, ngày 10 tháng 8 năm 2021"),
    ]
    assert paras[0].bold and paras[0].upper and not paras[1].bold and paras[4].italic
    assert paras[0].meta["docx_indexes"] == [0, 1] and paras[1].meta["docx_index"] == 2
    assert paras[5].text == "THÔNG BÁO" and paras[5].container == "body"
    # line = Word paragraph number: every paragraph's first character sits on its own line
    for p in paras:
        line = src.position(p.offsets[0]).line
        assert line == p.meta["docx_index"] + 1


def test_signature_soft_break_gives_two_paragraphs_on_one_line(drafts):
    src, paras = read(drafts["docx"])
    sig = [p for p in paras if p.container == "table:0:1" and p.meta.get("table") == 1]
    assert [p.text for p in sig] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Đặng Quang Hà"]
    a, b = sig[0], sig[1]
    assert a.meta["docx_index"] == b.meta["docx_index"]
    la, lb = src.position(a.offsets[0]), src.position(b.offsets[0])
    assert la.line == lb.line and (la.column, lb.column) == (1, len("TL. CHỦ TỊCH") + 2)
    assert src.line_text(la.line) == "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG"


def test_soft_break_inside_a_sentence_is_joined(drafts):
    _, paras = read(drafts["docx"])
    p = next(p for p in paras if p.text.startswith("1. Sở Y tế"))
    assert "tiếp tục thực hiện nghiêm các biện pháp" in p.text


def test_word_paragraphs_join_only_on_a_broken_sentence(tmp_path):
    b = DocxBuilder()
    b.para("**THÔNG BÁO**")
    b.para("**Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp**")
    b.para("**về tình hình giải ngân vốn đầu tư công**")  # Enter pressed inside the trích yếu
    b.para("Ngày 06/8/2021, Ủy ban nhân dân tỉnh họp.")
    b.para("Giao Sở Tài chính chủ trì")
    b.para("Sở Y tế phối hợp.")  # upper-case start: a paragraph of its own
    b.para("Sở Xây dựng báo cáo.")
    b.empty()
    b.para("trong tháng 8.")  # after an empty paragraph: never joined
    _, paras = read(b.save(tmp_path / "j.docx"))
    assert [p.text for p in paras] == [
        "THÔNG BÁO",
        "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tình hình giải ngân vốn đầu tư công",
        "Ngày 06/8/2021, Ủy ban nhân dân tỉnh họp.", "Giao Sở Tài chính chủ trì", "Sở Y tế phối hợp.",
        "Sở Xây dựng báo cáo.", "trong tháng 8."]
    assert paras[1].meta["docx_indexes"] == [1, 2] and paras[1].bold


def test_structure_of_the_docx(drafts):
    from checker.document import load_path

    doc = load_path(drafts["docx"])
    assert doc.kind == "thong-bao"
    comp = {k: [doc.paragraphs[i].text for i in v] for k, v in doc.structure.components.items()}
    assert comp["issuer"] == ["ỦY BAN NHÂN DÂN TỈNH KON TUM"]
    assert comp["signer"] == ["Đặng Quang Hà"]
    assert comp["noi_nhan"] == ["Noi nhận:"]


# --------------------------------------------------------------------------------- numbering

def test_auto_numbering_labels_match_what_word_shows(drafts):
    _, paras = read(drafts["docx"])
    want = [(b[2], f"{b[2]} {_footnotes(b[3])[0]}".replace("**", "").replace("\n", " ")) for b in BODY if b[0] == "item"]
    got = [(p.label, p.text) for p in paras if p.label and not p.footnote]
    assert got == want


def numbered_labels(tmp_path, build) -> list[str]:
    b = DocxBuilder()
    build(b)
    path = b.save(tmp_path / "n.docx")
    _, paras = read(path)
    return [p.label for p in paras]


@pytest.mark.parametrize("levels, items, expected", [
    # nested levels restart when a shallower level is used
    ([("decimal", "%1."), ("lowerLetter", "%2)")], [0, 1, 1, 0, 1, 1, 1], ["1.", "a)", "b)", "2.", "a)", "b)", "c)"]),
    ([("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")], [0, 1, 2, 2, 1, 2, 0, 1],
     ["I.", "1.", "1.1.", "1.2.", "2.", "2.1.", "II.", "1."]),
    ([("lowerRoman", "(%1)")], [0, 0, 0, 0], ["(i)", "(ii)", "(iii)", "(iv)"]),
    ([("decimal", "(%1)")], [0, 0], ["(1)", "(2)"]),
    ([("bullet", "\uf0b7"), ("bullet", "+"), ("bullet", "o")], [0, 1, 2, 0], ["-", "+", "-", "-"]),
    ([("decimal", "%1."), ("bullet", "-")], [0, 1, 1, 0, 1], ["1.", "-", "-", "2.", "-"]),
    ([("lowerLetter", "%1)")], [0] * 28, [letters(k) + ")" for k in range(1, 29)]),
    ([("decimalZero", "%1.")], [0, 0], ["01.", "02."]),
])
def test_numbering_formats_and_levels(tmp_path, levels, items, expected):
    def build(b):
        lst = b.numbering(levels)
        for k, lvl in enumerate(items):
            b.item(f"Nội dung {k}", lst, lvl)

    assert numbered_labels(tmp_path, build) == expected


def test_numbering_start_override_continue_and_lvl_restart(tmp_path):
    def build(b):
        a = b.numbering([("decimal", "%1.")], starts=[3])
        b.item("ba", a)
        b.item("bốn", a)
        b.para("Đoạn xen giữa không đánh số.")
        b.item("năm: Word tiếp tục danh sách qua đoạn xen giữa", a)
        b.item("một: bắt đầu lại (startOverride)", b.restart(a, 1))
        b.item("hai: numId khác cùng abstractNum, không override: tiếp tục", b.continue_list(a))
        never = b.numbering([("decimal", "%1."), ("lowerLetter", "%2)")], restarts={1: 0})
        b.item("x", never, 0)
        b.item("y", never, 1)
        b.item("z", never, 0)
        b.item("t", never, 1)  # lvlRestart 0: never restarts → b)

    assert numbered_labels(tmp_path, build) == ["3.", "4.", "", "5.", "1.", "2.", "1.", "a)", "2.", "b)"]


def test_absurd_start_values_stay_short(tmp_path):
    def build(b):
        b.item("x", b.numbering([("upperRoman", "%1.")], starts=[3999]))
        b.item("y", b.numbering([("lowerLetter", "%1)")], starts=[10 ** 18]))
        b.item("z", b.numbering([("decimal", "%1.")], starts=[-5]))

    assert numbered_labels(tmp_path, build) == ["MMMCMXCIX.", f"{10 ** 18})", "-5."]


def test_list_number_style_and_numbering_in_style(tmp_path):
    def build(b):
        b.para("Sở Tài chính", style="List Number")
        b.para("Sở Y tế", style="List Number")
        b.para("Sở Xây dựng", style="List Bullet")

    assert numbered_labels(tmp_path, build) == ["1.", "2.", "-"]


def test_number_formats_unit():
    assert [letters(n) for n in (1, 5, 6, 26, 27, 28, 53)] == ["a", "e", "f", "z", "aa", "bb", "aaa"]
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]


# --------------------------------------------------------------------------------- footnotes

def test_footnotes_are_kept_apart(drafts):
    from checker.document import load_path

    doc = load_path(drafts["docx"])
    body = " ".join(p.text for p in doc.body_paragraphs)
    assert "Dự họp có các đồng chí" not in body and "21/NQ-HĐND" not in body
    notes = [p for p in doc.paragraphs if p.footnote]
    assert [p.text[:12] for p in notes] == ["¹ Dự họp có ", "² Theo Nghị "]
    assert notes[0].label == "¹" and notes[0].container == "footnote"
    # after every body paragraph, on their own lines at the end of the source
    last_body_line = max(doc.source.position(p.offsets[0]).line for p in doc.body_paragraphs)
    assert all(doc.source.position(p.offsets[0]).line > last_body_line for p in notes)
    # the reference mark is not text: "chủ trì^[…]." reads "chủ trì."
    opening = next(p for p in doc.body_paragraphs if p.text.startswith("Ngày 06"))
    assert "chủ trì. Sau khi" in opening.text


# --------------------------------------------------------------------------------- positions

def test_diagnostic_points_at_paragraph_number_and_column(tmp_path):
    b = DocxBuilder()
    b.table([[["**ỦY BAN NHÂN DÂN**", "**TỈNH KON TUM**", "Số: 5/TB-UBND"],
              ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
               "*Kon Tum, ngày 10 tháng 8 năm 2021*"]]])
    for block in BODY:
        if block[0] == "p":
            b.para(block[1])
    b.table([[SIGNATURE[1], SIGNATURE[2]]])
    path = b.save(tmp_path / "pos.docx")
    code, out, _ = run_cli("check", path, "--format", "json", "--select", "S")
    diags = {d["code"]: d for d in json.loads(out)["files"][0]["diagnostics"]}
    # Word paragraphs: 1 ỦY BAN…, 2 TỈNH…, 3 "Số: 5/TB-UBND": the number "5" is column 5
    assert (diags["S103"]["line"], diags["S103"]["column"], diags["S103"]["end_column"]) == (3, 5, 6)
    # "Noi nhận:" is the first paragraph of the bottom table: after 3 + 3 header, 4 body paragraphs
    assert (diags["S108"]["line"], diags["S108"]["column"]) == (11, 1)


# --------------------------------------------------------------------------------- equivalence

def test_header_table_recognised(drafts):
    with_head = check_file(drafts["docx"], Options(), select=["S"])
    assert not {"S101", "S102", "S103", "S104"} & {d.code for d in with_head.diagnostics}
    without = check_file(drafts["docx_nohead"], Options(), select=["S"])
    text_without = check_file(drafts["txt_nohead"], Options(), select=["S"])
    assert {"S101", "S102", "S103", "S104"} <= {d.code for d in without.diagnostics}
    assert located(without) == located(text_without)


@pytest.mark.parametrize("docx_key, txt_key", [("docx", "txt"), ("docx_nohead", "txt_nohead"), ("docx_bad", "txt_bad")])
def test_same_findings_as_the_text_draft(drafts, docx_key, txt_key):
    """Acceptance 4: every rule, the same codes at the paragraph holding the same text."""
    d = check_file(drafts[docx_key], Options(today=None))
    t = check_file(drafts[txt_key], Options(today=None))
    assert d.kind == t.kind == "thong-bao"
    assert not_layout(located(d)) == not_layout(located(t))
    code, out, err = run_cli("check", drafts[docx_key], drafts[txt_key], "--format", "json")
    files = json.loads(out)["files"]
    by_file = [sorted(x["code"] for x in f["diagnostics"] if not x["code"].startswith("P")) for f in files]
    assert by_file[0] == by_file[1]


def seed_to_docx(text_path, out_path):
    """Rebuild a text draft as a .docx: its paragraphs as Word paragraphs, numbered items as Word
    auto-numbering (restarting where the draft restarts), Nơi nhận and signature in a table."""
    from checker.document import load_path

    doc = load_path(text_path)
    raw_lines = doc.source.text.splitlines()
    b = DocxBuilder()
    lists: dict[str, tuple] = {}
    fmts = {"arabic": ("decimal", "%1."), "roman": ("upperRoman", "%1.")}
    left, right = [], []
    from checker.structure.outline import roman_value

    for p in doc.paragraphs:
        if p.footnote:
            continue
        markup = " ".join(raw_lines[n - 1].strip() for n in p.meta["lines"])
        zone = p.meta["zone"]
        if zone in ("recipients", "signature"):
            (left if zone == "recipients" else right).append(markup)
            continue
        m = P.marker_of(p.text)
        if m and markup.startswith(m[1]):
            style, label, end = m
            rest = markup[end:].lstrip()
            if style == "bullet" and label in "-+":
                key = "bullet" + label
                if key not in lists:
                    lists[key] = (b.numbering([("bullet", "\uf0b7" if label == "-" else "+")]), None)
                b.item(rest, lists[key][0])
                continue
            if style in fmts and markup[:end].rstrip(".") == label:
                value = int(label) if style == "arabic" else roman_value(label)
                lst, nxt = lists.get(style, (None, None))
                if lst is None:
                    lst = b.numbering([fmts[style]], starts=[value])
                elif value != nxt:
                    lst = b.restart(lst, value)
                lists[style] = (lst, value + 1)
                b.item(rest, lst)
                continue
        b.para(markup)
    if left or right:
        b.table([[left, right]])
    return b.save(out_path)


@needs_shared
def test_seed_002_as_docx_gives_the_same_findings(tmp_path):
    seed = SEEDS / "002_b75f6995bec0e83d.txt"
    path = seed_to_docx(seed, tmp_path / "seed002.docx")
    _, paras = read(path)
    assert sum(1 for p in paras if p.label) >= 40  # the draft's numbering is Word's numbering now
    d = check_file(path, Options())
    t = check_file(seed, Options())
    assert d.kind == t.kind
    assert not_layout(located(d)) == not_layout(located(t))
    assert "S108" in {x.code for x in d.diagnostics}
    code, out, _ = run_cli("check", path, seed, "--format", "json")
    files = json.loads(out)["files"]
    codes = [sorted(x["code"] for x in f["diagnostics"] if not x["code"].startswith("P")) for f in files]
    assert codes[0] == codes[1]


# --------------------------------------------------------------------------------- hostile input

@pytest.fixture(scope="module")
def good(tmp_path_factory):
    d = tmp_path_factory.mktemp("good")
    return build_docx(DRAFT, d / "good.docx")


def _e903_run(bad, good, *extra, limit_s: float = 5.0):
    """`rasoat check good bad`: exit 2, E903 for the bad file, the good one still reported."""
    t0 = time.perf_counter()
    code, out, err = run_cli("check", good, bad, "--format", "json", *extra)
    elapsed = time.perf_counter() - t0
    assert code == 2, err
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files[str(bad)]["kind"] == "unreadable"
    assert [d["code"] for d in files[str(bad)]["diagnostics"]] == ["E903"]
    assert files[str(good)]["kind"] == "thong-bao"
    assert str(bad) in err  # the message on stderr too
    assert elapsed < limit_s, f"took {elapsed:.1f} s"
    return files[str(bad)]["diagnostics"][0]["message"]


def _bounded(path, max_mib=16):
    """Read a hostile file under tracemalloc: refused with E903 and little Python memory."""
    data = path.read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as exc:
            read_docx(str(path), data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert exc.value.code == "E903"
    assert peak < max_mib * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    return exc.value.message


def test_not_a_zip(tmp_path, good):
    bad = tmp_path / "text.docx"
    bad.write_text("Đây là văn bản thuần, đổi đuôi thành .docx.", encoding="utf-8")
    assert "không phải .docx" in _e903_run(bad, good)
    ole = tmp_path / "old.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    assert ".doc" in _e903_run(ole, good)


def test_corrupt_zip(tmp_path, good):
    data = good.read_bytes()
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(data[: len(data) // 2])
    assert "hỏng" in _e903_run(bad, good)
    damaged = tmp_path / "crc.docx"
    raw = bytearray(data)
    i = raw.find(b"word/document.xml") + len("word/document.xml") + 40  # inside the compressed data
    raw[i:i + 64] = bytes(64)
    damaged.write_bytes(bytes(raw))
    _e903_run(damaged, good)


def test_zip_without_a_word_document(tmp_path, good):
    bad = tmp_path / "other.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "xin chào")
    assert "Không mở được" in _e903_run(bad, good)


def test_zip_bomb_part_size(tmp_path, good):
    bomb = zip_bomb(good, tmp_path / "bomb.docx", 48 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    assert "zip bomb" in _e903_run(bomb, good)
    _bounded(bomb)


def test_zip_bomb_ratio(tmp_path, good):
    bomb = zip_bomb(good, tmp_path / "ratio.docx", 4 * 1024 * 1024, name="word/document.xml")
    msg = _e903_run(bomb, good)
    assert "tỉ lệ nén" in msg
    _bounded(bomb)


def test_xxe_and_billion_laughs(tmp_path, good):
    for name, xml in (("xxe", XXE_DOCUMENT), ("lol", BILLION_LAUGHS_DOCUMENT)):
        bad = rewrite_parts(good, tmp_path / f"{name}.docx", {"word/document.xml": xml})
        assert "DOCTYPE" in _e903_run(bad, good)
        _bounded(bad)
    # in another part, and in UTF-16
    bad = rewrite_parts(good, tmp_path / "styles.docx", {"word/styles.xml": XXE_DOCUMENT.decode().encode("utf-16")})
    assert "word/styles.xml" in _e903_run(bad, good)


def test_hundred_thousand_paragraphs(tmp_path, good):
    bad = rewrite_parts(good, tmp_path / "many.docx", {"word/document.xml": many_paragraphs_document(100_000)})
    assert "100000" in _e903_run(bad, good)
    _bounded(bad)


def test_limits_are_configurable(tmp_path, good):
    folder = tmp_path / "strict"
    folder.mkdir()
    (folder / "rasoat.toml").write_text("[limits]\nmax-paragraphs = 10\n", encoding="utf-8")
    target = folder / "draft.docx"
    target.write_bytes(good.read_bytes())
    assert "giới hạn 10" in _e903_run(target, good)
    # max-docx-bytes bounds the file and the total of its unpacked parts (here ~800 KB unpacked)
    limit = target.stat().st_size + 10_000
    (folder / "rasoat.toml").write_text(f"[limits]\nmax-docx-bytes = {limit}\n", encoding="utf-8")
    assert "zip bomb" in _e903_run(target, good)


def test_empty_docx_is_e904(tmp_path):
    b = DocxBuilder()
    b.empty()
    path = b.save(tmp_path / "empty.docx")
    res = check_file(path, Options())
    assert [d.code for d in res.diagnostics] == ["E904"] and res.failed


# --------------------------------------------------------------------------------- other XML

def test_tracked_changes_hidden_text_caps_and_styles(tmp_path):
    W = ('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Thông báo</w:t></w:r></w:p>'
         '<w:p><w:r><w:t xml:space="preserve">Giao Sở </w:t></w:r>'
         '<w:del w:id="1" w:author="A"><w:r><w:delText>Công thương</w:delText></w:r></w:del>'
         '<w:ins w:id="2" w:author="A"><w:r><w:t>Công Thương</w:t></w:r></w:ins>'
         '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> chủ trì</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
         '<w:p><w:r><w:rPr><w:caps/><w:b/></w:rPr><w:t>ủy ban nhân dân</w:t></w:r></w:p>'
         '<w:p><w:hyperlink><w:r><w:t>Liên kết</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>sau tab</w:t></w:r></w:p>'
         '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Đậm theo kiểu đoạn</w:t></w:r></w:p>'
         '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Đậm theo kiểu ký tự</w:t></w:r></w:p>'
         '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
         '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Hai lần đậm là không đậm</w:t></w:r></w:p>')
    b = DocxBuilder()
    b.para("x")
    path = b.save(tmp_path / "base.docx")
    styles = zipfile.ZipFile(path).read("word/styles.xml")
    out = rewrite_parts(path, tmp_path / "xml.docx", {"word/document.xml": document_xml(W), "word/styles.xml": styles})
    src, paras = read(out)
    assert [p.text for p in paras[:4]] == ["Thông báo", "Giao Sở Công Thương chủ trì.", "ỦY BAN NHÂN DÂN",
                                           "Liên kết sau tab"]
    assert [p.bold for p in paras[4:]] == [True, True, False]  # bold styles toggle (ECMA-376 §17.7.3)
    assert paras[0].meta["style"] == "Title"
    assert paras[2].upper and paras[2].bold
    assert src.text.splitlines()[3] == "Liên kết\tsau tab"


def test_txt_run_does_not_import_python_docx(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("THÔNG BÁO\n\nNội dung.\n", encoding="utf-8")
    code = ("import sys; from checker import check_file; check_file(sys.argv[1]); "
            "print('docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------------- damaged XML

_ATTR_VALUE = __import__("re").compile(rb'(w:(?:val|numId|ilvl|id|abstractNumId|type|styleId|char))="([^"]*)"')


@pytest.fixture(scope="module")
def good_parts(good):
    with zipfile.ZipFile(good) as z:
        return {n: z.read(n) for n in ("word/document.xml", "word/numbering.xml", "word/styles.xml",
                                       "word/footnotes.xml")}


def test_damaged_xml_never_raises_anything_but_input_error(tmp_path, good, good_parts):
    """Odd attribute values (huge numbers, loops, junk), deleted elements and flipped bytes in the
    parts the reader interprets: a result or an E903/E904, never a traceback, never a hang."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    values = st.sampled_from([b"", b"-1", b"abc", b"99999999999999999999", b"8", b"9", b"0", b"%1%9%0",
                              b"bullet", b"none", b"upperRoman", b"Normal", b"F0B7", "é".encode()])

    @settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(name=st.sampled_from(sorted(good_parts)), data=st.data())
    def check(name, data):
        xml = good_parts[name]
        how = data.draw(st.sampled_from(["attr", "attr", "drop", "byte"]))
        if how == "attr":
            for _ in range(data.draw(st.integers(1, 6))):
                ms = list(_ATTR_VALUE.finditer(xml))
                m = ms[data.draw(st.integers(0, len(ms) - 1))]
                xml = xml[:m.start(2)] + data.draw(values) + xml[m.end(2):]
        elif how == "drop":
            ms = list(__import__("re").finditer(rb"<w:\w+[^>]*/>", xml))
            m = ms[data.draw(st.integers(0, len(ms) - 1))]
            xml = xml[:m.start()] + xml[m.end():]
        else:
            i = data.draw(st.integers(0, len(xml) - 1))
            xml = xml[:i] + bytes([data.draw(st.integers(0, 255))]) + xml[i + 1:]
        bad = rewrite_parts(good, tmp_path / "damaged.docx", {name: xml})
        t0 = time.perf_counter()
        try:
            src, paras = read_docx(str(bad), bad.read_bytes())
            for p in paras:
                assert len(p.offsets) == len(p.text) + 1
                assert all(0 <= o <= len(src.text) for o in p.offsets)
        except InputError as exc:
            assert exc.code in ("E903", "E904")
        assert time.perf_counter() - t0 < 2

    check()


def test_docx_on_stdin(drafts):
    data = drafts["docx_bad"].read_bytes()
    code, out, err = run_cli("check", "-", "--stdin-filename", "bad.docx", "--format", "json", stdin=data)
    from_stdin = [(d["code"], d["line"], d["column"]) for d in json.loads(out)["files"][0]["diagnostics"]]
    code, out, err = run_cli("check", drafts["docx_bad"], "--format", "json")
    from_file = [(d["code"], d["line"], d["column"]) for d in json.loads(out)["files"][0]["diagnostics"]]
    assert from_stdin == from_file and ("S103", 3, 5) in from_file


def test_reading_order_through_content_controls_nested_tables_and_text_boxes(tmp_path):
    def p(text):
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    textbox = ('<w:p><w:r><w:t xml:space="preserve">Đoạn bảy có hộp chữ </w:t></w:r><w:r><w:drawing><wp:inline '
               'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent>'
               f'{p("Chữ trong hộp.")}</w:txbxContent></wp:inline></w:drawing></w:r><w:r><w:t>ở giữa.</w:t></w:r></w:p>')
    body = (p("Đoạn một.") + f"<w:sdt><w:sdtContent>{p('Đoạn hai.')}</w:sdtContent></w:sdt>"
            + "<w:tbl><w:tr><w:tc>" + p("Đoạn ba.") + "<w:tbl><w:tr><w:tc>" + p("Đoạn bốn.")
            + "</w:tc></w:tr></w:tbl></w:tc><w:tc>" + p("Đoạn năm.") + "</w:tc></w:tr><w:tr><w:tc>" + p("Đoạn sáu.")
            + "</w:tc></w:tr></w:tbl>" + textbox)
    b = DocxBuilder()
    b.para("x")
    out = rewrite_parts(b.save(tmp_path / "base.docx"), tmp_path / "order.docx", {"word/document.xml": document_xml(body)})
    _, paras = read(out)
    assert [(p.text, p.container, p.meta.get("table")) for p in paras] == [
        ("Đoạn một.", "body", None), ("Đoạn hai.", "body", None), ("Đoạn ba.", "table:0:0", 0),
        ("Đoạn bốn.", "table:0:0", 0), ("Đoạn năm.", "table:0:1", 0), ("Đoạn sáu.", "table:1:0", 0),
        ("Đoạn bảy có hộp chữ ở giữa.", "body", None)]
    assert [p.meta["docx_index"] for p in paras] == list(range(7))
