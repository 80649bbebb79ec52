"""E908 — Chữ lạ lẫn trong chữ Việt (lỗi bảng mã, phông chữ)

Cái gì: một từ viết bằng chữ Latinh có lẫn chữ của bảng chữ khác: chữ Kirin hoặc Hy Lạp trông giống
hệt chữ Latinh ("BТС" có "Т", "С" Kirin; "Сông văn"), hoặc một ký tự ngoài bảng chữ tiếng Việt và
ngoài các chữ Latinh có dấu thường gặp ("kǶ": "Ƕ" U+01F6, chữ Latinh mở rộng B; "Ʋiệt"), dấu vết
của việc chuyển phông, chuyển bảng mã hay dán từ một phần mềm khác. Không xét: từ viết hoàn toàn
bằng chữ Kirin hoặc Hy Lạp (tên riêng, ký hiệu toán học "α", "β"); các chữ ơ, ư (tiếng Việt);
chữ Latinh có dấu của các tiếng châu Âu ("ő", "ñ": lỗi gõ, L702 báo).
Mức: lỗi khi chữ lạ trông giống hệt một chữ Latinh (có bản sửa tự động, an toàn: thay bằng chữ
Latinh cùng hình); cảnh báo khi là ký tự lạ khác (người soạn phải gõ lại chữ đúng).
Tại sao: mắt người không thấy khác, nhưng máy thấy: số, ký hiệu "16495/BТС-PTHT" không tra cứu
được, tên cơ quan không khớp, tìm kiếm "Công văn" bỏ sót "Сông văn". Văn bản điện tử dùng bộ mã
Unicode tiếng Việt (TCVN 6909:2001).
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 (chữ viết là tiếng Việt) và Phụ lục I, Phần I,
Mục I.4 (bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001).
Ví dụ sai: "văn bản số 16495/BТС-PTHT" (Т, С Kirin); "định kǶ".
Ví dụ đúng: "văn bản số 16495/BTC-PTHT"; "định kỳ".
Cách sửa: dùng bản sửa tự động cho chữ trông giống hệt; gõ lại các chữ khác bằng bảng mã Unicode.
---
What: a word written in Latin letters contains a letter of another script: a Cyrillic or Greek
letter drawn exactly like a Latin one ("BТС" with Cyrillic "Т", "С"; "Сông văn"), or a character
outside the Vietnamese alphabet and outside the common accented Latin letters ("kǶ": "Ƕ" U+01F6,
Latin Extended-B; "Ʋiệt"): traces of a font or encoding conversion, or of text pasted from other
software. Not checked: words written entirely in Cyrillic or Greek (names, mathematical "α",
"β"); the Vietnamese ơ, ư; accented Latin letters of European languages ("ő", "ñ": typing slips,
reported by L702).
Severity: error when the stray letter looks exactly like a Latin one (a safe automatic fix
replaces it with that Latin letter); warning for any other stray character (the drafter must
retype the right letter).
Why: the eye sees no difference, the machine does: the symbol "16495/BТС-PTHT" cannot be looked
up, agency names do not match, a search for "Công văn" misses "Сông văn". Electronic documents use
Vietnamese Unicode (TCVN 6909:2001).
Rule: Decree 30/2020/NĐ-CP, Article 8(1) (documents are written in Vietnamese) and Annex I, Part I,
Section I.4 (Vietnamese Unicode per TCVN 6909:2001).
Fix: apply the automatic fix for look-alike letters; retype any other letter in Unicode.
"""
from __future__ import annotations

import unicodedata

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...language.scripts import LOOKALIKE, may_have_stray, stray_letters
from ...language.words import WORD

_SCRIPT_VI = {"CYRILLIC": "chữ Kirin", "GREEK": "chữ Hy Lạp", "FULLWIDTH": "chữ Latinh toàn khổ",
              "LATIN": "chữ Latinh mở rộng"}
_SCRIPT_EN = {"CYRILLIC": "Cyrillic", "GREEK": "Greek", "FULLWIDTH": "fullwidth Latin", "LATIN": "extended Latin"}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "LATIN").split(" ", 1)[0]
    return name if name in _SCRIPT_VI else "LATIN"


def _label(ch: str) -> str:
    return f"\"{ch}\" (U+{ord(ch):04X})"


@rule("E908", name="stray-letters", severity="error", fixable=True,
      varies=(("warning",), Msg("Cảnh báo khi ký tự lạ không trông giống một chữ Latinh nào (phải gõ lại); lỗi khi "
                                "là chữ Kirin/Hy Lạp trông giống hệt chữ Latinh (sửa tự động được).",
                                "A warning when the stray character looks like no Latin letter (it must be "
                                "retyped); an error for Cyrillic/Greek letters drawn like Latin ones (a safe fix).")),
      title=Msg("Chữ lạ lẫn trong chữ Việt (lỗi bảng mã, phông chữ)",
                "Stray letters of another script in a Latin word (font or encoding slip)"))
def check(doc):
    for p in doc.paragraphs:
        text = p.text
        if text.isascii() or not may_have_stray(text):
            continue  # a stray letter is a character of _STRAY: none in the paragraph, none in its words
        for m in WORD.finditer(text):
            word = m.group()
            if word.isascii():
                continue
            idx = stray_letters(word)
            if not idx:
                continue
            chars = "".join(dict.fromkeys(word[i] for i in idx))
            if all(c in LOOKALIKE for c in chars):
                fixed = "".join(LOOKALIKE.get(c, c) for c in word)
                kinds_vi = ", ".join(dict.fromkeys(_SCRIPT_VI[_script(c)] for c in chars))
                kinds_en = ", ".join(dict.fromkeys(_SCRIPT_EN[_script(c)] for c in chars))
                yield Hit(Msg(f"\"{word}\" lẫn chữ trông giống hệt chữ Latinh nhưng là {kinds_vi} ({', '.join(chars)}): "
                              f"viết đúng là \"{fixed}\"; tìm kiếm, tra cứu, so khớp sẽ sai.",
                              f"\"{word}\" contains letters drawn like Latin ones that are {kinds_en} ({', '.join(chars)}): "
                              f"write \"{fixed}\"; search, look-up and matching fail on it."),
                          para=p, start=m.start(), end=m.end(), suggestion=fixed, replacement=fixed, safe=True,
                          hint=Msg("Dùng bản sửa tự động, hoặc gõ lại các chữ đó bằng bàn phím Latinh.",
                                   "Apply the automatic fix, or retype those letters as Latin letters."))
            else:
                shown = ", ".join(_label(c) for c in chars)
                yield Hit(Msg(f"\"{word}\" có ký tự lạ {shown}, không có trong chữ tiếng Việt: thường do chuyển "
                              "phông hoặc chuyển bảng mã sai.",
                              f"\"{word}\" contains the stray character(s) {shown} "
                              f"({unicodedata.name(chars[0], '?').lower()}), not used in Vietnamese: usually a "
                              "font or encoding conversion slip."),
                          para=p, start=m.start(), end=m.end(), severity="warning",
                          hint=Msg("Gõ lại từ này bằng bảng mã Unicode (dựng sẵn).",
                                   "Retype the word in (precomposed) Unicode."))
