"""report.html: one self-contained page (no script, no external file; charts are inline SVG)
with the figures a manager reads, made from summary.json."""
from __future__ import annotations

from html import escape

L = {
    "vi": {
        "title": "Báo cáo rà soát kho văn bản", "archive": "Kho", "today": "Ngày tham chiếu",
        "files": "Tệp", "notices": "Thông báo", "findings": "Phát hiện", "tasks": "Nhiệm vụ",
        "no_owner": "Không có đầu mối", "no_deadline": "Không có thời hạn", "overdue": "Quá hạn",
        "unreadable": "Không đọc được",
        "by_family": "Phát hiện theo nhóm quy tắc", "by_issuer": "Phát hiện theo cơ quan ban hành (15 cơ quan nhiều nhất)",
        "by_month": "Tỷ lệ nhiệm vụ không có đầu mối, không có thời hạn theo tháng (ngày thông báo, không có thì ngày họp)",
        "overdue_by_owner": "Nhiệm vụ quá hạn theo đơn vị chủ trì (15 đơn vị nhiều nhất)",
        "agencies": "Tên cơ quan viết sai thường gặp", "citations": "Trích dẫn văn bản sai thường gặp",
        "failed": "Tệp không đọc được", "written": "Viết là", "should": "Nên là", "count": "Số lần",
        "code": "Mã", "path": "Tệp", "message": "Lý do", "none": "Không có.", "no_dates": "Không có ngày để chia theo tháng.",
        "families": {"structure": "cấu trúc", "deadline": "thời hạn", "assignee": "đầu mối", "agency": "cơ quan",
                     "citation": "trích dẫn", "numbering": "đánh số", "language": "chính tả", "layout": "trình bày",
                     "input": "đọc tệp"},
        "rules": "Phiên bản quy tắc", "run": "Lần chạy",
        "run_text": "{checked} tệp được rà soát, {reused} tệp lấy lại kết quả cũ, {workers} worker",
        "legend_owner": "không có đầu mối", "legend_deadline": "không có thời hạn",
    },
    "en": {
        "title": "Archive audit report", "archive": "Archive", "today": "Reference date",
        "files": "Files", "notices": "Notices", "findings": "Findings", "tasks": "Tasks",
        "no_owner": "No owner", "no_deadline": "No deadline", "overdue": "Overdue",
        "unreadable": "Unreadable",
        "by_family": "Findings per rule family", "by_issuer": "Findings per issuer (top 15)",
        "by_month": "Share of tasks without owner, without deadline, by month (notice date, else meeting date)",
        "overdue_by_owner": "Overdue tasks per lead owner (top 15)",
        "agencies": "Most frequent misnamed agencies", "citations": "Most frequent malformed citations",
        "failed": "Files that could not be read", "written": "Written", "should": "Should be", "count": "Count",
        "code": "Code", "path": "File", "message": "Reason", "none": "None.", "no_dates": "No dates to group by month.",
        "families": {},
        "rules": "Rules version", "run": "Run",
        "run_text": "{checked} files checked, {reused} results reused, {workers} workers",
        "legend_owner": "without owner", "legend_deadline": "without deadline",
    },
}

BLUE, ORANGE, RED, GREY = "#2f6db5", "#e08a1e", "#c0392b", "#8a8f98"

CSS = """
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1060px;color:#1d2330;}
h1{font-size:24px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde1e7;padding-bottom:4px}
.meta{color:#5b6270;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px} .card span{font-size:12px;color:#5b6270}
.card.bad b{color:#c0392b}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #eceff3;text-align:left;padding:4px 6px;vertical-align:top}
th{background:#f5f7fa} td.n{text-align:right;width:60px}
svg text{font-family:inherit}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 28px}
"""


def _hbars(items: list[tuple[str, int]], color: str, width: int = 500, label_w: int = 190) -> str:
    """A horizontal bar chart: one labelled bar per item (long labels cut, whole in the tooltip)."""
    if not items:
        return ""
    bar_h, gap = 18, 6
    chars = label_w // 7
    top = max(v for _, v in items) or 1
    h = len(items) * (bar_h + gap) + 4
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" viewBox="0 0 {width} {h}" role="img">']
    span = width - label_w - 50
    for i, (label, v) in enumerate(items):
        y = i * (bar_h + gap) + 2
        w = max(1, round(span * v / top))
        short = label if len(label) <= chars else label[:chars - 1] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end"><title>{escape(label)}</title>'
                   f'{escape(short)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{color}" rx="2"/>')
        out.append(f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="12">{v}</text>')
    out.append("</svg>")
    return "".join(out)


def _month_chart(months: dict, t: dict, width: int = 1000) -> str:
    """Grouped columns per month: % of tasks without owner, % without deadline."""
    if not months:
        return f"<p>{t['no_dates']}</p>"
    keys = sorted(months)
    h, base, left = 240, 200, 40
    slot = (width - left - 10) / len(keys)
    bw = max(2, min(22, slot / 2 - 3))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h + 30}" viewBox="0 0 {width} {h + 30}" role="img">']
    for pct in (0, 25, 50, 75, 100):
        y = base - pct * 1.8
        out.append(f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="#e3e6eb"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4}" font-size="11" text-anchor="end">{pct}%</text>')
    every = max(1, len(keys) // 16)
    for i, k in enumerate(keys):
        m = months[k]
        n = m["tasks"] or 1
        x = left + i * slot + slot / 2
        for j, (v, color) in enumerate(((m["without_owner"], ORANGE), (m["without_deadline"], RED))):
            ph = 180 * v / n
            out.append(f'<rect x="{x - bw + j * bw:.1f}" y="{base - ph:.1f}" width="{bw:.1f}" height="{ph:.1f}" '
                       f'fill="{color}"><title>{escape(k)}: {v}/{m["tasks"]}</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{x:.1f}" y="{base + 16}" font-size="11" text-anchor="middle">{escape(k)}</text>')
    ly = base + 36
    out.append(f'<rect x="{left}" y="{ly - 10}" width="12" height="12" fill="{ORANGE}"/>'
               f'<text x="{left + 16}" y="{ly}" font-size="12">{t["legend_owner"]}</text>'
               f'<rect x="{left + 170}" y="{ly - 10}" width="12" height="12" fill="{RED}"/>'
               f'<text x="{left + 186}" y="{ly}" font-size="12">{t["legend_deadline"]}</text>')
    out.append("</svg>")
    return "".join(out)


def _table(head: list[str], rows: list[list], t: dict, numeric_last: bool = True) -> str:
    if not rows:
        return f"<p>{t['none']}</p>"
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for r in rows:
        cells = [f"<td>{escape(str(c))}</td>" for c in r]
        if numeric_last:
            cells[-1] = f'<td class="n">{escape(str(r[-1]))}</td>'
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def render_report(s: dict, lang: str = "vi") -> str:
    t = L["en" if lang == "en" else "vi"]
    fam = lambda k: t["families"].get(k, k)  # noqa: E731
    notices = s["kinds"].get("thong-bao", 0)
    unread = len(s["unreadable"])
    cards = [(t["files"], s["files"], False), (t["notices"], notices, False), (t["findings"], s["findings"], False),
             (t["tasks"], s["tasks"], False), (t["no_owner"], s["tasks_without_owner"], True),
             (t["no_deadline"], s["tasks_without_deadline"], True), (t["overdue"], s["overdue_tasks"], True),
             (t["unreadable"], unread, True)]
    families = sorted(s["by_family"].items(), key=lambda kv: (-kv[1], kv[0]))
    names = {"(không rõ)": "(unknown)", "(không có đầu mối)": "(no owner)"} if lang == "en" else {}
    issuers = [(names.get(k, k), sum(v.values())) for k, v in list(s["by_issuer"].items())[:15]]
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "vi"}"><head><meta charset="utf-8">',
        f"<title>{escape(t['title'])}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(t['title'])}</h1>",
        f'<div class="meta">{escape(t["archive"])}: {escape(", ".join(s["archive"]))} · {escape(t["today"])}: '
        f'{escape(s["today"])} · {escape(t["rules"])}: {escape(s["rules_version"])} · {escape(t["run"])}: '
        f'{escape(t["run_text"].format(**s["run"]))}</div>',
        '<div class="cards">' + "".join(
            f'<div class="card{" bad" if bad and v else ""}"><b>{v}</b><span>{escape(label)}</span></div>'
            for label, v, bad in cards) + "</div>",
        '<div class="grid"><div>', f"<h2>{escape(t['by_family'])}</h2>",
        _hbars([(fam(k), v) for k, v in families], BLUE, 500) or f"<p>{t['none']}</p>",
        "</div><div>", f"<h2>{escape(t['by_issuer'])}</h2>",
        _hbars(issuers, GREY, 500, 230) or f"<p>{t['none']}</p>", "</div></div>",
        f"<h2>{escape(t['by_month'])}</h2>", _month_chart(s["tasks_by_month"], t),
        f"<h2>{escape(t['overdue_by_owner'])}</h2>",
        _hbars([(names.get(k, k), v) for k, v in s["overdue_by_owner"][:15]], RED, 1000, 340) or f"<p>{t['none']}</p>",
        f"<h2>{escape(t['agencies'])}</h2>",
        _table([t["code"], t["written"], t["should"], t["count"]], s["misnamed_agencies"][:20], t),
        f"<h2>{escape(t['citations'])}</h2>",
        _table([t["code"], t["written"], t["count"]], s["malformed_citations"][:20], t),
        f"<h2>{escape(t['failed'])}</h2>",
        _table([t["path"], t["code"], t["message"]],
               [[u["path"], u["code"], u["message_en" if lang == "en" else "message_vi"]] for u in s["unreadable"]],
               t, numeric_last=False),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
