"""F601 — Số thứ tự bị nhảy cóc (thiếu mục)

Cái gì: trong một danh sách cùng cấp, số thứ tự bỏ qua một hoặc nhiều số: "(5)" rồi "(7)",
"II." rồi "IV.", "b)" rồi "d)"; hoặc danh sách không bắt đầu từ số đầu tiên ("2." là mục đầu); hoặc một dòng của
bảng nhiệm vụ (phụ lục) mang số lạc chỗ ("19", "22", "20", "21").
Chữ cái theo thứ tự bảng chữ cái tiếng Việt: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r,
s, t, u, v, x, y. Văn bản dùng nhất quán thứ tự chữ cái Latin (có f, không có đ) được chấp
nhận. "d) → e)" trong văn bản không cho thấy thứ tự nào được báo ở mức thông tin: hoặc thiếu
"đ)", hoặc văn bản dùng thứ tự Latin.
Tại sao: người nhận viện dẫn nhiệm vụ theo số thứ tự ("mục 1.(6)"); số bị nhảy làm người đọc
nghĩ thiếu nội dung, hoặc nội dung đã bị xóa mà không đánh số lại.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.đ (số thứ tự khoản bằng chữ số Ả
Rập; các điểm theo thứ tự bảng chữ cái tiếng Việt).
Ví dụ sai: "(4) …", "(5) …", "(7) …"; "c) …", "d) …", "e) …".
Ví dụ đúng: "(4) …", "(5) …", "(6) …"; "c) …", "d) …", "đ) …", "e) …".
Cách sửa: đánh số lại liên tục, hoặc bổ sung mục còn thiếu.
---
What: in a list of one level the numbers skip one or more: "(5)" then "(7)", "II." then "IV.",
"b)" then "d)"; or the list does not start at its first number ("2." comes first); or a row of
a task table (annex) carries a stray number ("19", "22", "20", "21"). Letters
follow the Vietnamese alphabet: a b c d đ e g h i k l m n o p q r s t u v x y. A document that
consistently uses the Latin order (has f, never đ) is accepted. "d) → e)" in a document that
shows neither order is reported at info level: either "đ)" is missing or the list is Latin.
Why: recipients cite tasks by their number ("item 1.(6)"); a skipped number makes the reader
think something is missing, or shows that an item was deleted without renumbering.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.đ (clauses numbered in Arabic digits;
points in the order of the Vietnamese alphabet).
Fix: renumber the list without gaps, or add the missing item.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...extract.numbering import numbering, written
from ._common import line_of, marker_hit, q


@rule("F601", varies=(('info',), Msg('Mức thông tin khi "d)" nối tiếp bằng "e)" (bỏ "đ)" của bảng chữ cái tiếng Việt: có thể văn bản dùng thứ tự chữ Latinh); cảnh báo cho các chỗ nhảy số khác.',
                        'Info when "d)" is followed by "e)" (skipping the Vietnamese "đ)": the document may follow the Latin order); a warning for other gaps.')), name="numbering-gap", severity="warning", kinds=("thong-bao",),
      title=Msg("Số thứ tự bị nhảy cóc", "Gap in the numbering"))
def check(doc):
    for issue in numbering(doc).of_kind("gap", "start", "order"):
        it = issue.item
        here = q(written(doc, it))
        if issue.kind == "order":  # a table row numbered out of sequence: "19, 22, 20"
            before, want, nxt = q(written(doc, issue.prev)), q(issue.expected[0]), issue.data["next"]
            after = q(written(doc, nxt))
            yield marker_hit(doc, it, Msg(f"Số thứ tự không liên tục: sau {before} (dòng {line_of(doc, issue.prev)}) là "
                                          f"{here}, rồi {after} (dòng {line_of(doc, nxt)}); ở chỗ này phải là {want}.",
                                          f"The numbering is out of sequence: {before} (line {line_of(doc, issue.prev)}) "
                                          f"is followed by {here}, then {after} (line {line_of(doc, nxt)}); this one "
                                          f"should be {want}."),
                             Msg("Đánh số lại các dòng của bảng cho liên tục.", "Renumber the table's rows in sequence."),
                             suggestion=issue.expected[0])
            continue
        missing = ", ".join(map(q, issue.expected))
        if issue.kind == "start":
            yield marker_hit(doc, it, Msg(f"Danh sách bắt đầu từ {here}: thiếu {missing}.",
                                          f"The list starts at {here}: {missing} missing."),
                             Msg("Đánh số lại từ số đầu tiên, hoặc bổ sung mục còn thiếu.",
                                 "Renumber from the first number, or add the missing item(s)."),
                             suggestion=issue.expected[0] if issue.expected else None)
            continue
        before = q(written(doc, issue.prev))
        if issue.data.get("latin_possible"):
            yield marker_hit(doc, it, Msg(f"Sau {before} (dòng {line_of(doc, issue.prev)}) là {here}: theo bảng chữ cái "
                                          f"tiếng Việt (a, b, c, d, đ, e, g …) thiếu mục {missing}. Nếu văn bản dùng thứ "
                                          "tự chữ cái Latin thì không phải lỗi.",
                                          f"{before} (line {line_of(doc, issue.prev)}) is followed by {here}: in the "
                                          f"Vietnamese alphabet (a, b, c, d, đ, e, g …) {missing} is missing. Not an "
                                          "error if the document uses the Latin order."),
                             Msg("Điểm sau \"d)\" là \"đ)\"; kiểm tra lại cả danh sách.",
                                 "The point after \"d)\" is \"đ)\"; check the whole list."),
                             suggestion=issue.expected[0], severity=issue.severity)
            continue
        yield marker_hit(doc, it, Msg(f"Số thứ tự bị nhảy: sau {before} (dòng {line_of(doc, issue.prev)}) là {here}, "
                                      f"thiếu {missing}.",
                                      f"The numbering skips: {before} (line {line_of(doc, issue.prev)}) is followed by "
                                      f"{here}, {missing} missing."),
                         Msg(f"Đánh số lại liên tục (sau {before} là {q(issue.expected[0])}) hoặc bổ sung mục còn thiếu.",
                             f"Renumber without gaps ({q(issue.expected[0])} after {before}) or add the missing item."),
                         suggestion=issue.expected[0], severity=issue.severity)
