"""The Vietnamese syllable: onset + rhyme + tone, and where the tone mark goes.

A written syllable is (onset)(rhyme) with one tone mark on one vowel of the rhyme:

- onsets: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none;
  spelling rules tie some onsets to the vowel that follows (k, gh, ngh before e ê i y; c, g,
  ng elsewhere; q only as qu);
- rhymes: the closed list below (a medial o/u, a nucleus, a coda among c ch m n ng nh p t and
  the semivowels i/y o u);
- tones: ngang (no mark), huyền, sắc, hỏi, ngã, nặng; a rhyme that ends in a stop (c, ch, p,
  t) takes only sắc or nặng;
- tone placement: on the vowel with a diacritic (the last one: ươ → ơ, uô → ô, iê → ê); else on
  the last vowel when there is a final consonant; else on the first of two vowels (mái, mùa) or
  the middle of three (ngoài, khuya); "oa, oe, uy" without a final consonant accept both
  places (hòa/hoà, khỏe/khoẻ, thủy/thuỷ: the two styles in use).

`check_syllable(token)` says why a token is not a well-formed syllable, or None when it is.
The model knows nothing about meaning: it accepts every well-formed syllable, real or not.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# combining tone marks → tone number (1 = ngang, no mark)
TONE_MARKS = {"\u0300": 2, "\u0301": 3, "\u0309": 4, "\u0303": 5, "\u0323": 6}
TONE_NAMES = {1: "ngang", 2: "huyền", 3: "sắc", 4: "hỏi", 5: "ngã", 6: "nặng"}
_MARK_OF_TONE = {v: k for k, v in TONE_MARKS.items()}
VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn

VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
CONSONANTS = set("bcdđghklmnpqrstvx")
FOREIGN_LETTERS = set("fjwz")  # Latin letters outside the Vietnamese alphabet: loanwords, names
ALPHABET = VOWELS | CONSONANTS

ONSETS = {"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
          "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}

RHYMES = set("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu
iêc iêm iên iêng iêp iêt iêu
yêm yên yêng yêt yêu
y
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uôc uôi uôm uôn uông uôp uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăt
oe oem oen oeo oet
uân uâng uât uây
uê uêch uênh
uy uya uych uyên uyêt uyn uynh uyp uyt uyu
uơ
""".split())
# after "qu" the u is the medial: the rhyme starts with the nucleus (qua, quân, quê, quý, quốc, quơ)
QU_RHYMES = {r for r in RHYMES if r[0] in "aăâeêyơô" and not r.startswith(("yê", "ya"))} | {
    "i", "it", "in", "inh", "ich", "yên", "yêt", "ynh", "ych", "yt", "yp", "yu", "ya"}
STOPS = ("ch", "c", "p", "t")


@dataclass(frozen=True)
class Problem:
    kind: str  # "alphabet" | "structure" | "tone" | "placement" | "foreign"
    letter: str = ""  # the offending letter (alphabet)
    suggestion: str | None = None  # the corrected token when the fix is certain (placement)


@dataclass(frozen=True)
class Parsed:
    base: str  # lower case, no tone mark, NFC ("hoang")
    tone: int
    tone_at: int  # index in base of the letter carrying the mark (-1: no mark)
    onset: str
    rhyme: str


def _letters(token: str) -> list[tuple[str, str, list[str]]] | Problem:
    """Split a lower-case token into letters: (toneless letter, base, tone marks on it)."""
    out = []
    for ch in unicodedata.normalize("NFC", token):
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        tones = [m for m in marks if m in TONE_MARKS]
        shape = [m for m in marks if m not in TONE_MARKS]
        if any(m not in VOWEL_MARKS for m in shape):
            return Problem("alphabet", ch)
        letter = unicodedata.normalize("NFC", base + "".join(shape))
        if letter not in ALPHABET:
            if letter in FOREIGN_LETTERS:
                return Problem("foreign", ch)
            return Problem("alphabet", ch)
        if tones and letter not in VOWELS:
            return Problem("alphabet", ch)
        out.append((letter, base, tones))
    return out


def _splits(base: str) -> list[tuple[str, str]]:
    i = 0
    while i < len(base) and base[i] not in VOWELS:
        i += 1
    cons = base[:i]
    rest = base[i:]
    if cons == "q":
        return [("qu", rest[1:])] if rest.startswith("u") and len(rest) > 1 else [("q", rest)]
    if cons == "g" and rest.startswith("i"):
        out = [("g", rest)]
        if len(rest) > 1 and rest[1] in VOWELS:
            out.insert(0, ("gi", rest[1:]))
        return out
    return [(cons, rest)]


def _rhyme_ok(onset: str, rhyme: str) -> bool:
    if onset not in ONSETS or not rhyme:
        return False
    if onset == "qu":
        return rhyme in QU_RHYMES
    if onset == "gi":
        return (rhyme in RHYMES and not rhyme.startswith(("i", "y"))) or (rhyme[0] == "ê" and "i" + rhyme in RHYMES)
    if rhyme not in RHYMES:
        return False
    first = rhyme[0]
    front = first in "eêiy"
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if onset in ("c", "ng") and front:
        return False
    if onset == "g" and first in "eê":
        return False
    if rhyme.startswith("yê") and onset:
        return False  # "yê" begins a syllable (yên) or follows the medial u (uyên)
    if rhyme.startswith("iê") and not onset:
        return False
    return True


def _tone_positions(rhyme: str) -> set[int]:
    """Indexes in the rhyme where the tone mark may stand."""
    n = 0
    while n < len(rhyme) and rhyme[n] in VOWELS:
        n += 1
    vowels = rhyme[:n]
    coda = rhyme[n:]
    marked = [k for k, c in enumerate(vowels) if c in MARKED_VOWELS]
    if marked:
        return {marked[-1]}
    if len(vowels) == 1:
        return {0}
    if coda:
        return {len(vowels) - 1}
    if len(vowels) == 2:
        return {0, 1} if vowels in ("oa", "oe", "uy") else {0}
    return {1}


@lru_cache(maxsize=65536)
def _parse(token: str) -> Parsed | Problem:
    letters = _letters(token.lower())
    if isinstance(letters, Problem):
        return letters
    base = "".join(l for l, _, _ in letters)
    marks = [(k, t) for k, (_, _, ts) in enumerate(letters) for t in ts]
    if len(marks) > 1:
        return Problem("structure")
    tone = TONE_MARKS[marks[0][1]] if marks else 1
    tone_at = marks[0][0] if marks else -1
    best: Problem | None = None
    for onset, rhyme in _splits(base):
        if not _rhyme_ok(onset, rhyme):
            continue
        if rhyme.endswith(STOPS) and tone not in (3, 6):
            best = best or Problem("tone")
            continue
        return Parsed(base, tone, tone_at, onset, rhyme)
    return best or Problem("structure")


@lru_cache(maxsize=65536)
def check_syllable(token: str) -> Problem | None:
    """None when `token` (one syllable, any case) is well formed; else what is wrong."""
    p = _parse(token)
    if isinstance(p, Problem):
        return p
    if p.tone_at >= 0:
        start = len(p.base) - len(p.rhyme)
        allowed = {start + k for k in _tone_positions(p.rhyme)}
        if p.tone_at not in allowed:
            fixed = _place_tone(p.base, p.tone, min(allowed))
            return Problem("placement", suggestion=_copy_case(token, fixed))
    return None


def is_syllable(token: str) -> bool:
    return check_syllable(token) is None


def parse(token: str) -> Parsed | None:
    p = _parse(token)
    return p if isinstance(p, Parsed) else None


def _place_tone(base: str, tone: int, at: int) -> str:
    if tone == 1:
        return base
    chars = list(base)
    chars[at] = unicodedata.normalize("NFC", chars[at] + _MARK_OF_TONE[tone])
    return "".join(chars)


def _copy_case(model: str, text: str) -> str:
    if model.isupper():
        return text.upper()
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


# ------------------------------------------------------------------ the two tone-mark styles

def tone_style(token: str) -> str | None:
    """"òa" (hòa, thủy: mark on the first vowel) or "oà" (hoà, thuỷ: on the second) for a
    syllable whose rhyme is an open oa, oe or uy with a tone mark; None for every other token
    (where both styles write the same thing)."""
    p = parse(token)
    if p is None or p.tone == 1 or p.rhyme not in ("oa", "oe", "uy"):
        return None
    start = len(p.base) - 2
    if p.tone_at == start:
        return "òa"
    if p.tone_at == start + 1:
        return "oà"
    return None


def restyle(token: str, style: str) -> str:
    """The token written in the given tone style ("òa" or "oà"); unchanged when it has none."""
    p = parse(token)
    if p is None or p.tone == 1 or p.rhyme not in ("oa", "oe", "uy"):
        return token
    start = len(p.base) - 2
    fixed = _place_tone(p.base, p.tone, start if style == "òa" else start + 1)
    out = []
    for src, dst in zip(unicodedata.normalize("NFC", token), fixed):
        out.append(dst.upper() if src.isupper() else dst)
    return "".join(out)
