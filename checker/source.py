"""Source: the original text of an input file and the map from offsets to lines and columns.

Every position reported to the user is a 1-based line and column of the *original* file
(for .docx: paragraph number and character offset, because the docx reader renders one
paragraph per line). Paragraph text is normalised (NFC, Markdown marks removed, white space
folded), so each paragraph carries a list of original offsets, one per character.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterator

from . import rx as re


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _starts_of(parts: list[str]) -> list[int]:
    """Line starts of a text split at "\n": each line starts one past the end of the one before."""
    return list(accumulate([len(p) + 1 for p in parts[:-1]], initial=0))


@dataclass(frozen=True)
class Position:
    """A place in the source file: line and column, 1-based."""
    line: int
    column: int


@dataclass
class Source:
    """The decoded text of one input, as the user wrote it."""

    path: str
    text: str
    kind: str = "text"  # "text" | "markdown" | "docx"
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    raw: bytes | None = field(default=None, repr=False)
    legacy: str = ""  # "tcvn3" | "vni": the file is legacy 8-bit text; `text` is its Unicode conversion
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            if "\r" in self.text:
                self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
            else:
                self._line_starts = _starts_of(self.text.split("\n"))
        return self._line_starts

    def lines(self) -> list[tuple[int, str]]:
        """(start offset, line text without its terminator) for every line."""
        return list(self.iter_lines())

    def iter_lines(self) -> Iterator[tuple[int, str]]:
        """lines(), one at a time."""
        text = self.text
        if "\r" in text:  # the texts between the terminators, one per start
            return zip(self.line_starts, _NEWLINE.split(text))
        parts = text.split("\n")  # str.split, much faster than the pattern, when "\n" is the only terminator
        if self._line_starts is None:
            self._line_starts = _starts_of(parts)
        return zip(self._line_starts, parts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        starts = self.line_starts
        k = bisect.bisect_right(starts, offset) - 1
        return Position(k + 1, offset - starts[k] + 1)

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        if not 1 <= line <= len(starts):
            return ""
        s = starts[line - 1]
        e = starts[line] if line < len(starts) else len(self.text)
        return self.text[s:e].rstrip("\r\n")
