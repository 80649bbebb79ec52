"""Fixes: edits → new text → atomic write.

Only the fixer (and the annotator) write files. A write goes to a temporary file in the same
folder and is renamed over the original, so an interrupted run never leaves half a file. The
encoding, byte-order mark and newlines of the original are kept. A file whose check failed
(unreadable input, an internal error) is never touched.
"""
from __future__ import annotations

import difflib
import os
import tempfile
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


def atomic_write(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".rasoat-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=path, tofile=path))
