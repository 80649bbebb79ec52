"""P810 — Canh lề đoạn của từng thành phần thể thức

Cái gì: đoạn của một thành phần không canh lề như Phụ lục I quy định: tên loại và trích yếu canh
giữa; nội dung (mở đầu, các đoạn, câu kết thúc) canh đều hai lề; "Nơi nhận:" và danh sách nơi nhận
sát lề trái. Trong ô bảng (phần đầu hai cột, khối chữ ký) Quốc hiệu, Tiêu ngữ, tên cơ quan, số và
ký hiệu, địa danh và ngày tháng, quyền hạn, chức vụ, họ tên người ký canh giữa trong ô; khi các
thành phần đó gõ ngoài bảng (căn bằng Tab, thụt lề) thì không kiểm tra. Canh lề do một kiểu (style)
được báo một lần cho kiểu đó.
Tại sao: vị trí các thành phần theo sơ đồ bố trí; nội dung không canh đều hai lề làm mép phải răng
cưa.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.1.b, 2.b, 3.c, 4.c, 5.b ("đặt canh giữa"),
6.e ("được canh đều cả hai lề"), 7.đ, 9.d ("sát lề trái"); Mục IV (sơ đồ bố trí).
Ví dụ sai: nội dung căn trái (Align Left); tên loại "THÔNG BÁO" căn trái.
Ví dụ đúng: nội dung Justify (Ctrl+J); "THÔNG BÁO" Center (Ctrl+E).
Cách sửa: chọn đoạn, chọn Justify hoặc Center; tốt nhất sửa ở kiểu đoạn dùng cho nội dung.
---
What: a component's paragraph is not aligned as Annex I says: title and summary centred; body
(opening, paragraphs, closing) justified; "Nơi nhận:" and the recipients at the left margin. In
table cells (two-column header, signature block) the national title, motto, bodies, number,
place and date, authority, titles and signer's name are centred in their cell; when these are
typed outside a table (positioned with tabs or indents) they are not checked. An alignment that
comes from a style is reported once for that style.
Why: the layout map places each component; body text that is not justified leaves a ragged right
edge.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.1.b, 2.b, 3.c, 4.c, 5.b, 6.e, 7.đ, 9.d;
Section IV.
Fix: select the paragraph and choose Justify or Center; better, fix the paragraph style used for
the body.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import ALIGN_EN, ALIGN_VI, Item, by_role, cap, cited, grouped, hits, where_en, where_vi
from ...layout.spec import assigned


def _norm(jc: str) -> str:
    return "both" if jc in ("both", "distribute", "thaiDistribute", "mediumKashida", "highKashida",
                            "lowKashida") else jc


def _message(spec):
    vi_cite, en_cite = cited(spec.clause)
    want_vi = " hoặc ".join(ALIGN_VI.get(a, a) for a in spec.align)
    want_en = " or ".join(ALIGN_EN.get(a, a) for a in spec.align)

    def make(jc, count, where):
        return Msg(f"{cap(spec.name_vi)} {ALIGN_VI.get(jc, jc)}{where_vi(count, where)}, yêu cầu {want_vi} "
                   f"({vi_cite}).",
                   f"{cap(spec.name_en)} is {ALIGN_EN.get(jc, jc)}{where_en(count, where)}, required {want_en} "
                   f"({en_cite}).")

    return make


def problems(doc, lay):
    out = []
    for spec, paras in by_role(assigned(doc)).values():
        if not spec.align:
            continue
        items = []
        for p in paras:
            if spec.align_in_table and not p.container.startswith("table:"):
                continue
            for wp in lay.words_of(p):
                jc = _norm(wp.props.jc.value)
                if jc in spec.align:
                    continue
                items.append(Item(p, 0, len(p.text), jc, (wp.props.jc.origin,)))
        out.extend(grouped(items, lay.sheet, _message(spec)))
    return out


@rule("P810", name="alignment", severity="warning", kinds=("thong-bao",),
      title=Msg("Canh lề đoạn của thành phần", "Paragraph alignment of a component"))
def check(doc):
    yield from hits(doc, problems)
