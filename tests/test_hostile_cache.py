"""The per-user cache holds nothing that can execute, and nothing in it can change a finding:
a crafted pickle, an edited value, a FIFO or a random bit flip is a miss, and the data is built
again (issue 14, item 1). RASOAT_NO_CACHE=1 turns it off with the same findings."""
from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys
import time

import pytest

from checker import cache
from tests.conftest import SEEDS, needs_shared

SEED_NAMES = ["000_0ecd264c0f8cb733.txt"]


def _run(cache_dir, *paths, no_cache=False, timeout=120):
    env = dict(os.environ, RASOAT_CACHE_DIR=str(cache_dir))
    env.pop("RASOAT_NO_CACHE", None)
    if no_cache:
        env["RASOAT_NO_CACHE"] = "1"
    cmd = [sys.executable, "-m", "checker.cli", "check", "--format", "json", *map(str, paths)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


class _Payload:
    """Unpickling this runs a shell command that leaves a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch '{self.marker}'",))


def _state_bytes(sections: dict) -> bytes:
    """A well-framed state file holding these sections (whatever their content)."""
    import json

    index = json.dumps([[n, len(d)] for n, d in sections.items()]).encode("ascii")
    return cache._STATE_MAGIC + index + b"\n" + b"".join(bytes(d) for d in sections.values())


@needs_shared
def test_crafted_pickles_and_fifos_in_the_cache_do_nothing(tmp_path):
    seed = SEEDS / SEED_NAMES[0]
    cdir = tmp_path / "cache"
    first = _run(cdir, seed)
    assert first.returncode == 1
    (state,) = cdir.iterdir()
    sections = cache._parse_state(state.read_bytes())
    from checker import rx

    assert any(n.startswith("agencies-") for n in sections)
    assert any(n.startswith("re-") for n in sections) == rx._INTERNALS  # (no program cache without re's internals)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    crafted = [lambda: state.write_bytes(payload),  # the whole file a pickle
               lambda: state.write_bytes(_state_bytes({n: payload for n in sections}))]  # each entry one
    if hasattr(os, "mkfifo"):
        crafted.append(lambda: os.mkfifo(state))  # a FIFO would block a plain open() for ever
    for craft in crafted:
        if state.exists() or state.is_symlink():
            state.unlink()
        craft()
        second = _run(cdir, seed, timeout=60)
        assert not marker.exists(), "a pickle in the cache was executed"
        assert second.stdout == first.stdout and second.returncode == 1
        assert "Traceback" not in second.stderr


@needs_shared
def test_edited_or_flipped_entries_are_misses(tmp_path):
    seed = SEEDS / SEED_NAMES[0]
    cdir = tmp_path / "cache"
    first = _run(cdir, seed)
    (state,) = cdir.iterdir()
    good = cache._parse_state(state.read_bytes())
    rnd = random.Random(14)
    edited = {}
    for name, view in good.items():
        data = bytearray(view)
        if name.startswith("agencies-"):
            # a value changed on purpose, the checksum left as it was
            edited[name] = bytes(data).replace("Ủy ban nhân dân".encode(), "Ủy ban nhân đân".encode())
            assert edited[name] != bytes(data)
            continue
        for _ in range(3):
            k = rnd.randrange(len(data))
            data[k] ^= 1 << rnd.randrange(8)
        edited[name] = bytes(data)
    state.write_bytes(_state_bytes(edited))
    second = _run(cdir, seed)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    # every damaged entry was built again and written back
    again = cache._parse_state(state.read_bytes())
    assert again.keys() == good.keys() and all(bytes(again[n]) != edited[n] for n in good)
    # bits flipped anywhere in the file (its index included)
    data = bytearray(state.read_bytes())
    for _ in range(5):
        k = rnd.randrange(len(data))
        data[k] ^= 1 << rnd.randrange(8)
    state.write_bytes(bytes(data))
    third = _run(cdir, seed)
    assert third.stdout == first.stdout and third.returncode == first.returncode


def test_columns_hold_only_plain_values_and_allowed_classes():
    """The agency index's form (columns of plain JSON, no hook): the same values back, shared
    objects shared; another origin, a class not allowed, an edit are misses."""
    import datetime as dt

    from checker.registry import Agency, Place

    a = Agency("Sở Y tế", "tỉnh", variants=("Sở Y tế tỉnh",), valid_from=dt.date(2025, 7, 1))
    b = Agency("Sở Tài chính", "tỉnh")
    places = [Place(f"X{i}", "xã", "Lào Cai", source=("S: nghị quyết",)) for i in range(6)]
    value = ({"a": [a, b, a], "b": [b]}, (a, None), places, frozenset({"x"}), {"n": {"m": [1, 2]}})
    classes = {"Agency": Agency, "Place": Place}
    data = cache.dumps_columns(value, "origin", classes)
    back = cache.loads_columns(data, "origin", classes)
    assert back == value
    assert back[0]["a"][0] is back[0]["a"][2] is back[1][0] and back[0]["b"][0] is back[0]["a"][1]
    assert isinstance(back[1], tuple) and isinstance(back[3], frozenset)
    assert cache.loads_columns(data, "another origin", classes) is None
    assert cache.loads_columns(data, "origin", {"Agency": Agency}) is None  # Place not allowed
    assert cache.loads_columns(data.replace(b"X1", b"X7"), "origin", classes) is None
    with pytest.raises(TypeError):  # parts that share no shape: written by dumps instead
        cache.dumps_columns([1, "a", [2]], "origin", {})


def test_the_agency_index_comes_back_whole_from_columns():
    """The registry and its index read back from columns equal the ones built from rules/."""
    from checker import registry
    from checker.extract import agencies

    reg = registry.build(registry.national_files(), [])
    ix = agencies._build_index(reg)
    classes = registry._cached_classes()
    reg2, ix2 = cache.loads_columns(cache.dumps_columns((reg, ix), "o", classes), "o", classes)
    assert reg2 == reg

    def same(x, y, where):
        assert type(x) is type(y), where
        if isinstance(x, dict):
            assert list(x) == list(y), where
            for k in x:
                same(x[k], y[k], f"{where}.{k}")
        elif isinstance(x, (list, tuple)):
            assert len(x) == len(y), where
            for k, (p, q) in enumerate(zip(x, y)):
                same(p, q, f"{where}[{k}]")
        elif isinstance(x, agencies.Tok):
            assert all(getattr(x, s) == getattr(y, s) for s in x.__slots__), where
        elif isinstance(x, agencies.Form):
            for k in x.__dict__:
                same(getattr(x, k), getattr(y, k), f"{where}.{k}")
        elif hasattr(x, "finditer"):
            assert x.pattern == y.pattern, where
        else:
            assert x == y, where

    s1, s2 = ix.__getstate__(), ix2.__getstate__()
    assert list(s1) == list(s2)
    for k in s1:
        same(s1[k], s2[k], k)
    head = next(iter(ix2.by_key))
    form = next(iter(ix2.by_key[head].values()))[0]
    assert any(form is f for f in ix2.choices[head][1])  # one object, as built
    assert any(form.entry is e for e in reg2.agencies)


@needs_shared
def test_findings_are_the_same_with_the_cache_off(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))[:6] + sorted(SEEDS.glob("*.docx"))[:2]
    cold = _run(tmp_path / "c", *seeds)
    warm = _run(tmp_path / "c", *seeds)
    off = _run(tmp_path / "off", *seeds, no_cache=True)
    assert cold.stdout == warm.stdout == off.stdout
    assert cold.returncode == warm.returncode == off.returncode
    assert not (tmp_path / "off").exists()  # nothing written, not even the folder


def test_entries_hold_only_plain_values_and_allowed_classes():
    from checker.registry import Agency

    value = {"a": (1, 2.5, float("inf")), 3: {"x", "y"}, "d": [Agency("Sở Y tế", "tỉnh")]}
    data = cache.dumps(value, "origin", {"Agency": Agency})
    back = cache.loads(data, "origin", {"Agency": Agency})
    assert back == value and isinstance(back["a"], tuple) and isinstance(back[3], set)
    assert cache.loads(data, "another origin", {"Agency": Agency}) is None
    assert cache.loads(data, "origin", {}) is None  # a class the reader does not allow
    assert cache.loads(data.replace(b"Y t", b"Y T"), "origin", {"Agency": Agency}) is None
    assert cache.loads(pickle.dumps(value), "origin") is None
    with pytest.raises(TypeError):
        cache.dumps(object(), "origin")


def test_non_regular_files_are_never_opened(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert cache.read_regular(str(fifo)) is None  # returns at once: O_NONBLOCK, then not S_ISREG
    (tmp_path / "real").write_bytes(b"x" * 10)
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert cache.read_regular(str(tmp_path / "real")) == b"x" * 10
    assert cache.read_regular(str(tmp_path / "link")) is None
    assert cache.read_regular(str(tmp_path / "real"), limit=5) is None


def test_rx_without_the_private_internals_uses_plain_re(monkeypatch):
    """On an interpreter without re._parser & co. (or another _sre), rx compiles with re.compile
    and fast_finditer is plain finditer: same matches."""
    from checker import rx

    monkeypatch.setattr(rx, "_INTERNALS", False)
    monkeypatch.setattr(rx, "_USE_CACHE", False)
    rx._compile.cache_clear()
    rx._scanner.cache_clear()
    try:
        p = rx.compile(r"(?i)\p{Lu}\p{L}+ quyết")
        assert [m.group() for m in rx.fast_finditer(p, "Nghị quyết và Nghị Quyết")] == ["Nghị quyết", "Nghị Quyết"]
    finally:
        rx._compile.cache_clear()
        rx._scanner.cache_clear()


def test_remembered_file_checksums_follow_the_files(tmp_path, monkeypatch):
    """A checksum of rule files is remembered under their sizes and times: a file rewritten with
    the same size and its modification time set back still gets a new checksum (its change time
    moved), the one computed with the cache off."""
    monkeypatch.setenv("RASOAT_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "a.toml"
    f.write_text("x = 1\n", encoding="utf-8")
    first = cache.file_digest([f])
    assert cache.file_digest([f]) == first and any(n.startswith("digest-") for n in cache._pending[cache.state_path()])
    st = os.stat(f)
    time.sleep(0.05)  # (change times can be as coarse as a clock tick)
    f.write_text("x = 2\n", encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    second = cache.file_digest([f])
    monkeypatch.setenv("RASOAT_NO_CACHE", "1")
    assert second != first and second == cache.file_digest([f])
    f.unlink()
    assert cache.file_digest([f]) not in (first, second)
