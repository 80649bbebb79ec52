"""rasoat's per-user cache directory: derived data only (compiled patterns, parser tables, the
agency index), never anything from the documents checked. Every entry is named by a hash of what
it was built from, so a stale entry is simply never read; a cache that cannot be written or read
is ignored (the data is then built in memory as usual). RASOAT_NO_CACHE=1 turns it off.

Nothing read from the cache can execute: an entry is JSON (no pickle, no marshal), decoded by
`loads` below into plain values and instances of the few classes the caller names, or by
`loads_columns` (many instances: columns of plain JSON, no per-object hook); the compiled
programs of rx are raw 32-bit words beside their JSON, handed only to re's C engine, which
validates every program. Each entry carries a SHA-256 of the origin it was built from (the
rules/ files and the code, as the caller states it) and of a CRC-32 of its content (see _digest);
an entry whose checksum, origin or format does not match, or a state file that is not a regular
file or is larger than MAX_ENTRY_BYTES, is a miss, and the data is rebuilt.

All entries of one installed rasoat (its version, the Python running it, where it is installed)
live in ONE state file, state-<key>.bin, read whole by one read the first time an entry is asked
for: a magic line, an index line (JSON: [name, length] of each section, in order) and the
sections' bytes, each section exactly one entry as described below (so each is checked on its
own). Entries made by a run are kept in memory and written at its end (atexit, or a pool
worker's exit) in one atomic replacement of the state file, merged with what another process
wrote meanwhile. A state file that is damaged, foreign or not a regular file reads as empty:
every entry is then a miss, rebuilt and written again.

Location: $RASOAT_CACHE_DIR, else $XDG_CACHE_HOME/rasoat, else ~/.cache/rasoat.
"""
from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import json
import os
import stat
import sys
import zlib
from collections import deque
from functools import lru_cache, partial
from itertools import repeat
from types import MemberDescriptorType

MAX_ENTRY_BYTES = 64 * 1024 * 1024  # the largest entry read (the agency index is ~10 MB)
_MAGIC = b"rasoat-cache 2\n"


def disabled() -> bool:
    return os.environ.get("RASOAT_NO_CACHE", "").strip() not in ("", "0")


def cache_dir() -> str | None:
    if disabled():
        return None
    base = os.environ.get("RASOAT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "rasoat")
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        if not stat.S_ISDIR(os.stat(base).st_mode):
            return None
    except OSError:
        return None
    return base


def cache_file(name: str) -> str | None:
    base = cache_dir()
    return None if base is None else os.path.join(base, name)


def read_regular(path: str, limit: int = MAX_ENTRY_BYTES) -> bytes | None:
    """The bytes of `path` when it is a regular file (not a FIFO, device or symlink) of at most
    `limit` bytes; else None. Opening never blocks (O_NONBLOCK: a FIFO does not hang the run)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        # the whole file in one read (the state file is a few megabytes: reading it in pieces and
        # joining them wrote every byte twice into fresh memory, ~8 ms of every run), then reads
        # until the end in case it grew meanwhile
        chunks, total = [], 0
        size = st.st_size + 1
        while True:
            chunk = os.read(fd, size)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
            size = 1 << 20
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


# how many entries of each kind are kept (the newest): an edited rule file or another set of
# local registries makes a new entry, and the old ones are removed, so the state file (read whole
# by every run) stays a few megabytes. The state file is per version of rasoat and of Python: one
# entry of compiled programs and of parser tables is all it needs.
KEEP = {"re": 1, "agencies": 4, "thongbao": 1, "toml": 48, "valid": 2, "state": 3, "digest": 8}

_STATE_MAGIC = b"rasoat-state 1\n"
_sections: dict[str, dict[str, memoryview | bytes]] = {}  # state file → its sections, read once per process
_pending: dict[str, dict[str, bytes]] = {}  # state file → entries made by this process, written at its end


@lru_cache(maxsize=1)
def state_name() -> str:
    """The state file of this installed rasoat: named by its version, the Python running it and
    the folder it is installed in (the entries inside are each checked against what they were
    made from: the content of rules/, grammar/ and the code)."""
    from . import __version__

    key = repr((__version__, sys.version, sys.implementation.cache_tag, os.path.dirname(os.path.abspath(__file__))))
    return f"state-{hashlib.sha256(key.encode('utf-8', 'surrogateescape')).hexdigest()[:20]}.bin"


def _parse_state(data: bytes | None) -> dict[str, memoryview]:
    """The sections of a state file's bytes (views, copied when read); {} for anything that is
    not a whole state file."""
    if not data or not data.startswith(_STATE_MAGIC):
        return {}
    end = data.find(b"\n", len(_STATE_MAGIC))
    try:
        items = json.loads(data[len(_STATE_MAGIC):end].decode("ascii")) if end > 0 else None
        if not isinstance(items, list):
            return {}
        view = memoryview(data)
        out: dict[str, memoryview] = {}
        pos = end + 1
        for name, length in items:
            if type(name) is not str or type(length) is not int or length < 0:
                return {}
            out[name] = view[pos:pos + length]
            pos += length
        return out if pos == len(data) else {}
    except (ValueError, TypeError, UnicodeDecodeError):
        return {}


def state_path() -> str | None:
    return cache_file(state_name())


def read_bytes(name: str) -> bytes | None:
    """The bytes of the entry `name`: made by this run, or a section of the state file (read
    whole the first time)."""
    got = read_view(name)
    return None if got is None else bytes(got)


def read_view(name: str) -> memoryview | None:
    """read_bytes without the copy: a view of the entry (of the state file read once per
    process), for a reader that takes views (loads_with_blob: the compiled programs, ~2.5 MB,
    are only checksummed and sliced)."""
    path = state_path()
    if path is None:
        return None
    got = _pending.get(path, {}).get(name)
    if got is not None:
        return memoryview(got)
    sections = _sections.get(path)
    if sections is None:
        sections = _sections[path] = _parse_state(read_regular(path))
    got = sections.get(name)
    return None if got is None else memoryview(got)  # (of bytes: read-only)


def write_bytes(name: str, data: bytes) -> None:
    """Keep this entry; it is written into the state file at the end of the run (flush)."""
    path = state_path()
    if path is None:
        return
    todo = _pending.setdefault(path, {})
    todo.pop(name, None)
    todo[name] = data


def _kind(name: str) -> str:
    return name.split("-", 1)[0]


def flush() -> None:
    """Write the entries made by this process into the state file, in one atomic replacement
    (a concurrent reader sees the old file or the new one, never half): the sections on disk now
    (another process may have added some), then this process's, the oldest of a kind beyond KEEP
    left out. A cache folder that cannot be written is no error."""
    while _pending:
        path, todo = _pending.popitem()
        merged = dict(_parse_state(read_regular(path)))
        for name, data in todo.items():
            merged.pop(name, None)
            merged[name] = data  # the newest last
        counts: dict[str, int] = {}
        for name in reversed(list(merged)):
            kind = _kind(name)
            counts[kind] = counts.get(kind, 0) + 1
            if counts[kind] > KEEP.get(kind, 48):
                del merged[name]
        index = json.dumps([[n, len(d)] for n, d in merged.items()], ensure_ascii=True, separators=(",", ":"))
        import tempfile  # (only a run that made entries writes: most runs do not import it)

        try:
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_STATE_MAGIC + index.encode("ascii") + b"\n")
                    for data in merged.values():
                        fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            continue
        _sections[path] = merged
        _prune_files(os.path.dirname(path), "state")
        _remove_entry_files(os.path.dirname(path))


def _remove_entry_files(base: str) -> None:
    """The one-file-per-entry cache of earlier versions of rasoat: no longer read, removed."""
    try:
        for e in os.scandir(base):
            kind, dash, _ = e.name.partition("-")
            if dash and kind in KEEP and kind != "state" and e.name.endswith((".json", ".pickle")) \
                    and e.is_file(follow_symlinks=False):
                os.unlink(e.path)
    except OSError:
        pass


def flush_in_worker() -> None:
    """In a worker process of a pool (which ends without running atexit), flush at its exit,
    after the finalizers that make entries (rx's, priority 1)."""
    from multiprocessing import util

    util.Finalize(None, flush, exitpriority=0)


atexit.register(flush)  # registered first, so it runs after the atexit functions that add entries


def prune(kind: str) -> None:
    """Keep only the newest entries of this kind beyond KEEP (done anyway when the state file is
    written: this is for a caller that knows the older ones are of no use)."""
    path = state_path()
    if path is not None and kind in KEEP:
        _pending.setdefault(path, {})


def _prune_files(base: str, kind: str) -> None:
    """Remove the oldest files of this kind in the cache folder beyond KEEP (the state files of
    other installations or versions)."""
    keep = KEEP.get(kind)
    if keep is None:
        return
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith(kind + "-") and e.is_file(follow_symlinks=False)]
        entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            os.unlink(old.path)
    except OSError:
        pass  # another process pruned it first, or the folder is read-only: nothing lost


# ---- entries: checked JSON ------------------------------------------------------------------
#
# An entry is: a magic line; its checksum (_digest: origin, class line, body); the class line (a
# JSON list of [class name, [field names]]); the body (JSON). In the body a JSON object whose
# only key starts with "\x01" is tagged: "\x01t" tuple, "\x01s" set, "\x01f" frozenset, "\x01d"
# dict as [key, value] pairs (keys of any type), "\x01n" a float JSON cannot write (inf, nan),
# "\x01D"/"\x01T"/"\x01H" a date, datetime or time (ISO text), "\x01r" a compiled pattern
# [source, flags] (compiled again through checker.rx), "\x01c" an instance [class number,
# field values…] of a class of the class line, which the reader must allow, "\x01@" the n-th
# instance decoded before (shared objects stay shared). Any other object is a dict.

_TAG = "\x01"
_DATES = {dt.date: "D", dt.datetime: "T", dt.time: "H"}
_FROM_ISO = {"D": dt.date.fromisoformat, "T": dt.datetime.fromisoformat, "H": dt.time.fromisoformat}
_OBJECT_GETSTATE = getattr(object, "__getstate__", None)


def _fields(cls) -> tuple[list[str] | None, bool]:
    """(the slot names of a class with __slots__ or None, whether it has its own __getstate__)."""
    custom = getattr(cls, "__getstate__", None)
    slots = [s for c in cls.__mro__ for s in getattr(c, "__slots__", ())]
    return (slots or None), (custom is not None and custom is not _OBJECT_GETSTATE)


class _Encoder:
    def __init__(self, classes: dict[str, type]):
        self.names = {cls: name for name, cls in classes.items()}
        self.schema: list = []  # [name, fields] per class met
        self.numbers: dict[type, tuple[int, list[str]]] = {}
        self.seen: dict[int, int] = {}
        self.keep: list = []  # the encoded objects stay alive, so their ids are not reused

    def enc(self, v):
        if v is None or isinstance(v, (bool, int, str)):
            return v
        if isinstance(v, float):
            return v if v == v and v not in (float("inf"), float("-inf")) else {_TAG + "n": repr(v)}
        t = type(v)
        if t is list:
            return [self.enc(x) for x in v]
        if t is tuple:
            return {_TAG + "t": [self.enc(x) for x in v]}
        if t is dict:
            if all(type(k) is str and not k.startswith(_TAG) for k in v):
                return {k: self.enc(x) for k, x in v.items()}
            return {_TAG + "d": [[self.enc(k), self.enc(x)] for k, x in v.items()]}
        if t is set:
            return {_TAG + "s": [self.enc(x) for x in v]}
        if t is frozenset:
            return {_TAG + "f": [self.enc(x) for x in v]}
        if t in _DATES:
            return {_TAG + _DATES[t]: v.isoformat()}
        if hasattr(v, "pattern") and hasattr(v, "flags") and hasattr(v, "finditer"):
            return {_TAG + "r": [v.pattern, int(v.flags)]}
        name = self.names.get(t)
        if name is None:
            raise TypeError(f"cannot cache a {t.__name__}")
        ref = self.seen.get(id(v))
        if ref is not None:
            return {_TAG + "@": ref}
        slots, custom = _fields(t)
        if custom:
            state = dict(v.__getstate__())
        elif slots:
            state = {s: getattr(v, s) for s in slots if hasattr(v, s)}
        else:
            state = v.__dict__
        known = self.numbers.get(t)
        if known is None or list(state) != known[1]:
            known = (len(self.schema), list(state))
            self.schema.append([name, known[1]])
            self.numbers[t] = known
        out = {_TAG + "c": [known[0], *(self.enc(x) for x in state.values())]}
        self.seen[id(v)] = len(self.seen)  # numbered when complete, as the decoder numbers them
        self.keep.append(v)
        return out


def _bad(*_):
    raise ValueError("not a cache entry")


class _Decoder:
    def __init__(self, classes: dict[str, type], schema):
        self.objects: list = []
        self.kinds = []
        if not isinstance(schema, list):
            _bad()
        for item in schema:
            name, fields = item  # ValueError when malformed
            cls = classes[name]  # KeyError: a class the reader does not allow
            if not isinstance(fields, list) or not all(type(f) is str for f in fields):
                _bad()
            slots, custom = _fields(cls)
            kind = "setstate" if getattr(cls, "__setstate__", None) is not None else ("slots" if slots else "dict")
            self.kinds.append((cls, fields, kind))
        tags = {"t": tuple, "s": set, "f": frozenset, "n": self._float, "r": self._pattern, "@": self._ref,
                "c": self._instance, "d": self._pairs}
        tags.update(_FROM_ISO)
        self.tags = {_TAG + k: f for k, f in tags.items()}
        self._append = self.objects.append

    def hook(self, obj: dict):
        # (object_hook, not object_pairs_hook: the C decoder builds every plain dict itself)
        if len(obj) == 1:
            for k, v in obj.items():
                if k[:1] == _TAG:
                    return self.tags.get(k, _bad)(v)
        return obj

    @staticmethod
    def _float(v):
        return float(v) if v in ("inf", "-inf", "nan") else _bad()

    @staticmethod
    def _pattern(v):
        from . import rx

        return rx.compile(str(v[0]), int(v[1]))

    @staticmethod
    def _pairs(v):
        return {k: x for k, x in v}

    def _ref(self, v):
        return self.objects[v]

    def _instance(self, v):
        cls, fields, kind = self.kinds[v[0]]
        if len(v) != len(fields) + 1:
            _bad()
        inst = cls.__new__(cls)
        if kind == "dict":
            inst.__dict__.update(zip(fields, v[1:]))
        elif kind == "setstate":
            inst.__setstate__(dict(zip(fields, v[1:])))
        else:
            for f, x in zip(fields, v[1:]):
                object.__setattr__(inst, f, x)
        self._append(inst)
        return inst


def _crc(data) -> str:
    """The CRC-32 of bytes (or a view of them), as 8 hex digits."""
    return f"{zlib.crc32(data):08x}"


def _digest(origin: str, schema: bytes, body: bytes) -> bytes:
    """An entry's checksum: the SHA-256 of its origin, its class line and the CRC-32 of its body.
    The CRC is there to find damage (flipped bits, changed or cut bytes: every burst up to 32
    bits, anything else but once in 4 billion), not forgery (anyone able to write the cache could
    write a matching SHA-256 as well), and it takes less than half the time of SHA-256 per byte
    (a seventh of the instructions): every run checks megabytes of entries, whose SHA-256 was ~6 % of
    the instructions of a run on one notice. The origin, which says what the entry was made from,
    stays under SHA-256."""
    key = origin.encode("utf-8", "surrogateescape") + b"\0" + schema + b"\n" + _crc(body).encode("ascii")
    return hashlib.sha256(key).hexdigest().encode("ascii")


def dumps(value, origin: str, classes: dict[str, type] | None = None) -> bytes:
    """The bytes of a cache entry holding `value`, built from `origin` (a checksum the reader
    gives again: the files and code the value was made from)."""
    enc = _Encoder(classes or {})
    body = json.dumps(enc.enc(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    schema = json.dumps(enc.schema, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return _MAGIC + _digest(origin, schema, body) + b"\n" + schema + b"\n" + body


def loads(data: bytes | None, origin: str, classes: dict[str, type] | None = None, plain: bool = False):
    """The value of a cache entry, or None when it is missing, damaged, made from another origin
    or holds anything but plain values and instances of `classes`. `plain`: the entry holds only
    JSON's own values (lists, not tuples): decoded by the C decoder alone, no hook."""
    if not data or not data.startswith(_MAGIC):
        return None
    head, _, rest = data[len(_MAGIC):].partition(b"\n")
    schema, _, body = rest.partition(b"\n")
    if _digest(origin, schema, body) != head:
        return None
    try:
        if plain or (schema == b"[]" and b"\\u0001" not in body):
            # (no tag anywhere: every object is a plain dict, the C decoder alone builds them)
            return None if schema != b"[]" else json.loads(body.decode("utf-8"))
        dec = _Decoder(classes or {}, json.loads(schema.decode("ascii")))
        return json.loads(body.decode("utf-8"), object_hook=dec.hook)
    except Exception:  # noqa: BLE001 - any malformed entry is a miss
        return None


# An entry with a binary part (compiled programs): a magic line, the length of the JSON entry
# that follows (as above, its origin extended by the CRC-32 of the binary part), then the binary
# part, which is only ever handed to a consumer that validates it (re's C engine).
_BLOB_MAGIC = b"rasoat-blob 1\n"


def dumps_with_blob(value, blob: bytes, origin: str) -> bytes:
    head = dumps(value, origin + "|" + _crc(blob))
    return _BLOB_MAGIC + str(len(head)).encode("ascii") + b"\n" + head + blob


def loads_with_blob(data: bytes | memoryview | None, origin: str):
    """(value, memoryview of the binary part) of an entry made by dumps_with_blob from plain JSON
    values, or None when it is missing, damaged or made from another origin. `data` may be a
    view (read_view): the binary part is then a view of it, never copied."""
    if data is None:
        return None
    view = memoryview(data)
    head = bytes(view[:len(_BLOB_MAGIC) + 24])  # the magic line and the length's line
    if not head.startswith(_BLOB_MAGIC):
        return None
    size, nl, _ = head[len(_BLOB_MAGIC):].partition(b"\n")
    start = len(_BLOB_MAGIC) + len(size) + 1
    if not nl or not size.isdigit() or int(size) > len(view) - start:
        return None
    n = int(size)
    blob = view[start + n:]
    value = loads(bytes(view[start:start + n]), origin + "|" + _crc(blob), plain=True)
    return None if value is None else (value, blob)


# ---- entries of many instances: columns, decoded without a hook ------------------------------
#
# A value made of thousands of instances (the agency registry and its index) decodes several
# times faster when its JSON holds no tagged objects at all: the C decoder then builds every list
# and dict, and Python only turns whole columns into what they stand for, one comprehension or
# map() per column. Such an entry: a magic line; its checksum (_digest of origin and body); the
# body, one JSON document {"root": [shape, value], "tables": [[class name, [fields], [column
# shapes], [columns]]…]}.
# Every instance of an allowed class is a row of its class's table and is written as its row
# number, so shared objects stay shared. A shape says what the plain JSON of a value stands for,
# the same for every element of a container or a column: "s" itself (str, int, float, bool, None),
# "e" nothing (the elements of an empty container), ["ref", class] / ["ref?", class] a row (or
# None), ["D"|"T"|"H"] a date, datetime or time (ISO text or None), ["re"] a compiled pattern
# ([source, flags] or None), ["list"|"tuple"|"set"|"frozenset", element shape], ["dict", value
# shape] (keys are text), ["tuple*", [shapes]] a tuple of values of different shapes, ["rows",
# container kind, class] a container of rows written as one string (_packed). A value whose parts
# do not share one shape is not written in this form (the caller then uses dumps).

_COL_MAGIC = b"rasoat-columns 2\n"
_CONTAINERS = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}


class _Unshapeable(TypeError):
    pass


def _unify(a, b):
    if a == b or b == "e":
        return a
    if a == "e":
        return b
    if a == "n" or b == "n":
        other = b if a == "n" else a
        if other == "s" or (isinstance(other, list) and other[0] in ("D", "T", "H", "re", "ref?")):
            return other
        if isinstance(other, list) and other[0] == "ref":
            return ["ref?", other[1]]
        raise _Unshapeable("a value and None")
    if isinstance(a, list) and isinstance(b, list) and a[0] == b[0]:
        if a[0] in ("ref", "ref?") and a[1] == b[1]:
            return ["ref?", a[1]] if "ref?" in (a[0], b[0]) else a
        if a[0] in ("list", "tuple", "set", "frozenset", "dict"):
            return [a[0], _unify(a[1], b[1])]
        if a[0] == "tuple*" and len(a[1]) == len(b[1]):
            return ["tuple*", [_unify(x, y) for x, y in zip(a[1], b[1])]]
    if isinstance(a, list) and isinstance(b, list) and {a[0], b[0]} == {"ref", "ref?"} and a[1] == b[1]:
        return ["ref?", a[1]]
    raise _Unshapeable(f"{a!r} and {b!r}")


class _ColumnEncoder:
    def __init__(self, classes: dict[str, type]):
        self.names = {cls: name for name, cls in classes.items()}
        self.tables: dict[type, tuple[list, dict[int, int]]] = {}
        self.order: list[type] = []

    def _seq(self, kind: str, items) -> tuple:
        shape, out = "e", []
        for x in items:
            sh, v = self.enc(x)
            shape = _unify(shape, sh)
            out.append(v)
        return [kind, shape], out

    def enc(self, v) -> tuple:
        """(shape, plain JSON value) of v."""
        if v is None:
            return "n", None
        t = type(v)
        if t is str or t is int or t is bool:
            return "s", v
        if t is float:
            if v != v or v in (float("inf"), float("-inf")):
                raise _Unshapeable("a float JSON cannot write")
            return "s", v
        if t is list or t is set or t is frozenset:
            return self._seq(t.__name__, v)
        if t is tuple:
            parts = [self.enc(x) for x in v]
            try:
                shape = "e"
                for sh, _ in parts:
                    shape = _unify(shape, sh)
                return ["tuple", shape], [x for _, x in parts]
            except _Unshapeable:
                return ["tuple*", [sh for sh, _ in parts]], [x for _, x in parts]
        if t is dict:
            if not all(type(k) is str for k in v):
                raise _Unshapeable("a dict with keys that are not text")
            shape, out = "e", {}
            for k, x in v.items():
                sh, out[k] = self.enc(x)
                shape = _unify(shape, sh)
            return ["dict", shape], out
        if t in _DATES:
            return [_DATES[t]], v.isoformat()
        if hasattr(v, "pattern") and hasattr(v, "flags") and hasattr(v, "finditer"):
            return ["re"], [v.pattern, int(v.flags)]
        name = self.names.get(t)
        if name is None:
            raise TypeError(f"cannot cache a {t.__name__}")
        table = self.tables.get(t)
        if table is None:
            table = self.tables[t] = ([], {})
            self.order.append(t)
        rows, ids = table
        i = ids.get(id(v))
        if i is None:
            i = ids[id(v)] = len(rows)
            rows.append(v)
        return ["ref", name], i

    def tables_json(self) -> list:
        """The tables, each after the tables its rows refer to (a cycle is not written). Encoding
        rows can add rows to any table: repeated until every row is encoded."""
        state: dict[type, list] = {}  # class → [fields, shapes, columns, rows encoded]
        busy = True
        while busy:
            busy = False
            for cls in list(self.order):
                rows = self.tables[cls][0]
                st = state.get(cls)
                if st is not None and st[3] == len(rows):
                    continue
                busy = True
                self._encode_rows(cls, rows, state)
        deps = {cls: set(_refs(st[1])) for cls, st in state.items()}
        sizes = {self.names[cls]: st[3] for cls, st in state.items()}  # class → number of rows
        out, placed = [], set()
        while len(out) < len(self.order):
            ready = [c for c in self.order if c not in placed and deps[c] <= {self.names[p] for p in placed}]
            if not ready:
                raise _Unshapeable("instances that refer to each other in a cycle")
            for c in ready:
                fields, shapes, columns, n = state[c]
                packed = [_packed(*_pooled(sh, col, n), sizes) for sh, col in zip(shapes, columns)]
                out.append([self.names[c], fields, [p[0] for p in packed], [p[1] for p in packed], n])
                placed.add(c)
        return out

    def _encode_rows(self, cls, rows, state) -> None:
        slots, custom = _fields(cls)
        st = state.get(cls)
        batch = rows[0 if st is None else st[3]:]  # (rows added meanwhile: the next pass)
        if custom:
            states = [dict(r.__getstate__()) for r in batch]
        elif slots:
            states = [{s: getattr(r, s) for s in slots if hasattr(r, s)} for r in batch]
        else:
            states = [r.__dict__ for r in batch]
        if st is None:
            fields = list(states[0]) if states else []
            st = state[cls] = [fields, ["e"] * len(fields), [[] for _ in fields], 0]
        if any(list(v) != st[0] for v in states):
            raise _Unshapeable(f"instances of {cls.__name__} with different fields")
        for k, f in enumerate(st[0]):
            col = [v[f] for v in states]
            if all(type(x) in _SCALARS for x in col):  # a column of text, numbers, None: as it is
                st[1][k] = _unify(st[1][k], "s" if any(x is not None for x in col) else "n")
                st[2][k].extend(col)
                continue
            for x in col:
                sh, v = self.enc(x)
                st[1][k] = _unify(st[1][k], sh)
                st[2][k].append(v)
        st[3] += len(batch)


_SCALARS = frozenset({str, int, bool, type(None)})


def _pooled(shape, col: list, n: int) -> tuple:
    """A column of text (or tuples of text) that repeats itself, written once per distinct value
    and an index per row: ["pool", shape] and {"pool": values, "ix": indices}. Only immutable
    values are pooled: the rows then share them."""
    if shape != "s" and shape != ["tuple", "s"]:
        return shape, col
    keys = col if shape == "s" else [tuple(v) for v in col]
    try:
        ids: dict = {}
        ix = [ids.setdefault((type(k), k), len(ids)) for k in keys]
    except TypeError:
        return shape, col
    if 2 * len(ids) > n:
        return shape, col
    values = [k if shape == "s" else list(k) for _, k in ids]
    return ["pool", shape], {"pool": values, "ix": _chars(ix) if len(ids) < _PACKABLE else ix}


# Row numbers and pool indices below _PACKABLE are written as the characters of one string, a
# number per character, its code point less _SHIFT (no surrogate, no control character, which
# JSON escapes): JSON numbers are read one by one by the general integer parser, a string's
# characters are copied in one go (the registry and its index hold ~38,000 such numbers). The
# reader looks them up in the rows (or the pool) after _SHIFT placeholders: no subtraction.
_SHIFT = 0x20
_PACKABLE = 0xD800 - _SHIFT


def _chars(numbers) -> str:
    return "".join(map(chr, map(_SHIFT.__add__, numbers)))


def _shifted(rows: list) -> list:
    """The rows (or the pool) after _SHIFT placeholders, looked up by code point (a character
    below _SHIFT, which no writer makes, stands for None)."""
    return [None] * _SHIFT + rows


def _packed(shape, col: list, sizes: dict[str, int]) -> tuple:
    """(shape, column) with every container of rows of a class of fewer than _PACKABLE rows
    written as a string of row numbers: ["rows", container kind, class] (within dicts and
    tuples too)."""
    shape, pack = _packer(shape, sizes)
    return (shape, col) if pack is None else (shape, list(map(pack, col)))


def _packer(shape, sizes: dict[str, int]) -> tuple:
    """(the shape once packed, a function that packs a value of the shape), or (shape, None):
    nothing to pack."""
    if not isinstance(shape, list):
        return shape, None
    kind = shape[0]
    if kind in _CONTAINERS:
        inner = shape[1]
        if isinstance(inner, list) and inner[0] == "ref" and sizes[inner[1]] < _PACKABLE:
            return ["rows", kind, inner[1]], _chars
        sub, pack = _packer(inner, sizes)
        if pack is not None:
            return [kind, sub], lambda v: list(map(pack, v))
    elif kind == "dict":
        sub, pack = _packer(shape[1], sizes)
        if pack is not None:
            return ["dict", sub], lambda v: dict(zip(v, map(pack, v.values())))
    elif kind == "tuple*":
        parts = [_packer(sh, sizes) for sh in shape[1]]
        if any(pack is not None for _, pack in parts):
            return (["tuple*", [sh for sh, _ in parts]],
                    lambda v: [x if pack is None else pack(x) for (_, pack), x in zip(parts, v)])
    return shape, None


def _refs(shape):
    if isinstance(shape, list):
        if shape[0] in ("ref", "ref?"):
            yield shape[1]
        else:
            for part in shape[1:]:
                yield from _refs(part)


def _converter(shape, tables: dict[str, list]):
    """A function from the plain JSON of a value of this shape to the value; None: the JSON value
    is the value itself."""
    if shape in ("s", "e", "n"):
        return None
    if not isinstance(shape, list) or not shape:
        _bad()
    kind = shape[0]
    if kind == "ref":
        return tables[shape[1]].__getitem__
    if kind == "ref?":
        rows = tables[shape[1]]
        return lambda i: None if i is None else rows[i]
    if kind in _FROM_ISO:
        parse = _FROM_ISO[kind]
        return lambda s: None if s is None else parse(s)
    if kind == "re":
        from . import rx

        return lambda v: None if v is None else rx.compile(str(v[0]), int(v[1]))
    if kind == "rows":  # (a string of row numbers)
        ctor, get = _CONTAINERS[shape[1]], _shifted(tables[shape[2]]).__getitem__
        return lambda v: ctor(map(get, map(ord, v)))
    if kind in _CONTAINERS:
        f = _converter(shape[1], tables)
        ctor = _CONTAINERS[kind]
        if f is None:
            return None if kind == "list" else ctor
        return lambda v: ctor(map(f, v))
    if kind == "dict":
        many = _many(shape[1], tables)
        if many is None:
            return None
        return lambda v: dict(zip(v, many(v.values())))
    if kind == "tuple*":
        fs = [_converter(s, tables) for s in shape[1]]
        return lambda v: tuple(x if f is None else f(x) for f, x in zip(fs, v, strict=True))
    _bad()


def _many(shape, tables: dict[str, list]):
    """_converter() for many values at once: a function from an iterable of the plain JSON of
    values of this shape to the list of the values; None: the JSON values are the values. A
    container of rows or of plain values is converted by C-level map() calls alone, no Python
    call per value (the registry's index holds thousands of lists of rows: ~1 ms less a run)."""
    if isinstance(shape, list) and shape[:1] == ["rows"]:
        ctor, get = _CONTAINERS[shape[1]], _shifted(tables[shape[2]]).__getitem__
        return lambda values: list(map(ctor, map(map, repeat(get), map(map, repeat(ord), values))))
    if isinstance(shape, list) and shape and shape[0] in _CONTAINERS:
        ctor, inner = _CONTAINERS[shape[0]], shape[1]
        if inner in ("s", "e", "n"):
            return None if ctor is list else partial(_map_list, ctor)
        if isinstance(inner, list) and inner[:1] == ["ref"] and len(inner) == 2:
            get = tables[inner[1]].__getitem__
            return lambda values: list(map(ctor, map(map, repeat(get), values)))
    f = _converter(shape, tables)
    return None if f is None else partial(_map_list, f)


def _map_list(f, values) -> list:
    return list(map(f, values))


def _decode_columns(doc, classes: dict[str, type]):
    tables: dict[str, list] = {}
    for name, fields, shapes, columns, n in doc["tables"]:
        cls = classes[name]  # KeyError: a class the reader does not allow
        if name in tables or not (len(fields) == len(shapes) == len(columns)) or not all(type(f) is str for f in fields):
            _bad()
        decoded = []
        for shape, col in zip(shapes, columns):
            if isinstance(shape, list) and shape[:1] == ["pool"]:
                many = _many(shape[1], tables)
                pool = col["pool"] if many is None else many(col["pool"])
                ix = col["ix"]  # (a string of indices, or a list of them)
                col = (list(map(_shifted(pool).__getitem__, map(ord, ix))) if type(ix) is str
                       else list(map(pool.__getitem__, ix)))  # (not indices: IndexError, TypeError)
            elif many := _many(shape, tables):
                col = many(col)
            if not isinstance(col, list) or len(col) != n:
                _bad()
            decoded.append(col)
        slots, custom = _fields(cls)
        # the instances made and filled column by column, by C-level map() calls: no Python
        # loop over the rows (thousands of them) except for a class with its own __setstate__
        rows = list(map(cls.__new__, repeat(cls, n)))
        if getattr(cls, "__setstate__", None) is not None:
            for inst, values in zip(rows, zip(*decoded) if fields else repeat((), n)):
                inst.__setstate__(dict(zip(fields, values)))
        elif slots:
            if not set(fields) <= set(slots):
                _bad()
            for f, col in zip(fields, decoded):
                desc = next(c.__dict__[f] for c in cls.__mro__ if f in c.__dict__)
                if not isinstance(desc, MemberDescriptorType):
                    _bad()
                deque(map(desc.__set__, rows, col), maxlen=0)
        else:
            dicts = map(dict, map(zip, repeat(fields), zip(*decoded) if fields else repeat((), n)))
            deque(map(object.__setattr__, rows, repeat("__dict__"), dicts), maxlen=0)
        tables[name] = rows
    shape, value = doc["root"]
    f = _converter(shape, tables)
    return value if f is None else f(value)


def dumps_columns(value, origin: str, classes: dict[str, type]) -> bytes:
    """An entry holding `value` as columns (see above); TypeError when its parts do not share
    shapes."""
    enc = _ColumnEncoder(classes)
    root = enc.enc(value)
    doc = {"root": list(root), "tables": enc.tables_json()}
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _COL_MAGIC + _digest(origin, b"", body) + b"\n" + body


def loads_columns(data: bytes, origin: str, classes: dict[str, type]):
    head, _, body = data[len(_COL_MAGIC):].partition(b"\n")
    if _digest(origin, b"", body) != head:
        return None
    import gc

    was = gc.isenabled()
    gc.disable()  # thousands of new objects, none of them garbage: no collection while decoding
    try:
        return _decode_columns(json.loads(body.decode("utf-8")), classes)
    except Exception:  # noqa: BLE001 - any malformed entry is a miss
        return None
    finally:
        if was:
            gc.enable()


def read_entry(name: str, origin: str, classes: dict[str, type] | None = None):
    data = read_bytes(name)
    if data is not None and data.startswith(_COL_MAGIC):
        return loads_columns(data, origin, classes or {})
    return loads(data, origin, classes)


def write_entry(name: str, origin: str, value, classes: dict[str, type] | None = None,
                columns: bool = False) -> None:
    """Keep `value` (plain values and instances of `classes`); `columns`: as columns when its
    parts share shapes (many instances: decoded several times faster), else as tagged JSON."""
    try:
        data = None
        if columns:
            try:
                data = dumps_columns(value, origin, classes or {})
            except TypeError:
                pass
        if data is None:
            data = dumps(value, origin, classes)
    except (TypeError, ValueError, RecursionError):
        return  # a value the format cannot hold is simply not kept
    write_bytes(name, data)


def file_digest(paths) -> str:
    """A checksum of the content of these files (a missing one counts as such). Remembered in the
    cache under their paths, sizes, modification and change times and inode numbers: the files
    are read and hashed again only when one of these changes (writing a file changes its change
    time, which no tool can set back), not on every run."""
    paths = [str(p) for p in paths]
    key = hashlib.sha256(repr(_stat_stamp(paths, True)).encode("utf-8", "surrogateescape")).hexdigest()
    name = f"digest-{key[:24]}.json"
    got = read_entry(name, key)
    if type(got) is str and len(got) == 64:
        return got
    h = hashlib.sha256()
    for p in paths:
        h.update(p.encode("utf-8", "surrogateescape") + b"\0")
        data = read_regular(p)
        h.update(b"-" if data is None else hashlib.sha256(data).digest())
    digest = h.hexdigest()
    write_entry(name, key, digest)
    return digest


def _stat_stamp(paths, strict: bool = False) -> list:
    """(path, size, modification time) of each file, and with `strict` its change time and inode;
    a file that cannot be read: (path, -1, -1)."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((p, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if strict else
                       (p, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((p, -1, -1))
    return out


@lru_cache(maxsize=8)
def files_under(folder: str, suffix: str = "") -> tuple[str, ...]:
    """The files under `folder` whose name ends with `suffix`, sorted (no __pycache__)."""
    out = []
    for d, dirs, files in os.walk(folder):
        dirs[:] = [x for x in dirs if x != "__pycache__"]
        out.extend(os.path.join(d, f) for f in files if f.endswith(suffix))
    return tuple(sorted(out))


def code_files() -> tuple[str, ...]:
    """The .py files of rasoat's code."""
    return files_under(os.path.dirname(os.path.abspath(__file__)), ".py")


@lru_cache(maxsize=1)
def code_stamp() -> tuple:
    """_stat_stamp of the code files, taken once per process (the code a process runs does not
    change under it): the state entries named after the code (rule data, agency index) share it."""
    return tuple(_stat_stamp(code_files()))


def load_toml(path) -> dict:
    """tomllib.loads of a rules/ file, kept parsed between runs (TOML parsing is pure Python and
    took ~30 ms of every run for rasoat's data). Named by the file's path, size and modification
    time, checked against a checksum of its content; a file that cannot be read or parsed raises
    exactly as tomllib would."""
    import sys
    import zlib

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    path = str(path)
    st = os.stat(path)
    key = f"{sys.version_info[:3]}|{path}|{st.st_size}|{st.st_mtime_ns}"
    name = f"toml-{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}.json"
    with open(path, "rb") as fh:
        raw = fh.read()
    origin = hashlib.sha256(raw).hexdigest()
    value = read_entry(name, origin)
    if isinstance(value, dict):
        return value
    value = tomllib.loads(raw.decode("utf-8"))
    write_entry(name, origin, value, {})
    return value
