"""rasoat's per-user cache directory: derived data only (compiled patterns, parser tables, the
agency index), never anything from the documents checked. Every entry is named by a hash of what
it was built from, so a stale entry is simply never read; a cache that cannot be written or read
is ignored (the data is then built in memory as usual).

Location: $RASOAT_CACHE_DIR, else $XDG_CACHE_HOME/rasoat, else ~/.cache/rasoat.
"""
from __future__ import annotations

import os
import tempfile


def cache_dir() -> str | None:
    base = os.environ.get("RASOAT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "rasoat")
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None
    return base


def cache_file(name: str) -> str | None:
    base = cache_dir()
    return None if base is None else os.path.join(base, name)


def read_bytes(name: str) -> bytes | None:
    path = cache_file(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


# how many entries of each kind are kept (the newest): a new rasoat version, an edited rule file or
# another set of local registries makes a new entry, and the old ones are removed, so the folder
# stays a few megabytes
KEEP = {"re": 3, "agencies": 6, "thongbao": 3, "toml": 48}


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
        entries = [e for e in os.scandir(base) if e.name.startswith(kind + "-") and e.is_file()]
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            os.unlink(old.path)
    except OSError:
        pass  # another process pruned it first, or the folder is read-only: nothing lost


def load_toml(path) -> dict:
    """tomllib.loads of a rules/ file, kept parsed between runs (TOML parsing is pure Python and
    took ~30 ms of every run for rasoat's data). Keyed by the file's path, size and modification
    time; a file that cannot be read or parsed raises exactly as tomllib would."""
    import os
    import pickle
    import sys
    import zlib

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    path = str(path)
    st = os.stat(path)
    key = f"{sys.version_info[:3]}|{path}|{st.st_size}|{st.st_mtime_ns}"
    name = f"toml-{zlib.crc32(key.encode('utf-8')):08x}.pickle"
    data = read_bytes(name)
    if data:
        try:
            stored_key, value = pickle.loads(data)
            if stored_key == key:
                return value
        except Exception:  # noqa: BLE001 - a damaged entry is parsed again
            pass
    with open(path, encoding="utf-8") as fh:
        value = tomllib.loads(fh.read())
    try:
        write_bytes(name, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - values TOML gives are always picklable; never fail a run on the cache
        pass
    return value
