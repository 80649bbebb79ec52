"""The per-user cache holds nothing that can execute, and nothing in it can change a finding:
a crafted pickle, an edited value, a FIFO or a random bit flip is a miss, and the data is built
again (issue 14, item 1). RASOAT_NO_CACHE=1 turns it off with the same findings."""
from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys

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


@needs_shared
def test_crafted_pickles_and_fifos_in_the_cache_do_nothing(tmp_path):
    seed = SEEDS / SEED_NAMES[0]
    cdir = tmp_path / "cache"
    first = _run(cdir, seed)
    assert first.returncode == 1
    names = sorted(p.name for p in cdir.iterdir())
    from checker import rx

    assert any(n.startswith("agencies-") for n in names)
    assert any(n.startswith("re-") for n in names) == rx._INTERNALS  # (no program cache without re's internals)
    marker = tmp_path / "pwned"
    for i, name in enumerate(names):
        f = cdir / name
        f.unlink()
        if i % 3 == 0 and hasattr(os, "mkfifo"):
            os.mkfifo(f)  # a FIFO would block a plain open() for ever
        else:
            f.write_bytes(pickle.dumps(_Payload(marker)))
    second = _run(cdir, seed, timeout=60)
    assert not marker.exists(), "a pickle in the cache was executed"
    assert second.stdout == first.stdout and second.returncode == 1
    assert "Traceback" not in second.stderr


@needs_shared
def test_edited_or_flipped_entries_are_misses(tmp_path):
    seed = SEEDS / SEED_NAMES[0]
    cdir = tmp_path / "cache"
    first = _run(cdir, seed)
    rnd = random.Random(14)
    for f in sorted(cdir.iterdir()):
        data = bytearray(f.read_bytes())
        if f.name.startswith("agencies-"):
            # a value changed on purpose, the checksum left as it was
            text = bytes(data).replace("Ủy ban nhân dân".encode(), "Ủy ban nhân đân".encode())
            f.write_bytes(text)
            continue
        for _ in range(3):
            k = rnd.randrange(len(data))
            data[k] ^= 1 << rnd.randrange(8)
        f.write_bytes(bytes(data))
    second = _run(cdir, seed)
    assert second.stdout == first.stdout and second.returncode == first.returncode


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
