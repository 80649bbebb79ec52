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
Cũng vậy với mọi văn bản trong danh mục văn bản (rules/documents.toml, hoặc tệp danh mục của tỉnh)
có ngày hết hiệu lực (`ended`): được viện dẫn bằng số, ký hiệu trong một văn bản từ ngày đó trở đi
("Nghị định số 110/2004/NĐ-CP" sau ngày 05/3/2020, khi Nghị định 30/2020/NĐ-CP thay thế), trừ khi
câu nói chính việc bãi bỏ, thay thế, sửa đổi hay hết hiệu lực của nó.
---
What: the text cites a law that had been replaced before the document's date, e.g. "Luật Ban hành
văn bản quy phạm pháp luật năm 2015" (80/2015/QH13) in a notice dated on or after 01/4/2025, when
Law 64/2025/QH15 was in force. The table of replaced laws, with sources, is rules/laws.toml.
Why: a legal basis that is no longer in force is a wrong basis.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.6.b; Decree 78/2025/NĐ-CP, Article 62; the sources in
rules/laws.toml.
Fix: cite the replacing law (suggested). Ignore the warning when the old law is meant on purpose
(transitional provisions). A law named without a year is not checked.
The same holds for every document of the registry of documents (rules/documents.toml, or the
province's registry file) that has an end date (`ended`): cited by its symbol in a document dated
on or after it ("Nghị định số 110/2004/NĐ-CP" after 05/3/2020), unless the sentence is about its
repeal, replacement, amendment or expiry.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ... import rx as re
from ...extract.citations import citations, document_date, document_year, registered, replaced_law
from ._common import data, fmt, head_span, label

# the sentence is about the end of the document itself
_ABOUT_ITS_END = re.compile(r"(?i)bãi\s+bỏ|thay\s+thế|hết\s+hiệu\s+lực|sửa\s+đổi|đã\s+được\s+thay|\(cũ\)|trước\s+đây")


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
            hit = _registered_ended(doc, c, ref, year)
            if hit:
                yield hit
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


def _registered_ended(doc, c, ref, year):
    reg = registered(doc, c)
    if reg is None or reg.ended is None:
        return None
    if ref is not None:
        if ref < reg.ended:
            return None
        when_vi, when_en = f"ngày {fmt(ref)}", fmt(ref)
    else:
        if year <= reg.ended.year:
            return None
        when_vi, when_en = f"năm {year}", str(year)
    text = c.para.text
    lo = max(text.rfind(".", 0, c.start), text.rfind(";", 0, c.start)) + 1
    hi = min([i for i in (text.find(";", c.end), text.find(". ", c.end)) if i >= 0] or [len(text)])
    if _ABOUT_ITS_END.search(text, lo, hi):
        return None
    s0, s1 = head_span(c)
    by_vi = f" ({reg.replaced_by})" if reg.replaced_by else ""
    return Hit(Msg(f"\"{label(c)}\" đã hết hiệu lực từ ngày {fmt(reg.ended)}{by_vi}; văn bản này ({when_vi}) viện dẫn "
                   f"văn bản không còn hiệu lực (theo danh mục văn bản rules/documents.toml).",
                   f"\"{label(c)}\" ceased to be in force on {fmt(reg.ended)}{by_vi}; this document ({when_en}) cites "
                   f"a document no longer in force (per the registry of documents, rules/documents.toml)."),
               para=c.para, start=s0, end=s1, data=data(c),
               hint=Msg("Viện dẫn văn bản đang có hiệu lực (trừ khi cố ý nói về văn bản cũ).",
                        "Cite the document in force (unless the old one is meant on purpose)."))
