"""S103 — Số, ký hiệu của văn bản

Cái gì: thiếu dòng "Số: …/TB-…"; hoặc dòng đó sai: thiếu dấu hai chấm sau "Số", số không viết
bằng chữ số Ả Rập hay số nhỏ hơn 10 thiếu số 0 phía trước, ký hiệu có khoảng trắng hoặc chữ
thường, chữ viết tắt tên loại không phải TB, thiếu chữ viết tắt tên cơ quan ban hành. Số để trống
("Số: /TB-UBND") được chấp nhận ở dự thảo (--stage draft), là lỗi khi văn bản đã ban hành
(--stage issued).
Tại sao: số và ký hiệu là định danh của văn bản, dùng để đăng ký, tra cứu và viện dẫn.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm c; Phụ lục I, Phần I, Mục II.3;
Phụ lục III, Mục I (chữ viết tắt "TB" của Thông báo).
Ví dụ sai: "Số 5/TB - UBND", "Số: 12/QĐ-UBND" (trên một thông báo), "Số: 12/TB".
Ví dụ đúng: "Số: 05/TB-UBND", "Số: 623/TB-VPCP".
Cách sửa: viết "Số:" rồi số, dấu "/", "TB", dấu "-" và chữ viết tắt tên cơ quan, không cách chữ.
---
What: the line "Số: …/TB-…" is missing, or wrong: no colon after "Số", a number not in Arabic
digits or below 10 without a leading zero, spaces or lower case in the symbol, a type code other
than TB, no issuing-body code. A blank number ("Số: /TB-UBND") is accepted in a draft (--stage
draft) and an error once issued (--stage issued).
Why: number and symbol identify the document for registration, retrieval and citation.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(c); Annex I, Part I, Section II.3; Annex III, Section I.
Fix: write "Số:", the number, "/", "TB", "-" and the body's code, without spaces.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import Hit, rule
from ...extract.header import parse_so
from ._place import at_start_of, header_anchor

SYMBOL_OK = re.compile(r"^[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&.]+)+$")


@rule("S103", varies=(('warning',), Msg('Cảnh báo cho lỗi cách viết (thiếu dấu hai chấm sau "Số", thiếu số 0 trước số nhỏ hơn 10); lỗi khi thiếu hoặc sai số, ký hiệu.',
                        'A warning for the way it is written (no colon after "Số", no leading zero below 10); an error when the number-symbol is missing or wrong.')), name="so-ky-hieu", severity="error", kinds=("thong-bao",),
      title=Msg("Số, ký hiệu của văn bản", "Number and symbol"), fixable=True)
def check(doc):
    if notice_kind(doc).kind == "party-notice":
        return  # Hướng dẫn 36-HD/VPTW has its own form (ĐẢNG CỘNG SẢN VIỆT NAM, "Số 432-TB/VPTW", "Lưu Văn phòng …")
    sos = doc.component("so_ky_hieu")
    if not sos:
        yield at_start_of(doc, header_anchor(doc),
                          Msg("Thiếu số, ký hiệu của văn bản (dòng \"Số: …/TB-…\").",
                              "The number and symbol (line \"Số: …/TB-…\") are missing."),
                          Msg("Thêm dòng \"Số:   /TB-…\" dưới tên cơ quan ban hành.",
                              "Add the line \"Số:   /TB-…\" under the issuing body."))
        return
    p = sos[0]
    if not p.text.strip()[3:].strip(" :.") and len(sos) > 1:
        return  # "Số:" / "37698/TB-CHQ": the value cut onto the next line by the extraction; not judged
    ns = parse_so(p.text)
    if ns is None:
        return
    if not ns.colon:
        yield Hit(Msg("Sau từ \"Số\" phải có dấu hai chấm (:).", "\"Số\" must be followed by a colon (:)."),
                  para=p, start=0, end=2, suggestion="Số:", replacement="Số:", severity="warning")
    num = ns.number
    if not num:
        if doc.options.stage == "issued":
            yield Hit(Msg("Số văn bản để trống: văn bản ban hành phải có số.",
                          "The number is blank: an issued document must have its number."),
                      para=p, start=0, end=len(p.text),
                      hint=Msg("Lấy số tại Văn thư khi đăng ký văn bản đi.", "Take the number from the registry."))
    elif not num.isdigit():
        yield Hit(Msg(f"Số văn bản \"{num}\" phải ghi bằng chữ số Ả Rập.", f"The number \"{num}\" must be in Arabic digits."),
                  para=p, start=ns.number_start, end=ns.number_start + len(num))
    elif int(num) < 10 and not num.startswith("0"):
        fixed = num.zfill(2)
        yield Hit(Msg(f"Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: \"{fixed}\".",
                      f"A number below 10 takes a leading zero: \"{fixed}\"."),
                  para=p, start=ns.number_start, end=ns.number_start + len(num), suggestion=fixed,
                  replacement=fixed, severity="warning")
    sym = ns.symbol
    s0, s1 = ns.symbol_start, ns.symbol_start + len(sym)
    if not sym:
        yield Hit(Msg("Thiếu ký hiệu văn bản sau dấu \"/\" (ví dụ \"TB-UBND\").",
                      "The symbol after \"/\" is missing (e.g. \"TB-UBND\")."), para=p, start=0, end=len(p.text))
        return
    compact = re.sub(r"\s+", "", sym)
    if compact != sym:
        yield Hit(Msg(f"Ký hiệu \"{sym}\" có khoảng trắng; viết liền: \"{compact}\".",
                      f"The symbol \"{sym}\" contains spaces; write \"{compact}\"."),
                  para=p, start=s0, end=s1, suggestion=compact, replacement=compact)
    if compact.upper() != compact:
        yield Hit(Msg(f"Ký hiệu văn bản phải viết in hoa: \"{compact.upper()}\".",
                      f"The symbol must be in capitals: \"{compact.upper()}\"."),
                  para=p, start=s0, end=s1, suggestion=compact.upper(), replacement=compact.upper())
    parts = compact.upper().split("-")
    if parts[0] != "TB":
        yield Hit(Msg(f"Chữ viết tắt tên loại trong ký hiệu là \"{parts[0]}\"; của Thông báo phải là \"TB\".",
                      f"The type code in the symbol is \"{parts[0]}\"; a notice's is \"TB\"."),
                  para=p, start=s0, end=s1)
    if len(parts) < 2 or not all(parts[1:]):
        yield Hit(Msg(f"Ký hiệu \"{sym}\" thiếu chữ viết tắt tên cơ quan ban hành (ví dụ \"TB-UBND\").",
                      f"The symbol \"{sym}\" lacks the issuing body's code (e.g. \"TB-UBND\")."),
                  para=p, start=s0, end=s1)
