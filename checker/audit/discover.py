"""What an audit checks: the files of the archive and the key of each file's result.

A result depends on the file's bytes, on its suffix (.md is read as Markdown), on the rules (the
code of rasoat, rules/ and grammar/) and on the configuration that applies to the file (the
nearest rasoat.toml / pyproject.toml, per-file ignores, local registries, the run's options).
The key is a hash of all of them, so a result is reused only when none of them changed.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of what decides the findings: rasoat's version, its Python code, rules/ and grammar/."""
    from ..resources import data_dir

    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent.parent
    roots = [pkg, data_dir("rules"), data_dir("grammar")]
    for root in roots:
        for dirpath, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "_data", "audit"))
            for name in sorted(names):
                if name.endswith((".py", ".toml", ".lark", ".txt", ".json")):
                    full = os.path.join(dirpath, name)
                    h.update(os.path.relpath(full, root).encode())
                    with open(full, "rb") as fh:
                        h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:20]


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return "missing"


@dataclass
class ConfigKeys:
    """Fingerprints of the configuration per file (cached per configuration file)."""

    explicit: str | None
    run: str  # the run's own options (stage, today, select, ignore)

    def __post_init__(self):
        self._by_cfg: dict = {}

    def for_file(self, path: str) -> str:
        from ..config import config_for

        cfg = config_for(path, self.explicit)
        ident = str(cfg.path) if cfg.path else ""
        base = self._by_cfg.get(ident)
        if base is None:
            values = dict(cfg.values)
            regs = [_file_digest(str(cfg.resolve_path(p))) for p in values.get("registries") or []]
            base = json.dumps([ident, values, regs], sort_keys=True, default=str, ensure_ascii=False)
            self._by_cfg[ident] = base
        ignored = sorted(cfg.ignored_for(path))
        return hashlib.sha256(f"{base}|{ignored}|{self.run}".encode()).hexdigest()[:20]


def result_key(content_hash: str, suffix: str, rules: str, config: str) -> str:
    return hashlib.sha256(f"{content_hash}|{suffix.lower()}|{rules}|{config}".encode()).hexdigest()
