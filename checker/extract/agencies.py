"""Mentions of bodies and places, matched against the registry (checker/registry.py).

How a mention is found and judged:

1. Trigger words. The first word of every registered name or abbreviation ("Sở", "Bộ", "Ủy",
   "UBND", "Hạt", "Cổng" …) is a trigger, compared without diacritics, so "Công TTĐT" is a
   candidate for "Cổng TTĐT"; a capitalised word one typo away from a trigger ("Ba" for "Ban",
   "ộB" for "Bộ") is a candidate too. A trigger in lower case ("giao sở Tài chính") is one only
   before a capitalised word and where a name can start (after punctuation or a word such as
   "giao", "với"): not in "cơ sở Y tế", "Tổng cục", "Chi cục".
   Two regex passes over the document's paragraphs find the candidates; the word after each
   is checked against the second words of the trigger's forms before anything else is done.
2. The fast path: a registered form written exactly (either tone-mark style, any spacing) at
   the trigger, followed by what ends a name (punctuation, "chủ trì", "và" … see
   rules/agencies/matching.toml), is an exact mention: nothing more to do.
3. Otherwise the window: the words after the trigger up to hard punctuation (. ; : ( ) quotes).
   Commas, dashes and "&" stay inside it: they are part of names ("Sở Văn hóa, Thể thao và Du
   lịch"). First the longest prefix equal to a registered form with diacritics and case ignored;
   then rapidfuzz (process.extract, fuzz.ratio on the folded forms, score_cutoff; a process's
   first few hundred pairs are ranked in Python alike: _extract) ranks the forms whose second word
   is the window's (nearly) and that have all tokens of the window but one (_strangers), and
   each is verified word by word against a typo model: any number of slips of case or
   diacritics, and at most one of: a mistyped word (a letter dropped, doubled, swapped or
   changed), a word left out ("Ủy ban nhân tỉnh", "Hạt Kiểm"), a different or missing separator
   ("Sở Lao động, Thương binh …"). A mistyped word that
   is itself a Vietnamese syllable is accepted only where the name cannot be another body's
   name: not in a two-word name, not the first word unless the rest is exactly right, and, for
   the last word, only when a word that ends a name follows. So "Cục Thủy lợi" is not a
   misspelt "Cục Thuế", "Phòng Kinh doanh" not a cut "Phòng Kinh tế", "Văn phòng Trung ương và
   các Ban của Đảng" not a cut "Văn phòng Trung ương Đảng". Anything else is no match: projects,
   places, companies and people are not bodies of the registry and are never reported.
4. Factored lists: "Các Sở: Kế hoạch và Đầu tư, Công Thương, Tài chính" names three departments;
   each item is matched as if the head word stood before it; an item that is a name of its own
   ("Công an tỉnh", "Văn phòng Chính phủ") is matched as such.
5. Places: a province after "tỉnh"/"thành phố", a commune (or a district of a local registry)
   after "xã"/"phường"/"huyện" …, and names of three or more syllables anywhere ("Điện Biên
   Phủ") are checked for capitals; provinces also for diacritics and dates.

The extraction runs once per document (doc.cache) and serves N401-N403; N404 uses
`abbreviation_uses`. The registry and its index are built once per process (lru_cache).
"""
from __future__ import annotations

import sys
import datetime as dt
from bisect import bisect_right
from functools import lru_cache, wraps
from itertools import accumulate
from operator import attrgetter, itemgetter

import re as _re

from .. import rx as re
from ..language.syllables import is_syllable
from ..registry import Agency, Place, Province, Registry, for_settings
from ..textnorm import fold, indel_ratios, is_upper_text, tone_neutral, within_one_edit
from .dates import find_dates
from .header import meeting_date, notice_date, parse_place_date
from ..record import Frozen

SCORE_CUTOFF = 75  # rapidfuzz ratio (0-100) of the folded forms: only a shortlist, verified after

# --- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?P<w>[\p{L}\p{Nd}]+(?:&[\p{L}\p{Nd}]+)*)|(?P<s>[,&\-–—])|(?P<x>\S)")
_DASHES = {"–": "-", "—": "-"}
_TOKEN_KINDS = (None, "w", "s", "x")  # by group number


@lru_cache(maxsize=65536)
def _word_info(text: str) -> tuple[str, bool, bool, str]:
    """(folded key, first letter upper, every letter upper, tone-neutral form) of a word,
    cached: words repeat."""
    letters = [c for c in text if c.isalpha()]
    cap = bool(letters) and letters[0].isupper()
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    return _fold_word(text), cap, upper, _tn(text)


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    """fold() of a word (its key), cached: where the key is all that is needed (most capitalised
    words start nothing; the words after a trigger or a unit word are mostly only compared) the
    other features of _word_info() are not worked out."""
    return fold(text)


@lru_cache(maxsize=65536)
def _tn(text: str) -> str:
    return tone_neutral(text)


def _tn_text(text: str) -> str:
    """tone_neutral() of a phrase, word by word through the cache (the same result)."""
    return " ".join(_tn(w) for w in text.split(" "))


class Tok:
    """A word, a separator (, - &) or hard punctuation, with its span in the paragraph text."""

    # tn: tone-neutral lower case ("uỷ" and "ủy" alike); abbr: in capitals or with "&"
    __slots__ = ("text", "start", "end", "kind", "key", "cap", "upper", "tn", "abbr")

    def __init__(self, text: str, start: int, end: int, kind: str):
        self.text, self.start, self.end, self.kind = text, start, end, kind
        if kind == "w":
            self.key, self.cap, self.upper, self.tn = _word_info(text)
            self.abbr = self.upper or "&" in text
        else:
            if kind == "s":
                text = self.text = _DASHES.get(text, text)
            self.key = "va" if text == "&" else text  # "&" and "và" fold alike
            self.cap = self.upper = False
            self.tn = text
            self.abbr = "&" in text

    def __repr__(self) -> str:
        return f"Tok({self.text!r})"


def _merge_abbr(raw: list[Tok]) -> list[Tok]:
    """"KH & ĐT" is the one abbreviation "KH&ĐT"."""
    out: list[Tok] = []
    i = 0
    while i < len(raw):
        t = raw[i]
        if (t.kind == "w" and t.text.isupper() and i + 2 < len(raw) and raw[i + 1].text == "&"
                and raw[i + 2].kind == "w" and raw[i + 2].text.isupper()):
            out.append(Tok(t.text + "&" + raw[i + 2].text, t.start, raw[i + 2].end, "w"))
            i += 3
            continue
        out.append(t)
        i += 1
    return out


def tokenize(text: str, pos: int = 0, limit: int | None = None, stop_at_hard: bool = False,
             keep: int | None = None, past_hard: bool = False) -> list[Tok]:
    """Tokens of `text` from `pos`: at most `limit` of them; with stop_at_hard, up to the first
    hard punctuation mark (. ; : ( ) quotes …), which is not included. With `keep`, only the
    first `keep` of those same tokens; with past_hard, only those up to the token after the
    first hard punctuation mark."""
    raw: list[Tok] = []
    amps = 0  # "&" tokens read: each may merge three tokens into one (_merge_abbr)
    hard = False  # a hard punctuation mark read (past_hard)
    # reading stops at `limit` + 2 tokens; and the first `keep` tokens are known once two more raw
    # tokens are read than they can span (how _merge_abbr decides): reading on would not change them
    most = min(limit + 2 if limit is not None else 1 << 60, keep + 2 if keep is not None else 1 << 60)
    append = raw.append
    for m in _TOKEN.finditer(text, pos):
        kind = _TOKEN_KINDS[m.lastindex]  # (m.lastgroup: the one group that matched)
        if kind == "x" and (stop_at_hard or past_hard):
            if stop_at_hard:
                break
            past_hard = False
            hard = True
            most = min(most, len(raw) + 4)  # the token after it, and the two that may merge with it
        append(Tok(m.group(), *m.span(), kind))
        if kind == "s" and m.group() == "&":
            amps += 1
            if keep is not None:
                most = min(limit + 2 if limit is not None else 1 << 60, keep + 2 + 2 * amps)
        if len(raw) >= most:
            break
    toks = _merge_abbr(raw) if amps else raw
    if keep is not None:
        limit = keep if limit is None else min(limit, keep)
    if hard:  # up to the token after the hard mark (the mark is never merged)
        cut = next(i for i, t in enumerate(toks) if t.kind == "x") + 2
        limit = cut if limit is None else min(limit, cut)
    return toks[:limit] if limit is not None else toks


def _key(toks) -> str:
    return " ".join([t.key for t in toks])


# --- the index of forms -----------------------------------------------------------------------


class Form(Frozen):
    """A registered name, variant or abbreviation of a body, as tokens (record.Frozen: no
    @dataclass to make at import)."""

    text: str  # as registered ("Sở KH&ĐT tỉnh")
    tokens: tuple[Tok, ...]
    entry: Agency
    kind: str  # "name" | "variant" | "abbr"
    nwords: int
    abbreviated: bool
    key: str  # the folded form: "so kh&dt tinh"

    @property
    def head(self) -> str:
        return self.tokens[0].key


class Index:
    """What matching needs of a registry, built once (_build_index) and kept in the state file.
    (A plain class: @dataclass wrote and compiled the methods of its 35 fields at every import.)"""

    def __init__(self, registry: Registry, stops: frozenset[str]):
        self.registry = registry
        self.by_key: dict[str, dict[str, list[Form]]] = {}  # head → key → forms
        self.choices: dict[str, tuple[list[str], list[Form]]] = {}
        self.maxlen: dict[str, int] = {}
        self.typo_heads: dict[str, set[str]] = {}
        self.entries_by_form: dict[str, tuple[Agency, ...]] = {}  # form text → entries
        self.provinces: dict[str, dict[str, list[Province]]] = {}  # kind → key → …
        self.places: dict[str, list[Place]] = {}  # key of the name → places
        self.long_places: dict[str, list[Place]] = {}  # ≥ 3 syllables
        self.long_first: frozenset[str] = frozenset()  # first word (key) of the long places
        self.units: dict[str, str] = {}  # key of a unit word → the unit word
        self.stops = stops
        self.window: int = 12  # tokens read after a trigger: the longest form and what follows it
        self.exact_src: dict = {}  # head → pattern of its forms written exactly
        self.exact_forms: dict = {}  # head → forms, by the pattern's group number
        self.exact_rx: dict = {}  # head → exact_src compiled (memo, not pickled)
        self.extended: frozenset[str] = frozenset()  # forms that a longer form of their head starts with
        self.single: frozenset[str] = frozenset()  # heads with a one-word form ("UBND")
        self.short: dict = {}  # head → its forms of one or two tokens
        self.by_second: dict = {}  # head → key of the 2nd word → forms
        self.by_third: dict = {}  # head → key of the 3rd word → forms
        self.abbr_heads: set = set()  # heads written in capitals ("ubnd"): no typo variants
        self.list_heads: set = set()  # first words, as written, that can head a factored list
        self.long_first2: frozenset[str] = frozenset()  # first two words (keys) of the long places
        self.long_second: dict = {}  # first word → second words (keys) of the long places
        self.read_first: frozenset[str] = frozenset()  # first word (key) of provinces and of dated places
        self.scan_rx: object = None  # the capitalised candidates of a paragraph, in one pass (see _build_index)
        self.low_rx: object = None  # the lower-case heads and unit words before a capital, on the reversed text
        self.low_set: frozenset[str] = frozenset()  # the lower-case heads ("sở", "phòng" …)
        self.unit_set: frozenset[str] = frozenset()  # unit words as written ("tỉnh", "Tỉnh", "thành phố" …)
        self.form_keys: frozenset[str] = frozenset()  # the keys of every form (of every head)
        self.abbr_words: frozenset[str] = frozenset()  # the abbreviations of registered forms ("UBND", "KH&ĐT")
        self.key_prefixes: frozenset[str] = frozenset()  # their first tokens, one or more ("so", "so tai" …)
        self.word_kinds: dict = {}  # capitalised word → what it may start (memo, not pickled)
        self.near: dict = {}  # (head, key of a word) → _near() (memo, not pickled)
        self.openings: dict = {}  # (first word, second word) → _opening() (memo, not pickled)

    def __getstate__(self):  # pickled for the cache (registry.py): patterns as their source
        state = dict(self.__dict__)
        for name in ("scan_rx", "low_rx"):
            state[name] = state[name].pattern if state[name] is not None else None
        for name in ("exact_rx", "word_kinds", "near", "openings"):
            state[name] = {}
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        for name in ("scan_rx", "low_rx"):
            if state.get(name) is not None:
                setattr(self, name, re.compile(state[name]))  # from rx's cache of compiled programs


def _variants_of(word: str) -> set[str]:
    """One letter dropped, doubled or two neighbours swapped (the typos of the mutation model)."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1:])
        out.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    out.discard(word)
    return {v for v in out if v}


def _forms_of(a: Agency) -> list[tuple[str, str]]:
    bases = [(a.name, "name"), *((v, "variant") for v in a.variants), *((b, "abbr") for b in a.abbr)]
    return bases + [(f"{b} {s}", k) for b, k in bases for s in a.scopes]


def _tone_spellings(word: str) -> set[str]:
    """'ủy' and 'uỷ', 'hóa' and 'hoà': both placements of the tone mark are in use."""
    from ..language.syllables import restyle

    out = {word}
    for style in ("òa", "oà"):
        try:
            out.add(restyle(word, style))
        except Exception:  # noqa: BLE001 - a word the syllable model cannot restyle stays as it is
            pass
    return out


def _exact_rx(ix: Index, head: str):
    """The regex of every form of `head` written exactly (_exact_source, kept in the index),
    compiled on first use: a document uses a few heads of the registry's many."""
    rx = ix.exact_rx.get(head)
    if rx is None:
        rx = ix.exact_rx[head] = re.compile(ix.exact_src[head])
    return rx


def _exact_source(forms: list[Form]) -> str:
    """The pattern of these forms (longest first: Index.exact_forms), each written exactly; form
    n closes the empty group g<n>."""
    # The forms one after the other, each marked by an empty group at its end. Neighbours
    # that begin alike (the head word, and the spaces before a second word) share that
    # beginning, so the engine reads it once and picks the next word among few: the same
    # first match, as the beginning can match in one way only (one spelling fits a given
    # text; the spaces all go before a word) and the forms keep their order.
    groups: list[tuple[str, list[str]]] = []  # (shared beginning, the rests of the forms)
    for n, f in enumerate(forms):
        parts = _exact_parts(f)
        k = 2 if len(parts) > 2 and parts[1] == r"\s+" else 1
        if "&" not in f.tokens[0].text and len({len(sp) for sp in _tone_spellings_cached(f.tokens[0].text)}) > 1:
            k = 0  # spellings of different lengths: more than one way to match
        begin, rest = "".join(parts[:k]), "".join(parts[k:]) + f"(?P<g{n}>)"
        if groups and groups[-1][0] == begin:
            groups[-1][1].append(rest)
        else:
            groups.append((begin, [rest]))
    alts = [begin + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for begin, rests in groups]
    return "(?:" + "|".join(alts) + r")(?!\w)"


def _exact_parts(f: Form) -> list[str]:
    """A regex for the form written exactly, token by token: either tone-mark style, any white
    space, any dash."""
    parts = []
    prev = None
    for t in f.tokens:
        if t.kind == "s":
            if t.text == "&" and f.abbreviated:
                parts.append(r"(?:\s*&\s*|\s+và\s+)")
            elif t.text == "-":
                parts.append(r"\s*[-–—]\s*")
            else:
                parts.append(r"\s*" + _re.escape(t.text) + r"\s*")
        else:
            if prev is not None and prev.kind == "w":
                parts.append(r"\s+")
            if "&" in t.text:
                parts.append(r"\s*&\s*".join(_re.escape(x) for x in t.text.split("&")))
            else:
                sp = sorted(_tone_spellings_cached(t.text), key=lambda s: (-len(s), s))
                parts.append(_re.escape(sp[0]) if len(sp) == 1 else "(?:" + "|".join(map(_re.escape, sp)) + ")")
        prev = t
    return parts


def _char_class(chars: list[str]) -> str:
    """A regex class of the characters, consecutive code points written as ranges."""
    cps = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = chr(cps[i]), chr(cps[j])
        parts.append(_re.escape(a) if i == j else f"{_re.escape(a)}-{_re.escape(b)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# upper-case Latin letters, Vietnamese ones included (the letters names are written with): every
# capital below U+1F00 whose folded form is one letter a-z, as one class. Written out: working it
# out from the Unicode database took ~3 ms of every start; tests/test_startup.py works it out
# (_char_class over the whole range) and compares.
_UP = "[A-ZÀ-ÅÇ-ÏÑ-ÖÙ-ÝĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĨĪĬĮİĴĶĹĻĽŃŅŇŌŎŐŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸ-ŹŻŽƠƯǍǏǑǓǕǗǙǛǞǠǦǨǪǬǴǸǺȀȂȄȆȈȊȌȎȐȒȔȖȘȚȞȦȨȪȬȮȰȲḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"


@lru_cache(maxsize=256)
def _tone_spellings_cached(word: str) -> frozenset[str]:
    return frozenset(_tone_spellings(word))


def _by_identity(fn):
    """Memoise fn(registry) on the registry object: an lru_cache hashes its argument, and hashing
    a whole Registry (a frozen dataclass of thousands of entries) took a few milliseconds (of
    every document, then of every run's first). The registry is kept referenced, so its id is
    not reused. (A registry is loaded once per set of files: registry.load.)"""
    seen: dict[int, tuple[Registry, object]] = {}

    @wraps(fn)
    def wrapper(reg):
        hit = seen.get(id(reg))
        if hit is not None and hit[0] is reg:
            return hit[1]
        out = fn(reg)
        if len(seen) >= 8:
            seen.clear()
        seen[id(reg)] = (reg, out)
        return out

    return wrapper


@_by_identity
def index_for(reg: Registry) -> Index:
    from ..registry import cached_index, store_index

    ix = cached_index(reg)
    if ix is None:
        ix = _build_index(reg)
        store_index(reg, ix)
    return ix


def _build_index(reg: Registry) -> Index:
    ix = Index(reg, stops=reg.name_stops)
    lower_heads: set[str] = set()
    entries_of: dict[str, list[Agency]] = {}  # tone-neutral form → entries
    shared: dict[tuple, Tok] = {}  # one Tok for a word at the same place in many forms (3,431 → 919)
    for a in reg.agencies:
        for text, kind in _forms_of(a):
            toks = tuple(shared.setdefault((t.text, t.start, t.end, t.kind), t) for t in tokenize(text) if t.kind != "x")
            if not toks or toks[0].kind != "w":
                continue
            f = Form(text, toks, a, kind, sum(t.kind == "w" for t in toks), any(t.abbr for t in toks), _key(toks))
            ix.by_key.setdefault(f.head, {}).setdefault(_key(toks), []).append(f)
            owners = entries_of.setdefault(_tn_text(text), [])
            if a not in owners:
                owners.append(a)
            if not toks[0].abbr:
                lower_heads |= _tone_spellings_cached(toks[0].text.lower())
    for keys in ix.by_key.values():
        for fs in keys.values():
            for f in fs:
                ix.entries_by_form[f.text] = tuple(entries_of[_tn_text(f.text)])
    for head, keys in ix.by_key.items():
        flat = [(k, f) for k, fs in keys.items() for f in fs]
        ix.choices[head] = ([k for k, _ in flat], [f for _, f in flat])
        ix.maxlen[head] = max(len(f.tokens) for _, f in flat)
        exact = ix.exact_forms[head] = sorted(ix.choices[head][1], key=lambda f: (-len(f.tokens), -len(f.text)))
        ix.exact_src[head] = _exact_source(exact)
    for head, (_keys, forms) in ix.choices.items():
        if len(head) >= 2 and not forms[0].tokens[0].abbr:
            for v in _variants_of(head):
                ix.typo_heads.setdefault(v, set()).add(head)
    for p in reg.provinces:
        ix.provinces.setdefault(p.kind, {}).setdefault(_key(tokenize(p.name)), []).append(p)
    for pl in reg.places:
        # the key of its tokens (place names hold words, digits and " - "), word by word: cached
        k = " ".join(w if w == "-" else _fold_word(w) for w in pl.name.split())
        ix.places.setdefault(k, []).append(pl)
        if sum(1 for w in k.split(" ") if w.isalpha()) >= 3:
            ix.long_places.setdefault(k, []).append(pl)
    ix.long_first = frozenset(k.split(" ", 1)[0] for k in ix.long_places)
    units = set()
    for u in reg.unit_words:
        ix.units[_key(tokenize(u))] = u
        units |= {u, u[0].upper() + u[1:]}
    ix.window = max(ix.maxlen.values(), default=1) + 3

    ext = set()
    for head, (_keys, forms) in ix.choices.items():
        prefixes = {_key(f.tokens[:k]) for f in forms for k in range(1, len(f.tokens))}
        ext |= {f.text for f in forms if _key(f.tokens) in prefixes}
        for f in forms:
            if len(f.tokens) <= 2:
                ix.short.setdefault(head, []).append(f)
            if len(f.tokens) > 1 and f.tokens[1].kind == "w":
                ix.by_second.setdefault(head, {}).setdefault(f.tokens[1].key, []).append(f)
            if len(f.tokens) > 2 and f.tokens[2].kind == "w":
                ix.by_third.setdefault(head, {}).setdefault(f.tokens[2].key, []).append(f)
        if forms[0].tokens[0].abbr:
            ix.abbr_heads.add(head)
        ix.list_heads.update(f.tokens[0].tn for f in forms if not f.tokens[0].abbr)
    ix.extended = frozenset(ext)
    ix.abbr_words = frozenset(t.text for a in reg.agencies for form in a.abbr for t in tokenize(form)
                              if t.kind == "w" and t.abbr)
    ix.form_keys = frozenset(k for keys in ix.by_key.values() for k in keys)
    ix.key_prefixes = frozenset(" ".join(k.split(" ")[:n]) for k in ix.form_keys for n in range(1, k.count(" ") + 2))
    ix.single = frozenset(h for h, fs in ix.choices.items() if any(len(f.tokens) == 1 for f in fs[1]))
    ix.long_first2 = frozenset(" ".join(k.split(" ")[:2]) for k in ix.long_places)
    for k in ix.long_first2:  # (the keys of words hold no space)
        if " " in k:
            ix.long_second.setdefault(k.split(" ")[0], set()).add(k.split(" ")[1])
    ix.read_first = frozenset([_key(tokenize(p.name)).split(" ")[0] for p in reg.provinces]
                              + [_key(tokenize(p.name)).split(" ")[0] for p in reg.places if p.valid_from or p.valid_to])
    ix.unit_set = frozenset(units)
    ix.low_set = frozenset(lower_heads)
    lows = sorted(lower_heads, key=lambda s: (-len(s), s))
    unit_lits = [w for w in sorted(units, key=lambda s: (-len(s), s)) if not w[0].isupper()]
    low = "|".join(_re.escape(w) for w in lows)
    unit = "|".join(_re.escape(w) for w in unit_lits)
    # the candidates of a paragraph: a capitalised word, a word with a capital moved by a typo
    # ("aBn"), a lower-case head before a capitalised word ("giao sở Tài chính"), a unit word
    # before a capitalised word ("tỉnh Lào Cai"). As one pattern beginning with a look-behind,
    # the engine tries it at every position of the text:
    one_pass = (r"(?<!\w)(?:(?P<cap>" + _UP + r"\w*)|(?P<mixed>[^\W\d_]" + _UP + r"\w*)|(?P<low>"
                + low + r")(?=\s+" + _UP + r")|(?P<unit>" + unit + r")(?=\s+" + _UP + r"))")
    lits = lows + [w for w in unit_lits if w not in ix.low_set]
    if not all(_PLAIN.fullmatch(w) and not any(c.isupper() for c in w) for w in lits):
        ix.scan_rx = re.compile(one_pass)  # unusual unit words (local data): the one pass, exact
        return ix
    # so, the same matches in two passes that each begin with a capital (the engine skips to it
    # in C). 1) The capitalised words, the look-behind put after the first letter: a word that
    # starts with it ("cap"), or a word whose second letter it is ("mixed": the match starts one
    # letter late).
    ix.scan_rx = re.compile(_UP + r"(?:(?<!\w.)(?P<cap>)|(?<=[^\W\d_].)(?<!" + _UP + r".)(?<!\w..)(?P<mixed>))\w*")
    # 2) On the reversed text: a capital, the spaces before it, a head or unit word that starts a
    # word (lower case, so neither pass can overlap the other's matches). Only one forward match
    # can end before a given capital: the one that starts first, the longest (tried first here);
    # a head and a unit word alike are a head ("low"), as the head came first in the alternation.
    rev = "|".join(_re.escape(w[::-1]) for w in sorted(set(lits), key=lambda s: (-len(s), s)))
    ix.low_rx = re.compile(_UP + r"\s+(?P<w>" + rev + r")(?!\w)")
    return ix


_PLAIN = _re.compile(r"\w+(?: \w+)*")  # words with single spaces


def registry_for(doc) -> Registry:
    return for_settings(doc.options.settings)


# --- comparing a mention with a form ------------------------------------------------------------


class Comparison:
    """How a mention's tokens compare with a form (compare(); made for every candidate form)."""

    __slots__ = ("form", "ntoks", "structural", "what", "diacritics", "under", "over", "keep")

    def __init__(self, form: Form, ntoks: int):
        self.form = form
        self.ntoks = ntoks  # mention tokens compared
        self.structural = 0  # typo, missing word, separator: at most one
        self.what: list[tuple] = []  # ("missing", w) ("extra", w) ("for", written, official)
        self.diacritics = 0
        self.under: list[tuple[str, str]] = []  # (written, official) lower → upper
        self.over: list[tuple[str, str]] = []
        self.keep: dict[int, str] = {}  # form token index → the writer's spelling

    @property
    def verdict(self) -> str:
        if self.structural or self.diacritics:
            return "misspelt"
        if self.under or self.over:
            return "case"
        return "exact"

    def rank(self):
        return (self.structural, self.diacritics, len(self.under) + len(self.over))


def _boundary(after: list[Tok], stops: frozenset[str], caps: bool = True, end: bool = True) -> bool:
    """True when what follows a name ends it: punctuation, a word that starts a predicate
    ("chủ trì", "tổ chức", "và" …), and, when allowed, a capitalised word (`caps`: it may be the
    rest of the name: "BAN THƯỜNG | TRỰC", "Ban Thường vụ | Tỉnh uy") or the end of the paragraph
    (`end`: it may be a line cut)."""
    if not after:
        return end
    t = after[0]
    if t.kind != "w" or t.text[0].isdigit():
        return True
    if t.cap or t.upper:
        return caps
    if t.tn in stops:
        return True
    return len(after) > 1 and after[1].kind == "w" and f"{t.tn} {after[1].tn}" in stops


_AFTER = re.compile(r"\s*(?:(?P<a>[^\W\d_]+)(?:\s+(?P<b>[^\W\d_]+))?)?")


def _boundary_text(text: str, pos: int, stops: frozenset[str]) -> bool:
    """_boundary() on the text after `pos` (without tokenizing it), strict about capitalised
    words: after "Ban Thường vụ", "Tỉnh uy" may be the rest of the name, mistyped."""
    m = _AFTER.match(text, pos)
    a = m.group("a")
    if a is None:
        return True
    if a[0].isupper():
        return False
    if m.start("a") > pos and text[pos:m.start("a")].strip():
        return True
    if _tn(a) in stops:
        return True
    return m.group("b") is not None and f"{_tn(a)} {_tn(m.group('b'))}" in stops


def _differs(a: Tok, b: Tok) -> bool:
    """Whether _evaluate() counts the pair as a structural slip or rejects it: they differ other
    than in case and diacritics (and are not "&" and "và")."""
    return a.key != b.key and not (a.kind == "w" == b.kind and not b.abbr and a.tn == b.tn)


def compare(ms: list[Tok], f: Form, after: list[Tok], stops: frozenset[str]) -> Comparison | None:
    """The best way `ms` is `f` written with at most one structural slip, or None."""
    ft = f.tokens
    n, m = len(ms), len(ft)
    # Plans that cannot pass are not made: a pair of words that _differs() costs a structural
    # slip (or fails), a word left out or added is one too, and one slip in all is allowed.
    plans: list[tuple[list, int | None, int | None]] = []
    if n == m:
        slips = 0
        for a, b in zip(ms, ft):
            if a.key != b.key and _differs(a, b):
                slips += 1
        if slips <= 1:
            plans.append((list(zip(ms, range(m))), None, None))
    elif n in (m - 1, m + 1):
        # a word of the form left out (n < m) or a separator added (n > m) at k ≥ 1: the words
        # before k must pair with ft[:k], those after with the rest of ft
        first = 0  # the first pair before k that differs bounds k from above
        while first < min(n, m) and (ms[first].key == ft[first].key or not _differs(ms[first], ft[first])):
            first += 1
        shift = 1 if n < m else -1
        last = n  # the words from `last` on pair with the rest of ft
        while last > 0 and 0 <= last - 1 + shift < m and (
                ms[last - 1].key == ft[last - 1 + shift].key or not _differs(ms[last - 1], ft[last - 1 + shift])):
            last -= 1
        if n < m:  # ms[k:] pairs with ft[k + 1:]
            for k in range(max(1, last), min(first, m - 1) + 1):
                idx = [j for j in range(m) if j != k]
                plans.append((list(zip(ms, idx)), k, None))
        else:  # ms[k + 1:] pairs with ft[k:]
            for k in range(max(1, last - 1), min(first, n - 1) + 1):
                if ms[k].kind == "s" or (ms[k].tn == "của" and k >= 2 and k + 1 < n and ms[k + 1].cap
                                         and "của" not in (t.tn for t in ft)):
                    # a separator, or "của" put inside a name that has none ("Ủy ban Thường vụ của
                    # Quốc hội"), the word after it capitalised as the name's
                    plans.append((list(zip(ms[:k] + ms[k + 1:], range(m))), None, k))
    if not plans:
        return None
    best = None
    upper_mode = _upper_mode(ms)
    for pairs, deleted, inserted in plans:
        c = _evaluate(ms, f, pairs, deleted, inserted, after, stops, upper_mode)
        if c is not None and (best is None or c.rank() < best.rank()):
            best = c
    return best


def _upper_mode(ms: list[Tok]) -> bool:
    """Whether the words are written in capitals: every word with letters in capitals, some
    word, and the text in capitals."""
    words = False
    for t in ms:
        if t.kind == "w":
            words = True
            if not t.upper and t.text.upper() != t.text:  # ("Y" of "BỘ Y TẾ" is in capitals too)
                return False
    return words and is_upper_text("".join([t.text for t in ms]))


def _evaluate(ms, f, pairs, deleted, inserted, after, stops, upper_mode) -> Comparison | None:
    ft = f.tokens
    c = Comparison(f, len(ms))
    if deleted is not None:
        d = ft[deleted]
        if d.kind == "w" and (f.nwords < 3 or d.abbr or (deleted == len(ft) - 1 and d.cap)):
            return None  # a name cut after a capitalised word is a short form ("Văn phòng Trung ương")
        c.structural += 1
        c.what.append(("missing", d.text))
    if inserted is not None:
        c.structural += 1
        c.what.append(("extra", ms[inserted].text))
    typo_at = []
    slips: list[int] = []  # positions of words with a diacritic slip or a typo
    last = len(pairs) - 1
    for pos, (a, j) in enumerate(pairs):
        b = ft[j]
        if a.kind != b.kind:
            if f.abbreviated and {a.key, b.key} == {"va"}:
                c.keep[j] = a.text
                continue
            return None
        if a.kind == "s":
            if a.text == b.text or (f.abbreviated and a.key == b.key):
                c.keep[j] = a.text
                continue
            c.structural += 1
            c.what.append(("for", a.text, b.text))
            continue
        if b.abbr:  # an abbreviation: in capitals, at most with D for Đ
            if not any(ch.isupper() for ch in a.text):
                return None
            if a.key == b.key and a.text.upper() == b.text.upper() and a.text != b.text and not a.upper:
                c.under.append((a.text, b.text))  # "uBND"
            elif a.key == b.key and a.text != b.text:
                c.diacritics += 1
                c.what.append(("for", a.text, b.text))
            elif a.key == b.key:
                c.keep[j] = a.text
            elif pos > 0 and f.nwords >= 4 and len(b.key) >= 3 and within_one_edit(a.key, b.key):
                c.structural += 1  # "Ban Cán sự Đảng UNBD tỉnh": a typo inside a long name
                slips.append(pos)
                c.what.append(("for", a.text, b.text))
            else:
                return None
            continue
        if a.text == b.text or a.tn == b.tn:  # (the same text: the same tone-neutral form)
            if upper_mode or a.cap == b.cap:
                c.keep[j] = a.text
            elif b.cap:
                c.under.append((a.text, b.text))
            else:
                c.over.append((a.text, b.text))
            continue
        slips.append(pos)
        if a.key == b.key and (upper_mode or a.cap == b.cap):
            c.diacritics += 1
            c.what.append(("for", a.text, b.text))
        elif a.key == b.key:  # wrong diacritics and wrong capitals: as unlikely as a typo
            c.structural += 1
            typo_at.append((pos, a))
            c.what.append(("for", a.text, b.text))
        elif len(b.key) >= 2 and within_one_edit(a.key, b.key):  # (the keys differ here)
            c.structural += 1
            typo_at.append((pos, a))
            c.what.append(("for", a.text, b.text))
        else:
            return None
        if pos == last and is_syllable(a.text) and not _boundary(after, stops, caps=False):
            return None  # the last word may be another real word of a longer, other name
    if c.structural > 1:
        return None
    if 0 in slips and (len(slips) > 1 or c.under or c.over or deleted is not None or inserted is not None):
        return None  # a slip in the head word is credible only when the rest is exactly right
    for pos, a in typo_at:
        if pos == 0 and is_syllable(a.text) and sum(1 for x, j in pairs[1:] if x.kind == "w" and j in c.keep) >= 2:
            continue  # "Ba Chấp hành Trung ương": a real syllable in the head, but the rest is exact
        if (pos == 0 or f.nwords <= 2) and is_syllable(a.text):
            return None
    if deleted is not None:
        if c.diacritics or typo_at:
            return None
        if deleted == len(ft) - 1 and not _boundary(after, stops, caps=False, end=False):
            return None
    first = ms[0]
    if first.kind == "w" and not any(ch.isupper() for ch in first.text) and not upper_mode:
        # a name written from a lower-case head: only a pure capitalisation slip, and only when
        # another word shows the writer meant a name ("sở Tài chính")
        if c.structural or c.diacritics or not any(a.cap and ft[j].cap for a, j in pairs[1:] if a.kind == "w"):
            return None
    return c


# --- mentions ------------------------------------------------------------------------------------


class Mention:
    """A body, province or place named in a paragraph. (Slots: a long document holds hundreds
    of thousands of them; a plain class: no @dataclass to make at import.)"""

    __slots__ = ("para", "start", "end", "text", "kind", "verdict", "official", "suggestion", "entries", "under",
                 "over", "what", "item", "upper", "bare")

    def __init__(self, para, start: int, end: int, text: str, kind: str, verdict: str, official: str,
                 suggestion: str, entries: tuple = (), under: list | tuple = (), over: list | tuple = (),
                 what: list | tuple = (), item: bool = False, upper: bool = False):
        self.para = para  # model.Paragraph
        self.start, self.end = start, end  # span in para.text
        self.text = text
        self.kind = kind  # "agency" | "province" | "place"
        self.verdict = verdict  # "exact" | "case" | "misspelt"
        self.official = official  # the whole official form ("Sở Công Thương")
        self.suggestion = suggestion  # what the span should say (for an item of a factored list: without the head)
        self.entries = entries  # the registered bodies (or provinces, places) of that form
        # (read-only: a name written exactly shares one empty tuple instead of three new lists each)
        self.under = under  # (written, official) words that want a capital
        self.over = over  # words written with a capital they should not have
        self.what = what  # what differs, for the message
        self.item = item  # an item of a factored list ("Các Sở: …, Công thương")
        self.upper = upper  # written in capitals (a heading)
        self.bare = False  # a place name without its unit word ("chiến thắng Điện Biên Phủ"): no unit meant

    def __repr__(self) -> str:
        return f"Mention({self.text!r}, {self.kind}, {self.verdict}, {self.official!r})"


def _rebuild(c: Comparison, upper: bool) -> str:
    """The official form, keeping the writer's spelling of the words that were right (tone-mark
    style 'uỷ/ủy' included), in capitals when the mention is in capitals."""
    f = c.form
    parts = []
    prev_end = None
    for j, t in enumerate(f.tokens):
        gap = "" if prev_end is None else f.text[prev_end:t.start]
        word = c.keep.get(j, t.text)
        parts.append(gap + (word.upper() if upper else word))
        prev_end = t.end
    return "".join(parts)


def _window(toks: list[Tok], size: int) -> list[Tok]:
    w = []
    for t in toks[:size]:
        if t.kind == "x":
            break
        w.append(t)
    return w


def _best(ix: Index, heads, win: list[Tok], after_of) -> Comparison | None:
    """The best comparison of a prefix of `win` with a form of one of `heads`."""
    best_fold = None
    prefix = [""]  # prefix[L]: the key of win[:L]
    for t in win:
        prefix.append(t.key if len(prefix) == 1 else prefix[-1] + " " + t.key)
    tables = [ix.by_key.get(h, {}) for h in heads]
    top = 1  # no prefix from win[:top] on begins a form's key (nor is one)
    while top <= len(win) and prefix[top] in ix.key_prefixes:
        top += 1
    for L in range(top - 1, 0, -1):
        if win[L - 1].kind != "w" or prefix[L] not in ix.form_keys:
            continue
        key = prefix[L]
        forms = [f for table in tables for f in table.get(key, ())]
        cands = [c for f in forms if (c := compare(win[:L], f, after_of(L), ix.stops))]
        if cands:
            best_fold = min(cands, key=Comparison.rank)
            break
    lf = best_fold.ntoks if best_fold else 0
    if best_fold and best_fold.verdict == "exact" and _boundary(after_of(lf), ix.stops, caps=False):
        return best_fold
    fuzzy = []
    for h in heads:
        # the neighbours by the number of tokens L of the window they are compared with (L is
        # their own number of tokens, give or take one); the order of L does not matter: the
        # results are sorted by score and L
        for L, (forms, keys, words) in _neighbours(ix, h, win)[1].items():
            if not (lf < L <= len(win) and win[L - 1].kind == "w"):
                continue
            if _strangers(win, L, words) > 1:
                continue  # no form here can pass compare(): nothing to rank
            for _k, score, j in _extract(prefix[L], keys):
                c = compare(win[:L], forms[j], after_of(L), ix.stops)
                if c is not None and c.structural:
                    fuzzy.append((score, L, c))
    if fuzzy:
        fuzzy.sort(key=lambda x: (-x[0], -x[1]))
        return fuzzy[0][2]
    return best_fold


# Pairs ranked in Python (textnorm.indel_ratios) before rapidfuzz is imported: a few notices' worth
# (one ranks 40-120 pairs), a quarter of what the import costs (~29 M instructions; a pair in
# Python, ~25,000), so that a long run pays at most ~8 M instructions more, once.
PYTHON_PAIRS = 300
_ranked_in_python = 0


def _extract(query: str, keys: list[str]) -> list[tuple[str, float, int]]:
    """rapidfuzz's process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF,
    limit=4): (key, score, index) of the keys that score at least the cutoff, the best first (of
    equal scores, the first key first), at most four. A process ranks its first PYTHON_PAIRS pairs
    in Python, the same scores to the last bit, which spares a run of a few notices the import of
    rapidfuzz; after them (or once another module imported it), rapidfuzz ranks."""
    global _ranked_in_python
    if _ranked_in_python < PYTHON_PAIRS and "rapidfuzz.process" not in sys.modules:
        _ranked_in_python += len(keys)
        n = len(query)
        # (a key whose length differs too much scores below the cutoff: 2·LCS ≤ 2·min(lengths))
        near = [j for j, k in enumerate(keys) if 200 * min(n, len(k)) >= SCORE_CUTOFF * (n + len(k))]
        scores = indel_ratios(query, [keys[j] for j in near])
        found = sorted(((keys[j], score, j) for j, score in zip(near, scores) if score >= SCORE_CUTOFF),
                       key=_best_first)
        return found[:4]
    from rapidfuzz import fuzz, process

    return process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF, limit=4)


def _best_first(found: tuple[str, float, int]) -> tuple[float, int]:
    return -found[1], found[2]


def _neighbours(ix: Index, head: str, win: list[Tok]) -> tuple[list[Form], dict]:
    """The forms of `head` a window can be one slip away from: those whose second word is (nearly)
    the window's second word, or whose third word is (the second left out); every short form
    when the window has one word. With them by length (_by_length)."""
    if len(win) < 2 or win[1].kind != "w":
        return _near(ix, head, None)[1:]
    return _near(ix, head, win[1].key)[1:]


def _near(ix: Index, head: str, k: str | None) -> tuple[bool, list[Form], dict]:
    """Whether some form of `head` has a second word (nearly) `k`; the forms whose second or third
    word is (nearly) `k` (k None: the short forms), and _by_length() of them. A function of the
    two words only: memoised."""
    got = ix.near.get((head, k))
    if got is None:
        second, out = False, []
        if k is None:
            out = ix.short.get(head, [])
        else:
            for n, table in enumerate((ix.by_second.get(head, {}), ix.by_third.get(head, {}))):
                for key, forms in table.items():
                    if key == k or (abs(len(key) - len(k)) <= 1 and within_one_edit(key, k)):
                        out.extend(forms)
                        second = second or n == 0
        if len(ix.near) >= 65536:
            ix.near.clear()
        got = ix.near[(head, k)] = (second, out, _by_length(out))
    return got


def _by_length(forms: list[Form]) -> dict[int, tuple[list[Form], list[str], set[str]]]:
    """L → the forms of L - 1, L or L + 1 tokens (in their order), their keys, and the keys and
    tone-neutral forms of their tokens (_strangers)."""
    out: dict[int, tuple[list[Form], list[str], set[str]]] = {}
    for f in forms:
        n = len(f.tokens)
        for L in (n - 1, n, n + 1):
            if L >= 1:
                fs, keys, words = out.setdefault(L, ([], [], set()))
                fs.append(f)
                keys.append(f.key)
                words.update(t.key for t in f.tokens)
                words.update(t.tn for t in f.tokens)
    return out


def _strangers(win: list[Tok], L: int, words: set[str]) -> int:
    """How many of the first L tokens of `win` are none of `words` (by key or tone-neutral form),
    counted up to 2. compare() pairs every token of a mention but one with a token of the form
    that has its key or its tone-neutral form (the one: a mistyped word, or a separator or "của"
    put in): with two strangers no form of `words` can be the mention, and ranking the forms by
    their likeness (rapidfuzz) is work for nothing (most windows the fuzzy step reads: the name
    ended a few words before)."""
    n = 0
    for t in win[:L]:
        if t.key not in words and t.tn not in words:
            n += 1
            if n > 1:
                break
    return n


def _heads_for(ix: Index, t: Tok) -> set[str]:
    """The heads whose forms a name starting with `t` may be: its own (diacritics aside) and,
    when it is capitalised, those one typo away ("Bo" for "Bảo", "Ba" for "Ban")."""
    return _heads(ix, t.key, t.text)


def _heads(ix: Index, key: str, text: str) -> set[str]:
    """_heads_for() of a word given as its text and key."""
    own = {key} if key in ix.by_key else set()
    if key in ix.typo_heads and any(c.isupper() for c in text):
        return own | ix.typo_heads[key]
    return own


_FIRST_TWO = re.compile(r"([^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:&[^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)\s*([^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:&[^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+)*|\S)?")


def _previous(text: str, pos: int) -> tuple[str, str]:
    """The word or mark just before `pos` (within 40 characters): ("w", word) or ("x", mark) or
    ("", "")."""
    lo = max(0, pos - 40)
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == lo:
        return "", ""
    if not text[i - 1].isalnum():
        return "x", text[i - 1]
    j = i - 1
    while j > lo and text[j - 1].isalnum():
        j -= 1
    return "w", text[j:i]


def _opening(ix: Index, first: str, second: str) -> tuple[set[str], bool, int, int]:
    """For a name that may start with the words `first` and `second`: its heads, whether it may
    go on (_may_continue), the window size and the tokens to read. A function of the two words
    only: memoised."""
    got = ix.openings.get((first, second))
    if got is None:
        key, second_key = _fold_word(first), _fold_word(second)
        heads = _heads(ix, key, first)
        go = bool(heads) and _may_continue(ix, heads, first, second, exact_head=key in ix.by_key)
        size = max((ix.maxlen.get(h, 1) for h in heads), default=1) + 1
        keep = max(size + 2, 7)
        if go and second_key != "va":
            # When the second token is this word, a name found is no longer than the longest
            # form whose second word is (nearly) it (_near: the prefix equal to a form has its
            # second word; a near form, its second or third, give or take a token), and no list
            # starts: the two tokens after that are all that is read. ("và" may stand for "&",
            # a separator token of a form: not so.)
            keep = min(keep, max(max(_near(ix, h, second_key)[2], default=1) for h in heads) + 2)
        if len(ix.openings) >= 65536:
            ix.openings.clear()
        got = ix.openings[(first, second)] = (heads, go, size, keep)
    return got


def _after_cac(text: str, pos: int) -> bool:
    """Whether the word before `pos` (_previous) is "các": only when it ends in "c" is it read."""
    i, lo = pos, max(0, pos - 40)
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == lo or text[i - 1] not in "cC":  # the last letter of its tone-neutral form is its own, lowered
        return False
    kind, prev = _previous(text, pos)
    return kind == "w" and _tn(prev) == "các"


def _may_continue(ix: Index, heads: set[str], first: str, second: str | None, exact_head: bool = True,
                  plural: bool = False) -> bool:
    """A cheap filter before matching: the word after the trigger (`second`: a word or a mark
    after the word `first`) must be (nearly) the second word of some form of the head, or the
    head must have one-word forms, or the trigger must head a list ("Các Sở: …", "các Bộ, cơ
    quan: …")."""
    if second is None or not second[0].isalnum():
        if exact_head and second is not None and _tn(first) in ix.list_heads and (
                second == ":" or (second == "," and plural)):
            return True
        return any(h in ix.single for h in heads)
    k = _fold_word(second)
    for h in heads:
        if h in ix.single or _near(ix, h, k)[0]:  # (nearly) the second word of a form
            return True
    return False


def _list_start(toks: list[Tok], plural: bool) -> int | None:
    """Where the items of a factored list begin (an offset), when the trigger toks[0] heads one:
    "Các Sở: …", "các Bộ, cơ quan: …"."""
    if len(toks) > 1 and toks[1].text == ":":
        return toks[1].end
    if plural and len(toks) > 2 and toks[1].text == ",":
        for t in toks[2:7]:
            if t.text == ":":
                return t.end
            if t.kind != "w" or t.cap:
                break
    return None


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?;:]\s*|\n\s*)(?:[-+•*]\s*|\(?[\p{L}\d]{1,4}[.)]\s*)*$")


_WORD_NEXT = re.compile(r"[ \t]+\w")


def _generic_at_start(text: str, toks: list[Tok]) -> bool:
    """Whether a name whose only capital is its first letter opens a sentence (or a list item):
    there a name that is also a common noun ("Ban chỉ đạo các cấp kiện toàn …") may be the common
    noun, the capital being the sentence's. Mid-sentence, the capital of "Ban" shows the writer
    meant the name ("Trưởng Ban chỉ đạo" → "Ban Chỉ đạo")."""
    if any(t.cap for t in toks[1:] if t.kind == "w"):
        return False
    if not _WORD_NEXT.match(text, toks[-1].end):
        return False  # the whole item is the name ("- Cổng thông tin điện tử tỉnh;" of Nơi nhận)
    return bool(_SENTENCE_OPENING.search(text, 0, toks[0].start))


class _Scan:
    def __init__(self, ix: Index, para):
        self.ix, self.para, self.text = ix, para, para.text
        self.out: list[Mention] = []

    def emit(self, c: Comparison, toks: list[Tok], item_head: Tok | None = None, lead: int = 1) -> Mention:
        text = self.text
        start, end = toks[0].start, toks[-1].end
        upper = len(toks) > 1 and is_upper_text(text[start:end])
        full = _rebuild(c, upper)
        suggestion = full
        if item_head is not None:  # the span is the item only: no head word
            suggestion = full.split(" ", lead)[lead] if full.count(" ") >= lead else full
        entries = self.ix.entries_by_form[c.form.text]
        verdict, under = c.verdict, c.under
        if (verdict == "case" and not c.over and item_head is None and any(e.common_noun for e in entries)
                and _generic_at_start(text, toks)):
            verdict, under = "exact", []  # "Ban chỉ đạo các cấp …" opening a sentence: a common noun
        # the same name written again and again shares its strings (interned)
        m = Mention(self.para, start, end, sys.intern(text[start:end]), "agency", verdict, sys.intern(full),
                    sys.intern(suggestion), entries, under, c.over, c.what, item_head is not None, upper)
        self.out.append(m)
        return m

    # agencies -------------------------------------------------------------------------------

    def agency_at(self, pos: int, key: str | None = None) -> int:
        """Match a body's name (or a factored list) at `pos`; the offset after it, or pos."""
        ix, text = self.ix, self.text
        if key is not None and key in ix.choices:
            end = self.exact_at(pos, key)
            if end:
                return end
        m = _FIRST_TWO.match(text, pos)
        if not m:
            return pos
        first, second = m.group(1, 2)  # the filters below work on the words, before any Tok is made
        plural = None
        if second and second[0].isalnum():
            heads, go, size, keep = _opening(ix, first, second)
            if not go:
                return pos
        else:
            key = _fold_word(first)
            heads = _heads(ix, key, first)
            if not heads:
                return pos
            plural = _after_cac(text, pos) if second == "," else None  # needed by _may_continue only before a comma
            if not _may_continue(ix, heads, first, second, exact_head=key in ix.by_key, plural=bool(plural)):
                return pos
            size = max(ix.maxlen.get(h, 1) for h in heads) + 1
            keep = max(size + 2, 7)
        if not any(ch.isupper() for ch in first):
            kind, prev = _previous(text, pos)
            if kind == "w" and _tn(prev) not in ix.stops:
                return pos  # "cơ sở", "trụ sở", "Tổng cục", "Ủy ban": not the start of a name
            plural = kind == "w" and _tn(prev) == "các"
        elif plural is None:
            plural = _after_cac(text, pos)
        t = Tok(first, pos, m.end(1), "w")
        full = max(size + 2, 7)  # toks[:size + 2] is all that is read below (the window, what follows, a list)
        # (nothing below reads past the token after the first hard punctuation mark: the window
        # stops before it, a name is followed by at most two tokens, a list starts before it)
        toks = tokenize(text, pos, limit=ix.window, keep=keep, past_hard=True)
        if keep < full and len(toks) > 1 and (toks[1].kind != "w" or toks[1].key != _fold_word(second)):
            toks = tokenize(text, pos, limit=ix.window, keep=full, past_hard=True)  # another second token (_opening)
        start = _list_start(toks, plural) if t.tn in ix.list_heads else None
        if start is not None:
            return self.list_items(t, start)
        if (plural and len(toks) > 2 and toks[1].kind == "w" and not toks[1].cap and toks[2].text == ":"
                and ix.by_second.get(t.key, {}).get(toks[1].key)):
            return self.list_items(t, toks[2].end, toks[1])  # "các Tập đoàn: …": a head of two words
        win = _window(toks, size)
        c = _best(ix, heads, win, lambda L: toks[L:])
        if c is None:
            return pos
        self.emit(c, win[:c.ntoks])
        end = win[c.ntoks - 1].end
        if plural and c.form.nwords >= 2 and c.ntoks < len(toks):
            nxt = toks[c.ntoks]
            if nxt.text == "," or nxt.tn == "và":
                return self.list_items(t, end)
        return end

    def exact_at(self, pos: int, key: str) -> int:
        """The fast path: a form written exactly, followed by what ends a name, and not a list
        ("Các Sở: …"). Returns the offset after it, or 0."""
        ix, text = self.ix, self.text
        m = _exact_rx(ix, key).match(text, pos)
        if not m:
            return 0
        f = ix.exact_forms[key][m.lastindex - 1]  # form n closes group n + 1 (g<n>)
        if f.text in ix.extended and not _boundary_text(text, m.end(), ix.stops):
            return 0  # a longer form may be meant ("Ủy ban nhân dân tỉnnh")
        if _after_cac(text, pos):
            return 0
        written = sys.intern(m.group())
        self.out.append(Mention(self.para, pos, m.end(), written, "agency", "exact", f.text, written,
                                ix.entries_by_form[f.text]))
        return m.end()

    def list_items(self, head: Tok, pos: int, head2: Tok | None = None) -> int:
        """Match the items of a factored list from `pos`: each is a name with `head` left out
        ("Kế hoạch và Đầu tư" for "Sở Kế hoạch và Đầu tư") or a whole name of its own
        ("Công an tỉnh", "Văn phòng Chính phủ"). Returns the offset after the last item."""
        ix, text = self.ix, self.text
        heads = {head.key}
        size = ix.maxlen.get(head.key, 1)
        while True:
            toks = tokenize(text, pos, limit=size + 3)
            k = 0
            while k < len(toks) and (toks[k].kind == "s" or toks[k].tn == "và"):
                k += 1
            if k >= len(toks) or toks[k].kind != "w":
                return pos
            t = toks[k]
            if t.cap and _heads_for(ix, t) and (end := self.agency_at(t.start)) > t.start:
                pos = end
            else:
                win = _window(toks[k:], size)
                lead = [head] if head2 is None else [head, head2]
                virtual = lead + win
                c = _best(ix, heads, virtual, lambda L: toks[k + L - len(lead):])
                if c is None or c.ntoks <= len(lead):
                    return pos
                self.emit(c, virtual[len(lead):c.ntoks], item_head=head, lead=len(lead))
                pos = virtual[c.ntoks - 1].end
            nxt = tokenize(text, pos, limit=1)
            if not nxt or not (nxt[0].text == "," or nxt[0].tn == "và"):
                return pos

    # places ---------------------------------------------------------------------------------

    def unit_at(self, pos: int) -> int:
        """A province after "tỉnh"/"thành phố"; a commune or district (local registries) after
        "xã", "phường", "huyện" …"""
        ix = self.ix
        # place_at() reads six tokens after the unit, up to a hard punctuation mark
        toks = tokenize(self.text, pos, limit=9, keep=8, past_hard=True)
        for n in (2, 1):
            if len(toks) > n and all(t.kind == "w" for t in toks[:n]) and _key(toks[:n]) in ix.units:
                unit = ix.units[_key(toks[:n])]
                after = toks[n - 1].end
                if unit in ix.provinces:
                    end = self.place_at(toks[n:], ix.provinces[unit], "province", after)
                    if end > after:
                        return end
                return self.place_at(toks[n:], ix.places, "place", after, case_only=True, unit=unit)
        return pos

    def place_at(self, toks: list[Tok], table: dict, kind: str, pos: int, case_only=False, min_words=1,
                 unit: str | None = None) -> int:
        """The longest registered place name at the start of `toks`, checked for capitals (and,
        for a province, diacritics); dated provinces and places are kept for N403."""
        text = self.text
        win = _window(toks, 6)
        keys = [_key(win[:1])]  # keys[L - 1]: the key of win[:L]
        for t in win[1:]:
            keys.append(keys[-1] + " " + t.key)
        for L in range(len(win), 0, -1):
            if win[L - 1].kind != "w" or (min_words > 1 and sum(t.kind == "w" for t in win[:L]) < min_words):
                continue
            found = table.get(keys[L - 1])
            if not found:
                continue
            if unit is not None:
                found = [p for p in found if p.unit == unit] or [p for p in found if not (p.valid_from or p.valid_to)]
                if not found:
                    continue
            written = win[:L]
            official = _name_tokens(found[0].name)
            if len(official) != L or not written[0].cap:
                return pos
            end = written[-1].end
            dated = any(p.valid_from or p.valid_to for p in found)
            upper = is_upper_text(text[written[0].start:end])
            diacritic = [(a.text, b.text) for a, b in zip(written, official) if a.kind == "w" and a.tn != b.tn]
            if case_only and diacritic:
                return end  # another place with a similar name: not ours to judge
            under = [] if upper else [(a.text, b.text) for a, b in zip(written, official)
                                      if a.tn == b.tn and b.cap and not a.cap]
            over = [] if upper else [(a.text, b.text) for a, b in zip(written, official)
                                     if a.tn == b.tn and a.cap and not b.cap]
            verdict = "misspelt" if diacritic else ("case" if under or over else "exact")
            if verdict == "exact" and not dated:
                return end
            fixed = _respace(text, written, [b.text if (a.tn != b.tn or a.cap != b.cap) and not upper else a.text
                                             for a, b in zip(written, official)])
            start = written[0].start
            self.out.append(Mention(self.para, start, end, text[start:end], kind, verdict, found[0].name, fixed,
                                    tuple(found), under, over, [("for", a, b) for a, b in diacritic], upper=upper))
            return end
        return pos


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[Tok, ...]:
    """The tokens of a registered name (never changed by their users)."""
    return tuple(tokenize(name))


def _respace(text: str, written: list[Tok], words: list[str]) -> str:
    """`words` put in the places of the `written` tokens, with the text's own spacing."""
    out = []
    for k, (t, w) in enumerate(zip(written, words)):
        out.append(w)
        if k + 1 < len(written):
            out.append(text[t.end:written[k + 1].start])
    return "".join(out)




_NEXT_WORDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?(?:\s+([^\W\d_]+))?")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")  # the first group of _NEXT_WORDS, matched alike


def _place_worth_reading(ix: Index, text: str, end: int, first_key: str | None, first_cap: bool = True) -> bool:
    """Whether the words after a unit word (or after the first word of a long place) can hold
    something to report: a word in lower case inside the name, a province, or a dated place."""
    m = _NEXT_WORDS.match(text, end)
    if first_key is None:  # after a unit word: the name starts here
        if not m:
            return False
        words = [w for w in m.groups() if w]
        if _fold_word(words[0]) in ix.read_first:
            return True
        return any(not w[0].isupper() for w in words[1:])
    if not m:
        return False
    words = [w for w in m.groups() if w]
    if f"{first_key} {_fold_word(words[0])}" not in ix.long_first2:
        return False
    return any(not w[0].isupper() for w in words)


def _long_place_worth_reading(ix: Index, text: str, end: int, first_key: str) -> bool:
    """_place_worth_reading() after the first word of a long place, the next word checked first
    (usually the pair begins no long place)."""
    m = _NEXT_WORD.match(text, end)
    if not m or _fold_word(m.group(1)) not in ix.long_second.get(first_key, ()):
        return False
    return _place_worth_reading(ix, text, end, first_key)


def _candidates_by_paragraph(ix: Index, texts: list[str]) -> dict[int, list[tuple]]:
    """(start, end, group, _word_kinds() of a capitalised word) of the candidate words of each
    text that has some, in order (the patterns: _build_index), but for the capitalised words
    that can start nothing (most of them). The patterns run once over the texts joined by NUL
    (set up per paragraph, they cost more than they do): neither pass can match across it (it
    is no letter, digit or space; every look-behind sees it as it sees the start of a text), so
    each text's matches are as they are alone."""
    ends = list(accumulate(len(t) + 1 for t in texts))  # text i ends (with its NUL) at ends[i]
    joined = "\x00".join(texts)
    kinds = ix.word_kinds
    one_pass = ix.low_rx is None
    out: dict[int, list[tuple]] = {}
    base = end_i = 0
    for m in ix.scan_rx.finditer(joined):  # in order
        if m.lastindex == 1:  # "cap"
            word = m.group()
            what = kinds.get(word) or _word_kinds(ix, word)
            if what is _NOTHING:
                continue
            group, start = "cap", m.start()
        else:
            group, start, what = m.lastgroup, m.start(), None
            if group == "mixed" and not one_pass:
                start -= 1  # the match starts at the capital, the word one letter before
        if start >= end_i:
            i = bisect_right(ends, start)
            base, end_i = (ends[i - 1] if i else 0), ends[i]
            here = out[i] = []
        here.append((start - base, m.end() - base, group, what))
    if not one_pass:
        n = len(joined)
        later = set()
        for m in ix.low_rx.finditer(joined[::-1]):
            start, end = n - m.end(), n - m.start("w")
            i = bisect_right(ends, start)
            base = ends[i - 1] if i else 0
            group = "low" if joined[start:end] in ix.low_set else "unit"
            out.setdefault(i, []).append((start - base, end - base, group, None))
            later.add(i)
        for i in later:
            out[i].sort(key=_START_OF)
    return out


_NOTHING = (None, False, False, False)
_START = attrgetter("start")
_START_OF = itemgetter(0)


def _word_kinds(ix: Index, word: str) -> tuple[str | None, bool, bool, bool]:
    """(key, may start a body's name, a long place, is a unit word) of a capitalised word;
    memoised per word (most capitalised words start nothing)."""
    kinds = ix.word_kinds.get(word)
    if kinds is None:
        key = _fold_word(word)
        kinds = (key, key in ix.by_key or key in ix.typo_heads, key in ix.long_first, key in ix.units)
        if not any(kinds[1:]):
            kinds = _NOTHING
        if len(ix.word_kinds) >= 65536:
            ix.word_kinds.clear()
        ix.word_kinds[word] = kinds
    return kinds


def scan_paragraph(ix: Index, para, found: list[tuple] | None = None) -> list[Mention]:
    """Every mention in one paragraph, in text order (`found`: its candidates in order, if known:
    one at a position, so the lists below come in order, each position once)."""
    text = para.text
    if found is None:
        found = _candidates_by_paragraph(ix, [text]).get(0, [])
    if not found:
        return []
    scan = _Scan(ix, para)
    agencies: list[tuple[int, str | None]] = []
    places: list[tuple[int, str]] = []
    for start, end, group, what in found:
        if group == "cap":
            key, head, long, unit = what
            if head:
                agencies.append((start, key))
            if long and _long_place_worth_reading(ix, text, end, key):
                places.append((start, "long"))
            if unit and _place_worth_reading(ix, text, end, None):
                places.append((start, "unit"))
        elif group == "mixed":
            key = _fold_word(text[start:end])
            if key in ix.typo_heads:
                agencies.append((start, key))
        elif group == "low":
            agencies.append((start, None))
            if text[start:end] in ix.unit_set and _place_worth_reading(ix, text, end, None):
                places.append((start, "unit"))  # "tỉnh" heads "Tỉnh ủy" and names a province
        elif _place_worth_reading(ix, text, end, None):
            places.append((start, "unit"))
    done = -1
    for pos, key in agencies:
        if pos >= done:
            done = max(done, scan.agency_at(pos, key))
    done = -1
    for pos, kind in places:  # (a word that heads a long place and is a unit word: "long" first)
        if pos < done:
            continue
        if kind == "unit":
            done = max(done, scan.unit_at(pos))
        else:
            toks = tokenize(text, pos, limit=7, keep=6, past_hard=True)  # what place_at() reads
            before = len(scan.out)
            done = max(done, scan.place_at(toks, ix.long_places, "place", pos, case_only=True, min_words=3))
            for m in scan.out[before:]:
                m.bare = True
    if len(scan.out) > 1:
        scan.out.sort(key=_START)
    return scan.out


def mentions(doc) -> list[Mention]:
    """Every mention of a registered body, province or commune in the document (cached)."""
    if "agency_mentions" not in doc.cache:
        ix = index_for(registry_for(doc))
        out = []
        found = _candidates_by_paragraph(ix, [p.text for p in doc.paragraphs])
        for i, p in enumerate(doc.paragraphs):
            if i in found:  # (no candidate, no mention)
                out.extend(scan_paragraph(ix, p, found[i]))
        doc.cache["agency_mentions"] = out
    return doc.cache["agency_mentions"]


# --- dates -----------------------------------------------------------------------------------------

_NUMBER_YEAR = re.compile(r"\bsố\s+\d+[\w.]*/(?P<y>(?:19|20)\d\d)/", re.I)
_HISTORICAL = re.compile(r"\((?:cũ|trước đây)\)|\bcũ\b|\btrước đây\b|\bnguyên\b|sáp nhập|hợp nhất|sắp xếp|"
                         r"giải thể|kết thúc hoạt động|trước khi|đổi tên", re.I)


def document_date(doc) -> dt.date | None:
    """The date the document speaks from: its own date (the place-and-date line, found by the
    structure or, for other documents, among their first paragraphs), else the meeting date,
    else None (no check)."""
    if "agency_date" not in doc.cache:
        d = notice_date(doc)
        if d is None and not doc.structure.components:
            for p in doc.paragraphs[:25]:
                pd = parse_place_date(p.text.strip())
                if pd and pd.date():
                    d = pd.date()
                    break
        doc.cache["agency_date_own"] = d is not None
        doc.cache["agency_date"] = d or meeting_date(doc)
    return doc.cache["agency_date"]


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause around a span: before it (from the last ';' or sentence end) and
    after it (to the next one)."""
    b = max(text.rfind(";", 0, start), text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    e = min([x for x in (text.find(";", end), text.find(". ", end)) if x >= 0] or [len(text)])
    return text[b + 1:start], text[end:e]


def reference_date(doc, m: Mention) -> tuple[dt.date, str] | None:
    """The date a mention speaks of and where it comes from ("document", "meeting", "clause"): a
    date written earlier in its clause ("Thông tư … ngày 10/01/2022 của Bộ trưởng Bộ Tài nguyên
    và Môi trường"), else the document's date. None when there is no date, or when the clause
    speaks of the past ("(cũ)", "trước đây", "sáp nhập" …): no check then."""
    base = document_date(doc)
    if base is None:
        return None
    base_label = "document" if doc.cache.get("agency_date_own") else "meeting"
    before, after = _clause(m.para.text, m.start, m.end)
    if _HISTORICAL.search(before[-80:]) or _HISTORICAL.search(after[:40]):
        return None
    found = None
    for d in find_dates(before):
        if d.first:
            found = d.last or d.first
    if found is None:
        for y in _NUMBER_YEAR.finditer(before):
            found = dt.date(int(y.group("y")), 12, 31)
    if found and found < base:
        return found, "clause"
    return base, base_label


# --- abbreviations (N404) ----------------------------------------------------------------------------

# the look-behind comes after the first capital (and spans it): the same matches, and the pattern
# begins with a character class, so the engine skips to the next capital in C
_ABBR = re.compile(r"(" + _UP + r"(?<![\w/.&\-].)(?:" + _UP + r"|\d|&)*" + _UP + r"(?:-" + _UP + r"(?:" + _UP
                    + r"|&)*)*)(?![\w/&]|-\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
_PARTS = re.compile(r"[-&]")  # the parts of "QĐ-UBND", "KH&ĐT"
_DEFINITION = re.compile(r"\s*(?i:(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s*(?:là|:)?\s*)?[\"“']?"
                         + _UP + r"[\w&\-\s]*[\"”']?\s*")
_EXPANSION_AFTER = re.compile(r"\s*\(\s*[^\W\d_][\w]*(?:\s+[\w,-]+){1,}")
_NOT_BODY = ("quoc_hieu", "tieu_ngu", "issuer", "so_ky_hieu", "place_date", "title", "noi_nhan", "recipient",
             "luu", "signer", "sig_title", "authority")


class AbbreviationUse:
    """The first use of an abbreviation (N404)."""

    __slots__ = ("para", "start", "end", "text", "defined_later")

    def __init__(self, para, start: int, end: int, text: str):
        self.para, self.start, self.end, self.text = para, start, end, text
        self.defined_later = False


@_by_identity
def known_abbreviations(reg: Registry) -> frozenset[str]:
    """Abbreviations that need no definition: rules/abbreviations.toml and every abbreviation in
    a registered form ("UBND", "KH&ĐT", "TTĐT": found once, with the index, kept in the state file)."""
    from ..registry import load_abbreviations

    return frozenset(load_abbreviations()) | index_for(reg).abbr_words


@lru_cache(maxsize=16384)
def _is_known(known: frozenset[str], tok: str) -> bool:
    """Whether an abbreviation ("QĐ-UBND") is known, or made of known parts (per word, cached).
    One written with D for Đ ("BCD" for "BCĐ") is a known one misspelt, which L701 reports: not an
    abbreviation left unexplained."""
    if tok in known or all(part in known for part in _PARTS.split(tok) if part):
        return True
    return "D" in tok and tok.replace("D", "Đ") in known


@lru_cache(maxsize=16384)
def _is_abbreviation(tok: str) -> bool:
    letters = tok.replace("-", "").replace("&", "")
    if len([c for c in letters if c.isalpha()]) < 2 or _ROMAN.fullmatch(letters):
        return False
    return not all(is_syllable(part) for part in _PARTS.split(tok) if part)


def _defines(text: str, start: int, end: int) -> bool:
    """The abbreviation at text[start:end] is defined right there: "Full name (ABBR)", "(sau đây
    gọi tắt là ABBR)", or "ABBR (full name)"."""
    open_ = text.rfind("(", max(0, start - 60), start)
    close = text.find(")", end, end + 60)
    if open_ >= 0 and close >= 0 and ")" not in text[open_:start] and "(" not in text[end:close]:
        inside = text[open_ + 1:close]
        before = text[:open_].rstrip().rstrip("\"”’'»")
        if _DEFINITION.fullmatch(inside) and before and before[-1].isalpha():
            return True  # the words before the parenthesis are the expansion
    return bool(_EXPANSION_AFTER.match(text, end))


def abbreviation_uses(doc) -> list[AbbreviationUse]:
    """The first use of every abbreviation that is neither well known nor defined at (or before)
    that first use (cached)."""
    if "agency_abbreviations" in doc.cache:
        return doc.cache["agency_abbreviations"]
    known = known_abbreviations(registry_for(doc))
    skip = {i for name in _NOT_BODY for i in doc.structure.components.get(name, [])}
    first: dict[str, AbbreviationUse] = {}
    defined: set[str] = set()
    structured = bool(doc.structure.components)
    tail = False  # in a document without structure: from "Nơi nhận:" to an annex, recipients and signature
    found = _abbreviations_by_paragraph([p.text for p in doc.paragraphs], known)
    for i, p in enumerate(doc.paragraphs):
        text = p.text
        if not structured and _RECIPIENTS.match(text):
            tail = True
        elif tail and _ANNEX.match(text):
            tail = False  # an annex after the signature is text again
        if i not in found:
            continue
        if is_upper_text(text):  # a heading in capitals: nothing in it is an abbreviation
            continue
        body = p.index not in skip and not tail and not (not structured and _HEADER_LINE.match(text))
        for start, end, tok in found[i]:
            if not _is_abbreviation(tok) or _AFTER_NUMBER.search(text, 0, start):
                continue  # a word in capitals; a unit of measure ("25 MW")
            if _defines(text, start, end):
                if tok in first:
                    first[tok].defined_later = True
                defined.add(tok)
                continue
            if body and tok not in defined and tok not in first:
                first[tok] = AbbreviationUse(p, start, end, tok)
    out = sorted(first.values(), key=lambda u: (u.para.index, u.start))
    doc.cache["agency_abbreviations"] = out
    return out


def _abbreviations_by_paragraph(texts: list[str], known: frozenset[str]) -> dict[int, list[tuple[int, int, str]]]:
    """(start, end, text) of the _ABBR matches of each paragraph that has some, but for the
    `known` ones, the pattern run once over the paragraphs joined by NUL: no match can span it,
    and the look-around sees it as it sees either end of a text."""
    ends = list(accumulate(len(t) + 1 for t in texts))  # paragraph i ends (with its NUL) at ends[i]
    out: dict[int, list[tuple[int, int, str]]] = {}
    base = end_i = 0
    for m in _ABBR.finditer("\x00".join(texts)):
        tok = m.group(1)
        if _is_known(known, tok):
            continue  # needs no definition (and says nothing else)
        start, end = m.span(1)
        if start >= end_i:
            i = bisect_right(ends, start)
            base, end_i = (ends[i - 1] if i else 0), ends[i]
            here = out[i] = []
        here.append((start - base, end - base, tok))
    return out


_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s*$")
_ANNEX = re.compile(r"\s*\W*\s*PHỤ\s+LỤC")
_RECIPIENTS = re.compile(r"\s*\W*\s*Nơi\s+nhận", _re.IGNORECASE)
_HEADER_LINE = re.compile(r"\s*(?:Số\s*:|Nơi\s+nhận|-\s*Lưu\s*:|Kính\s+gửi|V/v)", _re.IGNORECASE)
