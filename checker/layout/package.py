"""The parts of a .docx package that layout needs, parsed once, and written back after fixes.

A Package holds the raw zip and parses a part (lxml, no DTD, no entities, no network) the first
time it is asked for. The main document's paragraphs come in the reader's reading order
(checker.readers.docx.iter_paragraph_elements), so `paragraphs[k]` is the Word paragraph whose
Source line is k + 1 and whose Paragraph carries meta["docx_index"] == k.

Sections: every w:sectPr (in the w:pPr of a section's last paragraph, and the body's own one for
the last section) with its page size, margins, title-page flag and header/footer parts (a section
without a reference of a type inherits it from the section before, as Word does).

Fixes change elements in place and `touch()` them; `to_bytes()` writes a new zip in which only
the touched parts are re-serialised, every other entry is copied byte for byte.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from functools import lru_cache

from ..readers.docx import iter_paragraph_elements
from .ooxml import EP_NS, REL_NS, etree, r_attr, w


@lru_cache(maxsize=1)
def _parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_blank_text=False)


RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TBL, _SDT, _SDT_CONTENT, _P = w("tbl"), w("sdt"), w("sdtContent"), w("p")
_WRAPPERS = {w("customXml"), w("ins"), w("moveTo")}


@dataclass
class Section:
    index: int
    sect_pr: object
    first: int  # docx_index of its first Word paragraph
    last: int  # docx_index of its last Word paragraph
    headers: dict[str, str] = field(default_factory=dict)  # "default" | "first" | "even" → part name
    footers: dict[str, str] = field(default_factory=dict)
    tables: list = field(default_factory=list)  # top-level w:tbl elements in the section


class Package:
    def __init__(self, raw: bytes):
        self.raw = raw
        self._zip = zipfile.ZipFile(io.BytesIO(raw))
        self.names = set(self._zip.namelist())
        self._roots: dict[str, object] = {}
        self._part_of_root: dict[int, str] = {}
        self._changed: set[str] = set()
        self.cache: dict = {}  # memo of resolved formatting (per package: a fixed copy is a new package)
        self.main = self._main_name()
        self.document = self.xml(self.main)
        if self.document is None:
            raise ValueError("the package has no main document part")
        self.body = self.document.find(w("body"))
        rels = self.rels(self.main)
        self.styles = self._related(rels, "styles")
        self.numbering = self._related(rels, "numbering")
        self.theme = self._related(rels, "theme")
        self.settings = self._related(rels, "settings")
        self.app = self._related(self.rels(""), "extended-properties")
        self.paragraphs = list(iter_paragraph_elements(self.body)) if self.body is not None else []
        self.sections = self._sections(rels)

    # ------------------------------------------------------------------ parts
    def xml(self, name: str | None):
        """The parsed root of a part (None when absent or not well-formed XML)."""
        if not name or name not in self.names:
            return None
        if name not in self._roots:
            try:
                root = etree.fromstring(self._zip.read(name), _parser())
            except (etree.XMLSyntaxError, ValueError, KeyError, zipfile.BadZipFile):
                root = None
            self._roots[name] = root
            if root is not None:
                self._part_of_root[id(root)] = name
        return self._roots[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (relationship type, target part name, external) of a part ("" = the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rels_name)
        out = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target, external)
        return out

    def _related(self, rels, kind: str):
        for typ, target, external in rels.values():
            if not external and typ.endswith("/" + kind):
                return self.xml(target)
        return None

    def _main_name(self) -> str:
        for typ, target, external in self.rels("").values():
            if not external and typ.endswith("/officeDocument") and target in self.names:
                return target
        return "word/document.xml"

    @property
    def app_pages(self) -> int | None:
        """The page count Word saved in docProps/app.xml (None when absent)."""
        if self.app is None:
            return None
        el = self.app.find(f"{{{EP_NS}}}Pages")
        try:
            return int(el.text) if el is not None and el.text else None
        except ValueError:
            return None

    # ------------------------------------------------------------------ sections
    def _sections(self, rels) -> list[Section]:
        out: list[Section] = []
        start = 0
        ends = []
        for k, (p_el, container, _t) in enumerate(self.paragraphs):
            ppr = p_el.find(w("pPr"))
            if container == "body" and ppr is not None and ppr.find(w("sectPr")) is not None:
                ends.append((k, ppr.find(w("sectPr"))))
        final = self.body.find(w("sectPr")) if self.body is not None else None
        last_k = len(self.paragraphs) - 1
        if final is not None or not ends:
            ends.append((last_k, final))
        elif ends[-1][0] != last_k:
            ends.append((last_k, None))
        headers: dict[str, str] = {}
        footers: dict[str, str] = {}
        for i, (k, sp) in enumerate(ends):
            sec = Section(i, sp, start, k)
            if sp is not None:
                for ref in sp.findall(w("headerReference")):
                    target = rels.get(ref.get(r_attr("id")) or "")
                    if target and not target[2]:
                        headers[ref.get(w("type")) or "default"] = target[1]
                for ref in sp.findall(w("footerReference")):
                    target = rels.get(ref.get(r_attr("id")) or "")
                    if target and not target[2]:
                        footers[ref.get(w("type")) or "default"] = target[1]
            sec.headers, sec.footers = dict(headers), dict(footers)
            out.append(sec)
            start = k + 1
        tables = top_tables(self.body) if self.body is not None else []
        first_para_of_table: dict[int, int] = {}
        for k, (_p, _c, t) in enumerate(self.paragraphs):
            if t is not None:
                first_para_of_table.setdefault(t, k)
        for t, tbl in enumerate(tables):
            k = first_para_of_table.get(t)
            if k is None:
                continue
            for sec in out:
                if sec.first <= k <= sec.last:
                    sec.tables.append(tbl)
                    break
        return out

    def section_of(self, k: int) -> Section | None:
        for sec in self.sections:
            if sec.first <= k <= sec.last:
                return sec
        return self.sections[-1] if self.sections else None

    # ------------------------------------------------------------------ writing
    def touch(self, el) -> None:
        """Mark the part that holds `el` as changed."""
        root = el.getroottree().getroot()
        name = self._part_of_root.get(id(root))
        if name:
            self._changed.add(name)

    @property
    def changed(self) -> bool:
        return bool(self._changed)

    def to_bytes(self) -> bytes:
        if not self._changed:
            return self.raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for info in self._zip.infolist():
                if info.filename in self._changed:
                    data = etree.tostring(self._roots[info.filename], xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
                else:
                    data = self._zip.read(info)
                zout.writestr(info, data, compress_type=info.compress_type)
        return out.getvalue()


def top_tables(body) -> list:
    """The top-level tables of a body in reading order (the ordinals of iter_paragraph_elements)."""
    out = []

    def walk(parent):
        for child in parent:
            if child.tag == _TBL:
                out.append(child)
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content)
            elif child.tag in _WRAPPERS:
                walk(child)

    walk(body)
    return out


def table_shape(tbl) -> tuple[int, int]:
    """(rows, most cells in a row) of a table."""
    rows = [tr for tr in tbl.iter(w("tr")) if _owner_table(tr) is tbl]
    cols = max((len([tc for tc in tr.iter(w("tc")) if _owner_table(tc) is tbl]) for tr in rows), default=0)
    return len(rows), cols


def _owner_table(el):
    p = el.getparent()
    while p is not None and p.tag != _TBL:
        p = p.getparent()
    return p
