"""The structure parser: token stream → Structure (component → paragraphs), with recovery.

The parser is LALR over paragraph tokens (grammar/thongbao.lark). It is fed token by token: a
token the grammar does not accept at that point (a component out of order) is recorded as a
structure error and skipped, the parser state is restored, and parsing goes on, so one misplaced
paragraph never hides the rest of the document.

Lark builds the LALR tables from the grammar. The tables alone (a few hundred entries: for each
state, the action on each symbol) are all that feeding tokens needs, so they are kept in the
state file (checker/cache.py) as plain JSON and run by `Recognizer`, which accepts and refuses
exactly the tokens Lark's parser does (the same steps over the same tables: tested against Lark
on real documents); importing Lark (~30 ms) and loading its parser (~20 ms) is then left to a
first run, or to a caller that asks for the parse tree (Structure.tree).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import sys

from .. import rx as re
from ..model import Paragraph
from ..resources import grammar_path
from . import patterns as P
from .classify import Tok, classify

_FORMAT = "lalr-tables 1"  # how the tables are written (part of their origin)


def _import_lark():
    """lark's Lark, Token and Lexer. Lark imports the `regex` module at import
    time when it is installed, for its `regex=True` option, which rasoat does not use (rasoat's
    own patterns go through checker/rx.py). Hiding it for that one import (a None entry in
    sys.modules makes `import regex` fail) saves ~15 ms; `regex` stays importable afterwards."""
    hide = "regex" not in sys.modules
    if hide:
        sys.modules["regex"] = None  # type: ignore[assignment]
    try:
        from lark import Lark, Token
        from lark.lexer import Lexer
    finally:
        if hide and sys.modules.get("regex", 0) is None:
            del sys.modules["regex"]
    return Lark, Token, Lexer


@lru_cache(maxsize=1)
def lark_parser():
    """Lark's LALR parser of the grammar, built from it (tokens come from the classifier: Lark's
    own lexer is not used)."""
    Lark, _, Lexer = _import_lark()

    class NoLexer(Lexer):
        def __init__(self, lexer_conf):  # noqa: D401 - Lark's interface
            pass

        def lex(self, data):  # pragma: no cover - never called: tokens are fed one by one
            return iter(())

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer=NoLexer, start="start")


def _lark_origin() -> str:
    """What the tables are made from: the grammar, the installed Lark's __init__.py (which holds
    its version; found, not imported) and the format of the entry. The two files' checksum is
    remembered in the state file under their sizes, times and inodes (cache.file_digest), so a
    run reads and hashes them only after one of them changed."""
    from importlib.util import find_spec

    from ..cache import file_digest

    return f"{file_digest([grammar_path(), find_spec('lark').origin])}|{_FORMAT}"


def tables_of(built) -> dict:
    """The LALR tables of a Lark parser as plain JSON: for each state (numbered 0…n-1), symbol →
    the next state (a shift or a goto) or ~k (reduce by rule k: [its left-hand side, its length])."""
    table = built.parser.parser.parser.parse_table
    number = {s: i for i, s in enumerate(table.states)}
    rules: dict = {}
    states = []
    for s in table.states.values():
        row = {}
        for sym, (action, arg) in s.items():
            if action.name == "Shift":
                row[sym] = number[arg]
            else:
                row[sym] = ~rules.setdefault(arg, len(rules))
        states.append(row)
    return {"states": states, "rules": [[r.origin.name, len(r.expansion)] for r in rules],
            "start": number[table.start_states["start"]]}


def _valid_tables(t) -> bool:
    """Whether a value read from the state file has the shape tables_of gives (every shift and
    reduce within the tables)."""
    try:
        states, rules, start = t["states"], t["rules"], t["start"]
        n, r = len(states), len(rules)
        return (type(start) is int and 0 <= start < n
                and all(type(o) is str and type(k) is int and k >= 0 for o, k in rules)
                and all(type(row) is dict and all(type(c) is int and -r <= c < n for c in row.values())
                        for row in states))
    except (TypeError, KeyError, ValueError):
        return False


@lru_cache(maxsize=1)
def tables() -> dict:
    """The LALR tables of the grammar: from the state file, or built by Lark (and kept there)."""
    from ..cache import prune, read_entry, write_entry

    try:
        origin = _lark_origin()
    except (OSError, AttributeError, TypeError, ValueError):
        return tables_of(lark_parser())  # (no Lark to name: building says why)
    name = f"thongbao-{origin[:16]}.json"
    got = read_entry(name, origin)
    if _valid_tables(got):
        return got
    built = tables_of(lark_parser())
    write_entry(name, origin, built)
    prune("thongbao")  # tables for another grammar or Lark version are no longer needed
    return built


class Recognizer:
    """Lark's LALR parser (lalr_parser_state.ParserState.feed_token) run over the tables alone:
    the same shifts and reductions, so a token is accepted or refused exactly when Lark accepts or
    refuses it, with the same expected terminals; no tree is built."""

    def __init__(self, t: dict):
        self.states, self.rules = t["states"], t["rules"]
        self.stack = [t["start"]]

    def feed(self, kind: str) -> list[str] | None:
        """Feed one token: None when accepted; else the terminals the state it was refused in
        accepts (sorted), and the parser is back where it was before this token."""
        states, stack = self.states, self.stack
        saved = list(stack)
        while True:
            row = states[stack[-1]]
            code = row.get(kind)
            if code is None:
                stack[:] = saved
                return sorted(s for s in row if s.isupper())
            if code >= 0:
                stack.append(code)
                return None
            origin, size = self.rules[~code]
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][origin])


@dataclass
class OrderError:
    """A component out of place: its paragraph, its token, and the tokens the grammar expected
    there."""
    para: int
    token: str
    expected: list[str]


@dataclass
class Structure:
    """The components of a document found by the structure grammar, and what is out of place."""
    kind: str  # "thong-bao" or "other"
    doc_type: str  # the title's type ("thong-bao", "quyet-dinh", … or "" when there is none)
    tokens: list[Tok]
    # the tokens the grammar accepted, in order (the others are order_errors or interleaved)
    accepted: list[Tok] = field(default_factory=list)
    components: dict[str, list[int]] = field(default_factory=dict)
    order_errors: list[OrderError] = field(default_factory=list)
    # paragraph index → where the signature column's text starts in a Nơi nhận line that a PDF
    # extraction put side by side with it ("Nơi nhận: KT. GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC")
    side: dict[int, int] = field(default_factory=dict)
    # paragraphs of the Nơi nhận column read in turn with the signature column's lines
    interleaved: list[int] = field(default_factory=list)

    @cached_property
    def tree(self):
        """Lark's parse tree of the accepted tokens (None for a document that is no notice): what
        Lark's parser gives when fed them, with the refused ones skipped (no rule reads it)."""
        if self.kind != "thong-bao":
            return None
        _, Token, _ = _import_lark()
        ip = lark_parser().parse_interactive(None)
        for t in self.accepted:
            ip.feed_token(Token(t.type, str(t.para), start_pos=t.para))
        return ip.feed_eof()

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
    st = Structure(kind=kind, doc_type=doc_type, tokens=toks)
    if kind != "thong-bao":
        return st
    parser = Recognizer(tables())
    for t in toks:
        if t.interleaved:  # its place among the signature lines is the extraction's, not the document's
            st.interleaved.append(t.para)
            continue
        expected = parser.feed(t.type)
        if expected is None:
            st.accepted.append(t)
        else:
            st.order_errors.append(OrderError(t.para, t.type, expected))
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
