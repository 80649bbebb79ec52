"""E999 — Lỗi nội bộ khi chạy một quy tắc

Cái gì: một quy tắc gặp lỗi bất ngờ trên tệp này. Các quy tắc khác vẫn chạy và kết quả của
các tệp khác không bị ảnh hưởng; mã thoát là 2.
Tại sao: một lỗi của rasoat không được làm mất kết quả rà soát của người dùng.
Cách sửa: chạy lại với --debug để xem chi tiết và báo lỗi kèm tệp mẫu.
---
What: a rule failed unexpectedly on this file. The other rules still ran and the other files
are not affected; exit code 2.
Why: a bug in rasoat must never hide the findings a user needs.
Fix: run again with --debug for the traceback and report it with a sample file.
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E999", name="internal-error", severity="error", doc=__doc__,
          title=Msg("Lỗi nội bộ khi chạy quy tắc", "Internal error in a rule"))
