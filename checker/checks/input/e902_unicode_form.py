"""E902 — Unicode tổ hợp (NFD) hoặc trộn hai dạng Unicode

Cái gì: chữ có dấu được lưu ở dạng tổ hợp (chữ cái + dấu rời, Unicode NFD: "e" + "̂" + "́"
thay cho "ế"), cả văn bản hoặc chỉ một số từ (trộn với dạng dựng sẵn NFC). Hai dạng trông giống
hệt nhau nhưng là các chuỗi ký tự khác nhau.
Tại sao: tìm kiếm, sắp xếp, so khớp tên cơ quan, trích dẫn không thấy "Quyết định" viết ở dạng
tổ hợp; phông chữ và phần mềm cũ hiển thị dấu lệch. Văn bản điện tử dùng bộ mã Unicode theo
TCVN 6909:2001, dạng dựng sẵn là dạng thông dụng (Word, các hệ thống quản lý văn bản).
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.4 (bộ mã ký tự Unicode theo TCVN
6909:2001).
Ví dụ sai: "Thông báo" gõ bằng bảng mã "Unicode tổ hợp" (Unikey) hoặc dán từ máy Mac.
Ví dụ đúng: "Thông báo" ở dạng dựng sẵn (Unicode NFC).
Cách sửa: dùng bản sửa tự động (đưa đoạn về dạng dựng sẵn) hoặc `rasoat convert TỆP -o TỆP_MỚI`;
trong Unikey chọn bảng mã "Unicode" (dựng sẵn), không chọn "Unicode tổ hợp".
---
What: accented letters are stored decomposed (a letter plus separate combining marks, Unicode
NFD: "e" + "̂" + "́" instead of "ế"), in the whole document or only in some words (mixed with
the precomposed NFC form). Both look the same but are different strings.
Why: search, sorting, matching of agency names and citations miss a decomposed "Quyết định";
old fonts and software misplace the marks. Electronic documents use Unicode (TCVN 6909:2001),
precomposed in practice (Word, document management systems).
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.4 (Unicode per TCVN 6909:2001).
Fix: apply the automatic fix (recomposes the paragraph) or `rasoat convert FILE -o NEW_FILE`;
in Unikey choose "Unicode" (precomposed), not "Unicode tổ hợp".
"""
import bisect
import unicodedata

from ... import rx as re

from ...diagnostics import Msg
from ...engine import Hit, rule

# a letter followed by combining marks that NFC would compose with it
DECOMPOSED = re.compile(r"\p{L}\p{M}+")
PRECOMPOSED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


def decomposed_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Source spans [i, j) of letters written decomposed (that NFC changes)."""
    out = []
    end = len(text) if end is None else end
    if unicodedata.is_normalized("NFC", text[start:end]):
        return out  # text already in NFC has no letter that NFC would compose (the usual case)
    for m in DECOMPOSED.finditer(text, start, end):
        if unicodedata.normalize("NFC", m.group()) != m.group():
            out.append(m.span())
    return out


@rule("E902", name="unicode-form", severity="warning", fixable=True,
      title=Msg("Unicode tổ hợp (NFD) hoặc trộn dạng Unicode", "Decomposed (NFD) or mixed Unicode"))
def check(doc):
    text = doc.source.text
    spans = decomposed_spans(text)
    if not spans:
        return
    composed = sum(1 for m in PRECOMPOSED.finditer(text) if unicodedata.decomposition(m.group())[:1] not in ("", "<"))
    whole = composed <= len(spans) // 9  # (nearly) everything decomposed: one finding is enough
    for p in doc.paragraphs:
        lo, hi = p.start_offset(0), p.end_offset(len(p.text))
        k = bisect.bisect_left(spans, (lo, -1))
        mine = []
        while k < len(spans) and spans[k][0] < hi:
            mine.append(spans[k])
            k += 1
        if not mine:
            continue
        i = _index_of(p, mine[0][0])
        j = _index_of(p, mine[-1][0]) + 1
        if j < len(p.text):
            j += 1  # take the next character too, so that the edit covers the trailing marks
        s, e = p.start_offset(i), p.end_offset(j)
        if whole:
            msg = Msg(f"Văn bản dùng Unicode tổ hợp (NFD): {len(spans)} chữ có dấu lưu ở dạng chữ cái + dấu rời.",
                      f"The document uses decomposed Unicode (NFD): {len(spans)} accented letters stored as a letter "
                      "plus separate marks.")
        else:
            words = ", ".join(dict.fromkeys(_word_at(text, a) for a, _ in mine))
            msg = Msg(f"Trộn hai dạng Unicode: {len(mine)} chữ có dấu ở dạng tổ hợp (NFD) trong đoạn này ({words}), "
                      "phần còn lại ở dạng dựng sẵn.",
                      f"Mixed Unicode forms: {len(mine)} accented letter(s) decomposed (NFD) in this paragraph "
                      f"({words}), the rest precomposed.")
        yield Hit(msg, para=p, start=i, end=j, replacement=unicodedata.normalize("NFC", text[s:e]),
                  hint=Msg("Đưa về dạng dựng sẵn (NFC): bản sửa tự động hoặc `rasoat convert`.",
                           "Recompose to NFC: the automatic fix or `rasoat convert`."))
        if whole:
            return


def _index_of(p, offset: int) -> int:
    """Index in the paragraph text of the character at a source offset (or the one before it)."""
    k = bisect.bisect_right(p.offsets, offset, 0, len(p.text)) - 1
    return max(0, min(k, len(p.text) - 1))


def _word_at(text: str, offset: int) -> str:
    a = offset
    while a > 0 and (text[a - 1].isalpha() or unicodedata.combining(text[a - 1])):
        a -= 1
    b = offset
    while b < len(text) and (text[b].isalpha() or unicodedata.combining(text[b])):
        b += 1
    return unicodedata.normalize("NFC", text[a:b])
