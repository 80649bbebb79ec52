"""P802 — Lề trang

Cái gì: lề trang của tệp .docx nằm ngoài khoảng quy định: lề trên và lề dưới 20–25 mm, lề trái
30–35 mm, lề phải 15–20 mm (lề đóng gáy, nếu có, được cộng vào lề trái). Mỗi lề sai là một phát
hiện, ghi giá trị tìm thấy và giá trị yêu cầu.
Tại sao: lề trái rộng để đóng hồ sơ; lề mặc định của Word (2,54 cm bốn phía, hay 3,17 cm hai bên ở
bản tiếng Anh) không đúng thể thức.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.3 ("cách mép trên và mép dưới 20 - 25
mm, cách mép trái 30 - 35 mm, cách mép phải 15 - 20 mm").
Ví dụ sai: Top 2,54 cm; Left 3,17 cm; Right 3,17 cm.
Ví dụ đúng: Top 2 cm, Bottom 2 cm, Left 3 cm, Right 1,5 cm.
Cách sửa: Layout → Margins → Custom Margins. `rasoat format` đặt lề sai về giá trị cho phép gần
nhất.
---
What: a page margin of the .docx is outside its range: top and bottom 20–25 mm, left 30–35 mm,
right 15–20 mm (a gutter, if any, counts in the left margin). Each wrong margin is one finding
with the value found and the range required.
Why: the wide left margin is for binding; Word's default margins (2.54 cm all round, 3.17 cm at
the sides in English Word) do not comply.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.3.
Fix: Layout → Margins → Custom Margins. `rasoat format` sets a wrong margin to the nearest
allowed value.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import clamp, hits, num, section_offset
from ...layout.ooxml import mm, to_int, twips, w
from ...layout.ops import Problem, set_margin

RANGES = {"top": (20.0, 25.0), "bottom": (20.0, 25.0), "left": (30.0, 35.0), "right": (15.0, 20.0)}
SIDE_VI = {"top": "Lề trên", "bottom": "Lề dưới", "left": "Lề trái", "right": "Lề phải"}
SIDE_EN = {"top": "The top margin", "bottom": "The bottom margin", "left": "The left margin",
           "right": "The right margin"}


def problems(doc, lay):
    out = []
    gutter_top = lay.pkg.settings is not None and lay.pkg.settings.find(w("gutterAtTop")) is not None
    for sec in lay.pkg.sections:
        sp = sec.sect_pr
        if sp is None:
            continue
        pm = sp.find(w("pgMar"))
        gutter = to_int(pm.get(w("gutter")), 0) if pm is not None else 0
        for side, (lo, hi) in RANGES.items():
            raw = to_int(pm.get(w(side))) if pm is not None else None
            value = abs(raw) if raw is not None else 1440  # Word's default margin: 1 inch
            extra = gutter if (side == "top" and gutter_top) or (side == "left" and not gutter_top) else 0
            found = round(mm(value + extra), 1)
            if lo <= found <= hi:
                continue
            target = clamp(found, lo, hi)
            where_vi = f" (phần {sec.index + 1})" if len(lay.pkg.sections) > 1 else ""
            where_en = f" (section {sec.index + 1})" if len(lay.pkg.sections) > 1 else ""
            out.append(Problem(
                Msg(f"{SIDE_VI[side]} {num(found)} mm{where_vi}, yêu cầu từ {num(lo)} đến {num(hi)} mm "
                    "(Phụ lục I, Phần I, Mục I.3).",
                    f"{SIDE_EN[side]} is {num(found, 'en')} mm{where_en}, required {num(lo, 'en')} to "
                    f"{num(hi, 'en')} mm (Annex I, Part I, Section I.3)."),
                offset=section_offset(doc, sec),
                hint=Msg(f"Layout → Margins → Custom Margins: đặt {SIDE_VI[side].lower()} {num(target)} mm.",
                         f"Layout → Margins → Custom Margins: set it to {num(target, 'en')} mm."),
                ops=[set_margin(sp, side, max(0, twips(target) - extra))]))
    return out


@rule("P802", name="page-margins", severity="warning", fixable=True,
      title=Msg("Lề trang", "Page margins"))
def check(doc):
    yield from hits(doc, problems)
