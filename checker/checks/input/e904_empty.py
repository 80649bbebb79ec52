"""E904 — Tệp rỗng

Cái gì: tệp không có nội dung (0 byte hoặc chỉ có khoảng trắng).
Tại sao: thường là dự thảo chưa lưu hoặc sao chép lỗi; không có gì để rà soát. Mã thoát là 2.
Căn cứ: —
Ví dụ sai: draft.txt 0 byte.
Cách sửa: kiểm tra lại tệp, lưu lại nội dung dự thảo.
---
What: the file is empty (0 bytes or white space only).
Why: usually an unsaved draft or a failed copy; there is nothing to check. Exit code 2.
Fix: check the file and save the draft's text in it.
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E904", name="empty-file", severity="error", doc=__doc__, title=Msg("Tệp rỗng", "Empty file"))
