"""E905 — Chỉ thị bỏ qua không dùng đến hoặc không hợp lệ

Cái gì: một chỉ thị `<!-- rasoat: ignore MÃ -->` trong dự thảo văn bản (.txt, .md) không bỏ qua
phát hiện nào (lỗi đã được sửa, hoặc ghi sai mã, sai dòng), hoặc viết sai cú pháp.
Tại sao: chỉ thị thừa che giấu lỗi mới sau này và làm người đọc hiểu nhầm; chỉ thị sai cú pháp
không có tác dụng.
Căn cứ: quy ước của rasoat (như "unused noqa" của ruff); không thuộc Nghị định 30/2020/NĐ-CP.
Ví dụ sai: `Sở Công Thương <!-- rasoat: ignore N401 -->` (tên đã đúng, không còn gì để bỏ qua).
Ví dụ đúng: `Sở Công thương tỉnh Vân Nam <!-- rasoat: ignore N402 -->` (tên riêng nước ngoài, cố ý).
Cách sửa: xóa chỉ thị thừa; sửa cú pháp thành `<!-- rasoat: ignore N401 -->` (một hay nhiều mã,
cách nhau bằng dấu phẩy), `<!-- rasoat: ignore-file S101 -->` cho cả tệp.
---
What: a `<!-- rasoat: ignore CODE -->` directive in a text draft suppresses no finding (the
problem was fixed, or the code or line is wrong), or is malformed.
Why: stale suppressions hide future findings and mislead readers; malformed ones do nothing.
Rule: a rasoat convention (like ruff's unused noqa), not part of Decree 30/2020/NĐ-CP.
Fix: remove the stale directive; write `<!-- rasoat: ignore N401 -->` (one or more codes,
comma separated), or `<!-- rasoat: ignore-file S101 -->` for the whole file.
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E905", name="unused-suppression", severity="warning", doc=__doc__,
          title=Msg("Chỉ thị bỏ qua thừa hoặc sai", "Unused or malformed suppression"))
