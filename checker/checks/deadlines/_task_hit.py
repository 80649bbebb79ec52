"""Shared by the D2xx and A3xx rules: where a task is and how to quote it in a message."""
from __future__ import annotations

from ...diagnostics import Msg
from ...engine import Hit
from ...extract.tasks import Task, extract_tasks  # noqa: F401  (re-exported for the rules)


def excerpt(task: Task, n: int = 70) -> str:
    t = " ".join(task.text.split())
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def where(task: Task) -> Msg:
    if task.number:
        return Msg(f"Mục {task.number}", f"Item {task.number}")
    return Msg("Nhiệm vụ", "The task")


def task_hit(task: Task, message: Msg, hint: Msg | None = None, severity: str | None = None, **data) -> Hit:
    """A finding at the start of the task (its first line, also when a page break split it)."""
    return Hit(message=message, para=task.para, start=task.start, end=task.end, hint=hint, severity=severity,
               data={"item": task.number, **data})


def task_deadlines(doc):
    """(task, deadline) for every deadline of every task; a deadline inherited from a heading
    comes once (with the first task listed under it), so a finding on it is not repeated."""
    seen = set()
    for t in extract_tasks(doc):
        for d in t.deadlines:
            if d.inherited:
                key = (d.text, d.start)
                if key in seen:
                    continue
                seen.add(key)
            yield t, d
