"""L705 — Âm tiết có thật nhưng sai chỗ (sai dấu, sai một chữ)

Cái gì: một âm tiết viết đúng chính tả nhưng không hợp với hai từ bên cạnh, trong khi một biến
thể gần của nó (khác dấu thanh; khác dấu của nguyên âm a/ă/â, o/ô/ơ, u/ư, e/ê; lẫn phụ âm đầu
d/gi/r, s/x, ch/tr, n/l, d/đ; lẫn âm cuối n/ng, c/t) hợp hơn rất nhiều: "đế bảo đảm" → "để bảo
đảm", "quy đinh" → "quy định", "xây dụng" → "xây dựng", "Rứt khoát" → "Dứt khoát", "từ tháng"
viết thành "tư tháng". Chỉ báo khi chênh lệch rất lớn (ngưỡng đo trên văn bản pháp luật đã
công bố); không xét tên riêng viết hoa giữa câu, chữ viết tắt, văn bản gõ không dấu.
Tại sao: lỗi gõ dấu, gõ nhầm một chữ tạo ra một từ có thật nên bộ kiểm tra chính tả thông thường
không thấy, nhưng làm sai nghĩa câu.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 (văn bản bảo đảm chính xác, diễn đạt rõ ràng);
dạng đúng tra Từ điển tiếng Việt (Viện Ngôn ngữ học, Hoàng Phê chủ biên).
Ví dụ sai: "Rà soát các quy định hiện hành đế bảo đảm có quy định"; "Dự kiến thu thập dữ liệu tư
tháng 11/2025". Cạnh con số: "78,6 ty đồng" → "78,6 tỷ đồng", "khoản 95% người dân" → "khoảng
95% người dân" (rules/language.toml).
Ví dụ đúng: "… hiện hành để bảo đảm …"; "… dữ liệu từ tháng 11/2025".
Cách sửa: sửa thành dạng được gợi ý nếu đúng ý người viết; nếu từ viết đúng ý (một thuật ngữ hiếm),
bỏ qua (--ignore L705 hoặc chú thích bỏ qua trên dòng).
---
What: a well-formed syllable that does not fit the words beside it, while a close variant (another
tone mark; another vowel diacritic a/ă/â, o/ô/ơ, u/ư, e/ê; the onsets d/gi/r, s/x, ch/tr, n/l, d/đ;
the finals n/ng, c/t) fits far better: "đế bảo đảm" → "để bảo đảm", "quy đinh" → "quy định",
"xây dụng" → "xây dựng". Reported only when the difference is very large (thresholds measured on
published legal texts); capitalised names mid-sentence, abbreviations and text typed without tone
marks are not judged.
Why: a slip that makes another real word escapes an ordinary spelling check but changes the
meaning.
Rule: Decree 30/2020/NĐ-CP, Article 8(1) (accurate, clear wording); correct forms per the Từ điển
tiếng Việt (ed. Hoàng Phê).
Fix: write the suggested form if it is what was meant; otherwise ignore the finding.
"""
from ... import rx as re
from ...diagnostics import Msg
from ...encodings import paragraph_legacy
from ...engine import Hit, rule
from ...language.lexicon import language_data
from ...language.context import any_likely, chunks, copy_case, likely_variant_ids, mostly_accented, written_form
from ...language.lm import model
from ...language.syllables import parse
from ._shared import paragraph_confusions, paragraph_keys


def _what_changed(a: str, b: str) -> tuple[str, str]:
    pa, pb = parse(a), parse(b)
    if pa and pb and pa.base == pb.base:
        return "dấu thanh", "tone mark"
    return "chữ cái hoặc dấu", "letter or mark"


def candidates(doc, p):
    """(token, suggestion) for the real-word errors of a paragraph."""
    text = p.text
    flat = paragraph_keys(doc, p)
    if flat is not None:
        ids = flat[1]
        if ids is None or paragraph_legacy(text):
            return  # not mostly accented, or legacy
        if not any_likely(ids):
            return  # no syllable has a likely variant beside its neighbours: no token objects built
    elif not mostly_accented(text) or paragraph_legacy(text):
        return
    m = model()
    likely = likely_variant_ids
    for toks in chunks(text):
        if len(toks) < 2:
            continue  # a syllable with no neighbour is not judged (likely_variant: None)
        ids = m.ids([t.key for t in toks])  # each syllable looked up once, not as each neighbour
        lefts = [None, *ids]
        rights = ids[1:]
        rights.append(None)
        for k, (t, li, xi, ri) in enumerate(zip(toks, lefts, ids, rights)):
            if xi is None:
                continue  # a syllable the counts do not know is not judged (likely_variant: None)
            w = t.text
            if not w.islower():  # a word in lower case passes the three tests below at once
                if len(w) > 1 and w.isupper():
                    continue  # abbreviations, headings in capitals
                if w[:1].isupper() and not t.first:
                    continue  # a name
                if w[1:] != w[1:].lower():
                    continue  # TTg, mixed case
            v = likely(li, xi, ri)
            if v is not None:
                yield t, toks[k - 1] if k else None, toks[k + 1] if k + 1 < len(toks) else None, copy_case(w, written_form(v))


_NUMBER_PATTERNS: list = []
_DIGIT = re.compile(r"\d")


def _number_patterns():
    """(pattern, wrong → right) for the syllables judged by the number beside them."""
    if not _NUMBER_PATTERNS:
        data = language_data()
        after = dict(w.split(":", 1) for w in data["after_number"])
        before = dict(w.split(":", 1) for w in data["before_percent"])
        alt = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True))
        _NUMBER_PATTERNS.append((re.compile(r"(?:(?<=\d)|(?<=\d ))(?:" + alt + r")(?![\p{L}\p{M}])"), after))
        alt = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        _NUMBER_PATTERNS.append((re.compile(r"(?<![\p{L}\p{M}])(?:" + alt + r")(?= ?\d+(?:[,.]\d+)? ?%)", re.I), before))
    return _NUMBER_PATTERNS


def _number_hits(p):
    text = p.text
    if not _DIGIT.search(text):  # both patterns need a digit (\d)
        return
    for k, (pattern, table) in enumerate(_number_patterns()):
        if k and "%" not in text:
            continue  # the second pattern looks ahead for a percentage
        if not k and not any(w in text for w in table):
            continue  # the first pattern is case-sensitive: a match is one of its words as written
        # both patterns begin with a look-behind, which the standard engine tries at every
        # position: fast_finditer scans for the literal starts of the words instead
        for m in re.fast_finditer(pattern, text):
            w = m.group()
            fix = copy_case(w, table[w.lower()])
            yield Hit(Msg(f"Viết sai: \"{w}\" cạnh con số phải là \"{fix}\".", f"Misspelt: \"{w}\" beside a number should be \"{fix}\"."),
                      para=p, start=m.start(), end=m.end(), suggestion=fix, replacement=fix, safe=False,
                      hint=Msg(f"Sửa thành \"{fix}\"; tra Từ điển tiếng Việt (Hoàng Phê chủ biên).",
                               f"Write \"{fix}\"; see the Từ điển tiếng Việt (ed. Hoàng Phê)."))


@rule("L705", name="real-word", severity="warning", fixable=True,
      title=Msg("Âm tiết có thật nhưng sai chỗ (sai dấu, sai một chữ)", "A real syllable in the wrong place (wrong mark or letter)"))
def check(doc):
    covered = paragraph_confusions(doc)
    for p in doc.paragraphs:
        yield from _number_hits(p)
        spans = [(c.start, c.end) for c in covered.get(p.index, ())]
        for t, left, right, fix in candidates(doc, p):
            if any(s <= t.start < e for s, e in spans):
                continue
            a = left.start if left else t.start
            b = right.end if right else t.end
            phrase = p.text[a:b]
            fixed_phrase = p.text[a:t.start] + fix + p.text[t.end:b]
            what_vi, what_en = _what_changed(t.text.lower(), fix.lower())
            yield Hit(Msg(f"Có thể sai {what_vi}: \"{phrase}\" → \"{fixed_phrase}\" (\"{t.text}\" hầu như không "
                          f"đứng cạnh các từ này; thường viết \"{fix}\").",
                          f"Possibly a wrong {what_en}: \"{phrase}\" → \"{fixed_phrase}\" (\"{t.text}\" does not fit "
                          f"the words beside it; \"{fix}\" is the usual form here)."),
                      para=p, start=t.start, end=t.end, suggestion=fix, replacement=fix, safe=False,
                      hint=Msg(f"Sửa thành \"{fix}\" nếu đúng ý; tra Từ điển tiếng Việt (Hoàng Phê chủ biên).",
                               f"Write \"{fix}\" if that is what is meant; see the Từ điển tiếng Việt (ed. Hoàng Phê)."))
