"""P809 — Chữ in hoa, in thường của thành phần thể thức

Cái gì: tên cơ quan ban hành, tên cơ quan chủ quản, quyền hạn và chức vụ người ký không viết bằng
chữ in hoa; hoặc trích yếu, họ tên người ký viết toàn chữ in hoa (phải là chữ in thường). Chữ in
hoa do định dạng (All Caps) được tính như Word hiển thị. Chữ in hoa của Quốc hiệu, tên loại do S101,
S105 kiểm tra.
Tại sao: chữ in hoa, in thường là một phần của thể thức từng thành phần; họ tên người ký in hoa hay
trích yếu in hoa làm văn bản sai mẫu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.2.b (tên cơ quan: chữ in hoa), II.5.b
(trích yếu: chữ in thường), II.7.đ (quyền hạn, chức vụ: chữ in hoa; họ tên: chữ in thường).
Ví dụ sai: "Tl. Chủ tịch"; "PHẠM HỒNG THÁI"; trích yếu "KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH …".
Ví dụ đúng: "TL. CHỦ TỊCH"; "Phạm Hồng Thái"; "Kết luận của Chủ tịch UBND tỉnh …".
Cách sửa: gõ lại bằng chữ in hoa hoặc in thường (Shift+F3 trong Word đổi kiểu chữ). Không sửa tự
động: đổi chữ là sửa văn bản, không phải định dạng.
---
What: the issuing or parent body, or the signer's authority and title lines, are not in capitals;
or the summary line or the signer's name is all in capitals (it is written in normal case).
Capitals from formatting (All Caps) count as Word shows them. The capitals of the national title
and of the title are checked by S101 and S105.
Why: capitals or normal case are part of each component's layout; a signer's name or a summary
in capitals does not follow the template.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.2.b, II.5.b, II.7.đ.
Fix: retype in capitals or normal case (Shift+F3 in Word changes case). Not fixed automatically:
changing letters edits the text, not its formatting.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import cap, cited, text_hits
from ...layout.ops import Problem
from ...layout.spec import assigned
from ...textnorm import is_upper_text


def problems(doc, lay):
    out = []
    for spec, p in assigned(doc):
        if not spec.case:
            continue
        text = p.text.strip()
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 2:
            continue
        upper = is_upper_text(text)
        vi_cite, en_cite = cited(spec.clause)
        if spec.case == "upper" and not upper:
            out.append(Problem(Msg(f"{cap(spec.name_vi)} không viết in hoa, yêu cầu chữ in hoa ({vi_cite}).",
                                   f"{cap(spec.name_en)} is not in capitals, required capitals ({en_cite})."),
                               para=p, start=0, end=len(p.text), suggestion=text.upper()))
        elif spec.case == "lower" and upper:
            out.append(Problem(Msg(f"{cap(spec.name_vi)} viết toàn chữ in hoa, yêu cầu chữ in thường ({vi_cite}).",
                                   f"{cap(spec.name_en)} is all in capitals, required normal case ({en_cite})."),
                               para=p, start=0, end=len(p.text)))
    return out


@rule("P809", name="letter-case", severity="warning", kinds=("thong-bao",),
      title=Msg("Chữ in hoa, in thường của thành phần", "Capitals or normal case of a component"))
def check(doc):
    yield from text_hits(doc, problems)
