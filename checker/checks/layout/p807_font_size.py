"""P807 — Cỡ chữ của từng thành phần thể thức

Cái gì: cỡ chữ của một thành phần nằm ngoài khoảng Phụ lục I quy định cho nó: Quốc hiệu 12–13;
Tiêu ngữ 13–14; tên cơ quan chủ quản và cơ quan ban hành 12–13; "Số", ký hiệu 13; địa danh, ngày
tháng 13–14; tên loại, trích yếu 13–14; căn cứ 13–14; nội dung 13–14; quyền hạn, chức vụ, họ tên
người ký 13–14; "Nơi nhận:" 12; danh sách nơi nhận và dòng "- Lưu: …" 11. Thành phần là thành phần
mà bộ phân tích cấu trúc đã nhận ra; cỡ chữ được xác định theo kế thừa của Word (run → kiểu ký tự →
kiểu đoạn → mặc định).
Tại sao: cỡ chữ phân biệt các thành phần; Nơi nhận cỡ 14 như nội dung, hay Quốc hiệu cỡ 14 làm
dòng bị ngắt, là lỗi thể thức hay bị trả lại nhất.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II (1.a, 1.b, 2.b, 3.c, 4.c, 5.b, 6.a, 6.e,
7.đ, 9.d) và bảng mẫu chữ tại Mục V.
Ví dụ sai: "Nơi nhận:" cỡ 14; danh sách nơi nhận cỡ 13; Quốc hiệu cỡ 14.
Ví dụ đúng: "Nơi nhận:" cỡ 12 đậm nghiêng; "- UBND các huyện;" cỡ 11.
Cách sửa: chọn thành phần, đặt cỡ chữ trong khoảng yêu cầu. `rasoat format` đặt cỡ chữ sai về giá
trị cho phép gần nhất.
---
What: the font size of a component is outside the range Annex I sets for it: national title
12–13; motto 13–14; parent and issuing body 12–13; "Số" and symbol 13; place and date 13–14;
title and summary 13–14; legal basis 13–14; body 13–14; authority, titles and signer's name
13–14; "Nơi nhận:" 12; recipients and "- Lưu: …" 11. Components are those the structure parser
recognised; sizes are resolved through Word's inheritance.
Why: sizes set the components apart; recipients at 14 pt like the body, or a national title at
14 pt that wraps, are among the layout errors drafts are most often returned for.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II and the type table of Section V.
Fix: select the component and set a size in range. `rasoat format` sets a wrong size to the
nearest allowed value.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import (Item, by_role, cap, clamp, cited, grouped, hits, num, span_en, span_vi, visible_runs,
                              where_en, where_vi)
from ...layout.ops import set_size
from ...layout.spec import assigned


def _message(spec):
    vi_cite, en_cite = cited(spec.clause)

    def make(size, count, where):
        return Msg(f"Cỡ chữ của {spec.name_vi} là {num(size)}{where_vi(count, where)}, yêu cầu "
                   f"{span_vi(*spec.size)} ({vi_cite}).",
                   f"{cap(spec.name_en)} is {num(size, 'en')} pt{where_en(count, where)}, required "
                   f"{span_en(*spec.size)} pt ({en_cite}).")

    return make


def problems(doc, lay):
    out = []
    for spec, paras in by_role(assigned(doc)).values():
        lo, hi = spec.size
        items = []
        for p, run in visible_runs(lay, paras):
            size = run.props.size.value / 2
            if not lo <= size <= hi:
                target = int(round(clamp(size, lo, hi) * 2))
                items.append(Item(p, run.start, run.end, size, (run.props.size.origin,), [set_size(run.el, target)]))
        out.extend(grouped(items, lay.sheet, _message(spec)))
    return out


@rule("P807", name="font-size", severity="warning", kinds=("thong-bao",), fixable=True,
      title=Msg("Cỡ chữ của thành phần", "Font size of a component"))
def check(doc):
    yield from hits(doc, problems)
