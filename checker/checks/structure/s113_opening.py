"""S113 — Đoạn mở đầu của thông báo kết luận

Cái gì: thông báo không có đoạn mở đầu, hoặc đoạn mở đầu không nêu thời gian cuộc họp, hoặc không
nêu người chủ trì (người kết luận).
Chỉ áp dụng cho thông báo kết luận (subtype "conclusion"); thông báo sự việc (tuyển sinh, nghỉ
lễ, thủ tục…) không có cuộc họp.
Tại sao: thông báo kết luận phải cho biết cuộc họp nào, ngày nào, ai chủ trì, ai dự, rồi mới
"kết luận như sau:"; thiếu các thông tin đó thì không xác định được căn cứ và thời điểm tính thời
hạn của các nhiệm vụ.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm e; Phụ lục III, Mẫu 1.4; Phụ lục I, Mục II.6.c
(phần mở đầu của nội dung).
Ví dụ sai: "UBND tỉnh kết luận như sau:" (không có ngày, không có người chủ trì).
Ví dụ đúng: "Ngày 24/8/2021, Ủy ban nhân dân tỉnh tổ chức phiên họp tháng 8 năm 2021 dưới sự chủ
trì của đồng chí … - Chủ tịch UBND tỉnh. … Chủ tịch UBND tỉnh kết luận như sau:".
Cách sửa: viết đoạn mở đầu nêu ngày họp, người chủ trì, thành phần dự họp.
---
What: the notice has no opening paragraph, or the opening does not give the meeting's date, or
its chair (the person who concludes).
Only for conclusion notices (subtype "conclusion"); an announcement (enrolment, holidays, a
procedure) has no meeting.
Why: a conclusion notice says which meeting, when, who chaired and who attended before "kết
luận như sau:"; without them the basis and the start of every deadline are unknown.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(e); Annex III, Form 1.4; Annex I, Section II.6.c.
Fix: write an opening paragraph giving the date, the chair and the attendees.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import Hit, rule
from ...extract.dates import find_dates
from ._place import at_start_of

CHAIR = re.compile(r"chủ\s+trì|chủ\s+tọa|kết\s+luận|đồng\s+chí|Chủ\s+tịch|Thủ\s+tướng|Bộ\s+trưởng|Giám\s+đốc|Bí\s+thư|Trưởng\s+ban", re.I)


@rule("S113", name="opening", severity="warning", kinds=("thong-bao",),
      title=Msg("Đoạn mở đầu: thời gian họp, người chủ trì", "Opening: meeting date and chair"))
def check(doc):
    if notice_kind(doc).subtype != "conclusion":
        return  # an announcement has no meeting, no chair, no conclusions
    st = doc.structure
    opening = doc.component("opening")
    if not opening:
        anchor = st.first("body") or st.first("closing")
        yield at_start_of(doc, anchor,
                          Msg("Thiếu đoạn mở đầu nêu thời gian cuộc họp, người chủ trì và thành phần dự họp.",
                              "The opening paragraph (meeting date, chair, attendees) is missing."))
        return
    text = " ".join(p.text for p in opening)
    first = opening[0]
    dates = [m for m in find_dates(text) if m.kind in ("day", "month")]
    if not dates:
        yield Hit(Msg("Đoạn mở đầu không nêu thời gian tổ chức cuộc họp.", "The opening does not give the meeting's date."),
                  para=first, start=0, end=min(len(first.text), 80))
    if not CHAIR.search(text):
        yield Hit(Msg("Đoạn mở đầu không nêu người chủ trì cuộc họp (người kết luận).",
                      "The opening does not name the meeting's chair (who concludes)."),
                  para=first, start=0, end=min(len(first.text), 80))
