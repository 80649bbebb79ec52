"""`rasoat serve` end to end, in a real headless Chromium (Debian's chromium and chromedriver,
driven by Selenium): the server is started as a user starts it, a draft is uploaded through
the page's file field, and what the clerk sees and downloads is checked.

Set RASOAT_SCREENSHOT=path to keep the screenshot (the README's picture is made so).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from .conftest import ROOT, SEEDS, needs_shared  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = [
    needs_shared,
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                       reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)"),
]
SEED_002 = SEEDS / "002_b75f6995bec0e83d.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    cwd = tmp_path_factory.mktemp("serve-cwd")  # the server must not write here (nor anywhere)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port), "--workers", "2"],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "api/health", timeout=2) as r:
                if json.load(r)["ok"]:
                    break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                out, err = proc.communicate(timeout=5)
                pytest.fail(f"rasoat serve did not start: {err.decode()[-2000:]}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
    assert list(cwd.iterdir()) == []


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    downloads = tmp_path_factory.mktemp("downloads")
    profile = tmp_path_factory.mktemp("chromium-profile")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1440,960", "--lang=vi"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=opts, service=service)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait(driver, cond, timeout=60):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    # the page re-renders the findings after each check: an element may go stale while waiting
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(cond)


def _wait_file(folder: Path, suffix: str, timeout=60) -> Path:
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done and not any(p.name.endswith(".crdownload") for p in folder.iterdir()):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def test_upload_seed_002_as_docx_see_click_tasks_download(server, browser, tmp_path):
    import docx

    from checker.serve import work

    from .test_docx_reader import seed_to_docx

    path = seed_to_docx(SEED_002, tmp_path / "du-thao-002.docx")
    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(path))
    # the findings list shows the "Noi nhận" error
    item = _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '#findings li[data-code="S108"]')))
    assert "sev-error" in item.get_attribute("class")
    assert "Noi nhận" in item.text and "lỗi" in item.text
    assert "Không đạt" in browser.find_element(By.ID, "verdict").text
    # clicking it marks the paragraph that holds it, and only that one
    item.find_element(By.CSS_SELECTOR, "button.goto").click()
    active = _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#doc p.para.active")))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#doc p.para.active")) == 1
    assert active.text.rstrip().endswith("Noi nhận:") or "Noi nhận:" in active.text
    mark = active.find_element(By.CSS_SELECTOR, "mark.active")
    assert mark.text == "Noi nhận:"
    assert "active" in item.get_attribute("class")
    # the task table lists the seed's tasks (as `rasoat tasks` finds them in the .docx)
    want = json.loads(work.tasks_json(work.Request(path.name, path.read_bytes()))[1])["files"][0]["tasks"]
    assert len(want) >= 10
    browser.find_element(By.ID, "tab-tasks").click()
    rows = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#tasks tbody tr"))
    assert len(rows) == len(want)
    assert rows[0].is_displayed() and not browser.find_element(By.ID, "doc").is_displayed()
    shown = [r.find_element(By.CSS_SELECTOR, "td.task-text").text for r in rows]
    assert shown == [w["text"] for w in want]
    # the task table for Excel: the same CSV as `rasoat tasks --format csv`
    browser.find_element(By.ID, "dl-tasks").click()
    csv = _wait_file(browser.downloads, ".nhiem-vu.csv")
    assert csv.read_bytes() == work.tasks_json(work.Request(path.name, path.read_bytes()), "csv")[1].encode("utf-8")
    # the screenshot of the findings, with the clicked one marked
    browser.find_element(By.ID, "tab-doc").click()
    item.find_element(By.CSS_SELECTOR, "button.goto").click()
    browser.execute_script("window.scrollTo(0, 0)")
    shot = tmp_path / "serve.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if os.environ.get("RASOAT_SCREENSHOT"):
        shutil.copy(shot, os.environ["RASOAT_SCREENSHOT"])
    # the reviewed .docx downloads and opens with its comments
    browser.find_element(By.ID, "dl-reviewed").click()
    got = _wait_file(browser.downloads, ".reviewed.docx")
    assert got.name == "du-thao-002.reviewed.docx"
    comments = [c.text for c in docx.Document(str(got)).comments]
    assert len(comments) == len(browser.find_elements(By.CSS_SELECTOR, "#findings li.finding"))
    assert any(c.startswith("S108") or "S108" in c for c in comments)


def test_text_of_a_draft_is_always_escaped(server, browser):
    hostile = ("THÔNG BÁO\n<script>window.pwned = 1</script>\n<img src=x onerror=\"window.pwned = 2\">\n"
               "&lt;b&gt;đậm&lt;/b&gt; &amp; &#x3C;i&#x3E; <b onmouseover=\"window.pwned = 3\">Sở Tài chính</b>\n"
               "Noi nhận:\n- Lưu: VT.\n")
    browser.get(server)
    browser.find_element(By.CSS_SELECTOR, "#paste-box summary").click()
    area = browser.find_element(By.ID, "paste")
    browser.execute_script("arguments[0].value = arguments[1];", area, hostile)
    browser.find_element(By.ID, "paste-check").click()
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#doc p.para")))
    assert browser.execute_script("return window.pwned") is None
    doc = browser.find_element(By.ID, "doc")
    assert doc.find_elements(By.TAG_NAME, "script") == []
    assert doc.find_elements(By.TAG_NAME, "img") == []
    assert doc.find_elements(By.TAG_NAME, "b") == []
    texts = browser.execute_script("return [...document.querySelectorAll('#doc p.para')].map(p => p.textContent)")
    joined = "\n".join(texts)
    assert "<script>window.pwned = 1</script>" in joined
    assert '<img src=x onerror="window.pwned = 2">' in joined
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; &#x3C;i&#x3E;" in joined  # entities shown as written, not decoded
    # hovering and clicking everything runs nothing either
    for m in doc.find_elements(By.CSS_SELECTOR, "p.para"):
        m.click()
    for b in browser.find_elements(By.CSS_SELECTOR, "#findings button.goto"):
        b.click()
    assert browser.execute_script("return window.pwned") is None


def test_a_refused_file_gets_a_clear_message_on_the_page(server, browser, tmp_path):
    fake = tmp_path / "anh.docx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(fake))
    status = browser.find_element(By.ID, "status")
    _wait(browser, lambda d: "bad" in status.get_attribute("class"))
    assert "Không rà soát được" in status.text and ".docx" in status.text
    assert not browser.find_element(By.ID, "result").is_displayed()


def test_keyboard_english_and_sorting(server, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(SEED_002))
    item = _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '#findings li[data-code="S108"]')))
    # Enter on a focused finding marks its place, as a click does
    button = item.find_element(By.CSS_SELECTOR, "button.goto")
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    active = _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#doc p.para.active mark.active")))
    assert active.text == "Noi nhận:"
    # the tabs answer the arrow keys
    tab = browser.find_element(By.ID, "tab-doc")
    browser.execute_script("arguments[0].focus()", tab)
    tab.send_keys(Keys.ARROW_RIGHT)
    assert browser.find_element(By.ID, "tab-tasks").get_attribute("aria-selected") == "true"
    assert browser.find_element(By.ID, "panel-tasks").is_displayed()
    # sorting by due date puts the dated tasks in order
    browser.find_element(By.CSS_SELECTOR, '#tasks th button[data-sort="date"]').click()
    dates = [d for d in (e.get_attribute("datetime") for e in browser.find_elements(By.CSS_SELECTOR, "#tasks tbody time")) if d]
    assert dates and dates == sorted(dates)
    # English: the page and the findings (checked again in English)
    browser.find_element(By.ID, "lang-switch").click()
    assert "Drop a .docx" in browser.find_element(By.ID, "drop").text
    _wait(browser, lambda d: "is misspelt" in d.find_element(By.CSS_SELECTOR, '#findings li[data-code="S108"]').get_attribute("textContent"))
    assert "Fail" in browser.find_element(By.ID, "verdict").text
    browser.find_element(By.ID, "lang-switch").click()
    assert "Kéo thả" in browser.find_element(By.ID, "drop").text
