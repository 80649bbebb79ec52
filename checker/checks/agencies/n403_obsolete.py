"""N403 — Cơ quan, tỉnh không tồn tại vào ngày của văn bản

Cái gì: văn bản nêu một cơ quan (hoặc một tỉnh) đã không còn, hoặc chưa có, vào ngày của văn bản:
"Sở Kế hoạch và Đầu tư" trong một thông báo ngày 15/11/2025 (sở này đã hợp nhất vào Sở Tài chính
từ khoảng 01/3/2025), "Ủy ban nhân dân huyện" sau 30/6/2025 (bỏ cấp huyện), "tỉnh Kon Tum" sau
30/6/2025 (hợp nhất vào tỉnh Quảng Ngãi), "Sở Nông nghiệp và Môi trường" trong văn bản năm 2021.
Ngày dùng để so: ngày ban hành ghi ở dòng địa danh, ngày tháng; nếu để trống (dự thảo) thì ngày
họp; không có ngày nào thì không kiểm tra. Tên nằm trong một trích dẫn có ngày ("Thông tư … ngày
10/01/2022 của Bộ Tài nguyên và Môi trường") được so với ngày đó; câu nói về quá khứ ("(cũ)",
"trước đây", "sáp nhập", "hợp nhất") không bị báo. Một văn bản cũ viện dẫn với tên cơ quan kế nhiệm
("Thông tư số 03/2024/TT-BTNMT của Bộ Nông nghiệp và Môi trường": cơ quan chưa có vào năm của văn
bản viện dẫn nhưng đang tồn tại vào ngày của văn bản đang rà soát) chỉ ở mức thông tin: sau các đợt
hợp nhất năm 2025, nêu cơ quan hiện quản lý văn bản đó là cách viết thường gặp. Các sở đổi vào ngày mỗi tỉnh tự quyết (khoảng
tháng 2-3/2025): có thời gian chuyển tiếp hai tháng.
Tại sao: giao việc cho một cơ quan không còn tồn tại thì không ai thực hiện.
Căn cứ: Nghị quyết 176/2025/QH15 (các bộ từ 01/3/2025); Nghị định 45/2025/NĐ-CP (các sở); Nghị
quyết 202/2025/QH15 và 203/2025/QH15 (34 tỉnh, chính quyền địa phương hai cấp từ 01/7/2025).
Ví dụ sai (văn bản ngày 15/11/2025): "giao Sở Kế hoạch và Đầu tư chủ trì".
Ví dụ đúng: "giao Sở Tài chính chủ trì".
Cách sửa: nêu cơ quan kế nhiệm (rasoat nêu tên trong gợi ý; không sửa tự động vì có khi nhiệm vụ
chia cho nhiều cơ quan).
---
What: the document names a body (or a province) that did not exist on the document's date: it
had ended (merged, abolished) or did not exist yet. The date: the date of issue in the place-and-
date line; in a draft without one, the meeting date; no date, no check. A name inside a dated
citation is compared with that date; sentences about the past ("(cũ)", "trước đây", "sáp nhập")
are not reported. An older document cited with its issuer's successor ("Thông tư số
03/2024/TT-BTNMT của Bộ Nông nghiệp và Môi trường": the body did not exist yet in the cited
document's year but exists on the checked document's date) is only information: after the 2025
mergers, naming the body now in charge of the document is common usage. Departments changed on each province's own date (about February-March 2025):
a two-month grace period applies.
Why: a task given to a body that no longer exists is a task nobody does.
Rule: Resolution 176/2025/QH15 (ministries from 01/3/2025); Decree 45/2025/NĐ-CP (departments);
Resolutions 202/2025/QH15 and 203/2025/QH15 (34 provinces, two-level local government from
01/7/2025).
Fix: name the successor (given in the suggestion; no automatic fix, as tasks may have been split).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.agencies import document_date, mentions, reference_date
from ._common import day

def _exists_on_document_date(doc, m) -> bool:
    base = document_date(doc)
    return base is not None and any(e.status_on(base) == "valid" for e in m.entries)


_HINT = Msg("Kiểm tra lại ngày của văn bản hoặc nêu cơ quan hiện hành.",
            "Check the document's date, or name the body that exists now.")
_HINT_LATER = Msg("Không cần sửa nếu cố ý nêu cơ quan hiện quản lý; nếu muốn ghi đúng cơ quan ban hành, đối chiếu bản gốc.",
                  "Nothing to fix if the body now in charge is meant; to name the issuer, copy it from the original.")


_WHEN = {"document": ("ngày của văn bản", "the document's date"), "meeting": ("ngày họp", "the meeting date"),
         "clause": ("ngày nêu trong câu", "the date given in the sentence")}


@rule("N403", name="obsolete-body", severity="warning",
      varies=(("info",), Msg("Mức thông tin khi một văn bản cũ được viện dẫn kèm tên cơ quan kế nhiệm (cơ quan có vào "
                              "ngày của văn bản đang rà soát).",
                              "Information when an older document is cited with its issuer's successor (a body that "
                              "exists on the checked document's date).")),
      title=Msg("Cơ quan không tồn tại vào ngày của văn bản", "Body that did not exist on the date"))
def check(doc):
    for m in mentions(doc):
        if not m.entries:
            continue
        if not any(e.valid_from or e.valid_to for e in m.entries):
            continue
        ref = reference_date(doc, m)
        if ref is None:
            continue
        when, label = ref
        status = [e.status_on(when) for e in m.entries]
        if "valid" in status:
            continue
        e = max(m.entries, key=lambda x: x.valid_to or x.valid_from)
        name = {"agency": m.official, "province": f"{getattr(e, 'kind', '')} {e.name}",
                "place": f"{getattr(e, 'unit', '')} {e.name}"}[m.kind]
        wvi, wen = _WHEN[label]
        approx = ("khoảng ", "about ") if getattr(e, "approximate", False) else ("", "")
        if e.valid_to and when > e.valid_to:
            if m.kind == "agency":
                succ_vi = f"; cơ quan kế nhiệm: {e.successor}" if e.successor else ""
                succ_en = f"; its successor: {e.successor}" if e.successor else ""
            else:
                succ_vi = f"; nay thuộc {e.successor}" if e.successor else ""
                succ_en = f"; now part of {e.successor}" if e.successor else ""
            msg = Msg(f"\"{name}\" không còn tồn tại vào {day(when)} ({wvi}): chỉ tồn tại đến {approx[0]}"
                      f"{day(e.valid_to)}{succ_vi}.",
                      f"\"{name}\" no longer existed on {day(when)} ({wen}): it existed until {approx[1]}"
                      f"{day(e.valid_to)}{succ_en}.")
        else:
            msg = Msg(f"\"{name}\" chưa có vào {day(when)} ({wvi}): được thành lập từ {approx[0]}{day(e.valid_from)}.",
                      f"\"{name}\" did not exist yet on {day(when)} ({wen}): it exists from {approx[1]}"
                      f"{day(e.valid_from)}.")
        successor = (e.successor or "").split(" (", 1)[0].strip() or None  # the name, without the details
        # a cited document of an earlier year named with the body that exists now: common usage
        later = label == "clause" and not (e.valid_to and when > e.valid_to) and _exists_on_document_date(doc, m)
        if later:
            msg = Msg(f"\"{name}\" được thành lập từ {approx[0]}{day(e.valid_from)}, sau khi văn bản được viện dẫn ở đây "
                      f"ban hành (năm {when.year}): văn bản đó do cơ quan tiền nhiệm ban hành. Nêu cơ quan hiện quản lý "
                      f"là cách viết thường gặp; nếu cần ghi cơ quan ban hành, ghi tên cơ quan lúc ban hành.",
                      f"\"{name}\" exists from {approx[1]}{day(e.valid_from)}, after the document cited here was "
                      f"issued ({when.year}): that document was issued by a predecessor. Naming the body now in "
                      f"charge is common usage; to name the issuer, give its name at the time of issue.")
        yield Hit(msg, para=m.para, start=m.start, end=m.end, suggestion=successor,
                  severity="info" if later else None,
                  hint=_HINT_LATER if later else _HINT)
