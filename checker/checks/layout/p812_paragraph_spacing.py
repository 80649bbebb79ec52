"""P812 — Khoảng cách giữa các đoạn tối thiểu 6 pt

Cái gì: giữa hai đoạn nội dung liền nhau, khoảng cách nhỏ hơn 6 pt. Khoảng cách tính như Word: số
lớn hơn trong Spacing After của đoạn trên và Spacing Before của đoạn dưới (Word không cộng hai số
này, trừ khi văn bản bật tùy chọn tương thích "Don't use HTML paragraph auto spacing"); bằng 0 khi
"Don't add space between paragraphs of the same style" được bật và hai đoạn cùng kiểu. Một đoạn trống giữa hai đoạn được coi là
đủ khoảng cách. Khoảng cách do một kiểu (style) được báo một lần.
Tại sao: khoảng cách giữa các đoạn giúp đọc và phân biệt các ý; nhiều dự thảo để 0 pt.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.e ("khoảng cách giữa các đoạn văn tối
thiểu là 6pt").
Ví dụ sai: Spacing Before 0 pt, After 0 pt.
Ví dụ đúng: Spacing Before 6 pt (hoặc After 6 pt).
Cách sửa: Paragraph → Spacing → Before: 6 pt cho kiểu đoạn của nội dung.
---
What: between two adjacent body paragraphs the space is under 6 pt. The space is Word's: the
larger of the upper paragraph's Spacing After and the lower one's Spacing Before (Word does not
add them, unless the compatibility option "Don't use HTML paragraph auto spacing" is on); none
when "Don't add space between paragraphs of the same style" is on and both have that style. An empty paragraph between
them counts as enough space. Spacing that comes from a style is reported once.
Why: space between paragraphs separates the points; many drafts have 0 pt.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.e (at least 6 pt between paragraphs).
Fix: Paragraph → Spacing → Before: 6 pt in the body's paragraph style.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, body_words, cited, grouped, hits, num, where_en, where_vi
from ...layout.ooxml import on, w

MIN_GAP = 120  # twips: 6 pt


def adds_spacing(pkg) -> bool:
    """Word adds Spacing After and Before only with w:doNotUseHTMLParagraphAutoSpacing; by
    default the larger one wins (as LibreOffice also does for Word files)."""
    compat = pkg.settings.find(w("compat")) if pkg.settings is not None else None
    el = compat.find(w("doNotUseHTMLParagraphAutoSpacing")) if compat is not None else None
    return el is not None and on(el)


def gap(prev, cur, add: bool = False) -> tuple[int, tuple[str, str]]:
    same = prev.props.style == cur.props.style
    after = max(0, 0 if same and prev.props.contextual.value else prev.props.after.value)
    before = max(0, 0 if same and cur.props.contextual.value else cur.props.before.value)
    return (after + before if add else max(after, before)), (prev.props.after.origin, cur.props.before.origin)


def problems(doc, lay):
    items = []
    words = body_words(doc, lay)
    add = adds_spacing(lay.pkg)
    for (_s0, _p0, prev), (spec, p, cur) in zip(words, words[1:]):
        if cur.k != prev.k + 1 or not cur.text.strip() or not prev.text.strip():
            continue  # an empty paragraph (or something else) stands between them
        g, origins = gap(prev, cur, add)
        if g >= MIN_GAP:
            continue
        items.append(Item(p, 0, len(p.text), g / 20, origins))
    if not items:
        return []
    vi_cite, en_cite = cited(words[0][0].clause)

    def make(pt, count, where):
        return Msg(f"Khoảng cách với đoạn trên {num(pt)} pt{where_vi(count, where)}, yêu cầu tối thiểu 6 pt "
                   f"({vi_cite}).",
                   f"The space above this paragraph is {num(pt, 'en')} pt{where_en(count, where)}, required at "
                   f"least 6 pt ({en_cite}).")

    return grouped(items, lay.sheet, make,
                   hint=Msg("Paragraph → Spacing → Before: 6 pt.", "Paragraph → Spacing → Before: 6 pt."))


@rule("P812", name="paragraph-spacing", severity="warning", kinds=("thong-bao",),
      title=Msg("Khoảng cách giữa các đoạn", "Space between paragraphs"))
def check(doc):
    yield from hits(doc, problems)
