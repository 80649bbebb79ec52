"""checker/rx.py: patterns written for the `regex` module give the same matches when rx compiles
them with the standard engine (\\p{…} spelled out as ranges), and the on-disk cache of compiled
programs gives the same patterns as compiling anew."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import cache as checker_cache
from checker import rx
from checker.api import check_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "notices").glob("*.txt"))

SAMPLES = [r"\p{L}+", r"[\p{L}\d]+", r"(?<![\p{L}\d])x", r"[^\p{L}\s]", r"\P{L}", r"[\p{Lu}][\p{Ll}\p{M}]*",
           r"[]\p{L}]", r"[^]\p{L}]", r"\p{Nd}+", r"\p{L}\p{M}+", r"[^\p{L}\p{M}]+", r"(?i)\p{Lu}[a-zđ]*", r"(?i)[^\p{Ll}\s]+",
           r"(?<=[\p{Ll}\d]{2}|\p{Ll}[\p{M}])(\.)(?=\p{Lu}\p{Ll})",
           # repeated classes followed by what forces backtracking into them
           r"\p{L}+a", r"(\p{L}*)(\p{L})", r"[\p{L}\d]+?x", r"[^\p{L}]*\.", r"(\P{L}+)(\P{L})", r"\p{L}*+",
           r"([\p{L}\p{M}]+)([\p{M}]*)$", r"(?:[ \t]+\p{Ll}+){0,3}?[ \t]+số", r"[^\p{L}\d]*?x", r"\p{L}+?\p{L}",
           r"(\p{L}+)\s(\p{L}*)\p{L}(?!\p{L})"]
# letters, marks and digits of both planes, Vietnamese, punctuation
ALPHABET = st.sampled_from(list("aăâđeêoôơuưyAĂÂĐÊÔƠƯ ạảãáàẠẢÃÁÀ.,;:()[]]^-\n\t0123٣") +
                           ["\u0301", "\u0323", "\U0001d400", "\U0001e900", "\U0001d7d9", "\U0001f642", "\u2126",
                            "\U000e0100", "²", "Ⅻ", "ß", "ǅ"])


def _spans(p, text):
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def _std(pattern, flags=0):
    source = rx._spelled_out(pattern, flags)
    assert source is not None, pattern
    import re

    return re.compile(source, flags)


NEEDS_INTERNALS = pytest.mark.skipif(not rx._INTERNALS, reason="this Python's re lacks the internals rx builds on")


@NEEDS_INTERNALS
@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_spelled_out_classes_match_like_regex(text):
    for pattern in SAMPLES:
        assert _spans(_std(pattern), text) == _spans(regex.compile(pattern), text), pattern


@NEEDS_INTERNALS
def test_every_rasoat_pattern_with_classes_matches_like_regex_on_real_documents():
    """Every pattern rasoat compiled while checking the seeds and the corpus notices that uses
    \\p{…}: the standard-engine spelling finds exactly what `regex` finds in those documents."""
    if not TEXTS:
        pytest.skip("../shared not found")
    for f in TEXTS:
        check_file(f)
    text = "\n".join(f.read_text(encoding="utf-8") for f in TEXTS)
    keys = [(p, fl) for (p, fl) in rx._load() if ("\\p{" in p or "\\P{" in p) and not p.startswith("\x00")]
    assert len(keys) > 30
    checked = 0
    for pattern, flags in keys:
        if rx._spelled_out(pattern, flags) is None:
            continue  # scripts: `regex` compiles these itself
        assert _spans(_std(pattern, flags), text) == _spans(regex.compile(pattern, flags), text), pattern[:120]
        checked += 1
    assert checked > 30


def test_cached_programs_give_the_same_patterns(tmp_path):
    """A second process reads the compiled programs from the cache instead of compiling, and the
    findings are byte for byte those of the first."""
    seed = SHARED / "seeds" / "000_0ecd264c0f8cb733.txt"
    if not seed.is_file():
        pytest.skip("../shared not found")
    if not rx._INTERNALS:
        pytest.skip("this Python has not the re internals the program cache uses (plain re.compile)")
    env = dict(os.environ, RASOAT_CACHE_DIR=str(tmp_path))
    cmd = [sys.executable, "-m", "checker.cli", "check", "--format", "json", str(seed)]
    first = subprocess.run(cmd, capture_output=True, env=env, text=True)
    # one state file holds every entry
    state = list(tmp_path.iterdir())
    assert [f.name.startswith("state-") and f.name.endswith(".bin") for f in state] == [True]
    sections = checker_cache._parse_state(state[0].read_bytes())
    entries, programs = checker_cache.loads_with_blob(bytes(sections[rx._cache_name()[0]]), rx._cache_name()[1])
    assert len(entries) > 100 and len(programs) > 100_000
    second = subprocess.run(cmd, capture_output=True, env=env, text=True)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    # the parsed rule data, the parser's tables and the agency index were kept too
    kinds = {name.split("-", 1)[0] for name in sections}
    assert {"agencies", "toml", "thongbao", "valid", "re"} <= kinds
    # a damaged state file is ignored, never an error, and written anew
    data = state[0].read_bytes()
    for damaged in (b"\x00garbage", data[: len(data) // 2], data.replace(b"Ban", b"Bam", 1)):
        state[0].write_bytes(damaged)
        third = subprocess.run(cmd, capture_output=True, env=env, text=True)
        assert third.stdout == first.stdout and third.returncode == 1
        assert checker_cache._parse_state(state[0].read_bytes()).keys() == sections.keys()


def test_refused_cache_entry_falls_back_to_compiling(monkeypatch):
    pattern = r"(?P<x>ab+)c"
    monkeypatch.setattr(rx, "_entries", {(pattern, 0): (32, b"\x01\x00\x00\x00\x02\x00\x00\x00", 1, {"x": 1}, (None, "x"))})
    rx._compile.cache_clear()
    try:
        p = rx.compile(pattern)
        assert p.search("xabbc").group("x") == "abb"
    finally:
        rx._compile.cache_clear()


@NEEDS_INTERNALS
def test_patterns_made_from_cached_programs_on_first_use_match_as_compiled_ones():
    """A pattern whose program is in the cache is made on first use (rx._Lazy): on the seeds and three
    corpus notices every such pattern rasoat uses finds what the same pattern compiled anew
    finds, and stands for it (attributes, equality, copies, pickling)."""
    import copy
    import pickle
    import re

    if not TEXTS:
        pytest.skip("../shared not found")
    for f in TEXTS[:3]:
        check_file(f)
    # the seeds and three notices (~900 patterns, each run twice over the text: the costliest test
    # of the suite with all 25 documents, for no pattern more covered)
    text = "\n".join(f.read_text(encoding="utf-8") for f in TEXTS[:8])
    keys = [k for k, e in rx._load().items() if isinstance(e, tuple) and not k[0].startswith("\x00")]
    assert len(keys) > 300
    rx._compile.cache_clear()
    try:
        for pattern, flags in keys:
            lazy = rx.compile(pattern, flags)
            assert type(lazy) is rx._Lazy
            fresh = rx._fresh(pattern, flags)
            assert (lazy.pattern, lazy.flags) == (fresh.pattern, fresh.flags)  # known before it is made
            assert "search" not in vars(lazy)
            assert _spans(lazy, text) == _spans(fresh, text), pattern[:120]
            assert (lazy.groups, dict(lazy.groupindex)) == (fresh.groups, dict(fresh.groupindex))
            assert lazy.real() is lazy.real() and lazy.real() == fresh and lazy == fresh and hash(lazy) == hash(fresh)
        lazy = rx.compile(keys[0][0], keys[0][1])
        assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
        assert pickle.loads(pickle.dumps(lazy)) is lazy  # (the same pattern from rx's own cache)
        assert repr(lazy) == repr(lazy.real()) and lazy.sub("", text) == re.compile(lazy.real()).sub("", text)
    finally:
        rx._compile.cache_clear()


def test_patterns_neither_engine_accepts_raise_rx_error():
    with pytest.raises(rx.error):
        rx.compile(r"(?P<a>x")
    with pytest.raises(rx.error):
        rx.compile(r"\p{NoSuchProperty}")


def test_regex_only_patterns_still_work():
    p = rx.compile(r"(?<!(?:đã|được)\s)giao")  # variable-length look-behind: `regex` only
    assert p.search("đã giao") is None and p.search("sẽ giao").span() == (3, 7)
    assert rx.compile(r"[\p{Script=Cyrillic}]").findall("BТС") == ["Т", "С"]


def test_toml_cache_follows_the_file(tmp_path, monkeypatch):
    from checker.cache import load_toml

    monkeypatch.setenv("RASOAT_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "x.toml"
    f.write_text('a = 1\n', encoding="utf-8")
    assert load_toml(f) == {"a": 1}
    assert load_toml(f) == {"a": 1}  # from the cache
    f.write_text('a = 22\nb = "c"\n', encoding="utf-8")  # another size: another entry
    assert load_toml(f) == {"a": 22, "b": "c"}
    f.write_text('a = \n', encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    with pytest.raises(tomllib.TOMLDecodeError):
        load_toml(f)


def test_repeated_classes_never_backtrack_exponentially():
    """A repeated spelled-out class is an unrolled loop, not (?:x+|y)+: a long word before a
    failing tail is rejected in linear time (this took minutes when the loop was nested)."""
    import time

    p = rx.compile(r"(?:[ \t]+\p{Ll}+){0,3}?[ \t]+số")
    text = " " + "a" * 5000 + " x"
    t = time.perf_counter()
    assert p.match(text) is None
    assert time.perf_counter() - t < 1.0


CI_WORDS = ["Nghị quyết", "Quyết định", "Kế hoạch", "Luật", "Thông tư", "chỉ thị"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CI_WORDS + [w.upper() for w in CI_WORDS] + [" ", "a", "1", "ı", "ſ", "İ", "Σ",
                                                                       "NGHỊ QUYẾT", "quyết", "đ", "-"]),
                max_size=15).map("".join))
def test_ci_finditer_finds_what_finditer_finds(text):
    alt = "|".join(map(rx.escape, sorted(CI_WORDS, key=len, reverse=True)))
    exact = rx.compile(r"(?<![\p{L}\d])(?P<t>" + alt + r")(?![\p{L}])", rx.I)
    lowered = rx.compile("|".join(rx.escape(w.lower()) for w in CI_WORDS))
    assert [m.span() for m in rx.ci_finditer(exact, lowered, text)] == [m.span() for m in exact.finditer(text)]


def _scanned_patterns():
    from checker.extract import deadlines, owners

    P, D = owners.patterns(), deadlines.patterns()
    return [P.group, P.vague, P.title, owners._FACTORED, owners._DONG_CHI, owners._PLACE_OWNER,
            D.event, D.relative, D.recurring, D.vague]


@NEEDS_INTERNALS
def test_fast_finditer_finds_what_finditer_finds_on_real_paragraphs():
    """The lower-case scan used by the owner and deadline extractors gives exactly the matches of
    finditer on every paragraph of the real documents, and on the same text with its case changed."""
    if not TEXTS:
        pytest.skip("../shared not found")
    from checker.document import load_path

    texts = [p.text for f in TEXTS for p in load_path(f).paragraphs]
    pats = _scanned_patterns()
    assert sum(rx._scanner(p.pattern, p.flags & ~rx.U) is not None for p in pats) >= 8
    for t in texts:
        for variant in (t, t.upper(), t.swapcase()):
            for p in pats:
                assert [m.span() for m in rx.fast_finditer(p, variant)] == [m.span() for m in p.finditer(variant)], \
                    (p.pattern[:60], variant[:80])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["các", "Các", "CÁC", "cơ quan", "sở", "ngành", "liên quan", "đồng chí", "Thủ trưởng",
                                 "thủ trưởng các sở", "UBND", "tỉnh", "Tỉnh", "ngay", "sớm", "kịp thời", "trong tháng",
                                 "hằng năm", "Tết", "ı", "ſ", "İ", " ", ", ", "a", "1"]), max_size=14).map("".join))
def test_fast_finditer_on_random_text(text):
    for p in _scanned_patterns():
        assert [m.span() for m in rx.fast_finditer(p, text)] == [m.span() for m in p.finditer(text)], p.pattern[:60]


def test_cache_keeps_only_the_newest_entries_of_each_kind(tmp_path, monkeypatch):
    import os
    import time

    from checker import cache

    monkeypatch.setenv("RASOAT_CACHE_DIR", str(tmp_path))
    for k in range(10):
        cache.write_bytes(f"agencies-old{k}.json", b"x%d" % k)
        cache.flush()  # (one run each)
    cache.write_bytes("toml-keep.json", b"y")
    cache.write_bytes("agencies-new.json", b"z")
    cache.flush()
    left = cache._parse_state((tmp_path / cache.state_name()).read_bytes())
    agencies = [n for n in left if n.startswith("agencies-")]
    assert len(agencies) == cache.KEEP["agencies"] and agencies[-1] == "agencies-new.json"
    assert "agencies-old0.json" not in agencies and "agencies-old9.json" in agencies
    assert bytes(left["toml-keep.json"]) == b"y"
    assert cache.read_bytes("agencies-old9.json") == b"x9"
    # the state files of other versions or installations: the newest few are kept
    for k in range(5):
        f = tmp_path / f"state-other{k}.bin"
        f.write_bytes(b"x")
        os.utime(f, ns=(time.time_ns() - (20 - k) * 10**9,) * 2)
    # and the entry files of earlier versions (one file per entry) are removed
    (tmp_path / "re-cpython-311-old.json").write_bytes(b"v")
    (tmp_path / "notes.txt").write_bytes(b"mine")
    cache.write_bytes("toml-more.json", b"w")
    cache.flush()
    assert len(list(tmp_path.glob("state-*.bin"))) == cache.KEEP["state"]
    assert (tmp_path / cache.state_name()).exists()
    assert not (tmp_path / "re-cpython-311-old.json").exists() and (tmp_path / "notes.txt").exists()


def test_unusable_cache_folder_is_no_error(tmp_path):
    """RASOAT_CACHE_DIR naming a file (or any folder that cannot be made): everything is built in
    memory and the findings are the same."""
    seed = SHARED / "seeds" / "000_0ecd264c0f8cb733.txt"
    if not seed.is_file():
        pytest.skip("../shared not found")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cmd = [sys.executable, "-m", "checker.cli", "check", "--format", "json", str(seed)]
    good = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, RASOAT_CACHE_DIR=str(tmp_path / "c")))
    bad = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, RASOAT_CACHE_DIR=str(blocker)))
    assert bad.returncode == good.returncode == 1 and bad.stdout == good.stdout and "Traceback" not in bad.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(rx._fold_special()) + list("aăđÂİıſΣσςµ K")), max_size=12))
def test_faithful_lower_is_the_set_test(text):
    """rx.faithful_lower searches the special characters with a compiled class: the same answer
    as looking each character up in the set."""
    special = rx._fold_special()
    low = text.lower()
    assert rx.faithful_lower(text, low) == (bool(special) and len(low) == len(text) and special.isdisjoint(text))
