"""L707 — Viết hoa sai quy định (Phụ lục II Nghị định 30/2020)

Cái gì:
(1) chữ hoa giữa câu sau dấu chấm phẩy, hoặc sau dấu phẩy đứng sau dấu đóng ngoặc ("…; Chịu
    trách nhiệm", "(sau đây gọi là Phiên họp), Tham dự"): Mục I chỉ viết hoa đầu câu, sau dấu
    chấm, chấm hỏi, chấm than và khi xuống dòng; không báo tên riêng (âm tiết của tên cơ quan, địa
    danh trong danh mục, các danh từ Mục V viết hoa), danh sách tên ("…; Xuất bản, In và Phát
    hành; …", "…; Cảng hàng không Sa Pa; …") và từ ít gặp (có thể là tên riêng);
(2) "điều", "chương" của một văn bản cụ thể viết thường ("khoản 2 điều 26" → "khoản 2 Điều 26"):
    Mục V.7;
(3) tên loại văn bản viết thường khi nói đến một văn bản cụ thể ("công văn số 1103/TCT-QLRR" →
    "Công văn số 1103/TCT-QLRR"): Mục V.6 (mức thông tin: cách viết thường rất phổ biến);
(4) âm tiết đầu của tên luật viết thường ("Luật đấu thầu" → "Luật Đấu thầu", "Luật nhà ở" →
    "Luật Nhà ở"): Mục V.6;
(5) "thủ tướng Chính phủ" → "Thủ tướng Chính phủ": Mục V.3;
(6) tên vùng, miền ghép từ chỉ phương hướng với "bộ" ("Tây Nam bộ" → "Tây Nam Bộ", "Bắc bộ" →
    "Bắc Bộ"): Mục III.1.đ;
(7) "đại hội Đảng toàn quốc lần thứ XIV" → "Đại hội …" (tên một đại hội cụ thể): Mục V.9;
(8) "Quốc Lộ 45" → "Quốc lộ 45" (tên đường: chỉ viết hoa chữ đầu của danh từ chung đi với số,
    như "Quận 1" ở Mục III.1.b).
Tại sao: viết hoa đúng quy định là yêu cầu về thể thức của văn bản hành chính.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 và Phụ lục II (viết hoa trong văn bản hành chính); mỗi
phát hiện nêu mục của Phụ lục II.
Ví dụ sai: "các sở, ngành; Chịu trách nhiệm trước UBND tỉnh"; "theo khoản 1 điều 26 Luật đấu thầu".
Ví dụ đúng: "các sở, ngành; chịu trách nhiệm trước UBND tỉnh"; "theo khoản 1 Điều 26 Luật Đấu thầu".
Cách sửa: viết lại chữ cái đầu (gợi ý sửa).
---
What: (1) a capital mid-sentence after a semicolon, or after a comma that follows a closing
bracket (names, lists of names and rare words excepted); (2) "điều",
"chương" of a specific document in lower case; (3) a document type in lower case before its
number ("công văn số 1103/TCT-QLRR"); (4) the first syllable of a law's name in lower case
("Luật đấu thầu"); (5) "thủ tướng Chính phủ"; (6) regions "Tây Nam bộ" → "Tây Nam Bộ"; (7) "đại hội Đảng toàn
quốc lần thứ XIV" → "Đại hội …"; (8) "Quốc Lộ 45" → "Quốc lộ 45".
Why: capitalisation is part of the required form of administrative documents.
Rule: Decree 30/2020/NĐ-CP, Article 8 and Annex II; each finding cites the section of Annex II.
Fix: rewrite the first letter.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...encodings import paragraph_legacy
from ...engine import Hit, rule
from ...extract.citations import tables
from ...language.capitals import name_syllables
from ...language.lexicon import language_data
from ...language.lm import model
from ...registry import for_settings
from ...scan import triggers
from ...textnorm import tone_neutral

COMMON_MIN = 1000  # a capitalised word after a comma is judged only if it is a common word

AFTER_PUNCT = re.compile(r"(?:(?<=[\p{Ll}\p{M}\d)”\"]; )|(?<=\p{Ll}\), ))(\p{Lu}[\p{Ll}\p{M}]+)(?= (\p{Ll}[\p{Ll}\p{M}]*))")
# where AFTER_PUNCT can match (the capital after "; " or "), "), found with a literal start instead
# of AFTER_PUNCT's look-behind tried at every position of the paragraph
AFTER_PUNCT_AT = re.compile(r"(?:; |\), )\p{Lu}")


def _after_punct(text: str):
    """AFTER_PUNCT.finditer(text): the same matches (each begins just after one "; " or "), ",
    and two never overlap), the pattern tried only where AFTER_PUNCT_AT finds a capital."""
    match = AFTER_PUNCT.match
    for g in AFTER_PUNCT_AT.finditer(text):
        mt = match(text, g.end() - 1)
        if mt is not None:
            yield mt


# "…; Cảng hàng không Sa Pa; …": a short item that holds a name further on
NAME_ITEM = re.compile(r"(?:[ ,]+[\p{L}\p{M}\d]+){0,3}? \p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[ ,]+[\p{L}\p{M}\d]+){0,3}(?:[;.]|$)")
# "…; Xuất bản, In và Phát hành; …": a short item, itself a list of names
NAME_LIST = re.compile(r"(?:[ ,]+[\p{L}\p{M}]+){0,7}?, \p{Lu}[\p{L}\p{M}]*(?:[ ,]+[\p{L}\p{M}]+){0,7}(?:[;.]|$)")
ARTICLE = re.compile(r"(?<![\p{L}\p{M}])(?<!các )(?<!những )(điều|chương)(?= (?:\d+|[IVXLC]+)\b)(?! \d+[,.]\d)")
ARTICLE_NEEDS = re.compile(r"(?:điều|chương) [\dIVXLC]")  # what ARTICLE's look-ahead needs, searched first
LAW = re.compile(r"(?<![\p{L}\p{M}])Luật (\p{Ll}[\p{Ll}\p{M}]*)")
PM = re.compile(r"(?<![\p{L}\p{M}])(?<!Phó )(thủ tướng|phó thủ tướng)(?= Chính phủ)")
REGION = re.compile(r"(?<![\p{L}\p{M}])((?:Đông |Tây )?(?:Bắc|Nam|Trung) )(bộ)(?![\p{L}\p{M}])")
# "đại hội Đảng toàn quốc lần thứ XIV": the congress named by its number is one event
CONGRESS = re.compile(r"(?<![\p{L}\p{M}])(đại hội)(?= (?:Đảng|đại biểu|Đoàn|Công đoàn|Hội|Mặt trận)[^.;:()]{0,40}? lần thứ (?:[IVXLC]+|\d+)\b)")
ROAD = re.compile(r"(?<![\p{L}\p{M}])(Quốc|Tỉnh) (Lộ)(?= \d)")
# what each pattern cannot match without (found for all paragraphs in one pass: checker/scan.py)
AFTER_PUNCT_T = triggers("; ", "), ")
ARTICLE_T, TYPES_T, LAW_T, PM_T = triggers("điều", "chương"), triggers("số "), triggers("Luật "), triggers("thủ tướng")
REGION_T, CONGRESS_T, ROAD_T = triggers("Bắc bộ", "Nam bộ", "Trung bộ"), triggers("đại hội"), triggers("Quốc Lộ", "Tỉnh Lộ")

CLAUSE = {
    "I": ("Mục I (chỉ viết hoa đầu câu: sau dấu chấm, chấm hỏi, chấm than và khi xuống dòng)",
          "Section I (capitals only begin a sentence: after a full stop, question or exclamation mark, or a new line)"),
    "V.7": ("Mục V.7 (viết hoa phần, chương, mục, tiểu mục, điều của văn bản cụ thể)",
            "Section V.7 (capitalise part, chapter, section, article of a specific document)"),
    "V.6": ("Mục V.6 (viết hoa tên loại văn bản và âm tiết đầu của tên văn bản cụ thể)",
            "Section V.6 (capitalise the type and the first syllable of the name of a specific document)"),
    "V.3": ("Mục V.3 (tên chức vụ: Thủ tướng Chính phủ)", "Section V.3 (titles: Thủ tướng Chính phủ)"),
    "III.1.đ": ("Mục III.1.đ (tên vùng, miền: Bắc Bộ, Tây Nam Bộ)", "Section III.1.đ (regions: Bắc Bộ, Tây Nam Bộ)"),
    "V.9": ("Mục V.9 (tên sự kiện: viết hoa chữ cái đầu)", "Section V.9 (names of events: capital first letters)"),
    "III.1.b": ("Mục III.1.b (danh từ chung đi với số: chỉ viết hoa chữ đầu, như Quận 1)",
                "Section III.1.b (a common noun with a number: only its first letter, as Quận 1)"),
}


# "(Như: Cầu đường bộ …; Cảng hàng không Sa Pa; Nâng cấp 4 làn xe …)": the item before, also
# between semicolons, began with a capital too: a list whose items are each capitalised
PREVIOUS_ITEM = re.compile(r"; \p{Lu}[^;:.!?]*; $")


def _capital_list(text: str, a: int) -> bool:
    """The item that ends just before `a` ("…; X") began with a capital after a semicolon (not
    at a sentence start): the writer capitalises every item of a list (names of works, titles)."""
    return PREVIOUS_ITEM.search(text, max(0, a - 400), a) is not None


def _hit(p, start, end, found, fix, clause, what_vi, what_en):
    vi, en = CLAUSE[clause]
    return Hit(Msg(f"{what_vi}: \"{found}\" → \"{fix}\" (Nghị định 30/2020/NĐ-CP, Phụ lục II, {vi}).",
                   f"{what_en}: \"{found}\" → \"{fix}\" (Decree 30/2020/NĐ-CP, Annex II, {en})."),
               para=p, start=start, end=end, suggestion=fix, replacement=fix, safe=False,
               hint=Msg(f"Viết \"{fix}\".", f"Write \"{fix}\"."))


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _types_pattern():
    # State document types of two syllables or more ("công văn", "quyết định"; not "luật", met in
    # "pháp luật số …", nor the Party's "kết luận", nor "văn bản", which is no type)
    names = sorted({n.lower() for t in tables().types for n in t.names
                    if n[:1].isupper() and " " in n and n.lower() not in ("văn bản", "kết luận")}, key=lambda n: (-len(n), n))
    # (a fixed order: the same pattern text every run, so the compiled pattern is found in the cache)
    # (no \p{…} class: a pattern of many alternatives compiles fast only on the standard engine)
    return re.compile(r"(?<![^\W\d_])(?<![.!?:] )(?<!^)(" + "|".join(re.escape(n) for n in names)
                      + r") (?=số \d+(?:/|-)[\dA-ZĐ])"), max(map(len, names), default=0)


_TYPES = []
# the look-ahead of the types pattern with the space before it: a type's name ends at one of these
TYPES_AT = re.compile(r" số \d+(?:/|-)[\dA-ZĐ]")


def _types(text: str):
    """_types_pattern().finditer(text): the same matches, each looked for only in the window of
    the longest name before a " số 12/…" (a name never holds "số", so a match ends at one; the
    look-behinds still see the text before the window), instead of the pattern's look-behinds
    tried at every position of the paragraph."""
    pattern, longest = _TYPES[0]
    end = 0
    for g in TYPES_AT.finditer(text):
        mt = pattern.search(text, max(end, g.start() - longest), g.end())
        if mt is not None:
            end = mt.end()
            yield mt


@rule("L707", name="capitals", severity="warning", fixable=True,
      varies=(("info",), Msg('Mức thông tin khi tên loại văn bản viết thường trước "số" ("công văn số …"), cách viết rất phổ biến trong văn bản đã ban hành: một lời nhắc; cảnh báo cho các lỗi viết hoa khác.',
                             'Info when a document type before "số" is in lower case ("công văn số …"), very common in issued documents: a reminder; a warning for other capitalisation errors.')),
      title=Msg("Viết hoa sai quy định (Phụ lục II Nghị định 30/2020)", "Capitalisation against Annex II of Decree 30/2020"))
def check(doc):
    names = None  # read when a capital after a semicolon passes every other test
    not_law = {tone_neutral(w) for w in language_data()["not_law_names"]}
    m = model()
    src = doc.source.text
    scan = doc.scan
    # the paragraphs that hold each trigger, looked up once: a paragraph with none is not visited
    after_p, article_p, types_p, law_p, pm_p, region_p, congress_p, road_p = wanted = [
        scan.paragraphs(t) for t in (AFTER_PUNCT_T, ARTICLE_T, TYPES_T, LAW_T, PM_T, REGION_T, CONGRESS_T, ROAD_T)]
    paras = doc.paragraphs
    for i in sorted(frozenset().union(*wanted)):
        p = paras[i]
        text = p.text
        if text.isascii() or paragraph_legacy(text) or text.isupper():
            continue
        for mt in (_after_punct(text) if i in after_p else ()):
            w = mt.group(1)
            key = tone_neutral(w)
            if m.count(key) < COMMON_MIN:
                continue
            a = mt.start(1)
            if NAME_LIST.match(text, mt.end(1)) or NAME_ITEM.match(text, mt.end(1)) or _capital_list(text, a):
                continue
            if "\n" in src[p.offsets[a - 2]:p.offsets[a]]:
                continue  # a line that begins with a capital: a new item or a wrapped heading
            # the syllables of names come last: they need the agency registry, read only now
            if names is None:
                names = name_syllables(for_settings(doc.options.settings))
            if w in names:
                continue
            lower = w[:1].lower() + w[1:]
            yield _hit(p, a, mt.end(1), w, lower, "I", "Viết hoa giữa câu",
                       "A capital mid-sentence")
        for mt in (ARTICLE.finditer(text) if i in article_p and ARTICLE_NEEDS.search(text) else ()):
            yield _hit(p, mt.start(1), mt.end(1), mt.group(1), _cap(mt.group(1)), "V.7",
                       "Điều, chương của văn bản cụ thể phải viết hoa", "Article or chapter of a specific document in lower case")
        # the types pattern needs "… số 12/…": compiled when a paragraph first holds its trigger
        if i in types_p and not _TYPES:
            _TYPES.append(_types_pattern())
        for mt in (_types(text) if i in types_p else ()):
            found = mt.group(1)
            if found[:1].isupper():
                continue
            h = _hit(p, mt.start(1), mt.end(1), found, _cap(found), "V.6",
                     "Tên loại văn bản cụ thể phải viết hoa", "The type of a specific document in lower case")
            h.severity = "info"  # widespread in published letters ("công văn số …"): a reminder
            yield h
        for mt in (LAW.finditer(text) if i in law_p else ()):
            w = mt.group(1)
            if tone_neutral(w) in not_law or not m.count(tone_neutral(w)):
                continue
            yield _hit(p, mt.start(1), mt.end(1), w, _cap(w), "V.6",
                       "Âm tiết đầu của tên luật phải viết hoa", "The first syllable of a law's name in lower case")
        for mt in (PM.finditer(text) if i in pm_p else ()):
            found = mt.group(1)
            fix = "Phó Thủ tướng" if found.startswith("phó") else "Thủ tướng"
            yield _hit(p, mt.start(1), mt.end(1), found, fix, "V.3", "Tên chức vụ viết thường", "A title in lower case")
        for mt in (REGION.finditer(text) if i in region_p else ()):
            if not mt.group(1)[:1].isupper():
                continue
            yield _hit(p, mt.start(2), mt.end(2), mt.group(1) + mt.group(2), mt.group(1) + "Bộ", "III.1.đ",
                       "Tên vùng, miền viết hoa mọi âm tiết", "Every syllable of a region's name is capitalised")
        for mt in (CONGRESS.finditer(text) if i in congress_p else ()):
            yield _hit(p, mt.start(1), mt.end(1), mt.group(1), "Đại hội", "V.9",
                       "Tên đại hội cụ thể (có số lần thứ) phải viết hoa", "The name of a numbered congress in lower case")
        for mt in (ROAD.finditer(text) if i in road_p else ()):
            yield _hit(p, mt.start(2), mt.end(2), mt.group(0), mt.group(1) + " lộ", "III.1.b",
                       "Chỉ viết hoa chữ đầu của tên đường", "Only the first letter of a road name is capitalised")
