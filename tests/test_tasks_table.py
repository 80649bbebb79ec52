"""Tasks read from the rows of a task table in an annex (flattened one cell per line)."""
from __future__ import annotations

from checker.document import load_text
from checker.extract.tasks import extract_tasks

from .conftest import run_text
from .test_tasks_rules import draft

ANNEX = """PHỤ LỤC
CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ
(Kèm theo Thông báo số 210/TB-UBND ngày 08 tháng 9 năm 2022)
STT
Nhiệm vụ
Văn bản giao
nhiệm vụ
Cơ quan chủ trì
thực hiện
Thời hạn
Tiến độ
1.
Xây dựng đề án phát triển vùng nguyên liệu chè
gắn với chế biến sâu
Kế hoạch số 12/KH-UBND
Sở Nông nghiệp và Phát triển
nông thôn
30/06/2022
Đang thực hiện
2.
Ban hành quy chế phối hợp quản lý cụm công nghiệp
Quyết định số 5/QĐ-UBND
Sở Công Thương
15/08/2022
Đã hoàn thành
3.
Rà soát, cập nhật dữ liệu hộ nghèo trên hệ thống
Kế hoạch số 12/KH-UBND
Ủy ban nhân dân các huyện
Nhiệm vụ thường xuyên
Đang thực hiện
"""


def doc_with_table():
    body = "1. Giao Sở Tài chính hoàn thành dự toán trước ngày 30/9/2022.\n"
    return load_text(draft(body) + "\n" + ANNEX, "draft.txt")


def test_each_open_row_is_a_task_with_its_lead_and_deadline_cells():
    tasks = [t for t in extract_tasks(doc_with_table()) if t.origin == "table"]
    # row 2 is reported done: it asks nobody to do anything
    assert [t.number for t in tasks] == ["PL.1", "PL.3"]
    first, third = tasks
    assert first.text.startswith("Xây dựng đề án phát triển vùng nguyên liệu chè")
    assert "Kế hoạch" not in first.text  # the source-document cell is not part of the task
    assert [o.name for o in first.leads] == ["Sở Nông nghiệp và Phát triển nông thôn"]  # a wrapped cell
    assert first.deadline.text == "30/06/2022" and first.deadline.date.isoformat() == "2022-06-30"
    assert first.end_line == first.line + 1
    assert third.deadline.text == "Nhiệm vụ thường xuyên"


def test_table_rows_restating_an_earlier_deadline_get_no_finding():
    text = doc_with_table().source.text
    codes = [(d.code, d.line) for d in run_text(text, select=["D", "A"])]
    assert not [c for c in codes if c[0] in ("D201", "D204", "A301")], codes


PIPE_ANNEX = """PHỤ LỤC
CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ
(Kèm theo Thông báo số 210/TB-UBND ngày 08 tháng 9 năm 2022)

| STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn | Tiến độ |
|:---:|---|---|---|---|---|
| 1. | Xây dựng đề án phát triển vùng nguyên liệu chè gắn với chế biến sâu | Kế hoạch số 12/KH-UBND | Sở Nông nghiệp và Phát triển nông thôn | 30/06/2022 | Đang thực hiện |
| 2. | Ban hành quy chế phối hợp quản lý cụm công nghiệp | Quyết định số 5/QĐ-UBND | Sở Công Thương | 15/08/2022 | Đã hoàn thành |
| 3. | Rà soát, cập nhật dữ liệu hộ nghèo trên hệ thống | Kế hoạch số 12/KH-UBND | Ủy ban nhân dân các huyện | Nhiệm vụ thường xuyên | Đang thực hiện |
"""


def test_a_task_table_written_as_a_markdown_pipe_table_is_read_as_the_flattened_one():
    body = "1. Giao Sở Tài chính hoàn thành dự toán trước ngày 30/9/2022.\n"
    doc = load_text(draft(body) + "\n" + PIPE_ANNEX, "draft.md")
    tasks = [t for t in extract_tasks(doc) if t.origin == "table"]
    assert [t.number for t in tasks] == ["PL.1", "PL.3"]  # row 2 is done
    first, third = tasks
    assert first.text == "Xây dựng đề án phát triển vùng nguyên liệu chè gắn với chế biến sâu"
    assert [o.name for o in first.leads] == ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert first.deadline.text == "30/06/2022"
    assert third.deadline.text == "Nhiệm vụ thường xuyên"
    assert [o.name for o in third.leads] == ["Ủy ban nhân dân các huyện"]
