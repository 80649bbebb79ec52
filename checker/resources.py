"""Where the grammar and the rule data live: inside the wheel (checker/_data/…) or, in a source
checkout or an editable install, at the top of the repository (grammar/, rules/)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """The folder `grammar` or `rules`."""
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"rasoat is installed without its {name}/ folder")


def grammar_path(name: str = "thongbao.lark") -> Path:
    return data_dir("grammar") / name


def rules_path(name: str) -> Path:
    return data_dir("rules") / name


def load_table(path: Path, table: str, keys: dict[str, type], required: set[str]) -> list[dict]:
    """The entries of a rules/ file made of one array of tables ([[table]]), each checked against
    `keys` (key → type; a bool is not an int) and `required`. Errors name the file, the entry and
    the key (ConfigError)."""
    from .cache import load_toml
    from .errors import ConfigError

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        data = load_toml(path)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule data: {exc}") from None
    extra = set(data) - {table}
    if extra:
        raise ConfigError(f"{path}: unknown top-level key(s) {sorted(extra)} (expected [[{table}]])")
    entries = data.get(table, [])
    for i, e in enumerate(entries):
        where = f"{path}: [[{table}]] #{i + 1}"
        unknown = set(e) - set(keys)
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}")
        missing = required - set(e)
        if missing:
            raise ConfigError(f"{where}: missing key(s) {sorted(missing)}")
        for k, v in e.items():
            if not isinstance(v, keys[k]) or (keys[k] is int and isinstance(v, bool)):
                raise ConfigError(f"{where}: key '{k}' must be {keys[k].__name__}, got {v!r}")
    return entries
