"""Build .docx notices laid out per Nghị định 30/2020, Phụ lục I (for the P8xx tests and fixtures).

    b = notice()                       # a short notice that follows every layout rule
    b.run_format("noi_nhan", size=14)  # then break one rule
    data = b.to_bytes()                # small, deterministic .docx bytes

    b = from_text(seed_text, header_left=[...], header_right=[...])   # a text laid out by its roles

Roles are the structure components (checker/structure/parse.py) with the layout roles of
rules/layout.toml: the first of two issuer lines is "issuer_parent"; "luu" lines are formatted as
recipients, "sig_title" lines as "authority". The heading is a borderless two-column table (issuing
body and number left; national title, motto, place and date right); so is the bottom block
(Nơi nhận left, signature right). Page numbers: a PAGE field centred in the header, 14 pt, not on
the first page.

`python -m tests.layoutbuild --write-fixtures` writes fixtures/rules/P8xx/*.docx: for each P rule a
draft that breaks it alone and one that follows it (an edge of the rule where there is one).
The files are slimmed (unused styles, thumbnail and the like removed) and written with fixed zip
timestamps, so that rebuilding them gives the same bytes.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}

# role → (size pt, bold, italic, alignment): Phụ lục I, Phần I, Mục II
FORMAT = {
    "issuer_parent": (13, False, False, "center"),
    "issuer": (13, True, False, "center"),
    "so_ky_hieu": (13, False, False, "center"),
    "quoc_hieu": (12, True, False, "center"),
    "tieu_ngu": (13, True, False, "center"),
    "place_date": (14, False, True, "center"),
    "title": (14, True, False, "center"),
    "trich_yeu": (14, True, False, "center"),
    "can_cu": (14, False, True, "both"),
    "body": (14, False, False, "both"),
    "noi_nhan": (12, True, True, "left"),
    "recipient": (11, False, False, "left"),
    "authority": (14, True, False, "center"),
    "signer": (14, True, False, "center"),
    "blank": (14, False, False, "center"),
}
ROLE_OF_COMPONENT = {"opening": "body", "closing": "body", "luu": "recipient", "sig_title": "authority"}

HEADER_LEFT = [("issuer_parent", "UBND TỈNH LAI CHÂU"), ("issuer", "VĂN PHÒNG"), ("so_ky_hieu", "Số: 125/TB-VP")]
HEADER_RIGHT = [("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("tieu_ngu", "Độc lập - Tự do - Hạnh phúc"),
                ("place_date", "Lai Châu, ngày 15 tháng 9 năm 2021")]
TITLE = [("title", "THÔNG BÁO"),
         ("trich_yeu", "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Xây dựng")]
CAN_CU = [("can_cu", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
          ("can_cu", "Căn cứ Quy chế làm việc của Ủy ban nhân dân tỉnh Lai Châu.")]
BODY = [
    ("body", "Ngày 10/9/2021, đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh chủ trì buổi làm việc với Sở Xây "
             "dựng về tiến độ các công trình trọng điểm năm 2021. Sau khi nghe Giám đốc Sở Xây dựng báo cáo và ý kiến "
             "của các đơn vị dự họp, Phó Chủ tịch UBND tỉnh kết luận như sau:"),
    ("body", "1. Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan rà soát hồ sơ thiết kế các công trình, "
             "hoàn thành trước ngày 30/9/2021."),
    ("body", "2. Sở Tài chính thẩm định dự toán kinh phí, báo cáo UBND tỉnh trong tháng 10 năm 2021."),
    ("body", "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./."),
]
BOTTOM_LEFT = [("noi_nhan", "Nơi nhận:"), ("recipient", "- Sở Xây dựng;"), ("recipient", "- Sở Tài chính;"),
               ("recipient", "- Lưu: VT, KT.")]
BOTTOM_RIGHT = [("authority", "TL. CHỦ TỊCH"), ("authority", "CHÁNH VĂN PHÒNG"), ("blank", ""), ("blank", ""),
                ("signer", "Lê Hoàng Bình")]


def _w(xml: str):
    """An element from XML written with the w: prefix (the namespace declaration added)."""
    return parse_xml(re.sub(r"^<(w:\w+)", lambda m: f"<{m.group(1)} {nsdecls('w')}", xml))


class LayoutBuilder:
    """A python-docx document with A4 pages, ND30 margins, Times New Roman 14 and formatted roles."""

    def __init__(self):
        self.doc = docx.Document()
        self.paras: dict[str, list] = {}
        self.tables: list = []
        self._defaults()
        self.page(11906, 16838)
        self.margins(top=1134, bottom=1134, left=1701, right=851)

    # ------------------------------------------------------------------ document setup
    def _defaults(self):
        styles = self.doc.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        rf = rpr.find(qn("w:rFonts"))
        for attr in list(rf.attrib):
            del rf.attrib[attr]
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rf.set(qn(f"w:{slot}"), "Times New Roman")
        for tag in ("w:sz", "w:szCs"):
            rpr.find(qn(tag)).set(qn("w:val"), "28")
        sp = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        sp.set(qn("w:after"), "0")
        sp.set(qn("w:line"), "240")

    def page(self, width: int, height: int, orient: str | None = None):
        sp = self.doc.sections[0]._sectPr
        pg = sp.find(qn("w:pgSz"))
        pg.set(qn("w:w"), str(width))
        pg.set(qn("w:h"), str(height))
        if orient:
            pg.set(qn("w:orient"), orient)
        elif pg.get(qn("w:orient")) is not None:
            del pg.attrib[qn("w:orient")]
        return self

    def margins(self, **sides: int):
        pm = self.doc.sections[0]._sectPr.find(qn("w:pgMar"))
        for side, value in sides.items():
            pm.set(qn(f"w:{side}"), str(value))
        return self

    # ------------------------------------------------------------------ paragraphs
    def _format(self, p, role: str, text: str):
        size, bold, italic, align = FORMAT[role]
        p.alignment = ALIGN[align]
        if role in ("body", "can_cu"):
            p.paragraph_format.first_line_indent = Cm(1)
            p.paragraph_format.space_before = Pt(6)
        if text:
            r = p.add_run(text)
            r.font.size = Pt(size)
            r.bold = bold or None
            r.italic = italic or None
        self.paras.setdefault(role, []).append(p)
        return p

    def para(self, role: str, text: str, container=None):
        target = container if container is not None else self.doc
        if container is not None and len(container.paragraphs) == 1 and not container.paragraphs[0].runs \
                and not getattr(container, "_used", False):
            p = container.paragraphs[0]
            container._used = True
        else:
            p = target.add_paragraph()
        return self._format(p, role, text)

    def table(self, left: list[tuple[str, str]], right: list[tuple[str, str]], widths=(Cm(6), Cm(10.5)),
              borders: bool = False):
        t = self.doc.add_table(rows=1, cols=2)
        t.autofit = False
        tblpr = t._tbl.tblPr
        val = "single" if borders else "nil"
        tblpr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{s} w:val="{val}" w:sz="4" w:space="0" w:color="auto"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"))
        for col, width in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(int(width.twips)))
        for c, (cell, items) in enumerate(zip(t.rows[0].cells, (left, right))):
            cell.width = widths[c]
            for role, text in items:
                self.para(role, text, container=cell)
        self.tables.append(t)
        return t

    def page_number(self, where: str = "header", first_page: bool = False, size: float = 14, italic: bool = False,
                    align: str = "center"):
        """A PAGE field centred in the header (from page 2 unless first_page)."""
        sec = self.doc.sections[0]
        sec.different_first_page_header_footer = not first_page
        part = sec.header if where == "header" else sec.footer
        p = part.paragraphs[0]
        if align == "tab":
            p.style = self.doc.styles["Header"]  # its centre tab stop at 4680 twips
            r = p.add_run()
            r._r.append(parse_xml(f'<w:tab {nsdecls("w")}/>'))
        else:
            p.alignment = ALIGN[align]
        for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar w:fldCharType="separate"/>', '<w:t>2</w:t>', '<w:fldChar w:fldCharType="end"/>'):
            r = p.add_run()
            r.font.size = Pt(size)
            r.italic = italic or None
            r._r.append(_w(xml))
        return self

    # ------------------------------------------------------------------ changes that break a rule
    def runs_of(self, role: str, index: int = 0):
        return self.paras[role][index].runs

    def run_format(self, role: str, index: int = 0, size=None, bold=None, italic=None, font=None, color=None):
        for r in self.runs_of(role, index):
            if size is not None:
                r.font.size = Pt(size)
            if bold is not None:
                r.bold = bold
            if italic is not None:
                r.italic = italic
            if font is not None:
                r.font.name = font
                rf = r._r.rPr.find(qn("w:rFonts"))
                rf.set(qn("w:hAnsi"), font)
                rf.set(qn("w:cs"), font)
            if color is not None:
                r.font.color.rgb = docx.shared.RGBColor.from_string(color)
        return self

    def para_format(self, role: str, index: int = 0, align=None, first_line=None, before=None, after=None,
                    line=None, line_rule=None):
        pf = self.paras[role][index].paragraph_format
        if align is not None:
            pf.alignment = ALIGN[align]
        if first_line is not None:
            pf.first_line_indent = first_line
        if before is not None:
            pf.space_before = before
        if after is not None:
            pf.space_after = after
        if line is not None:
            ppr = self.paras[role][index]._p.get_or_add_pPr()
            sp = ppr.find(qn("w:spacing"))
            if sp is None:
                sp = parse_xml(f'<w:spacing {nsdecls("w")}/>')
                ppr.append(sp)
            sp.set(qn("w:line"), str(line))
            sp.set(qn("w:lineRule"), line_rule or "auto")
        return self

    def set_text(self, role: str, index: int, text: str):
        runs = self.runs_of(role, index)
        runs[0].text = text
        for r in runs[1:]:
            r.text = ""
        return self

    # ------------------------------------------------------------------ saving
    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return slim(buf.getvalue())

    def save(self, path) -> Path:
        path = Path(path)
        path.write_bytes(self.to_bytes())
        return path


def notice(can_cu: bool = False, page_numbers: bool = True, header_borders: bool = False,
           header_left=None, header_right=None, body=None) -> LayoutBuilder:
    """The short compliant notice (with căn cứ lines if asked)."""
    b = LayoutBuilder()
    left = HEADER_LEFT if header_left is None else header_left
    right = HEADER_RIGHT if header_right is None else header_right
    if left or right:
        b.table(left, right, borders=header_borders)
    for role, text in TITLE + (CAN_CU if can_cu else []) + (BODY if body is None else body):
        b.para(role, text)
    b.table(BOTTOM_LEFT, BOTTOM_RIGHT, widths=(Cm(7.5), Cm(9)))
    if page_numbers:
        b.page_number()
    return b


def from_text(text: str, header_left=HEADER_LEFT, header_right=HEADER_RIGHT) -> LayoutBuilder:
    """A draft given as text laid out per the decree, each paragraph formatted by the role the
    structure grammar gives it; the heading table is added when the text has none."""
    from checker.document import load_text

    d = load_text(text, "draft.txt")
    role_of: dict[int, str] = {}
    for comp, idxs in d.structure.components.items():
        for n, i in enumerate(idxs):
            role = ROLE_OF_COMPONENT.get(comp, comp)
            if comp == "issuer" and len(idxs) >= 2 and n == 0:
                role = "issuer_parent"
            role_of[i] = role
    b = LayoutBuilder()
    head = [p for p in d.body_paragraphs if role_of.get(p.index) in ("issuer_parent", "issuer", "so_ky_hieu",
                                                                      "quoc_hieu", "tieu_ngu", "place_date")]
    if head:
        left = [(role_of[p.index], p.text) for p in head if role_of[p.index] in ("issuer_parent", "issuer", "so_ky_hieu")]
        right = [(role_of[p.index], p.text) for p in head if role_of[p.index] in ("quoc_hieu", "tieu_ngu", "place_date")]
    else:
        left, right = list(header_left), list(header_right)
    b.table(left, right)
    bottom_left: list = []
    bottom_right: list = []
    for p in d.body_paragraphs:
        role = role_of.get(p.index)
        if p in head or not p.text.strip():
            continue
        if role in ("noi_nhan", "recipient"):
            bottom_left.append((role, p.text))
        elif role in ("authority", "signer"):
            if role == "signer":
                bottom_right += [("blank", ""), ("blank", "")]
            bottom_right.append((role, p.text))
        else:
            b.para(role if role in FORMAT else "body", p.text)
    if bottom_left or bottom_right:
        b.table(bottom_left, bottom_right, widths=(Cm(7.5), Cm(9)))
    b.page_number()
    return b


# ---------------------------------------------------------------------- slim, deterministic packages

_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "word/webSettings.xml", "customXml/")
_STYLE_REF = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink)\s+w:val="([^"]+)"')


def slim(raw: bytes) -> bytes:
    """Drop the template's parts that a notice does not need and the styles it does not use;
    write the zip with fixed timestamps (the same document gives the same bytes)."""
    zin = zipfile.ZipFile(io.BytesIO(raw))
    names = [n for n in zin.namelist() if not any(n == d or (d.endswith("/") and n.startswith(d)) for d in _DROP)]
    dropped = {n for n in zin.namelist() if n not in names}
    used = set()
    for n in names:
        if n.startswith("word/") and n.endswith(".xml") and n != "word/styles.xml":
            used.update(m.decode() for m in _STYLE_REF.findall(zin.read(n)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            data = zin.read(n)
            if n == "word/styles.xml":
                data = _slim_styles(data, used)
            elif n.endswith(".rels") or n == "[Content_Types].xml":
                data = _drop_refs(n, data, dropped)
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
    return out.getvalue()


def _drop_refs(name: str, data: bytes, dropped: set[str]) -> bytes:
    """Remove the relationships and content-type overrides that point to dropped parts."""
    import posixpath

    root = etree.fromstring(data)
    base = posixpath.dirname(posixpath.dirname(name)) if name.endswith(".rels") else ""
    for el in list(root):
        if el.get("TargetMode") == "External":
            continue
        target = el.get("Target") or el.get("PartName")
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") or name == "[Content_Types].xml" else \
            posixpath.normpath(posixpath.join(base, target))
        if part in dropped:
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slim_styles(data: bytes, used: set[str]) -> bytes:
    root = etree.fromstring(data)
    w = f"{{{W_NS}}}"
    by_id = {st.get(w + "styleId"): st for st in root.findall(w + "style")}
    keep = set(used) | {sid for sid, st in by_id.items() if st.get(w + "default") in ("1", "true")}
    todo = list(keep)
    while todo:
        st = by_id.get(todo.pop())
        if st is None:
            continue
        for tag in ("basedOn", "link", "next"):
            el = st.find(w + tag)
            if el is not None and el.get(w + "val") not in keep:
                keep.add(el.get(w + "val"))
                todo.append(el.get(w + "val"))
    for sid, st in by_id.items():
        if sid not in keep:
            root.remove(st)
    ls = root.find(w + "latentStyles")
    if ls is not None:
        root.remove(ls)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------------- fixtures

def _clone(b: LayoutBuilder) -> LayoutBuilder:  # pragma: no cover - builders are cheap to rebuild
    return deepcopy(b)


def fixture_variants() -> dict[str, dict[str, LayoutBuilder]]:
    """code → {fixture name → builder}: one draft breaking the rule alone, one following it."""
    from docx.shared import Cm as _Cm, Pt as _Pt

    v: dict[str, dict[str, LayoutBuilder]] = {}

    def add(code, name, b):
        v.setdefault(code, {})[name] = b

    add("P801", "letter", notice().page(12240, 15840))
    add("P801", "landscape", notice().page(16838, 11906, "landscape"))
    table_notice = notice()
    t = table_notice.doc.add_table(rows=3, cols=3)
    t.style = table_notice.doc.styles["Table Grid"]
    for r, row in enumerate([["Công trình", "Chủ đầu tư", "Thời hạn"], ["Trường học xã Bản Lang", "Sở Xây dựng",
                                                                      "30/9/2021"],
                             ["Cầu Nậm Củm", "Sở Giao thông vận tải", "31/10/2021"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    table_notice.page(16838, 11906, "landscape")
    add("P801", "ok-landscape-table", table_notice)
    add("P801", "ok", notice())

    add("P802", "left-25mm", notice().margins(left=1417))
    add("P802", "ok-bounds", notice().margins(top=1417, bottom=1417, left=1984, right=1134))

    footer = notice(page_numbers=False).page_number(where="footer")
    add("P803", "footer", footer)
    add("P803", "first-page", notice(page_numbers=False).page_number(first_page=True))
    add("P803", "ok", notice())

    add("P804", "size-11", notice(page_numbers=False).page_number(size=11))
    add("P804", "ok-tab-centred", notice(page_numbers=False).page_number(size=13, align="tab"))

    add("P805", "arial-paragraph", notice().run_format("body", 1, font="Arial"))
    calibri = notice()
    rf = calibri.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rf.set(qn(f"w:{slot}"), "Calibri")
    add("P805", "calibri-defaults", calibri)
    themed = notice()
    rf = themed.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:rFonts"))
    rf.set(qn("w:asciiTheme"), "minorHAnsi")
    rf.set(qn("w:hAnsiTheme"), "minorHAnsi")
    theme = themed.doc.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.THEME)
    theme._blob = theme.blob.replace(b'<a:minorFont>\n        <a:latin typeface="Cambria"/>',
                                     b'<a:minorFont>\n        <a:latin typeface="Times New Roman"/>')
    add("P805", "ok-theme-font", themed)

    add("P806", "red-paragraph", notice().run_format("body", 2, color="C00000"))
    add("P806", "ok-near-black", notice().run_format("body", 2, color="1A1A1A"))

    add("P807", "noi-nhan-14", notice().run_format("noi_nhan", size=14))
    add("P807", "ok-half-points", notice().run_format("quoc_hieu", size=12.5))

    add("P808", "date-upright", notice().run_format("place_date", italic=False))
    add("P808", "ok", notice())

    add("P809", "signer-capitals", notice().set_text("signer", 0, "LÊ HOÀNG BÌNH"))
    add("P809", "ok", notice())

    add("P810", "title-left", notice().para_format("title", align="left"))
    add("P810", "ok", notice())

    add("P811", "indent-half-cm", notice().para_format("body", 2, first_line=_Cm(0.5)))
    tab = notice()
    for k in range(len(BODY)):
        tab.para_format("body", k, first_line=0)
        tab.runs_of("body", k)[0]._r.insert(1, parse_xml(f'<w:tab {nsdecls("w")}/>'))
    add("P811", "ok-tab-127", tab)

    add("P812", "no-space", notice().para_format("body", 2, before=0))
    add("P812", "ok-after-6pt", notice().para_format("body", 1, after=_Pt(6)).para_format("body", 2, before=0))

    add("P813", "double", notice().para_format("body", 1, line=480))
    add("P813", "ok-exact-17pt", notice().para_format("body", 1, line=340, line_rule="exact"))

    bad_cc = notice(can_cu=True).set_text("can_cu", 0, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 "
                                                     "tháng 6 năm 2015,")
    add("P814", "comma", bad_cc)
    add("P814", "ok", notice(can_cu=True))

    add("P815", "comma", notice().set_text("recipient", 0, "- Sở Xây dựng,"))
    add("P815", "ok", notice())

    add("P816", "borders", notice(header_borders=True))
    add("P816", "swapped", notice(header_left=HEADER_RIGHT, header_right=HEADER_LEFT))
    add("P816", "ok", notice())
    return v


def write_fixtures(root: Path) -> list[Path]:
    out = []
    for code, variants in fixture_variants().items():
        folder = root / code
        folder.mkdir(parents=True, exist_ok=True)
        for name, b in variants.items():
            out.append(b.save(folder / f"{name}.docx"))
    return out


if __name__ == "__main__":  # python -m tests.layoutbuild --write-fixtures
    if "--write-fixtures" in sys.argv[1:]:
        root = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
        for p in write_fixtures(root):
            print(p.relative_to(root.parent.parent), p.stat().st_size)
    else:
        print(__doc__)
