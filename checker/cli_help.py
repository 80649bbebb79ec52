"""Help texts of the options several commands share (check, baseline, annotate, …)."""

H_SELECT = "Chỉ chạy các quy tắc này (mã hoặc tiền tố, ví dụ S,D201)."
H_IGNORE = "Bỏ qua các quy tắc này (mã hoặc tiền tố)."
H_STAGE = "draft (mặc định: cho phép số, ngày để trống) | issued"
H_CONFIG = "Tệp cấu hình (mặc định: rasoat.toml / pyproject.toml gần nhất)."
