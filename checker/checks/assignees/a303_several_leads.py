"""A303 — Nhiều đơn vị cùng chủ trì một nhiệm vụ

Cái gì: một nhiệm vụ giao cho hai đơn vị trở lên cùng "chủ trì" ("Giao Bộ Tài chính, Bộ Công
Thương, Bộ Nông nghiệp và Môi trường … chủ trì, phối hợp …"). Mức thông tin khi có thêm "theo
chức năng, nhiệm vụ" (mỗi đơn vị chủ trì phần việc của mình).
Tại sao: một việc chỉ nên có một đơn vị chủ trì chịu trách nhiệm chính; nhiều chủ trì thì dễ
đùn đẩy, không rõ ai tổng hợp, báo cáo.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (xác định rõ đơn vị hoặc cá nhân chủ trì,
phối hợp); yêu cầu "6 rõ" (rõ trách nhiệm) trong chỉ đạo của Thủ tướng Chính phủ.
Ví dụ sai: "Sở Xây dựng, Sở Giao thông vận tải chủ trì rà soát …"
Ví dụ đúng: "Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải rà soát …"
Cách sửa: chọn một đơn vị chủ trì; các đơn vị còn lại là đơn vị phối hợp.
---
What: a task names two or more bodies as its lead ("chủ trì"). Info when qualified by "theo
chức năng, nhiệm vụ" (each leads its own part).
Why: a task should have one lead that is answerable for it; several leads blur who reports.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (name the lead and the supporting units).
Fix: choose one lead; the others support ("phối hợp").
"""
from ...diagnostics import Msg
from ...engine import rule
from ..deadlines._task_hit import excerpt, extract_tasks, task_hit, where


@rule("A303", varies=(('info',), Msg('Mức thông tin khi các đơn vị cùng chủ trì được giao theo chức năng, nhiệm vụ của mình (mỗi đơn vị chủ trì phần của mình); cảnh báo khi nhiều đơn vị cùng chủ trì một việc.',
                        'Info when the co-leads act each within its own remit; a warning when several bodies lead one piece of work.')), name="several-leads", severity="warning", kinds=("thong-bao",),
      title=Msg("Nhiều đơn vị cùng chủ trì", "Several leads for one task"))
def check(doc):
    from ...extract.owners import several_leads

    for t in extract_tasks(doc):
        group = several_leads(t.owners)
        if not group:
            continue
        names = ", ".join(dict.fromkeys(o.name for o in group))
        w = where(t)
        yield task_hit(
            t,
            Msg(f"{w.vi} có {len({o.name for o in group})} đơn vị cùng chủ trì ({names}): \"{excerpt(t)}\".",
                f"{w.en} has {len({o.name for o in group})} leads ({names}): \"{excerpt(t)}\"."),
            Msg("Chọn một đơn vị chủ trì; các đơn vị còn lại ghi là phối hợp.",
                "Choose one lead; write the others as supporting (\"phối hợp\")."),
            severity="info" if any(o.by_function for o in group) else None,
            owners=[o.name for o in group],
        )
