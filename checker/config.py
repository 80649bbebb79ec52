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
LIMIT_KEYS = {"rule-seconds", "max-file-bytes", "max-docx-bytes", "max-docx-part-bytes", "max-docx-ratio", "max-paragraphs", "max-line-chars"}


@dataclass
class Config:
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
            ok = isinstance(val, int) and val >= 1
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
                    if not isinstance(lv, (int, float)) or lv <= 0:
                        raise ConfigError(f"{source}: 'limits.{lk}' phải là số dương", f"{source}: 'limits.{lk}' must be a positive number")
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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML không hợp lệ: {exc}", f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: không đọc được: {exc.strerror}", f"{path}: cannot read: {exc.strerror}") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("rasoat")
        if section is None:
            return None
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
    if not p.is_file():
        raise ConfigError(f"{path}: không tìm thấy tệp cấu hình", f"{path}: configuration file not found")
    cfg = load_file(p)
    if cfg is None:
        raise ConfigError(f"{path}: không có mục [tool.rasoat]", f"{path}: no [tool.rasoat] section")
    return cfg


def clear_cache() -> None:
    find_config.cache_clear()
    _explicit.cache_clear()
