"""Mentions of bodies and places, matched against the registry (checker/registry.py).

How a mention is found and judged:

1. Trigger words. The first word of every registered name or abbreviation ("Sở", "Bộ", "Ủy",
   "UBND", "Hạt", "Cổng" …) is a trigger, compared without diacritics, so "Công TTĐT" is a
   candidate for "Cổng TTĐT"; a capitalised word one typo away from a trigger ("Ba" for "Ban",
   "ộB" for "Bộ") is a candidate too. A trigger in lower case ("giao sở Tài chính") is one only
   before a capitalised word and where a name can start (after punctuation or a word such as
   "giao", "với"): not in "cơ sở Y tế", "Tổng cục", "Chi cục".
   One regex pass over the paragraph finds the candidates; the word after each is checked
   against the second words of the trigger's forms before anything else is done.
2. The fast path: a registered form written exactly (either tone-mark style, any spacing) at
   the trigger, followed by what ends a name (punctuation, "chủ trì", "và" … see
   rules/agencies/matching.toml), is an exact mention: nothing more to do.
3. Otherwise the window: the words after the trigger up to hard punctuation (. ; : ( ) quotes).
   Commas, dashes and "&" stay inside it: they are part of names ("Sở Văn hóa, Thể thao và Du
   lịch"). First the longest prefix equal to a registered form with diacritics and case ignored;
   then rapidfuzz (process.extract, fuzz.ratio on the folded forms, score_cutoff) ranks the
   forms whose second word is the window's (nearly), and each is verified word by word against
   a typo model: any number of slips of case or diacritics, and at most one of: a mistyped word
   (a letter dropped, doubled, swapped or changed), a word left out ("Ủy ban nhân tỉnh", "Hạt
   Kiểm"), a different or missing separator ("Sở Lao động, Thương binh …"). A mistyped word that
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

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache, wraps

import re as _re

from .. import rx as re
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..language.syllables import is_syllable
from ..registry import Agency, Place, Province, Registry, for_settings
from ..textnorm import fold, is_upper_text, tone_neutral
from .dates import find_dates
from .header import meeting_date, notice_date, parse_place_date

SCORE_CUTOFF = 75  # rapidfuzz ratio (0-100) of the folded forms: only a shortlist, verified after

# --- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?P<w>[\p{L}\p{Nd}]+(?:&[\p{L}\p{Nd}]+)*)|(?P<s>[,&\-–—])|(?P<x>\S)")
_DASHES = {"–": "-", "—": "-"}


@lru_cache(maxsize=65536)
def _word_info(text: str) -> tuple[str, bool, bool]:
    """(folded key, first letter upper, every letter upper) of a word, cached: words repeat."""
    letters = [c for c in text if c.isalpha()]
    cap = bool(letters) and letters[0].isupper()
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    return fold(text), cap, upper


@lru_cache(maxsize=65536)
def _tn(text: str) -> str:
    return tone_neutral(text)


def _tn_text(text: str) -> str:
    """tone_neutral() of a phrase, word by word through the cache (the same result)."""
    return " ".join(_tn(w) for w in text.split(" "))


class Tok:
    """A word, a separator (, - &) or hard punctuation, with its span in the paragraph text."""

    __slots__ = ("text", "start", "end", "kind", "key", "cap", "upper")

    def __init__(self, text: str, start: int, end: int, kind: str):
        self.text, self.start, self.end, self.kind = text, start, end, kind
        if kind == "w":
            self.key, self.cap, self.upper = _word_info(text)
        else:
            if kind == "s":
                text = self.text = _DASHES.get(text, text)
            self.key = "va" if text == "&" else text  # "&" and "và" fold alike
            self.cap = self.upper = False

    @property
    def tn(self) -> str:
        """Tone-neutral lower case ("uỷ" and "ủy" alike)."""
        return _tn(self.text) if self.kind == "w" else self.text

    @property
    def abbr(self) -> bool:
        return self.upper or "&" in self.text

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


def tokenize(text: str, pos: int = 0, limit: int | None = None, stop_at_hard: bool = False) -> list[Tok]:
    """Tokens of `text` from `pos`: at most `limit` of them; with stop_at_hard, up to the first
    hard punctuation mark (. ; : ( ) quotes …), which is not included."""
    raw: list[Tok] = []
    for m in _TOKEN.finditer(text, pos):
        kind = m.lastgroup
        if kind == "x" and stop_at_hard:
            break
        raw.append(Tok(m.group(), m.start(), m.end(), kind))
        if limit is not None and len(raw) >= limit + 2:
            break
    toks = _merge_abbr(raw)
    return toks[:limit] if limit is not None else toks


def _key(toks) -> str:
    return " ".join(t.key for t in toks)


# --- the index of forms -----------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
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


@dataclass
class Index:
    registry: Registry
    by_key: dict[str, dict[str, list[Form]]] = field(default_factory=dict)  # head → key → forms
    choices: dict[str, tuple[list[str], list[Form]]] = field(default_factory=dict)
    maxlen: dict[str, int] = field(default_factory=dict)
    minlen: dict[str, int] = field(default_factory=dict)
    typo_heads: dict[str, set[str]] = field(default_factory=dict)
    entries_of: dict[str, list[Agency]] = field(default_factory=dict)  # tone-neutral form → entries
    entries_by_form: dict[str, tuple[Agency, ...]] = field(default_factory=dict)  # form text → entries
    provinces: dict[str, dict[str, list[Province]]] = field(default_factory=dict)  # kind → key → …
    places: dict[str, list[Place]] = field(default_factory=dict)  # key of the name → places
    long_places: dict[str, list[Place]] = field(default_factory=dict)  # ≥ 3 syllables
    long_first: frozenset[str] = frozenset()  # first word (key) of the long places
    units: dict[str, str] = field(default_factory=dict)  # key of a unit word → the unit word
    stops: frozenset[str] = frozenset()
    window: int = 12  # tokens read after a trigger: the longest form and what follows it
    exact_rx: dict = field(default_factory=dict)  # head → regex of its forms written exactly
    exact_forms: dict = field(default_factory=dict)  # head → forms, by the regex's group number
    extended: frozenset[str] = frozenset()  # forms that a longer form of their head starts with
    second: dict = field(default_factory=dict)  # head → keys of the 2nd and 3rd words of its forms
    single: frozenset[str] = frozenset()  # heads with a one-word form ("UBND")
    short: dict = field(default_factory=dict)  # head → its forms of one or two tokens
    by_second: dict = field(default_factory=dict)  # head → key of the 2nd word → forms
    by_third: dict = field(default_factory=dict)  # head → key of the 3rd word → forms
    abbr_heads: set = field(default_factory=set)  # heads written in capitals ("ubnd"): no typo variants
    list_heads: set = field(default_factory=set)  # first words, as written, that can head a factored list
    long_first2: frozenset[str] = frozenset()  # first two words (keys) of the long places
    read_first: frozenset[str] = frozenset()  # first word (key) of provinces and of dated places
    scan_rx: object = None  # the candidates of a paragraph, in one pass (see index_for)
    unit_set: frozenset[str] = frozenset()  # unit words as written ("tỉnh", "Tỉnh", "thành phố" …)

    def __getstate__(self):  # pickled for the cache (registry.py): patterns as their source
        state = dict(self.__dict__)
        state["scan_rx"] = self.scan_rx.pattern if self.scan_rx is not None else None
        state["exact_rx"], state["exact_forms"] = {}, {}
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        if self.scan_rx is not None:
            self.scan_rx = re.compile(self.scan_rx)  # from rx's cache of compiled programs


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
    """The regex of every form of `head` written exactly (longest first), compiled on first use:
    a document uses a few heads of the registry's many."""
    rx = ix.exact_rx.get(head)
    if rx is None:
        forms = sorted(ix.choices[head][1], key=lambda f: (-len(f.tokens), -len(f.text)))
        ix.exact_forms[head] = forms
        alts = [f"(?P<g{n}>{_exact_pattern(f)})" for n, f in enumerate(forms)]
        rx = ix.exact_rx[head] = re.compile("(?:" + "|".join(alts) + r")(?!\w)")
    return rx


def _exact_pattern(f: Form) -> str:
    """A regex for the form written exactly: either tone-mark style, any white space, any dash."""
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
    return "".join(parts)


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


# upper-case Latin letters, Vietnamese ones included (the letters names are written with)
_UP = _char_class([chr(c) for c in range(0x41, 0x1F00) if chr(c).isalpha() and chr(c).isupper()
                   and len(fold(chr(c))) == 1 and "a" <= fold(chr(c)) <= "z"])


@lru_cache(maxsize=256)
def _tone_spellings_cached(word: str) -> frozenset[str]:
    return frozenset(_tone_spellings(word))


def _by_identity(fn):
    """Memoise fn(registry) on the registry object first: an lru_cache hashes its argument on
    every call, and hashing a whole Registry (a frozen dataclass of thousands of entries) took a
    few milliseconds per document. The registry is kept referenced, so its id is not reused;
    equal registries still share fn's own cache."""
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
@lru_cache(maxsize=8)
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
    for a in reg.agencies:
        for text, kind in _forms_of(a):
            toks = tuple(t for t in tokenize(text) if t.kind != "x")
            if not toks or toks[0].kind != "w":
                continue
            f = Form(text, toks, a, kind, sum(t.kind == "w" for t in toks), any(t.abbr for t in toks), _key(toks))
            ix.by_key.setdefault(f.head, {}).setdefault(_key(toks), []).append(f)
            owners = ix.entries_of.setdefault(_tn_text(text), [])
            if a not in owners:
                owners.append(a)
            if not toks[0].abbr:
                lower_heads |= _tone_spellings_cached(toks[0].text.lower())
    for keys in ix.by_key.values():
        for fs in keys.values():
            for f in fs:
                ix.entries_by_form[f.text] = tuple(ix.entries_of[_tn_text(f.text)])
    for head, keys in ix.by_key.items():
        flat = [(k, f) for k, fs in keys.items() for f in fs]
        ix.choices[head] = ([k for k, _ in flat], [f for _, f in flat])
        ix.maxlen[head] = max(len(f.tokens) for _, f in flat)
        ix.minlen[head] = min(len(f.tokens) for _, f in flat)
    for head, (_keys, forms) in ix.choices.items():
        if len(head) >= 2 and not forms[0].tokens[0].abbr:
            for v in _variants_of(head):
                ix.typo_heads.setdefault(v, set()).add(head)
    for p in reg.provinces:
        ix.provinces.setdefault(p.kind, {}).setdefault(_key(tokenize(p.name)), []).append(p)
    for pl in reg.places:
        # the key of its tokens (place names hold words, digits and " - "), word by word: cached
        k = " ".join(w if w == "-" else _word_info(w)[0] for w in pl.name.split())
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
        ix.second[head] = frozenset(f.tokens[1].key for f in forms if len(f.tokens) > 1 and f.tokens[1].kind == "w")
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
    ix.single = frozenset(h for h, fs in ix.choices.items() if any(len(f.tokens) == 1 for f in fs[1]))
    ix.long_first2 = frozenset(" ".join(k.split(" ")[:2]) for k in ix.long_places)
    ix.read_first = frozenset([_key(tokenize(p.name)).split(" ")[0] for p in reg.provinces]
                              + [_key(tokenize(p.name)).split(" ")[0] for p in reg.places if p.valid_from or p.valid_to])
    ix.unit_set = frozenset(units)
    low = "|".join(_re.escape(w) for w in sorted(lower_heads, key=lambda s: (-len(s), s)))
    unit = "|".join(_re.escape(w) for w in sorted(units, key=lambda s: (-len(s), s)) if not w[0].isupper())
    # one pass over a paragraph finds every candidate: a capitalised word, a word with a capital
    # moved by a typo ("aBn"), a lower-case head before a capitalised word ("giao sở Tài chính"),
    # a unit word before a capitalised word ("tỉnh Lào Cai")
    ix.scan_rx = re.compile(r"(?<!\w)(?:(?P<cap>" + _UP + r"\w*)|(?P<mixed>[^\W\d_]" + _UP + r"\w*)|(?P<low>"
                             + low + r")(?=\s+" + _UP + r")|(?P<unit>" + unit + r")(?=\s+" + _UP + r"))")
    return ix


def registry_for(doc) -> Registry:
    return for_settings(doc.options.settings)


# --- comparing a mention with a form ------------------------------------------------------------


@dataclass
class Comparison:
    form: Form
    ntoks: int  # mention tokens compared
    structural: int = 0  # typo, missing word, separator: at most one
    what: list[tuple] = field(default_factory=list)  # ("missing", w) ("extra", w) ("for", written, official)
    diacritics: int = 0
    under: list[tuple[str, str]] = field(default_factory=list)  # (written, official) lower → upper
    over: list[tuple[str, str]] = field(default_factory=list)
    keep: dict[int, str] = field(default_factory=dict)  # form token index → the writer's spelling

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


def compare(ms: list[Tok], f: Form, after: list[Tok], stops: frozenset[str]) -> Comparison | None:
    """The best way `ms` is `f` written with at most one structural slip, or None."""
    ft = f.tokens
    n, m = len(ms), len(ft)
    plans: list[tuple[list, int | None, int | None]] = []
    if n == m:
        plans.append((list(zip(ms, range(m))), None, None))
    elif n == m - 1:
        for k in range(1, m):
            idx = [j for j in range(m) if j != k]
            plans.append((list(zip(ms, idx)), k, None))
    elif n == m + 1:
        for k in range(1, n):
            if ms[k].kind == "s":
                plans.append((list(zip(ms[:k] + ms[k + 1:], range(m))), None, k))
    best = None
    upper_mode = all(t.upper or t.kind != "w" or not any(c.isalpha() for c in t.text) for t in ms) and \
        any(t.kind == "w" for t in ms) and is_upper_text("".join(t.text for t in ms))
    for pairs, deleted, inserted in plans:
        c = _evaluate(ms, f, pairs, deleted, inserted, after, stops, upper_mode)
        if c is not None and (best is None or c.rank() < best.rank()):
            best = c
    return best


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
            elif pos > 0 and f.nwords >= 4 and len(b.key) >= 3 and OSA.distance(a.key, b.key) == 1:
                c.structural += 1  # "Ban Cán sự Đảng UNBD tỉnh": a typo inside a long name
                slips.append(pos)
                c.what.append(("for", a.text, b.text))
            else:
                return None
            continue
        if a.tn == b.tn:
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
        elif len(b.key) >= 2 and OSA.distance(a.key, b.key) == 1:
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


@dataclass
class Mention:
    para: object  # model.Paragraph
    start: int  # span in para.text
    end: int
    text: str
    kind: str  # "agency" | "province" | "place"
    verdict: str  # "exact" | "case" | "misspelt"
    official: str  # the whole official form ("Sở Công Thương")
    suggestion: str  # what the span should say (for an item of a factored list: without the head)
    entries: tuple = ()  # the registered bodies (or provinces, places) of that form
    under: list = field(default_factory=list)  # (written, official) words that want a capital
    over: list = field(default_factory=list)  # words written with a capital they should not have
    what: list = field(default_factory=list)  # what differs, for the message
    item: bool = False  # an item of a factored list ("Các Sở: …, Công thương")
    upper: bool = False  # written in capitals (a heading)


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
    for L in range(len(win), 0, -1):
        if win[L - 1].kind != "w":
            continue
        key = prefix[L]
        forms = [f for h in heads for f in ix.by_key.get(h, {}).get(key, ())]
        cands = [c for f in forms if (c := compare(win[:L], f, after_of(L), ix.stops))]
        if cands:
            best_fold = min(cands, key=Comparison.rank)
            break
    lf = best_fold.ntoks if best_fold else 0
    if best_fold and best_fold.verdict == "exact" and _boundary(after_of(lf), ix.stops, caps=False):
        return best_fold
    fuzzy = []
    for h in heads:
        by_len: dict[int, list[Form]] = {}
        for f in _neighbours(ix, h, win):
            for L in (len(f.tokens) - 1, len(f.tokens), len(f.tokens) + 1):
                if lf < L <= len(win) and win[L - 1].kind == "w":
                    by_len.setdefault(L, []).append(f)
        for L, forms in by_len.items():
            keys = [f.key for f in forms]
            for _k, score, j in process.extract(prefix[L], keys, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF,
                                                limit=4):
                c = compare(win[:L], forms[j], after_of(L), ix.stops)
                if c is not None and c.structural:
                    fuzzy.append((score, L, c))
    if fuzzy:
        fuzzy.sort(key=lambda x: (-x[0], -x[1]))
        return fuzzy[0][2]
    return best_fold


def _neighbours(ix: Index, head: str, win: list[Tok]) -> list[Form]:
    """The forms of `head` a window can be one slip away from: those whose second word is (nearly)
    the window's second word, or whose third word is (the second left out); every short form
    when the window has one word."""
    if len(win) < 2 or win[1].kind != "w":
        return ix.short.get(head, [])
    k = win[1].key
    out = []
    for table in (ix.by_second.get(head, {}), ix.by_third.get(head, {})):
        for key, forms in table.items():
            if key == k or (abs(len(key) - len(k)) <= 1 and OSA.distance(key, k) <= 1):
                out.extend(forms)
    return out


def _heads_for(ix: Index, t: Tok) -> set[str]:
    """The heads whose forms a name starting with `t` may be: its own (diacritics aside) and,
    when it is capitalised, those one typo away ("Bo" for "Bảo", "Ba" for "Ban")."""
    own = {t.key} if t.key in ix.by_key else set()
    if t.key in ix.typo_heads and any(c.isupper() for c in t.text):
        return own | ix.typo_heads[t.key]
    return own


_FIRST_TWO = re.compile(r"([^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:&[^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)\s*([^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:&[^\W_¹²³⁴⁵⁶⁷⁸⁹⁰]+)*|\S)?")


def _previous(text: str, pos: int) -> tuple[str, str]:
    """The word or mark just before `pos`: ("w", word) or ("x", mark) or ("", "")."""
    before = text[max(0, pos - 40):pos].rstrip()
    if not before:
        return "", ""
    if not before[-1].isalnum():
        return "x", before[-1]
    i = len(before)
    while i > 0 and before[i - 1].isalnum():
        i -= 1
    return "w", before[i:]


def _may_continue(ix: Index, heads: set[str], toks: list[Tok], exact_head: bool = True, plural: bool = False) -> bool:
    """A cheap filter before matching: the word after the trigger must be (nearly) the second
    word of some form of the head, or the head must have one-word forms, or the trigger must
    head a list ("Các Sở: …", "các Bộ, cơ quan: …")."""
    if len(toks) < 2 or toks[1].kind != "w":
        if exact_head and len(toks) > 1 and toks[0].tn in ix.list_heads and (
                toks[1].text == ":" or (toks[1].text == "," and plural)):
            return True
        return any(h in ix.single for h in heads)
    k = toks[1].key
    for h in heads:
        if h in ix.single:
            return True
        keys = ix.second.get(h, ())
        if k in keys or any(abs(len(k) - len(x)) <= 1 and OSA.distance(k, x) <= 1 for x in keys):
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


class _Scan:
    def __init__(self, ix: Index, para):
        self.ix, self.para, self.text = ix, para, para.text
        self.out: list[Mention] = []

    def emit(self, c: Comparison, toks: list[Tok], item_head: Tok | None = None) -> Mention:
        text = self.text
        start, end = toks[0].start, toks[-1].end
        upper = len(toks) > 1 and is_upper_text(text[start:end])
        full = _rebuild(c, upper)
        suggestion = full
        if item_head is not None:  # the span is the item only: no head word
            suggestion = full.split(" ", 1)[1] if " " in full else full
        entries = self.ix.entries_by_form[c.form.text]
        m = Mention(self.para, start, end, text[start:end], "agency", c.verdict, full, suggestion, entries,
                    c.under, c.over, c.what, item_head is not None, upper)
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
        t = Tok(m.group(1), pos, m.end(1), "w")
        heads = _heads_for(ix, t)
        if not heads:
            return pos
        nxt = [t, Tok(m.group(2), m.start(2), m.end(2), "w" if m.group(2)[0].isalnum() else "x")] if m.group(2) else [t]
        kind, prev = _previous(text, pos)
        plural = kind == "w" and _tn(prev) == "các"
        if not _may_continue(ix, heads, nxt, exact_head=t.key in ix.by_key, plural=plural):
            return pos
        toks = tokenize(text, pos, limit=ix.window)
        if not any(ch.isupper() for ch in t.text):
            if kind == "w" and _tn(prev) not in ix.stops:
                return pos  # "cơ sở", "trụ sở", "Tổng cục", "Ủy ban": not the start of a name
        start = _list_start(toks, plural) if t.tn in ix.list_heads else None
        if start is not None:
            return self.list_items(t, start)
        size = max(ix.maxlen.get(h, 1) for h in heads) + 1
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
        f = ix.exact_forms[key][int(m.lastgroup[1:])]
        if f.text in ix.extended and not _boundary_text(text, m.end(), ix.stops):
            return 0  # a longer form may be meant ("Ủy ban nhân dân tỉnnh")
        kind, prev = _previous(text, pos)
        if kind == "w" and _tn(prev) == "các":
            return 0
        self.out.append(Mention(self.para, pos, m.end(), m.group(), "agency", "exact", f.text, m.group(),
                                ix.entries_by_form[f.text]))
        return m.end()

    def list_items(self, head: Tok, pos: int) -> int:
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
                virtual = [head] + win
                c = _best(ix, heads, virtual, lambda L: toks[k + L - 1:])
                if c is None or c.ntoks < 2:
                    return pos
                self.emit(c, virtual[1:c.ntoks], item_head=head)
                pos = virtual[c.ntoks - 1].end
            nxt = tokenize(text, pos, limit=1)
            if not nxt or not (nxt[0].text == "," or nxt[0].tn == "và"):
                return pos

    # places ---------------------------------------------------------------------------------

    def unit_at(self, pos: int) -> int:
        """A province after "tỉnh"/"thành phố"; a commune or district (local registries) after
        "xã", "phường", "huyện" …"""
        ix = self.ix
        toks = tokenize(self.text, pos, limit=9)
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
        for L in range(len(win), 0, -1):
            if win[L - 1].kind != "w" or sum(t.kind == "w" for t in win[:L]) < min_words:
                continue
            found = table.get(_key(win[:L]))
            if not found:
                continue
            if unit is not None:
                found = [p for p in found if p.unit == unit] or [p for p in found if not (p.valid_from or p.valid_to)]
                if not found:
                    continue
            written = win[:L]
            official = tokenize(found[0].name)
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


def _respace(text: str, written: list[Tok], words: list[str]) -> str:
    """`words` put in the places of the `written` tokens, with the text's own spacing."""
    out = []
    for k, (t, w) in enumerate(zip(written, words)):
        out.append(w)
        if k + 1 < len(written):
            out.append(text[t.end:written[k + 1].start])
    return "".join(out)




_NEXT_WORDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?(?:\s+([^\W\d_]+))?")


def _place_worth_reading(ix: Index, text: str, end: int, first_key: str | None, first_cap: bool = True) -> bool:
    """Whether the words after a unit word (or after the first word of a long place) can hold
    something to report: a word in lower case inside the name, a province, or a dated place."""
    m = _NEXT_WORDS.match(text, end)
    if first_key is None:  # after a unit word: the name starts here
        if not m:
            return False
        words = [w for w in m.groups() if w]
        if _word_info(words[0])[0] in ix.read_first:
            return True
        return any(not w[0].isupper() for w in words[1:])
    if not m:
        return False
    words = [w for w in m.groups() if w]
    if f"{first_key} {_word_info(words[0])[0]}" not in ix.long_first2:
        return False
    return any(not w[0].isupper() for w in words)


def scan_paragraph(ix: Index, para) -> list[Mention]:
    """Every mention in one paragraph, in text order."""
    text = para.text
    scan = _Scan(ix, para)
    agencies: list[tuple[int, str | None]] = []
    places: list[tuple[int, str]] = []
    for m in ix.scan_rx.finditer(text):
        group = m.lastgroup
        word = m.group()
        if group == "cap":
            key = _word_info(word)[0]
            if key in ix.by_key or key in ix.typo_heads:
                agencies.append((m.start(), key))
            if key in ix.long_first and _place_worth_reading(ix, text, m.end(), key):
                places.append((m.start(), "long"))
            if key in ix.units and _place_worth_reading(ix, text, m.end(), None):
                places.append((m.start(), "unit"))
        elif group == "mixed":
            key = _word_info(word)[0]
            if key in ix.typo_heads:
                agencies.append((m.start(), key))
        elif group == "low":
            agencies.append((m.start(), None))
            if word in ix.unit_set and _place_worth_reading(ix, text, m.end(), None):
                places.append((m.start(), "unit"))  # "tỉnh" heads "Tỉnh ủy" and names a province
        elif _place_worth_reading(ix, text, m.end(), None):
            places.append((m.start(), "unit"))
    done = -1
    for pos, key in sorted(set(agencies), key=lambda x: x[0]):
        if pos >= done:
            done = max(done, scan.agency_at(pos, key))
    done = -1
    for pos, kind in sorted(set(places)):
        if pos < done:
            continue
        if kind == "unit":
            done = max(done, scan.unit_at(pos))
        else:
            toks = tokenize(text, pos, limit=7)
            done = max(done, scan.place_at(toks, ix.long_places, "place", pos, case_only=True, min_words=3))
    scan.out.sort(key=lambda m: m.start)
    return scan.out


def mentions(doc) -> list[Mention]:
    """Every mention of a registered body, province or commune in the document (cached)."""
    if "agency_mentions" not in doc.cache:
        ix = index_for(registry_for(doc))
        out = []
        for p in doc.paragraphs:
            out.extend(scan_paragraph(ix, p))
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

_ABBR = re.compile(r"(?<![\w/.&\-])(" + _UP + r"(?:" + _UP + r"|\d|&)*" + _UP + r"(?:-" + _UP + r"(?:" + _UP
                    + r"|&)*)*)(?![\w/&]|-\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
_DEFINITION = re.compile(r"\s*(?i:(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s*(?:là|:)?\s*)?[\"“']?"
                         + _UP + r"[\w&\-\s]*[\"”']?\s*")
_EXPANSION_AFTER = re.compile(r"\s*\(\s*[^\W\d_][\w]*(?:\s+[\w,-]+){1,}")
_NOT_BODY = ("quoc_hieu", "tieu_ngu", "issuer", "so_ky_hieu", "place_date", "title", "noi_nhan", "recipient",
             "luu", "signer", "sig_title", "authority")


@dataclass
class AbbreviationUse:
    para: object
    start: int
    end: int
    text: str
    defined_later: bool = False


@_by_identity
@lru_cache(maxsize=8)
def known_abbreviations(reg: Registry) -> frozenset[str]:
    """Abbreviations that need no definition: rules/abbreviations.toml and every abbreviation in
    a registered form ("UBND", "KH&ĐT", "TTĐT")."""
    from ..registry import load_abbreviations

    out = set(load_abbreviations())
    for a in reg.agencies:
        for form in a.abbr:
            for t in tokenize(form):
                if t.kind == "w" and t.abbr:
                    out.add(t.text)
    return frozenset(out)


def _is_abbreviation(tok: str) -> bool:
    letters = tok.replace("-", "").replace("&", "")
    if len([c for c in letters if c.isalpha()]) < 2 or _ROMAN.fullmatch(letters):
        return False
    return not all(is_syllable(part) for part in re.split(r"[-&]", tok) if part)


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
    for p in doc.paragraphs:
        text = p.text
        if not structured and _RECIPIENTS.match(text):
            tail = True
        elif tail and _ANNEX.match(text):
            tail = False  # an annex after the signature is text again
        if not text.strip() or is_upper_text(text):
            continue
        body = p.index not in skip and not tail and not (not structured and _HEADER_LINE.match(text))
        for m in _ABBR.finditer(text):
            tok = m.group(1)
            if tok in known or all(part in known for part in re.split(r"[-&]", tok) if part):
                continue
            if not _is_abbreviation(tok) or _AFTER_NUMBER.search(text, 0, m.start(1)):
                continue  # a word in capitals; a unit of measure ("25 MW")
            if _defines(text, m.start(1), m.end(1)):
                if tok in first:
                    first[tok].defined_later = True
                defined.add(tok)
                continue
            if body and tok not in defined and tok not in first:
                first[tok] = AbbreviationUse(p, m.start(1), m.end(1), tok)
    out = sorted(first.values(), key=lambda u: (u.para.index, u.start))
    doc.cache["agency_abbreviations"] = out
    return out


_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s*$")
_ANNEX = re.compile(r"\s*\W*\s*PHỤ\s+LỤC")
_RECIPIENTS = re.compile(r"\s*\W*\s*Nơi\s+nhận", _re.IGNORECASE)
_HEADER_LINE = re.compile(r"\s*(?:Số\s*:|Nơi\s+nhận|-\s*Lưu\s*:|Kính\s+gửi|V/v)", _re.IGNORECASE)
