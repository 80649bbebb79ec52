"""S105 — Tên loại văn bản "THÔNG BÁO"

Cái gì: thiếu tên loại "THÔNG BÁO" (văn bản được nhận là thông báo qua ký hiệu …/TB-…), hoặc tên
loại không viết in hoa.
Tại sao: tên loại cho biết hình thức văn bản; nó đứng riêng một dòng, in hoa, đậm, canh giữa,
ngay trên trích yếu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm đ; Phụ lục I, Phần I, Mục II.5.
Ví dụ sai: "Thông báo" (chữ thường); không có dòng tên loại.
Ví dụ đúng: "THÔNG BÁO".
Cách sửa: thêm (hoặc viết lại) dòng "THÔNG BÁO" in hoa, ngay trên trích yếu.
---
What: the title "THÔNG BÁO" is missing (the document is known to be a notice from its …/TB-…
symbol), or is not in capitals.
Why: the title names the document's type; it stands alone, in bold capitals, centred, right
above the summary line.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(đ); Annex I, Part I, Section II.5.
Fix: add (or rewrite) the line "THÔNG BÁO" in capitals above the summary.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ._place import at_start_of


@rule("S105", name="title", severity="error", kinds=("thong-bao",),
      title=Msg("Tên loại văn bản", "Document title"), fixable=True)
def check(doc):
    st = doc.structure
    titles = doc.component("title")
    if not titles:
        anchor = st.first("trich_yeu") or st.first("opening") or st.first("body")
        yield at_start_of(doc, anchor, Msg("Thiếu tên loại văn bản \"THÔNG BÁO\".", "The title \"THÔNG BÁO\" is missing."),
                          Msg("Thêm dòng \"THÔNG BÁO\" (in hoa, đậm, canh giữa) ngay trên trích yếu.",
                              "Add the line \"THÔNG BÁO\" (bold capitals, centred) right above the summary."))
        return
    p = titles[0]
    if p.text.strip() != p.text.strip().upper():
        yield Hit(Msg("Tên loại văn bản phải viết in hoa: \"THÔNG BÁO\".", "The title is written in capitals: \"THÔNG BÁO\"."),
                  para=p, start=0, end=len(p.text), suggestion="THÔNG BÁO", replacement="THÔNG BÁO")
