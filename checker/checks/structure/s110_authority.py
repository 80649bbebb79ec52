"""S110 — Quyền hạn và chức vụ của người ký

Cái gì: thiếu quyền hạn, chức vụ của người ký; hoặc quyền hạn không khớp với chức vụ ghi bên
dưới: "KT." (ký thay người đứng đầu) phải đi với chức vụ cấp phó; "TL." (thừa lệnh) với chức vụ
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
What: the signer's authority and title are missing, or they disagree: "KT." (signing for the
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

DEPUTY = re.compile(r"^PHÓ\b")
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
    for p in sorted(auths + titles, key=lambda p: p.index):
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
    for k, p in enumerate(seq):
        am = P.AUTHORITY.match(p.text)
        if not am:
            continue
        auth, rest = am.group("auth"), am.group("rest").strip()
        nxt = seq[k + 1] if k + 1 < len(seq) else None
        nxt_auth = P.AUTHORITY.match(nxt.text).group("auth") if nxt is not None and P.AUTHORITY.match(nxt.text) else None
        nxt_title = nxt.text.strip() if nxt is not None and nxt_auth is None else ""
        if auth == "TM" and rest and not COLLECTIVE.match(rest):
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
