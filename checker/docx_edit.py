""".docx writers: text fixes that keep runs and formatting, and Word comments on findings.

Positions come from the reader's contract (checker/readers/docx.py): line = the Word paragraph's
number in reading order, column = character offset + 1 in its text. `paragraph_texts` walks the
package the same way and gives, per paragraph, the XML text nodes with their character ranges,
so an edit or a comment lands on exactly the characters the finding points at.

- fix_docx: each edit replaces characters inside w:t nodes; an edit that spans several nodes puts
  the new text in the first one (keeping that run's formatting) and removes the rest; an edit
  touching a tab or a line break is left alone. Layout fixes (P8xx) are applied by
  checker.layout.fix.format_docx when layout rules ran. Writes are atomic.
- annotate_docx: a copy of the document with each finding as a Word comment anchored on the text
  it concerns (runs are split at the finding's boundaries); the original is never changed.
"""
from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, Msg

AUTHOR = "rasoat"


@dataclass
class ParaText:
    element: object  # w:p
    text: str
    nodes: list[tuple[object, int, int]]  # (w:t / w:tab … element, start, end)


def open_document(raw: bytes):
    import docx

    return docx.Document(io.BytesIO(raw))


def paragraph_texts(document) -> list[ParaText]:
    """Body paragraphs in the reader's order (line k ↔ item k-1). Footnote lines come after
    these and are not editable here."""
    from .readers.docx import Styles, iter_paragraph_elements, read_paragraph

    styles = Styles(document.styles.element)
    out = []
    for p_el, _container, _table in iter_paragraph_elements(document.element.body):
        rp, _sid = read_paragraph(p_el, styles)
        out.append(ParaText(p_el, rp.text, rp.nodes or []))
    return out


def _is_text_node(el) -> bool:
    return el is not None and el.tag.endswith("}t")


def replace_range(pt: ParaText, start: int, end: int, replacement: str) -> bool:
    """Replace characters [start, end) of a paragraph's text; False when the range touches
    something other than plain text (a tab, a break, a symbol)."""
    touched = [(el, a, b) for el, a, b in pt.nodes if a < end and b > start] if end > start else \
        [(el, a, b) for el, a, b in pt.nodes if a <= start <= b and _is_text_node(el)][:1]
    if not touched or not all(_is_text_node(el) for el, _, _ in touched):
        return False
    first = True
    for el, a, b in touched:
        text = el.text or ""
        lo, hi = max(start, a) - a, min(end, b) - a
        if first:
            el.text = text[:lo] + replacement + text[hi:]
            first = False
        else:
            el.text = text[:lo] + text[hi:]
        if el.text != el.text.strip():
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return True


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def apply_text_fixes(raw: bytes, source, diagnostics: list[Diagnostic], unsafe: bool = False) -> tuple[bytes, int]:
    """Apply the text edits of fixable findings to a .docx; returns (new bytes, edits applied)."""
    from .fix import select_edits

    edits = select_edits(diagnostics, unsafe)
    if not edits:
        return raw, 0
    document = open_document(raw)
    paras = paragraph_texts(document)
    applied = 0
    # right to left inside a paragraph, so earlier offsets stay valid
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        s, t = source.position(e.start), source.position(e.end)
        if s.line != t.line or not 1 <= s.line <= len(paras):
            continue
        pt = paras[s.line - 1]
        if pt.text[s.column - 1:t.column - 1] == e.replacement:
            continue
        if replace_range(pt, s.column - 1, t.column - 1, e.replacement):
            applied += 1
    return (_save(document), applied) if applied else (raw, 0)


def fix_docx(res, unsafe: bool, write: bool, show_diff: bool):
    """`check --fix` for a .docx: text fixes, then layout fixes, re-checked until stable."""
    import sys

    from .document import Document
    from .fix import atomic_write, unified_diff
    from .layout.fix import format_docx
    from .pipeline import plan_of, recheck
    from .readers.docx import read_docx

    doc = res.document
    plan = plan_of(res)
    layout_codes = [r.code for r in plan.rules_for("docx") if r.category == "layout"]
    raw = doc.source.raw
    original_text = doc.source.text
    total = 0
    diags = res.diagnostics
    source = doc.source
    if unsafe and any(d.data.get("fixed_by") == "convert" for d in diags):
        # runs typed in TCVN3/VNI fonts: converted to Unicode as `rasoat convert` does (unsafe:
        # the font changes to Times New Roman)
        from .commands.convert import ConvertError, convert_docx_bytes

        try:
            conv = convert_docx_bytes(raw)
        except ConvertError:
            conv = None
        if conv is not None and conv.changed:
            raw = conv.data
            total += 1
            source, paras = read_docx(doc.source.path, raw, doc.options.settings.get("limits"))
            diags = recheck(res, Document(source, paras, doc.options))
    for _ in range(5):
        new, n = apply_text_fixes(raw, source, diags, unsafe)
        if layout_codes and any(d.category == "layout" for d in diags):
            new, m = format_docx(new, None, layout_codes)
            n += m
        if not n:
            break
        total += n
        raw = new
        source, paras = read_docx(doc.source.path, raw, doc.options.settings.get("limits"))
        diags = recheck(res, Document(source, paras, doc.options))
    if not total:
        return 0, None
    if show_diff:  # exactly what --fix writes: the text, then the formatting
        sys.stdout.write(unified_diff(res.path, original_text, source.text))
        sys.stdout.write(unified_diff(f"{res.path} (trình bày / formatting)", formatting_view(doc.source.raw),
                                      formatting_view(raw)))
    if write:
        from .writefile import Stamp

        original = doc.source.raw
        atomic_write(doc.source.path, raw, expect=None if original is None else Stamp.of_bytes(doc.source.path, original))
        return total, diags
    return total, None


# ------------------------------------------------------------------------------ Word comments

_RPR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _split_run(run_el, k: int, spans: dict) -> None:
    """Split a w:r at paragraph offset k: children before k stay, the rest go to a copy of the
    run inserted after it (a w:t that straddles k is cut in two). Formatting (w:rPr) is kept on
    both sides."""
    second = copy.deepcopy(run_el)
    run_el.addnext(second)
    for c1, c2 in zip(list(run_el), list(second)):
        if c1.tag == _RPR:
            continue
        span = spans.get(id(c1))
        if span is None:  # zero-width (a note reference, a page-break mark): stays on the left
            second.remove(c2)
            continue
        a, b = span
        if b <= k:
            second.remove(c2)
        elif a >= k:
            run_el.remove(c1)
        else:  # only a w:t can straddle the cut
            c1.text, c2.text = (c1.text or "")[: k - a], (c1.text or "")[k - a:]
            c1.set(_XML_SPACE, "preserve")
            c2.set(_XML_SPACE, "preserve")


class _Annotator:
    def __init__(self, document):
        from .readers.docx import Styles, iter_paragraph_elements

        self.styles = Styles(document.styles.element)
        self.elements = [p for p, _c, _t in iter_paragraph_elements(document.element.body)]

    def nodes(self, p_el):
        from .readers.docx import read_paragraph

        rp, _ = read_paragraph(p_el, self.styles)
        return rp.text, rp.nodes or []

    def cut(self, p_el, k: int) -> None:
        """Make k a run boundary of the paragraph."""
        text, nodes = self.nodes(p_el)
        spans = {id(el): (a, b) for el, a, b in nodes if el is not None}
        for el, a, b in nodes:
            if el is not None and a < k < b:
                run = el.getparent()
                if run is not None and run.tag.endswith("}r"):
                    _split_run(run, k, spans)
                return

    def runs_for(self, line: int, start: int, end: int) -> list:
        """The first and last w:r covering characters [start, end) of paragraph `line`."""
        if not 1 <= line <= len(self.elements):
            return []
        p_el = self.elements[line - 1]
        text, _ = self.nodes(p_el)
        if end <= start:  # a point: the word around it, or the whole paragraph
            start, end = 0, len(text)
        self.cut(p_el, end)
        self.cut(p_el, start)
        _, nodes = self.nodes(p_el)
        runs = []
        for el, a, b in nodes:
            if el is None or b <= start or a >= end:
                continue
            run = el.getparent()
            if run is not None and run.tag.endswith("}r") and (not runs or runs[-1] is not run):
                runs.append(run)
        if not runs:
            runs = [r for r in p_el.iter() if r.tag.endswith("}r")]
        return runs[:1] + runs[-1:] if runs else []


def comment_text(d: Diagnostic, lang: str) -> str:
    parts = [f"{d.code} [{d.severity}] {d.message.get(lang)}"]
    if d.hint is not None:
        parts.append(d.hint.get(lang))
    if d.suggestion:
        parts.append(("Gợi ý: " if lang == "vi" else "Suggestion: ") + d.suggestion)
    return "\n".join(parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def remove_own_comments(document) -> int:
    """Remove the comments an earlier `rasoat annotate` wrote (author "rasoat", initials "RS"),
    with their anchors in the body, so that annotating a reviewed copy again replaces them
    instead of doubling them. Comments written by people are kept. Returns how many went."""
    comments = document.comments
    own = [c for c in comments if c.author == AUTHOR and (c.initials or "") == "RS"]
    if not own:
        return 0
    ids = set()
    for c in own:
        el = c._comment_elm
        ids.add(el.get(_W + "id"))
        el.getparent().remove(el)
    body = document.element.body
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for el in list(body.iter(_W + tag)):
            if el.get(_W + "id") in ids:
                el.getparent().remove(el)
    for ref in list(body.iter(_W + "commentReference")):
        if ref.get(_W + "id") in ids:
            run = ref.getparent()
            if run is not None and run.tag == _W + "r" and all(
                    ch.tag in (_W + "rPr", _W + "commentReference") for ch in run):
                run.getparent().remove(run)  # the reference's own run
            else:
                run.remove(ref)
    return len(own)


MAX_EXISTING_COMMENTS = 10_000  # comments already in a draft (python-docx looks them all up per comment added)
_COMMENT_ID = re.compile(rb"<(?:\w+:)?comment\b[^>]*?\b(?:\w+:)?id\s*=\s*[\"']([^\"']*)[\"']")


def check_comments_part(raw: bytes) -> None:
    """Refuse (InputError E903) a draft whose existing comments part python-docx would crash or
    crawl on: a root other than w:comments, an id that is not a small number, too many comments."""
    import io
    import zipfile

    from .errors import InputError

    def refuse(vi: str, en: str):
        return InputError("E903", Msg(f"Không thêm được nhận xét: {vi}", f"Cannot add comments: {en}"))

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith("comments.xml") and "extended" not in n.lower()]
            for name in names:
                with zf.open(name) as fh:
                    data = fh.read(64 * 1024 * 1024 + 1)
                head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
                root = re.search(rb"<(?!\?|!)((?:\w+:)?\w+)", head)
                if root is None or not root.group(1).endswith(b"comments"):
                    raise refuse(f"phần nhận xét '{name}' không đúng dạng (gốc không phải w:comments).",
                                 f"the comments part '{name}' is malformed (its root is not w:comments).")
                ids = _COMMENT_ID.findall(data)
                if len(ids) > MAX_EXISTING_COMMENTS:
                    raise refuse(f"tệp đã có quá nhiều nhận xét ({len(ids)}, giới hạn {MAX_EXISTING_COMMENTS}).",
                                 f"the file already has too many comments ({len(ids)}, limit {MAX_EXISTING_COMMENTS}).")
                bad = next((i for i in ids if not i.isdigit() or len(i) > 9), None)
                if bad is not None:
                    shown = bad[:20].decode("utf-8", "replace")
                    raise refuse(f"một nhận xét có mã không hợp lệ ('{shown}').", f"a comment has an invalid id ('{shown}').")
    except zipfile.BadZipFile:
        return  # the reader has already refused a damaged package


def annotate_docx(raw: bytes, diagnostics: list[Diagnostic], lang: str = "vi") -> tuple[bytes, int]:
    """A copy of the .docx with one Word comment per finding; returns (bytes, comments added).
    Comments of an earlier run of rasoat on the same copy are replaced, not repeated; a hostile
    existing comments part is refused first (check_comments_part)."""
    from docx.text.run import Run

    check_comments_part(raw)
    document = open_document(raw)
    remove_own_comments(document)
    ann = _Annotator(document)
    added = 0
    # last findings first, so that splitting runs never moves an earlier finding's characters
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column), reverse=True):
        end = d.end_column - 1 if d.end_line == d.line else 10 ** 9
        runs_el = ann.runs_for(d.line, d.column - 1, end)
        if not runs_el:
            # nothing to anchor on (an empty paragraph, a footnote): the first run of the document
            first = next((r for r in document.element.body.iter() if r.tag.endswith("}r")), None)
            if first is None:
                continue
            runs_el = [first]
        document.add_comment([Run(r, None) for r in runs_el], text=comment_text(d, lang), author=AUTHOR, initials="RS")
        added += 1
    return _save(document), added


# ------------------------------------------------------------------------------ --diff of a .docx

_VIEW_PARTS = ("word/document.xml", "word/styles.xml")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _props(el) -> str:
    """A property element's children (w:rPr, w:pPr, w:sectPr) as one line: 'sz(val=28) b()'."""
    if el is None:
        return ""
    out = []
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        attrs = ",".join(f"{_local(k)}={v}" for k, v in sorted(ch.attrib.items()))
        inner = _props(ch) if len(ch) else ""
        out.append(f"{_local(ch.tag)}({attrs}{(' ' + inner) if inner else ''})")
    return " ".join(out)


def formatting_view(raw: bytes) -> str:
    """The formatting of a .docx as lines of text (paragraphs with their properties, their runs'
    text with the run properties, sections, styles), so that `check --diff` shows every change
    `--fix` makes to the formatting, not only to the text."""
    import zipfile

    from .layout.package import _parser
    from lxml import etree

    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        names = [n for n in z.namelist() if n in _VIEW_PARTS or
                 (n.startswith("word/") and n.rsplit("/", 1)[-1].startswith(("header", "footer")) and n.endswith(".xml"))]
    except zipfile.BadZipFile:
        return ""
    lines: list[str] = []
    for name in sorted(names):
        try:
            root = etree.fromstring(z.read(name), _parser())
        except (etree.XMLSyntaxError, ValueError, KeyError):
            continue
        lines.append(f"== {name}")
        if name == "word/styles.xml":
            for dd in root.iter(_W + "docDefaults"):
                lines.append(f"defaults: {_props(dd)}")
            for st in root.iter(_W + "style"):
                lines.append(f"style {st.get(_W + 'styleId')}: {_props(st.find(_W + 'pPr'))} | {_props(st.find(_W + 'rPr'))}")
            continue
        for el in root.iter(_W + "p", _W + "sectPr"):
            if el.tag == _W + "sectPr":
                lines.append(f"section: {_props(el)}")
                continue
            text = "".join(t.text or "" for t in el.iter(_W + "t"))
            lines.append(f"¶ {text[:70]!r} {_props(el.find(_W + 'pPr'))}")
            for r in el.iter(_W + "r"):
                rt = "".join(t.text or "" for t in r.iter(_W + "t"))
                if rt:
                    lines.append(f"    {rt[:50]!r} {_props(r.find(_W + 'rPr'))}")
    return "\n".join(lines) + "\n"
