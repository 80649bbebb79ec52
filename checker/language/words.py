"""Words of a paragraph, with what surrounds them (for the spelling rules and encoding detection)."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from .. import rx as re

WORD = re.compile(r"[\p{L}\p{M}]+")
# a chunk (run of non-space) that is a code, a number-symbol, a unit, an address or a name with an
# apostrophe, not running text
CODE_CHUNK = re.compile(r"[\d/@&_\\|#%+=<>~]|\p{L}\.\p{L}|['’ʼ`]\p{L}|://")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    line: str  # the paragraph text it is in

    @property
    def code(self) -> bool:
        """Part of a code, address, number-symbol … (not running text)."""
        a, b = self.start, self.end
        t = self.line
        while a > 0 and not t[a - 1].isspace():
            a -= 1
        while b < len(t) and not t[b].isspace():
            b += 1
        return bool(CODE_CHUNK.search(t, a, b))

    @property
    def case(self) -> str:
        """"lower", "title" (Hà), "upper" (HÀ, UBND) or "mixed" (TTg, PTTgCP)."""
        t = self.text
        ups = sum(1 for c in t if c.isupper())
        if ups == 0:
            return "lower"
        if ups == len([c for c in t if c.isalpha()]):
            return "upper"
        if ups == 1 and t[0].isupper():
            return "title"
        return "mixed"


def words(text: str) -> Iterator[Word]:
    return (Word(m.start(), m.end(), m.group(), text) for m in WORD.finditer(text))
