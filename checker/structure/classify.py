"""Paragraph → token: the line classifier that feeds the structure grammar.

Each paragraph of the body of a document gets one token type (see grammar/thongbao.lark);
footnotes and separator lines get none. The classifier reads top to bottom with a small state
machine (header → title → căn cứ → opening → body → recipients → signature → annex), because
the same text means different things in different places (an upper-case line is the issuing
body in the header and the signer's title in the signature block).
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import rx as re

from ..model import Paragraph
from ..textnorm import fold, is_upper_text
from . import patterns as P

OPENING_START = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa)?\s*(?:ngày|Ngày)\b|Từ\s+ngày|Sau\s+khi|Trên\s+cơ\s+sở|Thực\s+hiện|Tại\s+phiên|"
    r"Vừa\s+qua|Hôm\s+nay|Dự\s+(?:họp|phiên)|Tham\s+dự|Ủy\s+ban|UBND|Văn\s+phòng|Thường\s+trực|Ban\s+Chỉ\s+đạo|Thủ\s+tướng|Phó\s+Thủ\s+tướng|Chủ\s+tịch|Đồng\s+chí)",
    re.I,
)
OPENING_END = re.compile(r"(?:kết\s+luận|như\s+sau|cụ\s+thể|sau\s+đây)\s*[^.;]{0,40}:\s*$|:\s*$", re.I)
CLOSING_WORDS = re.compile(r"thông\s+báo.{0,300}\b(?:biết|thực\s+hiện|triển\s+khai)|(?:biết|thực\s+hiện)\s*\.?/?\.?$"
                           r"|(?:trân\s+trọng|xin)\s+thông\s+báo\s*\.?/?\.?$", re.I | re.S)
# A drafting note above the title or in the header: "(Dự thảo)", "DỰ THẢO LẦN 2", "Người soạn: …".
# It is no component of the notice and must not hide the components around it.
DRAFT_NOTE = re.compile(
    r"^[(\[]?\s*(?:Dự\s+thảo|DỰ\s+THẢO)(?:\s+(?:lần|LẦN)\s*\S{1,4}|\s+\d{1,2})?\s*(?:\(.{0,40}\))?\s*[)\]]?\s*[:.]?$"
    r"|^[(\[]?\s*(?:Người|Cán\s+bộ|Đơn\s+vị)\s+(?:soạn(?:\s+thảo)?|dự\s+thảo|trình)\s*:.{0,80}$",
    re.I,
)
PUNCT_ONLY = re.compile(r"^[\W_]{1,3}$")
PLACE_START = re.compile(r"^[^\d,]{2,60},\s*ngày\s*\d{0,2}\s*$")
YEAR_ONLY = re.compile(r"^\d{4}\s*\.?$")
SYMBOL_REST = re.compile(r"^\d*\s*/\s*(?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐ0-9.]+)*$|^\d+-[A-ZĐ]+/[A-ZĐ]")
DATE_REST = re.compile(r"^\d{0,2}\s*tháng\s*\S*\s*năm\s*\d{0,4}\s*\.?$")
SIG_NOTE = re.compile(r"^\(?\s*(?:đã\s+ký|ký[, ]+(?:ghi\s+rõ|đóng\s+dấu)|chữ\s+ký|dấu)[^)]*\)?\s*$", re.I)


@dataclass
class Tok:
    """The structure token of one paragraph (QUOC_HIEU, SO, TITLE, ITEM, …)."""
    type: str
    para: int  # index in Document.paragraphs
    interleaved: bool = False  # a recipient line found among the signature lines (columns read in turn)


def classify(paras: list[Paragraph]) -> list[Tok]:
    toks: list[Tok] = []
    state = "header"
    n_opening = 0
    seen_number = date_open = seen_luu = number_open = False
    body_paras = [p for p in paras if not p.footnote]
    by_index = {p.index: p for p in body_paras}
    # the closing formula: the last "./." paragraph before Nơi nhận (or the signature)
    closing_idx = _find_closing(body_paras)
    for p in body_paras:
        t = p.text
        if not t or P.RULE_LINE.match(t) or PUNCT_ONLY.match(t):
            continue
        if state in ("header", "title") and DRAFT_NOTE.match(t):
            continue
        if state == "header":
            if P.QUOC_HIEU.search(t) and len(t) < 80:
                toks.append(Tok("QUOC_HIEU", p.index)); continue
            if P.TIEU_NGU.match(t) or (fold(t[:40]).startswith("doc lap") and "hanh phuc" in fold(t)):
                toks.append(Tok("TIEU_NGU", p.index)); continue
            if P.SO_KY_HIEU.match(t) and len(t) < 80:
                toks.append(Tok("SO", p.index)); seen_number = True; number_open = not t[3:].strip(); continue
            if number_open and SYMBOL_REST.match(t):
                # "Số:" / "37698/TB-CHQ": the number and symbol cut from their label
                toks.append(Tok("SO", p.index)); number_open = False; continue
            number_open = False
            if P.PLACE_DATE.match(t) and len(t) < 90:
                toks.append(Tok("PLACE_DATE", p.index)); seen_number = True
                date_open = bool(re.search(r"năm\s*$", t)); continue
            if P.DOC_TITLE.match(t) or (len(t) < 40 and P.DOC_TITLE.match(t.upper())):
                # the title, also when typed in lower case ("Thông báo": S105 asks for capitals)
                toks.append(Tok("TITLE", p.index)); state = "title"; continue
            if seen_number and P.title_type(t) and is_upper_text(t):
                # "THÔNG BÁO KẾT LUẬN CỦA …": the title and the summary joined on one line (a Party
                # notice's "THÔNG BÁO KẾT LUẬN", or an extraction that lost the line break)
                toks.append(Tok("TITLE", p.index)); state = "cancu"; continue
            if PLACE_START.match(t) and not date_open:
                # "Hà Nội, ngày" / "26 tháng 11 năm 2025": a place-and-date line cut in two
                toks.append(Tok("PLACE_DATE", p.index)); date_open = True; continue
            if date_open and (DATE_REST.match(t) or YEAR_ONLY.match(t)):
                date_open = False; continue
            date_open = False
            if is_upper_text(t) and len(t) < 150 and not P.marker_of(t):
                toks.append(Tok("ISSUER", p.index)); continue
            state = "title"  # no title: go on as if it had been there
        if state in ("title", "cancu", "opening") and n_opening == 0:
            late = _header_token(t)
            if late:  # a header component below the title: the grammar reports it out of order
                toks.append(Tok(late, p.index)); continue
        if state == "title":
            if P.DOC_TITLE.match(t):  # a second title line ("THÔNG BÁO" repeated): keep it visible
                toks.append(Tok("TITLE", p.index)); continue
            if P.CAN_CU.match(t):
                state = "cancu"
            elif not P.marker_of(t) and not OPENING_START.match(t) and len(t) < 400 and not P.NOI_NHAN.match(t) \
                    and p.index != closing_idx:
                toks.append(Tok("TRICH_YEU", p.index)); state = "cancu"; continue
            else:
                state = "cancu"
        if state == "cancu" and toks and toks[-1].type == "TRICH_YEU" and _summary_goes_on(by_index[toks[-1].para].text, t):
            toks.append(Tok("TRICH_YEU", p.index)); continue
        if state == "cancu":
            if P.CAN_CU.match(t):
                toks.append(Tok("CAN_CU", p.index)); continue
            state = "opening"
        if state == "opening":
            if P.marker_of(t) or P.NOI_NHAN.match(t) or p.index == closing_idx or n_opening >= 3 or p.upper:
                state = "body"
            else:
                toks.append(Tok("OPENING", p.index))
                n_opening += 1
                if OPENING_END.search(t):
                    state = "body"
                continue
        if state == "body":
            if p.index == closing_idx:
                toks.append(Tok("CLOSING", p.index)); continue
            if P.NOI_NHAN.match(t):
                toks.append(Tok("NOI_NHAN", p.index)); state = "recipients"; continue
            if closing_idx is not None and p.index > closing_idx and (t.startswith(("-", "+", "•")) or P.LUU.match(t)):
                # recipients right after the closing, with no "Nơi nhận:" above them
                if P.LUU.match(t):
                    toks.append(Tok("LUU", p.index)); seen_luu = True
                else:
                    toks.append(Tok("RECIPIENT", p.index))
                state = "recipients"; continue
            if P.AUTHORITY.match(t) and is_upper_text(t):
                toks.append(Tok("AUTHORITY", p.index)); state = "signature"; continue
            if closing_idx is not None and p.index > closing_idx and is_upper_text(t) and len(t) < 80:
                toks.append(Tok("SIG_TITLE", p.index)); state = "signature"; continue
            m = P.marker_of(t)
            if m:
                toks.append(Tok("BULLET" if m[0] == "bullet" else "ITEM", p.index))
            else:
                toks.append(Tok("TEXT", p.index))
            continue
        if state == "recipients" and seen_luu and not t.startswith(("-", "+", "–", "•")):
            state = "signature"  # the filing line closes the block: what follows is the signature
        if state == "recipients":
            if P.LUU.match(t):
                toks.append(Tok("LUU", p.index)); seen_luu = True; continue
            if P.AUTHORITY.match(t):
                toks.append(Tok("AUTHORITY", p.index)); state = "signature"; continue
            if is_upper_text(t) and not t.startswith(("-", "+", "–")) and not t.endswith((";", ",")):
                toks.append(Tok("SIG_TITLE", p.index)); state = "signature"; continue
            if t.startswith(("-", "+", "–", "•")) or len(t) < 200:
                toks.append(Tok("RECIPIENT", p.index)); continue
            state = "signature"
        if state == "signature":
            if P.APPENDIX.match(t):
                toks.append(Tok("ANNEX", p.index)); state = "annex"; continue
            if SIG_NOTE.match(t):
                continue
            if _recipient_line(t) and (toks and toks[-1].type in ("NOI_NHAN", "RECIPIENT", "LUU", "AUTHORITY", "SIG_TITLE")
                                       or any(x.type == "NOI_NHAN" for x in toks)):
                # the Nơi nhận column and the signature column read line by line in turn (a PDF
                # extraction): a recipient line among the signature lines
                toks.append(Tok("LUU" if P.LUU.match(t) else "RECIPIENT", p.index, interleaved=True)); continue
            if P.AUTHORITY.match(t):
                toks.append(Tok("AUTHORITY", p.index)); continue
            if is_upper_text(t) and len(t) < 80 and (not _looks_like_name(t) or _title_follows(body_paras, p)):
                toks.append(Tok("SIG_TITLE", p.index)); continue
            toks.append(Tok("SIGNER", p.index)); state = "after_signer"; continue
        if state == "after_signer":
            if _recipient_line(t) and any(x.type == "NOI_NHAN" for x in toks) and not any(x.type == "LUU" for x in toks):
                toks.append(Tok("LUU" if P.LUU.match(t) else "RECIPIENT", p.index, interleaved=True)); continue
            if P.AUTHORITY.match(t) and is_upper_text(t) and len(t) < 120:
                # the second signature block of a joint notice
                toks.append(Tok("AUTHORITY", p.index)); state = "signature"; continue
            if P.APPENDIX.match(t):
                toks.append(Tok("ANNEX", p.index)); state = "annex"; continue
            toks.append(Tok("ANNEX_TEXT", p.index)); continue
        if state == "annex":
            toks.append(Tok("ANNEX" if P.APPENDIX.match(t) else "ANNEX_TEXT", p.index))
    return toks


def _recipient_line(t: str) -> bool:
    """A line of the Nơi nhận column: "- Như trên;", "- Lưu: VT, TH."."""
    return bool(P.LUU.match(t)) or (t[:1] in "-+–•" and len(t) < 200)


def _summary_goes_on(prev: str, t: str) -> bool:
    """The trích yếu set on several lines: an upper-case summary followed by more upper-case words
    ("KẾT LUẬN CỦA PHÓ CHỦ TỊCH UBND TỈNH" / "TẠI CUỘC HỌP VỀ …"), or a summary line that does not end
    a sentence followed by a line that starts in lower case."""
    if not t or P.marker_of(t) or P.CAN_CU.match(t) or OPENING_START.match(t) or len(t) > 300:
        return False
    if is_upper_text(t) and (is_upper_text(prev) or (len(prev) <= 3 and prev.isalpha() and prev.isupper())):
        # also a word cut off the summary's first line by a wrapped extraction ("Ý" / "KIẾN CHỈ ĐẠO …")
        return True
    return t[0].islower() and not P.is_terminal(prev)


def _header_token(t: str) -> str | None:
    if P.QUOC_HIEU.search(t) and len(t) < 80:
        return "QUOC_HIEU"
    if P.TIEU_NGU.match(t):
        return "TIEU_NGU"
    if P.SO_KY_HIEU.match(t) and "/" in t and len(t) < 60:
        return "SO"
    if P.PLACE_DATE.match(t) and len(t) < 90:
        return "PLACE_DATE"
    return None


def _title_follows(paras: list[Paragraph], p: Paragraph) -> bool:
    """The next non-empty paragraph is a signer's title ("PHÓ TRƯỞNG BAN"): the line before it
    ("THUẾ HQ", the rest of a wrapped "KT. TRƯỞNG BAN NGHIỆP VỤ") is not the signer's name."""
    k = next((i for i, q in enumerate(paras) if q.index == p.index), None)
    if k is None:
        return False
    for q in paras[k + 1: k + 3]:
        t = q.text.strip()
        if not t or SIG_NOTE.match(t):
            continue
        return bool(is_upper_text(t) and (P.AUTHORITY.match(t) or re.match(r"^(?:PHÓ|THỨ\s+TRƯỞNG|Q\.)\s", t)))
    return False


def _looks_like_name(t: str) -> bool:
    """An upper-case personal name ("NGUYỄN VĂN SƠN") in the signature block."""
    words = t.replace(".", " ").split()
    if not 2 <= len(words) <= 5:
        return False
    if any(not re.search(r"[AEIOUYÀ-ỸĐ]", w.replace("Đ", "")) for w in words):
        return False  # "THUẾ HQ": a word with no vowel is an abbreviation, not a name
    titles = {"CHỦ", "TỊCH", "PHÓ", "CHÁNH", "PHÒNG", "GIÁM", "ĐỐC", "TRƯỞNG", "BỘ", "THỦ", "TƯỚNG",
              "NHIỆM", "BAN", "ỦY", "UỶ", "TM", "KT", "TL", "TUQ", "CỤC", "VỤ", "TRƯỞNG,", "BÍ", "THƯ", "THƯỜNG", "TRỰC"}
    return not any(w.strip(",") in titles for w in words)


def _find_closing(paras: list[Paragraph]) -> int | None:
    """Index of the closing-formula paragraph: the last body paragraph before Nơi nhận or the
    signature that ends with './.' or says '… thông báo … biết, thực hiện'."""
    end = len(paras)
    for k, p in enumerate(paras):
        if P.NOI_NHAN.match(p.text) or (P.AUTHORITY.match(p.text) and is_upper_text(p.text)):
            end = k
            break
    # a "./." anywhere before the end, the last one wins
    dotted = next((k for k in range(end - 1, -1, -1) if P.CLOSING_END.search(paras[k].text)), None)
    # a closing-like sentence among the last three paragraphs (above the recipients' lines when
    # their "Nơi nhận:" heading is missing); below the last "./." it is the closing that lost its
    # mark (a ruling whose quoted text ends "…Việt Nam./." above "… thông báo để … biết và thực hiện")
    while end > 0 and _recipient_line(paras[end - 1].text):
        end -= 1
    for k in range(end - 1, max(-1, end - 4, dotted if dotted is not None else -1), -1):
        t = paras[k].text
        if CLOSING_WORDS.search(t) and len(t) < 600 and not P.marker_of(t):
            return paras[k].index
    return paras[dotted].index if dotted is not None else None
