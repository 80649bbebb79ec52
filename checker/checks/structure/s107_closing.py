"""S107 — Câu kết thúc "… biết, thực hiện./."

Cái gì: thiếu câu kết thúc của thông báo, hoặc câu kết thúc không có dấu "./." ở cuối.
Tại sao: câu kết thúc nêu ai thông báo cho ai để làm gì ("Văn phòng UBND tỉnh thông báo để các cơ
quan, đơn vị biết, thực hiện./."); dấu "./." đánh dấu hết phần nội dung, không ai thêm được chữ
vào sau.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.4 (Thông báo) và các mẫu văn bản hành chính.
Ví dụ sai: "… để các cơ quan, đơn vị biết, thực hiện."
Ví dụ đúng: "… để các cơ quan, đơn vị biết, thực hiện./."
Cách sửa: kết thúc phần nội dung bằng câu thông báo và dấu "./.".
---
What: the closing sentence of the notice is missing, or does not end with "./.".
Why: the closing says who informs whom and for what; "./." marks the end of the text so that
nothing can be appended.
Rule: Decree 30/2020/NĐ-CP, Annex III, Form 1.4 and the other administrative forms.
Fix: end the text with the closing sentence and "./.".
"""
from ... import rx as re

from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import Hit, rule
from ._place import at_start_of

END = re.compile(r"\s*[.;,]*\s*$")


@rule("S107", name="closing", severity="error", kinds=("thong-bao",),
      title=Msg("Câu kết thúc và dấu ./.", "Closing sentence and ./."), fixable=True)
def check(doc):
    st = doc.structure
    closings = doc.component("closing")
    if not closings:
        anchor = st.first("noi_nhan") or st.first("authority") or st.first("sig_title") or st.first("signer")
        if anchor is None and doc.body_paragraphs:
            last = doc.body_paragraphs[-1]
            yield Hit(Msg("Thiếu câu kết thúc \"… thông báo để … biết, thực hiện./.\" ở cuối nội dung.",
                          "The closing sentence \"… thông báo để … biết, thực hiện./.\" is missing."),
                      para=last, start=len(last.text), end=len(last.text))
            return
        yield at_start_of(doc, anchor,
                          Msg("Thiếu câu kết thúc \"… thông báo để … biết, thực hiện./.\" trước Nơi nhận.",
                              "The closing sentence \"… thông báo để … biết, thực hiện./.\" is missing before Nơi nhận."),
                          Msg("Thêm câu kết thúc, ví dụ \"Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\".",
                              "Add a closing sentence ending with \"./.\"."))
        return
    p = closings[0]
    if not p.text.rstrip().endswith("./.") and notice_kind(doc).kind != "party-notice":
        m = END.search(p.text)
        start = m.start() if m else len(p.text)
        yield Hit(Msg("Câu kết thúc phải kết thúc bằng dấu \"./.\".", "The closing sentence must end with \"./.\"."),
                  para=p, start=start, end=len(p.text), suggestion="./.", replacement="./.")
