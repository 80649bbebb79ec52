"""P816 — Phần đầu văn bản hai cột

Cái gì: phần đầu văn bản không theo sơ đồ bố trí hai cột: bên trái tên cơ quan chủ quản, tên cơ
quan ban hành và số, ký hiệu (ô 2, ô 3); bên phải Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng
(ô 1, ô 4). Phần đầu thường là một bảng hai cột không viền; rasoat kiểm tra mỗi thành phần nằm đúng
cột (cột đầu là bên trái, các cột sau là bên phải), địa danh và ngày tháng cùng hàng với số, ký hiệu
khi bảng có nhiều hàng, các thành phần không nằm ngoài bảng, và bảng không có đường viền sẽ in ra.
Khi cả phần đầu gõ ngoài bảng (căn bằng Tab, khoảng trắng hay hộp văn bản), rasoat chỉ nhắc (mức
thông tin) vì không xác định được cột.
Tại sao: vị trí các thành phần thể thức do sơ đồ bố trí quy định; căn hai cột bằng dấu cách, Tab
dễ lệch khi đổi máy, đổi phông.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục IV (sơ đồ bố trí: ô 1 Quốc hiệu và Tiêu ngữ,
ô 2 tên cơ quan, ô 3 số và ký hiệu, ô 4 địa danh và ngày tháng); Mục II.4.c (địa danh và ngày tháng
trên cùng một dòng với số, ký hiệu).
Ví dụ sai: Quốc hiệu ở cột trái; số, ký hiệu ở cột phải; bảng phần đầu có kẻ ô.
Ví dụ đúng: bảng 1 hàng 2 cột không viền: trái "UBND TỈNH LAI CHÂU / VĂN PHÒNG / Số: …/TB-VP",
phải "CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc / Lai Châu, ngày … ".
Cách sửa: đặt phần đầu trong bảng hai cột, mỗi thành phần đúng cột; Table → Borders → No Border.
---
What: the heading does not follow the two-column layout map: on the left the parent and issuing
bodies and the number and symbol (cells 2, 3); on the right the national title, motto, place and
date (cells 1, 4). The heading is usually a borderless two-column table; rasoat checks that each
component is in its column (the first column is the left one, the others the right), that the
place and date are on the row of the number when the table has several rows, that no component
is outside the table, and that the table has no borders that would print. When the whole heading
is typed outside a table (tabs, spaces or text boxes) rasoat only notes it (info): the columns
cannot be told.
Why: the layout map fixes each component's place; columns made with spaces or tabs shift on
another computer or font.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section IV (layout map, cells 1–4); Section II.4.c.
Fix: put the heading in a two-column table, each component in its column; Table → Borders → No
Border.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import hits
from ...layout.ooxml import w
from ...layout.ops import Problem
from ...layout.package import top_tables

LEFT = {"issuer": ("tên cơ quan ban hành", "the issuing body", "ô 2"),
        "so_ky_hieu": ("số, ký hiệu", "the number and symbol", "ô 3")}
RIGHT = {"quoc_hieu": ("Quốc hiệu", "the national title", "ô 1"), "tieu_ngu": ("Tiêu ngữ", "the motto", "ô 1"),
         "place_date": ("địa danh và ngày tháng", "the place and date", "ô 4")}
CITE_VI = "Phụ lục I, Phần I, Mục IV"
CITE_EN = "Annex I, Part I, Section IV"
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV", "start", "end")


def cell_of(p) -> tuple[int, int] | None:
    if not p.container.startswith("table:"):
        return None
    try:
        _t, r, c = p.container.split(":")
        return int(r), int(c)
    except ValueError:
        return None


def visible_borders(lay, tbl) -> bool:
    def shown(borders) -> bool | None:
        if borders is None:
            return None
        vals = [b.get(w("val")) for side in BORDER_SIDES for b in borders.findall(w(side))]
        return any(v not in (None, "nil", "none") for v in vals) if vals else None

    tpr = tbl.find(w("tblPr"))
    direct = shown(tpr.find(w("tblBorders")) if tpr is not None else None)
    if direct is None:
        for _sid, st in lay.sheet.chain(lay.sheet.table_style(tbl)):
            spr = st.find(w("tblPr"))
            direct = shown(spr.find(w("tblBorders")) if spr is not None else None)
            if direct is not None:
                break
    if direct:
        return True
    for tcb in tbl.iter(w("tcBorders")):
        if shown(tcb):
            return True
    return False


def problems(doc, lay):
    st = doc.structure
    parts = sorted([(i, c) for c in (*LEFT, *RIGHT) for i in st.components.get(c, [])])
    paras = [(doc.paragraphs[i], c) for i, c in parts if not doc.paragraphs[i].footnote]
    if not paras:
        return []
    in_table = [(p, c) for p, c in paras if cell_of(p) is not None]
    if not in_table:
        p = paras[0][0]
        return [Problem(Msg(f"Phần đầu văn bản không đặt trong bảng hai cột nên không kiểm tra được vị trí các thành "
                            f"phần; nên trình bày bằng bảng hai cột không viền ({CITE_VI}).",
                            f"The heading is not in a two-column table, so the components' places cannot be "
                            f"checked; a borderless two-column table is recommended ({CITE_EN})."),
                        para=p, start=0, end=len(p.text), severity="info")]
    tables = [p.meta.get("table") for p, _c in in_table]
    main = max(set(tables), key=tables.count)
    out = []
    for p, comp in paras:
        name_vi, name_en, box = LEFT.get(comp) or RIGHT[comp]
        cell = cell_of(p)
        if cell is None or p.meta.get("table") != main:
            out.append(Problem(Msg(f"{name_vi[0].upper() + name_vi[1:]} nằm ngoài bảng phần đầu, yêu cầu đặt trong "
                                   f"cột {'trái' if comp in LEFT else 'phải'} của phần đầu ({box}, {CITE_VI}).",
                                   f"{name_en[0].upper() + name_en[1:]} is outside the heading table, required in "
                                   f"its {'left' if comp in LEFT else 'right'} column ({CITE_EN})."),
                               para=p, start=0, end=len(p.text)))
            continue
        left = cell[1] == 0
        if left != (comp in LEFT):
            out.append(Problem(Msg(f"{name_vi[0].upper() + name_vi[1:]} nằm ở cột {'trái' if left else 'phải'}, yêu "
                                   f"cầu cột {'trái' if comp in LEFT else 'phải'} ({box}, {CITE_VI}).",
                                   f"{name_en[0].upper() + name_en[1:]} is in the {'left' if left else 'right'} "
                                   f"column, required the {'left' if comp in LEFT else 'right'} one ({CITE_EN})."),
                               para=p, start=0, end=len(p.text)))
    so = [p for p, c in paras if c == "so_ky_hieu" and cell_of(p) and p.meta.get("table") == main]
    pd = [p for p, c in paras if c == "place_date" and cell_of(p) and p.meta.get("table") == main]
    if so and pd and cell_of(so[0])[0] != cell_of(pd[0])[0]:
        p = pd[0]
        out.append(Problem(Msg("Địa danh và ngày tháng không cùng hàng với số, ký hiệu, yêu cầu trình bày trên cùng một "
                               "dòng với số, ký hiệu (Phụ lục I, Phần I, Mục II.4.c).",
                               "The place and date are not on the row of the number and symbol, required on the same "
                               "line (Annex I, Part I, Section II.4.c)."),
                           para=p, start=0, end=len(p.text)))
    tables_el = top_tables(lay.pkg.body)
    if isinstance(main, int) and 0 <= main < len(tables_el) and visible_borders(lay, tables_el[main]):
        p = in_table[0][0]
        out.append(Problem(Msg(f"Bảng phần đầu có đường viền sẽ in ra, yêu cầu bảng không viền ({CITE_VI}).",
                               f"The heading table has borders that print, required no borders ({CITE_EN})."),
                           para=p, start=0, end=len(p.text),
                           hint=Msg("Chọn bảng → Table Design → Borders → No Border.",
                                    "Select the table → Table Design → Borders → No Border.")))
    return out


@rule("P816", name="header-columns", severity="warning", kinds=("thong-bao",),
      title=Msg("Phần đầu hai cột", "Two-column heading"))
def check(doc):
    yield from hits(doc, problems)
