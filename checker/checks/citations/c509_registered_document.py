"""C509 — Trích dẫn trái với văn bản đã biết

Cái gì: một trích dẫn ghi số, ký hiệu của một văn bản có trong danh mục văn bản (rules/documents.toml,
hoặc tệp danh mục của tỉnh), nhưng ngày ban hành hoặc cơ quan ban hành ghi trong câu khác với văn
bản đó: "Chỉ thị số 27/CT-TTg ngày 15/7/2024" (Chỉ thị 27/CT-TTg ban hành ngày 15/8/2024),
"Nghị quyết số 57-NQ/TW … của Ban Chấp hành Trung ương" (của Bộ Chính trị). Cơ quan chỉ bị coi là
khác khi tên viết trong câu và tên trong danh mục không có chữ nào chung ngoài các chữ chỉ loại cơ
quan hay chức vụ ("Bộ", "Ban", "Bộ trưởng" …): "Bộ trưởng Bộ Tài chính", "Chính phủ" cho một văn
bản của Thủ tướng Chính phủ không bị báo. Cơ quan suy ra từ chủ ngữ ("Bộ Y tế đã có Công văn số
…") không được so. Số, ký hiệu không có trong danh mục thì không kiểm tra.
Tại sao: ngày hoặc cơ quan sai làm người đọc không tra được văn bản, hoặc tra ra văn bản khác.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.b (viện dẫn lần đầu ghi đủ thời gian
ban hành và tên cơ quan ban hành); danh mục: rules/documents.toml (nguồn ghi ở từng mục).
Ví dụ sai: "Chỉ thị số 27/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ".
Ví dụ đúng: "Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ".
Cách sửa: đối chiếu bản gốc; ghi ngày, cơ quan ban hành như văn bản (gợi ý kèm theo).
---
What: a citation gives the number-symbol of a document in the registry of documents
(rules/documents.toml, or the province's registry file), but its date or issuer differs from that
document: "Chỉ thị số 27/CT-TTg ngày 15/7/2024" (issued on 15/8/2024), "Nghị quyết số 57-NQ/TW …
của Ban Chấp hành Trung ương" (of the Bộ Chính trị). An issuer differs only when the written name
and the registered one share no word but those for the kind of body or a title ("Bộ", "Ban",
"Bộ trưởng" …). An issuer read from the sentence's subject is not compared. A symbol not in the
registry is not checked.
Why: a wrong date or issuer sends the reader to no document, or to another one.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.6.b; the registry's sources, entry by entry.
Fix: copy the date and issuer from the original (suggested).
"""
from __future__ import annotations

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations, registered
from ...textnorm import fold
from ._common import data, fmt

# words that name the kind of a body or a post, not which body it is
_GENERIC = frozenset(fold(w) for w in (
    "bộ", "ban", "ủy", "uỷ", "sở", "cục", "vụ", "và", "của", "trưởng", "chủ", "tịch", "nhiệm", "thủ", "phó",
    "giám", "đốc", "hội", "nghị", "lần", "thứ", "khóa", "khoá", "đồng", "chí", "các", "nhà", "nước", "việt", "nam"))


def _words(name: str) -> set[str]:
    return {w for w in fold(name).replace(",", " ").replace("-", " ").split() if w not in _GENERIC}


def _issuer_differs(written: str, known: str) -> bool:
    a, b = _words(written), _words(known)
    return bool(a) and bool(b) and not (a & b)


@rule("C509", name="registered-document", severity="warning",
      title=Msg("Trích dẫn trái với văn bản đã biết", "Citation contradicts a known document"))
def check(doc):
    for c in citations(doc):
        reg = registered(doc, c)
        if reg is None:
            continue
        if c.date is not None and c.date.valid and c.date.first and c.date.first != reg.date:
            yield Hit(Msg(f"\"{c.symbol}\" ghi ngày {c.date.text}, nhưng văn bản số {reg.symbol} ban hành ngày "
                          f"{fmt(reg.date)} (theo danh mục văn bản rules/documents.toml).",
                          f"\"{c.symbol}\" is dated {c.date.text}, but document {reg.symbol} was issued on "
                          f"{fmt(reg.date)} (per the registry of documents, rules/documents.toml)."),
                      para=c.para, start=c.date_span[0], end=c.date_span[1], suggestion=fmt(reg.date), data=data(c),
                      hint=Msg("Đối chiếu bản gốc (Công báo, Cơ sở dữ liệu quốc gia về văn bản pháp luật) và ghi đúng ngày ban hành.",
                               "Copy the date of issue from the original (the Official Gazette, the national legal database)."))
        if c.issuer and not c.issuer_before and reg.issuer and _issuer_differs(c.issuer, reg.issuer):
            yield Hit(Msg(f"\"{c.symbol}\" ghi cơ quan ban hành \"{c.issuer}\", nhưng văn bản số {reg.symbol} là của "
                          f"{reg.issuer} (theo danh mục văn bản rules/documents.toml).",
                          f"\"{c.symbol}\" names \"{c.issuer}\" as its issuer, but document {reg.symbol} is of "
                          f"{reg.issuer} (per the registry of documents, rules/documents.toml)."),
                      para=c.para, start=c.issuer_span[0], end=c.issuer_span[1], suggestion=reg.issuer, data=data(c),
                      hint=Msg("Đối chiếu bản gốc (Công báo, Cơ sở dữ liệu quốc gia về văn bản pháp luật) và ghi đúng cơ quan ban hành.",
                               "Copy the issuer from the original (the Official Gazette, the national legal database)."))
