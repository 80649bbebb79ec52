"""Word auto-numbering: the label a reader sees ("1.", "a)", "-", "I.", "1.1.") for a paragraph.

python-docx does not render list numbers; Word computes them at display time from
word/numbering.xml. This module does the same for the paragraphs of one document, read in order:

- a paragraph is numbered by `w:numPr` (numId, ilvl), given directly or by its paragraph style
  ("List Number"); numId 0 switches numbering off;
- `w:num` points to a `w:abstractNum` (maybe through a numbering style, `w:numStyleLink`) whose
  `w:lvl` elements give, per level, the start value, the number format (decimal, lowerLetter,
  upperRoman, lowerRoman, bullet …) and the text pattern (`w:lvlText`, e.g. "%1.%2.");
- `w:lvlOverride` in a `w:num` replaces a level or restarts it (`w:startOverride`);
- counters belong to the abstract definition, not to the numId: two numIds over the same
  abstractNum continue one sequence, as Word does, and a numId with a startOverride restarts
  the overridden level where that numId is first used (ECMA-376 §17.9; what Word renders);
- using a level restarts the deeper levels (unless `w:lvlRestart` says otherwise).

Letters follow Word, not the Vietnamese alphabet: a b c … z, aa bb … (Word has no "đ)").
Bullets are rendered "-" (or "+" when the bullet is a plus sign): symbol-font bullets such as
U+F0B7 or "o" mean nothing as text, and the structure classifier only needs to see a bullet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


def wval(el, child: str | None = None, attr: str = "val") -> str | None:
    """The w:val (or another w: attribute) of `el` or of its child `child`; None when absent."""
    if el is None:
        return None
    if child is not None:
        el = el.find(w(child))
        if el is None:
            return None
    return el.get(w(attr))


def to_int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return default


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level whose use restarts this one; 0: never)
    legal: bool = False  # w:isLgl: show the numbers of every level as decimal
    pstyle: str | None = None  # the paragraph style linked to this level


# A level text is a few characters in real files ("%1.%2.%3."). A hostile lvlText of 100,000 ×
# "%1" used by 1,000 paragraphs once rendered 200 MB of labels (590 s, 5 GiB): longer texts are
# cut, and start values kept within 19 digits, so that a label is at most ~600 characters.
MAX_LEVEL_TEXT = 64
MAX_START = 10 ** 18


def _level(el) -> Level:
    start = to_int(wval(el, "start"), 1)
    return Level(
        start=max(-MAX_START, min(MAX_START, start)),
        fmt=wval(el, "numFmt") or "decimal",
        text=(wval(el, "lvlText") or "")[:MAX_LEVEL_TEXT],
        restart=to_int(wval(el, "lvlRestart")),
        legal=el.find(w("isLgl")) is not None and wval(el, "isLgl") not in ("0", "false", "off"),
        pstyle=wval(el, "pStyle"),
    )


# ------------------------------------------------------------------------------ number formats

MAX_LETTERS = 780  # letters up to "zzz…z" (30 times the letter)
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """Word's letter numbering: 1 → a … 26 → z, 27 → aa, 28 → bb … 53 → aaa."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """n in Word's number format `fmt`; values out of a format's range fall back to decimal
    (so that a hostile start value cannot make a huge label)."""
    if (fmt in ("lowerLetter", "upperLetter") and not 0 < n <= MAX_LETTERS) or (
            fmt in ("upperRoman", "lowerRoman") and not 0 < n < 4000):
        return str(n)
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    return str(n)  # decimal, ordinal, cardinalText … and formats rasoat does not render


def bullet_text(text: str) -> str:
    """The bullet a reader sees, as rasoat's classifier wants it: "+" stays "+", the rest "-"."""
    t = text.strip()
    return "+" if t == "+" else "-"


_PLACEHOLDER = re.compile(r"%([1-9])")


# ------------------------------------------------------------------------------ the numbering

class Numbering:
    """The numbering definitions of one document and the running counters of a reading pass."""

    def __init__(self, numbering_el=None, style_numids: dict[str, str] | None = None):
        """`numbering_el`: the w:numbering root (None: the document has no numbering part);
        `style_numids`: styleId → numId from the numbering styles (for w:numStyleLink)."""
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId → numStyleLink style id
        self.num_abstract: dict[str, str] = {}  # numId → abstractNumId
        self.level_override: dict[str, dict[int, Level]] = {}  # numId → ilvl → replacement level
        self.start_override: dict[str, dict[int, int]] = {}  # numId → ilvl → start value
        self.style_numids = style_numids or {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId → ilvl → current value
        self.seen: set[tuple[str, int]] = set()
        if numbering_el is None:
            return
        for an in numbering_el.iter(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            if aid is None:
                continue
            levels = {}
            for lvl in an.findall(w("lvl")):
                ilvl = to_int(lvl.get(w("ilvl")))
                if ilvl is not None and 0 <= ilvl <= 8:
                    levels[ilvl] = _level(lvl)
            self.abstract[aid] = levels
            link = wval(an, "numStyleLink")
            if link:
                self.style_link[aid] = link
        for num in numbering_el.iter(w("num")):
            nid = num.get(w("numId"))
            aid = wval(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            self.num_abstract[nid] = aid
            for ov in num.findall(w("lvlOverride")):
                ilvl = to_int(ov.get(w("ilvl")))
                if ilvl is None or not 0 <= ilvl <= 8:
                    continue
                start = to_int(wval(ov, "startOverride"))
                if start is not None:
                    self.start_override.setdefault(nid, {})[ilvl] = max(-MAX_START, min(MAX_START, start))
                lvl = ov.find(w("lvl"))
                if lvl is not None:
                    self.level_override.setdefault(nid, {})[ilvl] = _level(lvl)

    def resolve_abstract(self, num_id: str) -> str | None:
        """The abstractNum whose levels a numId uses, following numbering-style links."""
        aid = self.num_abstract.get(num_id)
        for _ in range(4):  # numStyleLink → style → numId → abstractNum (no loops)
            if aid is None or aid not in self.style_link:
                break
            linked_num = self.style_numids.get(self.style_link[aid])
            nxt = self.num_abstract.get(linked_num) if linked_num else None
            if nxt is None or nxt == aid:
                break
            aid = nxt
        return aid if aid in self.abstract else None

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level of a list whose w:lvl is linked to this paragraph style (0 when none)."""
        aid = self.resolve_abstract(num_id)
        if aid is None or style_id is None:
            return 0
        for ilvl, lvl in self.abstract[aid].items():
            if lvl.pstyle == style_id:
                return ilvl
        return 0

    def _levels(self, num_id: str, aid: str) -> dict[int, Level]:
        levels = dict(self.abstract[aid])
        for ilvl, lvl in self.level_override.get(num_id, {}).items():
            levels[ilvl] = lvl
        return levels

    def next_label(self, num_id: str | None, ilvl: int) -> str | None:
        """Advance the counters for a paragraph numbered (num_id, ilvl); return its label
        ("1.", "a)", "1.2.", "-"), or None when the paragraph shows no number."""
        if not num_id or num_id == "0":
            return None
        aid = self.resolve_abstract(num_id)
        if aid is None:
            return None
        levels = self._levels(num_id, aid)
        ilvl = max(0, min(8, ilvl))
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(aid, {})
        starts = self.start_override.get(num_id, {})
        if (num_id, ilvl) not in self.seen:
            self.seen.add((num_id, ilvl))
            if ilvl in starts:
                counters[ilvl] = starts[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, self._start(levels, starts, ilvl) - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        return self._render(lvl, levels, counters, starts)

    @staticmethod
    def _start(levels: dict[int, Level], starts: dict[int, int], ilvl: int) -> int:
        if ilvl in starts:
            return starts[ilvl]
        return levels[ilvl].start if ilvl in levels else 1

    def _render(self, lvl: Level, levels, counters, starts) -> str | None:
        if lvl.fmt == "bullet":
            return bullet_text(lvl.text) if lvl.text.strip() else None

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            n = counters.get(k)
            if n is None:  # a level not used yet shows its start value minus one, as Word does
                n = max(0, self._start(levels, starts, k) - 1)
            ref = levels.get(k, Level())
            fmt = "decimal" if lvl.legal and ref.fmt not in ("none",) else ref.fmt
            if ref.fmt == "bullet":
                return ""
            return format_number(n, fmt)

        label = _PLACEHOLDER.sub(value, lvl.text).strip()
        return label or None
