"""Syllable counts of Vietnamese administrative and legal text (rules/lm/syllables.bin, built by
tools/build_syllable_lm.py from ../shared/lm: 13,977 documents, 29 million syllables).

`count(x)` is how often a syllable occurs, `pair(x, y)` how often y follows x (0 below 3), both
lower case with the two tone styles merged (tone_neutral). The table is read once, the first time
a rule asks (about 15 ms): 6,300 syllables, their close variants and 366,000 bigrams in 2.1 MB.

`variants(x)` are the close neighbours of a syllable that a slip of the keyboard or of the ear
turns into one another: another tone mark; another vowel diacritic (a/ă/â, o/ô/ơ, u/ư, e/ê); the
onsets confused in speech (d/gi/r, s/x, ch/tr, n/l, d/đ, g/ng/gh/ngh); the finals n/ng and c/t.
"""
from __future__ import annotations

import array
import bisect
import math
import mmap
import sys
from functools import lru_cache
from itertools import compress

from ..resources import rules_path
from ..textnorm import tone_neutral
from .syllables import _place_tone, is_syllable, parse

SCALE = 14
_EXP = [math.exp(q / SCALE) for q in range(256)]


class LanguageModelError(ValueError):
    """The table cannot be read (names the file)."""


class SyllableModel:
    """The table over a buffer (bytes, or the memory-mapped file): the bigram keys, their counts,
    the variant lists are read in place (memoryview casts, no copy); only the 6,300 syllables and
    their counts are read into Python objects."""

    def __init__(self, data, name: str = "syllables.bin"):
        try:
            mv = memoryview(data)
            if bytes(mv[:6]) != b"RSLM1\n":
                raise ValueError("not a rasoat syllable table")
            head = bytes(mv[6:64])
            head_end = 6 + head.index(b"\n")
            n_syl, n_bi, n_text = (int(x) for x in bytes(mv[6:head_end]).split())
            pos = head_end + 1
            fields = str(mv[pos:pos + n_text], "utf-8").split()
            pos += n_text
            words = fields[0::2]
            counts = list(map(int, fields[1::2]))
            if len(words) != n_syl or len(counts) != n_syl:
                raise ValueError("wrong number of syllables")
            ids = dict(zip(words, range(n_syl)))
            n_var = int(bytes(mv[pos:pos + 8]).decode("ascii"))
            pos += 8
            starts = _ints(mv, pos, n_syl + 1, "I")
            pos += 4 * (n_syl + 1)
            var_ids = _ints(mv, pos, n_var, "H")
            pos += 2 * n_var
            keys = _ints(mv, pos, n_bi, "I")
            pos += 4 * n_bi
            logs = mv[pos:pos + n_bi]
            if len(keys) != n_bi or len(logs) != n_bi or len(var_ids) != n_var or len(starts) != n_syl + 1:
                raise ValueError("truncated")
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            raise LanguageModelError(f"{name}: bảng âm tiết không đọc được (unreadable syllable table): {exc}") from None
        self._ids = ids
        self._words = words
        self._starts = starts
        self._var_ids = var_ids
        self._counts = counts
        self._keys = keys
        self._logs = logs
        # the second syllable of each bigram (the low half of its key), read in place: followers()
        # picks them with compress() in C, not one key at a time in Python
        halves = memoryview(keys).cast("B").cast("H")
        self._seconds = halves[0::2] if sys.byteorder == "little" else halves[1::2]
        self._at_least: dict[float, bytes] = {}
        self.total = sum(counts)
        self._followers: dict[tuple[int, float], frozenset[int]] = {}
        # worked out once per syllable that asks (at most one entry per syllable: a few hundred
        # KB for all 6,300): its variants as a tuple (a slice of the buffer costs an object per
        # call) and the bounds of its run of bigrams, so a pair is searched in that run alone
        self._variants: dict[int, tuple[int, ...]] = {}
        self._runs: dict[int, tuple[int, int]] = {}
        # for the per-syllable loop of L705 (context._passed_over), read without a method call:
        # the counts by id, variant_ids() worked out so far, and followers(i, EVIDENCE) by i
        self.counts = counts
        self.variant_cache = self._variants
        self.strong_cache: dict[int, frozenset[int]] = {}

    def count(self, x: str) -> int:
        i = self._ids.get(x)
        return 0 if i is None else self._counts[i]

    def known(self, x: str) -> bool:
        return x in self._ids

    def id(self, x: str) -> int | None:
        return self._ids.get(x)

    def ids(self, keys, unknown=None) -> list[int | None]:
        """id() of each key, in one call (a stretch of syllables looked up at once, in C); a key
        not in the table gets None, or the next item of the iterable `unknown`."""
        if unknown is None:
            return list(map(self._ids.get, keys))
        return list(map(self._ids.get, keys, unknown))

    def count_id(self, i: int) -> int:
        return self._counts[i]

    def pair_ids(self, i: int, j: int) -> float:
        run = self._runs.get(i)
        if run is None:
            run = self._run(i)
        key = i << 16 | j
        keys = self._keys
        k = bisect.bisect_left(keys, key, *run)
        if k < run[1] and keys[k] == key:
            return _EXP[self._logs[k]]
        return 0.0

    def _run(self, i: int) -> tuple[int, int]:
        """[lo, hi) of the bigrams that begin with syllable i in the sorted table."""
        keys = self._keys
        lo = bisect.bisect_left(keys, i << 16)
        run = self._runs[i] = (lo, bisect.bisect_left(keys, (i + 1) << 16, lo))
        return run

    def followers(self, i: int, at_least: float) -> frozenset[int]:
        """The ids j with pair_ids(i, j) >= at_least (worked out once per syllable: its bigrams are
        one run of the sorted table, their log counts turned into 1 or 0 by one bytes.translate)."""
        key = (i, at_least)
        out = self._followers.get(key)
        if out is None:
            table = self._at_least.get(at_least) or self._selector(at_least)
            lo, hi = self._runs.get(i) or self._run(i)
            out = frozenset(compress(self._seconds[lo:hi], self._logs[lo:hi].tobytes().translate(table)))
            self._followers[key] = out
        return out

    def _selector(self, at_least: float) -> bytes:
        """The translation of a log count to 1 when the count it stands for is at least `at_least`,
        else to 0."""
        out = self._at_least[at_least] = bytes(e >= at_least for e in _EXP)
        return out

    def variant_ids(self, i: int):
        """Ids of the close variants of syllable i (see `neighbours`)."""
        out = self._variants.get(i)
        if out is None:
            out = self._variants[i] = tuple(self._var_ids[self._starts[i]:self._starts[i + 1]])
        return out

    def word(self, i: int) -> str:
        return self._words[i]

    def pair(self, x: str, y: str) -> float:
        i, j = self._ids.get(x), self._ids.get(y)
        if i is None or j is None:
            return 0.0
        key = i << 16 | j
        k = bisect.bisect_left(self._keys, key)
        if k < len(self._keys) and self._keys[k] == key:
            return _EXP[self._logs[k]]
        return 0.0


def _ints(mv: memoryview, pos: int, n: int, fmt: str):
    """n little-endian integers of type fmt at pos, read in place (a copy only on a big-endian
    machine)."""
    size = 4 if fmt == "I" else 2
    part = mv[pos:pos + size * n]
    if len(part) != size * n:
        raise ValueError("truncated")
    if sys.byteorder == "little":
        return part.cast("B").cast(fmt)
    out = array.array(fmt)
    out.frombytes(part)
    out.byteswap()
    return out


@lru_cache(maxsize=1)
def model() -> SyllableModel:
    """The table, memory-mapped the first time a rule needs a lookup: only the pages that lookups
    touch are read from disk."""
    path = rules_path("lm/syllables.bin")
    try:
        with open(path, "rb") as f:
            try:
                data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):
                data = f.read()  # an empty file, or a file system without mmap
    except OSError as exc:
        raise LanguageModelError(f"{path}: {exc}") from None
    return SyllableModel(data, str(path))


_ONSETS = {"d": ("gi", "r", "đ"), "gi": ("d", "r"), "r": ("d", "gi"), "đ": ("d",), "s": ("x",), "x": ("s",),
           "ch": ("tr",), "tr": ("ch",), "n": ("l",), "l": ("n",), "g": ("ng",), "ng": ("g", "ngh"),
           "gh": ("ngh", "g"), "ngh": ("gh", "ng")}
_VOWELS = {"a": "ăâ", "ă": "aâ", "â": "aă", "o": "ôơ", "ô": "oơ", "ơ": "oô", "u": "ư", "ư": "u", "e": "ê", "ê": "e"}
_FINALS = {"n": "ng", "ng": "n", "c": "t", "t": "c"}
_V = set("aăâeêioôơuưy")


def _bases(onset: str, rhyme: str) -> set[str]:
    n = 0
    while n < len(rhyme) and rhyme[n] in _V:
        n += 1
    vowels, final = rhyme[:n], rhyme[n:]
    out = {onset + rhyme}
    out.update(o + rhyme for o in _ONSETS.get(onset, ()))
    for k, c in enumerate(vowels):
        out.update(onset + vowels[:k] + c2 + vowels[k + 1:] + final for c2 in _VOWELS.get(c, ""))
    if final in _FINALS:
        out.add(onset + vowels + _FINALS[final])
    return out


MIN_VARIANT = 50  # a variant must occur at least this often


def neighbours(x: str, count) -> list[str]:
    """The well-formed syllables (tone_neutral) one slip away from `x` that occur at least
    MIN_VARIANT times (`count(syllable)`): one change of onset, vowel or final, with or without a
    change of tone. Computed by tools/build_syllable_lm.py and stored in the table."""
    p = parse(x)
    if p is None:
        return []
    out = set()
    for base in _bases(p.onset, p.rhyme):
        for tone in range(1, 7):
            for at, c in enumerate(base):
                if c not in _V:
                    continue
                s = _place_tone(base, tone, at)
                if is_syllable(s):
                    k = tone_neutral(s)
                    if k != x and count(k) >= MIN_VARIANT:
                        out.add(k)
                    break
    return sorted(out)


def variants(x: str) -> tuple[str, ...]:
    m = model()
    i = m.id(x)
    return () if i is None else tuple(m.word(j) for j in m.variant_ids(i))
