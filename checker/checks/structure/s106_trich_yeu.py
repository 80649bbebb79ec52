"""S106 — Trích yếu nội dung

Cái gì: thiếu trích yếu (câu ngắn tóm tắt nội dung) ngay dưới tên loại "THÔNG BÁO".
Tại sao: trích yếu cho người nhận biết thông báo nói về việc gì; với thông báo kết luận, nó nêu
kết luận của ai, tại cuộc họp nào.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm đ; Phụ lục I, Phần I, Mục II.5;
Phụ lục III, Mẫu 1.4.
Ví dụ sai: "THÔNG BÁO" rồi ngay đoạn "Ngày 24/8/2021, Ủy ban nhân dân tỉnh tổ chức …".
Ví dụ đúng: "THÔNG BÁO" / "Kết luận của Chủ tịch UBND tỉnh tại phiên họp UBND tỉnh tháng 8 năm 2021".
Cách sửa: thêm trích yếu (chữ in thường, đậm, canh giữa) ngay dưới tên loại.
---
What: the summary line (a short phrase saying what the notice is about) is missing right under
the title "THÔNG BÁO".
Why: the summary tells the recipient what the notice is about; for a conclusion notice, whose
conclusions at which meeting.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(đ); Annex I, Part I, Section II.5; Annex III, Form 1.4.
Fix: add the summary (bold, centred) right under the title.
"""
from ...diagnostics import Msg
from ...structure import patterns as P
from ...engine import rule
from ._place import at_start_of


@rule("S106", name="trich-yeu", severity="error", kinds=("thong-bao",),
      title=Msg("Trích yếu nội dung", "Summary line"))
def check(doc):
    st = doc.structure
    if st.has("trich_yeu"):
        return
    title = st.first("title")
    if title is not None and len(doc.paragraphs[title].text.split()) > len(P.title_type_words(doc.paragraphs[title].text)) + 2:
        return  # "THÔNG BÁO KẾT LUẬN CỦA …": the summary is on the title's line
    nxt = None
    if title is not None:
        later = [p.index for p in doc.body_paragraphs if p.index > title]
        nxt = later[0] if later else title
    yield at_start_of(doc, nxt,
                      Msg("Thiếu trích yếu nội dung: trích yếu phải đứng ngay sau tên loại \"THÔNG BÁO\".",
                          "The summary line is missing: it must stand right after the title \"THÔNG BÁO\"."),
                      Msg("Thêm một dòng tóm tắt, ví dụ \"Kết luận của Chủ tịch UBND tỉnh tại phiên họp … tháng … năm …\".",
                          "Add a one-line summary, e.g. \"Kết luận của Chủ tịch UBND tỉnh tại phiên họp …\"."))
