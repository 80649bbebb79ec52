"""Line shapes shared by the readers (to join hard-wrapped lines) and the classifier.

All patterns work on NFC text with Markdown marks already removed.
"""
from __future__ import annotations

from functools import lru_cache

from .. import rx as re

UPPER = r"A-ZÀ-ỸĐ"
# Vietnamese letters as list labels: a b c d đ e g h i k l m n o p q r s t u v x y (and Latin f j w z)
LETTER_LABEL = r"[a-zđ]"

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

# A list marker at the start of a paragraph, in every style used in notices.
MARKER = re.compile(
    r"""^(?:
        (?P<roman>(?=[IVX])""" + ROMAN + r""")[.)](?=\s|$)            # I.  II)
      | (?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s|$)(?!\s*[±×=<>≤≥~%*/])  # 1.1  1.1.  1.2.3. (not "13.75 ± 3g")
      | (?P<arabic>\d{1,2})[.)](?=\s|$)                                # 1.  2)
      | (?P<letter>""" + LETTER_LABEL + r""")\)(?=\s|$)                # a)  đ)
      | \((?P<paren_num>\d{1,2})\)(?=\s|$)                              # (1)
      | \((?P<paren_roman>[ivx]{1,5})\)(?=\s|$)                         # (i) (ii)
      | \((?P<paren_letter>""" + LETTER_LABEL + r""")\)(?=\s|$)        # (a)
      | (?P<bullet>[-–—•+*∙·▪►])(?=\s)                                 # - + • *
    )""",
    re.X,
)

FOOTNOTE_START = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])(?:\s|$)")
RULE_LINE = re.compile(r"^[-–—_=.\s]{3,}$")
QUOC_HIEU = re.compile(r"C[OỘ]NG\s+H[OÒ][AÀ]\s+X[AÃ]\s+H[OỘ]I\s+CH[UỦ]\s+NGH[IĨ]A\s+VI[EỆ]T\s+NAM", re.I)
TIEU_NGU = re.compile(r"^Độc\s+lập\s*[-–—]+\s*Tự\s+do\s*[-–—]+\s*Hạnh\s+phúc\s*$", re.I)
SO_KY_HIEU = re.compile(r"^Số\s*[:.]?\s*(?P<value>.*)$")
NOI_NHAN = re.compile(r"^(?:N[oơôó]i|Nơi)\s+nh[aâậạ]n\s*[:.]?\s*$|^Nơi\s+nhận\s*:", re.I)
LUU = re.compile(r"^[-–+]?\s*Lưu\b\s*:?", re.I)
# State "TM." "KT." "TL." "TUQ." "Q."; Party (Hướng dẫn 36-HD/VPTW) "T/M", "K/T", "T/L"
AUTHORITY = re.compile(r"^(?P<auth>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)(?:\s*\.|(?<=/[MTL])(?=\s))\s*(?P<rest>.*)$")
APPENDIX = re.compile(r"^PH[UỤ]\s+L[UỤ]C\b")
CAN_CU = re.compile(r"^Căn\s+cứ\b")
CLOSING_END = re.compile(r"\./\.\s*$")
PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]{0,60}?)\s*,\s*ngày\s*(?P<day>\S*?)\s*tháng\s*(?P<month>\S*?)\s*năm\s*(?P<year>\d{0,4})\s*\.?\s*$",
    re.I,
)

# Titles of document types (ND30 Điều 7): a paragraph that is only one of these is a title.
DOC_TYPE_TITLES = {
    "THÔNG BÁO": "thong-bao",
    "QUYẾT ĐỊNH": "quyet-dinh",
    "NGHỊ QUYẾT": "nghi-quyet",
    "CHỈ THỊ": "chi-thi",
    "KẾ HOẠCH": "ke-hoach",
    "BÁO CÁO": "bao-cao",
    "TỜ TRÌNH": "to-trinh",
    "CÔNG ĐIỆN": "cong-dien",
    "HƯỚNG DẪN": "huong-dan",
    "CHƯƠNG TRÌNH": "chuong-trinh",
    "QUY CHẾ": "quy-che",
    "QUY ĐỊNH": "quy-dinh",
    "THÔNG CÁO": "thong-cao",
    "PHƯƠNG ÁN": "phuong-an",
    "ĐỀ ÁN": "de-an",
    "BIÊN BẢN": "bien-ban",
    "HỢP ĐỒNG": "hop-dong",
    "GIẤY MỜI": "giay-moi",
    "CÔNG VĂN": "cong-van",
    "LUẬT": "luat",
    "NGHỊ ĐỊNH": "nghi-dinh",
    "THÔNG TƯ": "thong-tu",
    "KẾT LUẬN": "ket-luan",
}
DOC_TITLE = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, DOC_TYPE_TITLES), key=lambda s: (-len(s), s))) + r")\s*:?\s*$")

_TITLE_PREFIX = re.compile(r"^(?P<t>" + "|".join(sorted(map(re.escape, DOC_TYPE_TITLES), key=lambda s: (-len(s), s))) + r")(?:\s|$)")


def title_type_words(text: str) -> list[str]:
    """The words of the type that opens a title line ("THÔNG BÁO KẾT LUẬN …" → ["THÔNG", "BÁO"])."""
    m = _TITLE_PREFIX.match(text.strip())
    return m.group("t").split() if m else []


def title_type(text: str) -> str:
    """The document type of a title line, also when the summary follows on the same line
    ("THÔNG BÁO KẾT LUẬN CỦA …" → "thong-bao"); "" when the line does not open with a type."""
    m = _TITLE_PREFIX.match(text.strip())
    return DOC_TYPE_TITLES[m.group("t")] if m else ""


# Words that open the name of an issuing body in the header (a new header line starts with one).
ISSUER_START = re.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|SỞ|VĂN\s+PHÒNG|BAN|PHÒNG|BỘ|CỤC|CHI\s+CỤC|TRUNG\s+TÂM|"
    r"THANH\s+TRA|TỈNH\s+ỦY|TỈNH\s+UỶ|HUYỆN\s+ỦY|ĐẢNG\s+BỘ|CÔNG\s+AN|KHO\s+BẠC|ĐÀI|BAN\s+CHỈ\s+ĐẠO)\b"
)

# A paragraph that ends a sentence or a clause.
TERMINAL = re.compile(r"(?:[.;:!?…]|\./\.)[\s\"”’)\]*]*$")

# Words after which a paragraph cannot end: a paragraph that ends with one goes on in the next.
DANGLING = {
    "giao", "với", "của", "và", "các", "cho", "tại", "theo", "về", "để", "là", "thuộc", "gồm",
    "như", "đến", "từ", "được", "có", "những", "trên", "đối", "bằng", "hoặc", "nhằm",
}


# A quick first test for the line shapes above, for code that tries them on every line: a line
# that MARKER, FOOTNOTE_START, RULE_LINE, SO_KY_HIEU, NOI_NHAN, TIEU_NGU, QUOC_HIEU (at the start),
# AUTHORITY, DOC_TITLE, APPENDIX, CAN_CU or LUU matches also matches SHAPE_START, because each branch
# here is what one of them requires at the start of the line (with the same flags). So a line that
# SHAPE_START does not match is none of those shapes: one call instead of a dozen.
SHAPE_START = re.compile(
    r"""^(?:
        [IVX]+[.)]                              # MARKER roman (ROMAN is a run of I, V, X)
      | \d\d?[.)] | \(                         # MARKER dotted, arabic; paren_num/roman/letter
      | [a-zđ]\)                                # MARKER letter
      | [-–—•+*∙·▪►_=.\s]                      # MARKER bullet; RULE_LINE; LUU's leading dash or space
      | [¹²³⁴⁵⁶⁷⁸⁹⁰\[]                          # FOOTNOTE_START
      | Số | Căn\s | PH[UỤ]\s                    # SO_KY_HIEU, CAN_CU, APPENDIX
      | (?:TM|KT|TL|TUQ|Q)\s*\. | [TK]/[MTL]\s   # AUTHORITY
      | (?i:n[oơôó]i\s | độc\s | c[oộ]ng\s | lưu)  # NOI_NHAN, TIEU_NGU, QUOC_HIEU, LUU (all re.I)
      | (?:""" + "|".join(map(re.escape, DOC_TYPE_TITLES)) + r""")  # DOC_TITLE
    )""",
    re.X,
)

_TERMINAL_CHARS = ".;:!?…"
_TERMINAL_TRAIL = "\"”’)]*"


def is_terminal(text: str) -> bool:
    """bool(TERMINAL.search(text)) without trying the pattern at every position: TERMINAL is a
    character of [.;:!?…] (the "./." branch ends with one too) followed only by white space and
    closing marks "”’)]*, and the two sets share no character, so it matches exactly when the
    last character left after stripping those trailing characters is one of [.;:!?…]."""
    end = len(text)
    while end and (text[end - 1] in _TERMINAL_TRAIL or text[end - 1].isspace()):
        end -= 1
    return end > 0 and text[end - 1] in _TERMINAL_CHARS


_MARKER_FIRST = frozenset("IVX0123456789abcdefghijklmnopqrstuvwxyzđ(-–—•+*∙·▪►")


@lru_cache(maxsize=8192)
def marker_of(text: str):
    """The list marker at the start of `text`, or None: (style, label, end index)."""
    if not text or text[0] not in _MARKER_FIRST:
        return None
    m = MARKER.match(text)
    if not m:
        return None
    for style in ("roman", "dotted", "arabic", "letter", "paren_num", "paren_roman", "paren_letter", "bullet"):
        val = m.group(style)
        if val:
            if style == "roman" and not val:
                continue
            return style, val, m.end()
    return None
