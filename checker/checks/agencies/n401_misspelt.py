"""N401 — Tên cơ quan, tổ chức hoặc tỉnh viết sai

Cái gì: tên một cơ quan, tổ chức (hoặc tên tỉnh, thành phố) gần giống một tên trong danh mục
nhưng viết sai: sai hoặc thiếu dấu, sai một chữ cái, thiếu một chữ ("Hạt Kiểm" thay cho "Hạt Kiểm
lâm", "Ủy ban nhân tỉnh"), sai dấu câu giữa các lĩnh vực ("Sở Văn hóa - Thể thao và Du lịch"
thay cho "Sở Văn hóa, Thể thao và Du lịch"; "Sở Lao động, Thương binh và Xã hội" thay cho "Sở Lao
động - Thương binh và Xã hội"). Tên không giống tên nào trong danh mục (dự án, địa danh, doanh
nghiệp, người) thì không bị báo.
Tại sao: tên cơ quan trong văn bản phải là tên chính thức, đầy đủ; tên sai làm văn bản mất tính
chính xác và có thể giao việc nhầm cơ quan.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.2.a (tên chính thức, đầy đủ của cơ
quan, tổ chức); tên chính thức theo văn bản thành lập (Nghị định 24/2014 và 107/2020, 45/2025 về
các sở; Nghị quyết 176/2025/QH15 về các bộ; Nghị quyết 202/2025/QH15 về các tỉnh). Danh mục:
rules/agencies/*.toml, và danh mục riêng của tỉnh (khóa cấu hình `registries`).
Ví dụ sai: "giao Sở Văn hóa - Thể thao và Du lịch", "Hạt Kiểm tổ chức rà soát", "Công TTĐT huyện".
Ví dụ đúng: "giao Sở Văn hóa, Thể thao và Du lịch", "Hạt Kiểm lâm tổ chức rà soát", "Cổng TTĐT huyện".
Cách sửa: thay bằng tên chính thức (rasoat sửa tự động được: `rasoat check --fix`).
---
What: the name of a body (or of a province) is close to a registered name but misspelt: a wrong
or missing diacritic, one wrong letter, a word left out ("Hạt Kiểm" for "Hạt Kiểm lâm", "Ủy ban
nhân tỉnh"), the wrong separator between fields ("Sở Văn hóa - Thể thao và Du lịch" for "Sở Văn
hóa, Thể thao và Du lịch"). Names that resemble no registered name (projects, places, companies,
people) are never reported.
Why: a document names bodies by their official, full names; a wrong name is imprecise and may
assign a task to the wrong body.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.2.a (the official, full name); names as
set by the founding texts. Registry: rules/agencies/*.toml plus the province's own files
(configuration key `registries`).
Fix: write the official name (a safe automatic fix: `rasoat check --fix`).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.agencies import mentions
from ._common import describe


@rule("N401", name="misspelt-name", severity="warning", fixable=True,
      title=Msg("Tên cơ quan viết sai", "Misspelt name of a body"))
def check(doc):
    for m in mentions(doc):
        if m.verdict != "misspelt":
            continue
        d = describe(m.what)
        if m.kind == "agency":
            msg = Msg(f"Tên cơ quan viết sai: \"{m.text}\" ({d.vi}); tên chính thức là \"{m.official}\".",
                      f"Misspelt name of a body: \"{m.text}\" ({d.en}); the official name is \"{m.official}\".")
        else:
            msg = Msg(f"Tên tỉnh, thành phố viết sai: \"{m.text}\" ({d.vi}); tên đúng là \"{m.official}\".",
                      f"Misspelt name of a province: \"{m.text}\" ({d.en}); it is written \"{m.official}\".")
        yield Hit(msg, para=m.para, start=m.start, end=m.end, suggestion=m.suggestion, replacement=m.suggestion,
                  data={"official": m.official})
