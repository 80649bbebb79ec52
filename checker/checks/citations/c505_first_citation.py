"""C505 — Viện dẫn lần đầu chưa đầy đủ

Cái gì: lần đầu một văn bản được viện dẫn mà thiếu số, ký hiệu ("Nghị định 68"), thiếu ngày ban
hành ("Nghị quyết số 68/NQ-CP" không có ngày), thiếu tên loại (chỉ có ký hiệu "13/2019/NQ-HĐND"
giữa câu), hoặc thiếu chữ "số" ("Nghị quyết 21/NQ-HĐND", mức cảnh báo). Luật, bộ luật, pháp lệnh
chỉ cần tên loại và tên gọi. Các lần viện dẫn sau chỉ cần tên loại và số, ký hiệu: không kiểm tra.
Tại sao: người đọc phải tìm được đúng văn bản ngay lần đầu gặp; số, ký hiệu và ngày ban hành là
thông tin để tra cứu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.b: "Khi viện dẫn lần đầu văn bản có
liên quan, phải ghi đầy đủ tên loại, số, ký hiệu của văn bản, thời gian ban hành văn bản, tên cơ
quan, tổ chức ban hành văn bản và trích yếu nội dung văn bản (đối với Luật và Pháp lệnh chỉ ghi tên
loại và tên của Luật, Pháp lệnh)".
Ví dụ sai: "theo Nghị quyết số 68/NQ-CP;", "hướng dẫn thực hiện hợp đồng theo Nghị định 68".
Ví dụ đúng: "theo Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về một số chính sách hỗ trợ
người lao động và người sử dụng lao động gặp khó khăn do đại dịch Covid-19".
Cách sửa: bổ sung các phần còn thiếu ở lần viện dẫn đầu tiên (thêm chữ "số" thì sửa tự động được).
Văn bản quy phạm pháp luật (số ký hiệu có năm, ví dụ 44/2025/QĐ-TTg) viện dẫn theo Nghị định
78/2025/NĐ-CP, Điều 68 (tên loại, số, ký hiệu, cơ quan ban hành và tên gọi; không bắt buộc ngày): với
các văn bản này không đòi ngày ban hành.
Giới hạn: cơ quan ban hành và trích yếu không được kiểm tra (ký hiệu đã cho biết cơ quan ban hành;
trích yếu thường đã nêu ở câu trước).
---
What: the first citation of a document lacks its number and symbol ("Nghị định 68"), its date
("Nghị quyết số 68/NQ-CP" with no date), its type name (a bare "13/2019/NQ-HĐND" in a sentence),
or the word "số" ("Nghị quyết 21/NQ-HĐND", a warning). A law or ordinance needs only its type and
name. Later citations need only the type and number-symbol and are not checked.
Why: the reader must be able to find the document at its first mention.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.6.b.
Fix: complete the first citation (adding "số" is a safe automatic fix).
A normative document (its own symbol carries a year, e.g. 44/2025/QĐ-TTg) cites under Decree
78/2025/NĐ-CP, Article 68, which does not require the date: no date is asked of it.
Limits: the issuer and the trích yếu are not checked.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations, document_symbol, is_normative_symbol
from ._common import data, head_span, label, line_of


def _outside_words(c, by_para) -> int:
    """Words of the paragraph outside every citation: few means a table cell or a list of symbols."""
    text = c.para.text
    spans = sorted((o.start, o.end) for o in by_para[id(c.para)])
    rest, pos = [], 0
    for a, b in spans:
        rest.append(text[pos:a])
        pos = max(pos, b)
    rest.append(text[pos:])
    return len(" ".join(rest).split())


@rule("C505", varies=(('warning',), Msg('Cảnh báo khi có đủ số, ký hiệu và ngày ban hành nhưng thiếu tên loại văn bản hoặc chữ "số"; lỗi khi thiếu số, ký hiệu hoặc ngày ban hành.',
                        'A warning when the number-symbol and the date are there but the type name or the word "số" is missing; an error when the number-symbol or the date is missing.')), name="first-citation", severity="error",
      title=Msg("Viện dẫn lần đầu chưa đầy đủ", "Incomplete first citation"), fixable=True)
def check(doc):
    cits = citations(doc)
    need_date = not is_normative_symbol(document_symbol(doc))
    later: dict[int, list] = {}
    by_para: dict[int, list] = {}
    for c in cits:
        by_para.setdefault(id(c.para), []).append(c)
        if c.first is not None:
            later.setdefault(c.first.index, []).append(c)
    for c in cits:
        if not c.is_first or c.law_like:
            continue
        named = c.type_from in ("name", "list")
        if not named and (c.start == 0 or _outside_words(c, by_para) < 6):
            continue  # a symbol opening a table cell, or a list of symbols
        missing_vi, missing_en = [], []
        if not named:
            missing_vi.append("tên loại văn bản")
            missing_en.append("the document type")
        if not c.symbol:
            missing_vi.append("số, ký hiệu")
            missing_en.append("the number and symbol")
        if c.date is None and need_date:
            missing_vi.append("ngày ban hành")
            missing_en.append("the date of issue")
        no_so = named and c.type_from == "name" and not c.so and c.type_span is not None
        if not missing_vi and not no_so:
            continue
        s0, s1 = head_span(c)
        lab = label(c)
        if not missing_vi:
            # the finding covers the type and the symbol (what a reader sees, and where a Word
            # comment is anchored), the fix inserts "số" between them
            t0, a = c.type_span
            b, e = c.symbol_span or c.number_span
            text = c.para.text
            yield Hit(Msg(f"\"{lab}\": thiếu chữ \"số\" trước số, ký hiệu của văn bản.",
                          f"\"{lab}\": the word \"số\" is missing before the number and symbol."),
                      para=c.para, start=t0, end=e, replacement=text[t0:a] + " số " + text[b:e],
                      suggestion=f"{c.type_name} số {c.symbol or c.number}",
                      severity="warning", data=data(c),
                      hint=Msg("Viết \"<tên loại> số <số, ký hiệu>\".", "Write \"<type> số <number-symbol>\"."))
            continue
        if no_so:
            missing_vi.append("chữ \"số\"")
            missing_en.append("the word \"số\"")
        where_vi = where_en = ""
        for o in later.get(c.index, []):
            if o.date is not None and c.date is None:
                ln = line_of(doc, o)
                where_vi = f" Dòng {ln} ghi ngày ban hành: chuyển thông tin đầy đủ lên lần viện dẫn đầu tiên này."
                where_en = f" Line {ln} gives the date: move the full citation up to this first one."
                break
            if o.symbol and not c.symbol:
                ln = line_of(doc, o)
                where_vi = f" Dòng {ln} ghi đầy đủ \"{o.symbol}\": ghi đầy đủ ngay ở lần đầu."
                where_en = f" Line {ln} gives \"{o.symbol}\": write it in full at this first citation."
                break
        serious = not c.symbol or c.date is None
        yield Hit(Msg(f"Lần viện dẫn đầu tiên \"{lab}\" thiếu: {', '.join(missing_vi)}.{where_vi}",
                      f"The first citation \"{lab}\" lacks {', '.join(missing_en)}.{where_en}"),
                  para=c.para, start=s0, end=s1, data=data(c), severity=None if serious else "warning",
                  hint=Msg("Lần đầu viện dẫn ghi đủ: tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và "
                           "trích yếu (ví dụ \"Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về …\").",
                           "A first citation gives the type, number-symbol, date, issuer and summary (e.g. "
                           "\"Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về …\")."))
