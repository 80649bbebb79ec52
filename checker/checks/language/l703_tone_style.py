"""L703 — Đặt dấu thanh không thống nhất ("hòa" và "hoà" trong cùng văn bản)

Cái gì: văn bản dùng cả hai kiểu đặt dấu thanh cho các vần "oa, oe, uy" không có âm cuối: kiểu
"òa" (hòa, khỏe, thủy, ủy: dấu trên nguyên âm thứ nhất, như trong chính văn Nghị định 30/2020)
và kiểu "oà" (hoà, khoẻ, thuỷ, uỷ: dấu trên nguyên âm thứ hai). Cả hai kiểu đều đúng; trộn hai
kiểu thì không. Mặc định (`tone-style = "consistent"`) báo các từ theo kiểu thiểu số, gợi ý
dạng theo kiểu đa số (mức thông tin). Cơ quan có thể bắt buộc một kiểu: `tone-style = "òa"`
hoặc `"oà"` trong [tool.rasoat] hoặc rasoat.toml; khi đó mọi từ theo kiểu kia được báo (mức
cảnh báo).
Tại sao: cùng một từ viết hai cách ("Tỉnh ủy", "Tỉnh uỷ") làm văn bản thiếu nhất quán và làm
tìm kiếm bỏ sót.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 (văn bản bảo đảm chính xác, thống nhất); chính
văn của Nghị định dùng kiểu "òa" ("Cộng hòa", "Ủy ban").
Ví dụ sai: "Ban Thường vụ Tỉnh ủy" … "TT. Tỉnh uỷ (B/c)".
Ví dụ đúng: "Ban Thường vụ Tỉnh ủy" … "TT. Tỉnh ủy (B/c)".
Cách sửa: viết theo một kiểu (bản sửa tự động đổi sang kiểu đa số hoặc kiểu được cấu hình).
Quốc hiệu không bị báo: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" viết đúng như Nghị định.
---
What: the document uses both placements of the tone mark in the open rhymes "oa, oe, uy": the
"òa" style (hòa, khỏe, thủy, ủy: mark on the first vowel, as in the text of Decree 30/2020) and
the "oà" style (hoà, khoẻ, thuỷ, uỷ: on the second vowel). Both are correct; mixing them is
not. By default (`tone-style = "consistent"`) the words in the minority style are reported with
the majority form as the suggestion (info level). An office can impose one style with
`tone-style = "òa"` or `"oà"` in [tool.rasoat] or rasoat.toml; then every word in the other
style is reported (warning level).
Why: one word written two ways ("Tỉnh ủy", "Tỉnh uỷ") makes the document inconsistent and
search miss occurrences.
Rule: Decree 30/2020/NĐ-CP, Article 8(1) (accurate, consistent documents); the Decree's own
text uses the "òa" style ("Cộng hòa", "Ủy ban").
Fix: write one style (the automatic fix uses the majority or the configured style). The
national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" is never reported.
"""
import unicodedata
from collections import Counter

from ... import rx as re

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...language.syllables import restyle, tone_style
from ...language.words import Word

NAME = {"òa": "\"òa\" (hòa, thủy, ủy)", "oà": "\"oà\" (hoà, thuỷ, uỷ)"}


# tone_style() is only given for a word whose rhyme is an open "oa", "oe" or "uy" with a tone
# mark: such a word ends in one of these pairs (any tone, either case). Finding the pairs at word
# ends first (one pass in C) leaves tone_style() to the few words that can have a style.
_V = {"o": "oòóỏõọ", "a": "aàáảãạ", "e": "eèéẻẽẹ", "u": "uùúủũụ", "y": "yỳýỷỹỵ"}
_PAIR_AT_END = re.compile("(?:[" + _V["o"] + _V["o"].upper() + "][" + _V["a"] + _V["e"] + (_V["a"] + _V["e"]).upper()
                          + "]|[" + _V["u"] + _V["u"].upper() + "][" + _V["y"] + _V["y"].upper() + r"])(?![\p{L}\p{M}])")


def _word_around(text: str, end: int) -> Word:
    """The word (a maximal run of letters and marks, as WORD finds it) that ends at `end`."""
    a = end
    while a > 0 and (text[a - 1].isalpha() or unicodedata.category(text[a - 1])[0] == "M"):
        a -= 1
    return Word(a, end, text[a:end], text)


def occurrences(doc):
    """(paragraph, word, style) for every word whose spelling depends on the tone style."""
    skip = {p.index for p in doc.component("quoc_hieu")}
    out = []
    for p in doc.paragraphs:
        if p.index in skip:
            continue
        text = p.text
        for m in _PAIR_AT_END.finditer(text):
            w = _word_around(text, m.end())
            style = tone_style(w.text)
            if style:
                out.append((p, w, style))
    return out


@rule("L703", name="tone-style", severity="info", fixable=True,
      title=Msg("Đặt dấu thanh không thống nhất (hòa/hoà)", "Mixed tone-mark placement (hòa/hoà)"))
def check(doc):
    occ = occurrences(doc)
    if not occ:
        return
    setting = doc.options.settings.get("tone-style", "consistent")
    counts = Counter(style for _, _, style in occ)
    if setting in ("òa", "oà"):
        target, severity = setting, "warning"
        why = Msg(f"cơ quan quy định kiểu {NAME[target]}", f"the office's style is {NAME[target]}")
    else:
        if len(counts) < 2:
            return
        # the majority; on a tie, the style of the Decree's own text
        target = "òa" if counts["òa"] >= counts["oà"] else "oà"
        severity = None
        other = "oà" if target == "òa" else "òa"
        why = Msg(f"văn bản dùng kiểu {NAME[target]} {counts[target]} lần, kiểu {NAME[other]} {counts[other]} lần",
                  f"the document uses {NAME[target]} {counts[target]} times, {NAME[other]} {counts[other]} times")
    for p, w, style in occ:
        if style == target:
            continue
        fixed = restyle(w.text, target)
        yield Hit(Msg(f"\"{w.text}\" đặt dấu khác kiểu với phần còn lại ({why.vi}): viết \"{fixed}\".",
                      f"\"{w.text}\" places the tone mark in the other style ({why.en}): write \"{fixed}\"."),
                  para=p, start=w.start, end=w.end, suggestion=fixed, replacement=fixed, safe=True, severity=severity,
                  hint=Msg("Dùng một kiểu đặt dấu trong toàn văn bản.", "Use one tone style throughout."))
