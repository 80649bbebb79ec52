"""A302 — Chỉ giao cho đối tượng chung chung

Cái gì: người thực hiện nhiệm vụ chỉ là đối tượng chung chung, không xác định được: "các cơ quan
liên quan", "các đơn vị có liên quan", "các lực lượng", "các cấp, các ngành", "cơ quan chức
năng". Các nhóm có tên rõ ("các sở, ban, ngành tỉnh", "UBND các huyện, thành phố", "các xã, thị
trấn") không thuộc quy tắc này. Đơn vị phối hợp chung chung ("phối hợp với các cơ quan liên
quan") không bị báo.
Tại sao: không ai biết mình có phải là người được giao hay không; không thể đôn đốc.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (xác định rõ đơn vị hoặc cá nhân chủ trì);
yêu cầu "6 rõ" (rõ người) trong chỉ đạo của Thủ tướng Chính phủ.
Ví dụ sai: "Các lực lượng cần tăng cường nắm tình hình ANTT trên địa bàn …"
Ví dụ đúng: "Công an huyện chủ trì, phối hợp với Ban Chỉ huy Quân sự huyện tăng cường …"
Cách sửa: thay bằng tên cơ quan cụ thể chủ trì thực hiện.
---
What: the only owners of a task are vague: "các cơ quan liên quan" (the bodies concerned),
"các đơn vị có liên quan", "các lực lượng" (the forces), "các cấp, các ngành" (all levels and
sectors). Named broad groups ("các sở, ban, ngành tỉnh", "UBND các huyện, thành phố") are not
vague. Vague supporting bodies ("phối hợp với các cơ quan liên quan") are not reported.
Why: nobody knows whether the task is theirs; it cannot be followed up.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (name the lead); the Prime Minister's "six clears".
Fix: name the body that leads the work.
"""
from ...diagnostics import Msg
from ...engine import rule
from ..deadlines._task_hit import excerpt, extract_tasks, task_hit, where


@rule("A302", name="vague-owner", severity="warning", kinds=("thong-bao",),
      title=Msg("Chỉ giao cho đối tượng chung chung", "Only a vague owner"))
def check(doc):
    for t in extract_tasks(doc):
        leads = t.leads
        if not leads or not all(o.kind == "vague" for o in leads):
            continue
        names = ", ".join(dict.fromkeys(f"\"{o.name}\"" for o in leads))
        w = where(t)
        yield task_hit(
            t,
            Msg(f"{w.vi} giao cho đối tượng chung chung {names}: không xác định được ai chịu trách nhiệm. \"{excerpt(t)}\"",
                f"{w.en} is assigned to a vague owner {names}: nobody can tell who is responsible. \"{excerpt(t)}\""),
            Msg("Nêu tên cơ quan cụ thể chủ trì thực hiện.", "Name the body that leads the work."),
            owners=[o.name for o in leads],
        )
