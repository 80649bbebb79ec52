"""The Lark driver: token stream → tree, with recovery, → Structure (component → paragraphs).

The parser is LALR over paragraph tokens (grammar/thongbao.lark). It is fed token by token
through Lark's interactive parser: a token the grammar does not accept at that point (a
component out of order) is recorded as a structure error and skipped, the parser state is
restored, and parsing goes on, so one misplaced paragraph never hides the rest of the document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import sys

# Lark imports the `regex` module at import time when it is installed, for its `regex=True`
# option, which rasoat does not use (rasoat's own patterns go through checker/rx.py). Hiding it
# for that one import (a None entry in sys.modules makes `import regex` fail) saves ~15 ms of
# every run; `regex` stays importable afterwards.
_hide_regex = "regex" not in sys.modules
if _hide_regex:
    sys.modules["regex"] = None  # type: ignore[assignment]
try:
    from lark import Lark, Token, Tree
    from lark.exceptions import UnexpectedToken
    from lark.lexer import Lexer
finally:
    if _hide_regex and sys.modules.get("regex", 0) is None:
        del sys.modules["regex"]

from .. import rx as re
from ..model import Paragraph
from ..resources import grammar_path
from . import patterns as P
from .classify import Tok, classify


class _NoLexer(Lexer):
    """Tokens come from the classifier; Lark's own lexer is not used."""

    def __init__(self, lexer_conf):  # noqa: D401 - Lark's interface
        pass

    def lex(self, data):  # pragma: no cover - never called: tokens are fed one by one
        return iter(())


def _cache_name(grammar: str) -> tuple[str, str]:
    """A per-user cache entry of the LALR tables: its name and origin (the grammar, Lark's version)."""
    import hashlib

    import lark

    digest = hashlib.sha256((grammar + lark.__version__).encode("utf-8")).hexdigest()
    return f"thongbao-{digest[:16]}.json", digest


def _from_cache(grammar: str) -> Lark | None:
    from ..cache import read_entry

    got = read_entry(*_cache_name(grammar))
    if not isinstance(got, dict):
        return None
    try:
        data, memo = got["data"], got["memo"]
        data["options"]["lexer"] = _NoLexer  # a class: not kept in the entry
        data["parser"]["lexer_conf"]["lexer_type"] = _NoLexer
        return Lark._load_from_dict(data, memo)
    except Exception:  # noqa: BLE001 - an entry Lark cannot use is a miss
        return None


def _to_cache(grammar: str, built: Lark) -> None:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    from ..cache import prune, write_entry

    try:
        data, memo = built.memo_serialize([TerminalDef, Rule])
        data["options"] = {k: v for k, v in data["options"].items() if k not in ("lexer", "cache")}
        data["parser"]["lexer_conf"]["lexer_type"] = None
    except Exception:  # noqa: BLE001 - tables that cannot be kept are built again next time
        return
    write_entry(*_cache_name(grammar), {"data": data, "memo": memo})
    prune("thongbao")  # tables for another grammar or Lark version are no longer needed


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser, built once per process; its tables are kept on disk between runs as
    checked JSON (checker/cache.py), never as a pickle."""
    grammar = grammar_path().read_text(encoding="utf-8")
    built = _from_cache(grammar)
    if built is None:
        built = Lark(grammar, parser="lalr", lexer=_NoLexer, start="start")
        _to_cache(grammar, built)
    return built


@dataclass
class OrderError:
    para: int
    token: str
    expected: list[str]


@dataclass
class Structure:
    kind: str  # "thong-bao" or "other"
    doc_type: str  # the title's type ("thong-bao", "quyet-dinh", … or "" when there is none)
    tokens: list[Tok]
    tree: Tree | None
    components: dict[str, list[int]] = field(default_factory=dict)
    order_errors: list[OrderError] = field(default_factory=list)
    # paragraph index → where the signature column's text starts in a Nơi nhận line that a PDF
    # extraction put side by side with it ("Nơi nhận: KT. GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC")
    side: dict[int, int] = field(default_factory=dict)
    # paragraphs of the Nơi nhận column read in turn with the signature column's lines
    interleaved: list[int] = field(default_factory=list)

    def own_text(self, p) -> str:
        """The paragraph's text without the signature column's text beside it."""
        k = self.side.get(p.index)
        return p.text if k is None else p.text[:k].rstrip()

    def own_part(self, p):
        """The paragraph without the signing column's text beside it (the paragraph itself when
        there is none)."""
        k = self.side.get(p.index)
        if k is None:
            return p
        from dataclasses import replace

        own = p.text[:k].rstrip()
        return replace(p, text=own, offsets=[*p.offsets[: len(own)], p.offsets[len(own) - 1] + 1])

    def side_part(self, p):
        """The signature column's part of a side-by-side line, as a paragraph of its own (its
        offsets still point into the source), or None."""
        k = self.side.get(p.index)
        if k is None:
            return None
        from dataclasses import replace

        return replace(p, text=p.text[k:], offsets=p.offsets[k:])

    def first(self, name: str) -> int | None:
        c = self.components.get(name)
        return c[0] if c else None

    def has(self, name: str) -> bool:
        return bool(self.components.get(name))

    def token_of(self, para: int) -> str | None:
        for t in self.tokens:
            if t.para == para:
                return t.type
        return None


# token type → component name in Structure.components
COMPONENT = {
    "QUOC_HIEU": "quoc_hieu", "TIEU_NGU": "tieu_ngu", "ISSUER": "issuer", "SO": "so_ky_hieu",
    "PLACE_DATE": "place_date", "TITLE": "title", "TRICH_YEU": "trich_yeu", "CAN_CU": "can_cu",
    "OPENING": "opening", "ITEM": "body", "BULLET": "body", "TEXT": "body", "CLOSING": "closing",
    "NOI_NHAN": "noi_nhan", "RECIPIENT": "recipient", "LUU": "luu", "AUTHORITY": "authority",
    "SIG_TITLE": "sig_title", "SIGNER": "signer", "ANNEX": "annex", "ANNEX_TEXT": "annex",
}


def document_kind(paras: list[Paragraph], toks: list[Tok]) -> tuple[str, str]:
    """('thong-bao' | 'other', title type). A notice has the title THÔNG BÁO or a TB symbol."""
    by_index = {p.index: p for p in paras}
    title_type = ""
    for t in toks:
        if t.type == "TITLE":
            text = by_index[t.para].text.rstrip(": ")
            title_type = P.DOC_TYPE_TITLES.get(text.upper(), "") or P.title_type(text)
            break
    if title_type == "thong-bao":
        return "thong-bao", title_type
    if not title_type:
        for t in toks:
            if t.type != "SO":
                continue  # (upper-casing every paragraph cost 12 bytes a character of the longest)
            so = by_index[t.para].text.upper()  # (also "37698/TB-CHQ" cut from its "Số:")
            if "/TB" in so or "-TB/" in so:
                return "thong-bao", ""
    return "other", title_type


def parse_structure(paras: list[Paragraph]) -> Structure:
    toks = classify(paras)
    kind, doc_type = document_kind(paras, toks)
    st = Structure(kind=kind, doc_type=doc_type, tokens=toks, tree=None)
    if kind != "thong-bao":
        return st
    ip = parser().parse_interactive(None)
    accepted: list[Tok] = []
    ps = ip.parser_state
    for t in toks:
        if t.interleaved:  # its place among the signature lines is the extraction's, not the document's
            st.interleaved.append(t.para)
            continue
        # Reductions never mutate earlier values, so shallow copies of the two stacks are enough
        # to undo a token the grammar rejects (a deep copy per token would make this quadratic).
        saved = (list(ps.state_stack), list(ps.value_stack))
        try:
            ip.feed_token(Token(t.type, str(t.para), start_pos=t.para))
            accepted.append(t)
        except UnexpectedToken as exc:
            st.order_errors.append(OrderError(t.para, t.type, sorted(x for x in exc.expected if x.isupper())))
            ps.state_stack[:] = saved[0]
            ps.value_stack[:] = saved[1]
    try:
        st.tree = ip.feed_eof()
    except UnexpectedToken:  # pragma: no cover - every component is optional, $END is always accepted
        st.tree = None
    # a misplaced component is still present: rules check its content, S112 its place
    for t in toks:
        st.components.setdefault(COMPONENT[t.type], []).append(t.para)
    by_index = {p.index: p for p in paras}
    for t in toks:
        if t.type in ("NOI_NHAN", "RECIPIENT", "LUU"):
            m = SIDE_TAIL.search(by_index[t.para].text)
            if m:
                st.side[t.para] = m.start("side")
    return st


# The start of a signing column beside a recipients line: an authority ("KT. GIÁM ĐỐC") or an
# upper-case title ("PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG") after the end of the recipients entry.
SIDE_TAIL = re.compile(
    r"(?<=[;:.,])\s+(?P<side>(?:(?:TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐÀ-Ỹ]|(?:PHÓ|CHỦ|CHÁNH|GIÁM|TRƯỞNG|BỘ|THỨ|CỤC|TỔNG|VỤ|BÍ|ỦY|UỶ)\s)"
    r"[A-ZĐÀ-Ỹ ,]*)\s*$")
