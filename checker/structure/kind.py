"""What the document is, decided before any notice check runs: `notice_kind(doc) -> NoticeKind`.

kind
  "thong-bao"     a State THÔNG BÁO of Nghị định 30/2020/NĐ-CP (title THÔNG BÁO or symbol …/TB-…)
  "party-notice"  a notice of a Party body in the format of Hướng dẫn 36-HD/VPTW: header
                  "ĐẢNG CỘNG SẢN VIỆT NAM", symbol "Số 432-TB/VPTW" (number-TB/issuer, no colon),
                  signature "T/M", "K/T", "T/L", filing line "Lưu Văn phòng …"
  "joint-notice"  a State notice of two or more bodies: a joint symbol ("…/TBLT-…", "…/TB-UBND-
                  UBMTTQ"), a title "THÔNG BÁO LIÊN TỊCH", a header naming two bodies ("BỘ TÀI CHÍNH
                  - BỘ Y TẾ") or two signature blocks signed on behalf of two bodies (two "TM." lines)
  "other"         anything else (a decision, a plan, an official letter, a news article)

subtype
  notices: "conclusion" (the conclusions of a meeting or working session: "Kết luận …", "Ý kiến
  chỉ đạo …", "… kết luận như sau:") or "announcement" (enrolment, holidays, a procedure, a tax
  warning, a ruling: everything else). Checks that only make sense for a conclusion (S113, S114)
  read it.
  other documents: the type of the title or of the symbol ("quyet-dinh", "ke-hoach", "chi-thi",
  "cong-dien", "cong-van" …), "" when there is neither (a news article).

The kind is reported in the JSON output (`files[].kind`, `files[].subtype`) and in the text summary.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import rx as re

from . import patterns as P

KINDS = ("thong-bao", "party-notice", "joint-notice", "other")


@dataclass(frozen=True)
class NoticeKind:
    """What kind of document a file is (checker.structure.kind), and its subtype."""
    kind: str  # one of KINDS
    subtype: str  # "conclusion" | "announcement" for notices; a document type or "" otherwise

    @property
    def is_notice(self) -> bool:
        return self.kind != "other"


PARTY_HEADER = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
# a Party symbol: "Số 432-TB/VPTW", "Số: 15-TB/TU" (number, hyphen, type code, slash, issuer)
PARTY_SYMBOL = re.compile(r"^Số\s*:?\s*\d*\s*-\s*TB\s*/\s*[A-ZĐ]", re.I)
# a joint symbol: "…/TBLT-…", or TB followed by the codes of two bodies "…/TB-UBND-UBMTTQ"
# a joint symbol: "…/TBLT-…"; TB followed by two bodies' codes where one is a mass organisation
# (never a unit of a State body: "…/TB-UBND-UBMTTQ") or both are ministries ("…/TB-BTC-BYT")
JOINT_SYMBOL = re.compile(r"/\s*TBLT\b|/\s*TB-[A-ZĐ]{2,10}-(?:UB)?(?:MTTQ|LĐLĐ|HND|HLHPN|TĐTN|HCCB)\b"
                          r"|/\s*TB-B[A-ZĐ]{1,6}-B[A-ZĐ]{1,6}\b")
JOINT_TITLE = re.compile(r"^THÔNG\s+BÁO\s+(?:LIÊN\s+TỊCH|CHUNG)\b")
# "BỘ TÀI CHÍNH - BỘ Y TẾ", "ỦY BAN NHÂN DÂN - ỦY BAN MTTQ": two issuing bodies on one header line
_BODY = r"(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|SỞ|VĂN\s+PHÒNG|BỘ|BAN|CỤC|TỈNH\s+ĐOÀN|LIÊN\s+ĐOÀN|HỘI)\b"
JOINT_HEADER = re.compile(r"^" + _BODY + r"[^-–]{2,60}\s[-–]\s" + _BODY)
CONCLUSION = re.compile(
    r"\bkết\s+luận\b|ý\s+kiến\s+(?:chỉ\s+đạo|kết\s+luận)|\bchỉ\s+đạo\s+của\b|kết\s+quả\s+(?:phiên|cuộc|buổi)\s+(?:họp|làm\s+việc)"
    r"|\b(?:phiên|cuộc|buổi)\s+(?:họp|làm\s+việc|kiểm\s+tra|giao\s+ban)\b|\bhội\s+nghị\b",
    re.I,
)
CONCLUDES = re.compile(r"(?:kết\s+luận|chỉ\s+đạo|thống\s+nhất)\s+(?:như\s+sau|các\s+nội\s+dung|một\s+số\s+nội\s+dung)", re.I)
TYPE_CODES = {
    "QĐ": "quyet-dinh", "KH": "ke-hoach", "CT": "chi-thi", "CĐ": "cong-dien", "BC": "bao-cao", "TTr": "to-trinh",
    "HD": "huong-dan", "NQ": "nghi-quyet", "CTr": "chuong-trinh", "QC": "quy-che", "QyĐ": "quy-dinh",
    "TC": "thong-cao", "PA": "phuong-an", "ĐA": "de-an", "BB": "bien-ban", "GM": "giay-moi", "KL": "ket-luan",
}
STATE_SYMBOL = re.compile(r"^Số\s*:?\s*[\d\s]*/(?:\d{4}/)?(?P<code>[A-Za-zĐđ]+)(?:-|$)")
LETTER = re.compile(r"^(?:V/v|Về\s+việc)\b|^Kính\s+gửi\s*:", re.I)
HEAD = 40  # paragraphs looked at for the header, title and opening


def notice_kind(doc) -> NoticeKind:
    """The kind and subtype of a document (cached on the document)."""
    if "notice_kind" not in doc.cache:
        doc.cache["notice_kind"] = _decide(doc)
    return doc.cache["notice_kind"]


def _decide(doc) -> NoticeKind:
    st = doc.structure
    head = [p for p in doc.body_paragraphs[:HEAD] if p.text.strip()]
    texts = [p.text.strip() for p in head]
    if st.kind != "thong-bao":
        return NoticeKind("other", _other_type(st, texts))
    sub = _subtype(doc)
    so = doc.component("so_ky_hieu")
    so_text = so[0].text if so else ""
    if PARTY_SYMBOL.match(so_text) or any(PARTY_HEADER.search(t) for t in texts[:8]):
        return NoticeKind("party-notice", sub)
    title = doc.component("title")
    title_text = title[0].text if title else ""
    tm = [p for p in doc.component("authority") if re.match(r"^(?:TM\s*\.|T/M\b)", p.text.strip())]
    heads = {" ".join(p.text.split()[1:]) for p in tm}
    if (JOINT_SYMBOL.search(so_text) or JOINT_TITLE.match(title_text)
            or any(JOINT_HEADER.match(p.text.strip()) for p in doc.component("issuer"))
            or any(re.search(r"\S\s+(?:TM|KT)\s*\.\s*[A-ZĐ]", p.text) for p in doc.component("authority"))
            or len(heads) >= 2):
        return NoticeKind("joint-notice", sub)
    return NoticeKind("thong-bao", sub)


def _subtype(doc) -> str:
    """'conclusion' when the title, the summary or the opening says the notice gives the
    conclusions of a meeting or a working session; 'announcement' otherwise."""
    summary = " ".join(p.text for p in doc.component("title") + doc.component("trich_yeu"))
    if CONCLUSION.search(summary):
        return "conclusion"
    opening = " ".join(p.text for p in doc.component("opening"))
    if CONCLUDES.search(opening) or CONCLUSION.search(opening[:400]) and re.search(r"chủ\s+trì|chủ\s+tọa", opening, re.I):
        return "conclusion"
    return "announcement"


def _other_type(st, texts: list[str]) -> str:
    if st.doc_type:
        return st.doc_type
    for t in texts:
        if P.DOC_TITLE.match(t):
            return P.DOC_TYPE_TITLES[t.rstrip(": ").upper()]
    for t in texts:
        m = STATE_SYMBOL.match(t)
        if m:
            code = m.group("code")
            if code in TYPE_CODES:
                return TYPE_CODES[code]
            return "cong-van"  # "Số: 11583/VPCP-CN": an issuer code and no type code (ND30 Phụ lục I, II.3.b)
    if any(LETTER.match(t) for t in texts):
        return "cong-van"
    return ""
