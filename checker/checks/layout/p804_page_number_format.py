"""P804 — Kiểu số trang: chữ số Ả Rập từ 1, cỡ chữ 13–14, chữ đứng, canh giữa

Cái gì: số trang ở đầu trang không canh giữa, cỡ chữ ngoài khoảng 13–14, in nghiêng, không phải
chữ số Ả Rập (i, ii, …) hoặc không bắt đầu từ 1.
Tại sao: số trang là một thành phần thể thức, có cỡ chữ và kiểu chữ quy định như các thành phần
khác; số trang mặc định của Word thường cỡ 10–12 và căn trái.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.7 ("được đánh từ số 1, bằng chữ số Ả
Rập, cỡ chữ 13 đến 14, kiểu chữ đứng, được đặt canh giữa theo chiều ngang trong phần lề trên").
Ví dụ sai: số trang căn trái, cỡ chữ 11, in nghiêng; Page Number Format: i, ii, iii.
Ví dụ đúng: số trang "2" canh giữa đầu trang, Times New Roman cỡ 14, chữ đứng.
Cách sửa: chọn số trang ở Header, đặt cỡ chữ 13 hoặc 14, bỏ nghiêng, canh giữa; Page Number →
Format Page Numbers → 1, 2, 3, Start at 1. `rasoat format` sửa cỡ chữ và chữ nghiêng.
---
What: the page number in the header is not centred, its size is outside 13–14 pt, it is italic,
not in Arabic numerals (i, ii, …) or does not start at 1.
Why: the page number is a component with its own size and style; Word's default page number is
10–12 pt and left-aligned.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.7 (from 1, Arabic numerals, 13–14 pt,
upright, centred in the top margin).
Fix: select the number in the header, set 13 or 14 pt, not italic, centred; Page Number → Format
Page Numbers → 1, 2, 3, start at 1. `rasoat format` fixes the size and the italics.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import ALIGN_EN, ALIGN_VI, clamp, hits, num
from ...layout.ooxml import to_int, w
from ...layout.ops import Problem, set_size, set_toggle
from ...layout.pages import page_numbers

SIZE = (13.0, 14.0)
CITE_VI = "(Phụ lục I, Phần I, Mục I.7)"
CITE_EN = "(Annex I, Part I, Section I.7)"


def _centred_by_tab(p_el, first_run, tabs) -> bool:
    """The number follows only tabs, and the tab it follows is a centre tab stop."""
    before = []
    for r in p_el.iter(w("r")):
        if r is first_run:
            break
        for c in r:
            if c.tag == w("tab"):
                before.append("\t")
            elif c.tag == w("t"):
                before.append(c.text or "")
    s = "".join(before)
    n = s.count("\t")
    if not n or s.replace("\t", "").strip():
        return False
    return len(tabs) >= n and tabs[n - 1][0] == "center"


def problems(doc, lay):
    out = []
    sheet = lay.sheet
    pn = page_numbers(lay.pkg)
    done = set()
    for f in pn.in_headers:
        if f.p_el is None or f.p_el in done:
            continue
        done.add(f.p_el)
        props = sheet.para_props(f.p_el)
        first_run = (f.code or f.runs or [None])[0]
        if props.jc.value != "center" and not _centred_by_tab(f.p_el, first_run, props.tabs):
            out.append(Problem(Msg(f"Số trang {ALIGN_VI.get(props.jc.value, props.jc.value)}, yêu cầu canh giữa "
                                   f"{CITE_VI}.",
                                   f"The page number is {ALIGN_EN.get(props.jc.value, props.jc.value)}, required "
                                   f"centred {CITE_EN}."), offset=0))
        runs = f.runs + [r for r in f.code if r not in f.runs]
        shown = [(r, sheet.run_props(r, sheet.para_style(f.p_el))) for r in f.runs]
        sizes = sorted({rp.size.value / 2 for _r, rp in shown})
        bad = [s for s in sizes if not SIZE[0] <= s <= SIZE[1]]
        if bad:
            target = clamp(bad[0], *SIZE)
            out.append(Problem(Msg(f"Cỡ chữ số trang {num(bad[0])}, yêu cầu từ 13 đến 14 {CITE_VI}.",
                                   f"The page number is {num(bad[0], 'en')} pt, required 13 to 14 pt {CITE_EN}."),
                               offset=0, ops=[set_size(r, int(round(target * 2))) for r in runs]))
        if any(rp.italic.value for _r, rp in shown):
            out.append(Problem(Msg(f"Số trang in nghiêng, yêu cầu kiểu chữ đứng {CITE_VI}.",
                                   f"The page number is italic, required upright {CITE_EN}."),
                               offset=0, ops=[set_toggle(r, "i", False) for r in runs]))
    if pn.in_headers or pn.in_footers:
        sec = lay.pkg.sections[0] if lay.pkg.sections else None
        pnt = sec.sect_pr.find(w("pgNumType")) if sec is not None and sec.sect_pr is not None else None
        fmt = pnt.get(w("fmt")) if pnt is not None else None
        if fmt and fmt != "decimal":
            out.append(Problem(Msg(f"Số trang đánh theo kiểu \"{fmt}\", yêu cầu chữ số Ả Rập (1, 2, 3) {CITE_VI}.",
                                   f"Page numbers use the format \"{fmt}\", required Arabic numerals (1, 2, 3) "
                                   f"{CITE_EN}."), offset=0))
        start = to_int(pnt.get(w("start"))) if pnt is not None else None
        if start is not None and start != 1:
            out.append(Problem(Msg(f"Số trang bắt đầu từ {start}, yêu cầu đánh từ số 1 {CITE_VI}.",
                                   f"Page numbers start at {start}, required to start at 1 {CITE_EN}."), offset=0))
    return out


@rule("P804", name="page-number-format", severity="warning", fixable=True,
      title=Msg("Kiểu số trang", "Page number format"))
def check(doc):
    yield from hits(doc, problems)
