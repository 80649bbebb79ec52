"""What kind of notice a document is: a conclusion of a meeting or an announcement.

`notice_kind(doc)` reads the title, the trích yếu and the opening. A THÔNG BÁO is a
"conclusion" when its title or trích yếu says so ("kết luận", "ý kiến chỉ đạo") or its
opening reports a meeting, a session or a working visit (họp, làm việc); otherwise it is an
"announcement" (enrolment, holidays, a procedure, a warning): such a notice has tasks only
where it assigns work to a named body.

Minimal version (issue 16 writes the full classifier with the same signature).
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import rx as re


@dataclass(frozen=True)
class NoticeKind:
    kind: str  # "thong-bao" | "party-notice" | "joint-notice" | "other"
    subtype: str  # "conclusion" | "announcement" | ""


_CONCLUSION_TITLE = re.compile(r"(?<!\w)(?:kết\s+luận|ý\s+kiến\s+chỉ\s+đạo)(?!\w)", re.I)
_MEETING = re.compile(r"(?<!\w)(?:(?:cuộc|phiên|buổi)\s+)?(?:họp|làm\s+việc|hội\s+nghị)(?!\w)", re.I)


def notice_kind(doc) -> NoticeKind:
    kind = doc.kind if doc.kind == "thong-bao" else "other"
    if kind != "thong-bao":
        return NoticeKind(kind, "")
    head = " ".join(p.text for p in doc.component("title") + doc.component("trich_yeu"))
    if _CONCLUSION_TITLE.search(head):
        return NoticeKind(kind, "conclusion")
    opening = " ".join(p.text for p in doc.component("opening"))
    if _MEETING.search(opening) or _MEETING.search(head):
        return NoticeKind(kind, "conclusion")
    return NoticeKind(kind, "announcement")
