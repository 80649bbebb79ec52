"""C508 — Viện dẫn luật đã bị thay thế

Cái gì: văn bản viện dẫn một luật đã hết hiệu lực vì được thay thế trước ngày ban hành của văn bản,
ví dụ "Luật Ban hành văn bản quy phạm pháp luật năm 2015" (số 80/2015/QH13) trong một thông báo từ
ngày 01/4/2025, khi Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 đã có hiệu lực.
Bảng các luật đã bị thay thế (kèm nguồn) ở rules/laws.toml.
Tại sao: căn cứ hoặc dẫn chiếu vào luật đã hết hiệu lực làm sai cơ sở pháp lý của nội dung giao việc.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.b (viện dẫn văn bản có liên quan);
Nghị định 78/2025/NĐ-CP, Điều 62 (căn cứ là văn bản đang có hiệu lực); hiệu lực của từng luật: nguồn
ghi trong rules/laws.toml.
Ví dụ sai: thông báo ngày 10/5/2025: "thực hiện theo Luật Ban hành văn bản quy phạm pháp luật năm 2015".
Ví dụ đúng: "thực hiện theo Luật Ban hành văn bản quy phạm pháp luật năm 2025".
Cách sửa: viện dẫn luật thay thế (gợi ý kèm theo). Nếu cố ý nói về luật cũ (quy định chuyển tiếp),
bỏ qua cảnh báo này.
Khi luật được nêu tên mà không có năm, không kiểm tra (hiểu là luật đang có hiệu lực).
---
What: the text cites a law that had been replaced before the document's date, e.g. "Luật Ban hành
văn bản quy phạm pháp luật năm 2015" (80/2015/QH13) in a notice dated on or after 01/4/2025, when
Law 64/2025/QH15 was in force. The table of replaced laws, with sources, is rules/laws.toml.
Why: a legal basis that is no longer in force is a wrong basis.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.6.b; Decree 78/2025/NĐ-CP, Article 62; the sources in
rules/laws.toml.
Fix: cite the replacing law (suggested). Ignore the warning when the old law is meant on purpose
(transitional provisions). A law named without a year is not checked.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations, document_date, document_year, replaced_law
from ._common import data, fmt, head_span, label


@rule("C508", name="replaced-law", severity="warning",
      title=Msg("Viện dẫn luật đã bị thay thế", "Cites a law that had been replaced"))
def check(doc):
    ref = document_date(doc)
    year = None if ref else document_year(doc)
    if ref is None and year is None:
        return
    for c in citations(doc):
        law = replaced_law(c)
        if law is None:
            continue
        if ref is not None:
            if ref < law.replaced_from:
                continue
            when_vi, when_en = f"ngày {fmt(ref)}", fmt(ref)
        else:
            if year <= law.replaced_from.year:
                continue  # only the year is known: the law may still have been in force
            when_vi, when_en = f"năm {year}", str(year)
        s0, s1 = head_span(c)
        yield Hit(Msg(f"\"{label(c)}\" đã được thay thế từ ngày {fmt(law.replaced_from)} bởi {law.replaced_by}; văn bản "
                      f"này ({when_vi}) viện dẫn luật đã hết hiệu lực.",
                      f"\"{label(c)}\" was replaced from {fmt(law.replaced_from)} by {law.replaced_by}; this document "
                      f"({when_en}) cites a law no longer in force."),
                  para=c.para, start=s0, end=s1, suggestion=law.replaced_by, data=data(c),
                  hint=Msg(f"Viện dẫn {law.replaced_by} (trừ khi cố ý nói về luật cũ).",
                           f"Cite {law.replaced_by} (unless the old law is meant on purpose)."))
