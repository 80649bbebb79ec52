"""Regular expressions for rasoat: the API of the `regex` module, compiled fast.

Most patterns (ours and those in rules/*.toml) use only the syntax the standard library's `re`
understands, and `re` compiles them 10–30 times faster than `regex`, whose compiler is written in
Python. So a pattern is compiled with `re`; the Unicode classes \\p{L}, \\p{Lu}, \\p{Ll}, \\p{M},
\\p{Nd} (and their \\P negations outside a set) are first spelled out as the character ranges
they stand for; only a pattern that still needs `regex` (scripts, variable-length look-behind,
\\X, (?V1) …) is compiled by `regex`. Both give the same matches on the syntax they share.

Compiling is still most of a short run's time (several hundred patterns, some of them long
alternations of agency names), so the compiled program of every `re` pattern (the list of
opcodes `re` hands to its C engine, `_sre`) is kept in a per-user cache file (checker/cache.py)
named by the Python version, the engine's MAGIC number and a checksum of this module, and later
runs hand that program to `_sre` directly: nothing is parsed or compiled twice. The C engine
validates every program it is given; an entry it refuses, or any failure of the cache, falls back
to compiling normally. Only patterns are cached, never text that was checked.

The standard engine cannot skip ahead to a case-insensitive pattern or one that begins with a
look-behind: it tries them at every position. fast_finditer() finds such a pattern's matches by
scanning the lower-cased text for the literal starts of its alternatives (worked out from the
parsed pattern) and checking each candidate with the pattern itself (see ci_finditer).

Every module writes `from .. import rx as re` (or `from checker import rx as re`) instead of
importing `regex` or `re` directly.
"""
from __future__ import annotations

import re as _re
import sys
import threading
from array import array
from functools import lru_cache

A = ASCII = _re.A
I = IGNORECASE = _re.I
M = MULTILINE = _re.M
S = DOTALL = _re.S
U = UNICODE = _re.U
X = VERBOSE = _re.X

Pattern = _re.Pattern
Match = _re.Match
escape = _re.escape

# the one error class for a pattern neither engine accepts (a `regex` error is re-raised as this)
error = _re.error


# ---- the compiled-program cache -------------------------------------------------------------

def _internals_work() -> bool:
    """Whether this interpreter offers the private parts of `re` rasoat uses (re._parser,
    re._compiler, re._constants, re._casefix and _sre.compile taking a program), checked once by
    compiling a small pattern through them. Otherwise (another Python, another version of the
    engine) every pattern is compiled by plain re.compile, with no cache and no scanner."""
    if sys.implementation.name != "cpython":
        return False
    try:
        import _sre
        from re import _casefix, _compiler, _constants, _parser  # noqa: F401

        if getattr(_sre, "CODESIZE", 0) != array("I").itemsize or not isinstance(_constants.MAGIC, int):
            return False
        probe, entry = _std_compile("(?P<a>x)(y)?z", 0, "(?P<a>x)(y)?z")
        m = probe.match("xyz")
        return (m is not None and m.group("a") == "x" and m.group(2) == "y" and probe.groups == 2
                and isinstance(entry[1], bytes))
    except Exception:  # noqa: BLE001 - any difference: the public API only
        return False


_INTERNALS = False  # worked out once, below _std_compile
_USE_CACHE = False
_REGEX = "regex"  # cache marker: this pattern needs the `regex` module
_MAX_ENTRIES = 20000  # a cache that grows past this (patterns built from user data) stops growing

_entries: dict | None = None
_dirty = False


@lru_cache(maxsize=1)
def _cache_name() -> tuple[str, str]:
    """The cache file's name and its origin (what its entries were made by: checked on reading)."""
    import hashlib
    from re import _constants

    v = sys.version_info
    try:  # this module's own text: a change to how patterns are spelled out starts a new cache
        with open(__file__, "rb") as fh:
            own = hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        own = "0" * 64
    name = f"re-{sys.implementation.cache_tag}-{v.major}.{v.minor}.{v.micro}-{_constants.MAGIC}-{own[:8]}.json"
    return name, f"{sys.version}|{_constants.MAGIC}|{own}"


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        if _USE_CACHE:
            from .cache import loads_with_blob, read_view

            name, origin = _cache_name()
            loaded = loads_with_blob(read_view(name), origin)
            if loaded is not None and isinstance(loaded[0], list):
                items, blob = loaded
                for item in items:
                    if isinstance(item, list) and len(item) == 3:
                        e = item[2]
                        if isinstance(e, list) and len(e) == 6 and type(e[1]) is int and type(e[2]) is int:
                            # the program: bytes [start, start+length) of the binary part, read when used
                            e = (e[0], blob[e[1]:e[1] + e[2]], e[3], e[4], e[5])
                        _entries[(item[0], item[1])] = e
            import atexit

            atexit.register(save)
    return _entries


def save() -> None:
    """Write the cache if this process compiled something new (called at exit): the patterns and
    what they compile to as JSON, the programs (raw 32-bit words) as one binary part."""
    global _dirty
    if not _dirty or _entries is None:
        return
    from .cache import dumps_with_blob, write_bytes

    name, origin = _cache_name()
    items, parts, pos = [], [], 0
    for (pattern, flags), e in _entries.items():
        if isinstance(e, tuple):
            code = bytes(e[1])
            items.append([pattern, flags, [e[0], pos, len(code), e[2], e[3], list(e[4])]])
            parts.append(code)
            pos += len(code)
        else:
            items.append([pattern, flags, e])
    try:
        data = dumps_with_blob(items, b"".join(parts), origin)
    except (TypeError, ValueError, RecursionError):
        return
    write_bytes(name, data)
    _dirty = False


def save_in_worker() -> None:
    """In a worker process of a pool (which ends without running atexit), save at its exit too
    (and write the state file after, checker/cache.py)."""
    from multiprocessing import util

    from .cache import flush_in_worker

    util.Finalize(None, save, exitpriority=1)
    flush_in_worker()


def _remember(key, entry) -> None:
    global _dirty
    entries = _load()
    if len(entries) < _MAX_ENTRIES:
        entries[key] = entry
        _dirty = True


_CHARSETS: dict = {}  # the standard compiler's optimised character sets, by their input
_CHARSET_LOCK = threading.Lock()


def _charsets_once(optimize):
    """re's _optimize_charset, remembered for the rest of the process: rasoat's patterns share a
    few hundred sets (\\p{L} spelled out, letter classes), and optimising each again was half of
    the first run's compiling (the same programs come out; tested)."""
    def cached(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            hit = _CHARSETS.get(key)
        except TypeError:  # (a set the key cannot hold: not remembered)
            return optimize(charset, iscased, fixup, fixes)
        if hit is None:
            hit = optimize(charset, iscased, fixup, fixes)
            if len(_CHARSETS) < 4096:
                _CHARSETS[key] = hit
        return list(hit[0]), hit[1]

    return cached


def _std_compile(source: str, flags: int, shown: str, marked: bool = False):
    """Compile `source` with the standard engine; return the pattern and its cache entry.
    `marked`: a spelled-out source with markers for its class bodies (see _expand_marks)."""
    import _sre
    from re import _compiler, _parser

    p = _parser.parse(source, flags)
    if marked:
        _expand_marks(p)
    with _CHARSET_LOCK:  # (the remembering optimiser is in place only while rasoat compiles)
        optimize = _compiler._optimize_charset
        _compiler._optimize_charset = _charsets_once(optimize)
        try:
            code = _compiler._code(p, flags)
        finally:
            _compiler._optimize_charset = optimize
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    flags, groups, indexgroup = flags | p.state.flags, p.state.groups - 1, tuple(indexgroup)
    # the program kept as raw 32-bit words (what _sre's code is made of): read back in one call
    return (_sre.compile(shown, flags, code, groups, groupindex, indexgroup),
            (flags, array("I", code).tobytes(), groups, groupindex, indexgroup))


_INTERNALS = _internals_work()
_USE_CACHE = _INTERNALS


# ---- \p{…} spelled out for the standard engine ----------------------------------------------

_CATEGORIES = {"L": ("Lu", "Ll", "Lt", "Lm", "Lo"), "Lu": ("Lu",), "Ll": ("Ll",), "M": ("Mn", "Mc", "Me"),
               "Nd": ("Nd",)}
_PROP = _re.compile(r"\\([pP])\{([A-Za-z]+)\}")


# planes 4–13 hold no assigned characters and planes 15–16 are private use, so these cover every
# letter, mark and digit Unicode has
_SCANNED = (range(0, 0x40000), range(0xE0000, 0xE1000))


@lru_cache(maxsize=1)
def _all_ranges() -> dict[str, tuple[str, str]]:
    """For each class in _CATEGORIES, the bodies of two character sets matching it: the
    characters of the Basic Multilingual Plane, and the others. `re` turns a set of BMP characters
    into a bitmap (one lookup per character) but scans a set reaching past U+FFFF range by range,
    so the two are kept apart."""
    import unicodedata

    runs: dict[str, list[list[int]]] = {name: [] for name in _CATEGORIES}
    owners: dict[str, list[list[list[int]]]] = {}
    for name, cats in _CATEGORIES.items():
        for cat in cats:
            owners.setdefault(cat, []).append(runs[name])
    from itertools import groupby

    for block in _SCANNED:
        # the runs of code points of one category, found in C (groupby over map): a Python loop
        # over each of the 266,000 code points took ~60 ms of a first run
        cp = block.start
        for cat, run in groupby(map(unicodedata.category, map(chr, block))):
            n = len(list(run))
            for r in owners.get(cat, ()):
                if r and r[-1][1] == cp - 1:
                    r[-1][1] = cp + n - 1
                else:
                    r.append([cp, cp + n - 1])
            cp += n

    def char(cp: int) -> str:
        # the character itself: the pattern parser reads one character per item instead of the ten
        # of "\U0000xxxx" (which made compiling the spelled-out classes the slowest part of a first
        # run); only what a set gives a meaning to is escaped
        c = chr(cp)
        return "\\" + c if c in "\\]^-[" else c

    def body(pairs):
        return "".join(char(a) if a == b else f"{char(a)}-{char(b)}" for a, b in pairs)

    out = {}
    for name, r in runs.items():
        bmp = [(a, min(b, 0xFFFF)) for a, b in r if a <= 0xFFFF]
        astral = [(max(a, 0x10000), b) for a, b in r if b > 0xFFFF]
        out[name] = (body(bmp), body(astral))
    return out


_ASTRAL = "[\\U00010000-\\U0010ffff]"  # one range: a quick test before the long list of ranges


def _one(near: str, far: str, pattern: str, i: int) -> tuple[str, int]:
    """One character of a spelled-out class: `near` (a set of BMP characters, one bitmap lookup)
    or `far` (an expression for one character beyond the BMP, guarded so that a BMP character
    fails it at once). When the class is repeated greedily by "+" or "*" (at pattern[i]), the
    repetition is written as the unrolled loop near*(?:far near*)*, which matches the same
    strings in the same order of preference (near and far never match the same character) and
    lets the engine run through a word's BMP letters in one loop. (?:near+|far)+ would be shorter
    but nests two quantifiers over the same characters: exponential backtracking.) Returns the
    text and the index after what it consumed."""
    q = pattern[i:i + 1]
    if q in ("+", "*") and pattern[i + 1:i + 2] not in ("?", "+"):
        loop = f"{near}*(?:{far}{near}*)*"
        return (f"(?:{loop})" if q == "*" else f"(?:(?:{near}|{far}){loop})"), i + 1  # x+ is x x*
    return f"(?:{near}|{far})", i


def _spelled_out(pattern: str, flags: int, marked: bool = False) -> str | None:
    """`pattern` with its \\p{…} classes written as ranges, or None when that is not possible.

    \\p{L} becomes (?:[BMP letters]|(?=[astral])[other letters]) and a set holding classes,
    [\\p{L}\\d], (?:[BMP letters\\d]|(?=[astral])[other letters]); \\P{L} and [^\\p{L}\\d] become
    (?:[^BMP letters\\d astral]|(?![other letters])[^\\d BMP]): one character each, as before, and a
    BMP character is decided by one bitmap lookup."""
    if "\\p{" not in pattern and "\\P{" not in pattern:
        return None
    props = {m.group(2) for m in _PROP.finditer(pattern)}
    if not props or not props <= set(_CATEGORIES):
        return None
    ranges = _marked_ranges() if marked else _all_ranges()
    out: list[str] = []
    i, n = 0, len(pattern)
    in_set = negated = False
    set_start = set_out = -1
    astral: list[str] = []
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            m = _PROP.match(pattern, i)
            if m:
                bmp, far = ranges[m.group(2)]
                if in_set:
                    if m.group(1) == "P":
                        return None  # a negated class inside a set has no `re` spelling
                    out.append(bmp)
                    astral.append(far)
                    i = m.end()
                elif m.group(1) == "p":
                    text, i = _one(f"[{bmp}]", f"(?={_ASTRAL})[{far}]", pattern, m.end())
                    out.append(text)
                else:
                    text, i = _one(f"[^{bmp}{_ASTRAL[1:-1]}]", f"(?![{far}]){_ASTRAL}", pattern, m.end())
                    out.append(text)
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_set:
            if c == "]" and i > set_start:
                in_set = False
                out.append("]")
                i += 1
                if astral:
                    items = "".join(out[set_out + 1:-1])  # between "[" or "[^" and "]"
                    far = "[" + "".join(astral) + "]"
                    del out[set_out:]
                    if negated:  # BMP characters by one bitmap; the others: not in the set, not in a class
                        text, i = _one(f"[^{items}{_ASTRAL[1:-1]}]", f"(?!{far})[^{items}\\x00-\\uffff]", pattern, i)
                    else:
                        text, i = _one(f"[{items}]", f"(?={_ASTRAL}){far}", pattern, i)
                    out.append(text)
                continue
        elif c == "[":
            in_set = True
            set_out = len(out)
            astral = []
            set_start = i + 1
            negated = pattern.startswith("^", set_start)
            if negated:
                out.append("[^")
                i += 2
                set_start += 1
                if pattern.startswith("]", set_start):  # "[^]…]": a literal "]"
                    out.append("]")
                    i += 1
                continue
            if pattern.startswith("]", set_start):  # "[]…]": a literal "]"
                out.extend(("[", "]"))
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


# Parsing is most of compiling a spelled-out pattern: re's parser (Python) reads each class body,
# a few thousand characters, character by character, in every pattern that uses the class. So a
# body is parsed once per process, and a pattern is parsed with each body replaced by a marker
# (two private-use characters of plane 16 that nothing else writes) which is then replaced, in
# the parsed pattern, by the body's parsed items: the same parsed pattern, the same program
# (tested on every pattern rasoat compiles).

_MARK_A, _MARK_B, _MARK_END = 0x10FE00, 0x10FF00, 0x10FF20
_MARKED = _re.compile("[\U0010fe00-\U0010ff1f]")  # a pattern holding one itself is spelled out whole


@lru_cache(maxsize=1)
def _marked_ranges() -> dict[str, tuple[str, str]]:
    out = {}
    for k, (name, bodies) in enumerate(sorted(_all_ranges().items())):
        out[name] = tuple(chr(_MARK_A + 2 * k + j) + chr(_MARK_B + 2 * k + j) if body else body
                          for j, body in enumerate(bodies))
    return out


@lru_cache(maxsize=1)
def _marked_items() -> dict[int, list]:
    """marker character → the parsed items of the body it stands for."""
    from re import _parser

    marks, bodies = _marked_ranges(), _all_ranges()
    out = {}
    for name, pair in marks.items():
        for mark, body in zip(pair, bodies[name]):
            if mark:
                (op, items), = _parser.parse("[" + body + "]", 0).data
                out[ord(mark[0])] = list(items)
    return out


def _expand_marks(p) -> None:
    """Replace, in the parsed pattern `p`, each marker of a set by the items of its body."""
    from re import _constants as C

    items = _marked_items()
    stack = [p]
    while stack:
        sub = stack.pop()
        data = sub.data if hasattr(sub, "data") else sub
        for k, (op, av) in enumerate(data):
            if op is C.IN:
                if any(o is C.LITERAL and _MARK_A <= a < _MARK_END for o, a in av):
                    new = []
                    for o, a in av:
                        if o is C.LITERAL and _MARK_A <= a < _MARK_END:
                            if a < _MARK_B:
                                new.extend(items[a])
                            continue
                        new.append((o, a))
                    data[k] = (op, list(dict.fromkeys(new)))
            elif op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
                stack.append(av[-1] if op is C.SUBPATTERN else av)
            elif op is C.BRANCH:
                stack.extend(av[1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
                stack.append(av[2])
            elif op is C.ASSERT or op is C.ASSERT_NOT:
                stack.append(av[1])
            elif op is C.GROUPREF_EXISTS:
                stack.extend(x for x in av[1:] if x is not None)


# ---- compile ---------------------------------------------------------------------------------

_PATTERN_ATTRS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "scanner",
                  "groups", "groupindex", "flags", "pattern")


class _Lazy:
    """A pattern compiled on first use. Its cache entry is either its compiled program, handed to
    `_sre` then: a run compiles (at import) some 900 patterns but searches with about a third of
    them (a rule whose trigger is absent never uses the rest), and making a pattern from its
    program (a list of Python ints, ~700 on average, then _sre's validation) was ~27 ms of every
    run; or _REGEX, a pattern for the `regex` module, compiled (and `regex` imported, ~10 ms) then:
    several such patterns are only needed for unusual text. `pattern` and `flags` are known at once
    (a `regex` pattern's flags are its own once compiled); any other attribute makes the real
    pattern, whose methods and attributes are then the instance's own (no indirection on later
    calls). Equal to, and hashed as, the real pattern."""

    def __init__(self, pattern: str, flags: int, entry):
        self.pattern = pattern
        self.flags = flags if entry == _REGEX else entry[0]
        self._key = (pattern, flags, entry)

    def real(self):
        """The compiled pattern (made once)."""
        pattern, flags, entry = self._key
        if entry == _REGEX:
            import regex

            compiled = regex.compile(pattern, flags)
        else:
            compiled = _from_program(pattern, entry) or _fresh(pattern, flags)
        for attr in _PATTERN_ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        self.real = lambda: compiled
        return compiled

    def __getattr__(self, name):  # only for what is not yet in the instance's __dict__
        if name.startswith("__") or name in ("_key", "real"):
            raise AttributeError(name)
        return getattr(self.real(), name)

    def __eq__(self, other):
        if type(other) is _Lazy:
            other = other.real()
        return self.real() == other

    def __hash__(self):
        return hash(self.real())

    def __repr__(self):
        return repr(self.real())

    def __copy__(self):
        return self  # (patterns are immutable: copies are the pattern itself)

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return compile, (self.pattern, self._key[1])


def _from_program(pattern: str, entry):
    """The pattern made from its cached program, or None when `_sre` refuses it."""
    try:
        import _sre

        fl, code, groups, groupindex, indexgroup = entry
        program = array("I")
        program.frombytes(code)
        return _sre.compile(pattern, fl, program.tolist(), groups, groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a refused or stale entry: compile it again
        return None


@lru_cache(maxsize=8192)
def _compile(pattern: str, flags: int):
    flags = int(flags)
    entry = _load().get((pattern, flags)) if _USE_CACHE else None
    if entry == _REGEX or (type(entry) is tuple and type(entry[0]) is int):
        return _Lazy(pattern, flags, entry)
    return _fresh(pattern, flags)


def _fresh(pattern: str, flags: int):
    """Compile a pattern not in the cache (or refused from it), and remember its program."""
    key = (pattern, flags)
    marked = _USE_CACHE and not _MARKED.search(pattern)
    for source, marked in ((pattern, False), (_spelled_out(pattern, flags, marked=marked), marked)):
        if source is None:
            continue
        try:
            if not _USE_CACHE:
                return _re.compile(source, flags)
            compiled, entry = _std_compile(source, flags, pattern, marked)
        except (_re.error, OverflowError, RecursionError):
            continue
        _remember(key, entry)
        return compiled
    import regex

    try:
        compiled = regex.compile(pattern, flags)
    except regex.error as exc:
        raise error(str(exc), pattern) from None
    if _USE_CACHE:
        _remember(key, _REGEX)
    return compiled


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


# ---- case-insensitive search, sped up by a scan of the lower-cased text -----------------------
#
# The standard engine cannot skip ahead to the first letters of a case-insensitive pattern (no
# prefix for cased letters), so `(?i)Nghị quyết|Quyết định|…` is tried at every position. On the
# lower-cased text, a case-sensitive alternation of the lower-cased words can skip ahead; each
# position it finds is then checked with the real pattern. That finds the same matches whenever
# lower-casing the text character by character is what the engine's case-insensitive matching
# does: not for the few characters with extra case equivalences (ı and i, ſ and s, Greek and
# Cyrillic variants …) or whose lower case is longer (İ); text holding one of those takes the
# plain path.

@lru_cache(maxsize=1)
def _fold_special() -> frozenset[str]:
    try:
        from re import _casefix

        extra = _casefix._EXTRA_CASES
    except (ImportError, AttributeError):
        return frozenset()  # the check below then always takes the plain path
    chars = {chr(k) for k in extra} | {chr(c) for v in extra.values() for c in v}
    return frozenset(c for c in chars if not c.isascii()) | {"Σ"}


_last_fold: list = [None, (False, "")]  # the text last asked about and the answer: the
# extractors ask about the same paragraph or clause for several patterns in a row


def lower_is_fold(text: str) -> tuple[bool, str]:
    """(whether text.lower() is a faithful case-insensitive view of `text`, text.lower())."""
    if _last_fold[0] is text:
        return _last_fold[1]
    low = text.lower()
    answer = (faithful_lower(text, low), low)
    _last_fold[0], _last_fold[1] = text, answer
    return answer


def faithful_lower(text: str, low: str) -> bool:
    """Whether `low` (text.lower()) is a faithful case-insensitive view of `text` (lower_is_fold);
    true of a text made of parts joined by a character with no case, if and only if of each part."""
    special = _special_rx()
    return special is not None and len(low) == len(text) and special.search(text) is None


@lru_cache(maxsize=1)
def _special_rx():
    """One character class of _fold_special(), or None: searched in C instead of a set lookup
    per character (special.isdisjoint(text)), the same answer."""
    special = _fold_special()
    return _re.compile("[" + "".join(map(_re.escape, sorted(special))) + "]") if special else None


def ci_finditer(exact: Pattern, lowered: Pattern, text: str):
    """The matches of `exact` (compiled with IGNORECASE) in `text`, as exact.finditer(text) gives
    them, for an `exact` every match of which begins where `lowered` (case-sensitive, no
    look-behind before its first letter) matches the lower-cased text."""
    ok, low = lower_is_fold(text)
    if not ok:
        yield from exact.finditer(text)
        return
    pos, n = 0, len(text)
    while pos <= n:
        c = lowered.search(low, pos)
        if c is None:
            return
        m = exact.match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def gated_finditer(gate: Pattern, pattern: Pattern, text: str):
    """pattern.finditer(text), the same matches, for a `pattern` (never matching empty) every
    match of which begins where `gate` matches: `pattern` is tried only at the gate's matches,
    which the engine finds in C (a pattern that begins with a look-behind is otherwise tried at
    every position). Matches do not overlap, as with finditer."""
    search, match = gate.search, pattern.match
    pos = 0
    while True:
        c = search(text, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


_PREFIX_LEN = 4  # characters of each alternative's literal start kept in a scanner
_PREFIX_MAX = 400  # more different starts than this: no scanner


def _starts(items: list, limit: int = _PREFIX_LEN):
    """The set of lower-cased literal strings one of which every match of the parsed sequence
    `items` begins with (each at most `limit` long; "" = it may begin with anything), or None
    when that cannot be worked out."""
    from re import _constants as C

    if limit <= 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the match begins at what follows
        return _starts(rest, limit)
    if op is C.LITERAL:
        tail = _starts(rest, limit - 1)
        if tail is None:
            return None
        head = chr(av).lower()
        return {head + t for t in tail} if len(head) == 1 else {""}
    if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= 8:  # [Cc], [đĐ]: a choice of letters
        tail = _starts(rest, limit - 1)
        if tail is None:
            return None
        heads = {chr(a).lower() for _, a in av}
        if any(len(h) != 1 for h in heads):
            return {""}
        return {h + t for h in heads for t in tail}
    if op is C.SUBPATTERN:
        return _starts(list(av[-1].data) + rest, limit)
    if op is C.ATOMIC_GROUP:
        return _starts(list(av.data) + rest, limit)
    if op is C.BRANCH:
        out: set = set()
        for alt in av[1]:
            got = _starts(list(alt.data) + rest, limit)
            if got is None:
                return None
            out |= got
            if len(out) > _PREFIX_MAX:
                return None
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, item = av
        first = _starts(list(item.data), limit)  # the first repetition (what follows it is cut off)
        if first is None:
            return None
        if lo == 0:
            after = _starts(rest, limit)
            return None if after is None else first | after
        return first
    return {""}  # a class, any character, a back-reference …: nothing literal to start with


@lru_cache(maxsize=512)
def _scanner(pattern: str, flags: int):
    """A case-sensitive pattern for the lower-cased text that matches wherever a match of the
    pattern can begin (see ci_finditer), or None when the pattern has no literal start (or this
    Python's re lacks the internals it is worked out with)."""
    if not _INTERNALS:
        return None
    from re import _parser

    flags = int(flags)
    key = ("\x00scanner " + pattern, flags)  # kept with the compiled programs (parsing is the cost)
    known = _load().get(key) if _USE_CACHE else None
    if known is None:
        source = _spelled_out(pattern, flags) or pattern
        try:
            starts = _starts(list(_parser.parse(source, flags).data))
        except (_re.error, RecursionError):
            starts = None
        if not starts or "" in starts or len(starts) > _PREFIX_MAX:
            known = ""
        else:
            known = "|".join(escape(s) for s in sorted(starts, key=lambda s: (-len(s), s)))
        if _USE_CACHE:
            _remember(key, known)
    return compile(known) if known else None


_NOT_U = ~int(_re.U)  # an int: `flags & ~_re.U` made two RegexFlag members per call


def fast_finditer(p, text: str):
    """p.finditer(text), the same matches, found by scanning the lower-cased text for the literal
    starts of the pattern's alternatives when it has them (see ci_finditer)."""
    if type(p) is _Lazy:
        p = p.real()
    if not isinstance(p, Pattern):
        return p.finditer(text)
    if not _INTERNALS:
        return p.finditer(text)
    scanner = _scanner(p.pattern, p.flags & _NOT_U)
    if scanner is None:
        return p.finditer(text)
    return ci_finditer(p, scanner, text)
