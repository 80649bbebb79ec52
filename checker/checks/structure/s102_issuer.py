"""S102 — Tên cơ quan ban hành

Cái gì: thiếu tên cơ quan, tổ chức ban hành văn bản ở phần đầu (bên trái, trên số và ký hiệu),
hoặc một cơ quan cấp dưới (Sở, Phòng, Văn phòng UBND, Ban) ghi tên mình mà không có tên cơ quan
chủ quản trực tiếp phía trên.
Tại sao: người nhận phải biết ai ban hành thông báo; với cơ quan chuyên môn, tên cơ quan chủ
quản (UBND tỉnh, UBND huyện) đứng trên tên cơ quan ban hành.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm b; Phụ lục I, Phần I, Mục II.2.
Ví dụ sai: văn bản không có dòng "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"; hoặc chỉ có "VĂN PHÒNG".
Ví dụ đúng:
    ỦY BAN NHÂN DÂN                       UBND TỈNH LÀO CAI
    TỈNH LAI CHÂU                          VĂN PHÒNG
Cách sửa: thêm tên cơ quan ban hành (chữ in hoa, đậm) và tên cơ quan chủ quản (nếu có) phía trên.
---
What: the issuing body is missing from the header (top left, above the number), or a
subordinate body (department, office) names itself without its parent body above it.
Why: the reader must know who issues the notice; for a department the parent (provincial or
district People's Committee) stands above its name.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(b); Annex I, Part I, Section II.2.
Fix: add the issuing body (capitals, bold) and its parent body above it.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...engine import Hit, rule
from ._place import at_start_of, header_anchor

SUBORDINATE = re.compile(r"^(?:SỞ|PHÒNG|BAN|CHI\s+CỤC|TRUNG\s+TÂM|VĂN\s+PHÒNG(?!\s+CHÍNH\s+PHỦ|\s+QUỐC\s+HỘI|\s+CHỦ\s+TỊCH))\b")


@rule("S102", varies=(('warning',), Msg('Cảnh báo khi cơ quan cấp dưới thiếu tên cơ quan chủ quản ở dòng trên; lỗi khi thiếu tên cơ quan ban hành.',
                        'A warning when a subordinate body lacks its parent body above it; an error when the issuing body is missing.')), name="issuing-body", severity="error", kinds=("thong-bao",),
      title=Msg("Tên cơ quan ban hành", "Issuing body"))
def check(doc):
    issuers = doc.component("issuer")
    if not issuers:
        yield at_start_of(
            doc, header_anchor(doc),
            Msg("Thiếu tên cơ quan ban hành văn bản ở phần đầu (bên trái, trên dòng \"Số:\").",
                "The issuing body is missing from the header (top left, above \"Số:\")."),
            Msg("Thêm tên cơ quan ban hành bằng chữ in hoa, đậm; tên cơ quan chủ quản (nếu có) ở dòng trên.",
                "Add the issuing body in bold capitals, with its parent body (if any) on the line above."))
        return
    if len(issuers) == 1 and SUBORDINATE.match(issuers[0].text):
        p = issuers[0]
        yield Hit(Msg(f"\"{p.text}\" là cơ quan cấp dưới nhưng thiếu tên cơ quan chủ quản trực tiếp ở dòng trên.",
                      f"\"{p.text}\" is a subordinate body but its parent body is missing on the line above."),
                  para=p, start=0, end=len(p.text), severity="warning",
                  hint=Msg("Thêm tên cơ quan chủ quản (ví dụ \"UBND TỈNH LÀO CAI\") phía trên.",
                           "Add the parent body (e.g. \"UBND TỈNH LÀO CAI\") above it."))
