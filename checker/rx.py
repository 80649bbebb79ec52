"""Regular expressions for rasoat: the API of the `regex` module, compiled fast.

Most patterns (ours and those in rules/*.toml) use only the syntax the standard library's `re`
understands; `re` compiles them 10–30 times faster than `regex`, whose compiler is written in
Python and was most of rasoat's start-up time. So a pattern is compiled with `re`, and only a
pattern that needs `regex` (\\p{…} classes, variable-length look-behind, \\X, (?V1) …) falls
back to it. Both give the same matches on the syntax they share. Compiled patterns are cached.
Every module writes `from .. import rx as re` (or `from checker import rx as re`) instead of
importing `regex` or `re` directly.
"""
from __future__ import annotations

import re as _re
from functools import lru_cache

import regex as _regex

A = ASCII = _re.A
I = IGNORECASE = _re.I
M = MULTILINE = _re.M
S = DOTALL = _re.S
U = UNICODE = _re.U
X = VERBOSE = _re.X

Pattern = _re.Pattern
Match = _re.Match
error = (_re.error, _regex.error)
escape = _re.escape


@lru_cache(maxsize=8192)
def _compile(pattern: str, flags: int):
    try:
        return _re.compile(pattern, flags)
    except (_re.error, OverflowError, RecursionError):
        return _regex.compile(pattern, flags)


def compile(pattern, flags: int = 0):  # noqa: A001 - the regex/re API
    if not isinstance(pattern, str):
        return pattern  # already compiled
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)
