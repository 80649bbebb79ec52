"""L702 — Từ không phải âm tiết tiếng Việt viết đúng chính tả

Cái gì: một từ có chữ tiếng Việt nhưng không thể là một âm tiết tiếng Việt: chữ cái ngoài bảng
chữ cái ("női": "ő" không phải chữ tiếng Việt; chữ Kirin/Hy Lạp hay ký tự lạ do chuyển phông,
bảng mã: E908), phụ âm đầu và vần không ghép được ("nghành", "ngiêm"), vần tận
cùng bằng p, t, c, ch mà không mang dấu sắc hoặc nặng ("triểt"), dấu thanh đặt sai chỗ ("qủa"
→ "quả", "tòan" → "toàn"), nhiều từ viết liền ("bưuchínhcông" → "bưu chính công", "Việckhai",
"dụngVLNCN": gợi ý tách khi mỗi phần là một âm tiết thông dụng). Không xét: chữ viết tắt, mã,
số, từ chỉ có chữ Latin không dấu (từ nước ngoài, đơn vị, địa chỉ), tên riêng viết hoa (tên
dân tộc thiểu số "Đắk Lắk", "Krông"), từ trong danh sách rules/language.toml. Hai kiểu đặt dấu
"hòa"/"hoà" đều được chấp nhận (tính nhất quán: L703).
Tại sao: lỗi gõ, lỗi bảng mã, ký tự lạ làm sai chữ, không tìm kiếm, so khớp được.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 và Phụ lục I, Mục I.4 (chữ tiếng Việt, bộ mã
Unicode TCVN 6909:2001); quy tắc chính tả tiếng Việt (cấu tạo âm tiết: âm đầu, vần, thanh).
Ví dụ sai: "viêm da női cục"; "quán triểt"; "nghành"; "qủa".
Ví dụ đúng: "viêm da nổi cục"; "quán triệt"; "ngành"; "quả".
Cách sửa: gõ lại từ cho đúng; lỗi đặt dấu có bản sửa tự động.
---
What: a word with Vietnamese letters that cannot be a Vietnamese syllable: a letter outside the
alphabet ("női": "ő" is not Vietnamese; Cyrillic/Greek look-alikes and characters from a font or
encoding slip: E908), an onset and rhyme that do not combine ("nghành", "ngiêm"), a
rhyme ending in p, t, c, ch without the sắc or nặng tone ("triểt"), a tone mark on the wrong
vowel ("qủa" → "quả", "tòan" → "toàn"), words run together ("bưuchínhcông" → "bưu chính công",
"Việckhai", "dụngVLNCN": split when each part is a syllable in common use). Not checked:
abbreviations, codes, numbers, plain-Latin words (foreign words, units, addresses), capitalised
names (minority place names such as "Đắk Lắk", "Krông"), words listed in rules/language.toml.
Both tone styles "hòa"/"hoà" are accepted (consistency: L703).
Why: typing and encoding mistakes and stray characters change the word and defeat search and
matching.
Rule: Decree 30/2020/NĐ-CP, Article 8(1) and Annex I, Section I.4 (Vietnamese script, Unicode
TCVN 6909:2001); Vietnamese spelling (syllable = onset, rhyme, tone).
Fix: retype the word; misplaced tone marks have an automatic fix.
"""
import unicodedata
from functools import lru_cache

from ...diagnostics import Msg
from ...encodings import paragraph_legacy
from ...engine import Hit, rule
from ...language.lexicon import syllable_allow
from ...language import lm
from ...language.scripts import is_unit, stray_letters
from ...language.syllables import ALPHABET, TONE_MARKS, check_syllable, is_syllable
from ...language.words import WORD
from ...textnorm import tone_neutral
from ...language.context import LONG_PARAGRAPH
from ._shared import paragraph_confusions, accented_words

JOINED_MIN = 50  # each part of words run together occurs at least this often
VIETNAMESE_MARKED = set("ăâđêôơư")


def _vietnamese_letter(c: str) -> bool:
    base = unicodedata.normalize("NFD", c.lower())
    return c.isascii() or (unicodedata.normalize("NFC", "".join(m for m in base if m not in TONE_MARKS)) in ALPHABET)


def _looks_vietnamese(word: str) -> bool:
    return any(c.lower() in VIETNAMESE_MARKED or 0x1EA0 <= ord(c) <= 0x1EF9 for c in word)


def _case(word: str) -> str:
    """Case of a word, judged on its Vietnamese letters only ("kǶ" is a lower-case word)."""
    letters = [c for c in word if c.isalpha() and _vietnamese_letter(c)]
    ups = [k for k, c in enumerate(letters) if c.isupper()]
    if not ups:
        return "lower"
    if len(ups) == len(letters):
        return "upper"
    return "title" if ups == [0] else "mixed"


def _known(s: str) -> bool:
    return is_syllable(s) and lm.model().count(tone_neutral(s)) >= JOINED_MIN


def joined(word: str, depth: int = 0) -> list[str] | None:
    """The syllables of words run together ("bổsung", "Việckhai", "bưuchínhcông", "dụngVLNCN"):
    each part a syllable in common use (or, after a lower-case syllable, an abbreviation in
    capitals), each pair of neighbours seen together in administrative texts; else None."""
    for k in range(1, len(word)):
        a, b = word[:k], word[k:]
        if k == 1 and depth == 0 and a.isupper():
            continue  # a capital vowel before a syllable begins a name ("Xã Avương", "Ayun")
        if not _known(a):
            continue
        if len(b) >= 2 and b.isupper() and b.isalpha() and a[-1].islower():
            return [a, b]
        if _known(b) and lm.model().pair(tone_neutral(a), tone_neutral(b)) >= 3:
            return [a, b]
        if depth < 2:
            rest = joined(b, depth + 1)
            if rest and lm.model().pair(tone_neutral(a), tone_neutral(rest[0])) >= 3:
                return [a, *rest]
    return None


@lru_cache(maxsize=65536)
def problem(word: str):
    """(kind, detail) when a running-text word is not a well-formed syllable, else None."""
    if word.isascii() or stray_letters(word) or is_unit(word):
        return None  # a letter of another script, a font or encoding slip (E908); a unit "µg"
    pr = check_syllable(word)
    if pr is not None and pr.kind == "structure" and len(word) >= 4:
        parts = joined(word)
        if parts:
            return "joined", parts
    case = _case(word)
    if case == "mixed":
        return None  # TTg, PTTgCP: abbreviations
    pr = check_syllable(word)
    if pr is None or pr.kind == "foreign":
        return None
    if case != "lower":
        # names and headings: only what no name has (a stray letter, a misplaced tone mark)
        if pr.kind == "placement" or (pr.kind == "alphabet" and (_looks_vietnamese(word) or case == "lower")):
            return pr.kind, pr
        return None
    if tone_neutral(word) in syllable_allow():
        return None
    return pr.kind, pr


_FINE: set[str] = set()  # words already found to have no problem (what problem() memoises as None)


def _bad_words(distinct: set[str]) -> set[str]:
    """The words of `distinct` with a problem(): the words already known to be fine are taken off
    in one set difference (in C), so only the words not seen before are looked at one by one."""
    bad = set()
    fine = _FINE
    # a word whose lower case is a syllable of the counts is well formed in any case (every
    # syllable of the table is one, tests/test_language_lm.py): no problem(), no parse of it
    counted = lm.model().known
    for t in distinct - fine:
        if len(t) >= 2 and not t.isascii() and not counted(t.lower()) and problem(t) is not None:
            bad.add(t)
        else:
            if len(fine) >= 65536:
                fine.clear()  # bounded, as problem()'s cache is
            fine.add(t)
    return bad


_FINE_CHUNKS: set[str] = set()  # runs of non-space (split()) all of whose words are fine


def _bad_in(text: str) -> set[str]:
    """_bad_words(set(WORD.findall(text))) for a paragraph: a word never spans white space, so the
    words are those of its runs of non-space (text.split(), in C); runs already found to hold
    only fine words are taken off in one set difference, and only the words of the others are
    split out (one findall over them, joined by spaces) and looked at."""
    runs = set(text.split())
    new = runs - _FINE_CHUNKS
    if not new:
        return set()
    bad = _bad_words(set(WORD.findall(" ".join(new))))
    if len(_FINE_CHUNKS) + len(new) > 65536:
        _FINE_CHUNKS.clear()  # bounded, as _FINE is
    if not bad:
        _FINE_CHUNKS.update(new)
    else:
        _FINE_CHUNKS.update(r for r in new if not any(w in bad for w in WORD.findall(r)))
    return bad


@rule("L702", name="syllable", severity="warning", fixable=True,
      title=Msg("Từ không phải âm tiết tiếng Việt", "Not a well-formed Vietnamese syllable"))
def check(doc):
    covered = paragraph_confusions(doc)
    for p in doc.paragraphs:
        text = p.text
        if text.isascii() or paragraph_legacy(text):
            continue  # no accented word; or text pasted from a TCVN3/VNI document: E901
        # the distinct words first (one pass in C): most paragraphs have no word with a problem,
        # and only those that do are walked word by word
        # (a paragraph longer than any real one: without the list of all its words, 120 MiB for 9 MB)
        if len(text) <= LONG_PARAGRAPH:
            bad = _bad_in(text)
        else:
            bad = _bad_words({m.group() for m in WORD.finditer(text)})
        if not bad:
            continue
        spans = [(c.start, c.end) for c in covered.get(p.index, ())]
        for w in accented_words(doc, p):
            if w.text not in bad or any(s <= w.start < e for s, e in spans):
                continue
            found = problem(w.text)
            if found is None or w.code or _transliterated(text, w.start, w.end):
                continue
            kind, detail = found
            yield _hit(p, w, kind, detail)


def _transliterated(text: str, a: int, b: int) -> bool:
    """Part of a foreign name written syllable by syllable with hyphens, its first part
    capitalised ("Phri-đrích Ăng-ghen", "Mát-xcơ-va": Phụ lục II, Mục II.2.b): not Vietnamese."""
    while a > 0 and (text[a - 1] == "-" or text[a - 1].isalpha() or unicodedata.combining(text[a - 1])):
        a -= 1
    while b < len(text) and (text[b] == "-" or text[b].isalpha() or unicodedata.combining(text[b])):
        b += 1
    chunk = text[a:b]
    return "-" in chunk.strip("-") and chunk[:1].isupper()


def _hit(p, w, kind, detail) -> Hit:
    t = w.text
    span = dict(para=p, start=w.start, end=w.end)
    if kind == "joined":
        fixed = " ".join(detail)
        return Hit(Msg(f"Các từ viết liền nhau: \"{t}\" → \"{fixed}\".", f"Words run together: \"{t}\" → \"{fixed}\"."),
                   suggestion=fixed, replacement=fixed, safe=False, **span,
                   hint=Msg("Thêm dấu cách giữa các âm tiết.", "Put a space between the syllables."))
    if kind == "alphabet":
        bad = next((c for c in t if c.isalpha() and not _vietnamese_letter(c)), detail.letter or "?")
        return Hit(Msg(f"\"{t}\": chữ \"{bad}\" không có trong bảng chữ cái tiếng Việt (lỗi gõ hoặc lỗi bảng mã).",
                       f"\"{t}\": the letter \"{bad}\" is not in the Vietnamese alphabet (a typing or encoding mistake)."),
                   hint=Msg("Gõ lại từ này bằng bảng mã Unicode.", "Retype the word in Unicode."), **span)
    if kind == "tone":
        return Hit(Msg(f"\"{t}\" không đúng chính tả: vần tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc dấu nặng.",
                       f"\"{t}\" is misspelt: a rhyme ending in p, t, c or ch takes only the sắc or nặng tone."),
                   hint=Msg("Kiểm tra dấu thanh của từ này.", "Check the tone mark of this word."), **span)
    if kind == "placement":
        fixed = detail.suggestion
        return Hit(Msg(f"\"{t}\": dấu thanh đặt sai chỗ, viết đúng là \"{fixed}\".",
                       f"\"{t}\": the tone mark is on the wrong vowel; write \"{fixed}\"."),
                   suggestion=fixed, replacement=fixed, safe=True, **span,
                   hint=Msg("Dấu thanh đặt trên âm chính của vần.", "The tone mark goes on the main vowel of the rhyme."))
    return Hit(Msg(f"\"{t}\" không phải là một âm tiết tiếng Việt viết đúng chính tả (âm đầu, vần hoặc dấu không ghép "
                   "được; có thể là lỗi gõ hoặc các từ viết liền nhau).",
                   f"\"{t}\" is not a well-formed Vietnamese syllable (onset, rhyme or tone do not combine; a typing "
                   "mistake, or words run together)."),
               hint=Msg("Gõ lại từ này; nếu là từ nước ngoài hoặc tên riêng, thêm vào rules/language.toml.",
                        "Retype the word; if it is a foreign word, add it to rules/language.toml."), **span)
