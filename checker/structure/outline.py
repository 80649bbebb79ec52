"""The outline of the body: numbered items and bullets nested by their marker styles.

Notices nest their conclusions with different marker styles (I. → 1. → 1.1. → a) → - → +), in
no fixed order from one office to the next. The nesting is recovered the way a reader does it:
a marker style seen before (on the stack of open levels) closes the deeper levels and starts a
sibling; a new style opens a level below the current one. A paragraph without a marker belongs
to the item above it (its continuation: "2. Đề án …" then "Giao Sở Y tế …").

Extractors that need the hierarchy (task owners inherited from a parent item, numbering runs)
use `outline(doc)`; it is computed once per document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import patterns as P

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Item:
    """A numbered or bulleted item of the body: its marker, level and paragraphs."""
    index: int  # position in Outline.items
    para: int  # paragraph index (Document.paragraphs)
    style: str  # roman, arabic, dotted2, dotted3, letter, paren_num, paren_roman, paren_letter, bullet:-, bullet:+ …
    label: str  # as written: "II", "3", "1.2", "đ", "4", "ii", "-"
    marker_end: int  # index in the paragraph text where the marker ends
    level: int  # 0 = top level
    parent: int | None  # Item.index of the parent, None at top level
    children: list[int] = field(default_factory=list)
    continuation: list[int] = field(default_factory=list)  # paragraph indexes of unmarked paragraphs
    marker_start: int = 0  # where the marker starts (not 0 only for a table row's number inside a paragraph)

    @property
    def ordinal(self) -> int | None:
        """The position the label stands for (1-based), or None for bullets."""
        return label_value(self.style, self.label)


def roman_value(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in ROMAN_VALUES for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN_VALUES[c]
        if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def label_value(style: str, label: str) -> int | None:
    if style.startswith("bullet"):
        return None
    if style in ("roman", "paren_roman"):
        return roman_value(label)
    if style in ("letter", "paren_letter"):
        lab = label.lower()
        return VI_LETTERS.index(lab) + 1 if lab in VI_LETTERS else (LATIN_LETTERS.index(lab) + 1 if lab in LATIN_LETTERS else None)
    if style.startswith("dotted"):
        return int(label.split(".")[-1])
    try:
        return int(label)
    except ValueError:
        return None


def style_of(marker) -> tuple[str, str]:
    style, label, _ = marker
    if style == "dotted":
        return f"dotted{label.count('.') + 1}", label.rstrip(".")
    if style == "bullet":
        return f"bullet:{label}", label
    return style, label


@dataclass
class Outline:
    """The items of the body in order, and the paragraphs before the first one."""
    items: list[Item]
    intro: list[int]  # body paragraphs before the first item

    def item_of_para(self, para: int) -> Item | None:
        for it in self.items:
            if it.para == para or para in it.continuation:
                return it
        return None

    def ancestors(self, item: Item) -> list[Item]:
        out = []
        cur = item.parent
        while cur is not None:
            out.append(self.items[cur])
            cur = self.items[cur].parent
        return out

    def siblings_runs(self) -> list[list[Item]]:
        """Items grouped by (parent, style): each group is one numbering run in order."""
        runs: dict[tuple, list[Item]] = {}
        for it in self.items:
            runs.setdefault((it.parent, it.style), []).append(it)
        return list(runs.values())

    def number(self, item: Item) -> str:
        """The full number of an item as a reader cites it: "II.3", "3.1", "4.a"."""
        labels = []
        for it in [item] + self.ancestors(item):
            if it.style.startswith("bullet"):
                continue
            labels.append(it.label)
            if it.style.startswith("dotted"):
                break  # "4.1" already carries its parent's number
        return ".".join(reversed(labels)) if labels else item.label


def build_outline(paragraph_texts: list[tuple[int, str]]) -> Outline:
    """paragraph_texts: (paragraph index, text) of the body paragraphs, in order."""
    items: list[Item] = []
    stack: list[int] = []  # Item.index of the open levels, outermost first
    intro: list[int] = []
    for pidx, text in paragraph_texts:
        m = P.marker_of(text)
        if not m:
            if stack:
                items[stack[-1]].continuation.append(pidx)
            else:
                intro.append(pidx)
            continue
        style, label = style_of(m)
        # a dotted label "2.1" belongs under the arabic "2." run: treat its depth as its level
        pos = None
        for k in range(len(stack) - 1, -1, -1):
            if items[stack[k]].style == style:
                pos = k
                break
            if style.startswith("bullet") and not items[stack[k]].style.startswith("bullet"):
                break  # a bullet belongs to the nearest numbered item above it
        if pos is not None:
            del stack[pos:]
        elif style.startswith("dotted"):
            depth = int(style[6:])
            # close levels that are as deep or deeper dotted numbers, or bullets under them
            while stack and (items[stack[-1]].style.startswith("bullet")
                             or (items[stack[-1]].style.startswith("dotted") and int(items[stack[-1]].style[6:]) >= depth)):
                stack.pop()
        if pos is None and not style.startswith("bullet"):
            while stack and items[stack[-1]].style.startswith("bullet"):
                stack.pop()  # a numbered item closes the bullet list above it
        parent = stack[-1] if stack else None
        it = Item(index=len(items), para=pidx, style=style, label=label, marker_end=m[2],
                  level=len(stack), parent=parent)
        items.append(it)
        if parent is not None:
            items[parent].children.append(it.index)
        stack.append(it.index)
    return Outline(items, intro)


def outline(doc) -> Outline:
    """The outline of a document's body (cached on the document)."""
    if "outline" not in doc.cache:
        st = doc.structure
        body = set(st.components.get("body", []))
        if st.kind != "thong-bao":
            body = {p.index for p in doc.body_paragraphs}
        texts = [(p.index, p.text) for p in doc.body_paragraphs if p.index in body]
        doc.cache["outline"] = build_outline(texts)
    return doc.cache["outline"]
