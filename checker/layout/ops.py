"""Layout problems and the formatting changes (ops) that repair them.

A P8xx rule module computes a list of Problem for a document (`problems(doc, layout)`); its
`check` turns each into an engine Hit, and the fixer (checker.layout.fix.format_docx) applies
their ops to a working copy of the package. An op changes formatting only (a run's or a style's
w:rPr, a section's page size or margins): never a w:t, so the text cannot change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..diagnostics import Msg
from ..engine import Hit
from ..model import Paragraph
from .ooxml import OFF, RPR_ORDER, SECTPR_ORDER, child, insert_ordered, w

TNR = "Times New Roman"
STYLE_ORDER = ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
               "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
               "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"]


@dataclass
class Op:
    el: object  # the element changed (its part is marked changed)
    change: Callable[[object], bool]  # makes the change; True when something changed
    what: str = ""

    def apply(self, pkg) -> bool:
        changed = bool(self.change(self.el))
        if changed:
            pkg.touch(self.el)
        return changed


@dataclass
class Problem:
    message: Msg
    para: Paragraph | None = None
    start: int = 0
    end: int | None = None
    offset: int | None = None
    hint: Msg | None = None
    severity: str | None = None
    ops: list[Op] = field(default_factory=list)  # formatting changes (rasoat format)
    suggestion: str | None = None
    replacement: str | None = None  # a text fix of the span (P814, P815: punctuation), never applied by format

    def hit(self) -> Hit:
        if self.para is not None:
            return Hit(self.message, para=self.para, start=self.start, end=self.end, hint=self.hint,
                       severity=self.severity, suggestion=self.suggestion, replacement=self.replacement,
                       data=self._data())
        return Hit(self.message, offset=self.offset or 0, hint=self.hint, severity=self.severity, data=self._data())

    def _data(self) -> dict:
        # a formatting fix is applied by --fix / `rasoat format`, not by a text edit
        return {"fixed_by": "format"} if self.ops else {}


# ---------------------------------------------------------------------- run properties

def run_rpr(r_el):
    """The w:rPr of a run, created as its first child when missing."""
    rpr = r_el.find(w("rPr"))
    if rpr is None:
        from lxml import etree

        rpr = etree.Element(w("rPr"))
        r_el.insert(0, rpr)
    return rpr


def set_toggle(r_el, tag: str, value: bool) -> Op:
    """Bold (b) or italic (i) of a run, set by direct formatting."""

    def change(r):
        rpr = run_rpr(r)
        el = child(rpr, tag, RPR_ORDER, create=False)
        if el is None:
            el = child(rpr, tag, RPR_ORDER)
            if not value:
                el.set(w("val"), "0")
            return True
        if (el.get(w("val")) not in OFF) == value:
            return False
        if value:
            el.attrib.pop(w("val"), None)
        else:
            el.set(w("val"), "0")
        return True

    return Op(r_el, change, f"{tag}={value}")


def set_size(r_el, half_points: int) -> Op:
    """The font size of a run (w:sz; w:szCs too when the run has one)."""

    def change(r):
        rpr = run_rpr(r)
        changed = False
        for t in ("sz", "szCs"):
            el = child(rpr, t, RPR_ORDER, create=t == "sz")
            if el is not None and el.get(w("val")) != str(half_points):
                el.set(w("val"), str(half_points))
                changed = True
        return changed

    return Op(r_el, change, f"sz={half_points}")


def _set_fonts(rpr, name: str) -> bool:
    rf = child(rpr, "rFonts", RPR_ORDER)
    changed = False
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        if rf.get(w(attr)) is not None:
            del rf.attrib[w(attr)]
            changed = True
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        if rf.get(w(slot)) != name:
            rf.set(w(slot), name)
            changed = True
    return changed


def set_run_font(r_el, name: str = TNR) -> Op:
    return Op(r_el, lambda r: _set_fonts(run_rpr(r), name), f"font={name}")


def set_style_font(style_el, name: str = TNR) -> Op:
    def change(st):
        rpr = st.find(w("rPr"))
        if rpr is None:
            rpr = insert_ordered(st, "rPr", STYLE_ORDER)
        return _set_fonts(rpr, name)

    return Op(style_el, change, f"style font={name}")


def set_default_font(styles_root, name: str = TNR) -> Op:
    """The document default font (w:docDefaults/w:rPrDefault/w:rPr/w:rFonts)."""

    def change(root):
        dd = root.find(w("docDefaults"))
        if dd is None:
            from lxml import etree

            dd = etree.Element(w("docDefaults"))
            root.insert(0, dd)
        rd = child(dd, "rPrDefault", ["rPrDefault", "pPrDefault"])
        rpr = child(rd, "rPr", ["rPr"])
        return _set_fonts(rpr, name)

    return Op(styles_root, change, f"default font={name}")


# ---------------------------------------------------------------------- sections

def set_page(sect_pr, width: int, height: int, orient: str | None) -> Op:
    def change(sp):
        pg = child(sp, "pgSz", SECTPR_ORDER)
        changed = False
        for attr, val in (("w", str(width)), ("h", str(height))):
            if pg.get(w(attr)) != val:
                pg.set(w(attr), val)
                changed = True
        if orient == "landscape":
            if pg.get(w("orient")) != "landscape":
                pg.set(w("orient"), "landscape")
                changed = True
        elif pg.get(w("orient")) is not None:
            del pg.attrib[w("orient")]
            changed = True
        return changed

    return Op(sect_pr, change, f"page={width}x{height}")


MARGIN_DEFAULTS = {"top": "1134", "bottom": "1134", "left": "1701", "right": "851", "header": "720", "footer": "720",
                   "gutter": "0"}


def set_margin(sect_pr, side: str, value: int) -> Op:
    def change(sp):
        pm = child(sp, "pgMar", SECTPR_ORDER)
        if pm.get(w(side)) == str(value):
            return False
        pm.set(w(side), str(value))
        for attr in ("top", "right", "bottom", "left", "header", "footer", "gutter"):
            if pm.get(w(attr)) is None:  # every attribute of w:pgMar is required by the schema
                pm.set(w(attr), MARGIN_DEFAULTS[attr])
        return True

    return Op(sect_pr, change, f"margin {side}={value}")
