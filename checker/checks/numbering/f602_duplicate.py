"""F602 — Số thứ tự bị trùng

Cái gì: hai mục liền nhau trong cùng một danh sách mang cùng số thứ tự: "e)" rồi lại "e)",
"3." rồi lại "3.". Phát hiện được báo ở mục thứ hai, kèm số đúng của nó (theo bảng chữ cái
tiếng Việt: sau e) là g)).
Tại sao: hai nhiệm vụ cùng số không viện dẫn, theo dõi, báo cáo riêng được.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.đ.
Ví dụ sai: "e) Lĩnh vực tài chính …", "e) Đối ngoại …".
Ví dụ đúng: "e) Lĩnh vực tài chính …", "g) Đối ngoại …".
Cách sửa: đánh lại số của mục thứ hai (và các mục sau nó, nếu có).
---
What: two consecutive items of one list carry the same number: "e)" and "e)" again, "3." and
"3." again. Reported at the second one, with its right number (Vietnamese alphabet: g) comes
after e)).
Why: two tasks with one number cannot be cited, tracked or reported on separately.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.6.đ.
Fix: renumber the second item (and those after it, if any).
"""
from ...diagnostics import Msg
from ...engine import rule
from ...extract.numbering import LATIN_LETTERS, numbering, written
from ._common import line_of, marker_hit, q


@rule("F602", name="numbering-duplicate", severity="warning", fixable=True, kinds=("thong-bao",),
      title=Msg("Số thứ tự bị trùng", "Duplicate number"))
def check(doc):
    num = numbering(doc)
    for issue in num.of_kind("duplicate"):
        here = q(written(doc, issue.item))
        want = issue.expected[0] if issue.expected else None
        then = f"; mục này phải là {q(want)}" if want else ""
        then_en = f"; this one should be {q(want)}" if want else ""
        latin = _latin_next(issue.item) if num.letter_order == "unknown" else None
        if want and latin and latin not in want:
            then += f" (hoặc \"{latin})\" nếu văn bản dùng thứ tự chữ cái Latin)"
            then_en += f" (or \"{latin})\" if the document uses the Latin order)"
        yield marker_hit(doc, issue.item,
                         Msg(f"Số thứ tự {here} bị trùng với mục ở dòng {line_of(doc, issue.prev)}{then}.",
                             f"Number {here} repeats the item on line {line_of(doc, issue.prev)}{then_en}."),
                         Msg("Đánh lại số của mục này và các mục sau nó.", "Renumber this item and those after it."),
                         suggestion=want, fix=True)


def _latin_next(item) -> str | None:
    """The letter after the item's label in the Latin order ("e" → "f"), for letter lists."""
    if item.style not in ("letter", "paren_letter"):
        return None
    lab = item.label.lower()
    k = LATIN_LETTERS.find(lab)
    return LATIN_LETTERS[k + 1] if 0 <= k < len(LATIN_LETTERS) - 1 else None
