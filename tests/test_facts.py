"""doc.facts: the document facts several rules share, with one date policy."""
from __future__ import annotations

import datetime as dt

from checker.document import load_text

from .test_tasks_rules import draft


def test_one_date_policy_meeting_else_notice():
    doc = load_text(draft("1. Sở Y tế báo cáo trước ngày 30/9.\n", meeting="05/9/2022"), "d.txt")
    f = doc.facts
    assert f.meeting_date == dt.date(2022, 9, 5) and f.notice_date == dt.date(2022, 9, 8)
    assert f.reference == f.meeting_date and f.reference_year == 2022
    # a deadline without a year takes the reference's
    assert f.tasks[0].deadline.date == dt.date(2022, 9, 30)


def test_a_blank_draft_date_still_gives_the_year():
    doc = load_text(draft("1. Sở Y tế báo cáo trước ngày 30/9.\n", meeting="tháng này", notice="   tháng   ",
                          year="2023"), "d.txt")
    assert doc.facts.notice_date is None and doc.facts.reference_year == 2023
    assert doc.facts.tasks[0].deadline.date == dt.date(2023, 9, 30)


def test_facts_are_computed_once_and_name_the_notice():
    doc = load_text(draft("1. Sở Y tế báo cáo trước ngày 30/9/2022.\n"), "d.txt")
    assert doc.facts is doc.facts and doc.facts.tasks is doc.facts.tasks
    assert doc.facts.number.symbol == "TB-UBND" and doc.facts.number.number == "210"
    assert doc.facts.kind.kind == "thong-bao" and doc.facts.kind.subtype == "conclusion"
    assert "ĐIỆN BIÊN" in doc.facts.issuer


def test_a_checked_document_is_freed_as_soon_as_its_result_is_dropped():
    """No reference cycle holds a checked document (its Facts refers to it weakly): reference
    counting frees it, paragraphs, structure, tasks and all, without the cyclic collector."""
    import gc
    import weakref

    from checker.pipeline import RunSettings, check_text

    res = check_text(draft("1. Sở Y tế báo cáo trước ngày 30/9/2022.\n"), "d.txt", RunSettings())
    assert res.document.facts.tasks and res.diagnostics is not None
    gone = weakref.ref(res.document)
    collecting = gc.isenabled()
    gc.disable()
    try:
        del res
        assert gone() is None
    finally:
        if collecting:
            gc.enable()
