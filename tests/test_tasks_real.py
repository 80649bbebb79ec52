"""Real notices found in public repositories (fixtures/real/, sources in SOURCES.md), annotated
by ../shared/gold/GUIDE.md: the tasks a clerk finds, and no owner or deadline warning where the
annotation says the owner or the deadline is fine."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import Options, check_file
from checker.document import load_path
from checker.extract.tasks import extract_tasks

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
GOLDS = sorted(REAL.glob("*.json"))


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    return " ".join((s or "").lower().split())


def _within(line: int, lines: list[int]) -> bool:
    return lines[0] <= line <= lines[1]


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.stem for p in GOLDS])
def test_no_owner_or_deadline_warning_where_the_annotation_finds_none(gold_path):
    gold = _gold(gold_path)
    res = check_file(REAL / gold["doc"], Options(), select=["D", "A"])
    for d in res.diagnostics:
        if d.severity == "info":
            continue
        key = "deadline" if d.code.startswith("D") else "owner"
        on = [t for t in gold["tasks"] if _within(d.line, t["lines"])]
        assert on and any(t[key] in ("missing", "vague", "debatable") for t in on), (d.line, d.code, d.message.get("vi"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.stem for p in GOLDS])
def test_the_lead_of_every_task_found_is_the_annotated_one(gold_path):
    gold = _gold(gold_path)
    tasks = extract_tasks(load_path(REAL / gold["doc"]))
    for g in gold["tasks"]:
        found = [t for t in tasks if _within(t.line, g["lines"])]
        if not found:
            continue
        want = {_norm(x) for x in g["lead"]}
        got = {_norm(o.name) for o in found[0].leads}
        assert any(a in b or b in a for a in want for b in got), (g["lines"], g["lead"], got)


def test_conclusion_of_a_meeting_every_owner_first_paragraph_is_a_task():
    gold = _gold(REAL / "tb-467-vpcp-2024-thi-truong-cac-bon.json")
    tasks = extract_tasks(load_path(REAL / gold["doc"]))
    found = [g for g in gold["tasks"] if any(_within(t.line, g["lines"]) for t in tasks)]
    assert len(found) >= 7, [g["lines"] for g in gold["tasks"] if g not in found]


def test_announcement_gets_no_owner_or_deadline_warning():
    res = check_file(REAL / "tb-453-ubnd-ha-noi-2026-treo-co.txt", Options(), select=["D", "A"])
    assert [d for d in res.diagnostics if d.severity != "info"] == []


# Three conclusion notices annotated by the GUIDE before rasoat was run on them (issue 15, item 4):
# the figures reached on them, which must not drop.
NEW = ("tb-637-vpcp-2025-kiem-tra-cong-trinh.json", "tb-653-vpcp-2025-du-an-dien.json",
       "tb-vpcp-2025-pttg-son-la.json")


def test_unseen_conclusion_notices_tasks_found_and_no_extra_task():
    found = extracted = gold_total = extra = 0
    for name in NEW:
        gold = _gold(REAL / name)
        tasks = extract_tasks(load_path(REAL / gold["doc"]))
        gold_total += len(gold["tasks"])
        found += sum(any(_within(t.line, g["lines"]) for t in tasks) for g in gold["tasks"])
        extracted += len(tasks)
        extra += sum(not any(_within(t.line, g["lines"]) for g in gold["tasks"]) for t in tasks)
    assert gold_total == 32 and found >= 30, found
    assert extra == 0, (extra, extracted)


def test_praise_opening_with_a_directive_verb_is_no_task():
    # "Đánh giá cao" starts like the verb "đánh giá" ("Đánh giá kỹ cơ hội …") but praises
    tasks = extract_tasks(load_path(REAL / "tb-653-vpcp-2025-du-an-dien.txt"))
    assert not [t for t in tasks if t.line in (27, 54)]
    res = check_file(REAL / "tb-653-vpcp-2025-du-an-dien.txt", Options(), select=["D", "A"])
    assert not [d for d in res.diagnostics if d.line in (27, 54)]


def test_the_investor_and_a_state_council_are_leads():
    tasks = {t.line: t for t in extract_tasks(load_path(REAL / "tb-653-vpcp-2025-du-an-dien.txt"))}
    assert [o.name for o in tasks[39].leads] == ["Chủ đầu tư"]  # "Chủ đầu tư phối hợp chặt chẽ với …"
    tasks = {t.line: t for t in extract_tasks(load_path(REAL / "tb-vpcp-2025-pttg-son-la.txt"))}
    assert [o.name for o in tasks[128].leads] == ["Hội đồng thẩm định Nhà nước"]
    res = check_file(REAL / "tb-653-vpcp-2025-du-an-dien.txt", Options(), select=["A"])
    assert [d for d in res.diagnostics if d.severity != "info"] == []


def test_meeting_the_deadline_of_a_session_is_a_deadline_not_a_vague_one():
    # "Bộ … khẩn trương tiếp thu …, bảo đảm thời hạn trình Chính phủ xem xét để trình Quốc hội
    # thông qua tại Kỳ họp thứ 10": the session is the deadline, not "khẩn trương"
    tasks = {t.line: t for t in extract_tasks(load_path(REAL / "tb-vpcp-2025-pttg-son-la.txt"))}
    assert tasks[132].deadline is not None and tasks[132].deadline.kind == "event"
    res = check_file(REAL / "tb-vpcp-2025-pttg-son-la.txt", Options(), select=["D"])
    assert not [d for d in res.diagnostics if d.line == 132 and d.severity != "info"]
