"""L704 — Dấu câu và khoảng trắng

Cái gì: (1) khoảng trắng trước dấu câu ("thực hiện ," "năm 2024 ."); (2) thiếu khoảng trắng sau
dấu phẩy, chấm phẩy, hai chấm, dấu chấm hết câu, dấu đóng ngoặc ("kinh tế,xã hội", "Lưu:VT");
(3) hai, ba dấu cách liền nhau giữa hai từ (xét trên văn bản gốc); (4) ngoặc đơn, ngoặc kép
không cân (mở mà không đóng, đóng mà không mở); (5) dấu chấm thừa (",....", "...."), khoảng trắng
hai bên dấu gạch nối giữa hai số không đều ("2026 -2031"), hai dấu nháy đơn '' thay dấu ngoặc kép
(6) thiếu dấu phẩy giữa tên một bộ và "các tỉnh/bộ/sở …" ("Bộ Quốc phòng các tỉnh Ninh Bình" →
"Bộ Quốc phòng, các tỉnh …"; tên bộ lấy từ danh mục cơ quan) (các lỗi (4)–(6) ở mức cảnh báo).
Không xét: số thập phân và số có dấu chấm
(1,5; 1.000), giờ (8:30), chữ viết tắt và địa chỉ (TP.HCM, V/v, thuvienphapluat.vn), dấu ba
chấm, nhãn danh sách "a)", "1)" và khoảng trắng căn lề (bốn dấu cách trở lên).
Tại sao: lỗi trình bày làm văn bản thiếu chuẩn mực; ngoặc không cân làm người đọc không biết
phần chú thích kết thúc ở đâu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 và Phụ lục I (kỹ thuật trình bày văn bản); quy
ước chính tả tiếng Việt: dấu câu viết liền với chữ đứng trước, cách chữ đứng sau một dấu cách.
Ví dụ sai: "các sở , ngành"; "Lưu:VT"; "(theo Kế hoạch số 12/KH-UBND"; "tỉnh  Lai Châu".
Ví dụ đúng: "các sở, ngành"; "Lưu: VT"; "(theo Kế hoạch số 12/KH-UBND)"; "tỉnh Lai Châu".
Cách sửa: xóa hoặc thêm dấu cách (bản sửa tự động); đóng ngoặc đúng chỗ.
---
What: (1) a space before a punctuation mark ("thực hiện ," "năm 2024 ."); (2) no space after a
comma, semicolon, colon, full stop ending a sentence, or closing bracket ("kinh tế,xã hội",
"Lưu:VT"); (3) two or three spaces between two words (in the original text); (4) unbalanced
brackets or quotes (opened and never closed, closed and never opened); (5) stray dots (",....",
"...."), lopsided spaces around a dash between numbers ("2026 -2031"), '' for a quotation mark
(6) a missing comma between a ministry and "các tỉnh/bộ/sở …" ("Bộ Quốc phòng các tỉnh Ninh
Bình"; ministries from the agency registry) ((4)–(6) are warnings). Not checked: decimal and
grouped numbers (1,5; 1.000), times (8:30), abbreviations and addresses (TP.HCM, V/v,
thuvienphapluat.vn), ellipses, list labels "a)", "1)" and alignment (four spaces or more).
Why: such slips make a document look careless; an unclosed bracket leaves the reader unsure
where the aside ends.
Rule: Decree 30/2020/NĐ-CP, Article 8(1) and Annex I (presentation); Vietnamese convention:
punctuation sticks to the word before it and is followed by one space.
Fix: remove or add the space (automatic fix); close the bracket where it belongs.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...language.lexicon import joined_punctuation
from ...structure import patterns as P

# Both patterns begin with the character they are about (a space; a punctuation mark) and look
# behind from there, so that the engine skips ahead to those characters instead of trying the
# look-behind at every position of the paragraph.
SPACE_BEFORE = re.compile(r"( (?<=[\p{L}\p{M}\d\)\]”\"] ) *)([,;:!?]|\.(?!\.|/\.)|\)(?!\)))")
NO_SPACE_AFTER = re.compile(
    r"[,;:.)](?:"
    r"(?<=[\p{L}\p{M}\)\]”][,;])(?<!\p{Lu}[,;][,;])(?=[\p{L}])(?!(?<=\p{Lu}[,;])\p{Lu})"  # kinh tế,xã hội (not KH,CN)
    r"|(?<=[\p{L}\p{M}\)\]”]:)(?=[\p{L}])(?!//)"  # Lưu:VT
    r"|(?<=[\p{Ll}\d]{2}\.|\p{Ll}[\p{M}]\.)(?=\p{Lu}\p{Ll})"  # … thực hiện.Tiếp theo
    r"|(?<=[\p{L}\p{M}\d]\))(?=[\p{L}\d])"  # (2b)Q.Cường
    r")"
)
# "luân chuyển,....đối với": a comma or a word, a run of dots, and the next word glued on (",..."
# followed by a space ends a list, as in Nghị định 30 itself; dots alone, "ngày ..... tháng", are a
# blank to fill in a draft: neither is reported)
DOT_RUN = re.compile(r"(?<=[\p{L}\p{M}])(?:[,;]\.{3,}|\.{4,})(?=\p{L})")
# "2026 -2031", "2026- 2031": a dash between two numbers with a space on one side only
LOPSIDED_DASH = re.compile(r"(?<=\d)(?: [-–](?=\d)|[-–] (?=\d))")
# two apostrophes '' typed for a quotation mark
APOSTROPHES = re.compile(r"''")
DOUBLE_SPACE = re.compile(r"( (?<=\S ) {1,2})(?=\S)")  # (?<=\S)( {2,3})(?=\S), led by its space
OPEN, CLOSE = "([“", ")]”"
BRACKET = re.compile(r"[()\[\]“”]")
STRAIGHT = re.compile('"')
# quick tests in C, one search of a paragraph each, without which the pattern named cannot match
# (most paragraphs have none): SPACE_BEFORE needs a space before a space or one of its marks,
# NO_SPACE_AFTER one of its marks before a letter or digit, LOPSIDED_DASH a digit before a dash
# with a space on one side only and a digit after it
SPACE_BEFORE_NEEDS = re.compile(r" [ ,;:!?.)]")
NO_SPACE_AFTER_NEEDS = re.compile(r"[,;:.)][^\W_]")
LOPSIDED_DASH_NEEDS = re.compile(r"\d(?: [-–]\d|[-–] \d)")
LABEL = re.compile(r"(?:^|(?<=[\s(;:,]))(?:[\dA-Za-zđ]{1,3}|[ivxIVX]{1,5})$")


@rule("L704", varies=(('warning',), Msg('Cảnh báo khi dấu ngoặc, dấu ngoặc kép mở mà không đóng (hoặc ngược lại), khi thiếu dấu phẩy giữa các cơ quan được liệt kê, dấu chấm sau dấu phẩy (",...."), dấu gạch nối lệch giữa hai số ("2026 -2031") hoặc hai dấu nháy đơn thay dấu ngoặc kép; mức thông tin cho các lỗi trình bày dấu câu khác.',
                        'A warning for a bracket or quotation mark opened and never closed (or the reverse), a missing comma between listed bodies, dots after a comma (",...."), a lopsided dash between numbers ("2026 -2031") or two single quotes for a quotation mark; info for other punctuation spacing.')), name="typography", severity="info", fixable=True,
      title=Msg("Dấu câu và khoảng trắng", "Punctuation and spacing"))
def check(doc):
    joined = joined_punctuation()
    for p in doc.paragraphs:
        text = p.text
        allowed = _Lazy(lambda t=text: [m.span() for m in joined.finditer(t)])
        body_from = _after_marker(doc, p)
        for m in (SPACE_BEFORE.finditer(text) if SPACE_BEFORE_NEEDS.search(text) else ()):
            i, j = m.span(1)
            if i < body_from or _inside(allowed, i) or doc.source.text[p.offsets[i]] != " ":
                continue  # (a line break joined into a space is not a typed space)
            mark = m.group(2)
            yield Hit(Msg(f"Thừa dấu cách trước dấu \"{mark}\".", f"Space before \"{mark}\"."),
                      para=p, start=i, end=j + 1, suggestion=mark, replacement=mark,
                      hint=Msg("Dấu câu viết liền với chữ đứng trước.", "Punctuation sticks to the word before it."))
        for m in (NO_SPACE_AFTER.finditer(text) if NO_SPACE_AFTER_NEEDS.search(text) else ()):
            k = m.start()
            mark = m.group()
            if k < body_from or _inside(allowed, k):
                continue
            if mark == ")" and _is_label(text, k):
                continue
            yield Hit(Msg(f"Thiếu dấu cách sau dấu \"{mark}\".", f"No space after \"{mark}\"."),
                      para=p, start=k, end=k + 1, suggestion=mark + " ", replacement=mark + " ",
                      hint=Msg("Sau dấu câu có một dấu cách.", "A punctuation mark is followed by one space."))
        yield from _marks(p, text, allowed)
        if "Bộ " in text and " các " in text:
            yield from _missing_comma(doc, p, text)
    yield from _unbalanced(doc)
    yield from _double_spaces(doc)


_MINISTRIES: dict[int, object] = {}


def _ministries(doc):
    """A pattern of the ministries of the agency registry followed by "các tỉnh/bộ/…" (once per
    registry): "Bộ Quốc phòng các tỉnh Ninh Bình" is two owners with the comma left out."""
    from ...registry import for_settings

    reg = for_settings(doc.options.settings)
    if id(reg) not in _MINISTRIES:
        names = sorted({a.name for a in reg.agencies if a.name.startswith("Bộ ") and not a.scopes
                        and a.name != "Bộ Chính trị"}, key=lambda n: (-len(n), n))  # same text every run: cached
        _MINISTRIES.clear()
        _MINISTRIES[id(reg)] = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")"
                                          r"(?= các (?:tỉnh|bộ|sở|địa phương|cơ quan|đơn vị|thành phố|ngành)(?!\w))") if names else None
    return _MINISTRIES[id(reg)]


def _missing_comma(doc, p, text):
    pattern = _ministries(doc)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        name = m.group(1)
        yield Hit(Msg(f"Thiếu dấu phẩy giữa hai cơ quan: \"{name} các …\" → \"{name}, các …\".",
                      f"Missing comma between two bodies: \"{name} các …\" → \"{name}, các …\"."),
                  para=p, start=m.start(1), end=m.end(1), suggestion=name + ",", replacement=name + ",", safe=False,
                  severity="warning", hint=Msg("Các cơ quan được liệt kê cách nhau bằng dấu phẩy.",
                                               "Bodies in a list are separated by commas."))


def _marks(p, text, allowed):
    """Dots after a comma, lopsided dashes between numbers, '' for a quotation mark (warnings:
    each is a typing slip a reader sees)."""
    if "..." in text:  # every DOT_RUN has three dots in a row (the look-behind is tried at every position)
        for m in DOT_RUN.finditer(text):
            if _inside(allowed, m.start()):
                continue
            yield Hit(Msg(f"Dấu câu viết sai: \"{m.group()}\"; dấu ba chấm là \"…\" (hoặc \"...\"), không đi cùng dấu phẩy, "
                          "chấm phẩy.",
                          f"Wrong punctuation: \"{m.group()}\"; an ellipsis is \"…\" (or \"...\"), never with a comma or semicolon."),
                      para=p, start=m.start(), end=m.end(), suggestion="…", replacement="…", safe=False, severity="warning",
                      hint=Msg("Viết dấu ba chấm \"…\" liền sau chữ, rồi một dấu cách.", "Write \"…\" after the word, then a space."))
    if ("-" in text or "–" in text) and LOPSIDED_DASH_NEEDS.search(text):  # a dash with a space on one side
        for m in LOPSIDED_DASH.finditer(text):
            dash = m.group().strip()
            yield Hit(Msg(f"Khoảng trắng hai bên dấu \"{dash}\" giữa hai số không đều: \"{text[m.start() - 1:m.end() + 1]}\"; "
                          f"viết \" {dash} \" hoặc \"{dash}\" liền.",
                          f"Lopsided spaces around \"{dash}\" between two numbers; write \" {dash} \" or \"{dash}\" with no spaces."),
                      para=p, start=m.start(), end=m.end(), suggestion=f" {dash} ", replacement=f" {dash} ", safe=False,
                      severity="warning", hint=Msg("Dấu gạch nối có dấu cách ở cả hai bên hoặc không bên nào.",
                                                   "A dash has a space on both sides or on neither."))
    if "''" in text:
        for m in APOSTROPHES.finditer(text):
            yield Hit(Msg("Hai dấu nháy đơn '' dùng thay dấu ngoặc kép: viết “ ” (hoặc \").",
                          "Two apostrophes '' typed for a quotation mark: write “ ” (or \")."),
                      para=p, start=m.start(), end=m.end(), suggestion="“", replacement="“", safe=False, severity="warning",
                      hint=Msg("Dùng dấu ngoặc kép “ ” cho lời trích.", "Use “ ” for quotations."))


def _after_marker(doc, p) -> int:
    """Where the paragraph's text begins after its list marker (once per paragraph)."""
    cache = doc.cache.setdefault("l704_body", {})
    if p.index not in cache:
        m = P.marker_of(p.text)
        cache[p.index] = m[2] if m else 0
    return cache[p.index]


class _Lazy:
    """A value computed the first time it is needed (most paragraphs never need it)."""

    def __init__(self, make):
        self._make = make
        self._value = None

    def get(self):
        if self._value is None:
            self._value = self._make()
        return self._value


def _inside(spans: _Lazy, k: int) -> bool:
    return any(s <= k < e for s, e in spans.get())


def _is_label(text: str, k: int) -> bool:
    """A ")" that ends an inline list label ("… gồm: a) …", "(1) …; 2) …")."""
    return bool(LABEL.search(text[max(0, k - 6): k]))


def _is_footnote_ref(text: str, k: int) -> bool:
    """"NGHIỆP1)": a footnote number glued to the word before it."""
    j = k
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    return j < k and j > 0 and text[j - 1].isalpha()


MAX_BRACKETS = 2000  # brackets in one paragraph: past this it is not running text (a pasted dump)


def _unmatched(doc, p) -> list[tuple[int, str]]:
    """(index, "open" | "close" | "straight") of the brackets and quotes of a paragraph that
    have no partner in it (none for a paragraph of more than MAX_BRACKETS brackets)."""
    text = p.text
    if len(text) > MAX_BRACKETS and sum(text.count(c) for c in OPEN + CLOSE + '"') > MAX_BRACKETS:
        return []
    stack: list[tuple[str, int]] = []
    bad: list[tuple[int, str]] = []
    if "(" in text or ")" in text or "“" in text or "”" in text or "[" in text or "]" in text:
        brackets = BRACKET.finditer(text, _after_marker(doc, p))
    else:
        brackets = ()  # (the marker is worked out only for a paragraph with a bracket)
    for m in brackets:
        k, c = m.start(), m.group()
        if c in OPEN:
            stack.append((c, k))
        elif c in CLOSE:
            want = OPEN[CLOSE.index(c)]
            if stack and stack[-1][0] == want:
                stack.pop()
            elif any(o == want for o, _ in stack):
                while stack and stack[-1][0] != want:
                    bad.append((stack.pop()[1], "open"))
                stack.pop()
            elif c == ")" and (_is_label(text, k) or _is_footnote_ref(text, k)):
                continue
            else:
                bad.append((k, "close"))
    bad.extend((k, "open") for _, k in stack)
    straight = [m.start() for m in STRAIGHT.finditer(text)] if '"' in text else ()
    if len(straight) % 2:
        bad.append((straight[-1], "straight"))
    return sorted(bad)


def _unbalanced(doc):
    found = {p.index: _unmatched(doc, p) for p in doc.paragraphs}
    # a bracket opened at the end of one paragraph and closed in the next: the paragraph was cut
    # (a hard wrap or a table cell the reader could not join), not an unbalanced bracket
    # (linear in the brackets: a paragraph's closing brackets are queued by character once, and a
    # matched pair is marked gone instead of removed from the lists)
    paras = doc.paragraphs
    gone: set[tuple[int, int]] = set()  # (paragraph index, position) of brackets matched across paragraphs
    left = {i: len(b) for i, b in found.items()}  # unmatched brackets still left in each paragraph
    closes: dict[int, dict[str, list[int]]] = {}  # paragraph → closing character → positions, reversed

    def closes_of(q) -> dict[str, list[int]]:
        if q.index not in closes:
            by: dict[str, list[int]] = {}
            for k, what in found[q.index]:
                if what == "close":
                    by.setdefault(q.text[k], []).append(k)
            closes[q.index] = {c: ks[::-1] for c, ks in by.items()}
        return closes[q.index]

    for p in paras:
        here = found[p.index]
        if not here or P.is_terminal(p.text):
            continue  # a finished paragraph: what it leaves open stays open
        for k, what in [b for b in here if b[1] == "open"][::-1]:
            c = CLOSE[OPEN.index(p.text[k])]
            for q in paras[p.index + 1: p.index + 4]:
                if P.marker_of(q.text):
                    break  # a new item begins: not the rest of this paragraph
                waiting = closes_of(q).get(c)
                if waiting:
                    partner = waiting.pop()
                    gone.add((p.index, k))
                    gone.add((q.index, partner))
                    left[p.index] -= 1
                    left[q.index] -= 1
                    break
                if left[q.index]:
                    break
    for p in doc.paragraphs:
        for k, what in found[p.index]:
            if (p.index, k) in gone:
                continue
            c = p.text[k]
            if what == "straight":
                msg = Msg("Số dấu ngoặc kép \" lẻ: có dấu mở mà không có dấu đóng (hoặc ngược lại).",
                          "An odd number of \" quotes: one is opened and never closed (or the reverse).")
            elif what == "open":
                msg = Msg(f"Dấu \"{c}\" mở mà không đóng trong đoạn này.",
                          f"\"{c}\" is opened and never closed in this paragraph.")
            else:
                msg = Msg(f"Dấu \"{c}\" đóng mà không có dấu mở tương ứng.", f"\"{c}\" closes nothing that was opened.")
            yield Hit(msg, para=p, start=k, end=k + 1, severity="warning",
                      hint=Msg("Đóng (hoặc bỏ) dấu ngoặc đúng chỗ.", "Close (or remove) the bracket where it belongs."))


def _double_spaces(doc):
    """Two or three spaces between words, in the original text (paragraph text folds them)."""
    src = doc.source.text
    for p in doc.paragraphs:
        lo, hi = p.start_offset(0), p.end_offset(len(p.text))
        if src.find("  ", lo, hi) < 0:
            continue  # every match holds two spaces in a row
        for m in DOUBLE_SPACE.finditer(src, lo, hi):
            a, b = m.span(1)
            i = _index_at(p, a)  # the space the paragraph text kept
            if i is None or i + 1 >= len(p.text) or p.offsets[i + 1] != b:
                continue  # not inside this paragraph's running text (a line break, a removed mark)
            end = p.end_offset(i + 2)
            yield Hit(Msg(f"{b - a} dấu cách liền nhau.", f"{b - a} consecutive spaces."),
                      para=p, start=i, end=i + 2, suggestion=" " + src[b:end], replacement=" " + src[b:end],
                      hint=Msg("Giữa hai từ chỉ có một dấu cách.", "One space between two words."))


def _index_at(p, offset: int) -> int | None:
    import bisect

    k = bisect.bisect_left(p.offsets, offset, 0, len(p.text))
    return k if k < len(p.text) and p.offsets[k] == offset else None
