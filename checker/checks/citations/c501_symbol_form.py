"""C501 — Số, ký hiệu văn bản viết sai hình thức

Cái gì: số, ký hiệu của văn bản được viện dẫn viết sai hình thức: có dấu cách bên trong
("66- NQ/TW", "4834 /TTr-SXD", "QĐ- UBND"), chữ viết tắt sai hoa/thường ("TTG", "qđ-ubnd"),
thiếu dấu Đ ("ND-CP"), sai dấu phân cách ("NQ/HĐND", "CTTg" thiếu gạch nối), lẫn chữ Kirin giống
chữ Latinh ("BТС"), hoặc thiếu phần chữ viết tắt tên cơ quan ban hành ("01/NQLT").
Tại sao: số, ký hiệu là "địa chỉ" của văn bản; viết sai thì không tra cứu được, hoặc trỏ sang văn
bản khác.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.3.b-c (ký hiệu gồm chữ viết tắt tên
loại và tên cơ quan ban hành; giữa số và ký hiệu có dấu "/", giữa các nhóm chữ viết tắt có dấu
"-", không cách chữ; ký hiệu viết chữ in hoa); Nghị định 34/2016/NĐ-CP, Điều 58 (văn bản quy phạm
pháp luật: số/năm/loại-cơ quan, viết liền); Hướng dẫn 36-HD/VPTW (văn bản của Đảng: số-LOẠI/CƠ QUAN).
Ví dụ sai: "Kết luận số 132- KL/TW", "Tờ trình số 4834 /TTr-SXD", "Chỉ thị 27/CT-TTG",
"Nghị quyết liên tịch số 01/NQLT".
Ví dụ đúng: "Kết luận số 132-KL/TW", "Tờ trình số 4834/TTr-SXD", "Chỉ thị số 27/CT-TTg".
Cách sửa: viết liền, đúng dấu và đúng chữ viết tắt (sửa tự động được khi chỉ là dấu cách, hoa/thường
hoặc chữ lạ); thêm chữ viết tắt tên cơ quan ban hành khi thiếu.
---
What: the number and symbol of a cited document is malformed: spaces inside ("66- NQ/TW",
"4834 /TTr-SXD"), wrong case ("TTG", "qđ-ubnd"), Đ written as D ("ND-CP"), wrong separators
("NQ/HĐND", "CTTg" with no hyphen), Cyrillic look-alike letters ("BТС"), or no issuer part
("01/NQLT").
Why: the symbol is the document's address; a malformed one cannot be looked up or points to
another document.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.3.b-c; Decree 34/2016/NĐ-CP, Article 58 (normative
documents: number/year/TYPE-ISSUER, no spaces); Party guideline 36-HD/VPTW (NUMBER-TYPE/ISSUER).
Fix: write it without spaces, with the right separators and abbreviations (a safe automatic fix
for spaces, case and look-alike letters); add the issuer's abbreviation when it is missing.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations
from ._common import data

WHAT = {
    "space": ("có dấu cách bên trong", "has spaces inside"),
    "case": ("chữ viết tắt sai hoa/thường", "has an abbreviation in the wrong case"),
    "spelling": ("chữ viết tắt thiếu dấu (Đ viết thành D)", "has Đ written as D"),
    "separator": ("sai dấu phân cách (giữa số và ký hiệu là \"/\", giữa các nhóm chữ viết tắt là \"-\")",
                  "has a wrong separator (\"/\" after the number, \"-\" between abbreviations)"),
    "joined": ("thiếu dấu gạch nối giữa chữ viết tắt tên loại và tên cơ quan",
               "lacks the hyphen between the type and the issuer abbreviations"),
    "script": ("có chữ Kirin/Hy Lạp trông giống chữ Latinh", "contains Cyrillic/Greek look-alike letters"),
    "no-issuer": ("thiếu chữ viết tắt tên cơ quan ban hành", "lacks the issuer's abbreviation"),
}
SAFE = {"space", "case", "script", "spelling"}


@rule("C501", varies=(('warning',), Msg('Cảnh báo khi ký hiệu của văn bản liên tịch thiếu chữ viết tắt cơ quan sau loại văn bản (có thể do cách viết của cơ quan ban hành); lỗi khi ký hiệu sai dạng.',
                        "A warning when a joint document's symbol lacks the bodies' abbreviation after its type (it may be the issuer's own style); an error when the symbol is malformed.")), name="symbol-form", severity="error",
      title=Msg("Số, ký hiệu văn bản viết sai hình thức", "Malformed document number and symbol"), fixable=True)
def check(doc):
    for c in citations(doc):
        # look-alike letters of another script are E908's (one finding per problem)
        problems = [p for p in c.problems if p.kind != "script"]
        if not problems:
            continue
        kinds = []
        for p in problems:
            if p.kind not in kinds:
                kinds.append(p.kind)
        vi = "; ".join(WHAT[k][0] for k in kinds)
        en = "; ".join(WHAT[k][1] for k in kinds)
        fixed = c.clean_symbol()
        s0, s1 = c.symbol_span
        if kinds == ["no-issuer"]:
            yield Hit(Msg(f"Ký hiệu \"{c.symbol}\" {vi}: sau \"{c.type_code}\" phải có gạch nối và chữ viết tắt "
                          "tên cơ quan ban hành (ví dụ \"01/NQLT-HĐND-UBND\").",
                          f"The symbol \"{c.symbol}\" {en}: \"{c.type_code}\" must be followed by a hyphen and the "
                          "issuing body's abbreviation (e.g. \"01/NQLT-HĐND-UBND\")."),
                      para=c.para, start=s0, end=s1, severity="warning", data=data(c),
                      hint=Msg("Tra số, ký hiệu đầy đủ trên bản gốc của văn bản và ghi lại.",
                               "Copy the full number and symbol from the original document."))
            continue
        safe = set(kinds) <= SAFE
        yield Hit(Msg(f"Số, ký hiệu \"{c.symbol}\" {vi}; viết đúng: \"{fixed}\".",
                      f"The number and symbol \"{c.symbol}\" {en}; write \"{fixed}\"."),
                  para=c.para, start=s0, end=s1, suggestion=fixed, replacement=fixed, safe=safe, data=data(c),
                  hint=Msg("Số, ký hiệu viết liền, không cách chữ; chữ viết tắt viết đúng như trên bản gốc.",
                           "Write the number and symbol without spaces, abbreviations as on the original."))
