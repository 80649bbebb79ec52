"""S101 — Quốc hiệu và Tiêu ngữ

Cái gì: thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" hoặc Tiêu ngữ "Độc lập - Tự do -
Hạnh phúc", hoặc viết sai (chữ thường ở Quốc hiệu, thiếu chữ, gạch nối sai ở Tiêu ngữ).
Tại sao: Quốc hiệu và Tiêu ngữ là thành phần thể thức bắt buộc đầu tiên của mọi văn bản hành chính.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm a; Phụ lục I, Phần I, Mục II.1.
Ví dụ sai: văn bản bắt đầu bằng "THÔNG BÁO"; "Độc lập – Tự do – Hạnh phúc" (gạch ngang dài).
Ví dụ đúng:
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
Cách sửa: thêm hai dòng trên ở phía trên cùng, bên phải trang đầu; giữa các cụm từ của Tiêu ngữ
là gạch nối (-) có cách chữ.
---
What: the national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or the motto "Độc lập - Tự do -
Hạnh phúc" is missing or miswritten (lower case, missing words, wrong dashes).
Why: they are the first mandatory component of every administrative document.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(a); Annex I, Part I, Section II.1.
Fix: add both lines at the top right of the first page; the motto's phrases are joined by
spaced hyphens.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import Hit, rule
from ._place import at_start_of, header_anchor

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"


@rule("S101", varies=(('warning',), Msg('Cảnh báo khi Quốc hiệu, Tiêu ngữ có nhưng viết chưa đúng (chữ, gạch nối); lỗi khi thiếu.',
                        'A warning when the national title or motto is there but miswritten (letters, hyphens); an error when it is missing.')), name="quoc-hieu-tieu-ngu", severity="error", kinds=("thong-bao",),
      title=Msg("Quốc hiệu và Tiêu ngữ", "National title and motto"), fixable=True)
def check(doc):
    st = doc.structure
    if notice_kind(doc).kind == "party-notice":
        return  # Hướng dẫn 36-HD/VPTW has its own form (ĐẢNG CỘNG SẢN VIỆT NAM, "Số 432-TB/VPTW", "Lưu Văn phòng …")
    anchor = header_anchor(doc)
    has_qh, has_tn = st.has("quoc_hieu"), st.has("tieu_ngu")
    hint = Msg(f"Thêm \"{QH}\" và \"{TN}\" ở đầu văn bản, bên phải.",
               f"Add \"{QH}\" and \"{TN}\" at the top right of the document.")
    if not has_qh and not has_tn:
        yield at_start_of(doc, anchor, Msg("Thiếu Quốc hiệu và Tiêu ngữ ở đầu văn bản.",
                                           "The national title and the motto are missing at the top."), hint)
    elif not has_qh:
        yield at_start_of(doc, anchor, Msg(f"Thiếu Quốc hiệu \"{QH}\".", f"The national title \"{QH}\" is missing."), hint)
    elif not has_tn:
        yield at_start_of(doc, anchor, Msg(f"Thiếu Tiêu ngữ \"{TN}\" dưới Quốc hiệu.",
                                           f"The motto \"{TN}\" is missing under the national title."), hint)
    for p in doc.component("quoc_hieu"):
        text = " ".join(p.text.split())
        if text != QH:
            yield Hit(Msg(f"Quốc hiệu viết chưa đúng: \"{p.text}\"; phải là \"{QH}\" (in hoa).",
                          f"The national title is miswritten: \"{p.text}\"; it must be \"{QH}\" (capitals)."),
                      para=p, start=0, end=len(p.text), suggestion=QH, replacement=QH, severity="warning")
    for p in doc.component("tieu_ngu"):
        if p.text.strip() != TN:
            yield Hit(Msg(f"Tiêu ngữ viết chưa đúng: \"{p.text}\"; phải là \"{TN}\" (gạch nối có cách chữ).",
                          f"The motto is miswritten: \"{p.text}\"; it must be \"{TN}\" (spaced hyphens)."),
                      para=p, start=0, end=len(p.text), suggestion=TN, replacement=TN, severity="warning")
