"""P805 — Phông chữ Times New Roman

Cái gì: chữ trong văn bản .docx không dùng phông Times New Roman. Phông được xác định như Word
hiển thị: định dạng trực tiếp của run → kiểu ký tự → kiểu đoạn (và các kiểu nó kế thừa) → định
dạng mặc định của văn bản (kể cả phông theo chủ đề, ví dụ Calibri của mẫu Normal) → mặc định của
Word; với chữ tiếng Việt có dấu là phông "hAnsi", với chữ ASCII là phông "ascii". Phông sai do một
kiểu (style) được báo một lần cho kiểu đó; phông đặt trực tiếp được báo ở từng đoạn. Phông bảng mã
cũ (.VnTime, VNI-Times …) được nêu tên và báo kèm E901 (bảng mã cũ).
Tại sao: văn bản hành chính dùng phông Times New Roman, bộ mã Unicode; phông khác làm sai cỡ chữ,
ngắt dòng, ngắt trang khi mở trên máy khác.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.4 ("Phông chữ tiếng Việt Times New Roman,
bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen").
Ví dụ sai: đoạn văn dán từ trang web giữ phông Arial; kiểu Normal dùng Calibri; "Th«ng b¸o"
(.VnTime).
Ví dụ đúng: mọi chữ ở phông Times New Roman.
Cách sửa: chọn toàn bộ (Ctrl+A) → phông Times New Roman; sửa phông của kiểu Normal. `rasoat format`
đổi phông (ở kiểu hoặc ở run) sang Times New Roman, trừ phông bảng mã cũ: chữ đó phải chuyển mã
trước (`rasoat convert`, xem E901).
---
What: text of the .docx is not in Times New Roman. The font is resolved as Word shows it: the
run's direct formatting → character style → paragraph style (and the styles it is based on) →
the document defaults (theme fonts included, e.g. Calibri of the Normal template) → Word's
default; Vietnamese letters use the "hAnsi" font, ASCII the "ascii" one. A wrong font that comes
from a style is reported once for that style; a font set directly is reported in each paragraph.
A legacy-encoded font (.VnTime, VNI-Times …) is named and reported together with E901.
Why: administrative documents use Times New Roman in Unicode; another font changes sizes, line
and page breaks on another computer.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.4.
Fix: select all → Times New Roman; fix the font of the Normal style. `rasoat format` sets Times
New Roman (in the style or on the run), except for legacy fonts, whose text must be converted
first (`rasoat convert`, see E901).
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import Item, grouped, hits, visible_runs, where_en, where_vi
from ...layout.ops import TNR, set_default_font, set_run_font, set_style_font

try:  # the legacy-encoding tables live with E901 (checker/encodings.py)
    from ...encodings import NAMES, legacy_font
except ImportError:  # pragma: no cover - a checkout without checker/encodings.py: recognise the names only
    NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

    def legacy_font(name):
        n = (name or "").strip().lower()
        return ("tcvn3", False) if n.startswith(".vn") else ("vni", False) if n.startswith("vni") else None

CITE_VI = "(Phụ lục I, Phần I, Mục I.4)"
CITE_EN = "(Annex I, Part I, Section I.4)"


def is_tnr(name: str) -> bool:
    return " ".join(name.split()).casefold() == TNR.casefold()


def slots_of(text: str, hint: str | None) -> list[str]:
    out = []
    if any(ch.isalnum() and ord(ch) < 128 for ch in text):
        out.append("ascii")
    if any(ch.isalnum() and ord(ch) >= 128 for ch in text):
        out.append("eastAsia" if hint == "eastAsia" else "hAnsi")
    return out


def fix_for(lay, run, origin: str):
    if origin == "direct":
        return set_run_font(run.el)
    if origin.startswith(("style:", "table-style:")):
        st = lay.sheet.by_id.get(origin.split(":", 1)[1])
        if st is not None:
            return set_style_font(st)
    if lay.pkg.styles is not None:
        return set_default_font(lay.pkg.styles)
    return set_run_font(run.el)


def _message(font, count, where):
    leg = legacy_font(font)
    if leg:
        enc = NAMES.get(leg[0], leg[0])
        return Msg(f"Phông chữ {font}{where_vi(count, where)} là phông bảng mã cũ {enc} (xem E901), yêu cầu Times "
                   f"New Roman, bộ mã Unicode {CITE_VI}.",
                   f"The font {font}{where_en(count, where)} is a legacy {enc} font (see E901), required Times New "
                   f"Roman in Unicode {CITE_EN}.")
    return Msg(f"Phông chữ {font}{where_vi(count, where)}, yêu cầu Times New Roman {CITE_VI}.",
               f"The font is {font}{where_en(count, where)}, required Times New Roman {CITE_EN}.")


def problems(doc, lay):
    items = []
    for p, run in visible_runs(lay, doc.body_paragraphs):
        for slot in slots_of(run.text, run.props.hint):
            font = run.props.fonts[slot]
            if is_tnr(font.value):
                continue
            ops = [] if legacy_font(font.value) else [fix_for(lay, run, font.origin)]
            items.append(Item(p, run.start, run.end, font.value, (font.origin,), ops))
    return grouped(items, lay.sheet, _message)


@rule("P805", name="font-name", severity="error", fixable=True,
      title=Msg("Phông chữ Times New Roman", "Times New Roman font"))
def check(doc):
    yield from hits(doc, problems)
