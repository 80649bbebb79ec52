"""L706 — Lặp từ

Cái gì: một từ hay một cụm hai âm tiết viết hai lần liền nhau: "các các", "đến đến hết năm",
"chưa chưa bố trí", "các trường Trường Cao đẳng", "nhân dân nhân dân", "đối với đối với". Không
báo các từ láy, từ lặp có trong tiếng Việt ("từ từ", "dần dần", "mãi mãi", "ngày ngày", "đời
đời"), tên riêng ("Tân Tân Mỹ"), âm tiết vừa kết thúc một từ vừa mở đầu từ sau ("quy định định
mức"), từ lặp ở đầu dòng sau, viết hoa (tiêu đề, ô bảng): một âm tiết chỉ bị coi là lặp nhầm khi trong văn bản hành chính, pháp luật nó hầu như không
bao giờ đứng liền sau chính nó (ít hơn 0,065% số lần dùng). Không xét số ("2024 2024").
Tại sao: lặp từ là lỗi soạn thảo (sửa câu mà không xóa hết), làm văn bản cẩu thả.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1 (văn bản diễn đạt chính xác, rõ ràng).
Ví dụ sai: "phấn đấu hoàn thành mục tiêu đến đến hết năm 2025"; "các khu vực chưa chưa bố trí vốn".
Ví dụ đúng: "… mục tiêu đến hết năm 2025"; "các khu vực chưa bố trí vốn"; "giảm dần dần".
Cách sửa: xóa lần lặp thứ hai (gợi ý sửa).
---
What: a word or a two-syllable word written twice in a row: "các các", "đến đến hết năm",
"nhân dân nhân dân", "đối với đối với". Reduplications in use ("từ từ", "dần dần", "mãi mãi",
"ngày ngày"), names ("Tân Tân Mỹ"), a syllable that ends one word and begins the next ("quy định
định mức") and a word repeated capitalised at the start of the next line (headings, table cells) are not reported: a syllable counts as doubled by mistake only when administrative
and legal texts almost never write it twice in a row (under 0.065% of its uses). Numbers are not
judged.
Why: a doubled word is a drafting slip (an edit left half done).
Rule: Decree 30/2020/NĐ-CP, Article 8(1) (accurate, clear wording).
Fix: delete the second copy.
"""
from ...diagnostics import Msg
from ...encodings import paragraph_legacy
from ...engine import Hit, rule
from ...language.context import doubled, maybe_doubled
from ._shared import paragraph_keys


@rule("L706", name="doubled-word", severity="warning", fixable=True,
      title=Msg("Lặp từ", "Doubled word"))
def check(doc):
    for p in doc.paragraphs:
        text = p.text
        if text.isascii() or paragraph_legacy(text):
            continue
        flat = paragraph_keys(doc, p)
        if flat is not None and not maybe_doubled(flat[0]):
            continue  # no known syllable twice in a row: doubled() would find nothing
        src = doc.source.text
        for start, end, first, words in doubled(text):
            if text[start:start + 1].isupper() and "\n" in src[p.offsets[first]:p.offsets[start]]:
                continue  # a heading or a table cell that begins the next line, not a doubled word
            shown = text[first:end]
            # delete the second copy with the space before it
            a = start
            while a > 0 and text[a - 1] == " ":
                a -= 1
            yield Hit(Msg(f"Lặp từ: \"{shown}\" → \"{words}\".", f"Doubled word: \"{shown}\" → \"{words}\"."),
                      para=p, start=a, end=end, suggestion="", replacement="", safe=False,
                      hint=Msg("Xóa từ viết lặp.", "Delete the repeated word."))
