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
