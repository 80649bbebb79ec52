"""`check --fix` / `--diff`: apply the fixes of a run's findings to the files they came from.

Text drafts (.txt, .md): the edits are applied to the original text (so Markdown marks, the
encoding, the byte-order mark and the newlines stay as they were), re-checked and applied again
until nothing fixable is left; then the file is written atomically. .docx drafts: the edits are
applied run by run inside the paragraphs they concern (checker/docx_edit.py), keeping formatting.
"""
from __future__ import annotations

import sys

from .api import FileResult, check_document
from .document import Document
from .engine import select_rules
from .fix import atomic_write, encode_like, fix_text, not_written, unified_diff
from .readers.text import paragraphs_from_source
from .source import Source
from .suppress import apply as apply_suppressions
from .writefile import Stamp, WriteRefused


def _stamp(doc: Document):
    """What the file was when it was read (a file edited during the run is not overwritten)."""
    raw = doc.source.raw
    return None if raw is None else Stamp.of_bytes(doc.source.path, raw)


def _checker_for(res: FileResult):
    doc = res.document
    select, ignore = res.selection
    rules = select_rules(select, ignore)
    selected = {r.code for r in rules}

    def check(text: str):
        src = Source(path=doc.source.path, text=text, kind=doc.source.kind, encoding=doc.source.encoding,
                     bom=doc.source.bom, newline=doc.source.newline, raw=doc.source.raw)
        d = Document(src, paragraphs_from_source(src), doc.options)
        diags = check_document(d, rules).diagnostics
        return apply_suppressions(text, diags, selected, res.path)

    return check


def fix_results(results: list[FileResult], settings, unsafe: bool, write: bool, show_diff: bool, lang: str) -> int:
    """Fix every file that can be fixed; replace its findings by those left after fixing.
    Returns the number of edits applied (or that would be, with --diff)."""
    total = 0
    for i, res in enumerate(results):
        doc = res.document
        if doc is None or res.failed or res.path == "<stdin>" or doc.source.legacy:
            continue  # (a TCVN3/VNI file is checked in a Unicode conversion: `rasoat convert` first)
        if doc.source.kind == "docx":
            from .docx_edit import fix_docx

            try:
                n, remaining = fix_docx(res, unsafe=unsafe, write=write, show_diff=show_diff)
            except (OSError, WriteRefused) as exc:
                not_written(res, exc)
                continue
            total += n
            if remaining is not None:
                res.diagnostics = remaining
            continue
        check = _checker_for(res)
        old = doc.source.text
        new, n = fix_text(old, check, unsafe=unsafe)
        if not n or new == old:
            continue
        total += n
        if show_diff:
            sys.stdout.write(unified_diff(res.path, old, new))
        if write:
            try:
                atomic_write(doc.source.path, encode_like(new, doc.source), expect=_stamp(doc))
            except (OSError, WriteRefused) as exc:
                not_written(res, exc)
                continue
            res.diagnostics = check(new)
            for d in res.diagnostics:
                d.path = res.path
    return total
