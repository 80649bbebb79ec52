"""Reader for .docx drafts (python-docx for the package, the XML for what python-docx lacks).

Position contract. Source.text has one line per Word paragraph (w:p), in reading order: the body
paragraphs and tables in document order (table cells row by row, cell by cell, nested tables
inside their cell), then the footnotes and endnotes in the order of their references. So for a
.docx the reported line is the paragraph number (1-based, empty paragraphs included) and the
column is the character offset in that paragraph's text + 1. A line holds the paragraph's own
text as stored: tabs stay tabs; a soft line break (w:br, w:cr) is written as one space;
deleted (tracked) and hidden text, field codes, drawings and text boxes are left out; the
auto-numbering label is not part of it (Word does not store it).

Paragraphs. Each Word paragraph is cut at its soft line breaks into pieces, and the pieces go
through the text reader's own grouping (checker.readers.text.group_lines), so a header cell
"TL. CHỦ TỊCH<w:br/>CHÁNH VĂN PHÒNG" gives two paragraphs, as the same lines do in a .txt file,
and "ỦY BAN NHÂN DÂN" / "TỈNH KON TUM" in the header is one issuing body. Then the grouping is
undone where Word is explicit: two Word paragraphs are never joined across a table cell, an
empty paragraph or an auto-numbered paragraph, and outside the header only when the second one
goes on with a lower-case word after an unfinished sentence (a paragraph broken by Enter).
A Paragraph that joins several pieces spans them like a hard-wrapped text paragraph does.

Auto-numbering (checker.readers.docx_numbering) is rendered as the label a reader sees;
Paragraph.label holds it and Paragraph.text starts with label + " " (those characters point at
the start of the Word paragraph). Footnotes (word/footnotes.xml, endnotes.xml) become
Paragraph.footnote paragraphs after the body, starting with their superscript number; the
reference marks in the body are not text.

Hostile files. Before python-docx reads anything, the zip directory is checked (not a zip,
damaged, encrypted, too many entries, a part or the whole too big, a part compressed beyond a
sane ratio: a zip bomb), every XML part is refused if it declares a DOCTYPE or an ENTITY (XXE,
billion laughs), and the paragraphs of the main document are counted. Any failure is an
InputError E903 with a clear message; so is any file python-docx cannot open. The limits are
module constants, overridable through [tool.rasoat] limits (max-docx-bytes: total unpacked
size, and checker.readers refuses a .docx file larger than it; max-docx-part-bytes: one part;
max-docx-ratio: unpacked/packed size of a part larger than 1 MiB; max-paragraphs). XML parts are
scanned in 1 MiB chunks, so these checks take little memory whatever the file claims.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterator

from ..diagnostics import Msg
from ..errors import InputError
from ..model import Paragraph
from ..source import Source
from ..structure import patterns as P
from ..encodings import convert_run, legacy_font
from .docx_numbering import Numbering, to_int, w, wval
from .text import Line, _hard_start, _starts_lower, build_paragraph, clean_line, column_segments, group_lines

# ------------------------------------------------------------------------------ limits

MAX_DOCX_BYTES = 64 * 1024 * 1024  # total unpacked size of all parts
MAX_DOCX_PART_BYTES = 16 * 1024 * 1024  # unpacked size of one part (an XML part is parsed whole)
MAX_DOCX_RATIO = 100  # unpacked / packed size of one part (checked for parts above RATIO_FLOOR)
MAX_PARAGRAPHS = 30_000  # Word paragraphs (body, tables, footnotes); see readers.MAX_LINES
MAX_ZIP_ENTRIES = 10_000
RATIO_FLOOR = 1024 * 1024  # a small part may compress very well without harm
INDEX_PART_BYTES = 4 * 1024 * 1024  # [Content_Types].xml and _rels/.rels are a few KiB in real files

DEFAULT_LIMITS = {
    "max-docx-bytes": MAX_DOCX_BYTES,
    "max-docx-part-bytes": MAX_DOCX_PART_BYTES,
    "max-docx-ratio": MAX_DOCX_RATIO,
    "max-paragraphs": MAX_PARAGRAPHS,
}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_PART = re.compile(r"(?:\.xml|\.rels)$", re.I)
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_ATTR = re.compile(rb"""\b(PartName|ContentType|Type|Target)\s*=\s*["']([^"']*)["']""")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def limits_of(limits: dict | None) -> dict:
    out = dict(DEFAULT_LIMITS)
    for k, v in (limits or {}).items():
        key = k.replace("_", "-")
        if key in out and isinstance(v, (int, float)) and v > 0:
            out[key] = v
    return out


def _refuse(vi: str, en: str) -> InputError:
    return InputError("E903", Msg(vi, en))


def _mib(n: float) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


# ------------------------------------------------------------------------------ package checks

def inspect_package(raw: bytes, lim: dict) -> None:
    """Refuse a hostile or broken .docx from its zip directory and raw XML, before parsing."""
    if not raw.startswith(b"PK"):
        if raw.startswith(OLE_MAGIC):
            raise _refuse(
                "Tệp không phải .docx: đây là tệp Word 97-2003 (.doc) đổi đuôi hoặc tệp .docx có mật khẩu. "
                "Hãy mở bằng Word, bỏ mật khẩu (nếu có) và lưu lại thành .docx.",
                "Not a .docx file: a Word 97-2003 (.doc) file renamed, or a password-protected .docx. "
                "Open it in Word, remove the password (if any) and save it as .docx.")
        raise _refuse(
            "Tệp không phải .docx (không phải tệp nén zip của Word). Hãy mở bằng Word và lưu lại thành .docx.",
            "Not a .docx file (not a Word zip package). Open it in Word and save it as .docx.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _refuse("Tệp .docx bị hỏng (không đọc được thư mục zip). Hãy mở bằng Word và lưu lại.",
                      "Damaged .docx file (its zip directory cannot be read). Open it in Word and save it again.") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise _refuse(f"Tệp .docx có quá nhiều thành phần ({len(infos)}, giới hạn {MAX_ZIP_ENTRIES}).",
                          f"The .docx file has too many parts ({len(infos)}, limit {MAX_ZIP_ENTRIES}).")
        part_max, total_max, ratio_max = lim["max-docx-part-bytes"], lim["max-docx-bytes"], lim["max-docx-ratio"]
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise _refuse("Tệp .docx có thành phần bị mã hóa: không đọc được.",
                              "The .docx file has an encrypted part: cannot read it.")
            size = info.file_size
            if size > part_max:
                raise _refuse(
                    f"Tệp .docx có thành phần '{info.filename}' quá lớn khi giải nén ({_mib(size)}, giới hạn "
                    f"{_mib(part_max)}): có thể là tệp độc hại (zip bomb). Giới hạn đổi được bằng "
                    "[tool.rasoat] limits.max-docx-part-bytes.",
                    f"The .docx part '{info.filename}' is too large unpacked ({_mib(size)}, limit {_mib(part_max)}): "
                    "possibly a hostile file (zip bomb). The limit is [tool.rasoat] limits.max-docx-part-bytes.")
            total += size
            if total > total_max:
                raise _refuse(
                    f"Tệp .docx quá lớn khi giải nén (trên {_mib(total_max)}): có thể là tệp độc hại (zip bomb). "
                    "Giới hạn đổi được bằng [tool.rasoat] limits.max-docx-bytes.",
                    f"The .docx file is too large unpacked (over {_mib(total_max)}): possibly a hostile file "
                    "(zip bomb). The limit is [tool.rasoat] limits.max-docx-bytes.")
            if size > RATIO_FLOOR and size > ratio_max * max(1, info.compress_size):
                ratio = size / max(1, info.compress_size)
                raise _refuse(
                    f"Thành phần '{info.filename}' của tệp .docx có tỉ lệ nén bất thường ({ratio:.0f}:1, giới hạn "
                    f"{ratio_max:g}:1): có thể là tệp độc hại (zip bomb).",
                    f"The .docx part '{info.filename}' has an abnormal compression ratio ({ratio:.0f}:1, limit "
                    f"{ratio_max:g}:1): possibly a hostile file (zip bomb).")
        by_name = {i.filename: i for i in infos}
        xml_names = [n for n in by_name if _XML_PART.search(n)]
        if "[Content_Types].xml" in by_name:  # parts declared as XML whatever their names
            ct = _read_part(zf, by_name["[Content_Types].xml"], INDEX_PART_BYTES)
            xml_names += [n for n in _xml_overrides(ct) if n in by_name and n not in xml_names]
        main = _main_document_name(zf, by_name)
        # every part an XML parser could read, whatever its name or declared content type
        xml_names += [n for n, i in by_name.items()
                      if n not in xml_names and not n.endswith("/") and _looks_like_xml(zf, i)]
        for name in xml_names:
            n = scan_xml_part(zf, by_name[name], part_max, count=name == main)
            if n > lim["max-paragraphs"]:
                raise _too_many_paragraphs(n, lim)


CHUNK = 1 << 20
_ROOT_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*):document\b")


def scan_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, count: bool = False) -> int:
    """Stream one XML part (in 1 MiB chunks: memory stays small whatever its size): refuse a
    DOCTYPE or ENTITY declaration; with `count`, return the number of paragraph start tags."""
    n = 0
    total = 0
    tail = b""
    decoder = None
    tags: tuple[bytes, ...] = (b"<w:p>", b"<w:p ", b"<w:p/>")
    try:
        with zf.open(info) as fh:
            first = True
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise _refuse(f"Thành phần '{info.filename}' của tệp .docx quá lớn khi giải nén.",
                                  f"The .docx part '{info.filename}' is too large unpacked.")
                if first:
                    decoder = _utf16_decoder(chunk[:4])
                    first = False
                if decoder is not None:
                    try:
                        chunk = decoder.decode(chunk).encode("utf-8")
                    except UnicodeDecodeError:
                        raise _refuse(f"Thành phần '{info.filename}' của tệp .docx không phải XML hợp lệ trong bảng mã của nó.",
                                      f"The .docx part '{info.filename}' is not valid XML in its encoding.") from None
                buf = tail + chunk
                if any(marker in buf for marker in _DTD):
                    raise _dtd_error(info.filename)
                if count:
                    if not n:
                        m = _ROOT_PREFIX.search(buf)
                        if m and m.group(1) != b"w":
                            pre = b"<" + m.group(1) + b":p"
                            tags = (pre + b">", pre + b" ", pre + b"/>")
                    n += sum(buf.count(t) for t in tags) - sum(tail.count(t) for t in tags)
                tail = buf[-32:]
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - CRC errors, bad compressed data, unsupported methods
        raise _refuse(f"Tệp .docx bị hỏng: không giải nén được '{info.filename}'.",
                      f"Damaged .docx file: cannot unpack '{info.filename}'.") from None
    return n


_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_ASCII_SAFE = {"utf-8", "utf_8", "utf8", "ascii", "us-ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"}


def _xml_encoding(head: bytes) -> str | None:
    """The encoding an XML parser (lxml/libxml2) reads a part in, from its first bytes (byte-order
    mark, the pattern of "<?xm" in UTF-32/UTF-16/EBCDIC, else the declaration); None when the
    bytes can be scanned as they are (UTF-8 and ASCII-compatible one-byte encodings)."""
    boms = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, None),
            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, enc in boms:
        if head.startswith(bom):
            return enc
    patterns = {b"\x00\x00\x00<": "utf-32-be", b"<\x00\x00\x00": "utf-32-le", b"\x00<\x00?": "utf-16-be",
                b"<\x00?\x00": "utf-16-le", b"\x4c\x6f\xa7\x94": "cp037"}
    enc = patterns.get(head[:4])
    if enc is not None:
        if enc == "cp037":  # EBCDIC: the declaration (read in cp037) names the code page
            m = _XML_DECL_ENCODING.match(head.decode("cp037", "replace").encode("ascii", "replace"))
            return (m.group(1).decode("ascii") if m else "cp037")
        return enc
    if b"\x00" in head[:4]:
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    m = _XML_DECL_ENCODING.match(head)
    if m:
        name = m.group(1).decode("ascii").lower()
        if name not in _ASCII_SAFE:
            return name
    return None


def _utf16_decoder(head: bytes):
    """An incremental decoder to UTF-8 text for a part whose bytes are not ASCII-compatible (None
    when they are); an encoding Python does not know is refused (lxml might still read it)."""
    enc = _xml_encoding(head)
    if enc is None:
        return None
    try:
        return codecs.getincrementaldecoder(enc)()
    except LookupError:
        raise _refuse(f"Thành phần XML của tệp .docx dùng bảng mã không hỗ trợ ({enc}).",
                      f"An XML part of the .docx file uses an unsupported encoding ({enc}).") from None


def _looks_like_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a part an XML parser could read: its first bytes, decoded as _xml_encoding says,
    begin with "<" (a part named .png or declared by a <Default> content type may be XML too)."""
    try:
        with zf.open(info) as fh:
            head = fh.read(256)
    except Exception:  # noqa: BLE001 - a damaged part is reported when it is read
        return True
    try:
        enc = _xml_encoding(head)
        text = head.decode(enc or "utf-8", "ignore") if enc else head.decode("latin-1")
    except LookupError:
        return True
    return text.lstrip("\ufeff \t\r\n").startswith("<")


def _too_many_paragraphs(n: int, lim: dict) -> InputError:
    cap = int(lim["max-paragraphs"])
    return _refuse(
        f"Tệp .docx có quá nhiều đoạn văn ({n}, giới hạn {cap}): không rà soát. "
        "Giới hạn đổi được bằng [tool.rasoat] limits.max-paragraphs.",
        f"The .docx file has too many paragraphs ({n}, limit {cap}): not checked. "
        "The limit is [tool.rasoat] limits.max-paragraphs.")


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A small index part ([Content_Types].xml, _rels/.rels), read whole."""
    try:
        with zf.open(info) as fh:
            data = fh.read(int(limit) + 1)
    except Exception:  # noqa: BLE001 - CRC errors, bad compressed data, unsupported methods
        raise _refuse(f"Tệp .docx bị hỏng: không giải nén được '{info.filename}'.",
                      f"Damaged .docx file: cannot unpack '{info.filename}'.") from None
    if len(data) > limit:
        raise _refuse(f"Thành phần '{info.filename}' của tệp .docx quá lớn khi giải nén.",
                      f"The .docx part '{info.filename}' is too large unpacked.")
    return data


def _dtd_error(name: str) -> InputError:
    return _refuse(
        f"Tệp .docx có khai báo DOCTYPE/ENTITY trong '{name}' (Word không bao giờ tạo ra): có thể là tệp độc "
        "hại (XXE, \"billion laughs\"). Không rà soát tệp này.",
        f"The .docx file declares a DOCTYPE/ENTITY in '{name}' (Word never writes one): possibly a hostile "
        "file (XXE, \"billion laughs\"). The file is not checked.")


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    return {k: v for k, v in _ATTR.findall(tag)}


def _xml_overrides(content_types: bytes) -> list[str]:
    """Parts declared with an XML content type (other than images) in [Content_Types].xml."""
    out = []
    for tag in _OVERRIDE.findall(content_types):
        a = _attrs(tag)
        ct = a.get(b"ContentType", b"").lower()
        if b"xml" in ct and not ct.startswith(b"image/"):
            out.append(a.get(b"PartName", b"").decode("utf-8", "replace").lstrip("/"))
    return out


def _main_document_name(zf, by_name) -> str | None:
    rels = by_name.get("_rels/.rels")
    if rels is not None:
        for tag in _RELATIONSHIP.findall(_read_part(zf, rels, INDEX_PART_BYTES)):
            a = _attrs(tag)
            if a.get(b"Type", b"").endswith(b"/officeDocument"):
                name = a.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
                if name in by_name:
                    return name
    return "word/document.xml" if "word/document.xml" in by_name else None


# ------------------------------------------------------------------------------ styles

_OFF = ("0", "false", "off", "none")


def _flag(props, tag: str) -> bool | None:
    """A toggle property (w:b, w:i, w:caps, w:vanish) in a w:rPr: True, False or None (unset)."""
    if props is None:
        return None
    el = props.find(w(tag))
    if el is None:
        return None
    return el.get(w("val")) not in _OFF


class Styles:
    """Paragraph and character styles: names, basedOn chains, run formatting, numbering."""

    def __init__(self, styles_el):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.defaults_rpr = None
        self._cache: dict[tuple, object] = {}
        if styles_el is None:
            return
        dd = styles_el.find(w("docDefaults"))
        if dd is not None:
            rd = dd.find(w("rPrDefault"))
            self.defaults_rpr = rd.find(w("rPr")) if rd is not None else None
        for st in styles_el.findall(w("style")):
            sid = st.get(w("styleId"))
            if sid is None:
                continue
            self.by_id.setdefault(sid, st)
            if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                self.default_para = sid

    def chain(self, sid: str | None) -> Iterator:
        seen = set()
        while sid and sid in self.by_id and sid not in seen and len(seen) < 20:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = wval(st, "basedOn")

    def name(self, sid: str | None) -> str | None:
        st = self.by_id.get(sid) if sid else None
        return (wval(st, "name") or sid) if st is not None else sid

    def ppr_child(self, sid: str | None, tag: str):
        """The first w:pPr/<tag> along the style's basedOn chain (None when no style sets it)."""
        key = ("ppr", sid, tag)
        if key not in self._cache:
            found = None
            for st in self.chain(sid):
                ppr = st.find(w("pPr"))
                el = ppr.find(w(tag)) if ppr is not None else None
                if el is not None:
                    found = el
                    break
            self._cache[key] = found
        return self._cache[key]

    def run_font(self, rpr, char_style: str | None, para_style: str | None) -> str | None:
        """The font name of a run (w:rFonts ascii/hAnsi): direct, then the character style, the
        paragraph style, the document defaults."""
        def fonts_of(props):
            rf = props.find(w("rFonts")) if props is not None else None
            if rf is None:
                return None
            return rf.get(w("ascii")) or rf.get(w("hAnsi"))

        direct = fonts_of(rpr)
        if direct:
            return direct
        key = ("font", char_style, para_style)
        if key not in self._cache:
            found = None
            for sid in (char_style, para_style):
                for st in self.chain(sid):
                    found = fonts_of(st.find(w("rPr")))
                    if found:
                        break
                if found:
                    break
            self._cache[key] = found or fonts_of(self.defaults_rpr)
        return self._cache[key]

    def style_flag(self, sid: str | None, tag: str) -> bool | None:
        key = ("rpr", sid, tag)
        if key not in self._cache:
            val = None
            for st in self.chain(sid):
                val = _flag(st.find(w("rPr")), tag)
                if val is not None:
                    break
            self._cache[key] = val
        return self._cache[key]

    def run_flag(self, rpr, char_style: str | None, para_style: str | None, tag: str) -> bool:
        """Direct formatting sets a toggle property (bold, italic, caps, hidden); in the styles it
        toggles (ECMA-376 §17.7.3: bold paragraph style + bold character style = not bold);
        with neither, the document defaults. (checker.layout.styles adds table styles.)"""
        direct = _flag(rpr, tag)
        if direct is not None:
            return direct
        in_styles = (self.style_flag(para_style, tag), self.style_flag(char_style, tag))
        if in_styles != (None, None):
            return bool(in_styles[0]) != bool(in_styles[1])
        return bool(_flag(self.defaults_rpr, tag))

    def numids(self) -> dict[str, str]:
        """styleId → numId for styles that carry numbering (paragraph and numbering styles)."""
        out = {}
        for sid in self.by_id:
            num = self.ppr_child(sid, "numPr")
            nid = wval(num, "numId") if num is not None else None
            if nid:
                out[sid] = nid
        return out


# ------------------------------------------------------------------------------ reading order

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml"))
_WRAPPERS = {_CUSTOM_XML, w("ins"), w("moveTo")}


def _children(el, want: str) -> Iterator:
    """Children `want` of el, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == want:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, want)
        elif child.tag in _WRAPPERS:
            yield from _children(child, want)


def iter_paragraph_elements(body) -> Iterator[tuple[object, str, int | None]]:
    """(w:p element, container, table ordinal) for every paragraph of a body, in reading order.

    container is "body" or "table:R:C" (0-based row and cell of the outermost table, so a
    nested table's paragraphs carry the cell that holds it). `Paragraph.meta["docx_index"]` is
    the position in this sequence (and the Source line - 1), so a later tool (a Word-comment
    annotator) finds the element again with
    `list(iter_paragraph_elements(document.element.body))[docx_index]`. Footnote paragraphs
    continue the numbering after the body; their meta has "note" (footnote|endnote) and
    "note_id" (the w:id of the w:footnote that holds them)."""
    counter = [0]

    def blocks(parent, container: str, table: int | None, depth: int):
        for child in parent:
            tag = child.tag
            if tag == _P:
                yield child, container, table
            elif tag == _TBL:
                t = counter[0] if table is None else table
                if table is None:
                    counter[0] += 1
                for r, tr in enumerate(_children(child, _TR)):
                    for c, tc in enumerate(_children(tr, _TC)):
                        cont = f"table:{r}:{c}" if depth == 0 else container
                        yield from blocks(tc, cont, t, depth + 1)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from blocks(content, container, table, depth)
            elif tag in _WRAPPERS:
                yield from blocks(child, container, table, depth)

    yield from blocks(body, "body", None, 0)


# ------------------------------------------------------------------------------ paragraph text

_R, _T, _TAB, _PTAB, _BR, _CR, _NBH, _SYM = (w(t) for t in ("r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym"))
_FN_REF, _EN_REF = w("footnoteReference"), w("endnoteReference")
_DESCEND = {w(t) for t in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo")}
_LINE_CHARS = str.maketrans({c: " " for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


@dataclass
class RawPara:
    text: str  # the Source line: the paragraph's text, soft breaks as spaces
    bold: list[bool]
    italic: list[bool]
    caps: list[bool]
    breaks: list[int]  # indexes in text of the spaces that stand for soft line breaks
    notes: list[tuple[str, str]]  # ("footnote"|"endnote", id) of the references, in order
    nodes: list[tuple[object, int, int]] = None  # (XML element, start, end) of each piece of text, for editors
    legacy: list[tuple[int, int, str, str]] = None  # (start, end, encoding, font) of text typed in a TCVN3/VNI font


class _Collector:
    def __init__(self, styles: Styles, para_style: str | None):
        self.styles = styles
        self.para_style = para_style
        self.parts: list[str] = []
        self.bold: list[bool] = []
        self.italic: list[bool] = []
        self.caps: list[bool] = []
        self.breaks: list[int] = []
        self.notes: list[tuple[str, str]] = []
        self.nodes: list[tuple[object, int, int]] = []
        self.legacy: list[tuple[int, int, str, str]] = []
        self.n = 0

    def add(self, s: str, flags: tuple[bool, bool, bool], node=None) -> None:
        if not s:
            return
        s = s.translate(_LINE_CHARS)
        self.nodes.append((node, self.n, self.n + len(s)))
        self.parts.append(s)
        k = len(s)
        self.bold.extend([flags[0]] * k)
        self.italic.extend([flags[1]] * k)
        self.caps.extend([flags[2]] * k)
        self.n += k

    def brk(self, flags, node=None) -> None:
        self.breaks.append(self.n)
        self.add(" ", flags, node)

    def walk(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self.run(child)
            elif tag in _DESCEND:
                self.walk(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content)
            # anything else (pPr, deleted or moved-away text, bookmarks, comments, math) is not text

    def run(self, r) -> None:
        rpr = r.find(w("rPr"))
        cstyle = wval(rpr, "rStyle")
        st = self.styles
        if st.run_flag(rpr, cstyle, self.para_style, "vanish"):
            return  # hidden text: a reader does not see it
        flags = (st.run_flag(rpr, cstyle, self.para_style, "b"), st.run_flag(rpr, cstyle, self.para_style, "i"),
                 st.run_flag(rpr, cstyle, self.para_style, "caps"))
        font = st.run_font(rpr, cstyle, self.para_style)
        legacy = font if font and font[:1] in ".Vv" and legacy_font(font) else None
        for child in r:
            tag = child.tag
            if tag == _T:
                text = child.text or ""
                if legacy and text.strip():
                    # typed in a TCVN3/VNI font: read as the Unicode a reader sees (E901 reports it)
                    converted, enc = convert_run(text, legacy)
                    if enc:
                        self.legacy.append((self.n, self.n + len(converted), enc, legacy))
                        text = converted
                self.add(text, flags, child)
            elif tag in (_TAB, _PTAB):
                self.add("\t", flags, child)
            elif tag in (_BR, _CR):
                self.brk(flags, child)
            elif tag == _NBH:
                self.add("-", flags, child)
            elif tag == _SYM:
                ch = _sym_char(child.get(w("char")))
                if ch:
                    self.add(ch, flags, child)
            elif tag == _FN_REF:
                self.notes.append(("footnote", child.get(w("id")) or ""))
            elif tag == _EN_REF:
                self.notes.append(("endnote", child.get(w("id")) or ""))

    def result(self) -> RawPara:
        return RawPara("".join(self.parts), self.bold, self.italic, self.caps, self.breaks, self.notes, self.nodes,
                       self.legacy)


def _sym_char(code: str | None) -> str:
    """The character of a w:sym; symbol-font private-use codes (F0xx) mean nothing as text."""
    try:
        n = int(code or "", 16)
    except ValueError:
        return ""
    if 0xE000 <= n <= 0xF8FF or n < 0x20:
        return ""
    return chr(n)


def read_paragraph(p_el, styles: Styles) -> tuple[RawPara, str | None]:
    ppr = p_el.find(w("pPr"))
    sid = wval(ppr, "pStyle") or styles.default_para
    col = _Collector(styles, sid)
    col.walk(p_el)
    return col.result(), sid


# ------------------------------------------------------------------------------ pieces → paragraphs

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class _Info:
    container: str
    docx_index: int
    first: bool  # the first piece of its Word paragraph
    label: str
    after_blank: bool  # an empty Word paragraph stands between this piece and the previous one
    style: str | None
    alignment: str | None
    table: int | None


def _pieces(raw: RawPara, start: int, no: int, label: str) -> list[Line]:
    """Lines for the pieces of one Word paragraph (cut at soft breaks), label on the first."""
    bounds = [0, *[b for b in raw.breaks], len(raw.text)]
    out: list[Line] = []
    for k in range(len(bounds) - 1):
        a = bounds[k] + (1 if k else 0)
        b = bounds[k + 1]
        for ca, cb in column_segments(raw.text[a:b]):
            ln = clean_line(raw.text[a + ca:a + cb], start + a + ca, markdown=False)
            if ln.text:
                out.append(_flagged(ln, raw, start, no, label if not out else ""))
    if label and not out:
        out.append(Line(no=no, text=label, offsets=[start] * len(label) + [start]))
    return out


def _flagged(ln: Line, raw: RawPara, start: int, no: int, label: str) -> Line:
    """A piece with its bold/italic/caps from the run formatting of its characters (and the
    numbering label in front of the first piece of a paragraph)."""
    chars = list(ln.text)
    letters_b, letters_i = [], []
    for i, ch in enumerate(chars):
        j = ln.offsets[i] - start
        if 0 <= j < len(raw.caps):
            if raw.caps[j]:
                up = ch.upper()
                chars[i] = up if len(up) == 1 else ch
            if ch.isalpha():
                letters_b.append(raw.bold[j])
                letters_i.append(raw.italic[j])
    ln.text = "".join(chars)
    ln.bold = bool(letters_b) and all(letters_b)
    ln.italic = bool(letters_i) and all(letters_i)
    ln.no = no
    if label:
        ln.text = f"{label} {ln.text}"
        ln.offsets = [start] * (len(label) + 1) + list(ln.offsets)
    return ln


def _keep_joined(a: Line, ia: _Info, b: Line, ib: _Info, zone: str) -> bool:
    """May the text reader's join of line a and the next line b stand in a .docx?"""
    if ib.container != ia.container or ib.label or ib.after_blank:
        return False
    if ib.docx_index == ia.docx_index:
        return True  # pieces of one Word paragraph (a soft break): the text reader decides
    if zone == "header":
        return True
    return _starts_lower(b.text) and not P.is_terminal(a.text) and not _hard_start(b.text)


def _split_groups(groups, info: dict[int, _Info]):
    for lines, zone in groups:
        cur = [lines[0]]
        for a, b in zip(lines, lines[1:]):
            if _keep_joined(a, info[id(a)], b, info[id(b)], zone):
                cur.append(b)
            else:
                yield cur, zone
                cur = [b]
        yield cur, zone


# ------------------------------------------------------------------------------ the reader

def read_docx(path: str, raw: bytes, limits: dict | None = None) -> tuple[Source, list[Paragraph]]:
    """Read a .docx draft: (Source with one line per Word paragraph, paragraphs)."""
    lim = limits_of(limits)
    inspect_package(raw, lim)
    try:
        document = _open_document(raw)
    except Exception as exc:  # noqa: BLE001 - any failure of python-docx is an unreadable file
        raise _refuse(f"Không mở được tệp .docx ({type(exc).__name__}: {_short(exc)}). Hãy mở bằng Word và lưu lại.",
                      f"Cannot open the .docx file ({type(exc).__name__}: {_short(exc)}). Open it in Word and save it again.") from None
    try:
        return _render(path, raw, document, lim)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed package must not end the run
        raise _refuse(f"Không đọc được nội dung tệp .docx ({type(exc).__name__}: {_short(exc)}).",
                      f"Cannot read the content of the .docx file ({type(exc).__name__}: {_short(exc)}).") from None


# parts the reader never looks at (the reading order is body, tables and notes): python-docx would
# parse each into a tree when it opens the package (four 15.5 MiB headers once took 270 MiB)
_UNREAD_PARTS = ("header+xml", "footer+xml", "comments+xml", "commentsExtended+xml", "commentsIds+xml",
                 "commentsExtensible+xml", "people+xml", "glossary.document.main+xml")


def _open_document(raw: bytes):
    """python-docx's Document, with the parts the reader never reads left as empty, unparsed
    parts (their bytes dropped)."""
    import docx  # python-docx; imported here so that a .txt run never loads it
    from docx.opc.part import Part, PartFactory

    class Unread(Part):
        @classmethod
        def load(cls, partname, content_type, blob, package):
            return cls(partname, content_type, b"", package)

    base = PartFactory.part_class_selector

    def selector(content_type: str, reltype: str):
        if content_type.endswith(_UNREAD_PARTS):
            return Unread
        return base(content_type, reltype) if base is not None else None

    PartFactory.part_class_selector = selector
    try:
        return docx.Document(io.BytesIO(raw))
    finally:
        PartFactory.part_class_selector = base


def _short(exc: Exception) -> str:
    s = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return s[:160]


def _numbering_root(document):
    try:
        return document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return None


def _note_roots(document) -> dict[str, object]:
    """The w:footnotes and w:endnotes roots (python-docx has no API: parse the package parts)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml

    out = {}
    for rel in document.part.rels.values():
        kind = {RT.FOOTNOTES: "footnote", RT.ENDNOTES: "endnote"}.get(rel.reltype)
        if kind is None or rel.is_external:
            continue
        part = rel.target_part
        el = getattr(part, "element", None)
        if el is None:
            try:
                el = parse_xml(part.blob)
            except Exception:  # noqa: BLE001 - lxml syntax errors
                raise _refuse(f"Tệp .docx bị hỏng: phần chú thích '{part.partname}' không phải XML hợp lệ.",
                              f"Damaged .docx file: the notes part '{part.partname}' is not valid XML.") from None
        out[kind] = el
    return out


def _paragraph_numbering(p_el, sid: str | None, styles: Styles, numbering: Numbering) -> tuple[str | None, int]:
    ppr = p_el.find(w("pPr"))
    num = ppr.find(w("numPr")) if ppr is not None else None
    num_id = wval(num, "numId") if num is not None else None
    ilvl = to_int(wval(num, "ilvl")) if num is not None else None
    if num_id is None or ilvl is None:
        snum = styles.ppr_child(sid, "numPr")
        if snum is not None:
            if num_id is None:
                num_id = wval(snum, "numId")
            if ilvl is None:
                ilvl = to_int(wval(snum, "ilvl"))
    if num_id is None:
        return None, 0
    if ilvl is None:
        ilvl = numbering.level_for_style(num_id, sid)
    return num_id, ilvl


def _alignment(p_el, sid, styles: Styles) -> str | None:
    ppr = p_el.find(w("pPr"))
    jc = ppr.find(w("jc")) if ppr is not None else None
    if jc is None:
        jc = styles.ppr_child(sid, "jc")
    return jc.get(w("val")) if jc is not None else None


def _render(path: str, raw: bytes, document, lim: dict) -> tuple[Source, list[Paragraph]]:
    styles = Styles(document.styles.element)
    numbering = Numbering(_numbering_root(document), styles.numids())
    cap = lim["max-paragraphs"]
    src_lines: list[str] = []
    offset = 0
    lines: list[Line] = []
    info: dict[int, _Info] = {}
    note_order: list[tuple[str, str]] = []
    legacy_spans: list[tuple[int, int, str, str]] = []
    blank = False

    def add_paragraph(p_el, container: str, table: int | None, label_for_note: str | None = None) -> list[Line]:
        nonlocal offset, blank
        k = len(src_lines)
        if k >= cap:
            raise _too_many_paragraphs(k + 1, lim)
        rp, sid = read_paragraph(p_el, styles)
        num_id, ilvl = _paragraph_numbering(p_el, sid, styles, numbering)
        label = numbering.next_label(num_id, ilvl) if num_id else None
        if label_for_note:
            label = label_for_note
        src_lines.append(rp.text)
        start = offset
        for a, b, enc, font in rp.legacy or ():
            legacy_spans.append((start + a, start + b, enc, font))
        offset += len(rp.text) + 1
        note_order.extend(rp.notes)
        pieces = _pieces(rp, start, k + 1, label or "")
        if not pieces:
            blank = True
            return []
        meta = _Info(container, k, True, label or "", blank, styles.name(sid), _alignment(p_el, sid, styles), table)
        for j, ln in enumerate(pieces):
            info[id(ln)] = meta if j == 0 else _Info(container, k, False, "", False, meta.style, meta.alignment, table)
        blank = False
        return pieces

    for p_el, container, table in iter_paragraph_elements(document.element.body):
        lines.extend(add_paragraph(p_el, container, table))
        if not lines or lines[-1].no != len(src_lines):
            lines.append(Line(no=len(src_lines), text="", offsets=[offset - 1]))  # an empty Word paragraph
            info[id(lines[-1])] = _Info(container, len(src_lines) - 1, True, "", True, None, None, table)

    paras: list[Paragraph] = []
    for group, zone in _split_groups(group_lines(lines), info):
        paras.append(_finish(build_paragraph(group, zone), group, info))

    # footnotes and endnotes, in the order of their first reference
    roots = _note_roots(document)
    done: set[tuple[str, str]] = set()
    ordinal = 0
    for kind, nid in note_order:
        if (kind, nid) in done or kind not in roots:
            continue
        done.add((kind, nid))
        note = _find_note(roots[kind], kind, nid)
        if note is None:
            continue
        ordinal += 1
        mark = str(ordinal).translate(_SUPERSCRIPT)
        first = True
        for p_el, _container, _table in iter_paragraph_elements(note):
            blank = False
            group = add_paragraph(p_el, kind, None, label_for_note=mark if first else None)
            first = False
            if group:
                p = _finish(build_paragraph(group, "footnote"), group, info)
                p.footnote = True
                p.meta.update({"note": kind, "note_id": nid})
                paras.append(p)

    if not any(p.text for p in paras):
        raise InputError("E904", Msg("Tệp .docx không có nội dung để rà soát.", "The .docx file has no text to check."))
    for i, p in enumerate(paras):
        p.index = i
        if legacy_spans:
            _attach_legacy(p, legacy_spans)
    source = Source(path=path, text="\n".join(src_lines), kind="docx", encoding="utf-8", raw=raw)
    return source, paras


def _attach_legacy(p: Paragraph, spans: list[tuple[int, int, str, str]]) -> None:
    """Paragraph.meta["legacy"]: the legacy-font spans of the paragraph, in its text's indexes."""
    import bisect

    lo, hi = p.offsets[0], p.offsets[-1]
    for a, b, enc, font in spans:
        if b <= lo or a >= hi:
            continue
        i = bisect.bisect_left(p.offsets, a, 0, len(p.text))
        j = bisect.bisect_left(p.offsets, b, 0, len(p.text))
        p.meta.setdefault("legacy", []).append({"start": i, "end": max(j, i + 1), "encoding": enc, "font": font})


def _find_note(root, kind: str, nid: str):
    for note in root.iter(w(kind)):
        if note.get(w("id")) == nid and note.get(w("type")) in (None, "normal"):
            return note
    return None


def _finish(p: Paragraph, group: list[Line], info: dict[int, _Info]) -> Paragraph:
    first = info[id(group[0])]
    p.label = first.label
    p.container = first.container
    p.meta.update({
        "docx_index": first.docx_index,
        "docx_indexes": sorted({info[id(ln)].docx_index for ln in group}),
        "style": first.style,
        "alignment": first.alignment,
    })
    if first.table is not None:
        p.meta["table"] = first.table
    return p
