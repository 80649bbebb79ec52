"""Baselines: adopt the gate on an archive by recording today's findings and reporting only new
ones. Findings are keyed by file, code and the normalised text they concern (not by line
number), so edits elsewhere in a file do not break the baseline. File paths are stored relative
to the folder of the baseline file, so a baseline written at the repository root serves a run
started from any folder (`cd sub && rasoat check . --baseline ../.rasoat-baseline.json`).

    rasoat baseline luu-tru/            → writes .rasoat-baseline.json
    rasoat check luu-tru/ --baseline .rasoat-baseline.json
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .diagnostics import Diagnostic
from .errors import ConfigError
from .textnorm import fold

VERSION = 2  # 2: paths relative to the baseline's folder (1: to the folder the run started in)
DEFAULT_NAME = ".rasoat-baseline.json"


def _norm_path(path: str, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


def key(path: str, d: Diagnostic, base: Path) -> str:
    what = fold(d.context) if d.context.strip() else fold(d.message.vi)
    h = hashlib.sha1(what.encode("utf-8")).hexdigest()[:16]
    return f"{_norm_path(path, base)}::{d.code}::{h}"


def base_of(baseline_path: str) -> Path:
    return Path(baseline_path).resolve().parent


def build(results, base: Path) -> dict:
    counts: Counter = Counter()
    for r in results:
        for d in r.diagnostics:
            if not d.code.startswith("E9"):
                counts[key(r.path, d, base)] += 1
    return {"version": VERSION, "tool": "rasoat",
            "entries": [{"key": k, "count": n} for k, n in sorted(counts.items())]}


def write(path: str, results, inputs=()) -> int:
    """Write the baseline atomically; never over a checked draft (checker/writefile.py)."""
    from .writefile import write_file

    data = build(results, base_of(path))
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_file(path, text.encode("utf-8"), inputs=[*inputs, *(r.path for r in results)])
    return sum(e["count"] for e in data["entries"])


def load(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: không tìm thấy tệp baseline", f"{path}: baseline file not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: tệp baseline không hợp lệ: {exc}", f"{path}: invalid baseline: {exc}") from None
    # version 1 keyed paths by the folder the run started in, which in practice was the
    # baseline's own folder (the default name, written at the root): read it the same way
    if not isinstance(data, dict) or data.get("version") not in (1, VERSION) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: tệp baseline không đúng định dạng phiên bản {VERSION}",
                          f"{path}: not a baseline of format version {VERSION}")
    return Counter({e["key"]: int(e["count"]) for e in data["entries"] if "key" in e})


def filter_results(results, baseline: Counter, base: Path) -> int:
    """Remove findings recorded in the baseline (as many times as recorded); returns how many.
    `base`: the baseline file's folder (base_of)."""
    remaining = Counter(baseline)
    removed = 0
    for r in results:
        kept = []
        for d in r.diagnostics:
            k = key(r.path, d, base)
            if remaining[k] > 0 and not d.code.startswith("E9"):
                remaining[k] -= 1
                removed += 1
            else:
                kept.append(d)
        r.diagnostics = kept
    return removed
