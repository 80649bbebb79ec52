"""`check --fix` / `--diff`: apply the fixes of a run's findings to the files they came from.

Text drafts (.txt, .md): the edits are applied to the original text (so Markdown marks, the
encoding, the byte-order mark and the newlines stay as they were), re-checked and applied again
until nothing fixable is left; then the file is written atomically. .docx drafts: the edits are
applied run by run inside the paragraphs they concern (checker/docx_edit.py), keeping formatting.
"""
from __future__ import annotations

import sys

from .api import FileResult
from .document import Document
from .fix import atomic_write, encode_like, fix_text, not_written, unified_diff
from .pipeline import recheck, recheck_bytes
from .readers.text import paragraphs_from_source
from .source import Source
from .writefile import Stamp, WriteRefused


def _stamp(doc: Document):
    """What the file was when it was read (a file edited during the run is not overwritten)."""
    raw = doc.source.raw
    return None if raw is None else Stamp.of_bytes(doc.source.path, raw)


def _checker_for(res: FileResult):
    """The findings of an edited text, judged by the same pipeline and plan as the original."""
    doc = res.document

    def check(text: str):
        src = Source(path=doc.source.path, text=text, kind=doc.source.kind, encoding=doc.source.encoding,
                     bom=doc.source.bom, newline=doc.source.newline, raw=doc.source.raw)
        return recheck(res, Document(src, paragraphs_from_source(src), doc.options))

    return check


def _convert_legacy(res: FileResult, write: bool, show_diff: bool) -> int:
    from .commands.convert import ConvertError, convert_text_bytes
    from .encodings import decode_8bit

    src = res.document.source
    try:
        conv = convert_text_bytes(src.raw)
    except ConvertError:
        return 0
    if show_diff:
        old = src.raw.decode("utf-8") if src.encoding == "utf-8" else decode_8bit(src.raw)
        sys.stdout.write(unified_diff(res.path, old, conv.data.decode("utf-8-sig")))
    if write:
        try:
            atomic_write(src.path, conv.data, expect=_stamp(res.document))
        except (OSError, WriteRefused) as exc:
            not_written(res, exc)
            return 0
        res.diagnostics = recheck_bytes(res, conv.data)
    return 1


def fix_results(results: list[FileResult], settings, unsafe: bool, write: bool, show_diff: bool, lang: str) -> int:
    """Fix every file that can be fixed; replace its findings by those left after fixing.
    Returns the number of edits applied (or that would be, with --diff)."""
    total = 0
    for i, res in enumerate(results):
        doc = res.document
        if doc is None or res.failed or res.path == "<stdin>":
            continue
        if doc.source.legacy:  # a TCVN3/VNI text file: converted as `rasoat convert` does (unsafe)
            if unsafe:
                total += _convert_legacy(res, write, show_diff)
            continue
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
    return total
