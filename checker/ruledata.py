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


@lru_cache(maxsize=None)
def validate_all() -> None:
    """Raise RuleDataError (a ConfigError) for the first unusable file of rules/."""
    for load in _loaders():
        try:
            load()
        except ConfigError:
            raise
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise RuleDataError(f"rules/: dữ liệu quy tắc không dùng được (unusable rule data): "
                                f"{type(exc).__name__}: {exc}") from None
