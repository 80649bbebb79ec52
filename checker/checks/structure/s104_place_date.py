"""S104 — Địa danh và thời gian ban hành

Cái gì: thiếu dòng địa danh, ngày tháng năm ("Lai Châu, ngày 05 tháng 9 năm 2021"); hoặc dòng đó
sai: thiếu địa danh, ngày tháng không viết bằng chữ số Ả Rập, ngày không có thật (31 tháng 9),
chữ cái đầu của địa danh không viết hoa. Ngày, tháng để trống được chấp nhận ở dự thảo (--stage
draft), là lỗi khi văn bản đã ban hành (--stage issued). Số 0 phía trước ngày nhỏ hơn 10 và
tháng 1, 2 do quy tắc F604 kiểm tra.
Tại sao: thời gian ban hành xác định hiệu lực và thứ tự văn bản; địa danh là tên chính thức của
đơn vị hành chính nơi cơ quan đóng trụ sở.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm d; Phụ lục I, Phần I, Mục II.4.
Ví dụ sai: "Lai Châu, ngày 31 tháng 9 năm 2021"; ", ngày 05 tháng 9 năm 2021"; "lào Cai, ngày …".
Ví dụ đúng: "Lai Châu, ngày 05 tháng 9 năm 2021"; "Hà Nội, ngày 15 tháng 01 năm 2025".
Cách sửa: viết đủ địa danh, ngày, tháng, năm bằng chữ số Ả Rập.
---
What: the place-and-date line ("Lai Châu, ngày 05 tháng 9 năm 2021") is missing or wrong: no
place, a date not in Arabic digits, an impossible date (31 September), a place not capitalised.
A blank day or month is accepted in a draft and an error once issued. The leading zero of a day
below 10 and of months 1 and 2 is checked by F604.
Why: the date of issue fixes the document's effect and order; the place is the official name of
the administrative unit where the body sits.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(d); Annex I, Part I, Section II.4.
Fix: write place, day, month and year in full in Arabic digits.
"""
import datetime as dt

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.header import parse_place_date
from ._place import at_start_of, header_anchor


@rule("S104", varies=(('warning',), Msg('Cảnh báo khi địa danh chưa viết hoa chữ cái đầu; lỗi khi thiếu hoặc sai địa danh, ngày tháng.',
                        'A warning when the place name is not capitalised; an error when the place or date is missing or wrong.')), name="place-date", severity="error", kinds=("thong-bao",),
      title=Msg("Địa danh và thời gian ban hành", "Place and date of issue"), fixable=True)
def check(doc):
    pds = doc.component("place_date")
    if not pds:
        yield at_start_of(doc, header_anchor(doc),
                          Msg("Thiếu địa danh và thời gian ban hành (dòng \"…, ngày … tháng … năm …\").",
                              "The place and date line (\"…, ngày … tháng … năm …\") is missing."),
                          Msg("Thêm dòng \"<Địa danh>, ngày … tháng … năm …\" dưới Tiêu ngữ.",
                              "Add \"<Place>, ngày … tháng … năm …\" under the motto."))
        return
    p = pds[0]
    pd = parse_place_date(p.text)
    if pd is None:
        return
    sp = pd.spans
    if not pd.place:
        yield Hit(Msg("Thiếu địa danh trước ngày tháng.", "The place name before the date is missing."),
                  para=p, start=0, end=len(p.text))
    elif any(w[:1].islower() for w in pd.place.split() if w[:1].isalpha()):
        fixed = " ".join(w[:1].upper() + w[1:] for w in pd.place.split())
        yield Hit(Msg(f"Chữ cái đầu của địa danh phải viết hoa: \"{fixed}\".",
                      f"Each word of the place name is capitalised: \"{fixed}\"."),
                  para=p, start=sp["place"][0], end=sp["place"][1], suggestion=fixed, replacement=fixed,
                  severity="warning")
    blanks = [name for name, val in (("ngày", pd.day), ("tháng", pd.month), ("năm", pd.year)) if not val]
    if blanks:
        if doc.options.stage == "issued":
            what = ", ".join(blanks)
            yield Hit(Msg(f"Thời gian ban hành còn để trống ({what}): văn bản ban hành phải ghi đầy đủ ngày, tháng, năm.",
                          f"The date of issue is blank ({what}): an issued document gives day, month and year."),
                      para=p, start=0, end=len(p.text))
        return
    if not (pd.day.isdigit() and pd.month.isdigit() and pd.year.isdigit()):
        yield Hit(Msg("Ngày, tháng, năm phải ghi bằng chữ số Ả Rập.", "Day, month and year are written in Arabic digits."),
                  para=p, start=0, end=len(p.text))
        return
    d, m, y = int(pd.day), int(pd.month), int(pd.year)
    try:
        dt.date(y, m, d)
    except ValueError:
        yield Hit(Msg(f"Ngày ban hành không có thật: ngày {pd.day} tháng {pd.month} năm {pd.year}.",
                      f"The date of issue does not exist: {pd.day}/{pd.month}/{pd.year}."),
                  para=p, start=sp["day"][0], end=sp["year"][1])
        return
