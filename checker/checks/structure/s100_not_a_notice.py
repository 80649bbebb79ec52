"""S100 — Văn bản không phải THÔNG BÁO

Cái gì: tệp không có tên loại "THÔNG BÁO" (và không có ký hiệu .../TB-...), nên không rà soát
theo cấu trúc của thông báo. Các quy tắc chung (trích dẫn, tên cơ quan, chính tả) vẫn chạy.
Tại sao: rasoat rà soát thể thức của Thông báo (Mẫu 1.4, Phụ lục III); áp cấu trúc đó cho một
bài báo, một quyết định hay một kế hoạch sẽ sinh hàng chục lỗi sai.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 7 (các loại văn bản hành chính), Điều 8 khoản 2 điểm đ.
Ví dụ sai: một bài tin "Phiên họp UBND tỉnh tháng 11 …" đưa vào thư mục dự thảo thông báo.
Ví dụ đúng: dự thảo có dòng tên loại "THÔNG BÁO" và trích yếu ngay bên dưới.
Cách sửa: nếu đây là thông báo, thêm tên loại "THÔNG BÁO" (chữ in hoa, đứng riêng một dòng);
nếu không, bỏ tệp khỏi danh sách rà soát hoặc bỏ qua quy tắc này (--ignore S100).
---
What: the file has no title "THÔNG BÁO" (and no .../TB-... symbol), so the notice structure is
not checked. The common rules (citations, agency names, spelling) still run.
Why: rasoat checks the form of a notice (Form 1.4, Annex III); applying it to a news article,
a decision or a plan would produce dozens of false findings.
Rule: Decree 30/2020/NĐ-CP, Article 7 (types of administrative documents), Article 8(2)(đ).
Fix: if it is a notice, add the title "THÔNG BÁO" on a line of its own; otherwise leave the
file out or ignore this rule.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ._place import first_para


@rule("S100", name="not-a-notice", severity="warning", kinds=("other",),
      title=Msg("Văn bản không phải THÔNG BÁO", "Not a THÔNG BÁO"))
def check(doc):
    st = doc.structure
    p = first_para(doc)
    if st.doc_type:
        title = next((doc.paragraphs[t.para].text for t in st.tokens if t.type == "TITLE"), st.doc_type)
        what_vi = f"văn bản có tên loại \"{title}\", không phải THÔNG BÁO"
        what_en = f"the document's title is \"{title}\", not THÔNG BÁO"
        for t in st.tokens:
            if t.type == "TITLE":
                p = doc.paragraphs[t.para]
                break
    else:
        what_vi = "không tìm thấy tên loại \"THÔNG BÁO\" hay ký hiệu …/TB-…"
        what_en = "no title \"THÔNG BÁO\" and no …/TB-… symbol was found"
    yield Hit(
        Msg(f"Không rà soát cấu trúc thông báo: {what_vi}. Các quy tắc chung vẫn được áp dụng.",
            f"Notice structure not checked: {what_en}. The common rules still apply."),
        para=p, start=0, end=len(p.text) if p else None, offset=0 if p is None else None,
        hint=Msg("Nếu đây là thông báo, thêm dòng tên loại \"THÔNG BÁO\"; nếu không, bỏ qua S100.",
                 "If this is a notice, add the title line \"THÔNG BÁO\"; otherwise ignore S100."),
    )
