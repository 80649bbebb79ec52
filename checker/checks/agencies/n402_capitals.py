"""N402 — Viết hoa tên cơ quan, tổ chức, địa danh chưa đúng

Cái gì: tên cơ quan, tổ chức hoặc địa danh có chữ viết hoa khác tên chính thức: thiếu chữ hoa
("Sở Công thương" thay cho "Sở Công Thương", "Phòng Giáo dục và đào tạo", "giao phòng Kinh tế và Hạ
tầng", "xã Nậm sỏ") là cảnh báo; thừa chữ hoa ("Sở Nông nghiệp và Phát triển Nông
thôn", "Hội đồng Nhân dân tỉnh") là thông tin. Địa danh viết không kèm đơn vị hành chính ("chiến
thắng Điện Biên phủ") không chỉ một đơn vị, cơ quan nào: chữ hoa của nó là việc trình bày, mức thông
tin; tên một hệ thống thông tin đặt như tên cơ quan ("Cổng dịch vụ công quốc gia") cũng vậy. Chữ in
hoa toàn bộ (tiêu đề, tên cơ quan ở phần đầu văn bản) không bị báo.
Tại sao: Phụ lục II Nghị định 30/2020/NĐ-CP quy định cách viết hoa tên cơ quan, tổ chức (viết hoa
chữ cái đầu của các từ, cụm từ chỉ loại hình, chức năng, lĩnh vực) và tên địa lý (viết hoa chữ cái
đầu của các âm tiết tạo thành tên riêng).
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục II, Mục IV.1 (tên cơ quan, tổ chức: "Sở Tài chính", "Bộ
Tài nguyên và Môi trường") và Mục III.1 (tên địa lý: "tỉnh Nam Định", "Phường Điện Biên Phủ").
Ví dụ sai: "Sở Công thương", "Ban quản lý Khu Kinh tế", "Điện Biên phủ".
Ví dụ đúng: "Sở Công Thương", "Ban Quản lý Khu kinh tế", "Điện Biên Phủ".
Cách sửa: viết hoa đúng như tên chính thức (sửa tự động được).
---
What: the capitals of a body's name or of a place name differ from the official form: a missing
capital ("Sở Công thương" for "Sở Công Thương", "giao phòng Kinh tế và Hạ tầng", "xã Nậm sỏ")
is a warning; an extra capital ("Phát triển Nông thôn", "Hội đồng Nhân dân") is information, and
so is a slip in a place name written without its unit word ("chiến thắng Điện Biên phủ": no unit
or body is named, its capitals are typography), and in the name of an information system
("Cổng dịch vụ công quốc gia").
Names written all in capitals (headings, the issuing body) are not reported.
Why: Annex II of Decree 30/2020/NĐ-CP sets the capitals of names of bodies (the words of the kind
of body and of its functions or fields) and of places (every syllable of the proper name).
Rule: Decree 30/2020/NĐ-CP, Annex II, Sections IV.1 and III.1.
Fix: capitalise as the official name does (a safe automatic fix).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.agencies import mentions


@rule("N402", varies=(('info',), Msg('Mức thông tin khi tên viết hoa thừa chữ (vẫn nhận ra được); cảnh báo khi thiếu chữ viết hoa của tên riêng.',
                        'Info for extra capitals (the name is still recognisable); a warning for missing capitals of a proper name.')), name="name-capitals", severity="warning", fixable=True,
      title=Msg("Viết hoa tên cơ quan, địa danh", "Capitals in a name"))
def check(doc):
    for m in mentions(doc):
        if m.verdict != "case":
            continue
        words = m.under or m.over
        if m.item and not any(a in m.text for a, _ in words):
            continue  # an item of a factored list ("các bộ Công an, Xây dựng"): the head's capitals are the head's finding
        listed = ", ".join(f"\"{a}\" → \"{b}\"" for a, b in words)
        system = m.kind == "agency" and m.entries and all(e.level == "he_thong" for e in m.entries)
        what = ("tên cơ quan, tổ chức", "name of a body", "Phụ lục II, Mục IV.1", "Annex II, IV.1") \
            if m.kind == "agency" else ("địa danh", "place name", "Phụ lục II, Mục III.1", "Annex II, III.1")
        if system:
            what = ("tên hệ thống", "name of the system") + what[2:]
        if m.under:
            msg = Msg(f"Viết hoa chưa đúng {what[0]} \"{m.text}\": {listed}; viết đúng là \"{m.suggestion}\" "
                      f"(Nghị định 30/2020/NĐ-CP, {what[2]}).",
                      f"Capitals of the {what[1]} \"{m.text}\": {listed}; it is written \"{m.suggestion}\" "
                      f"(Decree 30/2020/NĐ-CP, {what[3]}).")
            severity = "info" if (m.kind == "place" and m.bare) or system else "warning"
        else:
            msg = Msg(f"Thừa chữ viết hoa trong {what[0]} \"{m.text}\": {listed}; tên chính thức viết "
                      f"\"{m.suggestion}\" (Nghị định 30/2020/NĐ-CP, {what[2]}).",
                      f"Extra capitals in the {what[1]} \"{m.text}\": {listed}; the official form is "
                      f"\"{m.suggestion}\" (Decree 30/2020/NĐ-CP, {what[3]}).")
            severity = "info"
        yield Hit(msg, para=m.para, start=m.start, end=m.end, suggestion=m.suggestion, replacement=m.suggestion,
                  severity=severity, data={"official": m.official})
