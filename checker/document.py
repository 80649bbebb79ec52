"""Document: one input, read and parsed once, shared by every rule.

Stages are computed lazily and cached (functools.cached_property), so a rule that needs only
the paragraphs does not pay for the tree, and facts used by several rules (dates, tasks,
citations, agency mentions) are extracted once.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .model import Paragraph, span_range
from .source import Source


@dataclass
class Options:
    """What a run asks of the rules (from the command line and the configuration)."""

    stage: str = "draft"  # "draft" | "issued"
    lang: str = "vi"
    today: _dt.date | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # rule settings from [tool.rasoat]


class Document:
    def __init__(self, source: Source, paragraphs: list[Paragraph], options: Options | None = None):
        self.source = source
        self.paragraphs = paragraphs
        self.options = options or Options()
        self.cache: dict[str, Any] = {}  # for extractors that are not properties

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def structure(self):
        from .structure.parse import parse_structure

        return parse_structure(self.paragraphs)

    @property
    def kind(self) -> str:
        """"thong-bao" when the notice rules apply (a State, Party or joint notice), else "other";
        which notice it is: checker.structure.kind.notice_kind(doc)."""
        return self.structure.kind

    @cached_property
    def facts(self):
        """Facts several rules share (dates, number, issuer, notice kind, outline, tasks),
        each computed once when first asked for (checker/facts.py)."""
        from .facts import Facts

        return Facts(self)

    @cached_property
    def body_paragraphs(self) -> list[Paragraph]:
        """Paragraphs that are not footnotes, in order."""
        return [p for p in self.paragraphs if not p.footnote]

    @cached_property
    def scan(self):
        """The triggers of the rules found in every paragraph, in one pass (checker/scan.py),
        by position in `paragraphs`."""
        from .scan import Scan

        return Scan([p.text for p in self.paragraphs])

    def para(self, index: int) -> Paragraph:
        return self.paragraphs[index]

    def component(self, name: str) -> list[Paragraph]:
        return [self.paragraphs[i] for i in self.structure.components.get(name, [])]

    def range_of(self, para: Paragraph, i: int = 0, j: int | None = None):
        return span_range(self.source, para, i, j)


def load_text(text: str, path: str = "<stdin>", options: Options | None = None) -> Document:
    from .readers.text import paragraphs_from_source

    src = Source(path=path, text=text, kind="markdown" if path.lower().endswith(".md") else "text")
    return Document(src, paragraphs_from_source(src), options)


def load_path(path: str | Path, options: Options | None = None, data: bytes | None = None) -> Document:
    """Read a file (or given bytes under that name); raises errors.InputError for bad input."""
    from .readers import read

    source, paragraphs = read(str(path), data, limits=(options.settings.get("limits") if options else None))
    return Document(source, paragraphs, options)
