"""N404 — Chữ viết tắt chưa được giải thích ở lần dùng đầu

Cái gì: một chữ viết tắt ("CT MTQGNTM", "TĐĐKXDĐSVH", "QLDAXDCBHTBT") được dùng mà lần đầu tiên
không viết đầy đủ kèm chữ viết tắt trong ngoặc đơn. Các chữ viết tắt thông dụng (UBND, HĐND, MTTQ,
TTĐT, các chữ viết tắt tên loại văn bản …) không bị báo: danh sách ở rules/abbreviations.toml và
trong danh mục cơ quan (rules/agencies/). Mức: thông tin.
Tại sao: người nhận văn bản (ở cơ quan khác, địa phương khác) phải hiểu đúng nội dung; chữ viết tắt
tự đặt làm văn bản khó hiểu và có thể hiểu sai.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.2.a (chỉ viết tắt những cụm từ thông
dụng); cách làm chung khi soạn thảo: lần đầu viết đầy đủ, chữ viết tắt đặt trong ngoặc đơn.
Ví dụ sai: "Tham mưu BCĐ phong trào “TĐĐKXDĐSVH”" (không giải thích).
Ví dụ đúng: "Tham mưu Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”
(TĐĐKXDĐSVH)".
Cách sửa: viết đầy đủ ở lần dùng đầu, kèm chữ viết tắt trong ngoặc đơn; hoặc không viết tắt.
---
What: an abbreviation ("CT MTQGNTM", "TĐĐKXDĐSVH") is used without being written out, with the
abbreviation in brackets, at its first use. Common abbreviations (UBND, HĐND, MTTQ, TTĐT, document
type codes …) are not reported: rules/abbreviations.toml and the agency registry list them.
Severity: information.
Why: readers in other bodies and places must understand the text; home-made abbreviations make
it obscure and open to misreading.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.2.a (only common phrases are
abbreviated); the usual drafting practice: the full phrase first, the abbreviation in brackets.
Fix: write the phrase out at its first use with the abbreviation in brackets, or do not abbreviate.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.agencies import abbreviation_uses


@rule("N404", name="undefined-abbreviation", severity="info",
      title=Msg("Chữ viết tắt chưa giải thích", "Abbreviation not written out"))
def check(doc):
    for u in abbreviation_uses(doc):
        later = (" (chỉ được giải thích ở chỗ sau)", " (it is written out only further on)") if u.defined_later else ("", "")
        yield Hit(Msg(f"Chữ viết tắt \"{u.text}\" được dùng mà chưa viết đầy đủ ở lần dùng đầu{later[0]}.",
                      f"The abbreviation \"{u.text}\" is used without being written out at its first use{later[1]}."),
                  para=u.para, start=u.start, end=u.end,
                  hint=Msg(f"Viết đầy đủ cụm từ rồi đặt \"({u.text})\" sau nó ở lần dùng đầu.",
                           f"Write the phrase out, followed by \"({u.text})\", at its first use."))
