"""E901 — Văn bản dùng bảng mã cũ (TCVN3, VNI), không phải Unicode

Cái gì: văn bản (hoặc một đoạn, một run trong .docx) được gõ bằng bảng mã TCVN3 (ABC, phông
.VnTime, .VnArial …) hoặc VNI (phông VNI-Times …): mở bằng phông Unicode sẽ thấy "Th«ng b¸o"
(TCVN3) hay "Thoâng baùo" (VNI) thay cho "Thông báo". rasoat tạm chuyển sang Unicode để vẫn rà
soát được các quy tắc khác, nhưng tệp vẫn phải được lưu lại bằng Unicode.
Tại sao: văn bản điện tử phải dùng phông chữ tiếng Việt bộ mã Unicode; văn bản bảng mã cũ hiển
thị sai trên máy khác, không tìm kiếm được, không ký số và lưu trữ đúng được.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.4 (phông chữ Times New Roman, bộ mã
ký tự Unicode theo TCVN 6909:2001).
Ví dụ sai: "TH«NG B¸O KÕT LUËN" (phông .VnTime); "THOÂNG BAÙO" (phông VNI-Times).
Ví dụ đúng: "THÔNG BÁO KẾT LUẬN" (Times New Roman, Unicode).
Cách sửa: chạy `rasoat convert TỆP -o TỆP_MỚI` (ghi một bản Unicode, không sửa tệp gốc) hoặc
dùng công cụ chuyển mã (Unikey: TCVN3/VNI → Unicode), rồi đổi phông sang Times New Roman.
---
What: the text (or a paragraph, or a run of a .docx) is typed in the legacy TCVN3 encoding (ABC,
fonts .VnTime, .VnArial …) or VNI (fonts VNI-Times …): in a Unicode font it shows "Th«ng b¸o"
(TCVN3) or "Thoâng baùo" (VNI) instead of "Thông báo". rasoat converts it in memory so that
the other rules still run, but the file must be saved in Unicode.
Why: electronic documents use a Unicode Vietnamese font; legacy-encoded text displays wrongly
elsewhere, cannot be searched, signed or archived correctly.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section I.4 (Times New Roman, Unicode character
set per TCVN 6909:2001).
Fix: run `rasoat convert FILE -o NEW_FILE` (writes a Unicode copy, the original is untouched) or
a converter (Unikey: TCVN3/VNI → Unicode), then set the font to Times New Roman.
"""
from ...diagnostics import Msg
from ...encodings import NAMES, paragraph_legacy, to_unicode
from ...engine import Hit, rule

HINT = Msg("Chạy `rasoat convert TỆP -o TỆP_MỚI` để ghi một bản Unicode, rồi dùng phông Times New Roman.",
           "Run `rasoat convert FILE -o NEW_FILE` to write a Unicode copy, then use Times New Roman.")


@rule("E901", name="legacy-encoding", severity="error", fixable=True,
      title=Msg("Bảng mã cũ (TCVN3, VNI) thay vì Unicode", "Legacy encoding (TCVN3, VNI) instead of Unicode"))
def check(doc):
    src = doc.source
    if src.legacy:
        yield _whole_file(doc)
        return
    spans = [(p, s) for p in doc.paragraphs for s in p.meta.get("legacy", ())]
    if spans:
        p, first = spans[0]
        fonts = sorted({s.get("font") or "?" for _, s in spans})
        encs = sorted({NAMES.get(s.get("encoding"), s.get("encoding")) for _, s in spans})
        n = len({q.index for q, _ in spans})
        yield Hit(Msg(f"{n} đoạn văn dùng phông bảng mã cũ {', '.join(encs)} ({', '.join(fonts)}), không phải Unicode; "
                      "rasoat đã tạm chuyển sang Unicode để rà soát.",
                      f"{n} paragraph(s) use a legacy-encoded font, {', '.join(encs)} ({', '.join(fonts)}), not Unicode; "
                      "rasoat converted them in memory to check them."),
                  para=p, start=first.get("start", 0), end=first.get("end", len(p.text)), hint=HINT,
                  data={"fixed_by": "convert"})
        return
    # Unicode text with paragraphs pasted from a legacy-encoded document
    for p in doc.paragraphs:
        enc = paragraph_legacy(p.text)
        if enc is None:
            continue
        start, end = p.start_offset(0), p.end_offset(len(p.text))
        fixed = to_unicode(src.text[start:end], enc)
        yield Hit(Msg(f"Đoạn văn này là chữ bảng mã {NAMES[enc]} dán vào văn bản Unicode: \"{to_unicode(p.text, enc)[:60]}\".",
                      f"This paragraph is {NAMES[enc]} text pasted into a Unicode document: \"{to_unicode(p.text, enc)[:60]}\"."),
                  para=p, start=0, end=len(p.text), hint=HINT, suggestion=to_unicode(p.text, enc),
                  replacement=fixed, safe=False)


def _whole_file(doc) -> Hit:
    src = doc.source
    name = NAMES.get(src.legacy, src.legacy)
    if src.encoding != "utf-8":
        msg = Msg(f"Tệp là văn bản 8 bit bảng mã {name}, không phải Unicode; rasoat đã tạm chuyển sang Unicode để rà "
                  "soát (số cột có thể lệch với tệp gốc).",
                  f"The file is 8-bit {name} text, not Unicode; rasoat converted it in memory to check it (columns "
                  "may differ from the original).")
    else:
        msg = Msg(f"Văn bản gõ bằng bảng mã {name} rồi lưu thành UTF-8 (chữ hiện sai, kiểu \"Th«ng b¸o\", "
                  "\"Thoâng baùo\"), không phải Unicode; rasoat đã tạm chuyển sang Unicode để rà soát.",
                  f"The text was typed in the {name} encoding and saved as UTF-8 (it shows as \"Th«ng b¸o\", "
                  "\"Thoâng baùo\"), not Unicode; rasoat converted it in memory to check it.")
    # --fix --unsafe-fixes converts the file as `rasoat convert` does (unsafe: the file's bytes and
    # encoding change for every tool that reads it)
    data = {"fixed_by": "convert"}
    for start, line in src.lines():
        if any(ord(c) > 127 for c in line):
            return Hit(msg, offset=start, hint=HINT, data=data)
    return Hit(msg, offset=0, hint=HINT, data=data)
