"""Triggers: the literal strings without which a rule's pattern cannot match, found for every rule
in one pass over a document, so that a rule whose trigger is absent from a paragraph does no work
on it.

A rule module declares its triggers when it is imported:

    LAW_T = scan.triggers("Luật ")                  # exact
    ARTICLE_T = scan.triggers("điều", "chương", fold=True)   # in the lower-cased text

and asks, per paragraph, whether one of them is there:

    hits = doc.scan                                  # computed once per document (Document.scan)
    if hits.has(LAW_T, p.index): ...

All the triggers declared by the modules loaded are found in one pass of an Aho–Corasick
automaton (pyahocorasick) over the paragraphs, once per document. The answer is always the same as
`any(t in p.text for t in keys)` (or on p.text.lower() with fold=True): a trigger declared after
a document was scanned, or an interpreter without pyahocorasick, is answered with that test.
"""
from __future__ import annotations

try:
    import ahocorasick as _ac
except ImportError:  # pragma: no cover - the dependency is declared; the answers stay the same
    _ac = None


class Keys(tuple):
    """A rule's triggers: the literal strings and whether they are sought in lower-cased text."""

    fold: bool

    def __new__(cls, keys, fold: bool):
        self = super().__new__(cls, keys)
        self.fold = fold
        return self


_DECLARED: dict[bool, set[str]] = {False: set(), True: set()}
_AUTOMATA: dict[bool, object] = {}
_NONE: frozenset[int] = frozenset()


def triggers(*keys: str, fold: bool = False) -> Keys:
    """Declare literal triggers (lower-case them yourself when fold=True)."""
    if not keys or any(not k for k in keys):
        raise ValueError("a trigger is a non-empty string")
    if fold and any(k != k.lower() for k in keys):
        raise ValueError(f"folded triggers are written in lower case: {keys}")
    _DECLARED[fold].update(keys)
    _AUTOMATA.pop(fold, None)  # rebuilt on the next document
    return Keys(keys, fold)


def automaton(words):
    """An Aho–Corasick automaton of `words` (its iter(text) yields (end index, word)), or None
    without pyahocorasick."""
    if _ac is None or not words:
        return None
    a = _ac.Automaton()
    for k in words:
        a.add_word(k, k)
    a.make_automaton()
    return a


def _automaton(fold: bool):
    a = _AUTOMATA.get(fold)
    if a is None:
        a = automaton(sorted(_DECLARED[fold]))
        if a is not None:
            _AUTOMATA[fold] = a
    return a


class Scan:
    """Which declared triggers occur in which paragraph of one document."""

    __slots__ = ("_texts", "_found", "_known", "_sets")

    def __init__(self, texts: list[str]):
        self._texts = texts
        self._found: dict[bool, dict[str, set[int]]] = {}
        self._known: dict[bool, frozenset] = {}
        self._sets: dict[tuple, frozenset[int]] = {}

    def _lowered(self):
        """The paragraphs lower-cased one at a time (never kept: a long document's lower-cased copy
        once held 30 MiB for the whole run)."""
        return (t.lower() for t in self._texts)

    def _index(self, fold: bool) -> dict[str, set[int]]:
        found = self._found.get(fold)
        if found is None:
            found = {}
            a = _automaton(fold)
            if a is not None:
                texts = self._lowered() if fold else self._texts
                for i, t in enumerate(texts):
                    for _, k in a.iter(t):
                        s = found.get(k)
                        if s is None:
                            found[k] = {i}
                        else:
                            s.add(i)
                self._known[fold] = frozenset(_DECLARED[fold])
            else:
                self._known[fold] = frozenset()
            self._found[fold] = found
        return found

    def _where(self, key: str, fold: bool) -> set[int]:
        found = self._index(fold)
        if key not in self._known[fold] and key not in found:
            texts = self._lowered() if fold else self._texts
            found[key] = {i for i, t in enumerate(texts) if key in t}
        return found.get(key, _NONE)

    def has(self, keys: Keys, index: int) -> bool:
        """Whether paragraph `index` holds one of `keys`."""
        return index in self.paragraphs(keys)

    def paragraphs(self, keys: Keys) -> frozenset[int]:
        """The indexes of the paragraphs that hold one of `keys` (worked out once per Keys)."""
        ref = (keys.fold, keys)
        out = self._sets.get(ref)
        if out is None:
            found: set[int] = set()
            for k in keys:
                found |= self._where(k, keys.fold)
            out = self._sets[ref] = frozenset(found)
        return out
