"""Word's formatting inheritance: what a run and a paragraph look like, and where that comes from.

A run property is the first one found along: the run's own w:rPr (direct formatting) → its
character style and the styles that style is based on → the paragraph style and its basedOn
chain → the table style of the table the paragraph is in → the document defaults
(w:docDefaults/w:rPrDefault) → Word's built-in default (Times New Roman, 10 pt, black).
Paragraph properties follow: w:pPr → the numbering level (w:lvl/w:pPr of the list the paragraph
is in) → paragraph style chain → table style → w:pPrDefault → built-in (left aligned, no indent,
no spacing, single line spacing).

Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3: direct formatting sets them; in
the styles they toggle: bold in the paragraph style and bold again in the character style is
not bold.

Every value comes with its origin ("direct", "style:<id>", "table-style:<id>", "numbering",
"defaults", "builtin"), so that a finding can say where to fix it (one style rather than every
paragraph) and the fixer can change the style that is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


from .ooxml import a, etree, on, to_int, w

BUILTIN_FONT = "Times New Roman"
BUILTIN_SIZE = 20  # half points: Word's built-in 10 pt
AUTO_SPACING = 280  # twips: "auto" spacing before/after (HTML paragraphs) is 14 pt in Word

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}


@dataclass(frozen=True)
class Val:
    value: Any
    origin: str  # "direct" | "style:<id>" | "table-style:<id>" | "numbering" | "defaults" | "builtin"


@dataclass
class RunProps:
    fonts: dict[str, Val]
    hint: str | None
    size: Val  # half points
    bold: Val
    italic: Val
    caps: Val
    color: Val  # (hex "RRGGBB" | "auto", theme colour name | None)
    vanish: bool = False


@dataclass
class ParaProps:
    style: str | None
    jc: Val
    left: Val  # twips
    right: Val
    first: Val  # twips: first-line indent (> 0) or hanging (< 0)
    before: Val
    after: Val
    line: Val  # twips (exact, atLeast) or 240ths of a line (auto)
    line_rule: Val  # "auto" | "exact" | "atLeast"
    contextual: Val
    tabs: list[tuple[str, int]] = field(default_factory=list)  # (alignment, position in twips)
    num: tuple[str, int] | None = None  # (numId, ilvl) of a numbered paragraph


class StyleSheet:
    def __init__(self, styles_root, theme_root=None, numbering_root=None):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.default_table: str | None = None
        self.defaults_rpr = None
        self.defaults_ppr = None
        self._chains: dict[str | None, list] = {}
        self._levels: dict[tuple, list] = {}
        self._runs: dict[tuple, RunProps] = {}
        if styles_root is not None:
            dd = styles_root.find(w("docDefaults"))
            if dd is not None:
                rd, pd = dd.find(w("rPrDefault")), dd.find(w("pPrDefault"))
                self.defaults_rpr = rd.find(w("rPr")) if rd is not None else None
                self.defaults_ppr = pd.find(w("pPr")) if pd is not None else None
            for st in styles_root.findall(w("style")):
                sid = st.get(w("styleId"))
                if sid is None:
                    continue
                self.by_id.setdefault(sid, st)
                if st.get(w("default")) in ("1", "true", "on"):
                    kind = st.get(w("type"))
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "table":
                        self.default_table = sid
        self.theme_fonts = _theme_fonts(theme_root)
        self.theme_colors = _theme_colors(theme_root)
        self._numbering = _Numbering(numbering_root)

    # ------------------------------------------------------------------ styles
    def chain(self, sid: str | None) -> list[tuple[str, object]]:
        """(styleId, w:style) of a style and the styles it is based on, nearest first."""
        if sid in self._chains:
            return self._chains[sid]
        out, seen, cur = [], set(), sid
        while cur and cur in self.by_id and cur not in seen and len(out) < 20:
            seen.add(cur)
            st = self.by_id[cur]
            out.append((cur, st))
            based = st.find(w("basedOn"))
            cur = based.get(w("val")) if based is not None else None
        self._chains[sid] = out
        return out

    def name(self, sid: str | None) -> str:
        st = self.by_id.get(sid) if sid else None
        if st is not None:
            n = st.find(w("name"))
            if n is not None and n.get(w("val")):
                return n.get(w("val"))
        return sid or ""

    def para_style(self, p_el) -> str | None:
        ppr = p_el.find(w("pPr"))
        ps = ppr.find(w("pStyle")) if ppr is not None else None
        sid = ps.get(w("val")) if ps is not None else None
        return sid if sid in self.by_id else self.default_para

    def table_style(self, tbl) -> str | None:
        if tbl is None:
            return None
        tpr = tbl.find(w("tblPr"))
        ts = tpr.find(w("tblStyle")) if tpr is not None else None
        sid = ts.get(w("val")) if ts is not None else None
        return sid if sid in self.by_id else self.default_table

    def _style_levels(self, sid: str | None, prefix: str, tag: str) -> list[tuple[str, object]]:
        key = (sid, prefix, tag)
        out = self._levels.get(key)
        if out is None:
            out = []
            for s, st in self.chain(sid):
                el = st.find(w(tag))
                if el is not None:
                    out.append((f"{prefix}:{s}", el))
            self._levels[key] = out
        return out

    # ------------------------------------------------------------------ runs
    def run_props(self, r_el, para_sid: str | None, table_sid: str | None = None) -> RunProps:
        """The effective formatting of a run (r_el None: the paragraph's own default, e.g. for the
        auto-numbering label or an empty paragraph)."""
        rpr = r_el.find(w("rPr")) if r_el is not None else None
        key = (etree.tostring(rpr) if rpr is not None else None, para_sid, table_sid)
        cached = self._runs.get(key)
        if cached is None:
            cached = self._runs[key] = self._run_props(rpr, para_sid, table_sid)
        return cached

    def _run_props(self, rpr, para_sid: str | None, table_sid: str | None) -> RunProps:
        cs_el = rpr.find(w("rStyle")) if rpr is not None else None
        char_sid = cs_el.get(w("val")) if cs_el is not None else None
        char_levels = self._style_levels(char_sid, "style", "rPr") if char_sid else []
        para_levels = self._style_levels(para_sid, "style", "rPr")
        table_levels = self._style_levels(table_sid, "table-style", "rPr") if table_sid else []
        levels = ([("direct", rpr)] if rpr is not None else []) + char_levels + para_levels + table_levels
        if self.defaults_rpr is not None:
            levels.append(("defaults", self.defaults_rpr))
        fonts = {slot: self._font(levels, slot) for slot in FONT_SLOTS}
        hint = None
        for _o, el in levels:
            rf = el.find(w("rFonts"))
            if rf is not None and rf.get(w("hint")):
                hint = rf.get(w("hint"))
                break
        size = _first(levels, "sz", _half_points, Val(BUILTIN_SIZE, "builtin"))
        color = _first(levels, "color", lambda e: ((e.get(w("val")) or "auto"), e.get(w("themeColor"))),
                       Val(("auto", None), "builtin"))
        toggles = {}
        for tag in ("b", "i", "caps", "vanish"):
            toggles[tag] = self._toggle(rpr, [table_levels, para_levels, char_levels], tag)
        return RunProps(fonts=fonts, hint=hint, size=size, bold=toggles["b"], italic=toggles["i"],
                        caps=toggles["caps"], color=color, vanish=bool(toggles["vanish"].value))

    def _font(self, levels, slot: str) -> Val:
        theme_attr = _THEME_ATTR[slot]
        for origin, el in levels:
            rf = el.find(w("rFonts"))
            if rf is None:
                continue
            theme = rf.get(w(theme_attr))
            if theme:
                name = self.theme_font(theme)
                if name:
                    return Val(name, origin)
            name = rf.get(w(slot))
            if name:
                return Val(name, origin)
        return Val(BUILTIN_FONT, "builtin")

    def theme_font(self, theme: str) -> str | None:
        major = theme.startswith("major")
        script = "ea" if theme.endswith("EastAsia") else ("cs" if theme.endswith("Bidi") else "latin")
        return self.theme_fonts.get(("major" if major else "minor", script)) or None

    def _toggle(self, rpr, style_levels: list[list[tuple[str, object]]], tag: str) -> Val:
        if rpr is not None:
            el = rpr.find(w(tag))
            if el is not None:
                return Val(on(el), "direct")
        value, origin, seen = False, None, False
        for levels in style_levels:  # table style, paragraph style, character style: each toggles
            for o, el in levels:
                t = el.find(w(tag))
                if t is not None:
                    seen = True
                    if on(t):
                        value = not value
                        origin = o
                    elif origin is None:
                        origin = o
                    break
        if seen:
            return Val(value, origin or "builtin")
        if self.defaults_rpr is not None:
            t = self.defaults_rpr.find(w(tag))
            if t is not None:
                return Val(on(t), "defaults")
        return Val(False, "builtin")

    # ------------------------------------------------------------------ paragraphs
    def para_props(self, p_el, table_sid: str | None = None, size_pt: float = 14.0) -> ParaProps:
        ppr = p_el.find(w("pPr"))
        sid = self.para_style(p_el)
        style_levels = self._style_levels(sid, "style", "pPr")
        table_levels = self._style_levels(table_sid, "table-style", "pPr") if table_sid else []
        num = self._num(ppr, style_levels)
        num_ppr = self._numbering.level_ppr(*num) if num else None
        levels = ([("direct", ppr)] if ppr is not None else []) + (
            [("numbering", num_ppr)] if num_ppr is not None else []) + style_levels + table_levels
        if self.defaults_ppr is not None:
            levels.append(("defaults", self.defaults_ppr))
        jc = _first(levels, "jc", lambda e: _norm_jc(e.get(w("val"))), Val("left", "builtin"))
        left = _attr(levels, "ind", ("left", "start"), ("leftChars", "startChars"), size_pt)
        right = _attr(levels, "ind", ("right", "end"), ("rightChars", "endChars"), size_pt)
        first = self._first_line(levels, size_pt)
        before = _spacing(levels, "before")
        after = _spacing(levels, "after")
        line = _attr(levels, "spacing", ("line",), (), size_pt, default=240)
        line_rule = Val("auto", line.origin)
        if line.origin != "builtin":
            for o, el in levels:
                if o == line.origin:
                    sp = el.find(w("spacing"))
                    line_rule = Val(sp.get(w("lineRule")) or "auto", o)
                    break
        contextual = _first(levels, "contextualSpacing", on, Val(False, "builtin"))
        return ParaProps(style=sid, jc=jc, left=left, right=right, first=first, before=before, after=after,
                         line=line, line_rule=line_rule, contextual=contextual, tabs=_tabs(levels), num=num)

    def _num(self, ppr, style_levels) -> tuple[str, int] | None:
        num_id = ilvl = None
        for el in ([ppr] if ppr is not None else []) + [e for _o, e in style_levels]:
            np_ = el.find(w("numPr"))
            if np_ is None:
                continue
            if num_id is None and np_.find(w("numId")) is not None:
                num_id = np_.find(w("numId")).get(w("val"))
            if ilvl is None and np_.find(w("ilvl")) is not None:
                ilvl = to_int(np_.find(w("ilvl")).get(w("val")), 0)
        if not num_id or num_id == "0":
            return None
        return num_id, ilvl or 0

    def _first_line(self, levels, size_pt: float) -> Val:
        for origin, el in levels:
            ind = el.find(w("ind"))
            if ind is None:
                continue
            for attr, sign in (("hangingChars", -1), ("firstLineChars", 1)):
                v = to_int(ind.get(w(attr)))
                if v:
                    return Val(sign * int(v * size_pt * 20 / 100), origin)
            for attr, sign in (("hanging", -1), ("firstLine", 1)):
                v = to_int(ind.get(w(attr)))
                if v is not None:
                    return Val(sign * v, origin)
        return Val(0, "builtin")


# ---------------------------------------------------------------------- helpers

def _first(levels, tag: str, read, default: Val) -> Val:
    """The first level that sets `tag` to a readable value (a garbage value counts as not set)."""
    for origin, el in levels:
        t = el.find(w(tag))
        if t is not None:
            value = read(t)
            if value is not None:
                return Val(value, origin)
    return default


def _half_points(el) -> int | None:
    v = to_int(el.get(w("val")))
    return v if v is not None and 0 < v <= 3276 else None


def _attr(levels, tag: str, names: tuple[str, ...], char_names: tuple[str, ...], size_pt: float,
          default: int = 0) -> Val:
    for origin, el in levels:
        t = el.find(w(tag))
        if t is None:
            continue
        for n in char_names:
            v = to_int(t.get(w(n)))
            if v:
                return Val(int(v * size_pt * 20 / 100), origin)
        for n in names:
            v = to_int(t.get(w(n)))
            if v is not None:
                return Val(v, origin)
    return Val(default, "builtin")


def _spacing(levels, which: str) -> Val:
    for origin, el in levels:
        sp = el.find(w("spacing"))
        if sp is None:
            continue
        auto = sp.get(w(which + "Autospacing"))
        if auto is not None and auto not in ("0", "false", "off"):
            return Val(AUTO_SPACING, origin)
        lines = to_int(sp.get(w(which + "Lines")))
        if lines:
            return Val(int(lines * 240 / 100), origin)  # hundredths of a line; a line taken as 12 pt
        v = to_int(sp.get(w(which)))
        if v is not None:
            return Val(v, origin)
    return Val(0, "builtin")


def _tabs(levels) -> list[tuple[str, int]]:
    stops: dict[int, str] = {}
    for _o, el in reversed(levels):  # lowest priority first; higher levels add or clear stops
        tabs = el.find(w("tabs"))
        if tabs is None:
            continue
        for t in tabs.findall(w("tab")):
            pos = to_int(t.get(w("pos")))
            if pos is None:
                continue
            val = t.get(w("val")) or "left"
            if val == "clear":
                stops.pop(pos, None)
            else:
                stops[pos] = val
    return sorted(((v, p) for p, v in stops.items()), key=lambda x: x[1])


def _norm_jc(v: str | None) -> str:
    return {"start": "left", "end": "right", None: "left"}.get(v, v)


def _theme_fonts(theme) -> dict[tuple[str, str], str]:
    out = {}
    if theme is None:
        return out
    for which in ("major", "minor"):
        el = next(theme.iter(a(which + "Font")), None)
        if el is None:
            continue
        for script in ("latin", "ea", "cs"):
            s = el.find(a(script))
            if s is not None and s.get("typeface"):
                out[(which, script)] = s.get("typeface")
    return out


def _theme_colors(theme) -> dict[str, str]:
    out = {}
    if theme is None:
        return out
    scheme = next(theme.iter(a("clrScheme")), None)
    if scheme is None:
        return out
    for el in scheme:
        name = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        for c in el:
            val = c.get("lastClr") or c.get("val")
            if val:
                out[name] = val.upper()
                break
    return out


class _Numbering:
    """numId, ilvl → the w:pPr of that list level (for the indentation of numbered paragraphs)."""

    def __init__(self, root):
        self.nums: dict[str, tuple[str | None, dict[int, object]]] = {}
        self.abstract: dict[str, dict[int, object]] = {}
        if root is None:
            return
        for an in root.findall(w("abstractNum")):
            self.abstract[an.get(w("abstractNumId")) or ""] = {
                to_int(lv.get(w("ilvl")), 0): lv for lv in an.findall(w("lvl"))}
        for num in root.findall(w("num")):
            aid = num.find(w("abstractNumId"))
            overrides = {}
            for ov in num.findall(w("lvlOverride")):
                lv = ov.find(w("lvl"))
                if lv is not None:
                    overrides[to_int(ov.get(w("ilvl")), 0)] = lv
            self.nums[num.get(w("numId")) or ""] = (aid.get(w("val")) if aid is not None else None, overrides)

    def level_ppr(self, num_id: str, ilvl: int):
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid, overrides = entry
        lvl = overrides.get(ilvl) or self.abstract.get(aid or "", {}).get(ilvl)
        return lvl.find(w("pPr")) if lvl is not None else None
