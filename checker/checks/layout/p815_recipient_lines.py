"""P815 — Dòng nơi nhận: gạch đầu dòng và dấu chấm phẩy

Cái gì: một dòng trong danh sách nơi nhận không bắt đầu bằng gạch đầu dòng (-) hoặc không kết
thúc bằng dấu chấm phẩy (;). Dòng cuối "- Lưu: VT, …" cũng phải có gạch đầu dòng; dấu chấm cuối
dòng Lưu do S109 kiểm tra. Gạch đầu dòng của danh sách tự động (bullet) được tính là "-". Quy tắc
chạy trên tệp .docx (cùng nhóm trình bày).
Tại sao: mỗi nơi nhận là một dòng riêng; gạch đầu dòng sát lề trái và dấu chấm phẩy cuối dòng là
thể thức của ô 9b.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.9.d ("đầu dòng có gạch đầu dòng (-) sát
lề trái, cuối dòng có dấu chấm phẩy (;)").
Ví dụ sai: "TT. HĐND tỉnh;" (thiếu gạch đầu dòng); "- UBND các huyện," (dấu phẩy); "• Sở Tài chính;".
Ví dụ đúng: "- TT. HĐND tỉnh;", "- UBND các huyện;", "- Lưu: VT, TH."
Cách sửa: sửa đầu và cuối dòng (sửa tự động được bằng --fix; `rasoat format` không sửa chữ).
---
What: a line of the recipients list does not start with a dash (-) or does not end with a
semicolon (;). The last line "- Lưu: VT, …" also starts with a dash; its final full stop is
checked by S109. The bullet of an automatic list counts as "-". The rule runs on .docx files
(with the other layout rules).
Why: each recipient is a line of its own; the dash at the left margin and the semicolon are the
layout of cell 9b.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.9.d.
Fix: correct the start and end of the line (a safe fix with --fix; `rasoat format` never changes
text).
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import ending_fix, ending_words, text_hits
from ...layout.ops import Problem

CITE_VI = "(Phụ lục I, Phần I, Mục II.9.d)"
CITE_EN = "(Annex I, Part I, Section II.9.d)"
OTHER_DASHES = "–—•+*·▪►"


def problems(doc, lay):
    out = []
    st = doc.structure
    rows = sorted([(i, "recipient") for i in st.components.get("recipient", [])]
                  + [(i, "luu") for i in st.components.get("luu", [])])
    for idx, kind in rows:
        p = doc.paragraphs[idx]
        text = p.text
        lead = len(text) - len(text.lstrip())
        in_label = bool(p.label) and lead < len(p.label)  # an automatic bullet: not text that can be edited
        if text[lead:lead + 1] != "-":
            first = text[lead:lead + 1]
            if first and first in OTHER_DASHES:
                out.append(Problem(Msg(f"Dòng nơi nhận bắt đầu bằng \"{first}\", yêu cầu gạch đầu dòng (-) {CITE_VI}.",
                                       f"The recipient line starts with \"{first}\", required a dash (-) {CITE_EN}."),
                                   para=p, start=lead, end=lead + 1, suggestion="-",
                                   replacement=None if in_label else "-"))
            else:
                out.append(Problem(Msg(f"Dòng nơi nhận không có gạch đầu dòng, yêu cầu bắt đầu bằng \"- \" {CITE_VI}.",
                                       f"The recipient line has no leading dash, required to start with \"- \" "
                                       f"{CITE_EN}."),
                                   para=p, start=lead, end=lead, suggestion="- ", replacement="- "))
        if kind == "luu":
            continue
        fix = ending_fix(text, ";")
        if fix is None:
            continue
        i, j, rep = fix
        q_vi, q_en = ending_words(text[i:j])
        out.append(Problem(Msg(f"Cuối dòng nơi nhận là {q_vi}, yêu cầu dấu chấm phẩy (;) {CITE_VI}.",
                               f"The recipient line ends with {q_en}, required a semicolon (;) {CITE_EN}."),
                           para=p, start=i, end=j, suggestion=rep, replacement=rep))
    return out


@rule("P815", name="recipient-lines", severity="warning", kinds=("thong-bao",), fixable=True,
      title=Msg("Dòng nơi nhận: gạch đầu dòng, dấu chấm phẩy", "Recipient lines: dash and semicolon"))
def check(doc):
    yield from text_hits(doc, problems)
