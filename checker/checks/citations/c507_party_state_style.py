"""C507 — Ký hiệu văn bản của Đảng viết theo kiểu Nhà nước (hoặc ngược lại)

Cái gì: văn bản của tổ chức Đảng (Tỉnh ủy TU, Trung ương TW, Huyện ủy HU, Đảng ủy ĐU, Văn phòng
Trung ương VPTW …) có ký hiệu dạng "số-LOẠI/CƠ QUAN" ("03-NQ/TU"); văn bản của cơ quan nhà nước có
ký hiệu dạng "số/LOẠI-CƠ QUAN" ("68/NQ-CP"). Viết lẫn hai kiểu ("03/NQ-TU", "68-NQ/CP") là sai.
Tại sao: hai hệ thống văn bản đánh số riêng; ký hiệu lẫn kiểu làm người đọc không biết văn bản của
Đảng hay của Nhà nước, và không tra được.
Căn cứ: Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng (số và ký hiệu văn bản
của Đảng: gạch nối giữa số và chữ viết tắt tên loại, gạch chéo trước tên cơ quan); Nghị định
30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.3.b-c (văn bản nhà nước: gạch chéo giữa số và ký hiệu,
gạch nối giữa các nhóm chữ viết tắt).
Ví dụ sai: "Nghị quyết số 03/NQ-TU", "Nghị quyết số 68-NQ/CP".
Ví dụ đúng: "Nghị quyết số 03-NQ/TU", "Nghị quyết số 68/NQ-CP".
Cách sửa: viết lại theo kiểu của cơ quan ban hành (gợi ý sửa kèm theo, cần kiểm tra lại).
---
What: a Party body's document is numbered "NUMBER-TYPE/ISSUER" ("03-NQ/TU"), a State body's
"NUMBER/TYPE-ISSUER" ("68/NQ-CP"); mixing the two ("03/NQ-TU", "68-NQ/CP") is wrong.
Why: the two systems number their documents separately; a mixed symbol cannot be looked up.
Rule: Party guideline 36-HD/VPTW (03/4/2018); Decree 30/2020/NĐ-CP, Annex I, Part I, II.3.b-c.
Fix: rewrite the symbol in its issuer's style (a suggested fix, to be checked).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations, issuer_info
from ._common import data


def _kinds(codes):
    return [i.kind for i in (issuer_info(x) for x in codes) if i]


@rule("C507", name="party-state-style", severity="error",
      title=Msg("Ký hiệu văn bản Đảng/Nhà nước viết lẫn kiểu", "Party symbol in State style or the reverse"),
      fixable=True)
def check(doc):
    for c in citations(doc):
        if not c.symbol or not c.type_code or not c.issuer_codes:
            continue
        kinds = _kinds(c.issuer_codes[:1])
        if not kinds:
            continue
        num = c.number
        if c.style == "state" and kinds[0] == "party" and not c.year:
            fixed = f"{num}-{c.type_code}/{'-'.join(c.issuer_codes)}"
            msg = Msg(f"\"{c.symbol}\": {c.issuer_codes[0]} là tổ chức Đảng nhưng ký hiệu viết theo kiểu văn bản nhà nước; "
                      f"văn bản của Đảng ghi \"{fixed}\".",
                      f"\"{c.symbol}\": {c.issuer_codes[0]} is a Party body but the symbol is in State style; "
                      f"a Party document is numbered \"{fixed}\".")
        elif c.style == "party" and kinds[0] == "state":
            fixed = f"{num}/{c.type_code}-{'-'.join(c.issuer_codes)}"
            msg = Msg(f"\"{c.symbol}\": {c.issuer_codes[0]} là cơ quan nhà nước nhưng ký hiệu viết theo kiểu văn bản của "
                      f"Đảng; văn bản nhà nước ghi \"{fixed}\".",
                      f"\"{c.symbol}\": {c.issuer_codes[0]} is a State body but the symbol is in Party style; "
                      f"a State document is numbered \"{fixed}\".")
        else:
            continue
        yield Hit(msg, para=c.para, start=c.symbol_span[0], end=c.symbol_span[1], suggestion=fixed,
                  replacement=fixed, safe=False, data=data(c),
                  hint=Msg("Đối chiếu bản gốc: Đảng \"số-LOẠI/CƠ QUAN\", Nhà nước \"số/LOẠI-CƠ QUAN\".",
                           "Check the original: Party \"NUMBER-TYPE/ISSUER\", State \"NUMBER/TYPE-ISSUER\"."))
