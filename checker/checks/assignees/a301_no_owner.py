"""A301 — Nhiệm vụ không có đơn vị chủ trì

Cái gì: một nhiệm vụ không nêu ai thực hiện, kể cả khi xét đề mục mà nó nằm dưới ("2. Các sở,
ban, ngành tỉnh, UBND các huyện, thành phố:", "Giao Phòng Tài chính - Kế hoạch:", "3. … Sở Kế
hoạch và Đầu tư chủ trì, phối hợp …:" đều giao việc cho các mục bên dưới). Cũng báo khi nhiệm vụ
chỉ nêu đơn vị phối hợp mà không có đơn vị chủ trì.
Mức thông tin: nhiệm vụ không tự nêu ai làm, chỉ có thể hiểu là giao cho đối tượng chung của
đoạn mở đầu danh sách ("yêu cầu các đồng chí Thành viên UBND tỉnh, Thủ trưởng các cơ quan đơn
vị, Chủ tịch UBND các huyện, thành phố … tập trung vào những nhiệm vụ sau:"), là các nhóm rộng,
không ai là chủ trì.
Tại sao: giao việc phải "rõ người"; việc không có người chủ trì thì không ai chịu trách nhiệm.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (xác định rõ đơn vị hoặc cá nhân chủ trì,
phối hợp); yêu cầu "6 rõ" (rõ người, rõ trách nhiệm) trong chỉ đạo của Thủ tướng Chính phủ.
Cũng mức thông tin: thông báo kết luận buổi làm việc với một địa phương ("… tại buổi làm việc
với lãnh đạo tỉnh Phú Thọ") có nhiệm vụ không nêu ai làm: theo trích yếu đó là việc của tỉnh,
nhưng nên ghi rõ.
Ví dụ sai: "- Kiểm tra tiến độ thực hiện 130 lồng cá đang triển khai tại Tà Mít trong tháng 9."
(dưới đề mục "1. Sản xuất nông, lâm nghiệp" không nêu đơn vị nào).
Ví dụ đúng: "- Phòng Nông nghiệp và PTNT kiểm tra tiến độ thực hiện … trong tháng 9."
Cách sửa: nêu đơn vị (hoặc người, theo chức danh) chủ trì, và đơn vị phối hợp nếu có.
---
What: a task names nobody to do it, not even through the heading it is listed under ("2. Các
sở, ban, ngành tỉnh, UBND các huyện, thành phố:", "Giao Phòng Tài chính - Kế hoạch:" assign the
items below them). Also reported when a task names only supporting bodies and no lead.
Info: the task names no owner of its own and can only be read as addressed to the broad groups
of the list's introduction ("yêu cầu các đồng chí Thành viên UBND tỉnh, … tập trung vào những
nhiệm vụ sau:"), none of which leads.
Also info: in the notice of a working visit to a locality ("… làm việc với lãnh đạo tỉnh Phú
Thọ"), a task that names nobody is, by the title, that province's; it should still say so.
Why: an assignment must name who does it; work without a lead is nobody's responsibility.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (name the lead and the supporting units); the Prime
Minister's "six clears" (clear person, clear responsibility).
Fix: name the lead body (or person, by title) and the supporting bodies, if any.
"""
from ...diagnostics import Msg
from ...engine import rule
from ..deadlines._task_hit import excerpt, extract_tasks, task_hit, where


@rule("A301", varies=(('info',), Msg('Mức thông tin khi nhiệm vụ không tự nêu người thực hiện nhưng đầu mối suy ra được (từ trích yếu, hoặc chỉ có đối tượng chung của đoạn mở đầu); cảnh báo khi không ai thực hiện cả.',
                        'Info when the task names nobody itself but its owner can be inferred (from the title, or only the general addressees of the opening); a warning when nobody does it at all.')), name="no-owner", severity="warning", kinds=("thong-bao",),
      title=Msg("Nhiệm vụ không có đơn vị chủ trì", "Task without an owner"))
def check(doc):
    for t in extract_tasks(doc):
        leads, w = t.leads, where(t)
        fix = Msg("Nêu rõ đơn vị (hoặc người, theo chức danh) chủ trì thực hiện, ví dụ \"Giao Sở … chủ trì, phối hợp với …\".",
                  "Name the lead body (or person, by title), e.g. \"Giao Sở … chủ trì, phối hợp với …\".")
        if leads and all(o.source == "title" for o in leads):
            yield task_hit(
                t,
                Msg(f"{w.vi} không nêu ai thực hiện; theo trích yếu thì là {leads[0].name}, nhưng nên ghi rõ: \"{excerpt(t)}\".",
                    f"{w.en} names nobody; by the title it is {leads[0].name}'s, but it should say so: \"{excerpt(t)}\"."),
                fix, severity="info", owners=[leads[0].name],
            )
        elif not leads and not t.supports:
            yield task_hit(t, Msg(f"{w.vi} không nêu ai thực hiện (cả ở đề mục bên trên): \"{excerpt(t)}\".",
                                  f"{w.en} names nobody to do it (nor does its heading): \"{excerpt(t)}\"."), fix)
        elif not leads:
            names = ", ".join(o.name for o in t.supports)
            yield task_hit(t, Msg(f"{w.vi} chỉ nêu đơn vị phối hợp ({names}), không có đơn vị chủ trì: \"{excerpt(t)}\".",
                                  f"{w.en} names only supporting bodies ({names}) and no lead: \"{excerpt(t)}\"."), fix)
        elif all(o.source == "intro" for o in leads) and all(o.kind in ("group", "vague") for o in leads):
            names = ", ".join(o.name for o in leads)
            yield task_hit(
                t,
                Msg(f"{w.vi} không tự nêu ai thực hiện; chỉ có đối tượng chung của đoạn mở đầu ({names}), không ai là chủ trì: \"{excerpt(t)}\".",
                    f"{w.en} names no owner of its own; only the general addressees of the introduction ({names}), none of them a lead: \"{excerpt(t)}\"."),
                fix, severity="info", owners=[o.name for o in leads],
            )
