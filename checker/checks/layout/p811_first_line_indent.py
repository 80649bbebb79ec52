"""P811 — Lùi đầu dòng 1 cm hoặc 1,27 cm

Cái gì: dòng đầu của một đoạn nội dung (mở đầu, các đoạn, câu kết thúc) không lùi vào 1 cm hoặc
1,27 cm so với lề trái. Vị trí dòng đầu tính như Word: thụt lề trái + thụt dòng đầu (hoặc trừ thụt
treo), kể cả thụt lề của danh sách đánh số tự động; đoạn bắt đầu bằng phím Tab thì tính đến điểm
dừng Tab. Sai lệch dưới 0,05 cm được bỏ qua. Thụt lề do một kiểu (style) được báo một lần.
Tại sao: lùi đầu dòng đánh dấu đoạn mới; lùi bằng dấu cách hoặc không lùi làm văn bản sai thể thức.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.e ("khi xuống dòng, chữ đầu dòng lùi
vào 1 cm hoặc 1,27 cm").
Ví dụ sai: đoạn không thụt dòng đầu; First line 0,5 cm; danh sách tự động với số ở 0,63 cm.
Ví dụ đúng: Paragraph → Indentation → Special: First line, By: 1 cm (hoặc 1,27 cm).
Cách sửa: đặt First line 1 cm (hoặc 1,27 cm) cho kiểu đoạn của nội dung.
---
What: the first line of a body paragraph (opening, paragraphs, closing) is not indented 1 cm or
1.27 cm from the left margin. The first line's position is computed as Word does: left indent +
first-line indent (minus a hanging indent), the list indentation of automatic numbering
included; a paragraph that starts with a Tab counts up to the tab stop. Deviations under 0.05 cm
are ignored. An indent that comes from a style is reported once.
Why: the first-line indent marks a new paragraph; indenting with spaces, or not at all, does not
comply.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.e.
Fix: set First line 1 cm (or 1.27 cm) in the paragraph style of the body.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, body_words, cited, grouped, hits, num, where_en, where_vi
from ...layout.ooxml import TWIPS_PER_MM, to_int, w

ALLOWED = (567, 720)  # twips: 1 cm, 1.27 cm
TOLERANCE = 28  # twips: 0.05 cm


def default_tab(pkg) -> int:
    el = pkg.settings.find(w("defaultTabStop")) if pkg.settings is not None else None
    return max(1, to_int(el.get(w("val")), 720)) if el is not None else 720


def first_line_position(wp, default_stop: int) -> int:
    """Where the first line's first character stands, in twips from the left margin."""
    left = wp.props.left.value
    pos = left + wp.props.first.value
    if wp.text.startswith("\t"):
        stops = [p for _v, p in wp.props.tabs if p > pos]
        if left > pos:
            stops.append(left)  # a hanging indent is an implicit tab stop
        pos = min(stops) if stops else (pos // default_stop + 1) * default_stop
    return pos


def problems(doc, lay):
    items = []
    spec0 = None
    stop = default_tab(lay.pkg)
    for spec, p, wp in body_words(doc, lay):
        spec0 = spec
        if not wp.text.strip():
            continue
        pos = first_line_position(wp, stop)
        if any(abs(pos - a) <= TOLERANCE for a in ALLOWED):
            continue
        origins = tuple(o for o in (wp.props.left.origin, wp.props.first.origin))
        items.append(Item(p, 0, len(p.text), round(pos / (10 * TWIPS_PER_MM), 2), origins))
    if spec0 is None:
        return []
    vi_cite, en_cite = cited(spec0.clause)

    def make(cm, count, where):
        return Msg(f"Dòng đầu đoạn lùi {num(cm)} cm{where_vi(count, where)}, yêu cầu lùi 1 cm hoặc 1,27 cm "
                   f"({vi_cite}).",
                   f"The first line is indented {num(cm, 'en')} cm{where_en(count, where)}, required 1 cm or "
                   f"1.27 cm ({en_cite}).")

    return grouped(items, lay.sheet, make,
                   hint=Msg("Paragraph → Indentation → Special: First line, By: 1 cm.",
                            "Paragraph → Indentation → Special: First line, By: 1 cm."))


@rule("P811", name="first-line-indent", severity="warning", kinds=("thong-bao",),
      title=Msg("Lùi đầu dòng", "First-line indent"))
def check(doc):
    yield from hits(doc, problems)
