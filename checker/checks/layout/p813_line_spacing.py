"""P813 — Giãn dòng từ dòng đơn đến 1,5 dòng

Cái gì: khoảng cách giữa các dòng của một đoạn nội dung nhỏ hơn dòng đơn hoặc lớn hơn 1,5 dòng.
Giãn dòng "Multiple" được so trực tiếp (1,0 đến 1,5); giãn dòng "Exactly" và "At least" tính theo
pt được đổi ra số dòng theo chiều cao dòng đơn của Times New Roman (1,15 lần cỡ chữ), sai lệch dưới
5% được bỏ qua. Giãn dòng do một kiểu (style) được báo một lần.
Tại sao: giãn dòng quá hẹp khó đọc, quá rộng làm văn bản dài thêm trang; thể thức quy định khoảng
cho phép.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.e ("khoảng cách giữa các dòng tối
thiểu là dòng đơn, tối đa là 1,5 lines").
Ví dụ sai: Line spacing Double; Exactly 12 pt với chữ cỡ 14.
Ví dụ đúng: Single; Multiple 1,2; Exactly 17 pt với chữ cỡ 14; 1,5 lines.
Cách sửa: Paragraph → Spacing → Line spacing: Single, 1.5 lines hoặc Exactly 16–24 pt (chữ cỡ 14).
---
What: the line spacing of a body paragraph is below single or above 1.5 lines. "Multiple"
spacing is compared directly (1.0 to 1.5); "Exactly" and "At least" spacing in points is turned
into lines with the single-line height of Times New Roman (1.15 × the font size), with a 5%
tolerance. Spacing that comes from a style is reported once.
Why: too tight is hard to read, too loose adds pages; the layout rules set the range.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.e (single to 1.5 lines).
Fix: Paragraph → Spacing → Line spacing: Single, 1.5 lines, or Exactly 16–24 pt (14 pt text).
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, body_words, cited, grouped, hits, num, where_en, where_vi

SINGLE_EM = 1.15  # height of a single line of Times New Roman, in ems
LOW, HIGH = 1.0, 1.5
TOLERANCE = 0.05


def lines_of(line: int, rule_: str, size_pt: float) -> tuple[float, float]:
    """(lowest, highest) number of lines the spacing can give for text of size_pt."""
    if rule_ in ("exact", "atLeast"):
        mult = (line / 20) / (SINGLE_EM * size_pt)
        return (max(1.0, mult), max(1.0, mult)) if rule_ == "atLeast" else (mult, mult)
    return line / 240, line / 240


def problems(doc, lay):
    items = []
    words = body_words(doc, lay)
    for _spec, p, wp in words:
        if not wp.text.strip():
            continue
        sizes = [r.props.size.value / 2 for r in lay.runs(p) if r.word is wp and r.visible]
        size = max(sizes) if sizes else lay.run_props(None, wp.el, wp.table).size.value / 2
        line, rule_ = wp.props.line.value, wp.props.line_rule.value
        lo, hi = lines_of(line, rule_, size or 14)
        tol = TOLERANCE if rule_ in ("exact", "atLeast") else 0.005
        if lo >= LOW - tol and hi <= HIGH + tol:
            continue
        items.append(Item(p, 0, len(p.text), (rule_, line, round(lo, 2)), (wp.props.line.origin,)))
    if not items:
        return []
    vi_cite, en_cite = cited(words[0][0].clause)

    def make(found, count, where):
        rule_, line, mult = found
        if rule_ in ("exact", "atLeast"):
            kind_vi = "cố định" if rule_ == "exact" else "tối thiểu"
            kind_en = "exactly" if rule_ == "exact" else "at least"
            fv = f"{kind_vi} {num(line / 20)} pt (≈ {num(mult)} dòng)"
            fe = f"{kind_en} {num(line / 20, 'en')} pt (≈ {num(mult, 'en')} lines)"
        else:
            fv, fe = f"{num(mult)} dòng", f"{num(mult, 'en')} lines"
        return Msg(f"Giãn dòng {fv}{where_vi(count, where)}, yêu cầu từ dòng đơn đến 1,5 dòng ({vi_cite}).",
                   f"Line spacing is {fe}{where_en(count, where)}, required single to 1.5 lines ({en_cite}).")

    return grouped(items, lay.sheet, make,
                   hint=Msg("Paragraph → Spacing → Line spacing: Single hoặc 1.5 lines.",
                            "Paragraph → Spacing → Line spacing: Single or 1.5 lines."))


@rule("P813", name="line-spacing", severity="warning", kinds=("thong-bao",),
      title=Msg("Giãn dòng", "Line spacing"))
def check(doc):
    yield from hits(doc, problems)
