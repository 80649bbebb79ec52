"""`rasoat audit` on a dask.distributed LocalCluster of two worker processes: the same findings
and tasks as `rasoat check` / `rasoat tasks`, incremental reruns, a worker killed mid-run, an
unreadable .docx as a row, and report.html rendered in headless Chromium."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import signal
import struct
import subprocess
import warnings
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from dask.distributed import Client, LocalCluster

from checker.audit import AuditOptions, run_audit

from .conftest import CORPUS, SEEDS, needs_shared, run_cli

pytestmark = needs_shared

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def client():
    with warnings.catch_warnings():  # "Port 8787 is already in use" (another cluster on this machine)
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.CRITICAL)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _finding_set(rows):
    return {(r["path"], r["code"], r["line"], r["column"], r["end_line"], r["end_column"], r["message"]) for r in rows}


def _check_findings(*paths) -> set:
    code, out, err = run_cli("check", *paths, "--format", "json", "-j", "1")
    assert code in (0, 1, 2) and out, err  # 2: a file could not be read (its E9xx is in the JSON)
    return _finding_set({"path": f["path"], **d} for f in json.loads(out)["files"] for d in f["diagnostics"])


def _check_tasks(*paths) -> set:
    code, out, err = run_cli("tasks", *paths, "--format", "json")
    assert code == 0, err
    out_set = set()
    for f in json.loads(out)["files"]:
        for t in f["tasks"]:
            dl = t["deadline"] or {}
            out_set.add((f["path"], t["line"], t["item"], t["text"],
                         tuple(o["name"] for o in t["owners"] if o["role"] == "lead"),
                         tuple(o["name"] for o in t["owners"] if o["role"] == "support"),
                         dl.get("text"), dl.get("date"), t["kind"], tuple(x["code"] for x in t["findings"])))
    return out_set


def _audit_findings(out: Path) -> set:
    rows = pq.read_table(out / "findings.parquet").to_pylist()
    return _finding_set({**r, "message": r["message_vi"]} for r in rows)


def _audit_tasks(out: Path) -> set:
    return {(r["path"], r["line"], r["item"], r["text"], tuple(r["lead"]), tuple(r["support"]), r["deadline_text"],
             r["deadline_date"].isoformat() if r["deadline_date"] else None, r["deadline_kind"], tuple(r["findings"]))
            for r in pq.read_table(out / "tasks.parquet").to_pylist()}


def _audit(client, paths, out, **kw):
    return run_audit(AuditOptions(paths=[str(p) for p in paths], out=str(out), progress=False, **kw), client=client)


@pytest.fixture(scope="module")
def archive_audit(client, tmp_path_factory):
    out = tmp_path_factory.mktemp("audit")
    run = _audit(client, [CORPUS, SEEDS], out)
    return run, out


def test_audit_gives_the_findings_and_tasks_of_check_and_tasks(archive_audit):
    run, out = archive_audit
    assert run.files == run.checked and run.files >= 30
    findings = _audit_findings(out)
    assert len(findings) > 100
    assert findings == _check_findings(CORPUS, SEEDS)
    tasks = _audit_tasks(out)
    assert len(tasks) > 100
    assert tasks == _check_tasks(CORPUS, SEEDS)
    files = pq.read_table(out / "files.parquet").to_pylist()
    assert len(files) == run.files and len({f["content_hash"] for f in files}) == run.files
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["findings"] == len(findings) and summary["tasks"] == len(tasks)
    # the header facts of the real notices (the seeds are drafts without a header) come with every row
    real = [f for f in files if f["kind"] == "thong-bao" and "/corpus/" in f["path"]]
    assert real and all(f["issuer"] and f["notice_number"] and f["notice_symbol"] and f["notice_date"] for f in real)


def _small_archive(tmp_path: Path, n: int) -> Path:
    arch = tmp_path / "archive"
    arch.mkdir()
    sources = sorted(SEEDS.glob("*.txt")) + sorted((CORPUS / "notices").glob("*.txt"))
    for src in sources[:n]:
        shutil.copy(src, arch / src.name)
    return arch


def test_rerun_checks_only_the_changed_file(client, tmp_path):
    arch = _small_archive(tmp_path, 6)
    out = tmp_path / "out"
    first = _audit(client, [arch], out)
    assert (first.checked, first.reused) == (6, 0)
    again = _audit(client, [arch], out)
    assert (again.checked, again.reused, again.unchanged) == (0, 6, 0)
    target = sorted(arch.glob("*.txt"))[2]
    with open(target, "a", encoding="utf-8") as fh:
        fh.write("\nNoi nhận:\n")  # a new line with a finding of its own (S108 or L7xx)
    changed = _audit(client, [arch], out)
    assert (changed.checked, changed.reused) == (1, 5)
    assert _audit_findings(out) == _check_findings(arch)
    os.utime(target, (1_000_000_000, 1_000_000_000))  # touched, same bytes: read again, not checked
    touched = _audit(client, [arch], out)
    assert (touched.checked, touched.reused, touched.unchanged) == (0, 5, 1)
    assert _audit_findings(out) == _check_findings(arch)
    # --since keeps the notices dated (notice date, else meeting date) from that day, from the store
    # (else the file's modification date)
    dated = {f["path"]: f["notice_date"] or f["meeting_date"] or dt.date.fromtimestamp(os.stat(f["path"]).st_mtime)
             for f in pq.read_table(out / "files.parquet").to_pylist()}
    since = sorted(dated.values())[len(dated) // 2]
    recent = _audit(client, [arch], out, since=since)
    assert recent.checked == 0
    kept = {f["path"] for f in pq.read_table(out / "files.parquet").to_pylist()}
    assert kept == {p for p, d in dated.items() if d >= since} and 0 < len(kept) < len(dated)
    # a configuration that applies to the files is part of the key: all are checked again, with it
    (arch / "rasoat.toml").write_text('ignore = ["L", "N"]\n', encoding="utf-8")
    configured = _audit(client, [arch], out)
    assert configured.checked == 6
    findings = _audit_findings(out)
    assert findings == _check_findings(arch) and not any(f[1][0] in "LN" for f in findings)


class _Stop(Exception):
    pass


def test_an_interrupted_run_keeps_the_finished_batches(client, tmp_path):
    arch = _small_archive(tmp_path, 6)
    out = tmp_path / "out"
    saved = []

    def stop(done, total):
        saved.append(done)
        raise _Stop  # as Ctrl-C would, after the first finished batch

    with pytest.raises(_Stop):
        run_audit(AuditOptions(paths=[str(arch)], out=str(out), progress=False, batch_size=2), client=client,
                  on_batch=stop)
    assert saved == [2]
    resumed = _audit(client, [arch], out)
    assert (resumed.checked, resumed.reused) == (4, 2)
    assert _audit_findings(out) == _check_findings(arch)


def test_a_worker_killed_mid_run_changes_nothing(client, tmp_path):
    arch = _small_archive(tmp_path, 8)
    client.wait_for_workers(2)
    pids = set(client.run(os.getpid).values())
    killed = []

    def kill_one(done, total):
        if not killed and done < total:
            pid = sorted(pids)[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    out = tmp_path / "out"
    run = run_audit(AuditOptions(paths=[str(arch)], out=str(out), progress=False, batch_size=1),
                    client=client, on_batch=kill_one)
    assert killed and killed[0] not in set(client.run(os.getpid).values())
    assert run.checked == run.files == 8
    assert _audit_findings(out) == _check_findings(arch)
    assert _audit_tasks(out) == _check_tasks(arch)
    client.wait_for_workers(2)


def test_a_corrupt_docx_is_a_row_not_a_failed_run(client, tmp_path):
    arch = _small_archive(tmp_path, 1)
    (arch / "hong.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    out = tmp_path / "out"
    run = _audit(client, [arch], out)
    assert run.files == 2 and not run.problems
    files = {Path(f["path"]).name: f for f in pq.read_table(out / "files.parquet").to_pylist()}
    bad = files["hong.docx"]
    assert bad["kind"] == "unreadable" and bad["verdict"] == "unreadable" and bad["input_code"].startswith("E9")
    rows = [r for r in pq.read_table(out / "findings.parquet").to_pylist() if r["path"].endswith("hong.docx")]
    assert [r["code"] for r in rows] == [bad["input_code"]] and rows[0]["message_vi"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [u["path"] for u in summary["unreadable"]] == [bad["path"]]
    assert "hong.docx" in (out / "report.html").read_text(encoding="utf-8")
    assert _audit_findings(out) == _check_findings(arch)


def test_cli_submits_to_a_scheduler_and_reports_bad_options(client, tmp_path):
    arch = _small_archive(tmp_path, 2)
    out = tmp_path / "out"
    code, stdout, err = run_cli("audit", arch, "--out", out, "--scheduler", client.scheduler.address, "--quiet",
                                "--lang", "en", "--today", "2021-01-01")
    assert code == 0, err
    assert "2 files (2 checked" in stdout
    for name in ("files.parquet", "findings.parquet", "tasks.parquet", "summary.json", "report.html"):
        assert (out / name).is_file()
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["today"] == "2021-01-01"
    code, _, err = run_cli("audit", arch, "--out", out, "--workers", "0")
    assert code == 2 and "--workers" in err and "Traceback" not in err
    code, _, err = run_cli("audit", tmp_path / "khong-co", "--out", out, "--scheduler", client.scheduler.address, "-q")
    assert code == 2 and "khong-co" in err and "Traceback" not in err


def _png_pixels(data: bytes):
    """Width, height and rows of RGB(A) pixels of a non-interlaced 8-bit PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def screenshot(html: Path, png: Path, width: int = 1200, height: int = 1800) -> None:
    """Render a page in headless Chromium (flags for a root user on a closed network)."""
    profile = png.parent / "chromium-profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars", f"--user-data-dir={profile}", f"--window-size={width},{height}",
                    f"--screenshot={png}", html.as_uri()],
                   check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(archive_audit, tmp_path):
    _, out = archive_audit
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("</style>")[0]  # self-contained
    png = tmp_path / "report.png"
    screenshot(out / "report.html", png)
    width, height, bpp, rows = _png_pixels(png.read_bytes())
    assert (width, height) == (1200, 1800)
    # the charts are drawn: pixels of the family bars (#2f6db5) and of the overdue bars (#c0392b)
    colours = {row[i:i + 3] for row in rows[::3] for i in range(0, len(row), bpp * 3)}
    assert bytes.fromhex("2f6db5") in colours
    assert bytes.fromhex("c0392b") in colours
    shutil.copy(png, out / "report.png")  # saved beside the report (README's picture is made the same way)
