"""P806 — Màu chữ đen

Cái gì: chữ trong văn bản .docx có màu khác màu đen (đỏ, xanh, xám …). Màu "Automatic" và các màu
gần như đen (mỗi thành phần đỏ, lục, lam không quá 0x20) được coi là đen. Màu do một kiểu (style)
được báo một lần cho kiểu đó; màu đặt trực tiếp được báo ở từng đoạn.
Tại sao: văn bản hành chính in màu đen; chữ màu trong dự thảo thường là phần sửa, phần ghi chú còn
sót lại chưa xử lý.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.4 ("… màu đen").
Ví dụ sai: một đoạn nội dung màu đỏ (phần mới bổ sung), Nơi nhận màu xanh.
Ví dụ đúng: Font Color → Automatic.
Cách sửa: xử lý xong phần được đánh dấu bằng màu, rồi đặt màu chữ Automatic. Không sửa tự động:
màu trong dự thảo thường mang ý nghĩa (phần sửa đổi) mà người soạn phải xem trước.
---
What: text of the .docx is coloured (red, blue, grey …). "Automatic" and near-black colours (each
of red, green, blue at most 0x20) count as black. A colour that comes from a style is reported
once for that style; a colour set directly is reported in each paragraph.
Why: administrative documents are printed in black; coloured text in a draft is usually a change
or a note left unresolved.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.4 ("… black").
Fix: resolve what the colour marks, then set the font colour to Automatic. Not fixed
automatically: colour in a draft usually means something (a change) the author must look at.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, grouped, hits, visible_runs, where_en, where_vi

CITE_VI = "(Phụ lục I, Phần I, Mục I.4)"
CITE_EN = "(Annex I, Part I, Section I.4)"
THEME_ALIAS = {"text1": "dk1", "text2": "dk2", "background1": "lt1", "background2": "lt2", "dark1": "dk1",
               "dark2": "dk2", "light1": "lt1", "light2": "lt2"}
DARK = 0x20


def rgb(value: str, theme: str | None, theme_colors: dict[str, str]) -> str | None:
    """The colour as RRGGBB (None: automatic)."""
    if value and value.lower() != "auto":
        return value.upper()
    if theme:
        return theme_colors.get(THEME_ALIAS.get(theme, theme))
    return None


def is_black(hexrgb: str | None) -> bool:
    if hexrgb is None:
        return True
    try:
        return all(int(hexrgb[i:i + 2], 16) <= DARK for i in (0, 2, 4))
    except ValueError:
        return True


def _message(color, count, where):
    return Msg(f"Màu chữ #{color}{where_vi(count, where)}, yêu cầu màu đen {CITE_VI}.",
               f"The text colour is #{color}{where_en(count, where)}, required black {CITE_EN}.")


def problems(doc, lay):
    items = []
    for p, run in visible_runs(lay, doc.body_paragraphs):
        value, theme = run.props.color.value
        color = rgb(value, theme, lay.sheet.theme_colors)
        if not is_black(color):
            items.append(Item(p, run.start, run.end, color, (run.props.color.origin,)))
    return grouped(items, lay.sheet, _message,
                   hint=Msg("Home → Font Color → Automatic.", "Home → Font Color → Automatic."))


@rule("P806", name="font-color", severity="warning",
      title=Msg("Màu chữ đen", "Black text"))
def check(doc):
    yield from hits(doc, problems)
