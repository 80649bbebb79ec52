"""Inline suppressions in text drafts, and the finding for suppressions that suppress nothing.

    Câu có lỗi cố ý. <!-- rasoat: ignore N401 -->      (this line)
    <!-- rasoat: ignore D201, A302 -->                  (alone on a line: the next non-blank line)
    <!-- rasoat: ignore-file S101 -->                   (the whole file)

Codes may be prefixes ("L7"). HTML comments are not content: the text reader drops them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import rx as re

from .diagnostics import Diagnostic, Msg

# Anything that looks meant for rasoat is a directive: one that is not well formed ("ignroe",
# a missing colon) is reported, never silently dropped.
ANY = re.compile(r"<!--\s*rasoat\b[^>]*?-->", re.I)
DIRECTIVE = re.compile(r"<!--\s*rasoat\s*:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<codes>[^>]*?)-->", re.I)
CODE = re.compile(r"^[A-Z]\d{0,3}$")


@lru_cache(maxsize=None)
def _known(code: str) -> bool:
    from .engine import known_codes

    return any(c.startswith(code) for c in known_codes())


@dataclass(slots=True)  # (9 MB of directives are 340,000 of them: kept small)
class Directive:
    """One `rasoat: ignore` comment of a text draft: where it is, what it silences, and for which line."""
    line: int
    column: int
    end_column: int
    kind: str  # "ignore" | "ignore-file"
    codes: list[str]
    target_line: int | None  # None for ignore-file
    used: set[str] | None = None  # the codes it suppressed (made when it first does)


def parse_directives(text: str) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """Directives in a text, and malformed ones (or ones naming no known rule) as (line, column, raw)."""
    lines = text.splitlines()
    out: list[Directive] = []
    bad: list[tuple[int, int, str]] = []
    # (linear: whether a line has content besides directives is worked out once per line, and the
    # next line with content once for the whole text, from the end; 9 MB of directives took minutes)
    content: dict[int, bool] = {}

    def has_content(k: int) -> bool:
        if k not in content:
            line = lines[k - 1]
            content[k] = bool((ANY.sub("", line) if "rasoat" in line else line).strip())
        return content[k]

    next_content: list[int] | None = None
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
                if has_content(no):
                    target = no
                else:
                    if next_content is None:
                        next_content = [0] * (len(lines) + 2)  # line → the first line after it with content
                        following = 0
                        for k in range(len(lines), 0, -1):
                            next_content[k] = following
                            if has_content(k):
                                following = k
                    target = next_content[no] or no
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
    # directives by the line they target, so that each finding looks only at its own lines
    order = {id(dv): i for i, dv in enumerate(directives)}
    file_wide = [dv for dv in directives if dv.kind == "ignore-file"]
    by_line: dict[int, list[Directive]] = {}
    for dv in directives:
        if dv.kind != "ignore-file" and dv.target_line is not None:
            by_line.setdefault(dv.target_line, []).append(dv)
    for d in diagnostics:
        hit = None
        end = max(d.line, d.end_line)
        if end - d.line <= 64:
            near = [dv for k in range(d.line, end + 1) for dv in by_line.get(k, ())]
        else:
            near = [dv for k, dvs in by_line.items() if d.line <= k <= end for dv in dvs]
        for dv in sorted(file_wide + near, key=lambda x: order[id(x)]):
            c = _covers(dv.codes, d.code)
            if c:
                if dv.used is None:
                    dv.used = set()
                dv.used.add(c)
                hit = dv
                break
        if hit is None:
            kept.append(d)
    ran: dict[str, bool] = {}  # code of a directive → whether a selected rule has it

    def was_run(c: str) -> bool:
        if c not in ran:
            ran[c] = any(s.startswith(c) or c.startswith(s) for s in selected)
        return ran[c]

    from .engine import MAX_HITS

    reported = 0  # E905 findings, at most MAX_HITS like any rule's
    for dv in directives:
        if reported >= MAX_HITS:
            break
        unused = [c for c in dv.codes if (dv.used is None or c not in dv.used) and was_run(c)]
        if unused and "E905" in selected:
            reported += 1
            kept.append(Diagnostic("E905", "input", "warning", UNUSED.format(codes=", ".join(unused)),
                                   dv.line, dv.column, dv.line, dv.end_column, path=path))
    for line, col, raw in bad[:MAX_HITS]:
        if "E905" in selected:
            kept.append(Diagnostic("E905", "input", "warning", MALFORMED.format(raw=raw), line, col, line, col + len(raw), path=path))
    return sorted(kept, key=Diagnostic.sort_key)
