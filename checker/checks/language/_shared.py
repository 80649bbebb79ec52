"""What the language rules share: the curated confusions of each paragraph (found once)."""
from __future__ import annotations

from ...language.context import LONG_PARAGRAPH, flat_keys
from ...language.lexicon import ConfusionMatch, find_confusions_in
from ...language.words import WORD, Word

_new = tuple.__new__


def paragraph_confusions(doc) -> dict[int, list[ConfusionMatch]]:
    """Paragraph index → the curated confusions in it (L701; L702 leaves these words to L701)."""
    if "confusions" not in doc.cache:
        found = find_confusions_in([p.text for p in doc.paragraphs])
        doc.cache["confusions"] = {doc.paragraphs[i].index: f for i, f in found.items()}
    return doc.cache["confusions"]


def paragraph_keys(doc, p) -> tuple[list[str], list[int | None] | None] | None:
    """The syllable keys of a paragraph with its stretch boundaries, and their ids if it is mostly
    accented (context.flat_keys), for L705 and L706; None for a paragraph with no letter beyond
    ASCII, or longer than any real one (never split whole: those rules read it stretch by
    stretch)."""
    text = p.text
    if len(text) > LONG_PARAGRAPH or text.isascii():
        return None
    return flat_keys(text)


def accented_words(doc, p) -> list[Word]:
    """The words of a paragraph that have a letter beyond ASCII (the only ones L702 and L703
    look at), split once per document."""
    if len(p.text) > LONG_PARAGRAPH:  # longer than any real one: read as it is split, never kept
        return _accented(p.text)
    cache = doc.cache.setdefault("accented_words", {})
    if p.index not in cache:
        cache[p.index] = list(_accented(p.text))
    return cache[p.index]


def _accented(t: str):
    if not t.isascii():
        for m in WORD.finditer(t):
            w = m.group()
            if not w.isascii():
                a, b = m.span()
                yield _new(Word, (a, b, w, t))  # Word(a, b, w, t) without the Python-level __new__
