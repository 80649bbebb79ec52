"""Build .docx test drafts with python-docx (no binary test files are committed).

    b = DocxBuilder()
    b.header_table(["**ỦY BAN NHÂN DÂN**", "**TỈNH KON TUM**", "Số: 12/TB-UBND"],
                   ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
                    "*Kon Tum, ngày 10 tháng 8 năm 2021*"])
    b.para("**THÔNG BÁO**", align="center")
    nums = b.numbering([("decimal", "%1."), ("lowerLetter", "%2)"), ("bullet", "-")])
    b.item("Sở Tài chính:", nums, level=0)          # "1. Sở Tài chính:"
    b.item("rà soát^[Theo Kế hoạch số 5/KH-UBND.]", nums, level=1)   # "a) rà soát" + footnote
    b.save(tmp_path / "draft.docx")

Paragraph text is a small markup: **bold**, *italic*, a newline for a soft line break (w:br),
^[text] for a footnote reference whose footnote says `text`. Also here: helpers that rewrite
parts of a saved package and build hostile files (zip bomb, XXE, many paragraphs).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TOKEN = re.compile(r"\*\*|\*|\n|\^\[([^\]]*)\]")
_FOOTNOTE_REF = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


@dataclass
class ListDef:
    """One Word list: an abstractNum and the numId paragraphs point to."""

    abstract_id: int
    num_id: int


class DocxBuilder:
    def __init__(self):
        self.doc = docx.Document()
        self._footnotes: list[tuple[int, str]] = []
        self._next_abstract = 100
        self._next_num = 100

    # ------------------------------------------------------------------ paragraphs
    def _fill(self, p, markup: str, bold: bool = False, italic: bool = False):
        pos = 0
        b, i = bold, italic

        def run(text):
            if text:
                r = p.add_run(text)
                r.bold = b or None
                r.italic = i or None
                return r
            return None

        for m in _TOKEN.finditer(markup):
            run(markup[pos:m.start()])
            tok = m.group(0)
            if tok == "**":
                b = not b
            elif tok == "*":
                i = not i
            elif tok == "\n":
                r = p.add_run()
                r.add_break()
            else:
                self._footnote_ref(p, m.group(1))
            pos = m.end()
        run(markup[pos:])
        return p

    def para(self, markup: str = "", *, style: str | None = None, align: str | None = None,
             bold: bool = False, italic: bool = False, container=None):
        """A paragraph in the body (or in `container`, a table cell)."""
        target = container if container is not None else self.doc
        if container is not None and len(container.paragraphs) == 1 and not container.paragraphs[0].text \
                and not getattr(container, "_rasoat_used", False):
            p = container.paragraphs[0]  # a new cell has one empty paragraph: use it
            container._rasoat_used = True
            if style:
                p.style = style
        else:
            p = target.add_paragraph(style=style)
        if align:
            p.alignment = ALIGN[align]
        return self._fill(p, markup, bold, italic)

    def empty(self):
        return self.doc.add_paragraph()

    # ------------------------------------------------------------------ tables
    def table(self, rows: list[list[list[str]]]):
        """A borderless layout table: rows of cells, each cell a list of paragraph markups."""
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        for r, row in enumerate(rows):
            for c, paras in enumerate(row):
                cell = t.cell(r, c)
                for markup in paras:
                    self.para(markup, align="center", container=cell)
        return t

    def header_table(self, left: list[str], right: list[str]):
        """The ND30 header: issuing body and Số on the left; Quốc hiệu, Tiêu ngữ, date on the right."""
        return self.table([[left, right]])

    def signature_table(self, left: list[str], right: list[str]):
        """The bottom block: Nơi nhận on the left, the signature on the right."""
        return self.table([[left, right]])

    # ------------------------------------------------------------------ numbering
    def numbering(self, levels: list[tuple[str, str]], starts: list[int] | None = None,
                  restarts: dict[int, int] | None = None) -> ListDef:
        """Define a list: levels as (numFmt, lvlText), e.g. ("decimal", "%1."), ("bullet", "")."""
        numbering = self.doc.part.numbering_part.element
        aid = self._next_abstract
        self._next_abstract += 1
        lvls = []
        for k, (fmt, text) in enumerate(levels):
            start = starts[k] if starts and k < len(starts) else 1
            restart = f'<w:lvlRestart w:val="{restarts[k]}"/>' if restarts and k in restarts else ""
            font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>' \
                if fmt == "bullet" and text == "\uf0b7" else ""
            lvls.append(
                f'<w:lvl w:ilvl="{k}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{restart}'
                f'<w:lvlText w:val="{_attr(text)}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{720 * (k + 1)}" w:hanging="360"/></w:pPr>{font}</w:lvl>')
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                             f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # every abstractNum must precede the w:num elements
        else:
            numbering.append(abstract)
        return ListDef(aid, self._add_num(aid))

    def _add_num(self, aid: int, overrides: dict[int, int] | None = None) -> int:
        nid = self._next_num
        self._next_num += 1
        ov = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                     for k, v in (overrides or {}).items())
        self.doc.part.numbering_part.element.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'))
        return nid

    def restart(self, lst: ListDef, start: int = 1, level: int = 0) -> ListDef:
        """A new numId over the same abstractNum that restarts `level` at `start` (Word's "Restart at 1")."""
        return ListDef(lst.abstract_id, self._add_num(lst.abstract_id, {level: start}))

    def continue_list(self, lst: ListDef) -> ListDef:
        """A new numId over the same abstractNum without override (Word continues the numbering)."""
        return ListDef(lst.abstract_id, self._add_num(lst.abstract_id))

    def item(self, markup: str, lst: ListDef, level: int = 0, container=None, **kw):
        p = self.para(markup, container=container, **kw)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                             f'<w:numId w:val="{lst.num_id}"/></w:numPr>'))
        return p

    # ------------------------------------------------------------------ footnotes
    def _footnote_ref(self, p, text: str):
        fid = len(self._footnotes) + 1
        self._footnotes.append((fid, text))
        p._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{fid}"/></w:r>'))

    def _footnotes_xml(self) -> bytes:
        notes = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            '</w:footnote>',
        ]
        for fid, text in self._footnotes:
            paras = "".join(
                f'<w:p>{_FOOTNOTE_REF if k == 0 else ""}'
                f'<w:r><w:t xml:space="preserve">{" " if k == 0 else ""}{escape(line)}</w:t></w:r></w:p>'
                for k, line in enumerate(text.split("\n\n")))
            notes.append(f'<w:footnote w:id="{fid}">{paras}</w:footnote>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:footnotes xmlns:w="{W_NS}">{"".join(notes)}</w:footnotes>').encode("utf-8")

    # ------------------------------------------------------------------ saving
    def save(self, path) -> Path:
        path = Path(path)
        if self._footnotes:
            part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, self._footnotes_xml(), self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
        self.doc.save(str(path))
        return path


# ---------------------------------------------------------------------- package surgery, hostile files

def rewrite_parts(src: Path, dst: Path, parts: dict[str, bytes], drop: tuple[str, ...] = ()) -> Path:
    """Copy a .docx, replacing or adding parts (name → bytes) and dropping some."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in parts or info.filename in drop:
                continue
            zout.writestr(info, zin.read(info.filename))
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


def document_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def zip_bomb(src: Path, dst: Path, size: int, name: str = "word/media/image1.png") -> Path:
    """A small .docx with one part of `size` zero bytes (streamed: never `size` bytes in memory)."""
    rewrite_parts(src, dst, {}, drop=(name,))
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            left = size
            while left > 0:
                fh.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return dst


XXE_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
).encode("utf-8")

BILLION_LAUGHS_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10))
    + f']>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
).encode("utf-8")


def many_paragraphs_document(n: int) -> bytes:
    """A main document of n short paragraphs (each different, so it compresses like real text)."""
    return document_xml("".join(f"<w:p><w:r><w:t>{k}. Nội dung đoạn {k * 7919 % 100003}.</w:t></w:r></w:p>"
                                for k in range(n)))
