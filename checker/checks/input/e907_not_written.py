"""E907 — Tệp không được ghi lại

Cái gì: `check --fix` (hoặc một lệnh ghi tệp) đã không ghi lại tệp này, và nói lý do: tệp chỉ đọc,
là một liên kết tượng trưng (symlink) hoặc có liên kết cứng (hard link), thuộc người dùng khác,
đã bị sửa trong lúc rasoat chạy, hoặc đĩa đầy / thư mục không ghi được. Tệp giữ nguyên như trước;
các tệp khác vẫn được sửa và báo cáo; mã thoát là 2.
Tại sao: một lần sửa tự động không được làm mất một chỉnh sửa vừa lưu, tách liên kết, đổi chủ sở
hữu hay ghi ra ngoài thư mục được rà soát.
Căn cứ: quy ước của rasoat; không thuộc Nghị định 30/2020/NĐ-CP.
Ví dụ sai: một dự thảo có quyền 0444 (chỉ đọc) được chạy `rasoat check --fix`.
Cách sửa: cấp quyền ghi, chạy trên tệp thật thay vì liên kết, hoặc chạy lại sau khi lưu xong.
---
What: `check --fix` (or a command that writes files) did not rewrite this file, and says why: it
is read-only, a symbolic link or has hard links, belongs to another user, changed while rasoat
ran, or the disk is full / the folder cannot be written. The file is left as it was; the other
files are still fixed and reported; exit code 2.
Why: an automatic fix must never lose an edit just saved, split links, change owners or write
outside the checked folder.
Rule: a rasoat convention, not part of Decree 30/2020/NĐ-CP.
Fix: make the file writable, run on the real file rather than a link, or run again once saved.
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E907", name="not-written", severity="error", doc=__doc__,
          title=Msg("Tệp không được ghi lại", "File not written"))
