"""`rasoat serve`: the HTTP API through Starlette's test client, with the real worker pool.

What a document-management system (or the page) sees: every endpoint, the JSON of /api/check
equal to the command line's for every shared draft, the [limits], hostile uploads, concurrent
requests, a crashed worker, and nothing written to disk.
"""
from __future__ import annotations

import io
import json
import os
import threading
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx vs httpx2
    from starlette.testclient import TestClient

from checker.config import Config
from checker.serve.app import create_app

from .conftest import CORPUS, SEEDS, needs_shared, run_cli
from .docxbuild import XXE_DOCUMENT, DocxBuilder, rewrite_parts, zip_bomb

NOTICES = CORPUS / "notices"
SEED_002 = SEEDS / "002_b75f6995bec0e83d.txt"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".docx"))


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(workers=2)) as c:
        yield c


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    from .test_docx_reader import seed_to_docx

    return seed_to_docx(SEED_002, tmp_path_factory.mktemp("serve") / "seed002.docx")


def _upload(client, path: Path, url: str = "/api/check", name: str | None = None, **fields):
    return client.post(url, files={"file": (name or path.name, path.read_bytes())}, data=fields)


# ------------------------------------------------------------------------------------- the page

def test_page_and_its_files_come_from_the_package(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<script src="/static/app.js"' in html and 'href="/static/app.css"' in html
    for path in ("/static/app.js", "/static/app.css"):
        assert client.get(path).status_code == 200
    # nothing from elsewhere: no CDN, no web font, no external script
    for text in (html, client.get("/static/app.js").text, client.get("/static/app.css").text):
        assert "http://" not in text and "https://" not in text and "@import" not in text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/?lang=en").text.startswith("<!doctype html>\n<html lang=\"en\">")


def test_health_rules_explain(client):
    h = client.get("/api/health").json()
    assert h["ok"] is True and h["workers"] == 2
    rules = client.get("/api/rules").json()
    assert any(r["code"] == "S108" and r["category"] == "structure" for r in rules)
    s108 = client.get("/api/explain/s108?lang=en").json()
    assert s108["code"] == "S108" and "Article 8" in s108["doc"]
    assert "Điều 8" in client.get("/api/explain/S108").json()["doc"]
    missing = client.get("/api/explain/Z999")
    assert missing.status_code == 404 and "Z999" in missing.json()["error"]


# ----------------------------------------------------------------------- /api/check = the CLI

@needs_shared
@pytest.mark.parametrize("folder", [NOTICES, SEEDS], ids=["corpus-notices", "seeds"])
def test_api_check_equals_the_command_line_for_every_shared_file(client, folder, monkeypatch):
    files = _files(folder)
    assert len(files) >= 5
    monkeypatch.chdir(folder)  # the CLI then names each file by its bare name, as the upload does
    code, out, err = run_cli("check", *[p.name for p in files], "--format", "json")
    assert code in (0, 1), err
    cli = {f["path"]: f for f in json.loads(out)["files"]}
    for p in files:
        r = _upload(client, p)
        assert r.status_code == 200, (p.name, r.text[:300])
        body = r.json()
        assert body["version"] == 1 and len(body["files"]) == 1
        assert body["files"][0] == cli[p.name], p.name
        assert body["summary"]["files"] == 1


@needs_shared
def test_text_as_json_or_plain_body_gives_the_same_result(client):
    data = SEED_002.read_bytes()
    a = _upload(client, SEED_002, name="du-thao.txt").json()
    b = client.post("/api/check", json={"text": data.decode("utf-8"), "filename": "du-thao.txt"}).json()
    c = client.post("/api/check?filename=du-thao.txt", content=data, headers={"content-type": "text/plain"}).json()
    d = client.post("/api/check", data={"text": data.decode("utf-8"), "filename": "du-thao.txt"},
                    files={"unused": ("", b"")}).json()
    assert a == b == c == d
    assert any(x["code"] == "S108" for x in a["files"][0]["diagnostics"])


@needs_shared
def test_settings_change_the_check_as_on_the_command_line(client, monkeypatch):
    monkeypatch.chdir(SEEDS)
    name = SEED_002.name
    for args, fields in [(["--select", "S1,D"], {"select": "S1,D"}), (["--ignore", "L7"], {"ignore": "L7"}),
                         (["--stage", "issued"], {"stage": "issued"}), (["--lang", "en"], {"lang": "en"}),
                         (["--today", "2030-01-01"], {"today": "2030-01-01"})]:
        _, out, _ = run_cli("check", name, "--format", "json", *args)
        r = _upload(client, SEED_002, **fields)
        assert r.json()["files"][0] == json.loads(out)["files"][0], args


@pytest.mark.parametrize("fields, word", [({"stage": "final"}, "stage"), ({"select": "Q9"}, "Q9"),
                                          ({"today": "31/12/2024"}, "today"), ({"lang": "fr"}, "lang"),
                                          ({"tone_style": "x"}, "tone_style")])
def test_a_bad_setting_is_a_clear_400(client, fields, word):
    r = client.post("/api/check", data={"text": "THÔNG BÁO", **fields}, files={"unused": ("", b"")})
    assert r.status_code == 400 and word in r.json()["error"]


def test_bad_requests_are_clear_errors(client):
    r = client.post("/api/check", json={"filename": "a.txt"})
    assert r.status_code == 400 and "Không có dự thảo" in r.json()["error"]
    r = client.post("/api/check?lang=en", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    r = client.post("/api/check", content=b"abc", headers={"content-type": "application/pdf"})
    assert r.status_code == 415
    r = client.post("/api/check", content=b"--x\r\ngarbage", headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code in (400, 422)
    assert client.get("/api/check").status_code == 405


# ------------------------------------------------------------------- tasks, citations, annotate

@needs_shared
def test_tasks_and_citations_equal_the_command_line(client, monkeypatch):
    monkeypatch.chdir(SEEDS)
    for cmd, url in (("tasks", "/api/tasks"), ("citations", "/api/citations")):
        for seed in (SEED_002, SEEDS / "001_97c29a3822b1a2b7.txt"):
            _, out, _ = run_cli(cmd, seed.name, "--format", "json")
            r = _upload(client, seed, url)
            assert r.status_code == 200
            assert r.json() == json.loads(out), (cmd, seed.name)
    csv = _upload(client, SEED_002, "/api/tasks?format=csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.content.startswith("\ufeffTệp,Dòng,Mục".encode("utf-8"))
    assert "attachment" in csv.headers["content-disposition"]
    _, out, _ = run_cli("tasks", SEED_002.name, "--format", "csv")
    assert csv.content.decode("utf-8") == out


@needs_shared
def test_annotate_returns_the_reviewed_docx_with_comments(client, seed_docx):
    import docx

    r = _upload(client, seed_docx, "/api/annotate")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument")
    assert "seed002.reviewed.docx" in r.headers["content-disposition"]
    reviewed = docx.Document(io.BytesIO(r.content))
    comments = [c.text for c in reviewed.comments]
    n = len(_upload(client, seed_docx).json()["files"][0]["diagnostics"])
    assert len(comments) == n and any("S108" in c for c in comments)
    text = _upload(client, SEED_002, "/api/annotate")
    assert text.status_code == 422 and ".docx" in text.json()["error"]


@needs_shared
def test_fix_shows_the_diff_then_gives_the_fixed_copy(client, seed_docx):
    d = _upload(client, SEED_002, "/api/fix", format="diff").json()
    assert d["count"] > 0 and "-Noi nhận:" in d["diff"] and "+Nơi nhận:" in d["diff"]
    fixed = _upload(client, SEED_002, "/api/fix", format="file")
    assert fixed.status_code == 200 and "002_b75f6995bec0e83d.fixed.txt" in fixed.headers["content-disposition"]
    again = client.post("/api/check", files={"file": ("fixed.txt", fixed.content)}).json()
    assert "S108" not in {x["code"] for x in again["files"][0]["diagnostics"]}
    fixed_docx = _upload(client, seed_docx, "/api/fix", format="file")
    assert fixed_docx.content[:2] == b"PK"
    again = client.post("/api/check", files={"file": ("fixed.docx", fixed_docx.content)}).json()
    assert "S108" not in {x["code"] for x in again["files"][0]["diagnostics"]}


@needs_shared
def test_review_places_each_finding_in_its_paragraph(client, seed_docx):
    for path in (SEED_002, seed_docx):
        r = _upload(client, path, "/api/review")
        assert r.status_code == 200
        data = r.json()
        paras = {p["index"]: p for p in data["paragraphs"]}
        s108 = next(x for x in data["file"]["diagnostics"] if x["code"] == "S108")
        place = s108["place"]
        assert paras[place["para"]]["text"][place["start"]:place["end"]] == "Noi nhận:"
        assert s108["clause"].startswith("Nghị định 30/2020/NĐ-CP, Điều 8")
        assert {p["role"] for p in data["paragraphs"]} >= {"title", "noi_nhan" if path == SEED_002 else "title"}
        assert len(data["tasks"]) >= 10 and data["docx"] == (path.suffix == ".docx")
        for x in data["file"]["diagnostics"]:  # every finding is somewhere on the page
            assert 0 <= x["place"]["start"] <= x["place"]["end"] <= len(paras[x["place"]["para"]]["text"])


def test_review_keeps_markup_as_text(client):
    text = "<script>alert(1)</script> &amp; &lt;b&gt; <img src=x onerror=alert(2)>\nTHÔNG BÁO\n"
    data = client.post("/api/review", json={"text": text}).json()
    assert [p["text"] for p in data["paragraphs"]][0] == "<script>alert(1)</script> &amp; &lt;b&gt; <img src=x onerror=alert(2)>"
    page = client.get("/").text
    assert "alert(" not in page


# ---------------------------------------------------------------------- limits, hostile uploads

def test_limits_of_the_configuration_apply_to_uploads():
    cfg = Config(values={"limits": {"max-file-bytes": 2000, "max-docx-bytes": 3000}}, path=None)
    with TestClient(create_app(cfg, workers=1)) as c:
        ok = c.post("/api/check", files={"file": ("a.txt", "THÔNG BÁO\n".encode() * 100)})
        assert ok.status_code == 200
        big = c.post("/api/check", files={"file": ("a.txt", b"a" * 2500)})
        assert big.status_code == 422
        d = big.json()["files"][0]["diagnostics"][0]
        assert d["code"] == "E903" and "2000" in d["message"]
        # a body larger than any file limit plus the form is refused before it is read
        huge = c.post("/api/check", files={"file": ("a.docx", b"a" * (1024 * 1024 + 5000))})
        assert huge.status_code == 413 and "giới hạn" in huge.json()["error"]
        assert c.get("/api/health").status_code == 200


def _e903(r, word: str):
    assert r.status_code == 422, r.text[:200]
    f = r.json()["files"][0]
    assert f["kind"] == "unreadable" and f["verdict"] == "unreadable"
    d = f["diagnostics"][0]
    assert d["code"] in ("E903", "E904") and word in d["message"], d["message"]


@needs_shared
def test_hostile_uploads_are_refused_with_a_clear_message(client, seed_docx, tmp_path):
    bomb = zip_bomb(seed_docx, tmp_path / "bomb.docx", 300 * 1024 * 1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    _e903(_upload(client, bomb), "zip bomb")
    xxe = rewrite_parts(seed_docx, tmp_path / "xxe.docx", {"word/document.xml": XXE_DOCUMENT})
    _e903(_upload(client, xxe), "DOCTYPE")
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(4000)
    _e903(client.post("/api/check", files={"file": ("anh.docx", png)}), ".docx")
    _e903(client.post("/api/check", files={"file": ("rong.txt", b"")}), "rỗng")
    _e903(client.post("/api/check", files={"file": ("rong.docx", b"")}), "")
    _e903(client.post("/api/check", files={"file": ("x.pdf", b"%PDF-1.4")}), ".docx, .txt, .md")
    big = b"Tr\xc3\xaan c\xc6\xa1 s\xe1\xbb\x9f.\n" * (50 * 1024 * 1024 // 16)
    _e903(client.post("/api/check", files={"file": ("lon.txt", big)}), "quá lớn")
    for url in ("/api/review", "/api/tasks", "/api/annotate", "/api/fix"):
        r = client.post(url, files={"file": ("anh.docx", png)})
        assert r.status_code == 422 and r.content, url
    # and the server still answers the next draft
    assert _upload(client, SEED_002).status_code == 200


# ------------------------------------------------------------------------------ concurrency

@needs_shared
def test_concurrent_requests_each_get_their_own_answer(client, seed_docx):
    files = _files(NOTICES)[:5] + [SEED_002, seed_docx]
    expected = {p.name: _upload(client, p).json() for p in files}
    results: dict[str, list] = {}
    errors = []

    def one(p: Path, k: int):
        try:
            if k % 4 == 3:  # hostile uploads among them change nothing for the others
                r = client.post("/api/check", files={"file": (f"bad{k}.docx", b"PK\x03\x04junk")})
                results.setdefault("bad", []).append(r.status_code)
            r = _upload(client, p)
            results.setdefault(p.name, []).append(r.json())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    # more clients than the server holds uploads for at once (4 per worker): the others wait their turn
    threads = [threading.Thread(target=one, args=(files[k % len(files)], k)) for k in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert set(results["bad"]) == {422}
    for name, got in results.items():
        if name != "bad":
            assert all(g == expected[name] for g in got), name


@needs_shared
def test_a_crashed_worker_does_not_take_the_server_down():
    import signal

    with TestClient(create_app(workers=2)) as c:
        pool = c.app.state.workers.pool
        victim = next(iter(pool._processes.values()))
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(10)
        codes = [_upload(c, SEED_002).status_code for _ in range(3)]
        assert codes[-1] == 200 and set(codes) <= {200, 500}
        if 500 in codes:
            first = next(i for i, x in enumerate(codes) if x == 500)
            assert all(x == 200 for x in codes[first + 1:])


@needs_shared
def test_nothing_is_written_to_disk(tmp_path, seed_docx, monkeypatch):
    import tempfile

    spool = tmp_path / "tmp"
    spool.mkdir()
    work_dir = tmp_path / "cwd"
    work_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.chdir(work_dir)
    with TestClient(create_app(workers=1)) as c:
        big = SEED_002.read_bytes() * 60  # more than a form parser would keep in memory (1 MiB)
        assert c.post("/api/check", files={"file": ("big.txt", big)}).status_code == 200
        for url in ("/api/check", "/api/review", "/api/annotate", "/api/fix", "/api/tasks"):
            assert _upload(c, seed_docx, url).status_code == 200
    assert list(spool.iterdir()) == [] and list(work_dir.iterdir()) == []


# ------------------------------------------------------------------------------ the command

def test_the_command_line_does_not_load_the_web_libraries():
    import subprocess
    import sys

    code = ("import sys, checker.cli; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'python_multipart') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("args, word", [(["--host", "0.0.0.0"], "--allow-remote"), (["--host", "192.168.1.10"], "--allow-remote"),
                                        (["--port", "0"], "--port"), (["--workers", "0"], "--workers")])
def test_serve_refuses_bad_options(args, word):
    code, out, err = run_cli("serve", *args)
    assert code == 2 and word in err and "Traceback" not in err


def test_loopback_addresses():
    from checker.serve.command import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org"))


def test_serve_on_all_addresses_needs_allow_remote_and_says_who_can_reach_it(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "0.0.0.0", "--allow-remote",
                             "--port", str(port), "--workers", "1"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1])))
    try:
        lines = [proc.stdout.readline() for _ in range(3)]
        assert lines[0].startswith("rasoat serve: http://")
        assert "CẢNH BÁO" in lines[1] and "reachable" in lines[1]
        assert lines[2].strip().startswith("http://") and lines[2].strip().endswith(f":{port}/")
        import urllib.request

        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    assert json.load(r)["ok"]
                    break
            except OSError:
                assert time.time() < deadline and proc.poll() is None
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(15)


def test_the_worker_pool_is_sized_to_the_cores():
    with TestClient(create_app()) as c:
        assert c.get("/api/health").json()["workers"] == (os.cpu_count() or 1)
        assert len(c.app.state.workers.pool._processes) == (os.cpu_count() or 1)


def test_workers_are_not_forked_from_the_threaded_server(client):
    """The pool is made once the server runs (threads of the event loop, of uvicorn, of a pool it
    replaces): a child forked from it could hang on a lock another thread held. The workers come
    from a forkserver (or spawn): none of them is a child of the server process."""
    assert threading.active_count() > 1
    pool = client.app.state.workers.pool
    assert pool._mp_context.get_start_method() in ("forkserver", "spawn")
    stats = [Path(f"/proc/{pid}/stat") for pid in pool._processes]
    if all(p.exists() for p in stats):
        parents = {int(p.read_text().rsplit(")", 1)[1].split()[1]) for p in stats}
        assert os.getpid() not in parents
    assert client.post("/api/check", json={"text": "THÔNG BÁO"}).status_code == 200


def _boom(req, *args):
    raise ValueError("a bug in the worker")


def test_an_internal_error_is_a_clear_500_and_the_server_stays_up(monkeypatch):
    from checker.serve import work

    monkeypatch.setattr(work, "review", _boom)  # sent to the workers by name (tests.test_serve_api._boom)
    with TestClient(create_app(workers=1)) as c:
        r = c.post("/api/review", json={"text": "THÔNG BÁO"})
        assert r.status_code == 500
        assert r.json()["error"] == "Lỗi nội bộ khi rà soát tệp này (ValueError: a bug in the worker); máy chủ vẫn chạy."
        assert c.post("/api/check", json={"text": "THÔNG BÁO"}).status_code == 200


def test_a_port_in_use_is_a_clear_error():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        code, out, err = run_cli("serve", "--port", str(port))
    assert code == 2 and f"127.0.0.1:{port}" in err and "--port" in err and "Traceback" not in err
