"""Tasks in a task table: the numbered rows of a table whose columns name the task, its lead and
its deadline ("STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì | Thời hạn | Kết quả |
Tiến độ"), as annexes of conclusion notices list them.

Text extraction flattens such a table one cell per line (a long cell wraps over several lines),
so a row is read back the way a clerk reads it:
- the header: a line "STT"/"TT" and, on the lines after it, the column headings
  (rules/directives.toml [table_columns]); the table needs a task column and a lead column;
- a row starts at a line holding only its number ("12", "12.");
- the deadline cell is the first line of the row (after its first) that is all a deadline
  (rules/deadlines.toml [table_cells]: "30/09/2025", "Quý IV/2025", "Nhiệm vụ thường xuyên");
- the lead cell is the line just above it, with the lines above that continue it (a wrapped
  cell: the next line starts in lower case);
- between the task cell and the lead cell, a column "Văn bản giao nhiệm vụ" holds the source;
- after the deadline, a status cell that says the task is done ("Đã hoàn thành", [table_done])
  makes the row a report, not a task.

Each row gives a TableRow; tasks.py turns rows into tasks. A group heading inside the table
("1. Các nhiệm vụ về …", "Nhiệm vụ giao Bộ trưởng Bộ … chỉ đạo") is not a row.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import rx as re
from ..readers import mdtable
from ..record import Frozen

from .tasklex import alternation, lexicon

DIR = "directives.toml"
LEX = "deadlines.toml"

_ROW_NUM = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
_STT = re.compile(r"^\s*(?:STT|TT|Số\s+TT)\s*$", re.I)
_SECTION = re.compile(r"^\s*(\d{1,2}|[IVX]{1,4})\s*[.)]\s+\S")
_ANNEX = re.compile(r"^\s*PHỤ\s+LỤC(?:\s+(?P<n>[IVX]{1,5}|\d{1,2}))?\b", re.I)


@dataclass
class TableRow:
    number: str  # the row's number as printed
    label: str  # "PL I.2.5": annex, section, row
    task_start: int  # source offsets of the task cell
    task_end: int
    owner: str  # the lead cell, one line
    owner_start: int
    deadline: str  # the deadline cell ("" when the table has no deadline column)
    deadline_start: int
    done: bool  # the status cell says the task is done


class _P(Frozen):
    columns: dict  # column name → compiled pattern
    cell: "re.Pattern"
    done: "re.Pattern"


@lru_cache(maxsize=1)
def patterns() -> _P:
    cols = {}
    for pat in lexicon(DIR)["table_columns"]:
        c = re.compile(pat, re.I)
        name = next(iter(c.groupindex))
        cols[name] = re.compile(r"(?<!\w)(?:" + pat + r")(?!\w)", re.I)
    return _P(
        columns=cols,
        cell=re.compile(r"^\s*" + alternation(LEX, "table_cells") + r"\s*\.?\s*$", re.I),
        done=re.compile(r"^\s*" + alternation(DIR, "table_done") + r"\W*$", re.I),
    )


def _header(lines: list[tuple[int, str]], k: int) -> tuple[dict[str, int], int] | None:
    """The columns of a table whose header starts at line k ("STT"), and the first line after
    the header; None when the lines after it do not name a task and a lead column."""
    P = patterns()
    cols: dict[str, int] = {}
    j = k + 1
    while j < len(lines) and j <= k + 14:
        t = lines[j][1].strip()
        if _ROW_NUM.match(t) or not t and cols:
            break
        if t:
            found = sorted((m.start(), name) for name, c in P.columns.items() for m in [c.search(t)] if m)
            for pos, name in found:
                # "Kết quả" and "Tiến độ" are status columns; "Tiến độ hoàn thành" is a deadline
                cols.setdefault(name, j * 1000 + pos)
        j += 1
    if "task" not in cols or "owner" not in cols:
        return None
    return cols, j


def _is_cell_continuation(t: str) -> bool:
    t = t.lstrip()
    return bool(t) and (t[0].islower() or t[0] in "(,;")


def _cells_as_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The rows of a Markdown pipe table ("| 1 | Xây dựng đề án … | Sở Nông nghiệp … | 30/06/2022 |",
    checker/readers/mdtable.py) as the lines of their cells, one after another, as a table
    flattened one cell per line gives them; (start offset, text) like the other lines."""
    out = []
    for start, t in lines:
        cells = mdtable.row_cells(t)
        if cells is None:
            out.append((start, t))
        else:  # (none for the row of dashes under the header)
            out.extend((start + a, t[a:b]) for cell in cells for a, b in cell)
    return out


def table_rows(doc) -> list[TableRow]:
    """Every row of every task table in the document's annexes, in order."""
    annex = doc.component("annex")
    if not annex:
        return []
    src = doc.source
    first = src.position(annex[0].start_offset(0)).line - 1
    lines = _cells_as_lines(src.lines()[first:])
    P = patterns()
    rows: list[TableRow] = []
    annex_no, section = "", ""
    k = 0
    while k < len(lines):
        t = lines[k][1]
        m = _ANNEX.match(t)
        if m:
            annex_no = m.group("n") or ""
            section = ""
            k += 1
            continue
        ms = _SECTION.match(t)
        if ms and not _ROW_NUM.match(t):
            section = ms.group(1)
        if not _STT.match(t):
            k += 1
            continue
        head = _header(lines, k)
        if head is None:
            k += 1
            continue
        cols, k = head
        has_deadline = "deadline" in cols
        has_source = "source" in cols and cols["source"] < cols["owner"]
        has_status = "status" in cols and has_deadline and cols["status"] > cols["deadline"]
        # the rows: from one number line to the next (a new header or annex ends the table)
        starts = []
        j = k
        while j < len(lines):
            tj = lines[j][1]
            if _STT.match(tj) or _ANNEX.match(tj):
                break
            if _ROW_NUM.match(tj) and j + 1 < len(lines) and lines[j + 1][1].strip():
                starts.append(j)
            j += 1
        table_end = j
        for n, s in enumerate(starts):
            e = starts[n + 1] if n + 1 < len(starts) else table_end
            row = _row(lines, s, e, has_deadline, has_source, has_status, P)
            if row is None:
                continue
            num = _ROW_NUM.match(lines[s][1]).group(1)
            label = ".".join(x for x in ("PL" + (" " + annex_no if annex_no else ""), section, num) if x)
            row.number, row.label = num, label
            rows.append(row)
        k = table_end
        # a section heading inside the last row ("2. Các nhiệm vụ về …" before the next STT)
        for j in range(starts[-1] if starts else k, min(table_end, len(lines))):
            ms = _SECTION.match(lines[j][1])
            if ms and not _ROW_NUM.match(lines[j][1]):
                section = ms.group(1)
    return rows


def _row(lines, s: int, e: int, has_deadline: bool, has_source: bool, has_status: bool, P) -> TableRow | None:
    body = [j for j in range(s + 1, e) if lines[j][1].strip()]
    if not body:
        return None
    dl = None
    if has_deadline:
        for j in body[1:]:
            if P.cell.match(lines[j][1]) and not _is_cell_continuation(lines[j][1]):
                dl = j
                break
        if dl is None:
            return None  # not a row read cell by cell: leave it
        own_end = dl
    else:
        own_end = body[-1] + 1
    # the lead cell: the line above the deadline and the wrapped lines it continues
    o = own_end - 1
    while o > body[0] + 1 and _is_cell_continuation(lines[o][1]):
        o -= 1
    if o <= body[0]:
        return None
    owner = " ".join(lines[q][1].strip() for q in range(o, own_end))
    task_end_line = o - 1
    if has_source and task_end_line > body[0]:
        q = task_end_line
        while q > body[0] + 1 and _is_cell_continuation(lines[q][1]):
            q -= 1
        if q > body[0]:
            task_end_line = q - 1
    done = False
    if has_status and dl is not None:
        after = [j for j in range(dl + 1, e) if lines[j][1].strip()]
        done = any(P.done.match(lines[j][1]) for j in after)
    last = lines[task_end_line]
    return TableRow(
        number="", label="",
        task_start=lines[body[0]][0], task_end=last[0] + len(last[1]),
        owner=owner, owner_start=lines[o][0],
        deadline=lines[dl][1].strip() if dl is not None else "", deadline_start=lines[dl][0] if dl is not None else -1,
        done=done,
    )
