"""C505 — Viện dẫn lần đầu chưa đầy đủ

Cái gì: chỉ xét lần viện dẫn đầu tiên của mỗi văn bản (các lần sau cùng số, ký hiệu không bị xét).
Luật, bộ luật, pháp lệnh, hiến pháp chỉ cần tên loại và tên gọi: không xét ở đây. Với mỗi lần viện
dẫn đầu tiên khác, rasoat báo:
- thiếu tên loại văn bản: một số, ký hiệu đứng trơ giữa câu ("báo cáo tình hình 13/2019/NQ-HĐND");
  không báo khi số, ký hiệu mở đầu đoạn hoặc đoạn có dưới 6 chữ ngoài các trích dẫn (ô bảng, danh
  sách số ký hiệu);
- thiếu số, ký hiệu ("Nghị định 68");
- thiếu ngày ban hành — chỉ khi văn bản đang rà soát là văn bản hành chính (số, ký hiệu của chính
  nó không có năm, như 125/TB-UBND); khi văn bản đang rà soát là văn bản quy phạm pháp luật (số, ký
  hiệu có năm, như 44/2025/QĐ-TTg) thì viện dẫn theo Nghị định 78/2025/NĐ-CP, Điều 68, không đòi
  ngày. Ngày viết ngay trước trong cùng câu ("Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN") được
  tính; ngày viết sai chữ ("ngày 22 tháng 12 nám 2024") vẫn là ngày (C504 báo chữ viết sai);
- thiếu cơ quan ban hành — chỉ trong văn bản hành chính có số, ký hiệu của mình (hoặc thông báo),
  ngoài bảng, phụ lục và dòng in hoa: ký hiệu ("214/NQ-CP") không thay cho tên cơ quan. Không báo
  khi câu đã nêu cơ quan: "của/do/giữa …" sau trích dẫn (kể cả "của …" sau trích dẫn cuối của một
  loạt trích dẫn liền nhau), chủ ngữ "Bộ Y tế đã có Công văn số …", "đề nghị của Giám đốc Sở Tư pháp
  tại Tờ trình số …", lời dẫn "… do Sở Tư pháp tổng hợp tại các văn bản gồm:", tên cơ quan mà mã
  trong ký hiệu chỉ ra có trong cùng mệnh đề ("… Quốc hội khóa XV"). Người quyết định không phải
  cơ quan ban hành: "tại Thông báo số 384/TB-VPCP ngày 25/7/2025, Thủ tướng Chính phủ đã giao"
  vẫn thiếu tên cơ quan ban hành thông báo (Văn phòng Chính phủ). Không báo với văn bản trước đây của chính cơ quan ban hành (ký hiệu mang mã của chính văn
  bản đang rà soát, như "Thông báo số 552/TB-VPCP" trong một thông báo của Văn phòng Chính phủ);
- thiếu chữ "số" ("Nghị quyết 21/NQ-HĐND").
Mức: lỗi khi thiếu số, ký hiệu, hoặc khi trích dẫn không ghi ngày; cảnh báo khi đã có số, ký hiệu
và ngày mà chỉ thiếu tên loại, cơ quan ban hành hoặc chữ "số" (thêm chữ "số" thì sửa tự động được). Trích yếu không được kiểm tra (thường đã nêu ở câu
trước).
Tại sao: người đọc phải tìm được đúng văn bản ngay lần đầu gặp; số, ký hiệu, ngày ban hành và cơ
quan ban hành là thông tin để tra cứu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.b: "Khi viện dẫn lần đầu văn bản có
liên quan, phải ghi đầy đủ tên loại, số, ký hiệu của văn bản, thời gian ban hành văn bản, tên cơ
quan, tổ chức ban hành văn bản và trích yếu nội dung văn bản (đối với Luật và Pháp lệnh chỉ ghi tên
loại và tên của Luật, Pháp lệnh)"; Nghị định 78/2025/NĐ-CP, Điều 68 (văn bản quy phạm pháp luật).
Ví dụ sai: "theo Nghị quyết số 68/NQ-CP;", "hướng dẫn thực hiện hợp đồng theo Nghị định 68",
"thực hiện Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025" (thiếu cơ quan ban hành).
Ví dụ đúng: "theo Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về một số chính sách hỗ trợ
người lao động và người sử dụng lao động gặp khó khăn do đại dịch Covid-19".
Cách sửa: bổ sung các phần còn thiếu ở lần viện dẫn đầu tiên.
---
What: only the first citation of each document is checked (later ones, linked by the symbol, are
not). Laws, codes, ordinances and the Constitution need only their type and name: not checked
here. For every other first citation rasoat reports:
- a missing type name: a bare number-symbol inside a sentence (not when it opens the paragraph or
  the paragraph has fewer than 6 words outside citations: a table cell, a list of symbols);
- a missing number and symbol ("Nghị định 68");
- a missing date, only when the document being checked is an administrative one (its own symbol
  has no year, e.g. 125/TB-UBND); a normative document being checked (its symbol has a year, e.g.
  44/2025/QĐ-TTg) cites under Decree 78/2025/NĐ-CP, Article 68, which asks no date. A date written
  just before in the sentence counts; a date with a misspelt word counts (C504 reports the slip);
- a missing issuing body, only in an administrative document with its own number (or a notice),
  outside tables, annexes and lines in capitals: the code in the symbol is not the body's name. Not
  reported when the sentence names it otherwise ("của/do/giữa …" after the citation or after the
  last of a run of citations; the subject "Bộ Y tế đã có Công văn số …"; "đề nghị của … tại Tờ
  trình số …"; a lead-in "… do X … gồm:"; the body of the symbol's code named in the clause). Who decided is
  not who issued: "tại Thông báo số 384/TB-VPCP ngày 25/7/2025, Thủ tướng Chính phủ đã giao" still
  lacks the notice's issuer (Văn phòng Chính phủ). Not reported either for the issuer's own earlier documents (the symbol carries the
  checked document's own issuer code);
- a missing word "số" ("Nghị quyết 21/NQ-HĐND").
Severity: error when the number-symbol is missing or the citation gives no date; warning when it
has both and lacks only the type name, the issuer or "số" (adding "số" is a safe fix). The trích yếu is not checked.
Why: the reader must be able to find the document at its first mention.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.6.b; Decree 78/2025/NĐ-CP, Article 68.
Fix: complete the first citation.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ... import rx as re
from ...textnorm import is_upper_text
from ...extract.citations import (canon, citations, document_symbol, is_normative_symbol, issuer_info,
                                  own_issuer_codes)
from ._common import data, head_span, label, line_of


def _short_form_place(doc, c) -> bool:
    """A table cell, an annex or a title in capitals: documents are cited there in short form."""
    p = c.para
    return (p.container != "body" or p.index in _annex(doc) or p.upper
            or is_upper_text(p.text[c.start:c.end]))


_LEAD_ISSUER = re.compile(r"(?:^|[\s(])(?:của|do)\s+\p{Lu}[^:]*:\s*$")


_ITEM_OPENING = re.compile(r"\s*[,;]?\s*(?:[-+•*]|\(?\w{1,3}[.)])?\s*")


def _issuer_in_lead_in(doc, c, by_para) -> bool:
    """A list of citations under a lead-in that names their issuer: "… do Sở Tư pháp tổng hợp tại
    các văn bản gồm:" then "(1) Báo cáo số 43/BC-STP …, (2) …"."""
    text = c.para.text
    start = c.start
    # items one after another ("(1) Báo cáo số …, (2) Báo cáo số …"): back to the first one
    for o in sorted((o for o in by_para[id(c.para)] if o.end <= start), key=lambda o: -o.end):
        if not _ITEM_OPENING.fullmatch(text, o.end, start):
            break
        start = o.start
    before = text[:start]
    if ":" in before:
        return bool(_LEAD_ISSUER.search(before[:before.rfind(":") + 1]))
    if not _ITEM_OPENING.fullmatch(before):
        return False
    # the citation opens a list item: its lead-in is the paragraph before, ending with ":"; an item
    # whose lead-in is not at hand (a footnote split from its text) is not judged
    prev = doc.paragraphs[c.para.index - 1].text.rstrip() if c.para.index else ""
    return not prev.endswith(":") or bool(_LEAD_ISSUER.search(prev))


_ANNEX_HEAD = re.compile(r"\s*(?:PHỤ LỤC|DANH MỤC|Phụ lục [IVX\d]+\s*$)")


def _annex(doc) -> frozenset[int]:
    """The annex (tables of legal bases, lists): its paragraphs, and all after its heading."""
    if "c505_annex" not in doc.cache:
        found = set(doc.structure.components.get("annex", []))
        for p in doc.paragraphs[5:]:
            if _ANNEX_HEAD.match(p.text):
                found.update(range(p.index, len(doc.paragraphs)))
                break
        doc.cache["c505_annex"] = frozenset(found)
    return doc.cache["c505_annex"]


_CLAUSE_END = re.compile(r"[;.](?:\s|$)|$")


def _issuer_named(doc, c) -> bool:
    """Whether the sentence names the issuer other than after "của": the type name carries it
    ("Kết luận liên ngành Tư pháp Trung ương số …"), the body the symbol's code stands for is
    named in the clause ("… ngày 16/6/2022 Kỳ họp thứ 3, Quốc hội khóa XV"). Who decided is not
    who issued: in "tại Thông báo số 384/TB-VPCP ngày 25/7/2025, Thủ tướng Chính phủ đã giao" the
    notice's issuer (Văn phòng Chính phủ) is still unnamed."""
    text = c.para.text
    if c.type_span and c.symbol_span:
        between = text[c.type_span[1]:(c.so_span or c.symbol_span)[0]]
        if any(w[:1].isupper() for w in between.split()):
            return True
    lo = max(text.rfind(";", 0, c.start), text.rfind(". ", 0, c.start)) + 1
    m = _CLAUSE_END.search(text, c.end)
    clause = text[lo:m.start() if m else len(text)]
    for code in c.issuer_codes[:1]:
        info = issuer_info(code)
        if info:
            # the name itself, not the end of a longer one ("Văn phòng Chính phủ" is not "Chính phủ")
            name = re.escape(info.name.split(" (")[0])
            if re.search(r"(?:^|[,;:(][ \t]*|(?:của|do|bởi|giữa)[ \t]+)" + name + r"(?!\w)", clause):
                return True
    return False


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


@rule("C505", varies=(('warning',), Msg('Cảnh báo khi có đủ số, ký hiệu và ngày ban hành nhưng thiếu tên loại văn bản, cơ quan ban hành hoặc chữ "số"; lỗi khi thiếu số, ký hiệu hoặc ngày ban hành.',
                        'A warning when the number-symbol and the date are there but the type name, the issuer or the word "số" is missing; an error when the number-symbol or the date is missing.')), name="first-citation", severity="error",
      title=Msg("Viện dẫn lần đầu chưa đầy đủ", "Incomplete first citation"), fixable=True)
def check(doc):
    cits = citations(doc)
    need_date = not is_normative_symbol(document_symbol(doc))
    own = own_issuer_codes(doc)
    # a page with no number and symbol of its own (a news article) is not bound by ND30's form
    administrative = document_symbol(doc) is not None or doc.kind == "thong-bao"
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
        serious = not c.symbol or c.date is None
        if (need_date and administrative and c.issuer is None and c.symbol and c.first is None
                and not (c.issuer_codes and canon(c.issuer_codes[0]) in own)
                and not _short_form_place(doc, c) and _outside_words(c, by_para) >= 6
                and not _issuer_in_lead_in(doc, c, by_para) and not _issuer_named(doc, c)):
            # the symbol's codes are not a name: "214/NQ-CP" says CP only to who knows the code
            missing_vi.append("cơ quan ban hành")
            missing_en.append("the issuing body")
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
        yield Hit(Msg(f"Lần viện dẫn đầu tiên \"{lab}\" thiếu: {', '.join(missing_vi)}.{where_vi}",
                      f"The first citation \"{lab}\" lacks {', '.join(missing_en)}.{where_en}"),
                  para=c.para, start=s0, end=s1, data=data(c), severity=None if serious else "warning",
                  hint=Msg("Lần đầu viện dẫn ghi đủ: tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và "
                           "trích yếu (ví dụ \"Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về …\").",
                           "A first citation gives the type, number-symbol, date, issuer and summary (e.g. "
                           "\"Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về …\")."))
