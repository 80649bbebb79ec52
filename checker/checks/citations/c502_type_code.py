"""C502 — Tên loại văn bản không khớp với ký hiệu

Cái gì: tên loại văn bản viết trong câu không khớp với chữ viết tắt tên loại trong ký hiệu
("Nghị quyết số 12/QĐ-UBND": QĐ là Quyết định), ký hiệu theo mẫu văn bản quy phạm pháp luật
(số/năm/…) thiếu chữ viết tắt tên loại, hoặc cơ quan trong ký hiệu không ban hành loại văn bản đó
("Quyết định số 163/2024/QH15": Quốc hội ban hành luật, nghị quyết), hoặc một "Công văn" mà ký
hiệu mở đầu bằng chữ viết tắt tên loại khác rồi đến mã một cơ quan đã biết ("Công văn số
315/BC-BKHCN": BC là Báo cáo; ký hiệu công văn chỉ gồm mã cơ quan và đơn vị). "Văn bản số …" là
cách gọi chung mọi văn bản, không bị báo.
Tại sao: một trong hai chỗ sai thì người đọc không biết đang nói văn bản nào; tra theo ký hiệu có thể
ra một văn bản khác.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục III, Mục I (chữ viết tắt tên loại văn bản hành chính) và
Phụ lục I, Mục II.3.b; Nghị định 34/2016/NĐ-CP, Điều 58 (ký hiệu văn bản quy phạm pháp luật gồm
loại văn bản và cơ quan ban hành); Luật Ban hành văn bản quy phạm pháp luật 2025 (64/2025/QH15),
Điều 4 (thẩm quyền ban hành từng loại văn bản); Hướng dẫn 36-HD/VPTW (văn bản của Đảng).
Ví dụ sai: "Nghị quyết số 12/QĐ-UBND", "Quyết định số 163/2024/QH15", "Công văn số 315/BC-BKHCN".
Ví dụ đúng: "Nghị quyết số 12/NQ-HĐND", "Quyết định số 12/QĐ-UBND", "Nghị quyết số 163/2024/QH15".
Cách sửa: đối chiếu bản gốc, sửa tên loại hoặc ký hiệu cho đúng.
---
What: the type name in the sentence does not match the type abbreviation in the symbol
("Nghị quyết số 12/QĐ-UBND": QĐ is a Quyết định), a normative-style symbol (number/year/…) lacks
the type abbreviation, or the body in the symbol does not issue that type ("Quyết định số
163/2024/QH15": the National Assembly issues laws and resolutions), or a "Công văn" whose symbol
opens with another type's code followed by a known body's code ("Công văn số 315/BC-BKHCN": BC is
a Báo cáo; a công văn's symbol holds only the body's and unit's codes). "Văn bản số …" names any
document and is not reported.
Why: one of the two is wrong, and a look-up by symbol may find another document.
Rule: Decree 30/2020/NĐ-CP, Annex III, Section I and Annex I, II.3.b; Decree 34/2016/NĐ-CP,
Article 58; Law 64/2025/QH15, Article 4; Party guideline 36-HD/VPTW.
Fix: check the original and correct the type name or the symbol.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import canon, citations, doc_type, issuer_info, tables
from ...textnorm import fold
from ._common import data, head_span


def _owner_names(code: str, party: bool) -> list[str]:
    t = tables()
    owners = (t.party_code_owner if party else t.state_code_owner).get(code, [])
    return [o.name for o in owners]


def _cong_van(c, dtp):
    """"Công văn số 315/BC-BKHCN": a công văn's symbol is number/ISSUER-UNIT (ND30 Phụ lục I,
    II.3.b); when it opens with another type's code and then a known issuer, it is that type."""
    if c.style == "party" or not c.type_code or not c.issuer_codes or c.type_from != "name":
        return None
    if fold(c.type_name) in dtp.generic_names or not issuer_info(c.issuer_codes[0]):
        return None
    code = canon(c.type_code)
    if issuer_info(code):
        return None  # a body's own code ("CT" of a Cục Thuế): not a type
    owners = [o for o in tables().state_code_owner.get(code, []) if not o.any_code]
    if not owners:
        return None
    s0, s1 = head_span(c)
    want = owners[0].name
    return Hit(Msg(f"Tên loại \"{c.type_name}\" nhưng ký hiệu \"{c.symbol}\" mang chữ viết tắt \"{code}\" của "
                   f"{', '.join(o.name for o in owners)} (ký hiệu công văn không có chữ viết tắt tên loại).",
                   f"The type is \"{c.type_name}\" but the symbol \"{c.symbol}\" carries \"{code}\", the "
                   f"abbreviation of {', '.join(o.name for o in owners)} (a công văn's symbol has no type code)."),
               para=c.para, start=c.type_span[0], end=c.type_span[1], data=data(c), suggestion=want,
               hint=Msg("Đối chiếu bản gốc: sửa tên loại hoặc ký hiệu cho khớp nhau.",
                        "Check the original: correct either the type name or the symbol."))


@rule("C502", varies=(("warning",), Msg('Cảnh báo khi ký hiệu có năm (mẫu văn bản quy phạm pháp luật) mà thiếu chữ viết tắt tên loại; lỗi khi tên loại và ký hiệu mâu thuẫn.',
                        'A warning when a symbol with a year (the normative format) lacks the type abbreviation; an error when the type name and the symbol contradict each other.')), name="type-code", severity="error",
      title=Msg("Tên loại văn bản không khớp với ký hiệu", "Type name and symbol disagree"))
def check(doc):
    for c in citations(doc):
        dtp = c.dtype
        if dtp is None or c.type_from not in ("name", "list") or not c.symbol:
            continue
        if dtp.any_code:
            hit = _cong_van(c, dtp)
            if hit:
                yield hit
            continue
        party = c.style == "party"
        s0, s1 = head_span(c)
        name = c.type_name if c.type_from == "name" else dtp.name
        if c.type_code:
            code = canon(c.type_code)
            allowed = dtp.party_codes if party else dtp.codes
            if code in allowed:
                continue
            owners = _owner_names(code, party)
            if not owners:
                continue
            want = "/".join(allowed) if allowed else None
            vi_want = f" (tên loại {dtp.name} có chữ viết tắt {want})" if want else ""
            en_want = f" ({dtp.name} is abbreviated {want})" if want else ""
            yield Hit(Msg(f"Tên loại \"{name}\" nhưng ký hiệu \"{c.symbol}\" mang chữ viết tắt \"{code}\" của "
                          f"{', '.join(owners)}{vi_want}.",
                          f"The type is \"{name}\" but the symbol \"{c.symbol}\" carries \"{code}\", the "
                          f"abbreviation of {', '.join(owners)}{en_want}."),
                      para=c.para, start=s0, end=s1, data=data(c),
                      hint=Msg("Đối chiếu bản gốc: sửa tên loại hoặc ký hiệu cho khớp nhau.",
                               "Check the original: correct either the type name or the symbol."))
            continue
        # no type code in the symbol
        restricted = [i for i in (issuer_info(x) for x in c.issuer_codes) if i and i.issues]
        if restricted:
            iss = restricted[0]
            if dtp.key not in iss.issues:
                kinds = ", ".join(doc_type(k).name for k in iss.issues)
                yield Hit(Msg(f"\"{name} số {c.symbol}\": {iss.name} không ban hành {dtp.name} (chỉ ban hành: {kinds}).",
                              f"\"{name} số {c.symbol}\": the {iss.name} does not issue a {dtp.name} (only: {kinds})."),
                          para=c.para, start=s0, end=s1, data=data(c),
                          hint=Msg("Đối chiếu bản gốc: sửa tên loại hoặc ký hiệu.",
                                   "Check the original: correct the type name or the symbol."))
            continue
        if c.year and not party and dtp.codes and not dtp.law_like:
            yield Hit(Msg(f"Ký hiệu \"{c.symbol}\" có năm ban hành (mẫu văn bản quy phạm pháp luật) nhưng thiếu chữ viết "
                          f"tắt tên loại \"{dtp.codes[0]}\" của {name}.",
                          f"The symbol \"{c.symbol}\" has a year (the normative format) but lacks the type "
                          f"abbreviation \"{dtp.codes[0]}\" of a {name}."),
                      para=c.para, start=s0, end=s1, severity="warning", data=data(c),
                      hint=Msg("Ghi đủ: số/năm/LOẠI-CƠ QUAN, ví dụ 42/2018/QĐ-UBND.",
                               "Write number/year/TYPE-ISSUER, e.g. 42/2018/QĐ-UBND."))
