"""Page numbers (PAGE fields in header and footer parts) and an estimate of the page count.

A page number is a PAGE field: a simple field (w:fldSimple w:instr="PAGE"), a complex field
(w:fldChar begin … w:instrText "PAGE" … separate … result runs … end) or the old w:pgNum. The
runs that show it are the result runs (or the field-code runs when the result is empty).

Which header a page shows: page 1 of the first section shows the "first" header when the section
has w:titlePg (none at all when there is no first-page header), else the "default" one; the
other pages show "default" (and "even" on even pages when settings have w:evenAndOddHeaders).

The page count is what Word saved in docProps/app.xml when that is larger than an estimate from
the text (a generous number of characters per line and lines per page, so that the estimate
errs towards fewer pages: a missing page number is reported only when the document surely has
more than one page).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .ooxml import mm, on, to_int, w


@dataclass
class PageField:
    part: str
    p_el: object  # the paragraph that shows the number
    runs: list = field(default_factory=list)  # runs that show the number (result, else code)
    code: list = field(default_factory=list)  # runs of the field code (complex fields)


def page_fields(root, part: str) -> list[PageField]:
    out: list[PageField] = []
    if root is None:
        return out
    for fs in root.iter(w("fldSimple")):
        if _is_page(fs.get(w("instr"))):
            out.append(PageField(part, _paragraph(fs), list(fs.iter(w("r")))))
    stack: list[dict] = []
    for r in root.iter(w("r")):
        for child in r:
            if child.tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    stack.append({"instr": "", "code": [r], "result": [], "phase": "code", "p": _paragraph(r)})
                elif kind == "separate" and stack:
                    stack[-1]["phase"] = "result"
                elif kind == "end" and stack:
                    f = stack.pop()
                    if _is_page(f["instr"]):
                        runs = [x for x in f["result"] if x.find(w("t")) is not None] or f["code"]
                        out.append(PageField(part, f["p"], runs, f["code"]))
            elif child.tag == w("instrText") and stack:
                stack[-1]["instr"] += child.text or ""
                stack[-1]["code"].append(r)
            elif child.tag == w("t") and stack and stack[-1]["phase"] == "result":
                if r not in stack[-1]["result"]:
                    stack[-1]["result"].append(r)
            elif child.tag == w("pgNum"):
                out.append(PageField(part, _paragraph(r), [r]))
    return out


def _is_page(instr: str | None) -> bool:
    words = (instr or "").split()
    return bool(words) and words[0].upper() == "PAGE"


def _paragraph(el):
    p = el
    while p is not None and p.tag != w("p"):
        p = p.getparent()
    return p


@dataclass
class PageNumbers:
    in_headers: list[PageField]  # fields in headers shown on pages after the first
    on_first_page: list[PageField]  # fields shown on page 1 (header or footer)
    in_footers: list[PageField]
    first_page_part: str | None


def page_numbers(pkg) -> PageNumbers:
    settings = pkg.settings
    even_odd = settings is not None and settings.find(w("evenAndOddHeaders")) is not None and on(
        settings.find(w("evenAndOddHeaders")))
    headers: list[PageField] = []
    footers: list[PageField] = []
    first: list[PageField] = []
    seen: set[str] = set()
    first_part = None
    for sec in pkg.sections:
        title_pg = sec.sect_pr is not None and sec.sect_pr.find(w("titlePg")) is not None and on(
            sec.sect_pr.find(w("titlePg")))
        later = ["default"] + (["even"] if even_odd else [])
        for kind in later:
            name = sec.headers.get(kind)
            if name and name not in seen:
                seen.add(name)
                headers.extend(page_fields(pkg.xml(name), name))
            name = sec.footers.get(kind)
            if name and ("f", name) not in seen:
                seen.add(("f", name))
                footers.extend(page_fields(pkg.xml(name), name))
        if sec.index == 0:
            kind = "first" if title_pg else "default"
            first_part = sec.headers.get(kind)
            for name in (sec.headers.get(kind), sec.footers.get(kind)):
                if name:
                    first.extend(page_fields(pkg.xml(name), name))
    return PageNumbers(headers, first, footers, first_part)


def estimate_pages(doc, pkg) -> int:
    """At least how many pages the document has (see the module doc)."""
    sec = pkg.sections[0] if pkg.sections else None
    width_mm, height_mm, margins = 210.0, 297.0, (20.0, 20.0, 30.0, 15.0)
    if sec is not None and sec.sect_pr is not None:
        pg = sec.sect_pr.find(w("pgSz"))
        pm = sec.sect_pr.find(w("pgMar"))
        if pg is not None:
            width_mm = mm(to_int(pg.get(w("w")), 11906))
            height_mm = mm(to_int(pg.get(w("h")), 16838))
        if pm is not None:
            margins = tuple(abs(mm(to_int(pm.get(w(s)), 1134))) for s in ("top", "bottom", "left", "right"))
    text_w_pt = max(50.0, (width_mm - margins[2] - margins[3]) / 25.4 * 72)
    text_h_pt = max(50.0, (height_mm - margins[0] - margins[1]) / 25.4 * 72)
    chars_per_line = text_w_pt / (0.42 * 13)  # narrow characters, 13 pt: more per line than in reality
    lines_per_page = text_h_pt / (1.15 * 13)
    rows: dict[tuple, float] = {}
    body_lines = 0.0
    for p in doc.body_paragraphs:
        n = max(1, math.ceil(len(p.text) / chars_per_line))
        if p.container.startswith("table:"):
            r, c = p.container.split(":")[1:3]
            key = (p.meta.get("table"), r)
            cells = rows.setdefault(key, {})
            cells[c] = cells.get(c, 0) + n
        else:
            body_lines += n
    table_lines = sum(max(cells.values()) for cells in rows.values())
    estimate = math.ceil((body_lines + table_lines) / lines_per_page) if lines_per_page else 1
    return max(1, estimate, pkg.app_pages or 0)
