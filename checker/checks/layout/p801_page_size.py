"""P801 — Khổ giấy A4, trình bày theo chiều dài

Cái gì: trang của tệp .docx không phải khổ A4 (210 × 297 mm), hoặc trang nằm ngang trong khi nội
dung không phải là bảng, biểu. Mỗi phần (section) của văn bản được kiểm tra riêng.
Tại sao: văn bản hành chính in trên khổ A4, theo chiều dài; khổ Letter (216 × 279 mm) mặc định của
Word bản tiếng Anh làm lệch lề và ngắt trang khi in.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.1 (khổ A4) và Mục I.2 (theo chiều dài
khổ A4; được trình bày theo chiều rộng khi nội dung có bảng, biểu không làm thành phụ lục riêng).
Ví dụ sai: Page Setup → Paper size: Letter; Orientation: Landscape cho một thông báo chỉ có chữ.
Ví dụ đúng: Paper size: A4 (21 cm × 29,7 cm), Orientation: Portrait.
Cách sửa: Layout → Size → A4; Orientation → Portrait. `rasoat format` sửa tự động.
---
What: a page of the .docx is not A4 (210 × 297 mm), or it is landscape while its content is not a
table. Each section of the document is checked.
Why: administrative documents are printed on A4, portrait; Letter (216 × 279 mm), the default of
English Word, shifts margins and page breaks when printed.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.1 (A4) and I.2 (portrait; landscape is
allowed where the content has tables not made into separate annexes).
Fix: Layout → Size → A4; Orientation → Portrait. `rasoat format` fixes it.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import hits, num, section_offset
from ...layout.ooxml import mm, to_int, w
from ...layout.ops import Problem, set_page
from ...layout.package import table_shape

A4_W, A4_H = 11906, 16838  # twips, as Word writes A4
TOLERANCE_MM = 1.0


def data_table(tbl) -> bool:
    """A table of data (not a two-column layout table for the header or the signature)."""
    rows, cols = table_shape(tbl)
    return cols >= 3 or rows >= 4


def problems(doc, lay):
    out = []
    for sec in lay.pkg.sections:
        sp = sec.sect_pr
        pg = sp.find(w("pgSz")) if sp is not None else None
        wid = to_int(pg.get(w("w"))) if pg is not None else None
        hei = to_int(pg.get(w("h"))) if pg is not None else None
        off = section_offset(doc, sec)
        table_ok = any(data_table(t) for t in sec.tables)
        landscape = pg is not None and (pg.get(w("orient")) == "landscape" or (wid and hei and wid > hei))
        keep_landscape = bool(landscape and table_ok)
        fix = [set_page(sp, A4_H, A4_W, "landscape") if keep_landscape else set_page(sp, A4_W, A4_H, None)] \
            if sp is not None else []
        where_vi = f"phần {sec.index + 1} của văn bản" if len(lay.pkg.sections) > 1 else "văn bản"
        where_en = f"section {sec.index + 1}" if len(lay.pkg.sections) > 1 else "the document"
        if not wid or not hei:
            out.append(Problem(Msg(f"Khổ giấy của {where_vi} không được khai báo (Word sẽ dùng khổ mặc định của máy), "
                                   "yêu cầu A4 210 × 297 mm (Phụ lục I, Phần I, Mục I.1).",
                                   f"The paper size of {where_en} is not set (Word uses the machine's default), "
                                   "required A4 210 × 297 mm (Annex I, Part I, Section I.1)."),
                               offset=off, ops=fix))
            continue
        short, long_ = sorted((mm(wid), mm(hei)))
        if abs(short - 210) > TOLERANCE_MM or abs(long_ - 297) > TOLERANCE_MM:
            out.append(Problem(Msg(f"Khổ giấy của {where_vi} là {num(mm(wid))} × {num(mm(hei))} mm, yêu cầu A4 "
                                   "210 × 297 mm (Phụ lục I, Phần I, Mục I.1).",
                                   f"The paper of {where_en} is {num(mm(wid), 'en')} × {num(mm(hei), 'en')} mm, "
                                   "required A4 210 × 297 mm (Annex I, Part I, Section I.1)."),
                               offset=off, ops=fix,
                               hint=Msg("Layout → Size → A4.", "Layout → Size → A4.")))
        elif landscape and not table_ok:
            out.append(Problem(Msg(f"Trang của {where_vi} nằm ngang, yêu cầu trình bày theo chiều dài khổ A4; chỉ "
                                   "được nằm ngang khi nội dung là bảng, biểu (Phụ lục I, Phần I, Mục I.2).",
                                   f"The pages of {where_en} are landscape, required portrait A4; landscape only "
                                   "where the content is a table (Annex I, Part I, Section I.2)."),
                               offset=off, ops=fix,
                               hint=Msg("Layout → Orientation → Portrait.", "Layout → Orientation → Portrait.")))
    return out


@rule("P801", name="page-size", severity="error", fixable=True,
      title=Msg("Khổ giấy A4, chiều dài", "A4 paper, portrait"))
def check(doc):
    yield from hits(doc, problems)
