"""The one place where Vietnamese text is normalised for comparison.

- `nfc`: canonical composition; every comparison in rasoat is made on NFC text.
- `fold`: lower case, no diacritics, đ → d: for fuzzy matching where diacritics must not count.
- `tone_neutral`: moves the tone mark of "oa, oe, uy" syllables to one place, so that
  "hoà/hòa", "thuỷ/thủy", "uỷ/ủy" compare equal (the two placements are both in use).
"""
from __future__ import annotations

import unicodedata

_COMBINING_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    # the marks dropped by one translate (a join of one string per character took 94 MiB for a
    # 9-million-character paragraph)
    drop = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(drop).replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lower case without diacritics, white space folded: 'Sở Công Thương' → 'so cong thuong'."""
    return " ".join(strip_diacritics(text).lower().split())


def tone_neutral(text: str) -> str:
    """Lower-cased NFC text with the tone mark always placed on the second vowel of oa/oe/uy.

    'hòa' and 'hoà' both become 'hoà'; 'ủy' and 'uỷ' both become 'uỷ'.
    """
    out = []
    for word in nfc(text).lower().split(" "):
        out.append(_move_tone(word))
    return " ".join(out)


def tone_of(syllable: str) -> str | None:
    for c in unicodedata.normalize("NFD", syllable):
        if c in _COMBINING_TONES:
            return c
    return None


def _strip_tone(s: str) -> str:
    return nfc("".join(c for c in unicodedata.normalize("NFD", s) if c not in _COMBINING_TONES))


# the characters whose tone marks stripped leave the "o" or "u" that a pair oa/oe/uy begins with
# (every one in Unicode: tests/test_agencies_matching.py works them out): a word without any of
# them is its own tone-neutral form (most words: no decomposition to make)
_PAIR_STARTS = frozenset("ouòóõùúũṍṹọỏụủ")


def _move_tone(word: str) -> str:
    if _PAIR_STARTS.isdisjoint(word):
        return word
    base = _strip_tone(word)
    tone = tone_of(word)
    if tone is None:
        return word
    for pair in ("oa", "oe", "uy"):
        i = base.find(pair)
        if i >= 0 and i + 2 == len(base.rstrip("nhcpmtg")) and (i == 0 or base[i - 1] not in "gq"):
            # place the tone on the second vowel (the "oà" style)
            target = i + 1
            chars = list(base)
            chars[target] = nfc(chars[target] + tone)
            return "".join(chars)
    return word


def within_one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a`, or `a` with one letter dropped, added or changed, or two neighbours
    swapped: an optimal string alignment distance of at most 1 (rapidfuzz's OSA.distance(a, b)
    <= 1, without importing rapidfuzz, ~29 M instructions of a start, for two short words)."""
    if a == b:
        return True
    if len(a) < len(b):
        a, b = b, a
    n = len(b)
    if len(a) - n > 1:
        return False
    i = 0  # the first difference: any one edit is made there
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) > n:
        return a[i + 1:] == b[i:]
    return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i] and a[i] == b[i + 1:i + 2] and a[i + 2:] == b[i + 2:])


def indel_ratios(a: str, keys: list[str]) -> list[float]:
    """rapidfuzz's fuzz.ratio(a, key) of each key, the same floats to the last bit, without
    importing rapidfuzz (~29 M instructions of a start, for the few rankings a notice needs): the
    normalized Indel similarity × 100, (1 − (len a + len key − 2·LCS) / (len a + len key)) × 100
    as rapidfuzz works it out, the longest common subsequence by the bit-parallel method (Hyyrö
    2004: the positions of each letter of `a` as the bits of an integer, made once; then one pass
    over each key, a few integer operations a letter)."""
    masks: dict[str, int] = {}  # letter → the positions of `a` that hold it
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    full, get, out = bit - 1, masks.get, []
    for b in keys:
        total = len(a) + len(b)
        v = full  # a zero bit per position of `a` in the common subsequence so far
        for ch in b:
            m = get(ch)
            if m:
                u = v & m
                v = (v + u) | (v - u)
        lcs = len(a) - (v & full).bit_count()
        out.append((1.0 - (total - 2 * lcs) / total) * 100 if total else 100.0)
    return out


def is_upper_text(text: str) -> bool:
    """True when every letter of `text` is upper case and there are at least two letters."""
    # by pieces: str.upper() works in a buffer of 12 bytes a character (a 9-million-character
    # paragraph took 108 MiB for this test), and the first lower-case piece ends it
    if len(text) <= 4096:  # one piece (most lines and paragraphs): no slicing loop
        if text.upper() != text:
            return False
    else:
        for i in range(0, len(text), 4096):
            piece = text[i:i + 4096]
            if piece.upper() != piece:
                return False
    n = 0
    for c in text:
        if c.isalpha():
            n += 1
            if n >= 2:
                return True
    return False


def first_letter(text: str) -> str:
    for c in text:
        if c.isalpha():
            return c
        if not (c.isspace() or c in "*_\"'“”‘’(["):
            return ""
    return ""
