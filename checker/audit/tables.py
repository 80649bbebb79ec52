"""The outputs of an audit: files.parquet, findings.parquet, tasks.parquet, summary.json and
report.html, written in one streaming pass over the store (rows are written in row groups, the
figures of the summary and the report are counted on the way), so the client's memory does not
grow with the archive. The columns are documented in the README ("rasoat audit").
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict

ROW_GROUP = 50_000

NO_ISSUER = "(không rõ)"
NO_OWNER = "(không có đầu mối)"


def _schemas():
    import pyarrow as pa

    s, i32, d, b = pa.string(), pa.int32(), pa.date32(), pa.bool_()
    head = [("path", s), ("content_hash", s), ("issuer", s), ("notice_number", s), ("notice_symbol", s),
            ("notice_date", d), ("kind", s)]
    files = pa.schema([("path", s), ("content_hash", s), ("size_bytes", pa.int64()), ("kind", s), ("verdict", s),
                       ("issuer", s), ("notice_number", s), ("notice_symbol", s), ("notice_date", d),
                       ("meeting_date", d), ("errors", i32), ("warnings", i32), ("infos", i32), ("tasks", i32),
                       ("input_code", s)])
    findings = pa.schema(head + [("code", s), ("family", s), ("severity", s), ("line", i32), ("column", i32),
                                 ("end_line", i32), ("end_column", i32), ("message_vi", s), ("message_en", s),
                                 ("suggestion", s), ("context", s)])
    tasks = pa.schema(head + [("line", i32), ("item", s), ("text", s), ("lead", pa.list_(s)),
                              ("support", pa.list_(s)), ("owner_inherited", b), ("has_owner", b),
                              ("deadline_text", s), ("deadline_date", d), ("deadline_kind", s),
                              ("deadline_inherited", b), ("has_deadline", b), ("overdue", b), ("nature", s),
                              ("findings", pa.list_(s))])
    return {"files": files, "findings": findings, "tasks": tasks}


class _Writer:
    """Rows to one parquet file, a row group at a time."""

    def __init__(self, path: str, schema):
        import pyarrow.parquet as pq

        self.schema = schema
        self.rows: list[dict] = []
        self.tmp = path + ".tmp"
        self.path = path
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")

    def add(self, row: dict) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
        os.replace(self.tmp, self.path)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


class Figures:
    """What summary.json and report.html show, counted row by row."""

    def __init__(self):
        self.kinds = Counter()
        self.verdicts = Counter()
        self.families = Counter()
        self.codes = Counter()
        self.severities = Counter()
        self.issuer_findings: dict[str, Counter] = defaultdict(Counter)
        self.tasks = 0
        self.no_owner = 0
        self.no_deadline = 0
        self.overdue = 0
        self.months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tasks, no owner, no deadline
        self.overdue_by_owner = Counter()
        self.agencies = Counter()  # (code, as written, suggestion)
        self.citations = Counter()  # (code, as written)
        self.unreadable: list[dict] = []
        self.files = 0
        self.findings = 0

    def file(self, row: dict, input_diag: dict | None) -> None:
        self.files += 1
        self.kinds[row["kind"]] += 1
        self.verdicts[row["verdict"]] += 1
        if input_diag is not None and row["kind"] == "unreadable":
            self.unreadable.append({"path": row["path"], "code": input_diag["code"],
                                    "message_vi": input_diag["message_vi"], "message_en": input_diag["message_en"]})

    def finding(self, row: dict) -> None:
        self.findings += 1
        self.families[row["family"]] += 1
        self.codes[row["code"]] += 1
        self.severities[row["severity"]] += 1
        self.issuer_findings[row["issuer"] or NO_ISSUER][row["family"]] += 1
        if row["family"] == "agency" and row["code"] in ("N401", "N403") and row["context"]:
            self.agencies[(row["code"], row["context"], row["suggestion"] or "")] += 1
        if row["family"] == "citation" and row["context"]:
            self.citations[(row["code"], row["context"])] += 1

    def task(self, row: dict, month: str | None) -> None:
        self.tasks += 1
        self.no_owner += not row["has_owner"]
        self.no_deadline += not row["has_deadline"]
        if month:
            m = self.months[month]
            m[0] += 1
            m[1] += not row["has_owner"]
            m[2] += not row["has_deadline"]
        if row["overdue"]:
            self.overdue += 1
            for owner in row["lead"] or [NO_OWNER]:
                self.overdue_by_owner[owner] += 1

    def summary(self, opts, run, rules: str, today: dt.date) -> dict:
        top = lambda c, n: [[k, v] for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]  # noqa: E731
        return {
            "version": 1,
            "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "archive": list(opts.paths),
            "today": today.isoformat(),
            "since": opts.since.isoformat() if opts.since else None,
            "rules_version": rules,
            "files": self.files,
            "kinds": dict(self.kinds),
            "verdicts": dict(self.verdicts),
            "findings": self.findings,
            "by_family": dict(self.families),
            "by_code": dict(sorted(self.codes.items())),
            "by_severity": dict(self.severities),
            "by_issuer": {k: dict(v) for k, v in sorted(self.issuer_findings.items(),
                                                          key=lambda kv: (-sum(kv[1].values()), kv[0]))},
            "tasks": self.tasks,
            "tasks_without_owner": self.no_owner,
            "tasks_without_deadline": self.no_deadline,
            "overdue_tasks": self.overdue,
            "tasks_by_month": {k: {"tasks": v[0], "without_owner": v[1], "without_deadline": v[2]}
                               for k, v in sorted(self.months.items())},
            "overdue_by_owner": top(self.overdue_by_owner, 50),
            "misnamed_agencies": [[c, w, s, n] for (c, w, s), n in
                                  sorted(self.agencies.items(), key=lambda kv: (-kv[1], kv[0]))[:50]],
            "malformed_citations": [[c, w, n] for (c, w), n in
                                    sorted(self.citations.items(), key=lambda kv: (-kv[1], kv[0]))[:50]],
            "unreadable": self.unreadable,
            "run": {"checked": run.checked, "reused": run.reused, "unchanged": run.unchanged,
                    "batches": run.batches, "workers": run.workers},
        }


def _keep(meta: dict, mtime: float | None, since: dt.date | None) -> bool:
    """--since: the notice's date, else the meeting's, else the file's modification date."""
    if since is None:
        return True
    day = _date(meta.get("notice_date")) or _date(meta.get("meeting_date"))
    if day is None and mtime is not None:
        day = dt.date.fromtimestamp(mtime)
    return day is not None and day >= since


def write_outputs(opts, entries, store, run, rules: str) -> tuple[dict, dict]:
    from .report import render_report

    today = opts.today or dt.date.today()
    schemas = _schemas()
    out = {name: os.path.join(opts.out, f"{name}.parquet") for name in schemas}
    writers = {name: _Writer(out[name], schemas[name]) for name in schemas}
    fig = Figures()
    try:
        for e in entries:
            payload = store.get(e.key) if e.key else None
            if payload is None:
                continue  # cannot happen after a complete run; a missing row is better than a wrong one
            meta = payload["meta"]
            if not _keep(meta, e.mtime, opts.since):
                continue
            m = store.manifest(e.path)
            chash, size = (m[2], m[0]) if m else (None, None)  # None: the file could not be read
            head = {"path": e.display, "content_hash": chash, "issuer": meta["issuer"],
                    "notice_number": meta["number"], "notice_symbol": meta["symbol"],
                    "notice_date": _date(meta["notice_date"]), "kind": meta["kind"]}
            counts = Counter(f["severity"] for f in payload["findings"])
            input_diag = next((f for f in payload["findings"] if f["code"].startswith("E9")), None)
            frow = {"path": e.display, "content_hash": chash, "size_bytes": size,
                    "kind": meta["kind"], "verdict": meta["verdict"], "issuer": meta["issuer"],
                    "notice_number": meta["number"], "notice_symbol": meta["symbol"],
                    "notice_date": head["notice_date"], "meeting_date": _date(meta["meeting_date"]),
                    "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                    "tasks": len(payload["tasks"]),
                    "input_code": input_diag["code"] if input_diag and meta["kind"] == "unreadable" else None}
            writers["files"].add(frow)
            fig.file(frow, input_diag)
            for f in payload["findings"]:
                row = dict(head, **f)
                writers["findings"].add(row)
                fig.finding(row)
            day = head["notice_date"] or _date(meta["meeting_date"])
            month = day.strftime("%Y-%m") if day else None
            for t in payload["tasks"]:
                due = _date(t["deadline_date"])
                row = dict(head, **{k: v for k, v in t.items() if k != "deadline_date"})
                row.update(deadline_date=due, has_owner=bool(t["lead"] or t["support"]),
                           has_deadline=bool(t["deadline_text"]) and t["deadline_kind"] != "none",
                           overdue=due is not None and due < today)
                writers["tasks"].add(row)
                fig.task(row, month)
    finally:
        for w in writers.values():
            w.close()
    summary = fig.summary(opts, run, rules, today)
    out["summary"] = os.path.join(opts.out, "summary.json")
    with open(out["summary"], "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    out["report"] = os.path.join(opts.out, "report.html")
    with open(out["report"], "w", encoding="utf-8") as fh:
        fh.write(render_report(summary, opts.lang))
    return summary, out

