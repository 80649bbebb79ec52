"""S112 — Thành phần đặt sai vị trí

Cái gì: một thành phần thể thức đứng sai chỗ so với thứ tự bắt buộc của thông báo: phần đầu
(Quốc hiệu, cơ quan ban hành, số, ký hiệu, địa danh, ngày) → tên loại → trích yếu → (căn cứ) →
mở đầu → nội dung → câu kết thúc → Nơi nhận → chữ ký → phụ lục. Ví dụ: dòng "Số:" nằm sau tên
loại, Nơi nhận đứng giữa phần nội dung, có nội dung sau câu kết thúc "./.".
Tại sao: thứ tự và vị trí các thành phần là thể thức bắt buộc (sơ đồ bố trí tại Phụ lục I, Mục IV).
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, Mục IV; Phụ lục III, Mẫu 1.4.
Ví dụ sai: "THÔNG BÁO" / "Số: 12/TB-UBND" / "Kết luận …".
Ví dụ đúng: "Số: 12/TB-UBND" (phần đầu) / … / "THÔNG BÁO" / "Kết luận …".
Mỗi thành phần sai chỗ là một phát hiện (các đoạn liền nhau của nó gộp làm một). Khi nhiều thành
phần cùng lệch (bố cục hai cột bị trộn khi chuyển từ PDF), rasoat nói một lần rằng không xác định
được thứ tự, tại chỗ bắt đầu lộn xộn.
Cách sửa: chuyển thành phần về đúng vị trí (xem grammar/thongbao.lark).
---
What: a component stands out of the required order of a notice: header (national title,
issuing body, number, place and date) → title → summary → (legal bases) → opening → body →
closing → recipients → signature → annexes. E.g. "Số:" after the title, the recipients block in
the middle of the body, text after the closing "./.".
Why: the order and position of the components are part of the mandatory form (layout map in
Annex I, Section IV).
Rule: Decree 30/2020/NĐ-CP, Article 8(2); Annex I, Part I, Section IV; Annex III, Form 1.4.
One finding per misplaced component (its consecutive paragraphs count once). When several
components are out of place at once (a two-column layout interleaved by a PDF extraction), it
says once that the order cannot be told, where the disorder begins.
Fix: move the component to its place (see grammar/thongbao.lark).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule

NAMES = {
    "QUOC_HIEU": ("Quốc hiệu", "the national title"), "TIEU_NGU": ("Tiêu ngữ", "the motto"),
    "ISSUER": ("tên cơ quan ban hành", "the issuing body"), "SO": ("dòng \"Số:\"", "the \"Số:\" line"),
    "PLACE_DATE": ("dòng địa danh, ngày tháng", "the place-and-date line"), "TITLE": ("tên loại văn bản", "the title"),
    "TRICH_YEU": ("trích yếu", "the summary line"), "CAN_CU": ("dòng căn cứ", "a legal-basis line"),
    "OPENING": ("đoạn mở đầu", "the opening paragraph"), "ITEM": ("mục nội dung", "a body item"),
    "BULLET": ("ý nội dung", "a body bullet"), "TEXT": ("đoạn nội dung", "a body paragraph"),
    "CLOSING": ("câu kết thúc", "the closing sentence"), "NOI_NHAN": ("\"Nơi nhận:\"", "\"Nơi nhận:\""),
    "RECIPIENT": ("dòng nơi nhận", "a recipient line"), "LUU": ("dòng \"Lưu: VT\"", "the \"Lưu: VT\" line"),
    "AUTHORITY": ("quyền hạn người ký", "the signing authority"), "SIG_TITLE": ("chức vụ người ký", "the signer's title"),
    "SIGNER": ("họ tên người ký", "the signer's name"), "ANNEX": ("phụ lục", "an annex"), "ANNEX_TEXT": ("nội dung phụ lục", "annex text"),
}
PLACE = {
    "QUOC_HIEU": ("phải ở phần đầu, trước tên loại", "belongs in the header, before the title"),
    "TIEU_NGU": ("phải ở phần đầu, dưới Quốc hiệu", "belongs in the header, under the national title"),
    "ISSUER": ("phải ở phần đầu, trước tên loại", "belongs in the header, before the title"),
    "SO": ("phải ở phần đầu, dưới tên cơ quan ban hành, trước tên loại", "belongs in the header, under the issuing body, before the title"),
    "PLACE_DATE": ("phải ở phần đầu, dưới Tiêu ngữ, trước tên loại", "belongs in the header, under the motto, before the title"),
    "TITLE": ("phải đứng sau phần đầu và trước nội dung", "belongs after the header and before the body"),
    "TRICH_YEU": ("phải đứng ngay sau tên loại", "must stand right after the title"),
    "CAN_CU": ("phải đứng sau trích yếu, trước nội dung", "belongs after the summary, before the body"),
    "NOI_NHAN": ("phải đứng sau câu kết thúc, trước chữ ký", "belongs after the closing, before the signature"),
    "CLOSING": ("phải là đoạn cuối của phần nội dung", "must be the last paragraph of the body"),
}


@rule("S112", name="component-order", severity="error", kinds=("thong-bao",),
      title=Msg("Thành phần đặt sai vị trí", "Component out of order"))
def check(doc):
    st = doc.structure
    if st.interleaved:
        p = doc.paragraphs[st.interleaved[0]]
        yield Hit(Msg("Cột Nơi nhận và cột chữ ký bị đọc xen kẽ từng dòng (văn bản chuyển từ PDF?): không xác định được "
                      "thứ tự trình bày; các thành phần vẫn được kiểm tra.",
                      "The recipients column and the signature column are read line by line in turn (text from a "
                      "PDF?): their layout cannot be told; the components are still checked."),
                  para=p, start=0, end=len(p.text), severity="info")
    groups = _groups(st)
    if len(groups) >= INTERLEAVED:
        # several components out of place at once: a layout whose columns were interleaved (a PDF
        # extraction), not several misplaced components; said once, where the disorder begins
        first = groups[0][0]
        p = doc.paragraphs[first.para]
        n = sum(len(g) for g in groups)
        yield Hit(Msg(f"Không xác định được thứ tự các thành phần: {n} đoạn ở {len(groups)} chỗ nằm ngoài thứ tự bắt buộc "
                      "của thông báo, có lẽ do các cột (phần đầu, Nơi nhận, chữ ký) bị trộn khi chuyển từ PDF. Kiểm tra "
                      "lại bố cục từ dòng này.",
                      f"The order of the components cannot be told: {n} paragraphs in {len(groups)} places are out of "
                      "the required order, probably because columns (header, recipients, signature) were interleaved "
                      "by a PDF extraction. Check the layout from this line on."),
                  para=p, start=0, end=len(p.text), severity="info")
        return
    for group in groups:
        err = group[0]
        p = doc.paragraphs[err.para]
        name_vi, name_en = NAMES.get(err.token, (err.token, err.token))
        where_vi, where_en = PLACE.get(err.token, ("đứng sai vị trí trong thứ tự bắt buộc của thông báo",
                                                     "is out of the required order of a notice"))
        if err.token in ("ITEM", "BULLET", "TEXT"):
            where_vi = "đứng sau câu kết thúc hoặc sau Nơi nhận; nội dung phải ở trước câu kết thúc \"./.\""
            where_en = "comes after the closing or the recipients; the body must come before the closing \"./.\""
        more_vi = f" ({len(group)} đoạn liền nhau)" if len(group) > 1 else ""
        more_en = f" ({len(group)} consecutive paragraphs)" if len(group) > 1 else ""
        yield Hit(Msg(f"Thành phần đặt sai vị trí: {name_vi} {where_vi}{more_vi}.",
                      f"Component out of order: {name_en} {where_en}{more_en}."),
                  para=p, start=0, end=len(p.text))


INTERLEAVED = 3  # this many separate places out of order: the columns were interleaved


def _groups(st) -> list[list]:
    """Order errors of paragraphs that follow one another in the token stream are one misplaced
    component (a recipients block of five lines in the body is one finding, not five)."""
    pos = {t.para: k for k, t in enumerate(st.tokens)}
    groups: list[list] = []
    for err in st.order_errors:
        if groups and pos.get(err.para, -2) == pos.get(groups[-1][-1].para, -9) + 1:
            groups[-1].append(err)
        else:
            groups.append([err])
    return groups
