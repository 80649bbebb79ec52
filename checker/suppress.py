"""Inline suppressions in text drafts, and the finding for suppressions that suppress nothing.

    Câu có lỗi cố ý. <!-- rasoat: ignore N401 -->      (this line)
    <!-- rasoat: ignore D201, A302 -->                  (alone on a line: the next non-blank line)
    <!-- rasoat: ignore-file S101 -->                   (the whole file)

Codes may be prefixes ("L7"). HTML comments are not content: the text reader drops them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import rx as re

from .diagnostics import Diagnostic, Msg

# Anything that looks meant for rasoat is a directive: one that is not well formed ("ignroe",
# a missing colon) is reported, never silently dropped.
ANY = re.compile(r"<!--\s*rasoat\b[^>]*?-->", re.I)
DIRECTIVE = re.compile(r"<!--\s*rasoat\s*:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<codes>[^>]*?)-->", re.I)
CODE = re.compile(r"^[A-Z]\d{0,3}$")


def _known(code: str) -> bool:
    from .engine import load_rules

    return any(c.startswith(code) for c in load_rules())


@dataclass
class Directive:
    line: int
    column: int
    end_column: int
    kind: str  # "ignore" | "ignore-file"
    codes: list[str]
    target_line: int | None  # None for ignore-file
    used: set[str] = field(default_factory=set)


def parse_directives(text: str) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """Directives in a text, and malformed ones (or ones naming no known rule) as (line, column, raw)."""
    lines = text.splitlines()
    out: list[Directive] = []
    bad: list[tuple[int, int, str]] = []
    for no, line in enumerate(lines, start=1):
        for loose in ANY.finditer(line):
            m = DIRECTIVE.fullmatch(loose.group(0))
            codes = [c.strip().upper() for c in re.split(r"[,\s]+", m.group("codes")) if c.strip()] if m else []
            if not m or not codes or not all(CODE.match(c) and _known(c) for c in codes):
                bad.append((no, loose.start() + 1, loose.group(0)))
                continue
            kind = m.group("kind").lower()
            target = None
            if kind == "ignore":
                rest = ANY.sub("", line).strip()
                if rest:
                    target = no
                else:
                    target = next((k for k in range(no + 1, len(lines) + 1)
                                   if ANY.sub("", lines[k - 1]).strip()), no)
            out.append(Directive(no, loose.start() + 1, loose.end() + 1, kind, codes, target))
    return out, bad


def _covers(codes: list[str], code: str) -> str | None:
    for c in codes:
        if code.startswith(c):
            return c
    return None


UNUSED = Msg("Chỉ thị bỏ qua \"{codes}\" không bỏ qua phát hiện nào: hãy xóa nó.",
             "The suppression \"{codes}\" suppresses nothing: remove it.")
MALFORMED = Msg("Chỉ thị rasoat không hợp lệ hoặc ghi mã quy tắc không có: {raw}. Dạng đúng: "
                "<!-- rasoat: ignore N401 --> hoặc <!-- rasoat: ignore-file S101 --> (xem 'rasoat rules').",
                "Malformed rasoat directive, or one naming no known rule: {raw}. Use "
                "<!-- rasoat: ignore N401 --> or <!-- rasoat: ignore-file S101 --> (see 'rasoat rules').")


def apply(text: str, diagnostics: list[Diagnostic], selected: set[str], path: str) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add E905 for directives that suppressed nothing (only for
    codes that ran) and for malformed directives."""
    if "rasoat" not in text:
        return diagnostics
    directives, bad = parse_directives(text)
    if not directives and not bad:
        return diagnostics
    kept: list[Diagnostic] = []
    for d in diagnostics:
        hit = None
        for dv in directives:
            if dv.kind == "ignore-file" or dv.target_line == d.line or (dv.target_line is not None and d.line <= dv.target_line <= d.end_line):
                c = _covers(dv.codes, d.code)
                if c:
                    dv.used.add(c)
                    hit = dv
                    break
        if hit is None:
            kept.append(d)
    for dv in directives:
        unused = [c for c in dv.codes if c not in dv.used and any(s.startswith(c) or c.startswith(s) for s in selected)]
        if unused and "E905" in selected:
            kept.append(Diagnostic("E905", "input", "warning", UNUSED.format(codes=", ".join(unused)),
                                   dv.line, dv.column, dv.line, dv.end_column, path=path))
    for line, col, raw in bad:
        if "E905" in selected:
            kept.append(Diagnostic("E905", "input", "warning", MALFORMED.format(raw=raw), line, col, line, col + len(raw), path=path))
    return sorted(kept, key=Diagnostic.sort_key)
