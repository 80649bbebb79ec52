"""Configuration: [tool.rasoat] in pyproject.toml, or a rasoat.toml, found from the checked
file's folder upward (the nearest wins; in one folder rasoat.toml wins over pyproject.toml).

Keys mirror the command line (select, ignore, stage, lang, fail-on, include, exclude) plus
per-file-ignores and rule settings. An unknown key is an error that names the file and the key.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import ConfigError

# key → what its value must be (Vietnamese, English)
_LIST = ("danh sách chuỗi", "a list of strings")
KNOWN_KEYS: dict[str, tuple[str, str]] = {
    "select": _LIST,
    "ignore": _LIST,
    "extend-select": _LIST,
    "stage": ("'draft' hoặc 'issued'", "'draft' or 'issued'"),
    "lang": ("'vi' hoặc 'en'", "'vi' or 'en'"),
    "fail-on": ("'error', 'warning' hoặc 'info'", "'error', 'warning' or 'info'"),
    "include": _LIST,
    "exclude": _LIST,
    "per-file-ignores": ("bảng mẫu tên tệp → danh sách mã", "a table of glob → list of codes"),
    "today": ("ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD"),
    "registries": ("danh sách tệp TOML (đường dẫn tính từ tệp cấu hình)",
                   "a list of TOML files (paths relative to the configuration file)"),
    "tone-style": ("'consistent', 'òa' hoặc 'oà'", "'consistent', 'òa' or 'oà'"),
    "limits": ("bảng", "a table"),
    "jobs": ("số nguyên", "an integer"),
}
LIMIT_KEYS = {"rule-seconds", "file-seconds", "max-file-bytes", "max-docx-bytes", "max-docx-part-bytes", "max-docx-ratio",
              "max-paragraphs", "max-line-chars"}
# the largest value each limit may be given (a finite number; 1e300 seconds overflows the timer)
LIMIT_MAX = {"rule-seconds": 86400, "file-seconds": 86400, "max-docx-ratio": 1e6}
LIMIT_MAX_DEFAULT = 1 << 40
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration file (rasoat.toml, pyproject.toml)


def read_toml(path, limit: int, what: str) -> dict:
    """A TOML file that must be a regular file of at most `limit` bytes, in UTF-8: parsed, or a
    ConfigError (exit code 2) that says what is wrong; never a hang (a FIFO, /dev/zero) or a
    traceback (a non-UTF-8 file, arrays nested thousands deep)."""
    import math  # noqa: F401 - (kept local: this module is imported by every run)
    import os
    import stat

    path = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: không tìm thấy {what} (file not found)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: không đọc được {what} (cannot read): {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(f"{path}: {what} phải là một tệp thông thường (must be a regular file, not a device, FIFO or folder)")
    if st.st_size > limit:
        raise ConfigError(f"{path}: {what} quá lớn ({st.st_size} byte, giới hạn {limit}) (file too large)")
    from .cache import read_regular

    raw = read_regular(path, limit)
    if raw is None:
        raise ConfigError(f"{path}: không đọc được {what} (cannot read, or it changed while being read)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: {what} không phải UTF-8 (not UTF-8: byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML không hợp lệ (invalid TOML): {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML lồng nhau quá sâu (nested too deeply)") from None


def _limit_ok(key: str, value) -> bool:
    import math

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return 0 < value <= LIMIT_MAX.get(key, LIMIT_MAX_DEFAULT)


@dataclass
class Config:
    """One configuration file's [tool.rasoat] values (or the defaults), and where it came from."""
    path: Path | None = None  # the file it came from (None: defaults)
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file_path: str) -> list[str]:
        """Codes ignored for this file by per-file-ignores (globs relative to the config's folder)."""
        out: list[str] = []
        pfi = self.values.get("per-file-ignores") or {}
        try:
            rel = Path(file_path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = Path(file_path).as_posix()
        for pattern, codes in pfi.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(file_path).name, pattern):
                out.extend(codes)
        return out

    def resolve_path(self, rel: str) -> Path:
        p = Path(rel)
        return p if p.is_absolute() else self.root / p


def _norm_key(k: str) -> str:
    return k.replace("_", "-")


def validate(values: dict[str, Any], source: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for raw_key, val in values.items():
        key = _norm_key(raw_key)
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(f"{source}: khóa cấu hình không hợp lệ '{raw_key}'. Các khóa hợp lệ: {known}",
                              f"{source}: unknown configuration key '{raw_key}'. Valid keys: {known}")
        want = KNOWN_KEYS[key]
        ok = True
        if want is _LIST:
            ok = isinstance(val, list) and all(isinstance(x, str) for x in val)
        elif key == "stage":
            ok = val in ("draft", "issued")
        elif key == "lang":
            ok = val in ("vi", "en")
        elif key == "fail-on":
            ok = val in ("error", "warning", "info")
        elif key == "tone-style":
            ok = val in ("consistent", "òa", "oà")
        elif key == "jobs":
            ok = isinstance(val, int) and not isinstance(val, bool) and 1 <= val <= 4096
        elif key == "today":
            if isinstance(val, dt.date):
                pass
            else:
                try:
                    val = dt.date.fromisoformat(str(val))
                except ValueError:
                    ok = False
        elif key == "registries":
            ok = isinstance(val, list) and all(isinstance(x, str) for x in val)
        elif key == "per-file-ignores":
            ok = isinstance(val, dict) and all(isinstance(v, list) and all(isinstance(c, str) for c in v) for v in val.values())
        elif key == "limits":
            ok = isinstance(val, dict)
            if ok:
                for lk, lv in val.items():
                    if _norm_key(lk) not in LIMIT_KEYS:
                        raise ConfigError(f"{source}: khóa không hợp lệ 'limits.{lk}'; hợp lệ: {', '.join(sorted(LIMIT_KEYS))}",
                                          f"{source}: unknown key 'limits.{lk}'; valid: {', '.join(sorted(LIMIT_KEYS))}")
                    if not _limit_ok(_norm_key(lk), lv):
                        top = LIMIT_MAX.get(_norm_key(lk), LIMIT_MAX_DEFAULT)
                        raise ConfigError(f"{source}: 'limits.{lk}' phải là số dương hữu hạn, tối đa {top:g}, có {lv!r}",
                                          f"{source}: 'limits.{lk}' must be a finite positive number up to {top:g}, got {lv!r}")
                val = {_norm_key(k): v for k, v in val.items()}
        if not ok:
            raise ConfigError(f"{source}: giá trị không hợp lệ cho '{raw_key}': cần {want[0]}, có {val!r}",
                              f"{source}: invalid value for '{raw_key}': expected {want[1]}, got {val!r}")
        if key in ("select", "ignore", "extend-select", "per-file-ignores"):
            from .engine import unknown_codes

            codes = [c for v in val.values() for c in v] if key == "per-file-ignores" else val
            bad = unknown_codes(codes)
            if bad:
                raise ConfigError(f"{source}: '{raw_key}' có mã không tồn tại: {', '.join(bad)} (xem 'rasoat rules')",
                                  f"{source}: '{raw_key}' names no rule: {', '.join(bad)} (see 'rasoat rules')")
        out[key] = val
    return out


def load_file(path: Path) -> Config | None:
    """The rasoat configuration in `path` (None for a pyproject.toml without [tool.rasoat])."""
    data = read_toml(path, MAX_CONFIG_BYTES, "tệp cấu hình")
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("rasoat") if isinstance(tool, dict) else None
        if section is None:
            return None
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.rasoat] phải là một bảng (must be a table), có {section!r}")
        return Config(path, validate(section, f"{path} [tool.rasoat]"))
    return Config(path, validate(data, str(path)))


@lru_cache(maxsize=256)
def find_config(folder: str) -> Config:
    """The nearest configuration at or above `folder` (defaults when there is none)."""
    d = Path(folder).resolve()
    for cur in (d, *d.parents):
        for name in ("rasoat.toml", ".rasoat.toml", "pyproject.toml"):
            f = cur / name
            if f.is_file():
                cfg = load_file(f)
                if cfg is not None:
                    return cfg
    return Config()


def config_for(file_path: str, explicit: str | None = None) -> Config:
    if explicit:
        return _explicit(explicit)
    folder = Path(file_path).parent if file_path not in ("-", "<stdin>") else Path.cwd()
    return find_config(str(folder))


@lru_cache(maxsize=8)
def _explicit(path: str) -> Config:
    p = Path(path)
    if not p.exists():
        raise ConfigError(f"{path}: không tìm thấy tệp cấu hình", f"{path}: configuration file not found")
    cfg = load_file(p)
    if cfg is None:
        raise ConfigError(f"{path}: không có mục [tool.rasoat]", f"{path}: no [tool.rasoat] section")
    return cfg


def clear_cache() -> None:
    find_config.cache_clear()
    _explicit.cache_clear()
