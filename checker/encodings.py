"""Legacy Vietnamese encodings: TCVN3 (ABC, fonts .VnTime …) and VNI (fonts VNI-Times …).

Before Unicode (TCVN 6909:2001, required by Nghị định 30/2020, Phụ lục I, Mục I.4) Vietnamese
was typed with 8-bit fonts that drew Vietnamese letters at the places of Latin-1 characters.
Read as Windows-1252 (or pasted into a Unicode editor) such text shows the Latin-1 characters:

    TCVN3  "Th«ng b¸o"    one code per letter ("«" = ô, "¸" = á)
    VNI    "Thoâng baùo"  a base letter plus one mark character ("oâ" = ô, "aù" = á)

This module maps both ways and recognises such text:

- `to_unicode(text, enc)` / `from_unicode(text, enc)`: the conversion (enc "tcvn3" or "vni").
  TCVN3 (the VN3 subset of TCVN 5712:1993 that the .VnTime fonts use) has no code for a capital
  letter with a tone mark: capitals were typed with the lower-case codes in an upper-case font
  (.VnTimeH). `to_unicode(..., upper=True)` converts such a run; with upper=None (plain text,
  font unknown) a word is upper-cased when it also has a capital after its first letter
  ("B¸O" → "BÁO") and so is a line without lower-case letters that has such a word.
- `legacy_font(name)`: the encoding and case of a font name (".VnTime" → ("tcvn3", False),
  ".VnTimeH" → ("tcvn3", True), "VNI-Times" → ("vni", False)), or None.
- `detect_legacy(text, font_name=None)`: "tcvn3", "vni" or None. With a legacy font name the
  font decides; otherwise the text decides: words that are not Vietnamese syllables as they
  stand but become well-formed syllables once converted are evidence for an encoding, words
  that are well-formed Unicode Vietnamese are evidence against it.
- `convert_run(text, font_name)`: for readers of .docx runs: (Unicode text, encoding or None).
  A reader that converts a run records it on the paragraph, so that E901 can report it:
  ``paragraph.meta.setdefault("legacy", []).append({"start": i, "end": j, "encoding": enc,
  "font": font_name})`` with i, j the span of the converted run in the paragraph's text.
- `decode_legacy_bytes(raw)`: for the text reader: bytes that are not UTF-8 → (Unicode text,
  encoding) when they are TCVN3 or VNI text, else None.
- `vietnamese_share(text)`: how Vietnamese a whole text reads: the share of its words that are
  syllables of Vietnamese administrative text (rules/lm); `convert` refuses a result that reads
  less Vietnamese than its input (Unicode taken for TCVN3 turns "thông báo" into "thụng bỏo",
  well-formed syllables that the counts hardly know).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import islice

from . import rx as re

ENCODINGS = ("tcvn3", "vni")
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# Unicode letters in a fixed order: 67 lower-case letters, then their capitals
_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_UPPER = _LOWER.upper()

# TCVN3 (VN3) byte of each lower-case letter above, in the same order; capitals Ă Â Ê Ô Ơ Ư Đ
_TCVN3_LOWER = bytes([
    0xB5, 0xB8, 0xB6, 0xB7, 0xB9,  # à á ả ã ạ
    0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6,  # ă ằ ắ ẳ ẵ ặ
    0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB,  # â ầ ấ ẩ ẫ ậ
    0xAE,  # đ
    0xCC, 0xD0, 0xCE, 0xCF, 0xD1,  # è é ẻ ẽ ẹ
    0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6,  # ê ề ế ể ễ ệ
    0xD7, 0xDD, 0xD8, 0xDC, 0xDE,  # ì í ỉ ĩ ị
    0xDF, 0xE3, 0xE1, 0xE2, 0xE4,  # ò ó ỏ õ ọ
    0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9,  # ô ồ ố ổ ỗ ộ
    0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE,  # ơ ờ ớ ở ỡ ợ
    0xEF, 0xF3, 0xF1, 0xF2, 0xF4,  # ù ú ủ ũ ụ
    0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9,  # ư ừ ứ ử ữ ự
    0xFA, 0xFD, 0xFB, 0xFC, 0xFE,  # ỳ ý ỷ ỹ ỵ
]).decode("latin-1")
_TCVN3_CAPITALS = {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7"}

TCVN3_TO_UNI: dict[str, str] = dict(zip(_TCVN3_LOWER, _LOWER)) | {v: k for k, v in _TCVN3_CAPITALS.items()}
UNI_TO_TCVN3: dict[str, str] = dict(zip(_LOWER, _TCVN3_LOWER)) | dict(zip(_UPPER, _TCVN3_LOWER)) | _TCVN3_CAPITALS
_TCVN3_LOWER_CODES = set(_TCVN3_LOWER)  # codes that stand for a lower-case letter (or, in an H font, its capital)
_TCVN3_CAPITAL_CODES = set(_TCVN3_CAPITALS.values())


def _vni_table() -> dict[str, str]:
    """Unicode letter → VNI code (a base letter and a mark character, or one character)."""
    tones = "øùûõï"  # huyền sắc hỏi ngã nặng, after a plain vowel
    circ = "âàáåãä"  # circumflex alone, then with the five tones
    breve = "êèéúüë"  # breve alone, then with the five tones
    out: dict[str, str] = {}

    def add(letters: str, codes: list[str]):
        for u, c in zip(letters, codes):
            out[u] = c
            out[u.upper()] = c.upper() if len(c) == 1 else c[0].upper() + c[1].upper()

    for v in "aeou":
        add(unicodedata.normalize("NFC", "".join(v + m for m in "\u0300\u0301\u0309\u0303\u0323")), [v + t for t in tones])
    add("yỳýỷỹ"[1:4], ["y" + t for t in tones[:3]])  # ỳ ý ỷ
    add("ỹ", ["yõ"])
    add("ỵ", ["î"])
    add("âầấẩẫậ", ["a" + m for m in circ])
    add("êềếểễệ", ["e" + m for m in circ])
    add("ôồốổỗộ", ["o" + m for m in circ])
    add("ăằắẳẵặ", ["a" + m for m in breve])
    add("ơờớởỡợ", ["ô"] + ["ô" + t for t in tones])
    add("ưừứửữự", ["ö"] + ["ö" + t for t in tones])
    add("ìíỉĩị", ["ì", "í", "æ", "ó", "ò"])
    add("đ", ["ñ"])
    return out


UNI_TO_VNI: dict[str, str] = _vni_table()
VNI_TO_UNI: dict[str, str] = {v: k for k, v in UNI_TO_VNI.items() if v != k}
_VNI_PAIRS = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNI), key=lambda s: (-len(s), s))))
_VNI_CODE_CHARS = {c for code in VNI_TO_UNI for c in code if ord(c) > 127}


# ------------------------------------------------------------------ conversion

def to_unicode(text: str, enc: str, upper: bool | None = None) -> str:
    """Convert legacy text (as Latin-1/Windows-1252 characters) to NFC Unicode."""
    if enc == "tcvn3":
        out = "".join(TCVN3_TO_UNI.get(c, c) for c in text)
        if upper:
            return out.upper()
        if upper is None:
            return _tcvn3_capitals(text, out)
        return out
    if enc == "vni":
        out = _VNI_PAIRS.sub(lambda m: VNI_TO_UNI[m.group()], text)
        return out.upper() if upper else out
    raise ValueError(f"unknown legacy encoding {enc!r}")


def from_unicode(text: str, enc: str) -> str:
    """Write NFC Unicode text in a legacy encoding (characters as Windows-1252 shows them)."""
    text = unicodedata.normalize("NFC", text)
    table = UNI_TO_TCVN3 if enc == "tcvn3" else UNI_TO_VNI if enc == "vni" else None
    if table is None:
        raise ValueError(f"unknown legacy encoding {enc!r}")
    return "".join(table.get(c, c) for c in text)


_WORD_SPAN = re.compile(r"\S+")


def _tcvn3_capitals(src: str, out: str) -> str:
    """Upper-case the words (and all-capital lines) that were typed in an upper-case font."""
    chars = list(out)

    def caps_word(s: int, e: int) -> bool:
        w = src[s:e]
        if not any(c in _TCVN3_LOWER_CODES for c in w) or any(c.isascii() and c.islower() for c in w):
            return False
        return any((c.isascii() and c.isupper()) or c in _TCVN3_CAPITAL_CODES for c in w[1:])

    start = 0
    for line in src.splitlines(keepends=True):
        spans = [(start + m.start(), start + m.end()) for m in _WORD_SPAN.finditer(line)]
        flagged = [caps_word(s, e) for s, e in spans]
        if any(flagged) and not any(c.isascii() and c.islower() for c in line):
            for k in range(start, start + len(line)):
                chars[k] = chars[k].upper()
        else:
            for (s, e), f in zip(spans, flagged):
                if f:
                    for k in range(s, e):
                        chars[k] = chars[k].upper()
        start += len(line)
    return "".join(chars)


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """(encoding, upper-case font) for a legacy font name, None for a Unicode font."""
    if not name:
        return None
    n = name.strip()
    low = n.lower()
    if low.startswith(".vn"):
        return "tcvn3", n.endswith("H")
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni", False
    return None


# ------------------------------------------------------------------ detection

_TCVN3_TOKEN = re.compile(r"[\p{L}\p{M}" + re.escape("".join(sorted(TCVN3_TO_UNI))) + r"]+")
_VNI_TOKEN = re.compile(r"[\p{L}\p{M}]+")
# letters that Unicode Vietnamese text has and 8-bit legacy text (as Latin-1) never has: ă đ ĩ ũ ơ ư ạ … ỹ
UNICODE_ONLY = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def has_legacy_chars(text: str, enc: str) -> bool:
    if enc == "tcvn3":
        return any(c in TCVN3_TO_UNI for c in text)
    return bool(_VNI_PAIRS.search(text)) or any(c in _VNI_CODE_CHARS for c in text)


def _word_ok(word: str) -> bool:
    from .language.syllables import check_syllable

    p = check_syllable(word)
    return p is None or p.kind == "placement"


@lru_cache(maxsize=1024)
def evidence(text: str, enc: str, limit: int = 400) -> tuple[int, int]:
    """(good, bad): words that only make sense once converted, and Unicode Vietnamese words
    that the conversion would break (or that cannot occur in legacy text at all)."""
    good = bad = 0
    pattern = _TCVN3_TOKEN if enc == "tcvn3" else _VNI_TOKEN
    for m in pattern.finditer(text):
        w = m.group()
        if w.isascii():
            continue
        if UNICODE_ONLY.search(w):
            bad += _word_ok(w)  # ơ, ư, ạ … exist only in Unicode, never in 8-bit legacy text
            continue
        conv = to_unicode(w, enc, upper=None)
        if conv == w:
            continue
        before, after = _word_ok(w), _word_ok(conv)
        if after and not before:
            good += 1
        elif before and not after:
            bad += 1
        if good + bad >= limit:
            break
    return good, bad


def plainly_unicode(text: str) -> bool:
    """At least 50 letters that exist only in Unicode (ơ, ư, ạ …) in the first 20 000 characters:
    Unicode text (the search stops at the 50th, which in Vietnamese comes within a few lines)."""
    return next(islice(UNICODE_ONLY.finditer(text, 0, 20000), 49, None), None) is not None


def detect_legacy(text: str, font_name: str | None = None, min_words: int = 2) -> str | None:
    """The legacy encoding `text` is written in ("tcvn3" or "vni"), or None for Unicode."""
    font = legacy_font(font_name)
    if font is not None:
        return font[0] if has_legacy_chars(text, font[0]) else None
    if plainly_unicode(text):
        return None
    best, best_good = None, 0
    for enc in ENCODINGS:
        good, bad = evidence(text, enc)
        if good >= min_words and good >= 3 * bad and good > best_good:
            best, best_good = enc, good
    return best


def paragraph_legacy(text: str) -> str | None:
    """The legacy encoding of one paragraph of a Unicode document (text pasted from a TCVN3 or
    VNI document), or None. A paragraph with a letter that exists only in Unicode (ơ, ư, ạ …)
    or with no letter beyond ASCII is not legacy text."""
    if text.isascii() or UNICODE_ONLY.search(text):
        return None
    return detect_legacy(text)


def convert_run(text: str, font_name: str | None) -> tuple[str, str | None]:
    """For a .docx run: (its text in Unicode, the legacy encoding found or None)."""
    font = legacy_font(font_name)
    enc = detect_legacy(text, font_name)
    if enc is None:
        return text, None
    upper = font[1] if font is not None else None
    return to_unicode(text, enc, upper=upper or None), enc


# ------------------------------------------------------------------ how Vietnamese a text reads

_EDGE_PUNCT = "\"'()[]{}<>.,;:!?-\u2013\u2014\u2026\u201c\u201d\u2018\u2019/\\*_#%&+=|~`^$@"


def vietnamese_share(text: str) -> tuple[int, int]:
    """(known, words) over the whole text: words are the space-separated tokens with a letter
    (edge punctuation stripped), known those that are syllables of the counts in rules/lm (any
    case, either tone style). Each distinct token is looked up once."""
    from collections import Counter

    from .language.lm import model
    from .textnorm import tone_neutral

    lm = model()
    known = words = 0
    for token, n in Counter(text.split()).items():
        w = token.strip(_EDGE_PUNCT)
        if not w or not any(c.isalpha() for c in w):
            continue
        words += n
        if lm.known(tone_neutral(w)):
            known += n
    return known, words


def less_vietnamese(before: str, after: str) -> tuple[float, float] | None:
    """(share before, share after) when the conversion `before` → `after` changed the text without
    making it read more Vietnamese (its share of known syllables, over the whole text, did not
    grow), else None."""
    if before == after:
        return None
    kb, nb = vietnamese_share(before)
    ka, na = vietnamese_share(after)
    sb = kb / nb if nb else 0.0
    sa = ka / na if na else 0.0
    return (sb, sa) if sa <= sb else None


# ------------------------------------------------------------------ bytes

def _cp1252_table() -> dict[int, str]:
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: unassigned, kept as Latin-1
            pass
    return table


_CP1252 = _cp1252_table()
_CP1252_BACK = {v: k for k, v in _CP1252.items()}


def decode_8bit(raw: bytes) -> str:
    """Bytes as Windows-1252 shows them (its 5 unassigned bytes as Latin-1 controls)."""
    return raw.decode("latin-1").translate(_CP1252)


def encode_8bit(text: str) -> bytes:
    """The inverse of decode_8bit (legacy text written back as bytes)."""
    return bytes(_CP1252_BACK.get(c, ord(c)) for c in text)


def mostly_utf8(raw: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 text with a few bad bytes (a stray 0x93
    pasted into a UTF-8 draft), weighed over the whole text: its valid multi-byte characters
    outnumber the bad bytes ten to one. Such a file is not TCVN3 or VNI, whatever its bad bytes
    look like in those encodings."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    good = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    return bad > 0 and good >= 10 * bad


def decode_legacy_bytes(raw: bytes) -> tuple[str, str] | None:
    """(Unicode text, encoding) when `raw` (not UTF-8) is TCVN3 or VNI text, else None (also for
    UTF-8 text with a few bad bytes: mostly_utf8)."""
    if mostly_utf8(raw):
        return None
    text = decode_8bit(raw)
    enc = detect_legacy(text, min_words=3)
    if enc is None:
        return None
    return unicodedata.normalize("NFC", to_unicode(text, enc)), enc
