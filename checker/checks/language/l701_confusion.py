"""L701 — Dùng sai từ, sai chính tả thường gặp

Cái gì: một cụm từ có trong danh sách lỗi thường gặp (rules/confusions.toml) kèm dạng đúng:
lẫn s/x, tr/ch, d/gi, dấu hỏi/ngã, âm cuối n/ng ("phân đấu" → "phấn đấu", "lãnh phí" → "lãng
phí", "sát nhập" → "sáp nhập", "chuẩn đoán" → "chẩn đoán", "xuất sứ" → "xuất xứ"), gạch nối
đặt sai ("kinh - tế xã hội" → "kinh tế - xã hội"), chữ viết tắt sai ("BCD" → "BCĐ"), tên riêng
viết hoa thiếu ("Điện Biên phủ" → "Điện Biên Phủ"). Mỗi mục ghi nguồn; mục nào đúng trong mọi
ngữ cảnh có bản sửa an toàn, mục phụ thuộc ngữ cảnh ("chuyển công tác" / "chuyến công tác") chỉ
là gợi ý ở mức thông tin.
Tại sao: lỗi chính tả trong văn bản hành chính làm sai nghĩa, giảm tính trang trọng và uy tín
của cơ quan ban hành.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 (văn bản bảo đảm chính xác về nội dung, diễn
đạt rõ ràng, dễ hiểu) và Phụ lục II (viết hoa); dạng đúng theo Từ điển tiếng Việt (Viện Ngôn
ngữ học, Hoàng Phê chủ biên).
Ví dụ sai: "phân đấu hoàn thành giải ngân"; "tránh lãnh phí nguồn lực"; "chỉ tiêu kinh - tế xã
hội".
Ví dụ đúng: "phấn đấu hoàn thành giải ngân"; "tránh lãng phí nguồn lực"; "chỉ tiêu kinh tế - xã
hội".
Cách sửa: thay bằng dạng đúng (bản sửa tự động với các mục an toàn). Thêm lỗi thường gặp của cơ
quan vào rules/confusions.toml, ghi nguồn.
---
What: a phrase on the list of common confusions (rules/confusions.toml), with its correct
form: s/x, tr/ch, d/gi, hỏi/ngã tone and n/ng final confusions ("phân đấu" → "phấn đấu", "sát
nhập" → "sáp nhập", "chuẩn đoán" → "chẩn đoán"), a misplaced dash ("kinh - tế xã hội" → "kinh
tế - xã hội"), a wrong abbreviation ("BCD" → "BCĐ"), a missing capital ("Điện Biên phủ" →
"Điện Biên Phủ"). Every entry names its source; entries right in every context carry a safe
fix, context-dependent ones ("chuyển công tác" / "chuyến công tác") are info-level suggestions.
Why: spelling mistakes in an administrative document change the meaning and cost the issuing
body its formality and credibility.
Rule: Decree 30/2020/NĐ-CP, Article 8(1) (accurate content, clear wording) and Annex II
(capitalisation); correct forms per the Từ điển tiếng Việt (Institute of Linguistics, ed.
Hoàng Phê).
Fix: use the correct form (automatic fix for safe entries). Add an office's own common mistakes
to rules/confusions.toml, with a source.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ._shared import paragraph_confusions


@rule("L701", varies=(('info',), Msg('Mức của từng cặp từ dễ nhầm ghi trong rules/confusions.toml: mức thông tin cho cặp chỉ có thể sai tùy ngữ cảnh, cảnh báo cho lỗi chắc chắn.',
                        'The level of each confusion pair in rules/confusions.toml: info for pairs that are wrong only in some contexts, a warning for sure errors.')), name="confusion", severity="warning", fixable=True,
      title=Msg("Dùng sai từ, sai chính tả thường gặp", "Common confusion or misspelling"))
def check(doc):
    for index, found in paragraph_confusions(doc).items():
        p = doc.paragraphs[index]
        for c in found:
            fix = c.replacement
            note = f" ({c.entry.note})" if c.entry.note else ""
            note_en = f" ({c.entry.note_en})" if c.entry.note_en else ""
            if c.entry.safe:
                msg = Msg(f"Viết sai: \"{c.text}\" → \"{fix}\"{note}.", f"Misspelt: \"{c.text}\" → \"{fix}\"{note_en}.")
            else:
                msg = Msg(f"Có thể viết sai: \"{c.text}\" → \"{fix}\"{note}; kiểm tra theo ngữ cảnh.",
                          f"Possibly misspelt: \"{c.text}\" → \"{fix}\"{note_en}; check the context.")
            yield Hit(msg, para=p, start=c.start, end=c.end, suggestion=fix, replacement=fix, safe=c.entry.safe,
                      severity=None if c.entry.severity == "warning" else c.entry.severity,
                      hint=_hint(fix, c.entry.safe, c.entry.source))


_SOURCE_NAMES = {
    "HP": ("Từ điển tiếng Việt (Hoàng Phê chủ biên)", "Từ điển tiếng Việt (ed. Hoàng Phê)"),
    "ND30": ("Nghị định 30/2020/NĐ-CP, Phụ lục II", "Decree 30/2020/NĐ-CP, Annex II"),
}


def _hint(fix: str, safe: bool, source: str) -> Msg:
    """How to fix, and the reference a clerk can look up: the dictionary entry or the clause of
    Phụ lục II. The rest of an entry's source (the project-internal provenance "SEEDS …", notes
    for maintainers in English) stays in rules/confusions.toml."""
    refs_vi, refs_en = [], []
    for part in (x.strip() for x in source.split(";")):
        key, _, rest = part.partition(" ")
        if key not in _SOURCE_NAMES:
            continue  # project-internal provenance ("SEEDS 002 l.17") and notes for maintainers
        vi, en = _SOURCE_NAMES.get(key, (key, key))
        refs_vi.append(f"{vi} {rest}".strip())
        refs_en.append(f"{en} {rest}".strip())
    how_vi = f"Sửa thành \"{fix}\"" + (" (sửa tự động được với --fix)" if safe else "")
    how_en = f"Write \"{fix}\"" + (" (safe fix with --fix)" if safe else "")
    if refs_vi:
        return Msg(f"{how_vi}. Tham khảo: {'; '.join(refs_vi)}.", f"{how_en}. Reference: {'; '.join(refs_en)}.")
    return Msg(how_vi + ".", how_en + ".")
