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


def write_bytes(name: str, data: bytes) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one, never half)."""
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
        pass


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
