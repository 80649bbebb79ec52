"""P803 — Đánh số trang: có, ở lề trên, không hiện ở trang đầu

Cái gì: văn bản nhiều trang không đánh số trang; số trang đặt ở chân trang (lề dưới) thay vì đầu
trang (lề trên); hoặc số trang hiện ở trang thứ nhất. Văn bản chỉ có một trang không cần số trang
(số trang được ước lượng từ độ dài văn bản và số trang Word đã lưu; chỉ báo thiếu khi chắc chắn có
từ hai trang trở lên).
Tại sao: số trang giúp kiểm tra văn bản đủ trang; trang đầu đã có Quốc hiệu và số, ký hiệu nên
không hiện số trang.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.7 ("được đặt canh giữa theo chiều ngang
trong phần lề trên của văn bản, không hiển thị số trang thứ nhất").
Ví dụ sai: Insert → Page Number → Bottom of Page; hoặc số "1" hiện ở đầu trang thứ nhất.
Ví dụ đúng: Insert → Page Number → Top of Page → Plain Number 2, và chọn "Different First Page".
Cách sửa: chèn số trang ở đầu trang (Header), canh giữa; trong Header & Footer chọn "Different
First Page" để trang đầu không hiện số.
---
What: a document of several pages has no page numbers; the page number is in the footer (bottom
margin) instead of the header (top margin); or the number shows on the first page. A one-page
document needs none (the page count is estimated from the text and the count Word saved; a
missing number is reported only when there are surely two pages or more).
Why: page numbers show that no page is missing; the first page carries the national title and
the number and symbol, and shows no page number.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.7 (centred in the top margin, the first
page's number not shown).
Fix: insert the page number at the top of the page, centred; in Header & Footer tick "Different
First Page".
"""
from ...diagnostics import Msg
from ...engine import rule
from ...layout.common import hits
from ...layout.ops import Problem
from ...layout.pages import estimate_pages, page_numbers

CITE_VI = "(Phụ lục I, Phần I, Mục I.7)"
CITE_EN = "(Annex I, Part I, Section I.7)"


def problems(doc, lay):
    pn = page_numbers(lay.pkg)
    out = []
    if pn.on_first_page:
        out.append(Problem(
            Msg(f"Số trang hiển thị ở trang thứ nhất, yêu cầu không hiển thị số trang thứ nhất {CITE_VI}.",
                f"The page number shows on the first page, required: no number on the first page {CITE_EN}."),
            offset=0, hint=Msg("Header & Footer → chọn \"Different First Page\" (trang đầu khác).",
                               "Header & Footer → tick \"Different First Page\".")))
    if pn.in_footers and not pn.in_headers:
        out.append(Problem(
            Msg(f"Số trang đặt ở chân trang (lề dưới), yêu cầu canh giữa trong phần lề trên {CITE_VI}.",
                f"The page number is in the footer (bottom margin), required centred in the top margin {CITE_EN}."),
            offset=0, hint=Msg("Xóa số trang ở chân trang; Insert → Page Number → Top of Page → Plain Number 2.",
                               "Remove the footer number; Insert → Page Number → Top of Page → Plain Number 2.")))
    elif not pn.in_headers and not pn.in_footers:
        pages = estimate_pages(doc, lay.pkg)
        if pages >= 2:
            out.append(Problem(
                Msg(f"Văn bản có khoảng {pages} trang nhưng không đánh số trang, yêu cầu đánh số từ trang thứ hai, "
                    f"canh giữa trong phần lề trên {CITE_VI}.",
                    f"The document has about {pages} pages but no page numbers, required: numbers from page 2, "
                    f"centred in the top margin {CITE_EN}."),
                offset=0, hint=Msg("Insert → Page Number → Top of Page → Plain Number 2; chọn \"Different First Page\".",
                                   "Insert → Page Number → Top of Page → Plain Number 2; tick \"Different First Page\".")))
    return out


@rule("P803", name="page-number-place", severity="warning",
      title=Msg("Vị trí số trang", "Page number placement"))
def check(doc):
    yield from hits(doc, problems)
