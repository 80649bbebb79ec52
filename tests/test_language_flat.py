"""The one-pass split of a paragraph that L705 and L706 look at first (context.flat_keys): the
same stretches and neighbours as the token lists they judge (context.chunks), so that a
paragraph the quick tests pass over can have no finding of either rule."""
from __future__ import annotations

import pytest

from checker.document import load_path
from checker.language import context
from checker.language.context import any_likely, chunks, doubled, flat_keys, maybe_doubled

from .conftest import CORPUS, SEEDS, needs_shared


def _stretches(keys: list[str]) -> list[list[str]]:
    out, cur = [], []
    for k in keys:
        if k.isalnum():
            cur.append(k)
        else:  # a boundary: punctuation, a line break, a spaced dash (and what follows it)
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _same_stretches(text: str) -> None:
    flat = _stretches(flat_keys(text)[0])
    judged = [[t.key for t in toks] for toks in chunks(text)]
    # chunks() leaves out a list label ("a)", "1.") at the start: a single short token
    extra = [s for s in flat if s not in judged]
    assert all(len(s) == 1 for s in extra), (text, extra)
    assert [s for s in flat if s in judged] == judged, text


@pytest.mark.parametrize("text", [
    "Theo quy định, 1, 2 ngày 31/12/2014 ngày - và các các đơn vị",
    "a) Xây dựng kế hoạch — thực hiện.\n- Báo cáo kết quả (trước ngày 15/12)",
    "Sở Tài chính chủ trì – phối hợp; “đế bảo đảm” … hoàn thành",
    "x\n- y -z - w",
])
def test_the_quick_split_meets_the_same_boundaries_as_the_judged_tokens(text):
    _same_stretches(text)


@needs_shared
def test_on_real_notices_the_quick_tests_never_pass_over_a_finding():
    files = sorted(SEEDS.glob("*.txt")) + sorted((CORPUS / "notices").glob("*.txt"))[:6]
    judged = likely = double = 0
    for path in files:
        for p in load_path(path).paragraphs:
            text = p.text
            if text.isascii() or len(text) > context.LONG_PARAGRAPH:
                continue
            _same_stretches(text)
            keys, ids = flat_keys(text)
            if doubled(text):
                double += 1
                assert maybe_doubled(keys), text
            if ids is not None:
                judged += 1
                m = context.model()
                for toks in chunks(text):
                    tid = m.ids([t.key for t in toks])
                    for k, x in enumerate(tid):
                        left = tid[k - 1] if k else None
                        right = tid[k + 1] if k + 1 < len(tid) else None
                        if x is not None and context.likely_variant_ids(left, x, right):
                            likely += 1
                            assert any_likely(ids), (text, toks[k].text)
    assert judged > 100 and likely and double  # the seeds hold both kinds of slip


@pytest.mark.parametrize("text", [
    "a  - b", "a   -  b", "a -b - c", "  x", "x  ", "a \n b", "a  \n- b", "a\t- b", "a - - b",
    "1  2 ab", "đế  bảo , đảm", "12/2014  -  NĐ-CP", "a – b — c", " - ", "a  .  b", "x_y  z²  ½",
    "a\u00a0- b", "a \u00a0 b",
])
def test_the_spaces_taken_before_an_item_change_no_item(text):
    """_FLAT takes the plain spaces before an item into its match (one search attempt per word):
    it finds the items the plain alternation finds, no more, no fewer, none changed."""
    plain = context.re.compile(f"{context.TOKEN.pattern}|(?:{context.SPLIT.pattern})[\\W\\d_]*")
    assert context._FLAT.findall(text) == plain.findall(text)


def _scanned(text: str) -> list:
    """flat_keys() of a paragraph read by one _FLAT scan of the whole text, each boundary as None
    (as it was before the pieces between spaces were looked up one by one)."""
    items = context._FLAT.findall(text)
    words = [w for w in items if w.isalnum()]
    accented = len(words) - sum(map(str.isascii, words))
    ids = context.model().ids(list(map(context._key, items))) if accented * 2 > len(words) else None
    return _merged([context._key(w) for w in items], ids)


def _merged(keys: list[str], ids) -> list:
    """(key, id) of each token, None for a run of boundaries (one or several items); and whether
    ids were given (a paragraph mostly accented)."""
    out: list = []
    for k, i in zip(keys, ids or [None] * len(keys)):
        if k.isalnum():
            out.append((k, i))
        elif not out or out[-1] is not None:
            out.append(None)
    return [ids is not None, *out]


_ODD = ["- Báo cáo kết quả", "đế bảo –", " - đế bảo", "đế bảo - ", "a -b - c", "a - - b", "a  \n- b", "x, - y",
        "ngày 31/12/2014 ngày", "(a) đế bảo, (b) đảm", "12), (b) quy đinh", "a\u00a0- b", "—", "– đế", "x_y  z²  ½"]


@pytest.mark.parametrize("text", _ODD)
def test_the_pieces_between_spaces_give_the_scan_of_the_whole_paragraph(text):
    """_flat() looks up the pieces of str.split() (_RawKeys) instead of scanning every character:
    the same tokens, neighbours, ids and boundaries (a run of boundaries may be two items)."""
    assert _merged(*context._flat.__wrapped__(text)) == _scanned(text)


@needs_shared
def test_on_real_texts_the_pieces_between_spaces_give_the_scan_of_the_whole_paragraph():
    files = sorted(SEEDS.glob("*.txt")) + sorted((CORPUS / "notices").glob("*.txt"))
    n = 0
    for path in files:
        for p in load_path(path).paragraphs:
            text = p.text
            if not text.isascii() and len(text) <= context.LONG_PARAGRAPH:
                n += 1
                assert _merged(*context._flat.__wrapped__(text)) == _scanned(text), text
    assert n > 500


def test_a_piece_cache_emptied_by_another_thread_between_the_two_lookups_is_filled_again():
    """`rasoat serve` checks drafts in threads: one thread's _flat() may empty the piece caches
    (past RAW_KEYS_MAX) after another has read a piece's keys and before it reads its balance."""
    text = "Ủy ban nhân dân tỉnh giao Sở Tư pháp (12), rà soát – báo cáo"
    want = context._flat.__wrapped__(text)
    context._RAW_BALANCE.clear()  # the keys are still there, their balances gone
    assert context._flat.__wrapped__(text) == want
