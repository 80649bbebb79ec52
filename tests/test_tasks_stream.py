"""`rasoat tasks` writes each file's rows as soon as the file is read (no document is kept until
the end): what it writes, streamed, is byte for byte the whole render of the same files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.commands.tasks import file_records, render_csv, render_json, render_table
from checker.runner import RunSettings, check_one
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "fixtures" / "real"
# two conclusion notices (tasks), an announcement (none) and a U+2028 inside a task's text
FILES = [REAL / "tb-467-vpcp-2024-thi-truong-cac-bon.txt", REAL / "tb-453-ubnd-ha-noi-2026-treo-co.txt",
         REAL / "tb-1894-sct-lao-cai-2026-kiem-tra-vlncn.txt"]


def _whole(fmt: str, paths: list[str]) -> str:
    settings = RunSettings(select=["D", "A"])
    results = [check_one(p, settings) for p in paths]
    shown = [(r.path, file_records(r, "vi")) for r in results]
    if fmt == "csv":
        return render_csv(shown, "vi")
    if fmt == "json":
        return render_json(shown, results, "vi")
    return render_table(shown, "vi")


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("n", [1, 3])
def test_streamed_output_is_the_whole_render(fmt, n, tmp_path):
    paths = [str(p) for p in FILES[:n]]
    if n == 3:  # a line separator inside a task's text must not break the streamed JSON
        odd = tmp_path / "odd.txt"
        odd.write_text(FILES[0].read_text(encoding="utf-8").replace("Bộ Tài chính thực hiện", "Bộ Tài chính\u2028thực hiện", 1),
                       encoding="utf-8")
        paths.append(str(odd))
    code, out, _ = run_cli("tasks", *paths, "--format", fmt)
    assert code == 0
    assert out == _whole(fmt, paths)
    if fmt == "json":
        data = json.loads(out)
        assert [Path(f["path"]).name for f in data["files"]] == [Path(p).name for p in paths]
        assert data["files"][0]["tasks"], "the conclusion notice has tasks"


def test_output_file_holds_the_same_bytes(tmp_path):
    paths = [str(p) for p in FILES]
    out = tmp_path / "t.csv"
    code, _, _ = run_cli("tasks", *paths, "--format", "csv", "-o", out)
    assert code == 0
    assert out.read_bytes() == _whole("csv", paths).encode("utf-8")
