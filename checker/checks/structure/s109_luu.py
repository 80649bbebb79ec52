"""S109 — Dòng "Lưu: VT, …"

Cái gì: Nơi nhận không có dòng lưu "- Lưu: VT, <đơn vị soạn thảo>.", hoặc dòng đó sai: thiếu dấu
hai chấm, viết đầy đủ "Văn thư" thay vì chữ viết tắt "VT", thiếu chữ viết tắt đơn vị soạn thảo,
thiếu dấu chấm kết thúc (sau dấu chấm có thể ghi số bản lưu và chữ viết tắt tên người soạn
thảo: "- Lưu: VT, TCCV (02). CMP" là đúng), hoặc không phải là dòng cuối cùng của Nơi nhận.
Tại sao: bản lưu tại Văn thư và đơn vị soạn thảo là căn cứ quản lý văn bản đi.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.9 (ô 9b): "dòng cuối cùng bao gồm chữ
'Lưu' sau có dấu hai chấm (:), tiếp theo là chữ viết tắt 'VT', dấu phẩy (,), chữ viết tắt tên
đơn vị (hoặc bộ phận) soạn thảo văn bản và số lượng bản lưu, cuối cùng là dấu chấm (.)".
Ví dụ sai: "- Lưu VT, NN (03).", "- Lưu: Văn thư, QHĐP", "- Lưu: VT."
Ví dụ đúng: "- Lưu: VT, TH."; "- Lưu: VT, KSTT (2)."; "- Lưu: VT, TCCV (02). CMP"
Cách sửa: viết "- Lưu: VT, <chữ viết tắt đơn vị soạn thảo>." ở dòng cuối của Nơi nhận.
Thông báo của Đảng (Hướng dẫn 36-HD/VPTW) có mẫu riêng: dòng cuối là "- Lưu Văn phòng …" (hoặc
"- Lưu VP."), không cần "VT" và đơn vị soạn thảo; chỉ báo khi thiếu dòng Lưu, dòng Lưu không ghi
nơi lưu, hoặc không phải dòng cuối của Nơi nhận.
---
What: the recipients block has no filing line "- Lưu: VT, <drafting unit>.", or it is wrong:
no colon, "Văn thư" spelt out instead of "VT", no drafting unit, no closing full stop (the
drafter's initials may follow it: "- Lưu: VT, TCCV (02). CMP" is right), or it is not the last
line of the block.
Why: the copies kept by the registry and the drafting unit are how outgoing documents are managed.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.9 (cell 9b).
Fix: write "- Lưu: VT, <drafting unit code>." as the last line of the recipients block.
Party notices (Guide 36-HD/VPTW) have their own form, "- Lưu Văn phòng …" or "- Lưu VP.": no "VT"
or unit code is asked for; only a missing or empty filing line, or one that is not last, is reported.
"""
from ... import rx as re

from ...diagnostics import Msg
from ...structure.kind import notice_kind
from ...engine import Hit, rule
from ._place import at_start_of

# the unit list closed by a full stop, which the count of copies and the drafter's initials may
# follow: "- Lưu: VT, TCCV (02). CMP", "- Lưu: VT, CN (2). nvv", "- Lưu: VT, QHĐP (2b)Q.Cường."
CLOSED = re.compile(r"\.\s*$|\)\s*\.|\.\s+[^\s,;:]{1,12}\.?\s*$")
LUU = re.compile(r"^[-–+]?\s*Lưu\b(?P<colon>\s*:)?\s*(?P<rest>.*)$", re.I)


@rule("S109", varies=(('warning',), Msg('Cảnh báo cho cách viết dòng Lưu (dấu hai chấm, chữ viết tắt "VT", đơn vị soạn thảo, dấu chấm cuối); lỗi khi thiếu dòng Lưu.',
                        'A warning for how the filing line is written (colon, "VT", the drafting unit, the final full stop); an error when it is missing.')), name="luu-vt", severity="error", kinds=("thong-bao",),
      title=Msg("Dòng Lưu: VT", "Filing line Lưu: VT"), fixable=True)
def check(doc):
    if notice_kind(doc).kind == "party-notice":
        yield from _party(doc)
        return
    st = doc.structure
    luus = doc.component("luu")
    if not luus:
        if not st.has("noi_nhan") and not st.has("recipient"):
            return  # S108 reports the missing block; one finding is enough
        recips = st.components.get("recipient", [])
        anchor = recips[-1] if recips else st.first("noi_nhan")
        p = doc.paragraphs[anchor]
        yield Hit(Msg("Nơi nhận thiếu dòng cuối \"- Lưu: VT, …\".", "The recipients block lacks its last line \"- Lưu: VT, …\"."),
                  para=p, start=len(p.text), end=len(p.text),
                  hint=Msg("Thêm dòng \"- Lưu: VT, <đơn vị soạn thảo>.\" ở cuối Nơi nhận.",
                           "Add \"- Lưu: VT, <drafting unit>.\" as the last recipient line."))
        return
    p = st.own_part(luus[-1])  # "- Lưu: VT, KTTH. PHÓ CHỦ TỊCH": the signing column beside it is not part of it
    m = LUU.match(p.text.strip())
    if not m:
        return
    rest = m.group("rest")
    body_start = p.text.find(rest) if rest else len(p.text)
    if not m.group("colon"):
        fixed = re.sub(r"Lưu\s*", "Lưu: ", p.text, count=1)
        yield Hit(Msg("Sau \"Lưu\" phải có dấu hai chấm (:).", "\"Lưu\" is followed by a colon (:)."),
                  para=p, start=0, end=len(p.text), suggestion=fixed, replacement=fixed, severity="warning")
    items = [x.strip() for x in re.split(r"[,;]", rest.rstrip(". "))]
    if items and items[0].lower() in ("văn thư", "vt văn thư"):
        yield Hit(Msg(f"Dòng lưu viết đầy đủ \"{items[0]}\"; theo mẫu phải viết tắt là \"VT\".",
                      f"The filing line spells out \"{items[0]}\"; the form abbreviates it to \"VT\"."),
                  para=p, start=body_start, end=body_start + len(items[0]), suggestion="VT", replacement="VT",
                  severity="warning")
    elif not items or not items[0].upper().startswith("VT"):
        yield Hit(Msg("Dòng lưu phải bắt đầu bằng \"VT\" (bản lưu tại Văn thư).",
                      "The filing line starts with \"VT\" (the registry's copy)."),
                  para=p, start=0, end=len(p.text))
    if len([x for x in items if x]) < 2:
        yield Hit(Msg("Dòng lưu thiếu chữ viết tắt đơn vị soạn thảo sau \"VT,\".",
                      "The filing line lacks the drafting unit's code after \"VT,\"."),
                  para=p, start=0, end=len(p.text), severity="warning")
    if not CLOSED.search(p.text):
        yield Hit(Msg("Dòng lưu (dòng cuối của Nơi nhận) kết thúc bằng dấu chấm (.).",
                      "The filing line (last recipient line) ends with a full stop (.)."),
                  para=p, start=len(p.text), end=len(p.text), suggestion=".", replacement=".", severity="warning")
    after = [i for i in st.components.get("recipient", []) if i > p.index]
    if after:
        yield Hit(Msg("Dòng \"Lưu: VT, …\" phải là dòng cuối cùng của Nơi nhận.",
                      "The line \"Lưu: VT, …\" must be the last line of the recipients block."),
                  para=p, start=0, end=len(p.text), severity="warning")


# Hướng dẫn 36-HD/VPTW: the Party form files a copy with the issuing body's office, written out or
# abbreviated, with or without a colon ("- Lưu Văn phòng Trung ương Đảng.", "- Lưu VP.", "- Lưu:
# Văn phòng Tỉnh ủy."): no "VT", no unit code is asked for; the line is the last of the block.
def _party(doc):
    st = doc.structure
    luus = doc.component("luu")
    if not luus:
        if not st.has("noi_nhan") and not st.has("recipient"):
            return
        recips = st.components.get("recipient", [])
        anchor = recips[-1] if recips else st.first("noi_nhan")
        p = doc.paragraphs[anchor]
        yield Hit(Msg("Nơi nhận thiếu dòng cuối \"- Lưu …\" (văn bản của Đảng: \"- Lưu Văn phòng …\", Hướng dẫn 36-HD/VPTW).",
                      "The recipients block lacks its last line \"- Lưu …\" (a Party document: \"- Lưu Văn phòng …\", Guide 36-HD/VPTW)."),
                  para=p, start=len(p.text), end=len(p.text),
                  hint=Msg("Thêm dòng \"- Lưu Văn phòng <tên cơ quan ban hành>.\" ở cuối Nơi nhận.",
                           "Add \"- Lưu Văn phòng <issuing body>.\" as the last recipient line."))
        return
    p = st.own_part(luus[-1])
    m = LUU.match(p.text.strip())
    if not m:
        return
    if not m.group("rest").strip(" .:"):
        yield Hit(Msg("Dòng \"Lưu\" không ghi nơi lưu (văn bản của Đảng: \"- Lưu Văn phòng …\").",
                      "The line \"Lưu\" names no office keeping the copy (a Party document: \"- Lưu Văn phòng …\")."),
                  para=p, start=0, end=len(p.text), severity="warning")
    after = [i for i in st.components.get("recipient", []) if i > p.index]
    if after:
        yield Hit(Msg("Dòng \"Lưu …\" phải là dòng cuối cùng của Nơi nhận.",
                      "The line \"Lưu …\" must be the last line of the recipients block."),
                  para=p, start=0, end=len(p.text), severity="warning")
