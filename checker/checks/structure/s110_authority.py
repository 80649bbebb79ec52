"""S110 — Quyền hạn và chức vụ của người ký

Cái gì: thiếu quyền hạn, chức vụ của người ký; chức vụ cấp phó ("PHÓ …", "THỨ TRƯỞNG") không có
dòng "KT." ngay trên; văn bản của tập thể (Ủy ban nhân dân, Hội đồng nhân dân, Chính phủ) do Chủ
tịch (Thủ tướng) ký mà không có dòng "TM. <tập thể>"; dòng quyền hạn đặt dưới chức vụ
("PHÓ CHỦ TỊCH / KT. CHỦ TỊCH"); hoặc quyền hạn không khớp với chức vụ ghi bên dưới: "KT." (ký thay người đứng đầu) phải đi với chức vụ cấp phó; "TL." (thừa lệnh) với chức vụ
người đứng đầu đơn vị (Chánh Văn phòng, Trưởng phòng…) hoặc một "KT." của người đó; "TM." (thay
mặt) đứng trước tên tập thể (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ), không trước chức vụ một người;
chữ viết tắt quyền hạn thiếu dấu chấm.
Tại sao: quyền hạn cho biết người ký ký với tư cách gì; sai quyền hạn là sai thẩm quyền ký.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I, Phần I, Mục II.7.b.
Ví dụ sai: "KT. CHÁNH VĂN PHÒNG / CHÁNH VĂN PHÒNG"; "TL. CHỦ TỊCH / PHÓ CHÁNH VĂN PHÒNG";
"TM. CHỦ TỊCH"; "KT CHÁNH VĂN PHÒNG".
Ví dụ đúng: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG";
"KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM"; "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
Cách sửa: chọn quyền hạn đúng với người thực ký và ghi chức vụ của họ ngay dưới.
---
What: the signer's authority and title are missing; a deputy's title ("PHÓ …", "THỨ TRƯỞNG") has
no "KT." line right above it; a collegial body's notice (People's Committee or Council, the
Government) is signed by its chair (the Prime Minister) with no "TM. <body>" line; an authority
line put below the title it governs ("PHÓ CHỦ TỊCH / KT. CHỦ TỊCH"); or authority and title disagree: "KT." (signing for the
head) goes with a deputy's title; "TL." (by order) with a unit head's title (Chánh Văn phòng,
Trưởng phòng…) or a "KT." of that head; "TM." (on behalf of) stands before a collective body,
not a person's title; an authority abbreviation lacks its full stop.
Why: the authority says in what capacity the signer signs; a wrong one means a wrong signature.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(g); Annex I, Part I, Section II.7.b.
Fix: choose the authority of the person who actually signs and put their title right under it.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...engine import Hit, rule
from ...structure import patterns as P
from ._place import at_start_of

DEPUTY = re.compile(r"^(?:PHÓ|THỨ\s+TRƯỞNG)\b")
HEAD_OF_COLLEGIAL = re.compile(r"^(?:CHỦ\s+TỊCH|Q\.\s*CHỦ\s+TỊCH|THỦ\s+TƯỚNG)\b")
# the Government is collegial too (Luật Tổ chức Chính phủ): "TM. CHÍNH PHỦ / THỦ TƯỚNG"; the Prime
# Minister's own documents have the header "THỦ TƯỚNG CHÍNH PHỦ" and are not matched
COLLEGIAL_ISSUER = re.compile(r"^(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)\b")
UNIT_HEAD = re.compile(r"^(?:CHÁNH|TRƯỞNG|GIÁM\s+ĐỐC|VỤ\s+TRƯỞNG|CỤC\s+TRƯỞNG|CHI\s+CỤC\s+TRƯỞNG|THỦ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|CHỦ\s+NHIỆM)\b")
COLLECTIVE = re.compile(r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|BAN\b|THƯỜNG\s+TRỰC|ĐOÀN|TẬP\s+THỂ|CHÍNH\s+PHỦ|BỘ\s+CHÍNH\s+TRỊ|TỈNH\s+ỦY|HUYỆN\s+ỦY|ĐẢNG\s+ỦY)")
NO_DOT = re.compile(r"^(TM|KT|TL|TUQ)\s+(?=[A-ZĐ])")


@rule("S110", varies=(('warning',), Msg('Cảnh báo khi "TL." đứng trên chức vụ cấp phó (nên thêm "KT."), một cách ký có thể đúng theo quy chế của cơ quan; lỗi khi thiếu hoặc dùng sai quyền hạn.',
                        'A warning when "TL." stands above a deputy\'s title (a "KT." line is expected), which an office\'s own rules may allow; an error when the authority is missing or wrong.')), name="signature-authority", severity="error", kinds=("thong-bao",), fixable=True,
      title=Msg("Quyền hạn, chức vụ người ký", "Signing authority and title"))
def check(doc):
    st = doc.structure
    auths = doc.component("authority")
    titles = doc.component("sig_title")
    # the signing column put beside the Nơi nhận lines by a PDF extraction ("Nơi nhận: KT. GIÁM ĐỐC")
    for i in sorted(st.side):
        part = st.side_part(doc.paragraphs[i])
        (auths if P.AUTHORITY.match(part.text) else titles).append(part)
    if not auths and not titles:
        anchor = st.first("signer")
        if anchor is None:
            recips = st.components.get("luu") or st.components.get("recipient") or st.components.get("noi_nhan")
            anchor = recips[-1] if recips else None
        yield at_start_of(doc, anchor,
                          Msg("Thiếu quyền hạn, chức vụ của người ký (ví dụ \"TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG\").",
                              "The signer's authority and title are missing (e.g. \"TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG\")."))
        return
    seq = []
    continued = False
    for p in sorted(auths + titles, key=lambda p: (p.index, p.offsets[0])):
        # "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM": a title broken after a comma continues on the next line
        if continued and not P.AUTHORITY.match(p.text):
            continued = p.text.rstrip().endswith(",")
            continue
        seq.append(p)
        continued = p.text.rstrip().endswith(",")
    for p in titles:
        m = NO_DOT.match(p.text)
        if m:
            fixed = m.group(1) + ". "
            yield Hit(Msg(f"Chữ viết tắt quyền hạn \"{m.group(1)}\" phải có dấu chấm: \"{m.group(1)}.\".",
                          f"The authority abbreviation \"{m.group(1)}\" takes a full stop: \"{m.group(1)}.\"."),
                      para=p, start=0, end=m.end(), suggestion=fixed, replacement=fixed)
    wrapped: set[int] = set()
    seq = _join_wrapped(seq, wrapped)
    hits = list(_pairs(seq, wrapped))
    # one finding per block: a wrong pair of lines is the finding; only a block whose lines agree
    # is then checked for the line it lacks (KT. over a deputy, TM. of a collegial body, TL.)
    yield from hits or _deputy_and_collegial(doc, seq, wrapped)


def _pairs(seq, wrapped=frozenset()):
    """Each authority line against the line below it (`wrapped`: the paragraphs of "TM." lines
    whose body's name goes on on the next line)."""
    for k, p in enumerate(seq):
        am = P.AUTHORITY.match(p.text)
        if not am:
            continue
        auth, rest = am.group("auth").replace("/", ""), am.group("rest").strip()  # Party "K/T" is "KT."
        nxt = seq[k + 1] if k + 1 < len(seq) else None
        nxt_auth = P.AUTHORITY.match(nxt.text).group("auth") if nxt is not None and P.AUTHORITY.match(nxt.text) else None
        nxt_title = nxt.text.strip() if nxt is not None and nxt_auth is None else ""
        prev_title = k > 0 and not P.AUTHORITY.match(seq[k - 1].text)
        if nxt is None and prev_title:
            # "PHÓ CHỦ TỊCH" / "KT. CHỦ TỊCH", "CHỦ TỊCH" / "TM. ỦY BAN NHÂN DÂN": the authority under
            # the title it governs
            title = " ".join(seq[k - 1].text.split())
            yield Hit(Msg(f"Dòng quyền hạn \"{' '.join(p.text.split())}\" phải đứng trên chức vụ \"{title}\", không ở dưới.",
                          f"The authority line \"{' '.join(p.text.split())}\" goes above the title \"{title}\", not below it."),
                      para=p, start=0, end=len(p.text))
            continue
        if auth == "TM" and rest and not COLLECTIVE.match(rest) and p.index not in wrapped:
            yield Hit(Msg(f"\"TM.\" (thay mặt) đứng trước tên tập thể, không trước chức vụ \"{rest}\".",
                          f"\"TM.\" (on behalf of) precedes a collective body, not the title \"{rest}\"."),
                      para=p, start=0, end=len(p.text))
        if auth == "KT" and nxt is not None and nxt_auth is None and not DEPUTY.match(nxt_title):
            yield Hit(Msg(f"\"KT. {rest}\" là cấp phó ký thay cấp trưởng: chức vụ bên dưới phải là cấp phó (\"PHÓ …\"), "
                          f"không phải \"{nxt_title}\".",
                          f"\"KT. {rest}\" means a deputy signs for the head: the title below must be a deputy's "
                          f"(\"PHÓ …\"), not \"{nxt_title}\"."),
                      para=nxt, start=0, end=len(nxt.text))
        if auth == "KT" and nxt is None:
            yield Hit(Msg(f"Sau \"KT. {rest}\" thiếu chức vụ của cấp phó ký thay.",
                          f"\"KT. {rest}\" is not followed by the deputy's title."),
                      para=p, start=0, end=len(p.text))
        if auth == "TL" and nxt is not None and nxt_auth is None and DEPUTY.match(nxt_title):
            yield Hit(Msg(f"\"TL. {rest}\" đi với chức vụ người đứng đầu đơn vị; cấp phó ký thì ghi thêm \"KT.\" "
                          f"(ví dụ \"KT. CHÁNH VĂN PHÒNG\") trên \"{nxt_title}\".",
                          f"\"TL. {rest}\" goes with a unit head's title; a deputy signs with an extra \"KT.\" line "
                          f"above \"{nxt_title}\"."),
                      para=nxt, start=0, end=len(nxt.text), severity="warning")
        if auth in ("TL", "TUQ") and nxt is None:
            yield Hit(Msg(f"Sau \"{auth}. {rest}\" thiếu chức vụ của người ký.",
                          f"\"{auth}. {rest}\" is not followed by the signer's title."),
                      para=p, start=0, end=len(p.text))


def _join_wrapped(seq, wrapped: set[int]):
    """"KT. CHÁNH" / "VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG": a head's title wrapped onto the next line
    (the deputy's title below repeats it after "PHÓ") is one line, not a title of its own."""
    out = []
    k = 0
    while k < len(seq):
        p = seq[k]
        am = P.AUTHORITY.match(p.text)
        if (am and am.group("auth").replace("/", "") == "TM" and k + 1 < len(seq) and not P.AUTHORITY.match(seq[k + 1].text)
                and not COLLECTIVE.match(am.group("rest").strip())
                and COLLECTIVE.match(" ".join((am.group("rest") + " " + seq[k + 1].text).split()))):
            # "TM. CHÍNH" / "PHỦ", "TM." / "ỦY BAN NHÂN DÂN": the collective body's name wrapped
            out.append(p)
            wrapped.add(p.index)
            k += 2
            continue
        if am and k + 2 < len(seq) and not P.AUTHORITY.match(seq[k + 1].text):
            head = " ".join((am.group("rest") + " " + seq[k + 1].text).split())
            deputy = " ".join(seq[k + 2].text.split())
            if deputy.startswith("PHÓ " + head) or (am.group("auth").replace("/", "") == "KT" and DEPUTY.match(deputy)
                                                     and not DEPUTY.match(seq[k + 1].text.strip())
                                                     and not P.AUTHORITY.match(seq[k + 2].text)):
                # "KT. TRƯỞNG BAN NGHIỆP VỤ" / "THUẾ HQ" / "PHÓ TRƯỞNG BAN"
                out.append(p)
                k += 2
                continue
        out.append(p)
        k += 1
    return out


OFFICE_HEAD = re.compile(r"^(?:CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|VỤ\s+TRƯỞNG|CHÁNH\s+THANH\s+TRA)\b")
OFFICE = re.compile(r"^(?:VĂN\s+PHÒNG|PHÒNG|VỤ|THANH\s+TRA)\b")


def _issuer(doc) -> str | None:
    names = [p.text.strip() for p in doc.component("issuer") if P.ISSUER_START.match(p.text.strip())]
    return names[-1] if names else None


def _issuer_is_collegial(doc) -> str | None:
    """The collegial body that issues the notice ("ỦY BAN NHÂN DÂN"), or None: the last header line
    that names a body is the issuer ("UBND TỈNH HÀ GIANG / VĂN PHÒNG" is issued by the office)."""
    issuer = " ".join(" ".join(p.text.split()) for p in doc.component("issuer"))
    if issuer == "CHÍNH PHỦ":  # the Government's own header (not "VĂN PHÒNG / CHÍNH PHỦ" wrapped)
        return issuer
    names = [p.text.strip() for p in doc.component("issuer") if P.ISSUER_START.match(p.text.strip())]
    if not names:
        return None
    m = COLLEGIAL_ISSUER.match(names[-1])
    return m.group(0) if m else None


def _deputy_and_collegial(doc, seq, wrapped=frozenset()):
    """A deputy's title with no "KT." line right above it; a collegial body's head signing with no
    "TM." line (ND30 Điều 13; Phụ lục I, mục 7)."""
    if not seq:
        return
    am = [P.AUTHORITY.match(p.text) for p in seq]
    auth = [m.group("auth").replace("/", "") if m else None for m in am]
    for k, p in enumerate(seq):
        if auth[k] is not None or not DEPUTY.match(p.text.strip()):
            continue
        above = auth[k - 1] if k > 0 else None
        if above in ("KT", "TL", "Q"):
            continue  # KT. is right; TL. over a deputy has its own finding above
        if above == "TM" and not COLLECTIVE.match(am[k - 1].group("rest").strip()) and seq[k - 1].index not in wrapped:
            continue  # "TM. CHỦ TỊCH / PHÓ CHỦ TỊCH": the misused TM. is the finding, one is enough
        title = " ".join(p.text.split())
        yield Hit(Msg(f"\"{title}\" là cấp phó ký thay cấp trưởng: thiếu dòng \"KT. <chức vụ cấp trưởng>\" ngay trên.",
                      f"\"{title}\" is a deputy signing for the head: the line \"KT. <head's title>\" is missing right "
                      "above it."),
                  para=p, start=0, end=len(p.text))
        return
    first = seq[0]
    rest = am[0].group("rest").strip() if am[0] else first.text.strip()
    issuer = _issuer(doc)
    if (issuer is not None and not OFFICE.match(issuer) and auth[0] in (None, "KT") and OFFICE_HEAD.match(rest)
            and not any(a in ("TL", "TUQ") for a in auth)):
        # the head of an office or unit signs a notice of the body above it: by order ("TL.")
        yield Hit(Msg(f"\"{' '.join(first.text.split())}\" là người đứng đầu đơn vị giúp việc ký văn bản của \"{issuer}\": "
                      "thiếu dòng \"TL. <chức vụ người đứng đầu cơ quan>\" ở trên.",
                      f"\"{' '.join(first.text.split())}\" heads a unit and signs a document of \"{issuer}\": the line "
                      "\"TL. <title of the body's head>\" is missing above it."),
                  para=first, start=0, end=len(first.text))
        return
    body = _issuer_is_collegial(doc)
    if body is None or any(a == "TM" for a in auth):
        return
    if (auth[0] in (None, "KT", "Q")) and HEAD_OF_COLLEGIAL.match(rest):
        yield Hit(Msg(f"Thông báo của tập thể ({body}) do người đứng đầu ký thay mặt: thiếu dòng \"TM. {body}\" "
                      f"trên \"{' '.join(first.text.split())}\".",
                      f"A notice of a collegial body ({body}) signed by its head: the line \"TM. {body}\" is missing "
                      f"above \"{' '.join(first.text.split())}\"."),
                  para=first, start=0, end=len(first.text))
