"""The structure parser runs the grammar's LALR tables itself (structure.parse.Recognizer): it must
accept and refuse exactly the tokens Lark's own parser accepts and refuses, with the same expected
terminals, on real documents and on any sequence of tokens; the tables kept in the state file
must be the ones Lark builds."""
from __future__ import annotations

import random

import pytest

from checker import cache
from checker.document import Options, load_path
from checker.structure import parse
from checker.structure.classify import Tok

from .conftest import CORPUS, FIXTURES, SEEDS


def lark_run(toks: list[Tok]):
    """The tokens fed to Lark's interactive parser as rasoat fed them before the Recognizer:
    (accepted tokens, [(para, type, expected)] of the refused ones, the tree)."""
    from lark.exceptions import UnexpectedToken

    _, Token, _ = parse._import_lark()
    ip = parse.lark_parser().parse_interactive(None)
    ps = ip.parser_state
    accepted, errors = [], []
    for t in toks:
        if t.interleaved:
            continue
        saved = (list(ps.state_stack), list(ps.value_stack))
        try:
            ip.feed_token(Token(t.type, str(t.para), start_pos=t.para))
            accepted.append(t)
        except UnexpectedToken as exc:
            errors.append((t.para, t.type, sorted(x for x in exc.expected if x.isupper())))
            ps.state_stack[:] = saved[0]
            ps.value_stack[:] = saved[1]
    return accepted, errors, ip.feed_eof()


def recognizer_run(toks: list[Tok]):
    rec = parse.Recognizer(parse.tables())
    accepted, errors = [], []
    for t in toks:
        if t.interleaved:
            continue
        expected = rec.feed(t.type)
        if expected is None:
            accepted.append(t)
        else:
            errors.append((t.para, t.type, expected))
    return accepted, errors


def _documents():
    paths = sorted((FIXTURES / "real").glob("*.md")) + sorted((FIXTURES / "real").glob("*.txt"))
    for folder in (SEEDS, CORPUS / "notices"):
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md"))
    return paths


def test_real_documents_parse_as_lark_parses_them():
    seen = 0
    for path in _documents():
        st = load_path(str(path), Options()).structure
        if st.kind != "thong-bao":
            continue
        seen += 1
        accepted, errors, tree = lark_run(st.tokens)
        assert st.accepted == accepted, path.name
        assert [(e.para, e.token, e.expected) for e in st.order_errors] == errors, path.name
        assert st.tree == tree, path.name
    assert seen >= 10


TERMINALS = sorted({"QUOC_HIEU", "TIEU_NGU", "ISSUER", "SO", "PLACE_DATE", "TITLE", "TRICH_YEU", "CAN_CU",
                    "OPENING", "ITEM", "BULLET", "TEXT", "CLOSING", "NOI_NHAN", "RECIPIENT", "LUU",
                    "AUTHORITY", "SIG_TITLE", "SIGNER", "ANNEX", "ANNEX_TEXT"})


def test_every_terminal_of_the_grammar_is_known():
    assert TERMINALS == sorted(set(parse.COMPONENT))
    symbols = {s for row in parse.tables()["states"] for s in row if s.isupper() and s != "$END"}
    assert symbols == set(TERMINALS)


@pytest.mark.parametrize("seed", range(4))
def test_random_token_sequences_parse_as_lark_parses_them(seed):
    rnd = random.Random(seed)
    for _ in range(150):
        toks = [Tok(rnd.choice(TERMINALS), i) for i in range(rnd.randrange(0, 40))]
        accepted, errors, _ = lark_run(toks)
        assert recognizer_run(toks) == (accepted, errors)


def test_tables_read_back_from_the_state_file_are_lark_s(tmp_path, monkeypatch):
    monkeypatch.setenv("RASOAT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_sections", {})
    monkeypatch.setattr(cache, "_pending", {})
    parse.tables.cache_clear()
    try:
        built = parse.tables()  # a miss: built by Lark, kept
        cache.flush()
        monkeypatch.setattr(cache, "_sections", {})
        parse.tables.cache_clear()
        assert parse.tables() == built == parse.tables_of(parse.lark_parser())
        assert any(name.startswith("thongbao-") for name in cache._sections[cache.state_path()])
    finally:
        parse.tables.cache_clear()


@pytest.mark.parametrize("bad", [None, [], {"states": [], "rules": [], "start": 0},
                                 {"states": [{"A": 5}], "rules": [], "start": 0},
                                 {"states": [{"A": -2}], "rules": [["a", 1]], "start": 0},
                                 {"states": [{"A": 0}], "rules": [["a", -1]], "start": 0},
                                 {"states": [{"A": 0}], "rules": [], "start": "0"}])
def test_tables_of_another_shape_are_not_used(bad):
    assert not parse._valid_tables(bad)
