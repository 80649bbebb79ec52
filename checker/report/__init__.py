"""Reporters: FileResults → text in one output format. Reporters never read input files."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from ..api import FileResult

VERDICT = {
    "dat": ("Đạt", "Pass"),
    "can-sua": ("Cần sửa", "Needs changes"),
    "khong-dat": ("Không đạt", "Fail"),
    "unreadable": ("Không đọc được", "Unreadable"),
}


def verdict_of(res: FileResult) -> str:
    return "unreadable" if res.kind == "unreadable" else res.verdict


def summary(results: list[FileResult]) -> dict:
    c = Counter()
    by_code: Counter = Counter()
    by_cat: Counter = Counter()
    verdicts: Counter = Counter()
    for r in results:
        for d in r.diagnostics:
            c[d.severity] += 1
            by_code[d.code] += 1
            by_cat[d.category] += 1
        verdicts[verdict_of(r)] += 1
    return {
        "files": len(results),
        "errors": c["error"],
        "warnings": c["warning"],
        "info": c["info"],
        "by_category": dict(sorted(by_cat.items())),
        "by_code": dict(sorted(by_code.items())),
        "verdicts": dict(sorted(verdicts.items())),
    }


def get_reporter(fmt: str) -> Callable:
    if fmt == "json":
        from .json_report import render
    elif fmt == "text":
        from .text import render
    else:
        import importlib

        try:
            render = importlib.import_module(f"{__name__}.{fmt}_report").render
        except ModuleNotFoundError:
            raise ValueError(fmt) from None
    return render
