"""Resolved formatting of the paragraphs of a Document: runs with their spans, paragraph properties.

`layout_of(doc)` parses the package once per document (kept in doc.cache) and only for a .docx;
a .txt or .md document gets None, so every layout rule yields nothing for it. The run spans come
from the docx reader's own text walk (the same characters, in the same order, as the Source
line), so a run's span is a real span of the Paragraph the reader built: line k + 1 of the
Source is Word paragraph k, and Paragraph.offsets map each character back to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Paragraph
from .ooxml import w
from .package import Package
from .styles import ParaProps, RunProps, StyleSheet

CACHE_KEY = "layout"


@dataclass
class WordPara:
    k: int  # docx_index
    el: object
    container: str
    table: object | None  # the w:tbl it is in
    props: ParaProps
    spans: list[tuple[object, int, int]]  # (w:r, start, end) in the Source line's coordinates
    text: str  # the Source line
    exact: bool  # the spans were checked against the Source line


@dataclass
class RunView:
    el: object  # w:r (None: the paragraph's default formatting, e.g. an auto-numbering label)
    props: RunProps
    start: int  # span in Paragraph.text
    end: int
    text: str
    word: WordPara

    @property
    def visible(self) -> bool:
        """The run shows letters or digits (not only spaces, tabs, punctuation)."""
        return any(ch.isalnum() for ch in self.text)


class Layout:
    def __init__(self, doc, pkg: Package):
        self.doc = doc
        self.pkg = pkg
        self.sheet = StyleSheet(pkg.styles, pkg.theme, pkg.numbering)
        self._words: dict[int, WordPara] = {}
        self._runs: dict[int, list[RunView]] = {}
        self._rprops: dict[int, RunProps] = {}
        self._reader_styles = None

    # ------------------------------------------------------------------ Word paragraphs
    def word(self, k: int) -> WordPara | None:
        if k in self._words:
            return self._words[k]
        if not 0 <= k < len(self.pkg.paragraphs):
            return None
        p_el, container, _t = self.pkg.paragraphs[k]
        tbl = _ancestor(p_el, w("tbl"))
        line = self.doc.source.line_text(k + 1)
        spans, exact = self._spans(p_el, line)
        size = self.run_props(None, p_el, tbl).size.value / 2
        props = self.sheet.para_props(p_el, self.sheet.table_style(tbl), size_pt=size or 14.0)
        wp = WordPara(k, p_el, container, tbl, props, spans, line, exact)
        self._words[k] = wp
        return wp

    def _spans(self, p_el, line: str) -> tuple[list[tuple[object, int, int]], bool]:
        try:
            from ..readers import docx as reader

            if self._reader_styles is None:
                self._reader_styles = reader.Styles(self.pkg.styles)
            ppr = p_el.find(w("pPr"))
            ps = ppr.find(w("pStyle")) if ppr is not None else None
            sid = (ps.get(w("val")) if ps is not None else None) or self._reader_styles.default_para
            col = _span_collector()(self._reader_styles, sid)
            col.walk(p_el)
            if "".join(col.parts) == line:
                return col.spans, True
        except Exception:  # noqa: BLE001 - the reader's internals changed: fall back to whole paragraphs
            pass
        runs = [r for r in p_el.iter(w("r"))]
        return [(r, 0, len(line)) for r in runs[:1]], False

    def run_props(self, r_el, p_el, tbl=None) -> RunProps:
        # keyed by the elements themselves (kept alive by the dict): an id() of a freed lxml proxy
        # is reused by the next one, which would get the wrong run's properties
        key = r_el if r_el is not None else ("p", p_el)
        if key not in self._rprops:
            self._rprops[key] = self.sheet.run_props(r_el, self.sheet.para_style(p_el), self.sheet.table_style(tbl))
        return self._rprops[key]

    # ------------------------------------------------------------------ Paragraphs
    def words_of(self, p: Paragraph) -> list[WordPara]:
        out = []
        for k in p.meta.get("docx_indexes") or ([p.meta["docx_index"]] if "docx_index" in p.meta else []):
            wp = self.word(k)
            if wp is not None:
                out.append(wp)
        return out

    def runs(self, p: Paragraph) -> list[RunView]:
        """The runs that show characters of paragraph p, with their spans in p.text."""
        if p.index in self._runs:
            return self._runs[p.index]
        out: list[RunView] = []
        if p.footnote:
            self._runs[p.index] = out
            return out
        starts = self.doc.source.line_starts
        skip = len(p.label) + 1 if p.label else 0
        by_offset: dict[int, list[int]] = {}
        for i in range(skip, len(p.text)):
            by_offset.setdefault(p.offsets[i], []).append(i)
        for wp in self.words_of(p):
            if wp.k >= len(starts):
                continue
            base = starts[wp.k]
            for r, a0, b0 in wp.spans:
                idx = [i for off in range(base + a0, base + b0) for i in by_offset.get(off, ())]
                if not idx:
                    continue
                i0, i1 = min(idx), max(idx) + 1
                out.append(RunView(r, self.run_props(r, wp.el, wp.table), i0, i1, p.text[i0:i1], wp))
        self._runs[p.index] = out
        return out


@lru_cache(maxsize=1)
def _span_collector():
    """The docx reader's own text walk, recording where each run's characters fall in the line."""
    from ..readers import docx as reader

    class _Spans(reader._Collector):
        def __init__(self, styles, sid):
            super().__init__(styles, sid)
            self.spans = []

        def run(self, r):
            n0 = self.n
            super().run(r)
            if self.n > n0:
                self.spans.append((r, n0, self.n))

    return _Spans


def _ancestor(el, tag: str):
    p = el.getparent()
    while p is not None:
        if p.tag == tag:
            return p
        p = p.getparent()
    return None


def layout_of(doc, pkg: Package | None = None) -> Layout | None:
    """The layout view of a .docx document (None for text input or an unreadable package). With
    `pkg`, a view of that package (the fixer's working copy), not cached."""
    if doc.source.kind != "docx" or not doc.source.raw:
        return None
    if pkg is not None:
        return Layout(doc, pkg)
    if CACHE_KEY not in doc.cache:
        try:
            doc.cache[CACHE_KEY] = Layout(doc, Package(doc.source.raw))
        except Exception:  # noqa: BLE001 - the reader accepted the file; a part layout needs is broken
            doc.cache[CACHE_KEY] = None
    return doc.cache[CACHE_KEY]
