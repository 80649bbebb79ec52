"""Numbering facts: gaps, duplicates, restarts and mixed styles in the body's numbered items.

Works on the outline (checker.structure.outline): every run of sibling items of one marker
style is read in order, and each deviation from "1, 2, 3 …" is one Issue. The three F6xx
numbering rules report their own kinds; the analysis is done once per document.

Letters follow the Vietnamese alphabet, a b c d đ e g h i k l m n o p q r s t u v x y (Nghị
định 30/2020, Phụ lục I, Mục II.6.đ: "chữ cái tiếng Việt theo thứ tự bảng chữ cái tiếng Việt").
A document that uses f, j, w or z as labels and never đ numbers in the Latin order, and is read
that way (consistently). A document that shows neither (only labels common to both orders) is
read in the Vietnamese order, but "d) → e)" there is reported at the lowest severity only: it
is either a Latin list or a missing "đ)", and only the writer knows which.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import rx as re

from ..structure.outline import Item, Outline, outline, roman_value

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
NUMBERED = ("roman", "arabic", "letter", "paren_num", "paren_roman", "paren_letter")


@dataclass
class Issue:
    """A defect of the body's numbering (a gap, a duplicate, a wrong start, level or style)."""
    kind: str  # gap | start | duplicate | restart | style | prefix
    item: Item  # where it is reported
    prev: Item | None  # the item before it in its run (or the sibling it should follow)
    expected: list[str]  # the label(s) expected here / missing before it, as written ("(6)")
    severity: str | None = None  # None: the rule's default
    data: dict = field(default_factory=dict)


@dataclass
class Numbering:
    """The body's outline, the order its lettered items follow, and the defects of its numbering."""
    outline: Outline
    letter_order: str  # "vi" | "latin" | "unknown"
    issues: list[Issue]

    def of_kind(self, *kinds: str) -> list[Issue]:
        return [i for i in self.issues if i.kind in kinds]


def letter_order(ol: Outline) -> str:
    labels = {it.label.lower() for it in ol.items if it.style in ("letter", "paren_letter")}
    if "đ" in labels:
        return "vi"
    if labels & set("fjwz"):
        return "latin"
    return "unknown"


def to_roman(n: int) -> str:
    out = []
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


class _Scheme:
    """Values and labels of a run's items under the document's letter order."""

    def __init__(self, order: str):
        self.letters = LATIN_LETTERS if order == "latin" else VI_LETTERS

    def value(self, it: Item) -> int | None:
        if it.style in ("letter", "paren_letter"):
            lab = it.label.lower()
            return self.letters.index(lab) + 1 if lab in self.letters else None
        if it.style in ("roman", "paren_roman"):
            return roman_value(it.label)
        if it.style.startswith("dotted"):
            last = it.label.split(".")[-1]
            return int(last) if last.isdigit() else None
        if it.style in ("arabic", "paren_num"):
            return int(it.label) if it.label.isdigit() else None
        return None

    def label(self, it: Item, value: int) -> str | None:
        if value < 1:
            return None
        if it.style in ("letter", "paren_letter"):
            if value > len(self.letters):
                return None
            lab = self.letters[value - 1]
            return lab.upper() if it.label.isupper() else lab
        if it.style == "roman":
            return to_roman(value)
        if it.style == "paren_roman":
            return to_roman(value).lower()
        if it.style.startswith("dotted"):
            return ".".join(it.label.split(".")[:-1] + [str(value)])
        return str(value)


def written(doc, it: Item) -> str:
    """The marker as written: "(7)", "e)", "3.1.", "II."."""
    return doc.paragraphs[it.para].text[it.marker_start: it.marker_end].strip()


def relabel(doc, it: Item, label: str) -> str:
    """The item's marker written with another label, in the same decoration ("(7)" → "(6)")."""
    w = written(doc, it)
    k = w.find(it.label)
    return w[:k] + label + w[k + len(it.label):] if k >= 0 else label


def numbering(doc) -> Numbering:
    if "numbering" not in doc.cache:
        doc.cache["numbering"] = _analyse(doc)
    return doc.cache["numbering"]


# a heading that starts a new numbering scope (articles of a decision, chapters, appendices)
SCOPE = re.compile(r"^(?:Điều|Chương|Mục|Phần|Phụ\s+lục|PHỤ\s+LỤC|CHƯƠNG|PHẦN|MỤC)\s+[\dIVXLC]", re.I)
PAREN = ("paren_num", "paren_roman", "paren_letter")


def _items(doc, ol: Outline) -> list[list[Item]]:
    """Runs of numbered items to read in order: one per (parent, style, dotted prefix), without
    label-only paragraphs (the "1." of a flattened table row) and items inside tables."""
    runs = []
    for run in ol.siblings_runs():
        if not (run[0].style in NUMBERED or run[0].style.startswith("dotted")):
            continue
        groups: dict[str, list[Item]] = {}
        for it in run:
            p = doc.paragraphs[it.para]
            if not p.text[it.marker_end:].strip() or p.container.startswith("table"):
                continue
            key = it.label.rsplit(".", 1)[0] if it.style.startswith("dotted") else ""
            groups.setdefault(key, []).append(it)
        runs.extend(g for g in groups.values() if g)
    return runs


def _between(doc, a: Item, b: Item) -> list:
    return doc.paragraphs[a.para: b.para]


def _new_scope(doc, a: Item, b: Item) -> bool:
    return any(SCOPE.match(p.text) for p in doc.paragraphs[a.para + 1: b.para])


def _inline(doc, paras, marker: str) -> bool:
    """The marker ("(6)") written inside the running text: an inline enumeration that a hard wrap
    or a page break cut, not a missing item."""
    pat = re.compile(r"(?<![\w(])" + re.escape(marker) + r"(?=\s)")
    return any(pat.search(p.text, 1) for p in paras)


MAX_MISSING = 5  # more missing items than this between two labels: one of them is no list label


def _spaced(doc, it: Item, value: int) -> bool:
    """The item before it written with a space inside its marker ("1 . Hàng hóa …"), which is not
    read as a marker: the list does start at its first number."""
    if it.style != "arabic":
        return False
    pat = re.compile(r"^" + str(value) + r"\s+[.)]\s")
    return any(pat.match(p.text) for p in doc.paragraphs[max(0, it.para - 40): it.para])


def _analyse(doc) -> Numbering:
    ol = outline(doc)
    order = letter_order(ol)
    sc = _Scheme(order)
    issues: list[Issue] = []
    skip: set[int] = set()  # items numbered in the wrong style: not part of their run
    explained = _mixed_styles(doc, ol, sc, issues, skip) | _dotted_prefixes(doc, ol, issues)
    for run in _items(doc, ol):
        prev = None
        eff: dict[int, int] = {}  # value an item stands for when it is misnumbered ("4.2, 4.2, 4.4")
        for k, it in enumerate(run):
            if it.index in skip:
                continue
            v = sc.value(it)
            if v is None:
                prev = None
                continue
            if it.index in explained:
                prev = it
                continue
            if prev is not None and _new_scope(doc, prev, it):
                prev = None
            if prev is None:
                if v > 1 + MAX_MISSING:
                    prev = None  # "1.82 inch" at the start of a wrapped line: a number, not a list item
                    continue
                if v > 1:
                    missing = [relabel(doc, it, m) for m in (sc.label(it, k) for k in range(1, v)) if m]
                    before = doc.paragraphs[max(0, it.para - 3): it.para]
                    if missing and not _inline(doc, before, missing[-1]) and not _spaced(doc, it, v - 1):
                        issues.append(Issue("start", it, None, missing))
                prev = it
                continue
            pv = eff.get(prev.index, sc.value(prev))
            if v == pv:
                nxt = sc.label(it, pv + 1)
                issues.append(Issue("duplicate", it, prev, [relabel(doc, it, nxt)] if nxt else []))
                after = run[k + 1] if k + 1 < len(run) else None
                if after is not None and sc.value(after) == v + 2:
                    eff[it.index] = v + 1  # the duplicate is the missing number: one finding, not two
            elif v > pv + 1 + MAX_MISSING:
                pass  # "… 3. … 45." is a number at the start of a wrapped line, not a gap of 41 items
            elif v > pv + 1:
                missing = [relabel(doc, it, m) for m in (sc.label(it, k) for k in range(pv + 1, v)) if m]
                if not (it.style in PAREN and _inline(doc, _between(doc, prev, it), missing[0])):
                    sev = None
                    if order == "unknown" and it.style in ("letter", "paren_letter") and v == pv + 2 \
                            and sc.label(it, pv + 1) == "đ":
                        sev = "info"  # "d) → e)": a Latin-order list, or a missing "đ)"
                    issues.append(Issue("gap", it, prev, missing, severity=sev,
                                        data={"latin_possible": sev == "info"}))
                    after = run[k + 1] if k + 1 < len(run) else None
                    if sev is None and v == pv + 2 and after is not None and sc.value(after) == v:
                        # "1. 3. 3. 4.": the first "3." is the missing "2."; the second "3." is then
                        # right, not a duplicate (one finding for one misnumbered item)
                        eff[it.index] = pv + 1
            elif v < pv and not (it.style in PAREN and v == 1):
                issues.append(Issue("restart", it, prev, [relabel(doc, it, sc.label(it, pv + 1) or "")]))
            prev = it
    issues.extend(_table_rows(doc))
    issues.sort(key=lambda i: (i.item.para, i.kind))
    return Numbering(ol, order, issues)


# A row number of a flattened table: a paragraph that is only a number ("19"), after the body
# (annexes of task tables) or in a table cell of a .docx.
ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")
NUMERIC_CELL = re.compile(r"^[\d\s.,/%()+-]*$")
MIN_ROWS = 6  # a run this long, numbered mostly 1, 2, 3 …, is a column of row numbers


def _cells(doc):
    """(paragraph, start, end) of every cell of the tables after the body: a source line of a
    text file (a flattened table puts each cell on its own line, which the reader may join into
    one paragraph), a table paragraph of a .docx."""
    st = doc.structure
    after = set(st.components.get("annex", []))
    src = doc.source.text
    for p in doc.body_paragraphs:
        if p.container.startswith("table"):
            yield p, 0, len(p.text)
            continue
        if p.index not in after or not p.text:
            continue
        start = 0
        for i in range(1, len(p.text) + 1):
            if i == len(p.text) or (p.text[i - 1] == " " and src[p.offsets[i] - 1: p.offsets[i]] == "\n"):
                yield p, start, i if i == len(p.text) else i - 1
                start = i


def _row_candidates(doc) -> list[Item]:
    """Cells that open a table row: a bare number followed by a text cell (a number followed by
    another number is a value of a numeric column, not a row number)."""
    cells = [(p, a, b, p.text[a:b].strip()) for p, a, b in _cells(doc)]
    cells = [c for c in cells if c[3]]
    out: list[Item] = []
    for k, (p, a, b, t) in enumerate(cells):
        if not ROW_NUMBER.match(t):
            continue
        nxt = cells[k + 1][3] if k + 1 < len(cells) else ""
        if not nxt or NUMERIC_CELL.match(nxt):
            continue
        lab = t.rstrip(".")
        out.append(Item(index=-1 - len(out), para=p.index, style="row", label=lab,
                        marker_end=a + len(p.text[a:b].rstrip()), marker_start=a + len(p.text[a:b]) - len(p.text[a:b].lstrip()),
                        level=0, parent=None))
    return out


def _table_rows(doc) -> list[Issue]:
    """Gaps, duplicates and strays in the row numbers of task tables (annexes): "19, 22, 20, 21"
    (a row numbered out of sequence), "37, 37, 39" (a number used twice, the next one skipped)."""
    rows = _row_candidates(doc)
    runs: list[list[Item]] = []
    for it in rows:
        if int(it.label) == 1 or not runs:
            runs.append([])
        runs[-1].append(it)
    issues: list[Issue] = []
    for run in runs:
        vals = [int(it.label) for it in run]
        steps = [b - a for a, b in zip(vals, vals[1:])]
        # only a column numbered mostly in steps of one is read as row numbers
        # (one misnumbered row breaks two or three steps)
        if len(run) < MIN_ROWS or sum(s != 1 for s in steps) > max(3, 0.2 * len(steps)):
            continue
        # a label with a leading zero among labels without one is a value of another column
        zero = sum(it.label.startswith("0") and len(it.label) > 1 for it in run) > len(run) // 2
        k = 1
        while k < len(run):
            a, b = vals[k - 1], vals[k]
            c = vals[k + 1] if k + 1 < len(run) else None
            it, prev = run[k], run[k - 1]
            if (it.label.startswith("0") and len(it.label) > 1) != zero:
                k += 1
                continue
            if b == a + 1:
                k += 1
                continue
            if b == a:  # "37, 37": the second is the next number (and "39" after it is then right)
                issues.append(Issue("duplicate", it, prev, [str(a + 1)]))
                if c == a + 2:
                    vals[k] = a + 1
            elif c == a + 1:  # "19, 22, 20": a stray number where the next one was due
                issues.append(Issue("order", it, prev, [str(a + 1)], data={"next": run[k + 1]}))
                vals[k] = a
            elif b > a + 1 and (c is None or c == b + 1):
                issues.append(Issue("gap", it, prev, [str(v) for v in range(a + 1, b)]))
            k += 1
    return issues


def _mixed_styles(doc, ol: Outline, sc: _Scheme, issues: list[Issue], skip: set[int]) -> set[int]:
    """'a) b) 3) d)': an item written in another style where the next item of the list was due.
    The outline cannot tell (it nests "3)" somewhere, or makes it a sibling of "1."); the order of
    the numbered items can: the items before and after it are of one style, one level and two
    values apart, and its own value fills the hole. Returns the items whose gap or start this
    explains; `skip` receives the misnumbered items (left out of their runs)."""
    explained: set[int] = set()
    numbered = [it for it in ol.items if it.style in NUMBERED or it.style.startswith("dotted")]
    for k in range(1, len(numbered) - 1):
        before, it, after = numbered[k - 1], numbered[k], numbered[k + 1]
        if it.style == before.style or before.style != after.style or before.level != after.level:
            continue
        vb, v, va = sc.value(before), sc.value(it), sc.value(after)
        if None in (vb, v, va) or v != vb + 1 or va != vb + 2:
            continue
        want = sc.label(before, v)
        if want is None:
            continue
        issues.append(Issue("style", it, before, [relabel(doc, before, want)]))
        skip.add(it.index)
        explained.add(after.index)
    return explained


def _dotted_prefixes(doc, ol: Outline, issues: list[Issue]) -> set[int]:
    """'1.3.' inside item '2.': a dotted number that does not begin with its parent's number.
    The right number is the parent's and the item's place under it ("2.1.")."""
    explained: set[int] = set()
    for it in ol.items:
        if not it.style.startswith("dotted") or it.parent is None:
            continue
        parent = ol.items[it.parent]
        if parent.style == "arabic":
            want = parent.label
        elif parent.style.startswith("dotted") and int(parent.style[6:]) + 1 == int(it.style[6:]):
            want = parent.label
        else:
            continue
        prefix = it.label.rsplit(".", 1)[0]
        if prefix != want:
            same = [c for c in parent.children if ol.items[c].style == it.style]
            fixed = f"{want}.{same.index(it.index) + 1}"
            issues.append(Issue("prefix", it, parent, [relabel(doc, it, fixed)], data={"parent": written(doc, parent)}))
            explained.add(it.index)
    return explained
