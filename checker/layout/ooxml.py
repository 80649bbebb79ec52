"""WordprocessingML helpers: names, units, attribute values, children in schema order.

Units: Word stores lengths in twentieths of a point (twips; 1 mm = 56.69 twips) and font sizes in
half points (w:sz 28 = 14 pt).
"""
from __future__ import annotations

from ..readers.docx_numbering import W_NS, w


class _LazyEtree:
    """lxml.etree, imported on first use: the layout rules are loaded on every run, but a run on
    text files never touches XML (the import costs ~10 ms of a short run)."""

    def __getattr__(self, name):
        from lxml import etree as real

        return getattr(real, name)


etree = _LazyEtree()

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20

OFF = ("0", "false", "off", "none")

__all__ = ["W_NS", "w", "r_attr", "a", "mm", "twips", "to_int", "on", "insert_ordered", "child", "RPR_ORDER",
           "PPR_ORDER", "SECTPR_ORDER", "pt_str", "mm_str"]


def r_attr(name: str) -> str:
    return f"{{{R_NS}}}{name}"


def a(tag: str) -> str:
    return f"{{{A_NS}}}{tag}"


def mm(tw: float) -> float:
    """Twips → millimetres."""
    return tw / TWIPS_PER_MM


def twips(millimetres: float) -> int:
    return int(round(millimetres * TWIPS_PER_MM))


def to_int(value, default=None):
    """An integer attribute value ("720", "720.0" from some writers); default when absent or bad."""
    if value is None:
        return default
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return default


def on(el, attr: str = "val") -> bool:
    """A toggle element (w:b, w:titlePg …) that is present: on unless w:val says off."""
    return el.get(w(attr)) not in OFF


def pt_str(value: float) -> str:
    """14.0 → "14", 12.5 → "12,5" (Vietnamese decimal comma)."""
    s = f"{value:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def pt_str_en(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def mm_str(value: float, lang: str = "vi") -> str:
    s = f"{value:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",") if lang == "vi" else s


# Child order of the elements this package writes into (ECMA-376 Part 1, CT_RPr, CT_PPrBase, CT_SectPr).
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl",
             "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"]
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]
SECTPR_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
                "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
                "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]


def child(parent, tag: str, order: list[str], create: bool = True):
    """The child w:<tag> of parent; with create, a new one inserted at its place in `order`."""
    el = parent.find(w(tag))
    if el is not None or not create:
        return el
    return insert_ordered(parent, tag, order)


def insert_ordered(parent, tag: str, order: list[str]):
    from lxml import etree

    el = etree.Element(w(tag))
    rank = order.index(tag) if tag in order else len(order)
    for k, existing in enumerate(parent):
        tag_k = existing.tag if isinstance(existing.tag, str) else ""
        name = tag_k.rsplit("}", 1)[-1]
        if tag_k.startswith("{" + W_NS + "}") and name in order and order.index(name) > rank:
            parent.insert(k, el)
            return el
    parent.append(el)
    return el
