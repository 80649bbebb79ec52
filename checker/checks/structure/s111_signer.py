"""S111 — Họ tên người ký

Cái gì: khối chữ ký không có họ và tên người ký dưới chức vụ.
Tại sao: họ tên người ký (chữ in thường, đậm) xác định người chịu trách nhiệm về văn bản; dự thảo
trình ký cũng phải ghi sẵn.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I, Phần I, Mục II.7.c, 7.đ.
Ví dụ sai: "CHÁNH VĂN PHÒNG" rồi hết văn bản.
Ví dụ đúng: "CHÁNH VĂN PHÒNG" / (chữ ký) / "Nguyễn Văn Sơn".
Cách sửa: ghi họ, tên đệm và tên người ký, không ghi học hàm, học vị trước tên.
---
What: the signature block has no signer's name under the title.
Why: the signer's name (bold, normal case) says who is responsible for the document; a draft
for signature gives it too.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(g); Annex I, Part I, Section II.7.c and 7.đ.
Fix: add the signer's full name, without academic titles.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ._place import at_start_of


@rule("S111", name="signer-name", severity="error", kinds=("thong-bao",),
      title=Msg("Họ tên người ký", "Signer's name"))
def check(doc):
    st = doc.structure
    if st.has("signer"):
        return
    block = st.components.get("sig_title") or st.components.get("authority")
    if block:
        p = doc.paragraphs[block[-1]]
        yield Hit(Msg("Thiếu họ tên người ký dưới chức vụ.", "The signer's name is missing under the title."),
                  para=p, start=len(p.text), end=len(p.text),
                  hint=Msg("Ghi họ và tên người ký (chữ in thường, đậm).", "Add the signer's full name (bold)."))
        return
    anchor = st.components.get("luu") or st.components.get("recipient") or st.components.get("closing")
    yield at_start_of(doc, anchor[-1] if anchor else None,
                      Msg("Thiếu khối chữ ký: quyền hạn, chức vụ và họ tên người ký.",
                          "The signature block (authority, title and signer's name) is missing."))
