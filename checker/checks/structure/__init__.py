"""S1xx: the mandatory structure of a THÔNG BÁO (grammar/thongbao.lark)."""
