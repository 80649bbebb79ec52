"""P814 — Dấu cuối dòng căn cứ

Cái gì: một dòng căn cứ (trừ dòng cuối) không kết thúc bằng dấu chấm phẩy (;), hoặc dòng căn cứ
cuối cùng không kết thúc bằng dấu chấm (.). Kiểu chữ nghiêng, cỡ chữ của căn cứ do P808, P807 kiểm
tra. Quy tắc chạy trên tệp .docx (cùng nhóm trình bày); với .txt, .md các quy tắc trình bày không
chạy.
Tại sao: mỗi căn cứ là một dòng riêng; dấu cuối dòng cho biết danh sách căn cứ còn tiếp hay đã hết.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.a ("sau mỗi căn cứ phải xuống dòng,
cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc bằng dấu chấm (.)").
Ví dụ sai: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015," … "Căn cứ …;"
(dòng cuối).
Ví dụ đúng: "Căn cứ Luật …;" … "Căn cứ Quyết định số …."
Cách sửa: sửa dấu cuối dòng (sửa tự động được bằng --fix; `rasoat format` không sửa chữ).
---
What: a legal basis line (căn cứ) other than the last does not end with a semicolon (;), or the
last one does not end with a full stop (.). Their italics and size are checked by P808 and P807.
The rule runs on .docx files (with the other layout rules); on .txt and .md layout is not
checked.
Why: each basis is a line of its own; the final mark says whether the list goes on.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.a.
Fix: correct the final mark (a safe fix with --fix; `rasoat format` never changes text).
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import ending_fix, ending_words, text_hits
from ...layout.ops import Problem

CITE_VI = "(Phụ lục I, Phần I, Mục II.6.a)"
CITE_EN = "(Annex I, Part I, Section II.6.a)"


def problems(doc, lay):
    out = []
    lines = [p for p in doc.component("can_cu") if not p.footnote]
    for n, p in enumerate(lines):
        last = n == len(lines) - 1
        want = "." if last else ";"
        fix = ending_fix(p.text, want)
        if fix is None:
            continue
        i, j, rep = fix
        q_vi, q_en = ending_words(p.text[i:j])
        want_vi = "dấu chấm (.)" if last else "dấu chấm phẩy (;)"
        want_en = "a full stop (.)" if last else "a semicolon (;)"
        msg = Msg(f"Cuối dòng căn cứ{' cuối cùng' if last else ''} là {q_vi}, yêu cầu {want_vi} {CITE_VI}.",
                  f"The {'last ' if last else ''}legal basis line ends with {q_en}, required {want_en} {CITE_EN}.")
        out.append(Problem(msg, para=p, start=i, end=j, suggestion=rep, replacement=rep))
    return out


@rule("P814", name="can-cu-punctuation", severity="warning", kinds=("thong-bao",), fixable=True,
      title=Msg("Dấu cuối dòng căn cứ", "End marks of the legal basis lines"))
def check(doc):
    yield from text_hits(doc, problems)
