"""Real-word errors: a well-formed syllable in the wrong place ("đế bảo đảm" for "để bảo đảm",
"quy đinh" for "quy định", "xây dụng" for "xây dựng"), judged on the syllable counts of
checker/language/lm.py. Also the words a paragraph is split into for that purpose, shared with
the doubled-word rule.

The judgement (calibrated on ../shared/regs and ../shared/corpus/other, texts known to be clean,
and on errors put into them; figures in README "Chính tả theo ngữ cảnh"):

- a syllable x between l and r (the words next to it in the same stretch of text: no punctuation
  between) is compared with each close variant v (lm.variants) on the estimate of how often the
  three occur together, C(l,x)·C(x,r)/C(x);
- nothing is said when x forms a common word with a neighbour (C(l,x) ≥ 30 and ≥ 0.5% of x's
  uses: "cộng tác", "cỡ chữ", "mốc thời gian") unless the variant's word is 100 times as common
  ("quy đinh" 44, "quy định" 107,732); never when it forms one on each side;
- v must have been seen at least 100 times with each neighbour, and at least 15 times as often
  as x (l v against l x; v r against x r);
- the estimate must be at least e^2.5 ≈ 12 times higher with both neighbours, e^6 ≈ 400 times
  with one (the other side is punctuation);
- when v's word with the left neighbour is 100 times as common as x's (and seen ≥ 10,000 times:
  "điện tử" 17,778, "điện từ" 138), v need only be seen 100 times with the right one;
- a syllable never seen beside a neighbour although the two would meet ≥ 30 times by chance
  ("tỷ trong đóng góp") is judged by `_unseen` (thresholds with a margin: 20 or a ratio of 5 gave
  no new alarm on the clean texts, 10 did).
"""
from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from itertools import chain, compress, islice, repeat, starmap
from operator import and_, eq, or_
from typing import NamedTuple

from .. import rx as re
from ..textnorm import tone_neutral

from .lm import model

# as the counts were made (../shared/lm/build.py): a bigram never spans punctuation, a line break
# or a spaced dash; digits are skipped
SPLIT = re.compile(r"[.,;:!?()\[\]{}\"“”'‘’|/\\*#…\n]+|\s[-–—]\s")
TOKEN = re.compile(r"[^\W\d_]+")

T_BOTH, T_ONE, RATIO, EVIDENCE = 2.5, 6.0, 15.0, 100
WORD_MIN, WORD_SHARE, WORD_OVER = 30, 0.005, 100


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # tone_neutral(text)
    first: bool  # first word of a sentence (or of the paragraph)


_new = tuple.__new__


# a pair of vowels whose tone mark has two placements (oa, oe, uy, with a tone on either)
_TWO_PLACES = re.compile("[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ]")


@lru_cache(maxsize=131072)
def _key(word: str) -> str:
    """tone_neutral(word), without its per-letter work for a word with no oa/oe/uy."""
    low = word.lower()
    if _TWO_PLACES.search(low) is None and unicodedata.is_normalized("NFC", low):
        return low
    return tone_neutral(word)


LONG_PARAGRAPH = 20_000  # characters: a real paragraph has a few thousand at most


def chunks(text: str):
    """The stretches of a paragraph between punctuation marks, as lists of tokens (kept for the
    last paragraphs seen: L705 and L706 read the same paragraphs; do not modify the lists). A
    paragraph longer than any real one is split as it is read, never kept: its tokens (a Token
    and two strings a word) took 290 MiB for 9.9 MB of text."""
    if len(text) > LONG_PARAGRAPH:
        return _iter_chunks(text)
    return _chunks(text)


@lru_cache(maxsize=4096)
def _chunks(text: str) -> list[list[Token]]:
    return list(_iter_chunks(text))


_SENTENCE_END = frozenset(".!?:\n")


def _iter_chunks(text: str):
    pos = 0
    sentence_start = first = True
    finditer = TOKEN.finditer
    key = _key
    for m in SPLIT.finditer(text + "\n"):
        end = m.start()
        sep = m.group()
        if end > pos:  # no token to look for between two marks side by side
            # one comprehension, the first token's flag set after (not a test per token)
            toks = [_new(Token, (t.start(), t.end(), w, key(w), False))
                    for t in finditer(text, pos, end) for w in (t.group(),)]
            if toks:
                if sentence_start:
                    t0 = toks[0]
                    toks[0] = _new(Token, (t0[0], t0[1], t0[2], t0[3], True))
                label = first and len(toks) == 1 and len(toks[0].text) <= 2 and sep.startswith((")", "."))
                if not label:
                    yield toks
                    first = sentence_start = False
        if not _SENTENCE_END.isdisjoint(sep):
            sentence_start = True
        pos = m.end()


# the tokens of a paragraph and the boundaries of its stretches in one pass: a TOKEN (only letters)
# or a SPLIT match (never a letter) with what follows it up to the next token (digits, other
# marks: "/12/2014 ", ", 2, "), so the scan meets the same boundaries as SPLIT.finditer and each
# boundary is one item
# (the token first: most items are words, and a letter never begins a boundary, so the order of the
# two alternatives changes no match).
# The plain spaces before an item are taken into the match and left out of the group findall()
# returns: the search then starts one attempt per word, not a failed one at each space as well
# (about 15 % of the scan). No item is lost or changed: a plain space is not a SPLIT character,
# and in a run of them only the last can begin an item (the " - " boundary; the character after
# the run, when it is a dash, begins none), so the attempt that gives back spaces one by one finds
# the item the scan without them would have found first.
_FLAT = re.compile(f"[ ]*({TOKEN.pattern}|(?:{SPLIT.pattern})[\\W\\d_]*)")


def flat_keys(text: str) -> tuple[list[str], list[int | None] | None]:
    """(keys, ids) of a paragraph: _key() of every token in order, with each boundary between
    stretches (a SPLIT match and the non-letters after it, kept as written: never a syllable of
    the counts; two may follow one another, see _RawKeys) in its place; and, for a paragraph mostly_accented(), the model's id of each item
    (None: a boundary or a syllable the counts do not know), else None. Two tokens side by side in
    the list are neighbours in one stretch of chunks(text) (digits or symbols between them are
    skipped by both); the first and last tokens of a stretch have a boundary or an end beside
    them. A str.split() and a few maps in C (one dict lookup per piece between spaces), no
    object per word; kept for the last paragraphs seen,
    as chunks() (do not modify the lists). L705 and L706 build chunks() only for a paragraph where
    these show something to judge."""
    if len(text) > LONG_PARAGRAPH:
        raise ValueError("a paragraph longer than LONG_PARAGRAPH is read with chunks()")
    return _flat(text)


@lru_cache(maxsize=4096)
def _flat(text: str) -> tuple[list[str], list[int | None] | None]:
    if "\n" in text:  # a line break is a boundary that str.split() would drop: scanned whole
        items = _FLAT.findall(text)
        keys = list(map(_key, items))
        balance = _balance(items)
    else:
        if len(_RAW_KEYS) >= RAW_KEYS_MAX:  # a text of random strings: not kept without end
            _RAW_KEYS.clear()
            _RAW_BALANCE.clear()
        raws = text.split()
        # a dash alone is a boundary only with white space on both sides (SPLIT): not at an end
        # of the paragraph that has none ("- Báo cáo …", a bullet)
        if raws and raws[0] in _DASHES and not text[0].isspace():
            del raws[0]
        if raws and raws[-1] in _DASHES and not text[-1].isspace():
            del raws[-1]
        keys = list(chain.from_iterable(map(_RAW_KEYS.__getitem__, raws)))
        balance = sum(map(_RAW_BALANCE.__getitem__, raws))
    # mostly_accented(text), counted on the same tokens
    return keys, model().ids(keys) if balance < 0 else None


_DASHES = frozenset("-–—")


class _RawKeys(dict):
    """A piece of a paragraph between white space (str.split()) → the _key() of its items as
    _FLAT finds them in it (tokens; a SPLIT mark with the non-letters after it, a boundary; a
    dash alone, the spaced dash of SPLIT), worked out once per distinct piece. Splitting on white
    space in C and looking the pieces up replaces a regex scan of every character of the
    paragraph (about 2/3 of flat_keys()): the pieces of a text are few (about 6,300 syllables,
    with or without a mark beside them). Two boundaries may follow one another where _FLAT gives
    one item ("12), (b"): the stretches, neighbours and ids are the same. Emptied by _flat()
    when it has grown past RAW_KEYS_MAX (never in the middle of a paragraph)."""

    def __missing__(self, raw: str) -> tuple[str, ...]:
        if raw.isalpha():  # a piece of letters alone (most of them): one token, no scan
            out = self[raw] = (_key(raw),)
            _RAW_BALANCE[raw] = 1 if raw.isascii() else -1
            return out
        items = _items(raw)
        out = self[raw] = tuple(map(_key, items))
        _RAW_BALANCE[raw] = _balance(items)
        return out


class _RawBalance(dict):
    """A piece → _balance() of its items, filled with _RAW_KEYS; worked out again for a piece
    another thread's _flat() cleared between the two lookups (`rasoat serve` checks in threads)."""

    def __missing__(self, raw: str) -> int:
        out = self[raw] = (1 if raw.isascii() else -1) if raw.isalpha() else _balance(_items(raw))
        return out


def _items(raw: str):
    """_FLAT's items of a piece between white space (a dash alone: the spaced dash of SPLIT)."""
    return (raw,) if raw in _DASHES else _FLAT.findall(raw)


def _balance(items) -> int:
    """The plain tokens of `items` (_FLAT's) less the accented ones: the sum over a paragraph is
    below 0 when it is mostly accented (a boundary has no letter nor digit: not counted)."""
    words = list(filter(str.isalnum, items))
    return len(words) - 2 * (len(words) - sum(map(str.isascii, words)))


RAW_KEYS_MAX = 100_000
_RAW_KEYS = _RawKeys()
_RAW_BALANCE = _RawBalance()  # filled with _RAW_KEYS: read after it, for the same pieces


def any_likely(ids: list[int | None]) -> bool:
    """Whether likely_variant_ids() finds a variant for some syllable of `ids` (flat_keys) with
    its two neighbours (None beside a boundary, an end or a syllable the counts do not know: the
    ids chunks()' caller passes): False means no syllable of the paragraph can be judged wrong.
    Worked out with map and zip in C: one cached lookup per pair of neighbours (_pair_flags),
    then one per syllable that these leave open (_open: those _passed_over() would not pass)."""
    lefts = [None, *ids]
    rights = ids[1:]
    rights.append(None)
    flags = list(map(_pair_flags, ids, rights))  # flags[k]: the pair ids[k], ids[k + 1]
    # a syllable is open on what its left pair says (SLIP, UNSEEN, NO_LEFT), or an UNSEEN right
    # pair (rare: looked for only in a paragraph that has one)
    open_ = chain((NO_LEFT,), flags)
    if UNSEEN in flags or UNSEEN | SLIP in flags:
        open_ = map(or_, open_, map(and_, flags, repeat(UNSEEN)))
    return any(starmap(_likely, compress(zip(lefts, ids, rights), open_)))


def maybe_doubled(keys: list[str]) -> bool:
    """Whether `keys` (flat_keys) holds an item twice in a row, or two items twice in a row
    (a b a b): False means doubled() finds nothing in the paragraph (its words are side by side
    in one stretch, so side by side in `keys`)."""
    if any(map(eq, keys, islice(keys, 1, None))):
        return True
    if not any(map(eq, keys, islice(keys, 2, None))):
        return False  # no a _ a: no a b a b (the commonest answer, in one pass)
    return any(map(and_, map(eq, keys, islice(keys, 2, None)), map(eq, islice(keys, 1, None), islice(keys, 3, None))))


def mostly_accented(text: str) -> bool:
    """Text written with its tone marks (not Vietnamese typed without them, nor a foreign text)."""
    if text.isascii():
        return False  # no accented word
    if len(text) > LONG_PARAGRAPH:  # not findall: a list of every word of a long paragraph
        words = accented = 0
        for m in TOKEN.finditer(text):
            words += 1
            accented += not m.group().isascii()
    else:  # the words counted in C (map, sum), not one by one in Python
        found = TOKEN.findall(text)
        words = len(found)
        accented = words - sum(map(str.isascii, found))
    return bool(words) and accented * 2 > words


def _score(m, l: int | None, x: int, r: int | None) -> float:
    cx = m.count_id(x) + 1
    n = m.total
    s = 0.0
    if l is not None:
        s += math.log(m.pair_ids(l, x) + cx / n * m.count_id(l) + 0.01)
    if r is not None:
        s += math.log(m.pair_ids(x, r) + m.count_id(r) / n * cx + 0.01)
    if l is not None and r is not None:
        s -= math.log(cx)
    return s


def _word(m, c: float, x: int) -> bool:
    """A pair seen c times is a common word (x being the syllable that is judged)."""
    return c >= WORD_MIN and c >= WORD_SHARE * m.count_id(x)


def likely_variant(l: str | None, x: str, r: str | None) -> str | None:
    """The variant of x (tone_neutral) that the context makes far more likely, or None."""
    m = model()
    return _likely(m.id(l) if l is not None else None, m.id(x), m.id(r) if r is not None else None)


@lru_cache(maxsize=65536)
def _likely(li: int | None, xi: int | None, ri: int | None) -> str | None:
    if xi is None or (li is None and ri is None):
        return None
    m = model()
    if _passed_over(m, li, xi, ri):
        return None
    return _judge(m, li, xi, ri)


def _passed_over(m, li: int | None, xi: int, ri: int | None) -> bool:
    """True when _judge(m, li, xi, ri) is None, known at little cost: the answer for most
    syllables (about 4 in 5 of a text never seen before). The bound, from the code of _judge()
    and _unseen():
    - a variant v is kept by the loop of _judge() only if seen EVIDENCE times beside each
      neighbour there is (with a left word: v among its strong followers, the loop's first test;
      with a right word: `seen` is vr with no left word, and vr < EVIDENCE is passed over with
      both): with no left word (then a right one), none of the variants has the right word among
      its strong followers (_slip_before); with a left word, no variant of x is among its strong
      followers (no SLIP in the flags of the pair l x) or, with a right word too, none of those
      has the right word among its own (_slip_between): `best` stays None;
    - then only _unseen() can answer, and only when both neighbours are there (`both`) and x is
      never seen beside one of them although chance gives at least UNSEEN_E meetings (UNSEEN in
      the flags of l x or of x r).
    False says nothing: _judge() decides (tests/test_language_lm.py checks the bound on every
    syllable of the seeds and notices)."""
    if li is None:
        return not _slip_before(m, xi, ri)
    flags = _pair_flags(li, xi)
    if ri is None:
        return not flags & SLIP
    if flags & SLIP and _slip_between(m, li, xi, ri):
        return False
    return not (flags | _pair_flags(xi, ri)) & UNSEEN


def _strong(m, i: int) -> frozenset[int]:
    """followers(i, EVIDENCE), kept by id in the model's strong_cache."""
    out = m.strong_cache.get(i)
    if out is None:
        out = m.strong_cache[i] = m.followers(i, EVIDENCE)
    return out


def _variants(m, i: int) -> tuple[int, ...]:
    out = m.variant_cache.get(i)
    return m.variant_ids(i) if out is None else out


def _slip_before(m, xi: int, ri: int) -> bool:
    """Some variant of x has r among its strong followers."""
    return any(ri in _strong(m, v) for v in _variants(m, xi))


def _slip_between(m, li: int, xi: int, ri: int) -> bool:
    """Some variant of x is among l's strong followers and has r among its own."""
    left = _strong(m, li)
    return any(v in left and ri in _strong(m, v) for v in _variants(m, xi))


# what a pair of neighbours a b tells of the judgement of its syllables (_pair_flags)
SLIP = 1  # a variant of b is among a's followers seen EVIDENCE times: b may be a slip after a
UNSEEN = 2  # a b never seen, although chance makes it meet UNSEEN_E times: _unseen() may answer
NO_LEFT = 4  # b has no left neighbour (a is a boundary or unknown): judged on its right one


@lru_cache(maxsize=65536)
def _pair_flags(a: int | None, b: int | None) -> int:
    """SLIP, UNSEEN and NO_LEFT of two neighbours (ids; None: a boundary, an end or a syllable
    the counts do not know), worked out once per pair: a pair recurs far more often than the
    three syllables around a judged one."""
    if b is None:
        return 0
    if a is None:
        return NO_LEFT
    m = model()
    strong = _strong(m, a)
    flags = 0 if strong.isdisjoint(_variants(m, b)) else SLIP
    # the two tests of _unseen() on the counts, without dividing: count(a) * count(b) / total
    # >= UNSEEN_E (both sides multiplied by total, which is positive); a pair among the strong
    # followers (seen EVIDENCE times) is not 0: one set test answers for most pairs that chance
    # makes common, before a search of the table
    counts = m.counts
    if counts[a] * counts[b] >= UNSEEN_E * m.total and b not in strong and m.pair_ids(a, b) == 0:
        flags |= UNSEEN
    return flags


def _judge(m, li: int | None, xi: int, ri: int | None) -> str | None:
    """likely_variant() worked out in full (li and ri not both None)."""
    variants = m.variant_ids(xi)
    if not variants:
        return None
    # with a left word, every variant kept below is seen at least EVIDENCE times after it: the
    # others are passed over by one set lookup instead of a search of the bigram table
    strong = _strong(m, li) if li is not None else None
    lx = m.pair_ids(li, xi) if li is not None else 0.0
    xr = m.pair_ids(xi, ri) if ri is not None else 0.0
    lword = li is not None and _word(m, lx, xi)
    rword = ri is not None and _word(m, xr, xi)
    if lword and rword:
        return None  # x makes a common word with each neighbour: it is in its place
    both = li is not None and ri is not None
    s0 = None
    best = None
    for v in variants:
        if strong is not None and v not in strong:
            continue  # lv < EVIDENCE
        lv = m.pair_ids(li, v) if li is not None else 0.0
        if both:
            if lv < EVIDENCE or lv < RATIO * max(lx, 1) or (lword and lv < WORD_OVER * lx):
                continue
        vr = m.pair_ids(v, ri) if ri is not None else 0.0
        if (lword and lv < WORD_OVER * lx) or (rword and vr < WORD_OVER * xr):
            continue
        if both:
            # v makes with the left word a word WORD_OVER times as common as x does ("điện tử"
            # 17,778, "điện từ" 138): then v need only be in use with the right word
            # ("Sổ sức khỏe điện từ trên …", "từ trên" being common too)
            over = lv >= WORD_OVER * max(lx, 1) and lv >= WORD_OVER * EVIDENCE
            if vr < EVIDENCE or (vr < RATIO * max(xr, 1) and not over):
                continue
            need = T_BOTH
        else:
            seen, was = (lv, lx) if li is not None else (vr, xr)
            if seen < EVIDENCE or seen < RATIO * max(was, 1):
                continue
            need = T_ONE
        if s0 is None:
            s0 = _score(m, li, xi, ri)
        d = _score(m, li, v, ri) - s0
        if d >= need and (best is None or d > best[0]):
            best = (d, v)
    if best is None and both:
        return _unseen(m, li, xi, ri, lx, xr, variants)
    return m.word(best[1]) if best else None


UNSEEN_E, UNSEEN_RATIO, UNSEEN_FIT = 30, 10, 0.5


def _unseen(m, li: int, xi: int, ri: int, lx: float, xr: float, variants) -> str | None:
    """The variant of x for a syllable never seen beside a neighbour (pair below 3 in 29 million
    syllables) although the two are common enough to meet UNSEEN_E times by chance ("tỷ trong
    đóng góp": "trong đóng" 0, expected 86): v must be seen beside that neighbour at least
    UNSEEN_FIT times what chance gives ("trọng đóng" 9, chance 10; not "tư đoàn" 5, chance 93, in
    "đầu tư đoạn kết nối"), and on the other side be seen at least EVIDENCE times and UNSEEN_RATIO
    times as often as x (or, if x is unseen there too, as above); an x that makes a common word with the other neighbour is left
    alone. Unseen pairs count 1.5 in the comparison (T_BOTH)."""
    n = m.total
    cx = m.count_id(xi)
    l_against = lx == 0 and m.count_id(li) * cx / n >= UNSEEN_E
    r_against = xr == 0 and m.count_id(ri) * cx / n >= UNSEEN_E
    if not (l_against or r_against) or _word(m, lx, xi) or _word(m, xr, xi):
        return None
    best = None
    cl, cr = m.count_id(li), m.count_id(ri)
    for v in variants:
        cv = m.count_id(v)
        lv = m.pair_ids(li, v)
        # on the side where x is unseen, v must be seen at least half as often as chance gives
        # ("tư đoạn kết nối": "tư đoàn" 5 against 93 by chance is no better than "tư đoạn")
        if ((l_against and lv < UNSEEN_FIT * cl * cv / n)
                or (not l_against and (lv < EVIDENCE or lv < UNSEEN_RATIO * max(lx, 1)))):
            continue
        vr = m.pair_ids(v, ri)
        if ((r_against and vr < UNSEEN_FIT * cv * cr / n)
                or (not r_against and (vr < EVIDENCE or vr < UNSEEN_RATIO * max(xr, 1)))):
            continue
        if not lv or not vr:
            continue
        d = (math.log(lv) + math.log(vr) - math.log(cv)
             - (math.log(lx or 1.5) + math.log(xr or 1.5) - math.log(cx)))
        if d >= T_BOTH and (best is None or d > best[0]):
            best = (d, v)
    return m.word(best[1]) if best else None


# likely_variant() of syllables given by their ids in the model (None: unknown or absent), for a
# caller that looks each syllable of a stretch up once (L705)
likely_variant_ids = _likely


def copy_case(model_text: str, text: str) -> str:
    if model_text.isupper() and len(model_text) > 1:
        return text.upper()
    if model_text[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def written_form(key: str) -> str:
    """A tone_neutral key written in the Decree's own tone style ("hòa", "thủy")."""
    from .syllables import restyle

    return restyle(key, "òa")


# ------------------------------------------------------------------ doubled words

DOUBLE_SHARE = 6.5e-4  # a syllable written twice in a row less often than this share of its uses
DOUBLE_SHARE_WORD = 2.5e-3  # … or this share when the second copy begins a word with what follows
DOUBLE_MIN = 4600  # … and used often enough for a doubling never seen to mean something (3 / share)
DOUBLE_WORD = 100  # two syllables that make a word this often, written twice in a row
DOUBLE_BOND = 0.05  # "quy định định mức", "phân công công việc": the first copy ends a word (bond
# ≥ 0.1) and the second begins one (≥ 0.05, or seen DOUBLE_WORD times: "xuất bản bản tin");
# "các khu khu công nghiệp" (0.067) is a doubling


def doubled(text: str) -> list[tuple[int, int, int, str]]:
    """(start of the repeated part, its end, start of the first copy, the repeated words) for the
    words written twice in a row in a paragraph ("các các", "nhân dân nhân dân") where the
    doubling is not a reduplication in use ("từ từ", "dần dần", "ngày ngày"), judged by how often
    the syllable follows itself in the counts. Two names ("Tân Tân", "Đảng ủy Ủy ban") and a
    syllable that ends one word and begins the next ("quy định định mức") are not doublings."""
    m = model()
    out = []
    for toks in chunks(text):
        k = 0
        while k + 1 < len(toks):
            a = toks[k]
            if (k + 3 < len(toks) and toks[k].key == toks[k + 2].key and toks[k + 1].key == toks[k + 3].key
                    and _spaces(text, toks, k, 3) and toks[k].key != toks[k + 1].key
                    and m.pair(toks[k].key, toks[k + 1].key) >= DOUBLE_WORD):
                out.append((toks[k + 2].start, toks[k + 3].end, a.start, text[a.start:toks[k + 1].end]))
                k += 4
                continue
            b = toks[k + 1]
            if (a.key == b.key and _spaces(text, toks, k, 1) and not (a.text[:1].isupper() and b.text[:1].isupper())
                    and not (k and toks[k - 1].text[:1].isupper() and b.text[:1].isupper())):  # "Đảng ủy Ủy ban"
                c = m.count(a.key)
                nxt = toks[k + 2].key if k + 2 < len(toks) else None
                share = DOUBLE_SHARE
                if nxt is not None and _bond(m, a.key, nxt) >= DOUBLE_BOND:
                    share = DOUBLE_SHARE_WORD  # the second copy begins a word: "các khu khu công nghiệp"
                if (c >= DOUBLE_MIN and m.pair(a.key, a.key) < share * c
                        and not (k and k + 2 < len(toks) and _bond(m, toks[k - 1].key, a.key) >= 2 * DOUBLE_BOND
                                 and _begins_word(m, a.key, toks[k + 2].key))):
                    out.append((b.start, b.end, a.start, a.text))
                    k += 2
                    continue
            k += 1
    return out


def _begins_word(m, a: str, b: str) -> bool:
    """a b is a word: bound (≥ DOUBLE_BOND), or seen DOUBLE_WORD times (two common syllables
    make a word rarely seen beside their other uses: "bản tin" in "xuất bản bản tin")."""
    return _bond(m, a, b) >= DOUBLE_BOND or m.pair(a, b) >= DOUBLE_WORD


def _bond(m, a: str, b: str) -> float:
    """How much a b is one word: its count over that of the rarer of the two syllables."""
    low = min(m.count(a), m.count(b))
    return m.pair(a, b) / low if low else 0.0


def _spaces(text: str, toks: list[Token], k: int, n: int) -> bool:
    """Only white space between tokens k … k+n."""
    return all(not text[toks[j].end:toks[j + 1].start].strip() for j in range(k, k + n))
