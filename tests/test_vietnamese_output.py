"""Vietnamese output has no English in it: findings and hints, errors, help screens and usage
errors (typer's own "Show this message and exit.", "No such option"). English only with --lang en.

English is recognised by words no Vietnamese sentence uses; quoted text (the document's own words,
values the user typed), option names, file names and severity labels are left out first."""
from __future__ import annotations

import re

import pytest

from .conftest import CORPUS, SEEDS, needs_shared, run_cli

ENGLISH = {"the", "is", "are", "and", "of", "with", "not", "got", "invalid", "missing", "cannot", "must", "should",
           "please", "such", "show", "message", "exit", "usage", "hunt", "disease", "throughout", "corpus",
           "internal", "skipped", "wrote", "converted", "copied", "already", "for", "from", "found", "file", "files",
           "error", "option", "options", "arguments", "commands", "default", "required", "expected", "unknown",
           "possible", "try", "help", "no", "list", "strings", "table", "integer", "date", "see", "run", "valid"}
SKIP = re.compile(r'[\w-]+(?:\s*\|\s*[\w-]+)+|[\[(]mặc định:\s*[^\])]+[\])]|"[^"\n]*"|“[^”\n]*”|\'[^\'\n]*\'|`[^`\n]*`|\[(?:error|warning|info)\]|--?[a-z][a-z-]*'
                  r'|\S+\.(?:txt|md|docx|toml|json)\b|\{[a-z_]+\}|<[a-z]+>|\b[A-Z]\d{3}\b|https?://\S+')


def english_in(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        for w in re.findall(r"[A-Za-z]+", SKIP.sub(" ", line)):
            if w.lower() in ENGLISH:
                out.append(f"{w!r} in: {line.strip()[:160]}")
    return out


@needs_shared
def test_findings_and_hints_are_vietnamese():
    paths = [SEEDS, CORPUS / "notices", CORPUS / "other"]
    code, out, err = run_cli("check", *paths)
    assert code in (0, 1), err
    assert english_in(out + err) == []


COMMANDS = ["", "check", "baseline", "rules", "explain", "annotate", "citations", "convert", "format", "tasks"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_screens_are_vietnamese(command):
    code, out, err = run_cli(*([command] if command else []), "--help")
    assert code == 0 and out.startswith("Cách dùng: ")
    assert english_in(out) == []


def _bad_runs(tmp_path):
    draft = tmp_path / "x.txt"
    draft.write_text("THÔNG BÁO\n", encoding="utf-8")
    yield ("check", draft, "--nope")
    yield ("check",)
    yield ("chek", draft)
    yield ("check", draft, "--jobs", "abc")
    yield ("check", draft, "--today", "2021-13-01")
    yield ("check", draft, "--format", "xml")
    yield ("check", draft, "--ignore", "Q1")
    yield ("check", draft, "--baseline", tmp_path / "none.json")
    yield ("check", tmp_path / "missing.txt")
    yield ("convert", draft)
    yield ("convert", tmp_path / "missing.txt", "-o", tmp_path / "y.txt")
    yield ("annotate", draft)
    yield ("explain", "Z999")
    yield ("tasks", draft, "--today", "x")
    yield ("format", draft, "-o", tmp_path / "y.docx")


def test_errors_and_usage_errors_are_vietnamese(tmp_path):
    for args in _bad_runs(tmp_path):
        code, out, err = run_cli(*args)
        assert code == 2, (args, out, err)
        assert err.strip(), args
        assert english_in(out + err) == [], args
        assert "Traceback" not in err


@pytest.mark.parametrize("body", ['stage = "final"', 'fail-on = "x"', "select = 5", 'today = "2021-13-01"',
                                  "limits = { max-file-bytes = -1 }", "colour = 1", "[per-file-ignores]\n\"*\" = 5"])
def test_configuration_errors_are_vietnamese(tmp_path, body):
    (tmp_path / "rasoat.toml").write_text(body + "\n", encoding="utf-8")
    draft = tmp_path / "x.txt"
    draft.write_text("THÔNG BÁO\n", encoding="utf-8")
    code, out, err = run_cli("check", draft)
    assert code == 2 and "rasoat.toml" in err
    assert english_in(err) == []
    code, out, err = run_cli("check", draft, "--lang", "en")
    assert code == 2 and re.search(r"invalid|unknown|must|names no rule", err)


def test_english_when_asked(tmp_path):
    code, out, err = run_cli("check", "--lang", "en", tmp_path / "missing.txt")
    assert code == 2 and "no such file" in err
    code, out, err = run_cli("check", "--lang", "en", "--nope")
    assert code == 2 and "No such option" in err
