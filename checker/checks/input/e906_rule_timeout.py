"""E906 — Một quy tắc chạy quá lâu và đã bị dừng

Cái gì: một quy tắc chạy trên tệp này quá giới hạn thời gian CPU (mặc định 20 giây, khóa cấu hình
`limits.rule-seconds`) nên đã bị dừng; hoặc các quy tắc của tệp đã dùng hết thời gian CPU dành cho
một tệp (mặc định 20 giây, `limits.file-seconds`) nên các quy tắc còn lại không chạy. Các tệp khác
không bị ảnh hưởng; mã thoát là 2. Thời gian tính là thời gian CPU: một máy bận hay một tiến trình
bị tạm dừng không gây E906.
Tại sao: một mẫu biểu thức chính quy trong rules/ do tỉnh tự thêm, hoặc một văn bản bất thường, không
được làm treo cả lần rà soát hay một lần chạy CI.
Căn cứ: quy ước của rasoat; không thuộc Nghị định 30/2020/NĐ-CP.
Ví dụ sai: một mẫu như "(a+)+$" trong rules/deadlines.toml gặp một dòng dài.
Cách sửa: sửa mẫu trong rules/ (tránh lượng từ lồng nhau), hoặc báo lỗi kèm tệp mẫu.
---
What: a rule used more CPU time than allowed on this file (20 s by default, configuration key
`limits.rule-seconds`) and was stopped; or the rules of this file used up the CPU time allowed
for one file (20 s by default, `limits.file-seconds`) and the remaining ones were not run. The
other files are not affected; exit code 2. The limits count CPU time: a busy machine or a paused
process never causes E906.
Why: a regular expression added to rules/ by a province, or an unusual text, must never hang a
whole run or a CI job.
Rule: a rasoat convention, not part of Decree 30/2020/NĐ-CP.
Fix: correct the pattern in rules/ (avoid nested quantifiers), or report it with a sample file.
"""
from ...diagnostics import Msg
from ...engine import meta_rule

meta_rule("E906", name="rule-timeout", severity="error", doc=__doc__,
          title=Msg("Quy tắc chạy quá lâu", "Rule timed out"))
