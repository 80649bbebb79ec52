"""P808 — Kiểu chữ (đậm, nghiêng) của từng thành phần thể thức

Cái gì: một thành phần không có kiểu chữ Phụ lục I quy định: Quốc hiệu, Tiêu ngữ, tên cơ quan ban
hành, tên loại, trích yếu, quyền hạn và chức vụ người ký, họ tên người ký phải in đậm, chữ đứng;
tên cơ quan chủ quản, "Số", ký hiệu chữ đứng, không đậm; địa danh và ngày tháng, căn cứ in nghiêng;
"Nơi nhận:" đậm và nghiêng; danh sách nơi nhận chữ đứng, không đậm. Đậm, nghiêng được xác định theo
kế thừa của Word (kể cả kiểu bật/tắt của kiểu đoạn và kiểu ký tự). Phần nội dung không bị kiểm tra
(tiêu đề mục in đậm là bình thường).
Tại sao: kiểu chữ phân biệt các thành phần thể thức; địa danh, ngày tháng không nghiêng hay Nơi
nhận không đậm nghiêng là lỗi thể thức thường gặp.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II (1.a, 1.b, 2.b, 3.c, 4.c, 5.b, 6.a, 7.đ,
9.d) và bảng mẫu chữ tại Mục V.
Ví dụ sai: "Lai Châu, ngày 05 tháng 9 năm 2021" chữ đứng; "Nơi nhận:" không đậm; tên cơ quan chủ
quản "UBND TỈNH LAI CHÂU" in đậm.
Ví dụ đúng: "Lai Châu, ngày 05 tháng 9 năm 2021" nghiêng; "Nơi nhận:" đậm nghiêng.
Cách sửa: chọn thành phần, bật hoặc tắt Bold (Ctrl+B), Italic (Ctrl+I). `rasoat format` sửa tự
động trên các run của thành phần.
---
What: a component lacks the type style Annex I sets: national title, motto, issuing body, title,
summary, authority and titles, signer's name bold and upright; parent body, "Số" and symbol
upright, not bold; place and date, legal basis italic; "Nơi nhận:" bold italic; recipients
upright, not bold. Bold and italic are resolved through Word's inheritance (toggling between
paragraph and character styles included). The body is not checked (bold headings are normal).
Why: type styles set the components apart; an upright date line or a plain "Nơi nhận" are common
layout errors.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II and the type table of Section V.
Fix: select the component and toggle Bold (Ctrl+B) or Italic (Ctrl+I). `rasoat format` sets it
on the component's runs.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, by_role, cap, cited, grouped, hits, visible_runs, where_en, where_vi
from ...layout.ops import set_toggle
from ...layout.spec import assigned

WORDS = {  # (property, required) → (found, required) in Vietnamese and English
    ("b", True): ("không in đậm", "chữ đậm", "not bold", "bold"),
    ("b", False): ("in đậm", "chữ không đậm", "bold", "not bold"),
    ("i", True): ("không in nghiêng", "chữ nghiêng", "not italic", "italic"),
    ("i", False): ("in nghiêng", "kiểu chữ đứng", "italic", "upright"),
}


def _message(spec, tag, want):
    vi_cite, en_cite = cited(spec.clause)
    found_vi, req_vi, found_en, req_en = WORDS[(tag, want)]

    def make(_found, count, where):
        return Msg(f"{cap(spec.name_vi)} {found_vi}{where_vi(count, where)}, yêu cầu {req_vi} ({vi_cite}).",
                   f"{cap(spec.name_en)} is {found_en}{where_en(count, where)}, required {req_en} ({en_cite}).")

    return make


def problems(doc, lay):
    out = []
    for spec, paras in by_role(assigned(doc)).values():
        for tag, want in (("b", spec.bold), ("i", spec.italic)):
            if want is None:
                continue
            items = []
            for p, run in visible_runs(lay, paras):
                val = run.props.bold if tag == "b" else run.props.italic
                if bool(val.value) != want:
                    items.append(Item(p, run.start, run.end, bool(val.value), (val.origin,),
                                      [set_toggle(run.el, tag, want)]))
            out.extend(grouped(items, lay.sheet, _message(spec, tag, want)))
    return out


@rule("P808", name="bold-italic", severity="warning", kinds=("thong-bao",), fixable=True,
      title=Msg("Kiểu chữ đậm, nghiêng của thành phần", "Bold and italic of a component"))
def check(doc):
    yield from hits(doc, problems)
