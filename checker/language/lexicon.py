"""The language rules' data: rules/confusions.toml (L701) and rules/language.toml (L702, L704).

Loading validates the files: an unknown key, an entry without its source, an empty or invalid
value, a bad regular expression is a `LanguageDataError` that names the file and the entry.
Everything is compiled once (lru_cache) and shared by every document.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from .. import rx as re

from ..cache import load_toml
from ..errors import RuleDataError
from ..resources import rules_path
from ..textnorm import nfc, tone_neutral
from .syllables import tone_style

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


class LanguageDataError(RuleDataError, ValueError):
    """A language data file that cannot be used (names the file and the entry)."""


CONFUSION_KEYS = {"wrong", "right", "source", "safe", "severity", "case", "not_after", "not_before",
                  "only_after", "only_before", "note", "note_en"}
_LIST_KEYS = ("not_after", "not_before", "only_after", "only_before")
_EDGE_L = r"(?<![\p{L}\p{M}\d])"
_EDGE_R = r"(?![\p{L}\p{M}\d])"


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    source: str
    safe: bool
    severity: str
    case: bool
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    only_after: tuple[str, ...]
    only_before: tuple[str, ...]
    note: str  # Vietnamese
    note_en: str
    phrase_rx: str  # the pattern of the phrase (_phrase_pattern), compiled when first matched
    keys: tuple[str, ...]  # words every match contains as written (a cheap test before the pattern runs)

    @property
    def pattern(self) -> re.Pattern:
        """The compiled pattern (rx keeps it: compiled once per process, read from the cache of
        compiled programs after the first run), for the few entries whose words a text holds."""
        return re.compile(self.phrase_rx)


@dataclass(frozen=True)
class ConfusionMatch:
    start: int
    end: int
    text: str
    entry: Confusion

    @property
    def replacement(self) -> str:
        """The correct form, in the case of the text it replaces."""
        right = self.entry.right
        if self.entry.case:
            return right
        if self.text.isupper():
            return right.upper()
        if self.text[:1].isupper():
            return right[:1].upper() + right[1:]
        return right


def _phrase_pattern(phrase: str, case: bool) -> str:
    parts = []
    for tok in phrase.split():
        if tok in ("-", "–", "—"):
            parts.append(r"\s*[-–—]\s*")
        else:
            parts.append(re.escape(tok if case else tone_neutral(tok)))
    body = ""
    for k, p in enumerate(parts):
        if k and not p.startswith(r"\s*") and not parts[k - 1].startswith(r"\s*"):
            body += r"\s+"
        body += p
    return _EDGE_L + body + _EDGE_R


def _keys(wrong: str, case: bool) -> tuple[str, ...]:
    """The words of the phrase that every match contains as written (lower-cased unless `case`):
    those whose spelling does not depend on the tone style."""
    words = [t for t in wrong.split() if t not in ("-", "–", "—")]
    if not case:
        words = [t.lower() for t in words if tone_style(t) is None]
    return tuple(words)


def _strings(name: str, where: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise LanguageDataError(f"{name}: {where}: '{key}' phải là danh sách chuỗi không rỗng (a list of non-empty strings)")
    return tuple(nfc(x) for x in value)


def validate_confusions(name: str, data: dict) -> list[Confusion]:
    for key in data:
        if key != "confusion":
            raise LanguageDataError(f"{name}: khóa không hợp lệ '{key}' (unknown key); hợp lệ: [[confusion]]")
    entries = data.get("confusion")
    if not isinstance(entries, list) or not entries:
        raise LanguageDataError(f"{name}: không có mục [[confusion]] nào (no entries)")
    out = []
    seen = set()
    for k, e in enumerate(entries):
        where = f"[[confusion]] #{k + 1}" + (f" ('{e.get('wrong')}')" if isinstance(e, dict) and e.get("wrong") else "")
        if not isinstance(e, dict):
            raise LanguageDataError(f"{name}: {where} phải là một bảng (must be a table)")
        for key in e:
            if key not in CONFUSION_KEYS:
                raise LanguageDataError(f"{name}: {where}: khóa không hợp lệ '{key}' (unknown key); hợp lệ: "
                                        f"{', '.join(sorted(CONFUSION_KEYS))}")
        for key in ("wrong", "right", "source"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise LanguageDataError(f"{name}: {where}: thiếu '{key}' (missing '{key}'; every entry says where it comes from)")
        for key in ("safe", "case"):
            if key in e and not isinstance(e[key], bool):
                raise LanguageDataError(f"{name}: {where}: '{key}' phải là true/false (must be a boolean)")
        sev = e.get("severity", "warning")
        if sev not in ("warning", "info", "error"):
            raise LanguageDataError(f"{name}: {where}: 'severity' phải là error, warning hoặc info, có {sev!r}")
        wrong, right = nfc(e["wrong"].strip()), nfc(e["right"].strip())
        if wrong == right:
            raise LanguageDataError(f"{name}: {where}: 'wrong' và 'right' giống nhau (same text)")
        key = wrong if e.get("case") else tone_neutral(wrong)
        if key in seen:
            raise LanguageDataError(f"{name}: {where}: mục trùng (duplicate entry)")
        seen.add(key)
        lists = {k2: _strings(name, where, k2, e[k2]) if k2 in e else () for k2 in _LIST_KEYS}
        out.append(Confusion(
            wrong=wrong, right=right, source=e["source"].strip(), safe=e.get("safe", False), severity=sev,
            case=e.get("case", False), note=str(e.get("note", "")), note_en=str(e.get("note_en", e.get("note", ""))), phrase_rx=_phrase_pattern(wrong, e.get("case", False)),
            keys=_keys(wrong, e.get("case", False)),
            **{k2: tuple(tone_neutral(x) for x in v) for k2, v in lists.items()},
        ))
    return out


LANGUAGE_SECTIONS = {"syllable_allow": "words", "joined_punctuation": "patterns", "name_syllables": "words",
                     "not_law_names": "words", "after_number": "words", "before_percent": "words"}


def validate_language(name: str, data: dict) -> dict[str, tuple[str, ...]]:
    out = {}
    for section, body in data.items():
        if section not in LANGUAGE_SECTIONS:
            raise LanguageDataError(f"{name}: mục không hợp lệ [{section}] (unknown section); hợp lệ: "
                                    f"{', '.join(sorted(LANGUAGE_SECTIONS))}")
        want = LANGUAGE_SECTIONS[section]
        if not isinstance(body, dict):
            raise LanguageDataError(f"{name}: [{section}] phải là một bảng (must be a table)")
        for key in body:
            if key not in ("source", want):
                raise LanguageDataError(f"{name}: khóa không hợp lệ '{section}.{key}' (unknown key); hợp lệ: source, {want}")
        if not str(body.get("source", "")).strip():
            raise LanguageDataError(f"{name}: [{section}] thiếu nguồn 'source' (every entry says where it comes from)")
        values = _strings(name, f"[{section}]", want, body.get(want))
        if want == "patterns":
            for k, p in enumerate(values):
                try:
                    re.compile(p)
                except re.error as exc:
                    raise LanguageDataError(f"{name}: '{section}.patterns[{k}]' không phải biểu thức chính quy hợp lệ "
                                            f"(bad regex {p!r}): {exc}") from None
        out[section] = values
    missing = set(LANGUAGE_SECTIONS) - out.keys()
    if missing:
        raise LanguageDataError(f"{name}: thiếu mục (missing sections): {', '.join(sorted(missing))}")
    return out


def _load(name: str) -> dict:
    try:
        return load_toml(rules_path(name))
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{name}: TOML không hợp lệ (invalid TOML): {exc}") from None


def confusions() -> tuple[Confusion, ...]:
    return _confusion_data()[0]


@lru_cache(maxsize=None)
def _confusion_data() -> tuple[tuple[Confusion, ...], dict]:
    """(the entries of confusions.toml, validated; their index by trigger word, _build_index),
    kept in the state file (checker/cache.py) under a checksum of the file and of the code that
    derives them, so a later run decodes them instead of validating and deriving each entry
    again (tone-neutral forms, patterns, trigger words). A file that changed is a miss: it is
    validated again, and a bad entry raises as it always did (nothing is kept then)."""
    from .. import cache

    key = _confusion_key()
    if key is not None:
        got = cache.read_entry(*key, {"Confusion": Confusion})
        if _is_confusion_data(got):
            return got
    entries = tuple(validate_confusions("confusions.toml", _load("confusions.toml")))
    data = (entries, _build_index(entries))
    if key is not None:
        cache.write_entry(*key, data, {"Confusion": Confusion})
    return data


def _confusion_key() -> tuple[str, str] | None:
    """(entry name, origin) for _confusion_data: a checksum of confusions.toml and of the code
    that reads it; None when the cache is off."""
    from .. import cache, textnorm
    from . import syllables

    if cache.disabled():
        return None
    digest = cache.file_digest([str(rules_path("confusions.toml")), __file__, textnorm.__file__, syllables.__file__])
    return f"confusions-{digest[:24]}.json", digest


def _is_confusion_data(got) -> bool:
    """The shape _confusion_data() keeps (anything else read from the cache is a miss)."""
    if not (isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], tuple) and isinstance(got[1], dict)):
        return False
    entries, index = got
    return (all(type(e) is Confusion for e in entries) and set(index) == {False, True}
            and all(isinstance(v, dict) and all(type(e) is Confusion for es in v.values() for e in es)
                    for v in index.values()))


@lru_cache(maxsize=None)
def language_data() -> dict[str, tuple[str, ...]]:
    return validate_language("language.toml", _load("language.toml"))


@lru_cache(maxsize=None)
def syllable_allow() -> frozenset[str]:
    return frozenset(tone_neutral(w) for w in language_data()["syllable_allow"])


@lru_cache(maxsize=None)
def joined_punctuation() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in language_data()["joined_punctuation"]))


# ------------------------------------------------------------------ matching

_neutral_word = lru_cache(maxsize=131072)(tone_neutral)


def _neutral(text: str) -> str:
    """tone_neutral with the same length as `text` (so that offsets carry over)."""
    t = nfc(text)
    n = " ".join(map(_neutral_word, t.split(" ")))
    return n if len(n) == len(text) else t.lower()


def _word_before(neutral: str, i: int, phrase: str) -> bool:
    head = neutral[:i].rstrip()
    return head == phrase or head.endswith(" " + phrase) or (head.endswith(phrase) and not head[-len(phrase) - 1].isalnum())


def _word_after(neutral: str, j: int, phrase: str) -> bool:
    tail = neutral[j:].lstrip()
    return tail.startswith(phrase) and (len(tail) == len(phrase) or not tail[len(phrase)].isalnum())


_WORDS = re.compile(r"[\p{L}\p{M}]+")


def _trigger(e: Confusion) -> str:
    """The word of the entry to look for first: one that the correct form does not have (the
    rarer word: "sản" in "sản giao dịch"), else the longest."""
    right = set(e.right.split()) if e.case else {w.lower() for w in e.right.split()}
    own = [k for k in e.keys if k not in right]
    return max(own or e.keys, key=len) if e.keys else ""


def _index() -> dict[bool, dict[str, tuple[Confusion, ...]]]:
    """The entries by trigger word, for each kind of entry (matched in lower case / as
    written)."""
    return _confusion_data()[1]


def _build_index(entries) -> dict[bool, dict[str, tuple[Confusion, ...]]]:
    out = {}
    for case in (False, True):
        idx: dict[str, list[Confusion]] = {}
        for e in entries:
            if e.case == case:
                idx.setdefault(_trigger(e), []).append(e)
        out[case] = {k: tuple(v) for k, v in idx.items()}
    return out


@lru_cache(maxsize=None)
def _trigger_pattern(case: bool):
    """A pattern finding the trigger words of _index()[case] (None when there are none): each
    word, then a look-behind over it for the left edge (the same as _EDGE_L before it): a
    pattern that begins with the words lets the engine skip to their first letters. Compiled
    only where the automaton of _trigger_automata() cannot serve."""
    words = sorted((w for w in _index()[case] if w), key=lambda s: (-len(s), s))
    if not words:
        return None
    return re.compile("(?:" + "|".join(re.escape(w) + r"(?<![\p{L}\p{M}\d]." + f"{{{len(w)}}})" for w in words)
                      + ")" + _EDGE_R)


_WORD_CHAR = re.compile(r"[\p{L}\p{M}\d]")


@lru_cache(maxsize=None)
def _trigger_automata():
    """For each kind of entry, an Aho–Corasick automaton of the trigger words (checker/scan.py's
    engine), or None (then _trigger_pattern() is used): the same words as the pattern's
    findall when every trigger word is letters only (two of them found whole can then never
    overlap, so findall's non-overlapping scan misses none)."""
    from ..scan import automaton

    out = {}
    for case, idx in _index().items():
        words = [w for w in idx if w]
        ok = words and all(_WORD_CHAR.fullmatch(c) for w in words for c in w)
        out[case] = automaton(words) if ok else None
    return out


def _trigger_words(case: bool, hay: str) -> set[str]:
    """The trigger words found whole in `hay` (as set(_trigger_pattern(case).findall(hay)), in
    the same order)."""
    a = _trigger_automata()[case]
    if a is None:
        return set(_trigger_pattern(case).findall(hay))
    out = {}
    word = _WORD_CHAR.match
    n = len(hay)
    for end, w in a.iter(hay):
        start = end - len(w) + 1
        if (start == 0 or not word(hay, start - 1)) and (end + 1 == n or not word(hay, end + 1)):
            out[w] = None
    return set(out)


def find_confusions(text: str) -> list[ConfusionMatch]:
    """Curated confusions in a paragraph's (NFC) text, in order, without overlaps."""
    lower = text.lower()
    candidates: list[Confusion] = []
    for case, idx in _index().items():
        candidates.extend(idx.get("", ()))
        if any(idx):  # some trigger word
            for w in _trigger_words(case, text if case else lower):
                candidates.extend(idx.get(w, ()))
    return _confirm(text, lower, candidates)


def find_confusions_in(texts: list[str]) -> dict[int, list[ConfusionMatch]]:
    """{i: find_confusions(texts[i])} for the paragraphs that hold a confusion: the trigger words
    of every paragraph found in one pass of each automaton over the paragraphs joined by line
    breaks (a trigger word is letters only, so no match spans two paragraphs, and a line break
    is an edge as the start or end of a paragraph is), so a paragraph without one costs nothing."""
    index = _index()
    automata = _trigger_automata()
    if any(idx.get("") or (any(idx) and automata[case] is None) for case, idx in index.items()):
        return {i: found for i, t in enumerate(texts) if (found := find_confusions(t))}
    word = _WORD_CHAR.match
    hits: dict[int, dict[bool, dict[str, None]]] = {}
    for case, idx in index.items():
        if not any(idx):
            continue  # no trigger word
        parts = texts if case else [t.lower() for t in texts]
        starts = list(accumulate((len(t) + 1 for t in parts), initial=0))
        hay = "\n".join(parts)
        n = len(hay)
        for end, w in _occurrences(automata[case], idx, hay):
            start = end - len(w) + 1
            if (start == 0 or not word(hay, start - 1)) and (end + 1 == n or not word(hay, end + 1)):
                hits.setdefault(bisect_right(starts, start) - 1, {}).setdefault(case, {})[w] = None
    out = {}
    for i in sorted(hits):
        text = texts[i]
        found = hits[i]
        candidates: list[Confusion] = []
        for case, idx in index.items():
            for w in set(found.get(case, ())):  # the order of find_confusions' set of words
                candidates.extend(idx.get(w, ()))
        if found := _confirm(text, text.lower(), candidates):
            out[i] = found
    return out


def _occurrences(automaton, words, hay: str):
    """(end index, word) of every occurrence of the trigger words in `hay`, in the automaton's
    order: for a few words, str.find of each (sorted by end: two occurrences found whole never
    end at the same place), else the automaton's pass over the text."""
    if len(words) > 4:
        return automaton.iter(hay)
    out = []
    find = hay.find
    for w in words:
        if not w:
            continue
        k = len(w) - 1
        i = find(w)
        while i >= 0:
            out.append((i + k, w))
            i = find(w, i + 1)
    out.sort()
    return out


def _confirm(text: str, lower: str, candidates: list[Confusion]) -> list[ConfusionMatch]:
    """The matches of the candidate entries in a paragraph, in order, without overlaps."""
    if not candidates:
        return []
    # every key is a whole word of the text, so a substring of it (of the lower-cased text for an
    # entry matched in lower case: the same letters as the word lower-cased, but for a Greek
    # sigma, whose lower case depends on its neighbours): a test in C before the words are split
    candidates = [e for e in candidates
                  if all(k in (text if e.case else lower) or "σ" in k or "ς" in k for k in e.keys)]
    if not candidates:
        return []
    written = set(_WORDS.findall(text))
    lowered = set(map(str.lower, written))
    neutral = None
    found: list[ConfusionMatch] = []
    for entry in candidates:
        if not all(k in (written if entry.case else lowered) for k in entry.keys):
            continue
        if neutral is None:
            neutral = _neutral(text)
        hay = text if entry.case else neutral
        for m in entry.pattern.finditer(hay):
            i, j = m.span()
            if any(_word_before(neutral, i, w) for w in entry.not_after):
                continue
            if any(_word_after(neutral, j, w) for w in entry.not_before):
                continue
            if (entry.only_after or entry.only_before) and not (
                    any(_word_before(neutral, i, w) for w in entry.only_after)
                    or any(_word_after(neutral, j, w) for w in entry.only_before)):
                continue
            found.append(ConfusionMatch(i, j, text[i:j], entry))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[ConfusionMatch] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out
