"""Validate every file of rules/ (and the local registries a configuration names) once, before
any file is checked, so that a bad key gives one clear error naming the file and the key (exit
code 2), not an internal error in each rule that reads it.

Each loader checks its own file (unknown keys, types, regular expressions, overlapping validity
periods) and keeps what it read, so this costs nothing the rules would not pay anyway.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import ConfigError, RuleDataError


def _loaders():
    from .extract import tasklex
    from .extract.citations import tables
    from .language import lexicon
    from .layout.spec import specs
    from .registry import load, load_abbreviations

    yield from (lambda n=n: tasklex.lexicon(n) for n in sorted(tasklex.SECTIONS))
    yield tables
    yield lexicon.confusions
    yield lexicon.language_data
    yield specs
    yield load
    yield load_abbreviations


def _stamp() -> tuple[str, str] | None:
    """The cache entry saying that this content of rules/ and grammar/ passed validation by this
    version of rasoat: its name (from the files' paths, sizes and times, and those of the code)
    and its origin (a checksum of the files' content, checked on reading). None when the cache
    is off."""
    import hashlib
    import sys

    from . import __version__, cache
    from .resources import data_dir

    if cache.disabled():
        return None
    data = sorted(p for name in ("rules", "grammar") for p in cache.files_under(str(data_dir(name))))
    key = repr((__version__, sys.version, cache._stat_stamp(data), cache.code_stamp())).encode("utf-8", "surrogateescape")
    return (f"valid-{hashlib.sha256(key).hexdigest()[:24]}.json",
            f"{__version__}|{sys.version}|{cache.file_digest(data)}")


@lru_cache(maxsize=None)
def validate_all() -> None:
    """Raise RuleDataError (a ConfigError) for the first unusable file of rules/. Runs once per
    content of rules/ (a cache entry remembers that it passed): later runs read only what their
    rules need, when they need it."""
    from . import cache

    stamp = _stamp()
    if stamp is not None and cache.read_entry(*stamp) == "valid":
        return
    _validate()
    if stamp is not None:
        cache.write_entry(stamp[0], stamp[1], "valid")


def _validate() -> None:
    for load in _loaders():
        try:
            load()
        except ConfigError:
            raise
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise RuleDataError(f"rules/: dữ liệu quy tắc không dùng được (unusable rule data): "
                                f"{type(exc).__name__}: {exc}") from None
