"""What a worker does with one batch of files: read each file, hash it, check it with the
pipeline of `rasoat check`, and turn the result into plain rows (no Document crosses a process).

This module is imported on the Dask workers; it needs rasoat (with the same rules as the client:
the worker reports its rules version and the client refuses results from a different one).
"""
from __future__ import annotations

import hashlib
import os

PAYLOAD_VERSION = "1"  # the shape of the rows below; part of every result key

_ready = False


def _setup() -> None:
    global _ready
    if not _ready:
        from .. import rx

        rx.save_in_worker()  # compiled patterns are saved to the cache when the worker exits
        _ready = True


def _joined(doc, component: str) -> str | None:
    text = " ".join(" ".join(p.text.split()) for p in doc.component(component)).strip()
    return text or None


def file_payload(res) -> dict:
    """The rows of one checked file (without its path: the same bytes at two paths share them)."""
    from ..commands.tasks import file_records

    doc = res.document
    meta = {"kind": res.kind, "verdict": "unreadable" if res.document is None else res.verdict,
            "issuer": None, "number": None, "symbol": None, "notice_date": None, "meeting_date": None}
    if doc is not None:
        from ..extract.header import meeting_date, notice_date, parse_so

        try:
            meta["issuer"] = _joined(doc, "issuer")
            for p in doc.component("so_ky_hieu"):
                so = parse_so(p.text)
                if so:
                    meta["number"] = so.number or None
                    meta["symbol"] = so.symbol or None
                    break
            n = notice_date(doc)
            m = meeting_date(doc)
            meta["notice_date"] = n.isoformat() if n else None
            meta["meeting_date"] = m.isoformat() if m else None
        except Exception:  # noqa: BLE001 - a header fact that cannot be read leaves its column empty
            pass
    findings = [{
        "code": d.code, "family": d.category, "severity": d.severity,
        "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        "message_vi": d.message.get("vi"), "message_en": d.message.get("en"),
        "suggestion": d.suggestion, "context": d.context or None,
    } for d in res.diagnostics]
    tasks = []
    for r in file_records(res, "vi"):
        dl = r["deadline"] or {}
        tasks.append({
            "line": r["line"], "item": r["item"], "text": r["text"],
            "lead": [o["name"] for o in r["owners"] if o["role"] == "lead"],
            "support": [o["name"] for o in r["owners"] if o["role"] == "support"],
            "owner_inherited": any(o["inherited"] for o in r["owners"]),
            "deadline_text": dl.get("text"), "deadline_date": dl.get("date"), "deadline_kind": r["kind"],
            "deadline_inherited": bool(dl.get("inherited")), "nature": r["nature"],
            "findings": [f["code"] for f in r["findings"]],
        })
    return {"meta": meta, "findings": findings, "tasks": tasks}


KEEP_BYTES = 8 << 20  # files up to this size are read once (hashed and checked from memory)


def _read(path: str) -> tuple[str, int, int, bytes | None]:
    """sha256, size, modification time (as the file was opened) and, for a small file, its bytes."""
    h = hashlib.sha256()
    size = 0
    kept: list[bytes] | None = []
    with open(path, "rb") as fh:
        mtime_ns = os.fstat(fh.fileno()).st_mtime_ns
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            h.update(chunk)
            size += len(chunk)
            if kept is not None:
                kept.append(chunk)
                if size > KEEP_BYTES:
                    kept = None
    return h.hexdigest(), size, mtime_ns, (b"".join(kept) if kept is not None else None)


def check_batch(items: list[tuple[str, str, str | None]], settings) -> dict:
    """items: (path to read, path to show, hash of the stored result or None). For each file:
    {"display", "hash", "size", "mtime_ns", "payload" (None when the bytes still have the stored
    hash)}; with the worker's rules version, which the client compares with its own."""
    from ..config import clear_cache
    from ..readers import SUPPORTED
    from ..runner import check_one, is_note
    from .discover import rules_version

    _setup()
    clear_cache()  # a worker lives across runs: configuration files are read afresh for each batch
    out = []
    for path, display, known in items:
        try:
            digest, size, mtime_ns, data = _read(path)
        except OSError:  # gone or unreadable: check_one reports it (E903) from the path
            res = check_one(path, settings, display=display)
            out.append({"display": display, "hash": "unreadable", "size": -1, "payload": file_payload(res)})
            continue
        if known is not None and digest == known:
            out.append({"display": display, "hash": digest, "size": size, "mtime_ns": mtime_ns,
                        "payload": None})
            continue
        # a big file is not held in memory: check_one reads it (and refuses it past the limits) itself
        # (a file of another type, e.g. --include "*.doc", is read by check_one as `rasoat check` does)
        if data is not None and os.path.splitext(display)[1].lower() in SUPPORTED:
            res = check_one(path, settings, data=data, display=display)
        else:
            res = check_one(path, settings, display=display)
        if is_note(res):  # a README or a list of sources, as `rasoat check` skips it in a folder
            res.diagnostics, res.kind = [], "note"
        out.append({"display": display, "hash": digest, "size": size, "mtime_ns": mtime_ns,
                    "payload": file_payload(res)})
    return {"rules": rules_version(), "pid": os.getpid(), "files": out}
