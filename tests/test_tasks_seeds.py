"""The task tables of seeds 000 and 001, written by hand from the documents.

Each row: (line, item, leads, supports, deadline kind, due date). An owner ending with "*" is
inherited (from the heading the task is listed under, or from the introduction of the list);
"^" marks the general addressees of a list's introduction. The line is the first line of the
task's own text (a paragraph that assigns to several owners gives several tasks).
"""
from __future__ import annotations

import pytest

from checker.document import load_path
from checker.extract.tasks import extract_tasks

from .conftest import SEEDS, needs_shared

INTRO_000 = ["các đồng chí Thành viên UBND tỉnh^", "Thủ trưởng các cơ quan đơn vị^", "Chủ tịch UBND các huyện, thành phố^"]
GROUPS_2 = ["Các sở, ban, ngành tỉnh*", "UBND các huyện, thành phố*"]
SUPPORT_3 = ["các sở, ban, ngành*", "UBND các huyện, thành phố*"]
LEAD_61 = ["Sở Nông nghiệp và Phát triển nông thôn*"]
SUPPORT_61 = ["các đơn vị liên quan*", "UBND các huyện, thành phố*"]

TABLE_000 = [
    # item 1 holds two assignments: the general one (owners of the introduction) and a clause
    # of its own for "các Thành viên Ban Chỉ đạo, Thành viên UBND tỉnh"
    (28, "I.1", INTRO_000, [], "none", None),
    (28, "I.1", ["các Thành viên Ban Chỉ đạo", "Thành viên UBND tỉnh"], [], "none", None),
    (32, "1.1", INTRO_000, [], "vague", None),
    (34, "1.2", ["Sở Y tế"], [], "vague", None),
    (36, "1.3", INTRO_000, [], "none", None),
    (38, "1.4", INTRO_000, [], "none", None),
    (42, "2.1", GROUPS_2, [], "none", None),
    (44, "2.2", GROUPS_2, [], "vague", None),  # "đảm bảo chất lượng, tiến độ": only vague
    (46, "2.3", GROUPS_2, [], "vague", None),
    (50, "3.1", ["Sở Kế hoạch và Đầu tư"], SUPPORT_3, "by-date", "2021-09-30"),
    (52, "3.2", ["Sở Kế hoạch và Đầu tư*"], SUPPORT_3, "vague", None),
    (58, "4.1", ["Sở Lao động - Thương binh và Xã hội*"], ["các sở, ngành liên quan*"], "vague", None),  # "đẩy nhanh tiến độ"
    (60, "4.1", ["Sở Lao động - Thương binh và Xã hội*"], ["các sở, ngành liên quan*"], "none", None),
    (62, "4.2", ["Sở Nội vụ"], ["các sở, ngành liên quan"], "vague", None),
    (66, "I.5", ["Sở Giáo dục và Đào tạo*"], ["UBND các huyện, thành phố*"], "event", None),  # khai giảng năm học mới 2021-2022 (gold: a concrete event)
    (68, "I.5", ["Sở Giáo dục và Đào tạo*"], ["UBND các huyện, thành phố*"], "within-month", "2021-09-30"),
    (74, "6.1", LEAD_61, SUPPORT_61, "none", None),
    (76, "6.1", LEAD_61, SUPPORT_61, "none", None),
    (78, "6.1", LEAD_61, SUPPORT_61 + ["Sở Công Thương", "Sở Kế hoạch và Đầu tư", "các sở, ngành tỉnh"], "none", None),
    (80, "6.2", ["Sở Công Thương"], ["Sở Ngoại vụ", "Sở Nông nghiệp và Phát triển nông thôn"], "within-month", "2021-09-30"),
    (82, "I.7", ["Ban Chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn các cấp"], [], "vague", None),
    (84, "I.8", ["Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Tài chính", "Sở Tài nguyên và Môi trường"], [], "none", None),
    (86, "I.9", ["Sở Thông tin và Truyền thông"], ["các cơ quan, đơn vị", "Công an tỉnh", "các cơ quan liên quan"], "none", None),
    (88, "I.10", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
     ["các đơn vị liên quan", "UBND các huyện, thành phố"], "vague", None),
    (94, "II.1", ["Sở Xây dựng"], ["các cơ quan, đơn vị liên quan"], "within-month", "2021-09-30"),
    (100, "II.2", ["Sở Y tế"], [], "within-month", "2021-09-30"),
    (104, "II.3", ["Sở Văn hóa - Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Văn phòng UBND tỉnh"], [], "none", None),
    (112, "II.4", ["các đồng chí Thành viên UBND tỉnh"], [], "by-date", "2021-09-10"),
]

TCKH = ["Phòng Tài chính - Kế hoạch*"]
TNMT = ["Phòng Tài nguyên và Môi trường*"]
VHTT = ["Phòng Văn hóa và Thông tin*"]
LDTB = ["Phòng Lao động - Thương binh và Xã hội*"]
NOIVU = ["Phòng Nội vụ*"]

TABLE_001 = [
    (17, "1", ["Các cơ quan khối nông nghiệp", "UBND các xã, thị trấn"], [], "by-date", "2020-09-10"),
    (19, "1", [], [], "within-month", "2020-09-30"),
    (21, "1", [], [], "within-month", "2020-09-30"),
    (23, "1", [], [], "by-date", "2020-09-15"),
    (25, "1", [], [], "by-date", "2020-09-15"),  # "Tham mưu để …" names nobody;
    (25, "1", ["các xã, thị trấn"], [], "by-date", "2020-09-10"),  # "(Yêu cầu các xã, thị trấn …)" is its own task
    (27, "1", ["Phòng Nông nghiệp"], ["Trung tâm DVNN", "Ban QLRPH"], "by-date", "2020-09-05"),
    (29, "1", [], [], "within-month", "2020-09-30"),
    (31, "1", [], [], "none", None),
    (31, "1", ["đồng chí Lê Thanh Huy - Phó Chủ tịch UBND huyện"], [], "recurring", None),
    (33, "1", ["Phòng Nông nghiệp & PTNT"], [], "by-date", "2020-09-20"),
    (35, "1", ["Ban Quản lý rừng phòng hộ"], ["Hạt Kiểm"], "by-date", "2020-09-15"),
    (37, "1", ["Hạt Kiểm lâm"], [], "by-date", "2020-10-10"),
    (37, "1", ["Phòng NN&PTNT, TN&MT"], [], "by-date", "2020-11-10"),
    (43, "2", TCKH, [], "by-date", "2020-09-20"),
    (45, "2", TCKH, [], "by-date", "2020-09-30"),
    (47, "2", TCKH, ["các cơ quan liên quan"], "by-date", "2020-09-08"),
    (49, "2", TCKH, [], "by-date", "2020-09-15"),
    (51, "2", TCKH, [], "vague", None),
    (55, "3", ["phòng Kinh tế và Hạ tầng"], [], "within-month", "2020-09-30"),
    (57, "3", ["Ban QLDAXDCBHTBT di dân tái định cư"], [], "vague", None),
    (63, "4", TNMT, [], "none", None),
    (65, "4", TNMT, ["Chi nhánh Văn phòng đăng ký đất đai", "Chi cục Thuế huyện"], "by-date", "2020-09-20"),
    (67, "4", ["Trung tâm Phát triển quỹ đất"], ["các cơ quan liên quan", "các xã, thị trấn"], "within-month", "2020-09-30"),
    (71, "5", ["Phòng Giáo dục và Đào tạo"], [], "by-date", "2020-09-03"),
    (75, "5", ["Phòng Giáo dục và Đào tạo"], ["Phòng Nội vụ"], "none", None),
    (77, "5", ["Ban QLDAXDCB"], [], "event", None),
    (77, "5", ["đồng chí Lê Thanh Huy - PCT UBND"], [], "none", None),
    (79, "5", ["Các xã, thị trấn"], [], "none", None),
    (79, "5", ["phòng Giáo dục và Đào tạo"], [], "by-date", "2020-09-10"),
    (81, "5", ["Các xã, thị trấn", "các ngành có liên quan"], [], "none", None),
    (87, "6", VHTT, ["các xã, thị trấn"], "event", None),  # trong dịp Quốc khánh 2/9 (gold: a concrete event)
    (89, "6", VHTT, [], "by-date", "2020-09-15"),
    (91, "6", VHTT, [], "none", None),
    (93, "6", VHTT, [], "by-date", "2020-09-25"),
    (95, "6", VHTT, [], "by-date", "2020-09-15"),
    (97, "6", VHTT, [], "by-date", "2020-09-15"),
    (97, "6", VHTT + ["đồng chí Nguyễn Thanh Văn, Phó Chủ tịch UBND huyện"], [], "by-date", "2020-09-20"),
    (99, "6", VHTT, ["phòng Nông nghiệp và PTNT"], "within-month", "2020-09-30"),
    (101, "6", ["Đài Truyền thanh - Truyền hình"], ["các xã, thị trấn"], "none", None),
    (105, "7", ["Phòng Y tế"], [], "by-date", "2020-09-05"),
    (107, "7", ["Các xã, thị trấn", "các ngành"], [], "none", None),
    (107, "7", ["UBND các xã, thị trấn"], [], "none", None),
    (109, "7", ["Phòng Giáo dục và đào tạo"], [], "none", None),
    (115, "8", LDTB, [], "within-month", "2020-09-30"),
    (117, "8", LDTB, ["UBND xã Nậm Sỏ"], "within-year", "2020-12-31"),  # "thực hiện đến cuối năm" (gold: debatable, "đến cuối năm")
    (119, "8", LDTB, ["Trung tâm GDNN-GDTX huyện", "các cơ quan liên quan"], "by-date", "2020-09-15"),
    (125, "9", NOIVU, [], "within-month", "2020-09-30"),
    (127, "9", NOIVU, [], "within-month", "2020-09-30"),
    (129, "9", NOIVU, [], "none", None),
    (131, "9", NOIVU, [], "none", None),
    (133, "9", NOIVU, ["Phòng Tài chính - Kế hoạch", "Phòng Giáo dục và đào tạo", "các cơ quan liên quan"], "within-month", "2020-09-30"),
    (135, "9", NOIVU, [], "none", None),
    (137, "9", NOIVU, ["Công an huyện"], "within-month", "2020-09-30"),
    (141, "9", ["Thanh tra huyện*"], [], "within-month", "2020-09-30"),
    (143, "9", ["Thanh tra huyện*"], [], "vague", None),
    (147, "10", ["Các lực lượng"], [], "vague", None),
    (151, "11", ["Thủ trưởng các cơ quan, đơn vị"], [], "none", None),
    (151, "11", ["Văn phòng HĐND-UBND"], [], "recurring", None),
    (153, "11", ["Thủ trưởng các cơ quan, đơn vị"], ["Văn phòng HĐND-UBND huyện"], "none", None),
    (155, "11", ["Văn phòng HĐND-UBND huyện"], [], "by-date", "2020-09-20"),
]


def _mark(o) -> str:
    return o.name + ("^" if o.source == "intro" else "*" if o.inherited else "")


def _table(name: str):
    doc = load_path(SEEDS / name)
    return [
        (t.line, t.number, [_mark(o) for o in t.leads], [_mark(o) for o in t.supports], t.kind,
         t.deadline.date.isoformat() if t.deadline and t.deadline.date else None)
        for t in extract_tasks(doc)
    ]


def _compare(got, want):
    """Tasks line by line (a line may hold several: one per owner or sub-item, in text order)."""
    by_line: dict[int, list] = {}
    for row in got:
        by_line.setdefault(row[0], []).append(row)
    want_by_line: dict[int, list] = {}
    for row in want:
        want_by_line.setdefault(row[0], []).append(row)
    missing = sorted(set(want_by_line) - set(by_line))
    extra = sorted(set(by_line) - set(want_by_line))
    assert not missing and not extra, f"tasks missing at lines {missing}, unexpected at lines {extra}"
    for line, ws in want_by_line.items():
        gs = by_line[line]
        assert [(g[1], sorted(g[2]), sorted(g[3]), g[4], g[5]) for g in gs] == \
            [(w[1], sorted(w[2]), sorted(w[3]), w[4], w[5]) for w in ws], f"line {line}"


@needs_shared
@pytest.mark.parametrize("name,table", [("000_0ecd264c0f8cb733.txt", TABLE_000), ("001_97c29a3822b1a2b7.txt", TABLE_001)])
def test_task_table_matches_hand_written(name, table):
    _compare(_table(name), table)


@needs_shared
def test_seed_000_parts_I_and_II_in_the_csv():
    """Acceptance 2: `rasoat tasks 000 --format csv` lists every task of parts I and II."""
    from .conftest import run_cli

    code, out, err = run_cli("tasks", SEEDS / "000_0ecd264c0f8cb733.txt", "--format", "csv")
    assert code == 0, err
    assert out.startswith("\ufeff")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Tệp", "Dòng", "Mục", "Nhiệm vụ"]
    assert [int(r[1]) for r in rows[1:]] == [row[0] for row in TABLE_000]
    by_line = {int(r[1]): r for r in rows[1:]}
    assert by_line[42][4] == "Các sở, ban, ngành tỉnh (kế thừa); UBND các huyện, thành phố (kế thừa)"
    assert by_line[50][6:9] == ["Đến ngày 30/9/2021", "2021-09-30", "by-date"]
    assert by_line[34][10] == "D202"


@needs_shared
def test_seed_002_items_without_deadlines_are_reported_and_the_report_of_results_is_no_task():
    from checker import Options, check_file

    doc = load_path(SEEDS / "002_b75f6995bec0e83d.txt")
    ts = extract_tasks(doc)
    assert 15 not in [t.line for t in ts]  # "Trong tháng 7, tình hình kinh tế - xã hội … đạt được …"
    res = check_file(SEEDS / "002_b75f6995bec0e83d.txt", Options(), select=["D"])
    items = {t.number.split(".")[1] for t in ts
             if t.number.startswith("I.") and any(d.line == t.line for d in res.diagnostics)}
    assert {"1", "3", "5", "6", "7", "8", "10", "11", "12", "13", "14"} <= items
    flagged = {d.line for d in res.diagnostics}
    assert not flagged & {41, 53, 97, 113}
