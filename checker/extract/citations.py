"""Legal citations: every document a text cites, with its parts (type, "số", number, year, type
code, issuer codes, date, issuer, trích yếu) and their spans.

Built like eyecite: a cheap prefilter skips paragraphs with no type name and no symbol shape;
then anchors are found (a type name followed by "số" and/or a number or symbol, a bare symbol
"42/2018/QĐ-UBND", "03-NQ/TU", a law by its name "Luật Tổ chức chính quyền địa phương năm 2015"),
and a small parser reads each citation forward from its anchor: symbol, date, issuer ("của …"),
trích yếu. Lists share the type of their head ("Nghị quyết số 12/2020/NQ-HĐND và số
14/2020/NQ-HĐND"). Repeated citations are linked to their first occurrence in the document.

The tables (document types with their codes, issuer codes, replaced laws) are data in rules/:
doc_types.toml, issuers.toml, laws.toml. `citations(doc)` is cached in doc.cache so that every
C5xx rule shares one extraction.

Symbol shapes (ND30 Phụ lục I, II.3.b; NĐ 34/2016 Điều 58; HD 36-HD/VPTW):
    State      NUM/YEAR/TYPE-ISSUER[-UNIT]  42/2018/QĐ-UBND   NUM/TYPE-ISSUER  68/NQ-CP
    Công văn   NUM/ISSUER-UNIT              6225/BVHTTDL-VP
    Law        NUM/YEAR/QHnn                80/2015/QH13
    Party      NUM-TYPE/ISSUER              03-NQ/TU, 472-KL/TU, 60-NQ/TW
A number may carry a dot ("66.7/2025/NQ-CP" is a real, valid number).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from itertools import accumulate, islice
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import rx as re

from ..errors import ConfigError
from ..language.scripts import LOOKALIKE
from ..record import Frozen
from ..resources import load_table, rules_path
from ..structure import patterns as P
from ..textnorm import fold, is_upper_text, within_one_edit
from .dates import DateMention, find_dates
from .header import notice_date, notice_year, parse_place_date


# --------------------------------------------------------------------------------------------
# Rule data

class DocType(Frozen):
    key: str
    names: tuple[str, ...]
    codes: tuple[str, ...]
    party_codes: tuple[str, ...]
    law_like: bool
    bare_number: bool
    any_code: bool
    source: str
    generic_names: tuple[str, ...] = ()  # folded names that stand for any document ("văn bản")

    @property
    def name(self) -> str:
        return self.names[0]


class IssuerCode(Frozen):
    name: str
    kind: str  # "party" | "state"
    issues: tuple[str, ...]
    source: str
    code: str = ""
    pattern: Any = None  # compiled regex for a family of codes

    def matches(self, code: str) -> bool:
        return code == self.code if self.code else bool(self.pattern.fullmatch(code))


class ReplacedLaw(Frozen):
    type: str
    names: tuple[str, ...]  # folded
    display: str
    year: int
    symbol: str  # normalised key
    replaced_from: dt.date
    replaced_by: str
    source: str


class RegisteredDoc(Frozen):
    """A real document (rules/documents.toml, or a province's file): C508, C509."""
    symbol: str
    type: str
    date: dt.date
    issuer: str | None
    ended: dt.date | None
    replaced_by: str | None
    title: str | None
    source: str


_SCHEMAS = {
    "doc_types.toml": ("type", {"key": str, "names": list, "codes": list, "party_codes": list,
                                "law_like": bool, "bare_number": bool, "any_code": bool, "generic_names": list,
                                "source": str},
                       {"key", "names", "codes", "party_codes", "law_like", "bare_number", "source"}),
    "issuers.toml": ("issuer", {"code": str, "pattern": str, "name": str, "kind": str, "issues": list, "source": str},
                     {"name", "kind", "source"}),
    "documents.toml": ("document", {"symbol": str, "type": str, "date": dt.date, "issuer": str, "ended": dt.date,
                                    "replaced_by": str, "title": str, "source": str},
                       {"symbol", "type", "date", "source"}),
    "laws.toml": ("law", {"type": str, "names": list, "year": int, "symbol": str, "replaced_from": dt.date,
                          "replaced_by": str, "source": str},
                  {"type", "names", "year", "replaced_from", "replaced_by", "source"}),
}


def _load(name: str) -> list[dict]:
    """Read one rules/ file and check its keys and value types; errors name the file and key."""
    path = rules_path(name)
    table, keys, required = _SCHEMAS[name]
    entries = load_table(path, table, keys, required)
    for i, e in enumerate(entries):
        for k, v in e.items():
            if keys[k] is list and not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{path}: [[{table}]] #{i + 1}: key '{k}' must be a list of strings")
    return entries


class Tables(Frozen):
    """The citation rule data of rules/, with the patterns made from it: built once per process
    (tables())."""

    types: list[DocType]
    by_name: dict[str, DocType]  # folded name → type
    by_key: dict[str, DocType]
    state_code_owner: dict[str, list[DocType]]  # type code → types that use it (State style)
    party_code_owner: dict[str, list[DocType]]
    issuers: list[IssuerCode]
    laws: list[ReplacedLaw]
    known_codes: dict[str, str]  # upper-cased code → code as it must be written
    undotted: dict[str, str]  # "ND" → "NĐ": a code with Đ written without it
    type_re: Any
    prefilter: Any
    dangling_re: Any
    # the printable ASCII characters a dangling_re match can end with (before spaces and tabs)
    dangling_ascii: frozenset[str]
    # prefilter split in two that the engine can scan for quickly: the symbol shape (it begins
    # with a digit), and the names, lower-cased, on the lower-cased text (every alternative
    # begins with a letter of a name): together they accept all that prefilter accepts
    prefilter_symbol: Any
    prefilter_lower: Any
    type_lower: Any  # the type names lower-cased, for re.ci_finditer(type_re, type_lower, …)

    # an Aho–Corasick automaton (checker/scan.py) of the literal starts of prefilter_lower's
    # alternatives (the names, lower-cased; None without pyahocorasick), and what may follow
    # each of them in it (name_tails[name]: 1 _NAME_TAIL, 2 _LAW_TAIL, 3 either)
    names_ac: Any
    name_tails: dict[str, int]

    def may_cite(self, text: str) -> bool:
        """Whether the paragraph may hold a citation (False: it certainly holds none)."""
        if self.prefilter_symbol.search(text):
            return True
        ok, low = re.lower_is_fold(text)
        if not ok:  # a letter whose case-insensitive match is not its lower case: no shortcut
            return bool(self.prefilter.search(text))
        return bool(self.prefilter_lower.search(low))


@lru_cache(maxsize=None)
def tables() -> Tables:
    types = []
    seen = set()
    for e in _load("doc_types.toml"):
        if e["key"] in seen:
            raise ConfigError(f"{rules_path('doc_types.toml')}: key '{e['key']}' defined twice")
        seen.add(e["key"])
        types.append(DocType(e["key"], tuple(e["names"]), tuple(e["codes"]), tuple(e["party_codes"]),
                             e["law_like"], e["bare_number"], e.get("any_code", False), e["source"],
                             tuple(fold(x) for x in e.get("generic_names", ()))))
    issuers = []
    for i, e in enumerate(_load("issuers.toml")):
        if ("code" in e) == ("pattern" in e):
            raise ConfigError(f"{rules_path('issuers.toml')}: [[issuer]] #{i + 1}: give exactly one of 'code' and 'pattern'")
        if e["kind"] not in ("party", "state"):
            raise ConfigError(f"{rules_path('issuers.toml')}: [[issuer]] #{i + 1}: kind must be 'party' or 'state'")
        pat = None
        if "pattern" in e:
            try:
                pat = re.compile(e["pattern"])
            except re.error as exc:
                raise ConfigError(f"{rules_path('issuers.toml')}: [[issuer]] #{i + 1}: bad pattern {e['pattern']!r}: {exc}") from None
        bad = [k for k in e.get("issues", []) if k not in seen]
        if bad:
            raise ConfigError(f"{rules_path('issuers.toml')}: [[issuer]] #{i + 1}: unknown type key(s) {bad} in 'issues'")
        issuers.append(IssuerCode(e["name"], e["kind"], tuple(e.get("issues", [])), e["source"], e.get("code", ""), pat))
    laws = []
    for i, e in enumerate(_load("laws.toml")):
        if e["type"] not in seen:
            raise ConfigError(f"{rules_path('laws.toml')}: [[law]] #{i + 1}: unknown type '{e['type']}'")
        laws.append(ReplacedLaw(e["type"], tuple(fold(n) for n in e["names"]), e["names"][0], e["year"],
                                symbol_key(e.get("symbol", "")) if e.get("symbol") else "",
                                e["replaced_from"], e["replaced_by"], e["source"]))
    by_name = {fold(n): t for t in types for n in t.names}
    state_owner: dict[str, list[DocType]] = {}
    party_owner: dict[str, list[DocType]] = {}
    known: dict[str, str] = {}
    for t in types:
        for c in t.codes:
            state_owner.setdefault(c, []).append(t)
            known[c.upper()] = c
        for c in t.party_codes:
            party_owner.setdefault(c, []).append(t)
            known.setdefault(c.upper(), c)
    for iss in issuers:
        if iss.code:
            known.setdefault(iss.code.upper(), iss.code)
    names = sorted({n for t in types for n in t.names}, key=lambda n: (-len(n), n))
    name_alt = "|".join(re.escape(n) for n in names)
    type_re = re.compile(r"(?<![\p{L}\d])(?P<type>" + name_alt + r")(?![\p{L}])", re.I)
    prefilter = re.compile(r"\d[ \t]*[/\-–][ \t]*(?:\d{4}[ \t]*/[ \t]*)?\p{L}|(?<![\p{L}])(?:" + name_alt + r")[ \t]+(?:số|SỐ|\d)"
                           r"|(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)[ \t]+\p{Lu}", re.I)
    undotted: dict[str, str] = {}
    for code in set(known.values()):
        plain = code.replace("Đ", "D").replace("đ", "d")
        if plain != code and plain.upper() not in known:
            undotted[plain.upper()] = code
    dangling_re = re.compile(r"(?<![\p{L}\d])(?P<type>" + name_alt + r")(?:(?:[ \t]+\p{L}+){0,3}?[ \t]+(?P<so>số))?[ \t]*$", re.I)
    # the ASCII characters that case-insensitively match a name's last letter: one class of the
    # last letters (a character matches it exactly when it matches one of them: the same lower
    # case and case variants), compiled once
    import re as _stdre

    lasts = sorted({n[-1] for n in names} | {"ố"})
    last_letter = _stdre.compile("[" + "".join(map(_stdre.escape, lasts)) + "]", _stdre.I)
    dangling_ascii = frozenset(filter(last_letter.fullmatch, map(chr, range(32, 127))))
    lowered = sorted({n.lower() for n in names}, key=lambda n: (-len(n), n))
    prefilter_lower = re.compile("|".join([re.escape(n) + _NAME_TAIL_RX for n in lowered]
                                          + [re.escape(n) + _LAW_TAIL_RX for n in _LAW_NAMES]))
    prefilter_symbol = re.compile(r"\d[ \t]*[/\-–][ \t]*(?:\d{4}[ \t]*/[ \t]*)?\p{L}")
    type_lower = re.compile("|".join(map(re.escape, lowered)))
    from ..scan import automaton

    # (every alternative of type_lower and of LAW_RE lower-cased begins with one of these too)
    tails = {n: 1 for n in lowered}
    for n in _LAW_NAMES:
        tails[n] = tails.get(n, 0) | 2
    return Tables(types, by_name, {t.key: t for t in types}, state_owner, party_owner, issuers, laws, known,
                  undotted, type_re, prefilter, dangling_re, dangling_ascii, prefilter_symbol, prefilter_lower,
                  type_lower, automaton(sorted(tails)), tails)


_NAME_TAIL_RX = r"[ \t]+(?:số|\d)"  # what follows a type name in prefilter_lower
_LAW_TAIL_RX = r"[ \t]+\p{L}"  # and the name of a law's type
_NAME_TAIL, _LAW_TAIL = re.compile(_NAME_TAIL_RX), re.compile(_LAW_TAIL_RX)
_LAW_NAMES = ("luật", "bộ luật", "pháp lệnh", "hiến pháp")


@lru_cache(maxsize=1024)
def _fold_name(written: str) -> str:
    """fold() of a type name as written ("Nghị quyết", "QUYẾT ĐỊNH"): a few dozen spellings."""
    return fold(written)


def doc_type(key: str | None) -> DocType | None:
    return tables().by_key.get(key) if key else None


@lru_cache(maxsize=1024)
def issuer_info(code: str) -> IssuerCode | None:
    for iss in tables().issuers:
        if iss.matches(code):
            return iss
    return None


# --------------------------------------------------------------------------------------------
# Model

@dataclass
class Problem:
    """A defect of the symbol's form (rule C501): what, where (indexes in the paragraph)."""

    kind: str  # "space" | "separator" | "case" | "joined" | "no-issuer" | "script"
    start: int
    end: int
    detail: str = ""


@dataclass
class Citation:
    """A cited document found in a paragraph: its type, number and symbol, date, issuer and
    title, each with where it is written (indexes in the paragraph)."""
    para: Any  # Paragraph
    start: int
    end: int
    type_key: str | None = None
    type_name: str | None = None  # as written
    type_span: tuple[int, int] | None = None
    type_from: str | None = None  # "name" | "list" | "code"
    so: bool = False
    so_span: tuple[int, int] | None = None
    number: str | None = None
    number_span: tuple[int, int] | None = None
    symbol: str | None = None  # the whole number-symbol as written ("42/2018/QĐ-UBND")
    symbol_span: tuple[int, int] | None = None
    year: int | None = None  # year inside the symbol
    type_code: str | None = None
    issuer_codes: list[str] = field(default_factory=list)
    style: str | None = None  # "state" | "party" | None (no symbol)
    problems: list[Problem] = field(default_factory=list)
    date: DateMention | None = None
    date_span: tuple[int, int] | None = None
    issuer: str | None = None
    issuer_span: tuple[int, int] | None = None
    issuer_before: bool = False  # the issuer is the subject of the clause ("Bộ Y tế đã có Công văn số …")
    date_misspelt: list = field(default_factory=list)  # (start, end, written, right): "nám" for "năm"
    title: str | None = None  # trích yếu
    title_span: tuple[int, int] | None = None
    name: str | None = None  # name of a law ("Tổ chức chính quyền địa phương")
    name_span: tuple[int, int] | None = None
    law_year: int | None = None  # "năm 2015" after a law's name
    law_year_span: tuple[int, int] | None = None
    list_head: "Citation | None" = None
    index: int = 0  # position in the document's list
    key: str = ""
    first: "Citation | None" = None  # the first citation of the same document (None: this one is)

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def is_first(self) -> bool:
        return self.first is None

    @property
    def dtype(self) -> DocType | None:
        return doc_type(self.type_key)

    @property
    def law_like(self) -> bool:
        t = self.dtype
        return bool(t and t.law_like)

    def span(self, part: str) -> tuple[int, int]:
        s = getattr(self, part + "_span", None)
        return s if s else (self.start, self.end)

    def clean_symbol(self) -> str | None:
        """The symbol with every C501 defect repaired (spaces, case, separators, script)."""
        if not self.symbol:
            return None
        return repaired_symbol(self.symbol)

    def as_row(self) -> dict:
        d = self.date
        return {
            "text": self.text,
            "type": self.dtype.name if self.dtype else None,
            "type_written": self.type_name,
            "type_from": self.type_from,
            "so": self.so,
            "number": self.number,
            "symbol": self.symbol,
            "year": self.year,
            "type_code": self.type_code,
            "issuer_codes": list(self.issuer_codes),
            "style": self.style,
            "date": (d.first.isoformat() if d and d.first else (d.text if d else None)),
            "date_valid": (d.valid if d else None),
            "issuer": self.issuer,
            "trich_yeu": self.title,
            "name": self.name,
            "law_year": self.law_year,
            "first": self.is_first,
            "first_index": self.first.index if self.first else None,
            "index": self.index,
            "key": self.key,
        }


# --------------------------------------------------------------------------------------------
# Patterns (compiled once)

_NUM = r"\d{1,6}(?:\.\d{1,3})?"
_YEAR = r"(?:19|20)\d{2}"
_CODE = r"\p{L}[\p{L}\d]*(?:[.&]\p{L}[\p{L}\d]*)*"  # "QLCL&CGKT", "BNN&MT": "&" joins two units
_SL = r"[ \t]*/[ \t]*"
_DASH = r"[ \t]*[-–—][ \t]*"
_JOIN = r"[ \t]*[-–—/_\\][ \t]*"
# A symbol, liberal about spaces and separators (they are findings, not reasons to miss it).
SYMBOL_RE = re.compile(
    r"(?<![\p{L}\d/.\-–])(?:"
    r"(?P<pnum>" + _NUM + r")(?P<psep>" + _DASH + r")(?P<pcodes>" + _CODE + _JOIN + _CODE + r"(?:" + _JOIN + _CODE + r")*)"
    r"|(?P<snum>" + _NUM + r")(?P<ssep>" + _SL + r")(?:(?P<syear>" + _YEAR + r")(?P<ysep>" + _SL + r"))?"
    r"(?P<scodes>" + _CODE + r"(?:" + _JOIN + _CODE + r")*)"
    r")(?![\p{L}\d])"
)
_PART_SPLIT = re.compile(r"([ \t]*[-–—/_\\][ \t]*)")
# Where a match of SYMBOL_RE can begin: a number after no letter, digit, "/", "." or dash, then a
# dash or a slash (every match of it begins so). Its first element a digit class and the
# look-behind moved after it (the same test of the character before the number), the engine
# skips to the digits in C; SYMBOL_RE, whose look-behind comes first, is tried at every position.
_SYMBOL_START = re.compile(r"\d(?<![\p{L}\d/.\-–].)\d{0,5}(?:\.\d{1,3})?[ \t]*[-–—/]")


def symbols_in(text: str):
    """SYMBOL_RE.finditer(text), the same matches: SYMBOL_RE is tried only where _SYMBOL_START
    matches (a match of SYMBOL_RE at a position implies one of _SYMBOL_START there, so none is
    skipped; matches do not overlap, as with finditer)."""
    return re.gated_finditer(_SYMBOL_START, SYMBOL_RE, text)


BARE_NUM_RE = re.compile(r"(?P<num>\d{1,6}(?:\.\d{1,3})?(?:/(?:19|20)\d{2})?)(?![\p{L}\d/])(?!\.\d)"
                         r"(?![ \t]*(?:%|lần|năm|tháng|ngày|giờ|bản|người|đợt|kỳ|nội dung|văn bản|điều|khoản|mục)(?![\p{L}]))"
                         r"(?![ \t]+\p{Lu})")
SO_RE = re.compile(r"(?P<qual>(?:[ \t]+\p{Ll}+){0,3}?)[ \t]+(?P<so>số|SỐ|Số)(?:[ \t]*:)?[ \t]*(?=\d)")
SO_UPPER_RE = re.compile(r"(?P<qual>(?:[ \t]+\p{Lu}+){0,3}?)[ \t]+(?P<so>SỐ|Số|số)(?:[ \t]*:)?[ \t]*(?=\d)")
NO_SO_RE = re.compile(r"[ \t]+(?=\d)")
LIST_BARE_RE = re.compile(r"[ \t]*(?:,|;|và|hoặc)[ \t]*(?:và[ \t]+)?$")
DATE_LEAD_RE = re.compile(r"[ \t]*[,(]?[ \t]*(?:(?:được[ \t]+)?ban[ \t]+hành[ \t]+)?", re.I)
DATE_NGAY_RE = re.compile(r"^(?:ngày|NGÀY|Ngày)[ \t]*$")
ISSUER_LEAD_RE = re.compile(r"[ \t]*,?[ \t]*(?:của|do|giữa|CỦA|DO|GIỮA)[ \t]+")
TITLE_LEAD_RE = re.compile(r"[ \t]*[,:]?[ \t]*")
# (the look-behind, "no letter before the name", is put after each name's first letter, as the
# same test of the same character: the pattern then begins with a choice of four capitals, which
# the engine skips to in C, instead of trying the look-behind at every position)
LAW_RE = re.compile(r"(?P<type>B(?<!\p{L}.)ộ luật|L(?<!\p{L}.)uật|P(?<!\p{L}.)háp lệnh|H(?<!\p{L}.)iến pháp)"
                    r"(?=[ \t]+\p{Lu}|[ \t]+năm[ \t]+\d)")
WORD_RE = re.compile(r"[^\s]+")
SCRIPT_RE = re.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
# no Cyrillic or Greek letter lies in Latin, Latin Extended (A, B, Additional) or General
# Punctuation: text made only of those needs no script lookup (which loads the `regex` module)
_NOT_LATIN_RE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")
# letters of another script drawn like Latin ones (Cyrillic, Greek, fullwidth): read as those Latin
# letters in a symbol, the one table E908 fixes them by
HOMOGLYPHS = str.maketrans(LOOKALIKE)
TITLE_STOP_RE = re.compile(r";|\(|\.(?=\s|$)|$")
_BLANKS_RE = re.compile(r"[ \t]+")
_BLANKS0_RE = re.compile(r"[ \t]*")
_NGAY_END_RE = re.compile(r"(?:^|[\s(,;])[Nn]gày[ \t]*$")
_FOOTMARK_RE = re.compile(r"\[\d+\].*$")
_ABBREV_DOT_RE = re.compile(r"(?:\p{Lu}\.)+\p{Lu}?|T[Pp]\.")
_TITLE_TAIL_RE = re.compile(r"[ \t,;:]*(?:và|hoặc|,)?[ \t]*$")
_SO_BEFORE_RE = re.compile(r"(?:^|[ \t(])(?P<so>số|Số|SỐ)(?:[ \t]*:)?[ \t]*$")
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|;|và|hoặc)[ \t]*(?:và[ \t]+)?(?:các[ \t]+)?")
_LAW_YEAR_RE = re.compile(r"[ \t]*,?[ \t]*(?:năm[ \t]+)?(?P<y>(?:19|20)\d{2})(?![\d/])")
_YEAR_RE = re.compile(_YEAR)
_LAW_NGAY_RE = re.compile(r"[ \t]*,?[ \t]*(?:ngày|NGÀY)[ \t]")
_LAW_SO_RE = re.compile(r"[ \t]+(?P<so>số)[ \t]*:?[ \t]*(?=\d)")
OWN_NUMBER_RE = re.compile(r"^Số\s*[:.]?\s*[\d\s.]*/")

# Trích yếu starts with one of these (case-insensitive), or with a quotation mark.
TITLE_STARTERS = (
    "về việc", "v/v", "về", "quy định", "ban hành", "phê duyệt", "sửa đổi", "bổ sung", "hướng dẫn",
    "triển khai", "thực hiện", "thành lập", "công bố", "bãi bỏ", "phân công", "lãnh đạo",
    "tăng cường", "đẩy mạnh", "chỉ đạo", "kiện toàn", "điều chỉnh", "hợp nhất", "phân bổ", "xử lý",
    "phê chuẩn", "chấp thuận", "tiếp tục", "nâng cao", "đổi mới", "cho phép", "thông qua",
)
_STARTER_RE = re.compile(r"(?:" + "|".join(re.escape(s) for s in sorted(TITLE_STARTERS, key=lambda s: (-len(s), s)))
                         + r")(?![\p{L}])|[“\"«]", re.I)
# Lower-case words that occur inside the name of an issuing body.
ISSUER_WORDS = set("""
nhân dân tỉnh huyện thành phố thị xã trấn quận phường thường trực vụ chấp hành đảng bộ khóa khoá và
trung ương cấp nhà nước chính phủ tối cao quốc hội ủy uỷ ban tổ việt nam kiểm sát tòa toà án liên ngành
tư pháp đặc khu mặt trận công an quân sự trưởng tịch tướng đồng phòng đạo thủ chủ phó bí thư chỉ tác
giúp việc các nhiệm nghiệp môi trường tài nguyên xây dựng thông vận tải thương y tế giáo dục đào tạo văn
hóa hoá thể thao du lịch khoa học nghệ lao động binh kế hoạch đầu tư nội ngoại phòng ninh ngân hàng
toán tộc tôn thanh tra biên tổng cục vụ viện sở trị chức nghị lần thứ nhất hai ba bốn sáu bảy tám chín mười
""".split())
# Words (and pairs of words) that end the name of a law.
LAW_STOP = set("""
năm số ngày được đã của để tại theo về trong thì có nhằm khi do với cho từ đến là này hiện giúp mà nên
hoặc như và các những trên sau trước cùng nhưng không sát
""".split())
LAW_STOP_PAIRS = {"quy định", "bảo đảm", "đảm bảo", "thi hành", "hướng dẫn", "sửa đổi", "bổ sung", "hiện hành"}
LAW_FUNCTION_WORDS = {"các", "những", "và", "để", "cho", "của", "theo", "tại", "trong", "với", "hoặc"}


_WS_RE = re.compile(r"\s+")
_DASHES_RE = re.compile(r"[–—_\\]")


@lru_cache(maxsize=4096)
def symbol_key(symbol: str) -> str:
    """The normalised form of a symbol used to link repeated citations."""
    s = symbol.translate(HOMOGLYPHS)
    s = _WS_RE.sub("", s)
    s = _DASHES_RE.sub("-", s)
    return s.upper()


def repaired_symbol(symbol: str) -> str:
    """`symbol` with spaces removed, known codes in their case, State/Party separators fixed."""
    t = tables()
    s = symbol.translate(HOMOGLYPHS)
    s = _BLANKS_RE.sub("", s)
    m = SYMBOL_RE.fullmatch(s)
    if not m:
        return s
    party = m.group("pnum") is not None
    num = m.group("pnum") or m.group("snum")
    codes = [c for c in _PART_SPLIT.split(m.group("pcodes") or m.group("scodes"))[::2]]
    fixed = []
    for c in codes:
        known = t.known_codes.get(c.upper()) or t.undotted.get(c.upper())
        if known:
            fixed.append(known)
        elif c.upper() != c and (c.lower() == c or not any(ch.isupper() for ch in c)):
            fixed.append(c.upper())
        else:
            fixed.append(_split_joined(c) or c)
    if party:
        iss = issuer_info(fixed[1]) if len(fixed) > 1 else None
        if not (iss and iss.kind == "state"):
            return num + "-" + fixed[0] + "/" + "-".join(fixed[1:])
        return num + "/" + "-".join(fixed)  # "12-QĐ-UBND": a State symbol with a dash for its slash
    year = m.group("syear")
    return num + "/" + (year + "/" if year else "") + "-".join(fixed)


def _split_joined(code: str) -> str | None:
    """'CTTg' → 'CT-TTg' when a code is a known type code glued to a known issuer code."""
    t = tables()
    if code in t.known_codes.values() or issuer_info(code):
        return None
    for i in range(1, len(code)):
        head, tail = code[:i], code[i:]
        if head not in t.state_code_owner:
            continue
        if tail not in t.state_code_owner and (tail in t.known_codes.values() or issuer_info(tail)):
            return head + "-" + tail
        # the two codes share a letter: "CTTg" = "CT" + "TTg"
        for k in t.known_codes.values():
            if k not in t.state_code_owner and k.endswith(tail) and len(k) == len(tail) + 1 and k[0] == head[-1] \
                    and issuer_info(k):
                return head + "-" + k
    return None


# --------------------------------------------------------------------------------------------
# Parsing one paragraph

@dataclass
class _Anchor:
    """Where a citation was found, and how (a type name, a law's name, a bare symbol)."""
    start: int
    kind: str  # "typed" | "symbol" | "law"
    cit: Citation
    scan_from: int  # where the forward parse (date, issuer, title) starts


def canon(code: str) -> str:
    """A code as it must be written: 'qđ', 'QD' → 'QĐ'; 'TTG' → 'TTg'; unknown codes unchanged."""
    t = tables()
    plain = code.translate(HOMOGLYPHS)
    return t.known_codes.get(plain.upper()) or t.undotted.get(plain.upper()) or plain


def _is_type_code(code: str) -> bool:
    t = tables()
    k = canon(code)
    return k in t.state_code_owner or k in t.party_code_owner


def _analyse_symbol(c: Citation, m, anchored: bool) -> bool:
    """Fill the symbol parts of `c` from a SYMBOL_RE match; False if it is not a symbol after all."""
    t = tables()
    text = m.group(0)
    base = m.start()
    party = m.group("pnum") is not None
    codes_group = "pcodes" if party else "scodes"
    codes_text = m.group(codes_group)
    cstart = m.start(codes_group)
    pieces = _PART_SPLIT.split(codes_text)
    codes = pieces[::2]
    seps = pieces[1::2]
    # offsets of every code
    offs = []
    pos = cstart
    for i, code in enumerate(codes):
        offs.append(pos)
        pos += len(code) + (len(seps[i]) if i < len(seps) else 0)
    # A spaced separator followed by something that is not a code ends the symbol there.
    keep = len(codes)
    for i, sep in enumerate(seps):
        nxt = codes[i + 1]
        if sep.strip() != sep and not _looks_like_code(nxt):
            keep = i + 1
            break
    if party and keep < 2:
        return False
    codes, seps, offs = codes[:keep], seps[:keep - 1], offs[:keep]
    end = offs[-1] + len(codes[-1])
    first = codes[0]
    if not anchored and first not in t.known_codes.values():
        if not first.isupper() or sum(ch.isalpha() for ch in first) < 2:
            return False
    c.symbol = c.para.text[base:end]
    c.symbol_span = (base, end)
    num = m.group("pnum") or m.group("snum")
    c.number = num
    c.number_span = (base, base + len(num))
    c.style = "party" if party else "state"
    if m.group("syear"):
        c.year = int(m.group("syear"))
    # type code and issuer codes
    if party:
        c.type_code, c.issuer_codes = codes[0], codes[1:]
    elif len(codes) >= 2 and _is_type_code(codes[0]):
        c.type_code, c.issuer_codes = codes[0], codes[1:]
    elif len(codes) == 1 and _is_type_code(codes[0]) and not issuer_info(codes[0]) and not _split_joined(codes[0]):
        c.type_code, c.issuer_codes = codes[0], []
    else:
        joined = _split_joined(codes[0]) if len(codes) == 1 else None
        if joined:
            head, tail = joined.split("-")
            c.type_code, c.issuer_codes = head, [tail]
        else:
            c.type_code, c.issuer_codes = None, codes
    _symbol_problems(c, m, party, codes, seps, offs)
    return True


def _looks_like_code(word: str) -> bool:
    """After a spaced separator ("QĐ- BNN"): an upper-case code or a known one, not a word."""
    letters = [ch for ch in word if ch.isalpha()]
    return word in tables().known_codes.values() or (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _symbol_problems(c: Citation, m, party: bool, codes, seps, offs) -> None:
    t = tables()
    text = c.para.text
    s0, s1 = c.symbol_span
    probs = c.problems
    for ws in _BLANKS_RE.finditer(text[s0:s1]):
        probs.append(Problem("space", s0 + ws.start(), s0 + ws.end()))
    if _NOT_LATIN_RE.search(text, s0, s1):
        for ch in SCRIPT_RE.finditer(text[s0:s1]):
            probs.append(Problem("script", s0 + ch.start(), s0 + ch.end(), ch.group()))
    # separators between codes
    for i, sep in enumerate(seps):
        core = sep.strip()
        a = offs[i] + len(codes[i])
        b = offs[i + 1]
        want = "/" if (party and i == 0) else "-"
        if party and i > 0 and core in "/-":
            continue
        if core != want:
            probs.append(Problem("separator", a, b, f"{core}→{want}"))
    if party and m.group("psep").strip() not in ("-",):
        a, b = m.span("psep")
        probs.append(Problem("separator", a, b, f"{m.group('psep').strip()}→-"))
    # case of each code
    shouting = is_upper_text(text)  # a title in capitals: "CHỈ THỊ SỐ 27/CT-TTG"
    for code, off in zip(codes, offs):
        plain = code.translate(HOMOGLYPHS)
        known = t.known_codes.get(plain.upper())
        if known and plain != known and not (shouting and plain == known.upper()):
            probs.append(Problem("case", off, off + len(code), known))
        elif not known and plain.upper() in t.undotted:
            probs.append(Problem("spelling", off, off + len(code), t.undotted[plain.upper()]))
        elif not known and any(ch.islower() for ch in plain) and not any(ch.isupper() for ch in plain) and not shouting:
            probs.append(Problem("case", off, off + len(code), plain.upper()))
        elif not known and len(codes) == 1 and not party:
            joined = _split_joined(plain)
            if joined:
                probs.append(Problem("joined", off, off + len(code), joined))
    # a type code with no issuer part: "01/NQLT"
    if not party and c.type_code and not c.issuer_codes:
        probs.append(Problem("no-issuer", s0, s1, c.type_code))


_GLUED_DATE_RE = re.compile(r"(?:ngày|NGÀY|Ngày)?[ \t]*\d{1,2}[ \t]*/[ \t]*\d{1,2}[ \t]*/[ \t]*(?:19|20)\d{2}(?=\d)")


def _date_after(c: Citation, text: str, pos: int, limit: int) -> int:
    m = DATE_LEAD_RE.match(text, pos)
    p = m.end() if m else pos
    window = text[p:min(limit, p + 48)]
    glued = _GLUED_DATE_RE.match(window)
    if glued:  # a date run into the next table cell: read the date alone
        window = window[:glued.end()]
    for d in find_dates(window):
        if d.kind != "day" or d.year is None:
            continue
        if d.start == 0 or DATE_NGAY_RE.match(window[:d.start]):
            c.date = DateMention(p + d.start, p + d.end, d.text, d.kind, d.day, d.month, d.year, d.valid, d.first, d.last)
            c.date_span = (p + d.start, p + d.end)
            return p + d.end
        break
    return _misspelt_date(c, text, p, min(limit, p + 48)) or pos


_PUNCT = ",;:.()“”\"'"


_BEFORE_TAIL_RE = re.compile(r"[ \t]*,?[ \t]*(?:tại|theo|[^.;:()]{0,80}?[ \t](?:ban[ \t]+hành|có|gửi|ký|phát[ \t]+hành))?[ \t]*$")


def _date_before(c: Citation, text: str, floor: int) -> None:
    """"Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP …": the date written just before."""
    lo = max(floor, c.start - 130)
    window = text[lo:c.start]
    for d in find_dates(window):
        if d.kind != "day" or d.year is None or not _BEFORE_TAIL_RE.fullmatch(window[d.end:]):
            continue
        if d.text[:4].lower() == "ngày" or _NGAY_END_RE.search(window[:d.start]):
            c.date = DateMention(lo + d.start, lo + d.end, d.text, d.kind, d.day, d.month, d.year, d.valid, d.first, d.last)
            c.date_span = (lo + d.start, lo + d.end)


_LOOSE_DATE_RE = re.compile(r"(?P<ngay>ngày|Ngày|NGÀY)[ \t]+(?P<d>\d{1,2})[ \t]+(?P<t>\p{L}{4,6})[ \t]+(?P<m>\d{1,2})"
                            r"[ \t]*,?[ \t]+(?P<n>\p{L}{2,4})[ \t]+(?P<y>(?:19|20)\d{2})(?!\d)")


def _misspelt_date(c: Citation, text: str, p: int, limit: int) -> int:
    """"ngày 22 tháng 12 nám 2024": a date whose words "tháng"/"năm" are misspelt (one letter or
    one diacritic off). The date is there, so it is kept, with the slips, for C504."""
    m = _LOOSE_DATE_RE.match(text, p, limit)
    if not m:
        return 0
    slips = []
    for g, right in (("t", "tháng"), ("n", "năm")):
        word = m.group(g)
        if word.lower() == right:
            continue
        if not within_one_edit(fold(word), fold(right)):  # (more than one letter or mark off)
            return 0
        slips.append((m.start(g), m.end(g), word, right if word.islower() else right.upper() if word.isupper()
                      else right.capitalize()))
    if not slips:
        return 0
    day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    try:
        first = dt.date(year, month, day)
    except ValueError:
        return 0
    c.date = DateMention(m.start(), m.end(), m.group(), "day", day, month, year, True, first, first)
    c.date_span = m.span()
    c.date_misspelt = slips
    return m.end()


_ISSUER_BEFORE_RE = re.compile(
    r"[ \t]*(?P<iss>\p{Lu}[\p{L}\d&\-]*(?:[ \t]+[\p{L}\d&\-]+){0,12}?)[ \t]+"
    r"(?:(?:đã|cũng|vừa|mới|tiếp[ \t]+tục|chủ[ \t]+động)[ \t]+)*(?:có|ban[ \t]+hành|gửi|ký[ \t]+ban[ \t]+hành|"
    r"phát[ \t]+hành)[ \t]+$")
# "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số …", "theo chỉ đạo của Chính phủ tại Nghị quyết số …"
_AUTHOR_BEFORE_RE = re.compile(r"(?:^|[ \t])(?:của|do)[ \t]+(?P<iss>\p{Lu}[\p{L}\d&\-]*(?:[ \t]+[\p{L}\d&\-]+){0,12}?)"
                               r"[ \t]+(?:tại|theo|ở)[ \t]+$")
_CLAUSE_START_RE = re.compile(r"[^.;:()“”\"\n]*$")


def _issuer_before(c: Citation, text: str, floor: int) -> None:
    """"Bộ Y tế đã có Công văn số …", "Ngày 05/11/2025, VPCP có VB số …": the body that is the
    subject of the clause issued the document; the first citation names its issuer so."""
    start = c.type_span[0] if c.type_span else c.start
    lo = max(floor, start - 160)
    cl = _CLAUSE_START_RE.search(text, lo, start)
    if not cl:
        return
    seg_start = cl.start()
    comma = text.rfind(",", seg_start, start)
    for a in ((comma + 1) if comma >= 0 else None, seg_start):
        if a is None:
            continue
        if _take_issuer_before(c, text, _ISSUER_BEFORE_RE.fullmatch(text, a, start)):
            return
    _take_issuer_before(c, text, _AUTHOR_BEFORE_RE.search(text, seg_start, start))


def _take_issuer_before(c: Citation, text: str, m) -> bool:
    """Record the issuer a match names before the citation ("Bộ Tài chính có Công văn số …"),
    unless it is itself the start of a document type."""
    if m and not _TYPE_AT(text, m.start("iss")):
        c.issuer = m.group("iss")
        c.issuer_span = m.span("iss")
        c.issuer_before = True
        return True
    return False


def _issuer_after(c: Citation, text: str, pos: int, limit: int) -> int:
    """"của Ủy ban nhân dân tỉnh Lai Châu": capitalised words, abbreviations and the lower-case
    words of body names, up to a trích yếu ("về …", "Quy định …"), a type name or punctuation."""
    m = ISSUER_LEAD_RE.match(text, pos)
    if not m or m.end() >= limit:
        return pos
    start = end = m.end()
    words = list(islice(WORD_RE.finditer(text, start, limit), 17))  # the loop reads 16 words and the one after
    prev_low = ""
    for i, w in enumerate(words[:16]):
        raw = _FOOTMARK_RE.sub("", w.group())  # a footnote mark "phủ[3],"
        if not raw or raw[0] in "(“\"'[":
            break
        core = raw.rstrip(_PUNCT)
        if not core:
            break
        low = core.lower()
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        if i > 0 and _TYPE_AT(text, w.start()):
            break
        if _STARTER_RE.match(text, w.start()) and prev_low != "ban":
            break
        if not (core[0].isupper() or core[0].isdigit() or low in ISSUER_WORDS):
            break
        if low in ("và", "các") and not nxt[:1].isupper():
            break
        abbrev = raw.endswith(".") and _ABBREV_DOT_RE.fullmatch(raw)
        end = w.end() if abbrev else w.start() + len(core)
        prev_low = low
        tail = "" if abbrev else raw[len(core):]
        if raw != w.group():
            break
        if tail:
            if tail[0] == "," and len(tail) == 1 and nxt[:1].isupper() and not _TYPE_AT(text, words[i + 1].start()) \
                    and nxt != "Phó":  # "…, Phó Thủ tướng X": a person in apposition, not the issuer
                continue
            break
    while end > start and text[start:end].split()[-1].lower() in ("và", "các", "của"):
        end = start + text[start:end].rstrip().rfind(" ")
    if end > start:
        c.issuer = text[start:end]
        c.issuer_span = (start, end)
        return end
    return pos


def _TYPE_AT(text: str, pos: int) -> bool:
    return bool(tables().type_re.match(text, pos))


def _title_after(c: Citation, text: str, pos: int, limit: int) -> int:
    m = TITLE_LEAD_RE.match(text, pos)
    p = m.end() if m else pos
    if p >= limit or not _STARTER_RE.match(text, p):
        return pos
    quoted = text[p] in "“\"«"
    end = limit
    if quoted:
        close = text.find({"“": "”", "\"": "\"", "«": "»"}[text[p]], p + 1, limit)
        end = close + 1 if close >= 0 else limit
    else:
        ms = TITLE_STOP_RE.search(text, p, limit)
        end = ms.start() if ms else limit
    seg = text[p:end]
    seg = _TITLE_TAIL_RE.sub("", seg)
    if len(seg) < 3:
        return pos
    c.title = seg
    c.title_span = (p, p + len(seg))
    return p + len(seg)


def _law_name(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Span of a law's name starting at `pos` (after 'Luật '), or None."""
    words = list(islice(WORD_RE.finditer(text, pos, limit), 14))  # the loop reads words 0–12 and the one after
    if not words or not words[0].group()[:1].isupper() or _TYPE_AT(text, words[0].start()):
        return None
    end = pos
    n_since_comma = 0
    for i, w in enumerate(words):
        raw = w.group()
        core = raw.rstrip(",;:.()“”\"'")
        lead = raw[:1]
        if lead in "(“\"'" or not core:
            break
        low = core.lower()
        pair = low + " " + words[i + 1].group().lower().rstrip(",;:.") if i + 1 < len(words) else ""
        if i > 0 and (low in LAW_STOP or pair in LAW_STOP_PAIRS or core[:1].isdigit()):
            if low == "và" and i + 1 < len(words) and not _TYPE_AT(text, words[i + 1].start()) \
                    and words[i + 1].group()[:1].isupper():
                pass  # "Luật Bảo vệ và Phát triển rừng"
            else:
                break
        tm = tables().type_re.match(text, w.start())
        if i > 0 and tm and core[:1].isupper() and _fold_name(tm.group("type")) != "van ban":
            break
        end = w.start() + len(core)
        n_since_comma += 1
        if i >= 12:
            break
        if raw != core:
            tail = raw[len(core):]
            if tail.startswith(",") and n_since_comma <= 2 and i + 1 < len(words):
                nxt = words[i + 1].group()
                if nxt[:1].islower() and nxt.rstrip(",") not in LAW_FUNCTION_WORDS and nxt.rstrip(",") not in LAW_STOP:
                    n_since_comma = 0
                    continue
            break
    return (pos, end) if end > pos else None


def dangling_type(text: str) -> tuple[DocType, str, bool] | None:
    """A paragraph that ends with a type name and "số" ("… bởi Nghị định số"): its number is at
    the start of the next paragraph (a hard-wrapped line the reader could not join)."""
    t = tables()
    end = text.rstrip(" \t")[-1:]
    if not end or (" " <= end <= "~" and end not in t.dangling_ascii):
        return None  # a printable ASCII character no match can end with ("." ";" ":" …): no search
    m = t.dangling_re.search(text)
    if not m:
        return None
    dtp = t.by_name.get(_fold_name(m.group("type")))
    return (dtp, m.group("type"), bool(m.group("so"))) if dtp else None


def extract_paragraph(para, tbl: Tables | None = None, carry: tuple[DocType, str, bool] | None = None,
                      names: bool = True, may: bool | None = None) -> list[Citation]:
    """The citations of one paragraph, in text order (not yet linked to a document). `carry` is
    the dangling type name at the end of the previous paragraph (see dangling_type). `names`
    False: the paragraph's lower-cased text holds none of the names of Tables.names_ac, so
    neither a type name nor a law's name is looked for. `may`: Tables.may_cite() of the
    paragraph when the caller knows it, and that its lower-casing is faithful (rx.lower_is_fold)."""
    t = tbl or tables()
    text = para.text
    if not text or not (t.may_cite(text) if may is None else may):
        return []
    # no type name in the lower-cased text: type_re finds nothing when lower-casing is a faithful
    # case-insensitive view (ci_finditer), and LAW_RE's capitalised names are not there either
    no_names = not names and (may is not None or re.lower_is_fold(text)[0])
    anchors: list[_Anchor] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:  # (a loop: all() over a generator cost more)
        for x, y in taken:
            if x < b and a < y:
                return False
        return True

    # 0. the number of a type name left at the end of the previous paragraph
    if carry is not None:
        sm = SYMBOL_RE.match(text)
        c = Citation(para, 0, 0, type_key=carry[0].key, type_name=carry[1], type_from="name", so=carry[2])
        if sm and _analyse_symbol(c, sm, anchored=True):
            c.end = c.symbol_span[1]
            anchors.append(_Anchor(0, "typed", c, c.end))
            taken.append((0, c.end))

    # 1. type name + ["số"] + symbol or number. A capitalised type name may be followed by a few
    # lower-case words before "số" ("Kế hoạch thanh tra số …"); a lower-case one only counts when
    # "số" or the symbol follows at once ("văn bản số …", not "hướng dẫn tại văn bản số …").
    for m in () if no_names else re.ci_finditer(t.type_re, t.type_lower, text):
        dtp = t.by_name.get(_fold_name(m.group("type")))
        if dtp is None or not free(m.start(), m.end()):
            continue
        written = m.group("type")
        capital = written[:1].isupper()
        after = m.end()
        so = (SO_UPPER_RE if written.isupper() else SO_RE).match(text, after)
        if so and so.group("qual").strip() and not capital:
            continue
        nso = None if so else NO_SO_RE.match(text, after)
        if not so and not nso:
            continue
        p = so.end() if so else nso.end()
        c = Citation(para, m.start(), p, type_key=dtp.key, type_name=written, type_span=m.span("type"),
                     type_from="name")
        if so:
            c.so = True
            c.so_span = so.span("so")
        sm = SYMBOL_RE.match(text, p)
        if sm and _analyse_symbol(c, sm, anchored=True):
            c.end = c.symbol_span[1]
            if so and so.group("qual").strip():
                _inner_type(c, text, so.span("qual"))
        else:
            bm = BARE_NUM_RE.match(text, p)
            if not bm or not (c.so or (dtp.bare_number and capital)):
                continue
            if not c.so and _YEAR_RE.fullmatch(bm.group("num")):
                continue  # "Kế hoạch 2025": a year, not a number
            c.number = bm.group("num")
            c.number_span = bm.span("num")
            c.end = bm.end("num")
        anchors.append(_Anchor(c.start, "typed", c, c.end))
        taken.append((c.start, c.end))
    # 2. laws by name: "Luật Tổ chức chính quyền địa phương năm 2015", "Luật … số 64/2025/QH15"
    for m in () if not names else LAW_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        dtp = t.by_name.get(_fold_name(m.group("type")))
        c = Citation(para, m.start(), m.end(), type_key=dtp.key if dtp else None, type_name=m.group("type"),
                     type_span=m.span("type"), type_from="name")
        ns = _law_name(text, _BLANKS0_RE.match(text, m.end()).end(), len(text))
        if ns:
            c.name = text[ns[0]:ns[1]]
            c.name_span = ns
            c.end = ns[1]
        elif dtp and dtp.key != "hien-phap":
            continue
        c.end = max(c.end, _law_tail(c, text, c.end, len(text)))
        if not free(c.start, c.end):
            continue
        anchors.append(_Anchor(c.start, "law", c, c.end))
        taken.append((c.start, c.end))
    # 3. bare symbols
    for sm in symbols_in(text):
        if not free(sm.start(), sm.end()):
            continue
        c = Citation(para, sm.start(), sm.end())
        if not _analyse_symbol(c, sm, anchored=False):
            continue
        c.end = c.symbol_span[1]
        so = _SO_BEFORE_RE.search(text[max(0, c.start - 12):c.start])
        if so:
            off = max(0, c.start - 12)
            c.so = True
            c.so_span = (off + so.start("so"), off + so.end("so"))
            c.start = c.so_span[0]
            _type_before(c, text, free)
        anchors.append(_Anchor(c.start, "symbol", c, c.end))
        taken.append((c.start, c.end))
    if not anchors:
        return []
    anchors.sort(key=lambda a: a.start)
    out: list[Citation] = []
    for k, a in enumerate(anchors):
        limit = anchors[k + 1].start if k + 1 < len(anchors) else len(text)
        c = a.cit
        pos = a.scan_from
        # a bare symbol right after a citation and a list connector shares its type
        if a.kind == "symbol" and out:
            prev = out[-1]
            gap = text[prev.end:c.start]
            if (c.so and _LIST_GAP_RE.fullmatch(gap)) or \
                    (not c.so and LIST_BARE_RE.match(gap) and gap.strip()):
                head = prev.list_head or prev
                if head.type_key and (not c.type_code or _code_fits(head.type_key, c.type_code, c.style)):
                    c.type_key, c.type_name, c.type_from, c.list_head = head.type_key, head.type_name, "list", head
        if a.kind == "symbol" and c.type_key is None and c.type_code:
            owners = (tables().party_code_owner if c.style == "party" else tables().state_code_owner).get(
                canon(c.type_code))
            if owners:
                c.type_key, c.type_from = owners[0].key, "code"
        if c.date is None and a.kind != "law":
            pos = _date_after(c, text, pos, limit)
        pos = _issuer_after(c, text, pos, limit)
        if c.date is None and c.issuer:
            pos = _date_after(c, text, pos, limit)
        if c.date is None and a.kind != "law":
            _date_before(c, text, out[-1].end if out else 0)
        if c.issuer is None and a.kind != "law":
            _issuer_before(c, text, out[-1].end if out else 0)
        if a.kind != "law" or c.symbol:
            pos = _title_after(c, text, pos, limit)
        c.end = max(c.end, pos)
        out.append(c)
    # citations one after another ("Chỉ thị số 31-CT/TU ngày …, Kế hoạch số 134-KH/TU ngày … của Ban
    # Thường vụ Tỉnh ủy"; "Thông tư số … ngày … và Thông tư số … ngày … của Bộ Tài chính"): the
    # issuer written after the last is theirs
    for k in range(len(out) - 2, -1, -1):
        c, nxt = out[k], out[k + 1]
        if (c.issuer is None or c.issuer_before) and nxt.issuer and not nxt.issuer_before and c.symbol \
                and nxt.symbol and c.issuer_codes[:1] and [canon(x) for x in c.issuer_codes[:1]] == \
                [canon(x) for x in nxt.issuer_codes[:1]] and _SHARED_GAP_RE.fullmatch(text, c.end, nxt.start):
            # (the same issuer code: "Nghị quyết số 57-NQ/TW và Kế hoạch 02-KH/BCĐTW của Ban Chỉ đạo"
            # gives the Ban Chỉ đạo to the plan only)
            c.issuer, c.issuer_span, c.issuer_before = nxt.issuer, nxt.issuer_span, False
    # a list shares the issuer written after its last item
    for c in out:
        if c.list_head and c.issuer and not c.issuer_before and (not c.list_head.issuer or c.list_head.issuer_before):
            for o in out:
                if (o is c.list_head or o.list_head is c.list_head) and (o.issuer is None or o.issuer_before) \
                        and o is not c:
                    o.issuer, o.issuer_span, o.issuer_before = c.issuer, c.issuer_span, False
    return out


_SHARED_GAP_RE = re.compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")
_CLAUSE_BACK_RE = re.compile(r"[^,;:.()“”\"\n]{0,60}$")
_ABBR_RE = re.compile(r"(?<![\p{L}\d])(?P<abbr>\p{Lu}[\p{L}]{0,4})[ \t]+$")


def _type_before(c: Citation, text: str, free) -> None:
    """A bare "số 23/KL-LNTPTW" whose type name stands a few words earlier in the same clause
    ("Kết luận liên ngành Tư pháp Trung ương số 23/KL-LNTPTW"), or is abbreviated ("QĐ số …"):
    the type whose code the symbol carries."""
    if not c.type_code:
        return
    t = tables()
    code = canon(c.type_code)
    owners = (t.party_code_owner if c.style == "party" else t.state_code_owner).get(code, [])
    if not owners:
        return
    head = text[:c.start]
    ab = _ABBR_RE.search(head)
    if ab and canon(ab.group("abbr")) == code and ab.group("abbr").isupper():
        c.type_key, c.type_name, c.type_span, c.type_from = owners[0].key, ab.group("abbr"), ab.span("abbr"), "name"
        c.start = ab.start("abbr")
        return
    back = _CLAUSE_BACK_RE.search(head)
    if not back:
        return
    found = None
    for m in t.type_re.finditer(text, back.start(), c.start):
        dtp = t.by_name.get(_fold_name(m.group("type")))
        if dtp in owners and m.group("type")[:1].isupper() and free(m.start(), m.end()):
            found = (dtp, m)
    if found:
        dtp, m = found
        c.type_key, c.type_name, c.type_span, c.type_from = dtp.key, m.group("type"), m.span("type"), "name"
        c.start = m.start()


def _inner_type(c: Citation, text: str, span: tuple[int, int]) -> None:
    """"Quyết định ban hành kế hoạch số 12/KH-UBND": the symbol's code names the inner type."""
    if not c.type_code:
        return
    code = canon(c.type_code)
    outer = c.dtype
    if outer and code in (outer.party_codes if c.style == "party" else outer.codes):
        return
    for m in tables().type_re.finditer(text, span[0], span[1]):
        inner = tables().by_name.get(_fold_name(m.group("type")))
        if inner and code in (inner.party_codes if c.style == "party" else inner.codes):
            c.type_key, c.type_name, c.type_span = inner.key, m.group("type"), m.span("type")
            return


def _law_tail(c: Citation, text: str, pos: int, limit: int) -> int:
    """After a law's name: 'năm 2015', '2015', 'số 64/2025/QH15', 'ngày 19 tháng 02 năm 2025'."""
    m = _LAW_YEAR_RE.match(text, pos, limit)
    if m:
        c.law_year = int(m.group("y"))
        c.law_year_span = m.span("y")
        return m.end()
    m = _LAW_SO_RE.match(text, pos, limit)
    if m:
        sm = SYMBOL_RE.match(text, m.end())
        if sm and _analyse_symbol(c, sm, anchored=True):
            c.so, c.so_span = True, m.span("so")
            c.end = c.symbol_span[1]
            return c.end
    # a law's date needs the word "ngày" ("Luật … ngày 19 tháng 02 năm 2025"): a bare date after a
    # law's name is usually the next table cell
    if _LAW_NGAY_RE.match(text, pos, limit):
        d = _date_after(c, text, pos, limit)
        if c.date is not None and c.date.year:
            c.law_year = c.date.year
        return d
    return pos


def _code_fits(type_key: str, code: str, style: str | None) -> bool:
    t = tables()
    dtp = t.by_key[type_key]
    k = canon(code)
    if dtp.any_code:
        return True
    return k in (dtp.party_codes if style == "party" else dtp.codes) or not _is_type_code(k)


# --------------------------------------------------------------------------------------------
# Document level

def _skipped(doc) -> set[int]:
    """Paragraphs that hold the document's own number, place and date (not citations)."""
    skip = set()
    comps = doc.structure.components
    for name in ("so_ky_hieu", "place_date", "issuer", "quoc_hieu", "tieu_ngu"):
        skip.update(comps.get(name, []))
    title_at = None
    for p in doc.paragraphs[:25]:
        if P.DOC_TITLE.match(p.text.strip()):
            title_at = p.index
            break
    for p in doc.paragraphs[: (title_at if title_at is not None else 12)]:
        if OWN_NUMBER_RE.match(p.text) or (title_at is not None and SYMBOL_RE.fullmatch(p.text.strip())):
            skip.add(p.index)
    return skip


def link(cits: list[Citation]) -> list[Citation]:
    """Number the citations and link each to the first citation of the same document. A short
    form "Kế hoạch 02" and the full "Kế hoạch số 02-KH/BCĐTW" of the same document are one
    document."""
    firsts: dict[str, Citation] = {}
    by_number: dict[tuple, str] = {}
    for c in cits:
        if c.symbol and c.number and c.type_key:
            by_number.setdefault((c.type_key, c.number), citation_key(c))
    for i, c in enumerate(cits):
        c.index = i
        c.key = citation_key(c)
        if not c.symbol and c.number and (c.type_key, c.number) in by_number:
            c.key = by_number[(c.type_key, c.number)]
        c.first = None
        if c.key:
            f = firsts.get(c.key)
            if f is None:
                firsts[c.key] = c
            else:
                c.first = f
    return cits


def citation_key(c: Citation) -> str:
    if c.symbol:
        return "sym:" + symbol_key(c.symbol)
    if c.number:
        return f"num:{c.type_key}:{c.number}"
    if c.name:
        return f"law:{c.type_key}:{fold(c.name)}:{c.law_year or ''}"
    return ""


def _may_cite_all(t: Tables, texts: list[str]) -> tuple[set[int], set[int]] | None:
    """Tables.may_cite() of every paragraph, worked out for the document at once: (the indexes of
    the paragraphs that may cite, those whose lower-cased text holds a name of names_ac); None
    when the lower-cased text is not a faithful case-insensitive view of the document (then each
    paragraph is asked on its own). Both prefilters run once over the texts joined by NUL, which
    no match can hold (a match lies within one text): the symbol pattern by finditer (each text
    that has a match has one found), prefilter_lower as its alternatives' names (every
    occurrence, from the automaton) each followed by its tail."""
    if t.names_ac is None:
        return None
    joined = "\x00".join(texts)
    low = joined.lower()
    if not re.faithful_lower(joined, low):
        return None
    ends = list(accumulate(len(x) + 1 for x in texts))  # text i ends (with its NUL) at ends[i]
    may = {bisect_right(ends, m.start()) for m in t.prefilter_symbol.finditer(joined)}
    del joined
    named: set[int] = set()
    name_tail, law_tail = _NAME_TAIL.match, _LAW_TAIL.match
    tails_of = t.name_tails
    for end, name in t.names_ac.iter(low):
        tails = tails_of[name]
        i = bisect_right(ends, end)
        named.add(i)
        if i not in may and ((tails & 1 and name_tail(low, end + 1)) or (tails & 2 and law_tail(low, end + 1))):
            may.add(i)
    return may, named


def citations(doc) -> list[Citation]:
    """Every citation of the document, in order, linked to first occurrences (cached)."""
    if "citations" not in doc.cache:
        skip = _skipped(doc)
        t = tables()
        known = _may_cite_all(t, [p.text for p in doc.paragraphs])  # (by position in doc.paragraphs)
        out: list[Citation] = []
        carry = None
        for i, p in enumerate(doc.paragraphs):
            if p.index in skip:
                carry = None
                continue
            out.extend(extract_paragraph(p, t, carry) if known is None else
                       extract_paragraph(p, t, carry, i in known[1], i in known[0]))
            carry = dangling_type(p.text)
        doc.cache["citations"] = link(out)
    return doc.cache["citations"]


_HEADER_DATE_RE = re.compile(r"\p{L},[ \t]*(?P<date>ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4})")


def document_date(doc) -> dt.date | None:
    """The date of the document itself: the notice's date, else (for other documents) the first
    filled-in place-and-date line of the header."""
    if "document_date" not in doc.cache:
        d = notice_date(doc)
        if d is None and doc.kind != "thong-bao":
            head = doc.paragraphs[:25]
            for k, p in enumerate(head):
                # "Hà Nội, ngày" / "01 tháng 12 năm 2025": a place-and-date line split in two
                joined = p.text + " " + head[k + 1].text if k + 1 < len(head) else p.text
                for text in (p.text, joined):
                    pd = parse_place_date(text)
                    if pd and pd.date():
                        d = pd.date()
                        break
                if d:
                    break
                # "V/v … Hà Nội, ngày 25 tháng 11 năm 2025 Kính gửi: …" run together by a crawl
                m = _HEADER_DATE_RE.search(joined)
                if m:
                    days = [x for x in find_dates(m.group("date")) if x.kind == "day" and x.first]
                    if days:
                        d = days[0].first
                        break
        doc.cache["document_date"] = d
    return doc.cache["document_date"]


def document_symbol(doc) -> str | None:
    """The number and symbol of the document itself ("44/2025/QĐ-TTg"), from its header."""
    if "document_symbol" not in doc.cache:
        found = None
        idx = list(doc.structure.components.get("so_ky_hieu", []))
        heads = [doc.paragraphs[i] for i in idx] + doc.paragraphs[:15]
        for p in heads:
            text = p.text.strip()
            m = OWN_NUMBER_RE.match(text)
            sm = SYMBOL_RE.search(text) if m else SYMBOL_RE.fullmatch(text)
            if sm:
                found = sm.group(0)
                break
        doc.cache["document_symbol"] = found
    return doc.cache["document_symbol"]


def own_issuer_codes(doc) -> frozenset[str]:
    """The issuer codes of the document's own symbol ("624/TB-VPCP" → {"VPCP"}): a citation
    whose symbol carries one of them cites the issuer's own earlier document."""
    sym = document_symbol(doc)
    m = SYMBOL_RE.fullmatch(sym or "")
    if not m:
        return frozenset()
    codes = _PART_SPLIT.split(m.group("pcodes") or m.group("scodes"))[::2]
    return frozenset(canon(x) for x in codes if x and not _is_type_code(x))


def is_normative_symbol(symbol: str | None) -> bool:
    """A normative document's symbol carries its year: "44/2025/QĐ-TTg", "81/2025/QĐ-UBND"
    (NĐ 34/2016/NĐ-CP Điều 58; NĐ 78/2025/NĐ-CP); an administrative one does not ("125/TB-UBND")."""
    m = SYMBOL_RE.fullmatch(symbol or "")
    return bool(m and m.group("syear"))


def document_year(doc) -> int | None:
    d = document_date(doc)
    return d.year if d else notice_year(doc)


def _registered(entries, where: str) -> dict[str, RegisteredDoc]:
    out: dict[str, RegisteredDoc] = {}
    for e in entries:
        src = e["source"]
        d = RegisteredDoc(e["symbol"], e["type"], e["date"], e.get("issuer"), e.get("ended"), e.get("replaced_by"),
                          e.get("title"), src if isinstance(src, str) else "; ".join(src))
        if d.type not in tables().by_key:
            raise ConfigError(f"{e.get('file', where)}: [[document]] '{d.symbol}': unknown type '{d.type}' "
                              f"(a key of doc_types.toml)")
        out[symbol_key(d.symbol)] = d
    return out


@lru_cache(maxsize=None)
def national_documents() -> dict[str, RegisteredDoc]:
    """rules/documents.toml, by symbol_key()."""
    docs = _registered(_load("documents.toml"), str(rules_path("documents.toml")))
    return docs


def documents_for(doc) -> dict[str, RegisteredDoc]:
    """The registered documents a run knows: the national ones, and the [[document]] entries of
    the province's files (configuration key `registries`), which win on the same symbol."""
    if "registered_documents" not in doc.cache:
        docs = national_documents()
        if doc.options.settings.get("registries"):  # (else no local file: the agency index is not needed)
            from .agencies import registry_for

            local = registry_for(doc).documents
            if local:
                docs = {**docs, **_registered([dict(d) for d in local], "registries")}
        doc.cache["registered_documents"] = docs
    return doc.cache["registered_documents"]


def registered(doc, c: Citation) -> RegisteredDoc | None:
    """The registered document a citation names (by its symbol), or None."""
    if not c.symbol:
        return None
    return documents_for(doc).get(symbol_key(repaired_symbol(c.symbol)))


def replaced_law(c: Citation) -> ReplacedLaw | None:
    """The laws.toml entry this citation names, if it is a replaced law."""
    for law in tables().laws:
        if c.type_key != law.type:
            continue
        if c.symbol and law.symbol and symbol_key(c.symbol) == law.symbol:
            return law
        if c.name and c.law_year == law.year and fold(c.name) in law.names:
            return law
    return None
