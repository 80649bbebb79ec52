"""Helpers shared by the P8xx rules: where a finding goes, how values and origins are written,
and the grouping policy.

Grouping: a deviation that comes from direct formatting is reported on the paragraph that has it;
a deviation inherited from a style, the document defaults or Word's built-in defaults is
reported once (on the first paragraph concerned) with the style's name and the number of
paragraphs, because it is fixed once, in the style.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Msg
from .ops import Op, Problem
from .spec import cite

ALIGN_VI = {"left": "căn trái", "center": "canh giữa", "right": "căn phải", "both": "canh đều hai lề",
            "distribute": "dàn đều"}
ALIGN_EN = {"left": "left-aligned", "center": "centred", "right": "right-aligned", "both": "justified",
            "distribute": "distributed"}


def num(value: float, lang: str = "vi") -> str:
    """14.0 → "14"; 12.5 → "12,5" (vi) / "12.5" (en)."""
    s = f"{value:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",") if lang == "vi" else s


def span_vi(lo: float, hi: float) -> str:
    return num(lo) if lo == hi else f"từ {num(lo)} đến {num(hi)}"


def span_en(lo: float, hi: float) -> str:
    return num(lo, "en") if lo == hi else f"{num(lo, 'en')} to {num(hi, 'en')}"


def clamp(value: float, lo: float, hi: float) -> float:
    return lo if value < lo else hi if value > hi else value


def origin_text(origin: str, sheet) -> tuple[str, str] | None:
    """Where an inherited value comes from, in words (None for direct formatting)."""
    if origin == "direct":
        return None
    if origin.startswith(("style:", "table-style:")):
        name = sheet.name(origin.split(":", 1)[1])
        kind_vi, kind_en = ("kiểu bảng", "table style") if origin.startswith("table") else ("kiểu", "style")
        return f"{kind_vi} \"{name}\"", f"{kind_en} \"{name}\""
    if origin == "numbering":
        return "định dạng danh sách đánh số", "the list numbering format"
    if origin == "defaults":
        return "định dạng mặc định của văn bản", "the document's default formatting"
    return "mặc định của Word", "Word's built-in default"


def inherited(origins) -> bool:
    return all(o != "direct" for o in origins)


def section_offset(doc, sec) -> int:
    starts = doc.source.line_starts
    return starts[sec.first] if sec is not None and 0 <= sec.first < len(starts) else 0


def para_of_word(doc, k: int):
    """The Paragraph that holds Word paragraph k (None for an empty Word paragraph)."""
    for p in doc.body_paragraphs:
        if k in (p.meta.get("docx_indexes") or ()):
            return p
    return None


@dataclass
class Item:
    """One occurrence of a deviation, before grouping."""

    para: object
    start: int
    end: int
    found: object  # the value found (grouping key with the origins)
    origins: tuple[str, ...]
    ops: list[Op] = field(default_factory=list)


def grouped(items: list[Item], sheet, message, hint: Msg | None = None, severity: str | None = None,
            key_extra=lambda it: ()) -> list[Problem]:
    """Problems from items: direct ones one per paragraph, inherited ones one per (origin, value).
    `message(found, count, where)` → Msg, where `where` is origin_text(...) or None."""
    out: list[Problem] = []
    groups: dict[tuple, list[Item]] = {}
    order: list[tuple] = []
    for it in items:
        if inherited(it.origins):
            key = ("inh", it.origins, it.found, key_extra(it))
        else:
            key = ("dir", it.para.index, it.found, key_extra(it))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(it)
    for key in order:
        its = groups[key]
        first = its[0]
        same_para = [x for x in its if x.para is first.para]
        start = min(x.start for x in same_para)
        end = max(x.end for x in same_para)
        count = len({x.para.index for x in its})
        where = origin_text(next(o for o in first.origins if o != "direct"), sheet) if key[0] == "inh" else None
        ops = [op for x in its for op in x.ops]
        out.append(Problem(message(first.found, count, where), para=first.para, start=start, end=end, hint=hint,
                           severity=severity, ops=ops))
    return out


def where_vi(count: int, where) -> str:
    if where is None:
        return ""
    return f" (do {where[0]}; {count} đoạn)" if count > 1 else f" (do {where[0]})"


def where_en(count: int, where) -> str:
    if where is None:
        return ""
    return f" (from {where[1]}; {count} paragraphs)" if count > 1 else f" (from {where[1]})"


def cited(clause: str) -> tuple[str, str]:
    return cite(clause, "vi"), cite(clause, "en")


def cap(s: str) -> str:
    """Upper-case the first letter (a component's name at the start of a sentence)."""
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


def by_role(pairs) -> dict:
    """(spec, paragraph) pairs grouped by role, in document order."""
    out: dict = {}
    for spec, p in pairs:
        out.setdefault(spec.role, (spec, []))[1].append(p)
    return out


def body_words(doc, lay, role: str = "body") -> list:
    """(spec, Paragraph, WordPara) for the Word paragraphs of the body text (opening, body,
    closing) that stand in the page (not in a table), in document order."""
    from .spec import assigned

    out = []
    for spec, p in assigned(doc):
        if spec.role != role or p.container != "body":
            continue
        for wp in lay.words_of(p):
            out.append((spec, p, wp))
    return out


END_MARKS = ",;.:"


def ending_fix(text: str, want: str) -> tuple[int, int, str] | None:
    """(start, end, replacement) that makes `text` end with `want` (replacing a wrong final
    punctuation mark, or adding it); None when it already does."""
    j = len(text.rstrip())
    if j == 0 or text[j - 1] == want:
        return None
    if text[j - 1] in END_MARKS:
        return j - 1, j, want
    return j, j, want


def hits(doc, problems):
    """The engine hits of a layout rule: its problems for a .docx, nothing for text input."""
    from .formatting import layout_of

    lay = layout_of(doc)
    if lay is None:
        return
    for prob in problems(doc, lay):
        yield prob.hit()


def text_hits(doc, problems):
    """Hits of a layout rule that reads only the text (punctuation of recipients, căn cứ): it
    runs with the other layout rules, on .docx input only."""
    if doc.source.kind != "docx":
        return
    for prob in problems(doc, None):
        yield prob.hit()


def visible_runs(lay, paragraphs):
    """(paragraph, run) for the runs that show letters or digits."""
    for p in paragraphs:
        for run in lay.runs(p):
            if run.visible:
                yield p, run


def ending_words(mark: str) -> tuple[str, str]:
    """How the final mark found is named in a message (vi, en)."""
    return (f"dấu \"{mark}\"", f"\"{mark}\"") if mark else ("chữ (không có dấu)", "no punctuation mark")
