"""The document model: paragraphs with spans mapped back to the source."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .source import Position, Source


@dataclass
class Paragraph:
    """One logical paragraph: normalised text plus, per character, its offset in the source.

    `offsets` has len(text) + 1 entries; the last one is the source offset just after the
    paragraph's last character, so a span [i, j) of the text maps to offsets[i] .. end(j).
    """

    text: str
    offsets: Sequence[int]  # a list, or an array("q") for a text draft (8 bytes a character)
    index: int = 0  # position in Document.paragraphs
    bold: bool = False
    italic: bool = False
    upper: bool = False
    footnote: bool = False
    label: str = ""  # docx: the auto-numbering label a reader sees ("1.", "a)", "-")
    container: str = "body"  # docx: "body" | "table:R:C" ; text: "body"
    meta: dict[str, Any] = field(default_factory=dict)

    def start_offset(self, i: int = 0) -> int:
        i = max(0, min(i, len(self.text)))
        return self.offsets[i]

    def end_offset(self, j: int | None = None) -> int:
        """Source offset just after character j-1 of the text."""
        if j is None:
            j = len(self.text)
        j = max(0, min(j, len(self.text)))
        if j == 0:
            return self.offsets[0]
        return self.offsets[j - 1] + 1 if j < len(self.text) else self.offsets[-1]

    def __repr__(self) -> str:  # short, for debugging
        return f"Paragraph({self.index}, {self.text[:50]!r})"


@dataclass(frozen=True)
class Range:
    """A span of the source file, from `start` to `end` (exclusive)."""
    start: Position
    end: Position


def span_range(source: Source, para: Paragraph, i: int = 0, j: int | None = None) -> Range:
    """Line/column range (1-based, end exclusive) of text[i:j] of a paragraph."""
    start = source.position(para.start_offset(i))
    end = source.position(para.end_offset(j))
    if (end.line, end.column) < (start.line, start.column):
        end = start
    return Range(start, end)
