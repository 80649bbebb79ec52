"""S108 — "Nơi nhận:"

Cái gì: thiếu phần Nơi nhận, danh sách nơi nhận thiếu dòng tiêu đề "Nơi nhận:", hoặc từ "Nơi
nhận:" viết sai (thiếu dấu, thiếu dấu hai chấm, ví dụ "Noi nhận"). Dòng mà bản chuyển từ PDF đặt
cột chữ ký bên cạnh ("Nơi nhận: KT. GIÁM ĐỐC") là hai thành phần, không phải "Nơi nhận:" viết sai.
Tại sao: Nơi nhận cho biết văn bản gửi những ai để thực hiện, để biết, để báo cáo và nơi lưu; Văn
thư phát hành theo danh sách này.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm i; Phụ lục I, Phần I, Mục II.9 (ô 9b).
Ví dụ sai: "Noi nhận:", "Nơi nhận" (thiếu hai chấm), không có phần Nơi nhận.
Ví dụ đúng: "Nơi nhận:" trên một dòng riêng, rồi các dòng "- …;" và dòng cuối "- Lưu: VT, …".
Cách sửa: viết đúng "Nơi nhận:" (sửa tự động được).
---
What: the recipients block is missing, the list of recipients has no heading "Nơi nhận:", or
the heading is miswritten (missing diacritics or colon, e.g. "Noi nhận"). A line where a PDF
extraction put the signing column beside it ("Nơi nhận: KT. GIÁM ĐỐC") is two components, not a
misspelt heading.
Why: the recipients block says who receives the document and where it is filed; the registry
dispatches from it.
Rule: Decree 30/2020/NĐ-CP, Article 8(2)(i); Annex I, Part I, Section II.9 (cell 9b).
Fix: write "Nơi nhận:" exactly (a safe automatic fix).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ._place import at_start_of

OK = "Nơi nhận:"


@rule("S108", varies=(('warning',), Msg('Cảnh báo khi chỉ thiếu dấu hai chấm sau "Nơi nhận"; lỗi khi thiếu hoặc viết sai "Nơi nhận".',
                        'A warning when only the colon after "Nơi nhận" is missing; an error when "Nơi nhận" is missing or misspelt.')), name="noi-nhan", severity="error", kinds=("thong-bao",),
      title=Msg("Nơi nhận", "Recipients heading"), fixable=True)
def check(doc):
    st = doc.structure
    heads = doc.component("noi_nhan")
    if not heads:
        first = st.first("recipient") or st.first("luu")
        if first is not None:
            yield at_start_of(doc, first,
                              Msg("Danh sách nơi nhận thiếu dòng tiêu đề \"Nơi nhận:\" ở trên.",
                                  "The list of recipients lacks its heading \"Nơi nhận:\" above it."),
                              Msg("Thêm dòng \"Nơi nhận:\" ngay trên danh sách nơi nhận.",
                                  "Add the line \"Nơi nhận:\" right above the list of recipients."))
            return
        anchor = st.first("authority") or st.first("sig_title") or st.first("signer")
        yield at_start_of(doc, anchor,
                          Msg("Thiếu phần \"Nơi nhận:\" (danh sách nơi nhận và dòng \"- Lưu: VT, …\").",
                              "The recipients block \"Nơi nhận:\" (list of recipients and \"- Lưu: VT, …\") is missing."),
                          Msg("Thêm \"Nơi nhận:\" ở góc dưới bên trái, sau phần nội dung.",
                              "Add \"Nơi nhận:\" at the bottom left, after the text."))
        return
    p = st.own_part(heads[0])
    text = p.text.strip()  # "Nơi nhận: KT. GIÁM ĐỐC": the signing column beside it is not part of it
    if text == OK:
        return
    if text.rstrip(":").strip() == "Nơi nhận":
        yield Hit(Msg("Sau \"Nơi nhận\" phải có dấu hai chấm (:).", "\"Nơi nhận\" is followed by a colon (:)."),
                  para=p, start=0, end=len(p.text), suggestion=OK, replacement=OK, severity="warning")
    else:
        yield Hit(Msg(f"\"{text}\" viết sai; phải là \"{OK}\".", f"\"{text}\" is misspelt; it must be \"{OK}\"."),
                  para=p, start=0, end=len(p.text), suggestion=OK, replacement=OK)
