"""F603 — Cấp đánh số lẫn kiểu hoặc đánh số lại sai chỗ

Cái gì: (1) một mục cùng cấp viết khác kiểu số với các mục bên cạnh ("a)", "b)", "3)", "d)":
mục "3)" đứng ở chỗ của "c)"); (2) đánh số lại từ đầu giữa một danh sách cùng cấp, cùng mục cha
("1.", "2.", "3.", rồi lại "1."), trừ khi có đề mục mới (Điều, Chương, Mục, Phụ lục) ở giữa;
(3) số nhiều tầng không khớp với mục cha ("2.1." nằm trong mục "3.").
Tại sao: hệ thống số thể hiện bố cục văn bản; lẫn kiểu hoặc đánh số lại làm sai cấp của mục và
sai cách viện dẫn ("mục 3.1" thành "mục 2.1").
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.c, II.6.đ (bố cục theo phần, mục,
khoản, điểm; mỗi cấp một kiểu số thống nhất).
Ví dụ sai: "a) …", "b) …", "3) …", "d) …"; "3. …" rồi "2.1. …".
Ví dụ đúng: "a) …", "b) …", "c) …", "d) …"; "3. …" rồi "3.1. …".
Cách sửa: dùng một kiểu số cho mỗi cấp và đánh số liên tục trong cùng mục cha.
---
What: (1) an item of a level written in another style than its neighbours ("a)", "b)", "3)",
"d)": "3)" stands where "c)" belongs); (2) the numbering restarts in the middle of a list of one
level under one parent ("1.", "2.", "3.", then "1." again) with no new heading (article,
chapter, section, appendix) in between; (3) a multi-level number that does not match its parent
("2.1." inside item "3.").
Why: the numbers show the layout of the document; a mixed or restarted numbering puts items at
the wrong level and breaks citations ("item 3.1" becomes "item 2.1").
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Sections II.6.c and II.6.đ (parts, sections,
clauses, points; one numbering style per level).
Fix: use one style per level and number continuously under each parent.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...extract.numbering import numbering, written
from ._common import line_of, marker_hit, q


@rule("F603", name="numbering-level", severity="warning", fixable=True, kinds=("thong-bao",),
      title=Msg("Cấp đánh số lẫn kiểu hoặc đánh số lại sai", "Mixed styles or wrong restart in a level"))
def check(doc):
    for issue in numbering(doc).of_kind("style", "restart", "prefix"):
        here = q(written(doc, issue.item))
        want = issue.expected[0] if issue.expected else None
        prev = q(written(doc, issue.prev)) if issue.prev else ""
        wq = q(want or "")
        if issue.kind == "style":
            msg = Msg(f"Mục {here} viết khác kiểu số với các mục cùng cấp ({prev} ở dòng {line_of(doc, issue.prev)}): "
                      f"ở chỗ này phải là {wq}.",
                      f"Item {here} is numbered in another style than its siblings ({prev} on line "
                      f"{line_of(doc, issue.prev)}): it should be {wq}.")
        elif issue.kind == "restart":
            msg = Msg(f"Đánh số lại giữa danh sách: sau {prev} (dòng {line_of(doc, issue.prev)}) là {here}, cùng cấp và "
                      f"cùng mục cha; mục này phải là {wq}.",
                      f"The numbering restarts within a list: {prev} (line {line_of(doc, issue.prev)}) is followed by "
                      f"{here} at the same level under the same parent; this one should be {wq}.")
        else:
            msg = Msg(f"Số {here} không khớp với mục cha {prev} (dòng {line_of(doc, issue.prev)}): phải là {wq}.",
                      f"Number {here} does not match its parent {prev} (line {line_of(doc, issue.prev)}): it should "
                      f"be {wq}.")
        yield marker_hit(doc, issue.item, msg,
                         Msg("Dùng một kiểu số cho mỗi cấp, đánh số liên tục trong cùng mục cha.",
                             "Use one numbering style per level, numbered continuously under each parent."),
                         suggestion=want, fix=issue.kind in ("style", "prefix"))
