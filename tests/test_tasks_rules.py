"""Task extraction and the D2xx/A3xx rules on small drafts, `rasoat tasks`, and the lexicons."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from checker.document import Options, load_text
from checker.extract.tasklex import LexiconError, validate
from checker.extract.tasks import extract_tasks

from .conftest import SEEDS, needs_shared, run_cli, run_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 210/TB-UBND
Điện Biên, ngày {notice} năm {year}

THÔNG BÁO

Kết luận của Chủ tịch UBND tỉnh tại phiên họp UBND tỉnh

Ngày {meeting}, Ủy ban nhân dân tỉnh tổ chức phiên họp thường kỳ. Sau khi nghe các sở, ngành báo cáo, Chủ tịch UBND tỉnh kết luận như sau:

"""
TAIL = """
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- Lưu: VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Lò Văn Mạnh
"""


def draft(body: str, meeting="05/9/2022", notice="08 tháng 9", year="2022") -> str:
    return HEAD.format(meeting=meeting, notice=notice, year=year) + body + TAIL


def tasks_of(body: str, **kw):
    return extract_tasks(load_text(draft(body, **kw), "draft.txt"))


def found(body: str, code: str, **options):
    return [(d.line, d.severity) for d in run_text(draft(body), select=[code], **options) if d.code == code]


LINE = 16  # the first body line of draft()


def test_assessment_is_not_a_task_and_listed_items_inherit_the_heading():
    ts = tasks_of("""I. Đánh giá chung

Trong tháng, các sở, ngành đã triển khai quyết liệt các nhiệm vụ và đạt được nhiều kết quả quan trọng.

II. Nhiệm vụ trọng tâm

1. Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan:

1.1. Rà soát các khoản chi thường xuyên, báo cáo UBND tỉnh trước ngày 20/9/2022.

1.2. Tham mưu phương án tiết kiệm chi, hoàn thành trong tháng 10/2022.
""")
    assert [t.number for t in ts] == ["1.1", "1.2"]
    for t in ts:
        assert [(o.name, o.inherited, o.chu_tri) for o in t.leads] == [("Sở Tài chính", True, True)]
        assert [o.name for o in t.supports] == ["các sở, ngành liên quan"]
    assert [(t.kind, t.deadline.date) for t in ts] == [("by-date", dt.date(2022, 9, 20)), ("within-month", dt.date(2022, 10, 31))]


def test_giao_heading_and_factored_list_and_person_owner():
    ts = tasks_of("""1. Giao Phòng Quản lý đô thị:

- Kiểm tra trật tự xây dựng trên các tuyến phố chính, báo cáo trước ngày 30/9.

2. Các Sở: Xây dựng, Giao thông vận tải, Tài chính rà soát các dự án chậm tiến độ, báo cáo UBND tỉnh trong tháng 9/2022.

3. Giao đồng chí Vừ A Bằng - Phó Chủ tịch UBND tỉnh chỉ đạo xử lý dứt điểm các vướng mắc, hoàn thành trước ngày 15/10/2022.
""")
    assert [o.name for o in ts[0].leads] == ["Phòng Quản lý đô thị"] and ts[0].leads[0].inherited
    assert ts[0].deadline.date == dt.date(2022, 9, 30)  # no year: the meeting's
    assert [o.name for o in ts[1].leads] == ["Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài chính"]
    assert [(o.name, o.kind) for o in ts[2].leads] == [("đồng chí Vừ A Bằng - Phó Chủ tịch UBND tỉnh", "person")]


def test_paragraph_split_by_a_page_break_is_reported_at_its_first_line():
    body = """1. Giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan rà soát toàn bộ trang thiết bị y tế của các bệnh viện tuyến huyện, đề xuất phương án điều chuyển cho phù hợp với

nhu cầu sử dụng của từng đơn vị.
"""
    ts = tasks_of(body)
    assert len(ts) == 1 and ts[0].line == LINE
    assert found(body, "D201") == [(LINE, "warning")]


def test_d201_deliverable_warning_ongoing_info_and_d202_vague():
    body = """1. Sở Nội vụ tham mưu Đề án sắp xếp đơn vị sự nghiệp, trình UBND tỉnh.

2. Công an tỉnh tăng cường tuần tra, kiểm soát trên các tuyến biên giới.

3. Sở Y tế khẩn trương bổ sung thuốc cho các trạm y tế xã.
"""
    assert found(body, "D201") == [(LINE, "warning"), (LINE + 2, "info")]
    assert found(body, "D202") == [(LINE + 4, "warning")]


def test_emphasis_and_parentheses_around_a_deadline_do_not_matter():
    body = """1. Sở Công Thương tổng hợp tình hình cung ứng xăng dầu, báo cáo UBND tỉnh (*hoàn thành trước ngày 20 tháng 9 năm 2022*).

2. Sở Giáo dục và Đào tạo rà soát cơ sở vật chất các trường học. **Thời hạn trong tháng 9/2022.**
"""
    assert found(body, "D201") == [] and found(body, "D202") == []
    assert [t.kind for t in tasks_of(body)] == ["by-date", "within-month"]


def test_d203_d204_d205():
    body = """1. Sở Tư pháp rà soát văn bản, báo cáo UBND tỉnh trước ngày 31/9/2022.

2. Sở Nội vụ báo cáo kết quả tuyển dụng trước ngày 01/9/2022.

3. Sở Tài chính báo cáo dự toán trước ngày 06/9/2022.

4. Sở Y tế báo cáo tình hình dịch bệnh trước ngày 30/9/2022.
"""
    assert found(body, "D203") == [(LINE, "error")]
    d204 = run_text(draft(body), select=["D204"])
    assert [(d.line, d.data["reference"]) for d in d204] == [(LINE + 2, "meeting"), (LINE + 4, "notice")]
    assert found(body, "D205") == []  # only with --today
    assert found(body, "D205", today=dt.date(2022, 9, 20)) == [(LINE + 2, "warning"), (LINE + 4, "warning")]


def test_december_meeting_january_deadline_is_next_year():
    body = "1. Sở Kế hoạch và Đầu tư báo cáo UBND tỉnh trước ngày 10/01.\n"
    (t,) = tasks_of(body, meeting="20/12/2022", notice="22 tháng 12", year="2022")
    assert t.deadline.date == dt.date(2023, 1, 10)
    assert run_text(draft(body, meeting="20/12/2022", notice="22 tháng 12", year="2022"), select=["D204"]) == []


def test_a301_a302_a303():
    body = """1. Công tác nông nghiệp

- Kiểm tra tình hình sâu bệnh trên cây lúa, báo cáo trước ngày 20/9/2022.

2. Các lực lượng chức năng tăng cường kiểm soát vận chuyển lâm sản, báo cáo hằng tháng.

3. Sở Xây dựng, Sở Giao thông vận tải chủ trì rà soát quy hoạch giao thông đô thị, báo cáo trước ngày 30/9/2022.

4. Các sở, ban, ngành tỉnh, UBND các huyện, thành phố:

4.1. Rà soát thủ tục hành chính, báo cáo trước ngày 30/9/2022.
"""
    assert found(body, "A301") == [(LINE + 2, "warning")]
    assert found(body, "A302") == [(LINE + 4, "warning")]
    assert found(body, "A303") == [(LINE + 6, "warning")]


def test_a301_info_for_the_general_addressees_of_an_introduction():
    body = """Để hoàn thành kế hoạch năm, yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố tập trung thực hiện các nhiệm vụ sau:

1. Đẩy mạnh giải ngân vốn đầu tư công, hoàn thành trong tháng 12/2022.

2. Sở Tài chính rà soát nguồn thu, báo cáo trước ngày 30/9/2022.
"""
    assert found(body, "A301") == [(LINE + 2, "info")]


def test_tasks_are_cached_per_document():
    doc = load_text(draft("1. Sở Y tế báo cáo trước ngày 30/9/2022.\n"), "d.txt")
    assert extract_tasks(doc) is extract_tasks(doc)


# ---------------------------------------------------------------- `rasoat tasks`

@pytest.fixture()
def draft_file(tmp_path):
    p = tmp_path / "du-thao.txt"
    p.write_text(draft("""1. Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát dự toán, báo cáo trước ngày 20/9/2022.

2. Công an tỉnh tăng cường tuần tra.
"""), encoding="utf-8")
    return p


def test_tasks_csv_has_bom_and_header_in_either_language(draft_file):
    code, out, _ = run_cli("tasks", draft_file, "--format", "csv")
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == ["Tệp", "Dòng", "Mục", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Ngày hạn",
                       "Loại thời hạn", "Tính chất", "Phát hiện"]
    assert rows[1][1:3] == [str(LINE), "1"] and rows[1][4:9] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "trước ngày 20/9/2022", "2022-09-20", "by-date"]
    assert rows[2][8] == "none" and rows[2][10] == "D201"
    _, out_en, _ = run_cli("tasks", draft_file, "--format", "csv", "--lang", "en")
    assert out_en.lstrip("\ufeff").splitlines()[0].startswith("File,Line,Item,Task,Lead,Support,Deadline,Due date")


def test_tasks_csv_to_a_file_is_utf8_with_bom(draft_file, tmp_path):
    out = tmp_path / "tasks.csv"
    code, _, _ = run_cli("tasks", draft_file, "--format", "csv", "-o", out)
    assert code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbfT\xe1\xbb\x87p,")


def test_tasks_json_and_table(draft_file):
    code, out, _ = run_cli("tasks", draft_file, "--format", "json", "--today", "2022-09-25")
    data = json.loads(out)
    (f,) = data["files"]
    assert f["meeting_date"] == "2022-09-05" and f["notice_date"] == "2022-09-08"
    t0, t1 = f["tasks"]
    assert t0["owners"][0] == {"name": "Sở Tài chính", "role": "lead", "kind": "body", "inherited": False, "source": "own", "chu_tri": True}
    assert t0["deadline"] == {"text": "trước ngày 20/9/2022", "date": "2022-09-20", "kind": "by-date", "inherited": False}
    assert [x["code"] for x in t0["findings"]] == ["D205"]
    assert t1["nature"] == "ongoing" and [x["severity"] for x in t1["findings"]] == ["info"]
    code, out, _ = run_cli("tasks", draft_file)
    assert code == 0 and "2 nhiệm vụ" in out and "Sở Tài chính" in out and "D201" in out


def test_tasks_bad_input_exits_2_without_traceback(draft_file, tmp_path):
    for args in (["nope.txt"], [draft_file, "--format", "xml"], [draft_file, "--today", "2022-13-01"], [draft_file, "--lang", "fr"]):
        code, out, err = run_cli("tasks", *args)
        assert code == 2 and "Traceback" not in err and err.startswith("rasoat:"), args
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01\x02")
    code, _, err = run_cli("tasks", bad)
    assert code == 2 and "Traceback" not in err


@needs_shared
def test_tasks_on_all_seeds_runs():
    code, out, err = run_cli("tasks", SEEDS, "--format", "json")
    assert code == 0, err
    files = {f["path"].split("/")[-1][:3]: f for f in json.loads(out)["files"]}
    assert len(files["000"]["tasks"]) == 28 and len(files["001"]["tasks"]) == 61
    assert files["003"]["tasks"] == [] or files["003"]["kind"] == "other"


# ---------------------------------------------------------------- lexicons

def test_lexicon_errors_name_file_and_key():
    good = {"source": "x", "patterns": ["a"]}
    base = {k: dict(good) for k in ("date_cues", "day_only_cues", "relative", "recurring", "recurring_context",
                                    "event_nouns", "event_anchors", "event_cues", "event_cues_far", "vague", "occasions", "past", "completion",
                                    "table_cells", "after_event", "purpose", "in_process", "manner")}
    validate("deadlines.toml", base)
    with pytest.raises(LexiconError, match=r"deadlines.toml: .*\[bogus\]"):
        validate("deadlines.toml", {**base, "bogus": good})
    with pytest.raises(LexiconError, match=r"'vague.pattern'"):
        validate("deadlines.toml", {**base, "vague": {"source": "x", "pattern": ["a"]}})
    with pytest.raises(LexiconError, match=r"'vague.patterns\[0\]'"):
        validate("deadlines.toml", {**base, "vague": {"source": "x", "patterns": ["(unclosed"]}})
    with pytest.raises(LexiconError, match=r"\[vague\].*source"):
        validate("deadlines.toml", {**base, "vague": {"patterns": ["a"]}})
    with pytest.raises(LexiconError, match="missing sections"):
        validate("deadlines.toml", {"vague": good})


def test_shipped_lexicons_load():
    from checker.extract.tasklex import SECTIONS, lexicon

    for name in SECTIONS:
        assert set(lexicon(name)) == SECTIONS[name]


def test_options_today_comes_from_the_command_line_too():
    assert Options(today=dt.date(2022, 1, 1)).today.year == 2022
