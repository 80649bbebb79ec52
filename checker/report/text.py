"""Human-readable output, like a compiler's:

    draft.txt:117:1: S108 [error] "Noi nhận:" viết sai; phải là "Nơi nhận:".
        gợi ý: Nơi nhận:
    draft.txt: Không đạt — 12 lỗi, 30 cảnh báo, 4 thông tin (structure 5, deadline 20, …)
"""
from __future__ import annotations

from . import VERDICT, summary, verdict_of

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "end": "\033[0m"}
SEV_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}


def _c(color: bool, key: str, text: str) -> str:
    return f"{COLORS[key]}{text}{COLORS['end']}" if color else text


KIND_VI = {"thong-bao": "thông báo", "party-notice": "thông báo của Đảng", "joint-notice": "thông báo liên tịch",
           "other": "không phải thông báo"}
KIND_EN = {"thong-bao": "notice", "party-notice": "Party notice", "joint-notice": "joint notice", "other": "not a notice"}
SUBTYPE_VI = {"conclusion": "kết luận cuộc họp", "announcement": "thông báo sự việc, không phải kết luận"}
SUBTYPE_EN = {"conclusion": "conclusions of a meeting", "announcement": "announcement, not conclusions"}


def kind_label(r, lang: str) -> str:
    """"thông báo: kết luận cuộc họp", "thông báo của Đảng: kết luận cuộc họp", "không phải thông báo: quyet-dinh"."""
    kinds, subs = (KIND_EN, SUBTYPE_EN) if lang == "en" else (KIND_VI, SUBTYPE_VI)
    if r.kind not in kinds:
        return ""
    label = kinds[r.kind]
    sub = getattr(r, "subtype", "")
    if not sub:
        return label
    return f"{label}: {subs.get(sub, sub)}"


def counts_line(counts: dict, by_cat: dict, lang: str) -> str:
    if lang == "en":
        head = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    else:
        head = f"{counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} thông tin"
    if by_cat:
        head += " (" + ", ".join(f"{k} {v}" for k, v in sorted(by_cat.items())) + ")"
    return head


def render_file(r, lang: str = "vi", color: bool = False, quiet: bool = False) -> str:
    """One file's findings and verdict (streamed as soon as the file is checked)."""
    out: list[str] = []
    hint_word = "hint" if lang == "en" else "gợi ý"
    for d in r.diagnostics:
        loc = f"{r.path}:{d.line}:{d.column}:"
        sev = _c(color, d.severity, f"[{d.severity}]")
        out.append(f"{_c(color, 'bold', loc)} {d.code} {sev} {d.message.get(lang)}")
        if not quiet:
            extra = []
            if d.hint is not None:
                extra.append(d.hint.get(lang))
            if d.suggestion:
                extra.append("→ " + d.suggestion)
            if extra:
                out.append(_c(color, "dim", f"    {hint_word}: " + " ".join(extra)))
    if not quiet:
        by_cat: dict = {}
        for d in r.diagnostics:
            by_cat[d.category] = by_cat.get(d.category, 0) + 1
        v = VERDICT[verdict_of(r)][1 if lang == "en" else 0]
        vcol = {"Đạt": "info", "Pass": "info", "Cần sửa": "warning", "Needs changes": "warning"}.get(v, "error")
        kind = kind_label(r, lang)
        kind = f" [{kind}]" if kind else ""
        out.append(f"{r.path}: {_c(color, vcol, v)} — {counts_line(r.counts(), by_cat, lang)}{kind}")
        out.append("")
    return "".join(line + "\n" for line in out)


def render_end(results, lang: str = "vi", quiet: bool = False) -> str:
    """The closing lines: what was not evaluated, and the counts of the run."""
    out: list[str] = []
    s = summary(results)
    not_eval = [r for r in results if "layout" in r.not_evaluated]
    if not_eval and not quiet:
        from ..diagnostics import CATEGORY_OF_PREFIX
        from ..engine import known_codes

        if any(CATEGORY_OF_PREFIX.get(c[:1]) == "layout" for c in known_codes()):
            if lang == "en":
                out.append(f"Note: layout (P8xx) is checked on .docx only; not evaluated for {len(not_eval)} text file(s).")
            else:
                out.append(f"Ghi chú: trình bày (P8xx) chỉ kiểm tra được với .docx; chưa đánh giá cho {len(not_eval)} tệp văn bản thuần.")
    if lang == "en":
        out.append(f"Checked {s['files']} file(s): {s['errors']} errors, {s['warnings']} warnings, {s['info']} info.")
    else:
        out.append(f"Đã rà soát {s['files']} tệp: {s['errors']} lỗi, {s['warnings']} cảnh báo, {s['info']} thông tin.")
    return "".join(line + "\n" for line in out)


def render(results, lang: str = "vi", color: bool = False, quiet: bool = False, **_) -> str:
    return "".join(render_file(r, lang, color, quiet) for r in results) + render_end(results, lang, quiet)
