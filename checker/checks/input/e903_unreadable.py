"""E903 — Không đọc được tệp

Cái gì: tệp không mở được hoặc không phải văn bản: không tồn tại, không có quyền đọc, là thư
mục, là tệp nhị phân, không phải UTF-8/UTF-16, hoặc .docx hỏng (không phải tệp zip hợp lệ).
Tại sao: rasoat chỉ rà soát được văn bản đọc được; tệp lỗi được báo rõ, các tệp khác trong cùng
lần chạy vẫn được rà soát, mã thoát là 2.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 5 (văn bản điện tử dùng phông chữ tiếng Việt Unicode).
Ví dụ sai: một tệp .docx thực ra là .doc cũ đổi đuôi; tệp .txt lưu bằng bảng mã Windows-1258.
Ví dụ đúng: tệp .docx lưu từ Word/LibreOffice; tệp .txt lưu UTF-8.
Cách sửa: mở tệp bằng trình soạn thảo và lưu lại đúng định dạng (.docx hoặc văn bản UTF-8).
---
What: the file cannot be opened or is not text: missing, unreadable, a folder, binary, neither
UTF-8 nor UTF-16, or a corrupt .docx (not a valid zip).
Why: rasoat can only check what it can read; the failure is reported clearly, the other files
of the run are still checked, and the exit code is 2.
Rule: Decree 30/2020/NĐ-CP, Article 5 (electronic documents use Unicode Vietnamese fonts).
Fix: save the file again in the right format (.docx or UTF-8 text).
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E903", name="unreadable-file", severity="error", doc=__doc__,
          title=Msg("Không đọc được tệp", "Unreadable file"))
