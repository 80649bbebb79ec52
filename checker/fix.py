"""Fixes: edits → new text → atomic write.

Only the fixer (and the annotator) write files. A write goes to a temporary file in the same
folder and is renamed over the original, so an interrupted run never leaves half a file. The
encoding, byte-order mark and newlines of the original are kept. A file whose check failed
(unreadable input, an internal error) is never touched.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .diagnostics import Diagnostic, Edit

MAX_PASSES = 5


@dataclass
class FixOutcome:
    path: str
    applied: int
    new_text: str | None  # None when nothing changed


def select_edits(diagnostics: list[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """Non-overlapping edits of the fixable diagnostics, in order (the first of two overlapping
    edits wins; the other is left for the next pass)."""
    edits: list[Edit] = []
    for d in diagnostics:
        if d.fix is None or (not d.fix.safe and not unsafe):
            continue
        edits.extend(d.fix.edits)
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    last_end = -1
    for e in edits:
        if e.start < last_end or (out and e.start == out[-1].start and e.end == out[-1].end):
            continue
        out.append(e)
        last_end = e.end
    return out


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, check, unsafe: bool = False) -> tuple[str, int]:
    """Apply fixes repeatedly until no fixable finding is left (at most MAX_PASSES passes).
    `check(text)` returns the diagnostics of a text."""
    total = 0
    for _ in range(MAX_PASSES):
        edits = [e for e in select_edits(check(text), unsafe) if text[e.start:e.end] != e.replacement]
        if not edits:
            break
        text = apply_edits(text, edits)
        total += len(edits)
    return text, total


def encode_like(text: str, source) -> bytes:
    """Bytes of `text` in the source's encoding, with its byte-order mark."""
    if source.encoding == "utf-16":
        raw = source.raw or b""
        bom = raw[:2] if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else b"\xff\xfe"
        codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
        return bom + text.encode(codec)
    data = text.encode(source.encoding or "utf-8")
    return (b"\xef\xbb\xbf" + data) if source.bom else data


def atomic_write(path: str, data: bytes, inputs=(), in_place: bool = True, expect=None) -> None:
    """checker.writefile.write_file (atomic, keeps mode and owner, refuses links, read-only files
    and files changed since `expect`); raises WriteRefused or OSError with nothing written."""
    from .writefile import write_file

    write_file(path, data, inputs=inputs, in_place=in_place, expect=expect)


def not_written(res, exc: BaseException) -> None:
    """Give a file whose fixed version could not be written its own E907 finding (exit code 2)."""
    from .diagnostics import Diagnostic, Msg
    from .writefile import WriteRefused

    if isinstance(exc, WriteRefused):
        msg = exc.msg
    else:
        why = getattr(exc, "strerror", None) or str(exc)
        msg = Msg(f"không ghi được '{res.path}' ({why}); tệp giữ nguyên.",
                  f"could not write '{res.path}' ({why}); the file is unchanged.")
    res.diagnostics.append(Diagnostic(code="E907", category="input", severity="error", message=msg, line=1,
                                      column=1, end_line=1, end_column=1, path=res.path))
    res.failed = True


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=path, tofile=path))
