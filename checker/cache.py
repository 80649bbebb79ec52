"""rasoat's per-user cache directory: derived data only (compiled patterns, parser tables, the
agency index), never anything from the documents checked. Every entry is named by a hash of what
it was built from, so a stale entry is simply never read; a cache that cannot be written or read
is ignored (the data is then built in memory as usual). RASOAT_NO_CACHE=1 turns it off.

Nothing read from the cache can execute: an entry is JSON (no pickle, no marshal), decoded by
`loads` below into plain values and instances of the few classes the caller names. Each entry
carries a SHA-256 of its content and of the origin it was built from (the rules/ files and the
code, as the caller states it); an entry whose checksum, origin or format does not match, that is
not a regular file, or that is larger than MAX_ENTRY_BYTES is a miss, and the data is rebuilt.

Location: $RASOAT_CACHE_DIR, else $XDG_CACHE_HOME/rasoat, else ~/.cache/rasoat.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import tempfile

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
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_bytes(name: str) -> bytes | None:
    path = cache_file(name)
    return None if path is None else read_regular(path)


# how many entries of each kind are kept (the newest): a new rasoat version, an edited rule file or
# another set of local registries makes a new entry, and the old ones are removed, so the folder
# stays a few megabytes
KEEP = {"re": 3, "agencies": 6, "thongbao": 3, "toml": 48, "valid": 6}


def write_bytes(name: str, data: bytes) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one, never half), then
    remove the oldest entries of the same kind beyond KEEP."""
    path = cache_file(name)
    if path is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
    prune(name.split("-", 1)[0])


def prune(kind: str) -> None:
    keep = KEEP.get(kind)
    base = cache_dir()
    if keep is None or base is None:
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
# An entry is: a magic line; the SHA-256 of (origin, the class line, the body); the class line (a
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


def _digest(origin: str, schema: bytes, body: bytes) -> bytes:
    h = hashlib.sha256(origin.encode("utf-8", "surrogateescape") + b"\0" + schema + b"\n")
    h.update(body)
    return h.hexdigest().encode("ascii")


def dumps(value, origin: str, classes: dict[str, type] | None = None) -> bytes:
    """The bytes of a cache entry holding `value`, built from `origin` (a checksum the reader
    gives again: the files and code the value was made from)."""
    enc = _Encoder(classes or {})
    body = json.dumps(enc.enc(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    schema = json.dumps(enc.schema, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return _MAGIC + _digest(origin, schema, body) + b"\n" + schema + b"\n" + body


def loads(data: bytes | None, origin: str, classes: dict[str, type] | None = None):
    """The value of a cache entry, or None when it is missing, damaged, made from another origin
    or holds anything but plain values and instances of `classes`."""
    if not data or not data.startswith(_MAGIC):
        return None
    head, _, rest = data[len(_MAGIC):].partition(b"\n")
    schema, _, body = rest.partition(b"\n")
    if _digest(origin, schema, body) != head:
        return None
    try:
        dec = _Decoder(classes or {}, json.loads(schema.decode("ascii")))
        return json.loads(body.decode("utf-8"), object_hook=dec.hook)
    except Exception:  # noqa: BLE001 - any malformed entry is a miss
        return None


def read_entry(name: str, origin: str, classes: dict[str, type] | None = None):
    return loads(read_bytes(name), origin, classes)


def write_entry(name: str, origin: str, value, classes: dict[str, type] | None = None) -> None:
    try:
        data = dumps(value, origin, classes)
    except (TypeError, ValueError, RecursionError):
        return  # a value the format cannot hold is simply not kept
    write_bytes(name, data)


def file_digest(paths) -> str:
    """A checksum of the content of these files (a missing one counts as such)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p).encode("utf-8", "surrogateescape") + b"\0")
        data = read_regular(str(p))
        h.update(b"-" if data is None else hashlib.sha256(data).digest())
    return h.hexdigest()


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
