"""S114 — Không có nội dung kết luận

Cái gì: giữa phần mở đầu và câu kết thúc không có nội dung (không có đoạn, mục kết luận nào).
Chỉ áp dụng cho thông báo kết luận (subtype "conclusion"); thông báo sự việc (tuyển sinh, nghỉ
lễ, thủ tục…) không có cuộc họp.
Tại sao: thông báo kết luận tồn tại để truyền đạt kết luận và giao nhiệm vụ; thiếu nội dung là
dự thảo chưa hoàn chỉnh.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm e; Phụ lục I, Mục II.6.
Ví dụ sai: "… kết luận như sau:" rồi ngay "Văn phòng … thông báo … biết, thực hiện./.".
Cách sửa: viết các kết luận, đánh số 1., 2., … hoặc I., II., … theo từng nội dung.
---
What: there is no content between the opening and the closing (no conclusion at all).
Only for conclusion notices (subtype "conclusion"); an announcement (enrolment, holidays, a
procedure) has no meeting.
Why: a conclusion notice exists to convey conclusions and assign tasks; without them the draft
is unfinished.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(e); Annex I, Section II.6.
Fix: write the conclusions, numbered 1., 2., … or I., II., ….
"""
from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import rule
from ._place import at_start_of


@rule("S114", name="empty-body", severity="error", kinds=("thong-bao",),
      title=Msg("Không có nội dung kết luận", "No conclusions"))
def check(doc):
    if notice_kind(doc).subtype != "conclusion":
        return  # an announcement has no meeting, no chair, no conclusions
    st = doc.structure
    if st.has("body"):
        return
    anchor = st.first("closing") or st.first("noi_nhan")
    if anchor is None and not st.has("opening"):
        return  # nothing but a header: S105–S113 already say what is missing
    yield at_start_of(doc, anchor, Msg("Thông báo không có nội dung kết luận nào.", "The notice contains no conclusions."),
                      Msg("Viết các kết luận, đánh số theo từng nội dung.", "Write the conclusions, numbered by topic."))
