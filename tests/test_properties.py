"""Property tests (hypothesis): rasoat never falls over.

For any text — random Unicode, random mixtures of real paragraphs from ../shared, real notices
with lines deleted or duplicated — checking never raises and no rule crashes (no E999), every
diagnostic lies inside the input, the JSON output is valid, and fixing is idempotent and
changes nothing outside the fixed spans.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Options, check_text
from checker.fix import apply_edits, fix_text, select_edits
from checker.report.json_report import render

from .conftest import CORPUS, SEEDS

PROFILE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def real_paragraphs() -> list[str]:
    out = []
    files = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*/*.txt")) if SEEDS.is_dir() else []
    for f in files:
        for block in f.read_text(encoding="utf-8").split("\n\n"):
            if block.strip():
                out.append(block.strip("\n"))
    return out or ["THÔNG BÁO", "Nơi nhận:", "- Lưu: VT, TH.", "1. Sở Y tế hoàn thành trước ngày 15/9/2021."]


@lru_cache(maxsize=1)
def real_notices() -> list[str]:
    files = sorted(SEEDS.glob("0*.txt")) + sorted(CORPUS.glob("notices/*.txt")) if SEEDS.is_dir() else []
    return [f.read_text(encoding="utf-8") for f in files] or ["THÔNG BÁO\n\nNơi nhận:\n- Lưu: VT."]


def assert_sound(text: str, stage: str = "draft"):
    res = check_text(text, path="p.txt", options=Options(stage=stage))
    # lines as editors count them: only CR, LF and CRLF end a line (not str.splitlines' \x1e, \u2028 …)
    lines = re.split(r"\r\n|\r|\n", text)
    n_lines = len(lines)
    for d in res.diagnostics:
        assert d.code != "E999", d.message.en
        assert 1 <= d.line <= n_lines, (d.code, d.line, n_lines)
        assert 1 <= d.end_line <= n_lines
        assert (d.line, d.column) <= (d.end_line, d.end_column)
        line_len = len(lines[d.line - 1]) if d.line <= len(lines) else 0
        assert 1 <= d.column <= line_len + 1, (d.code, d.line, d.column, line_len)
    json.loads(render([res]))
    return res


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
VIETNAMESE = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 .,;:/-()*#\n\"“”'", max_size=600)


@PROFILE
@given(TEXT)
def test_random_unicode_never_breaks_a_rule(text):
    assert_sound(text)


@PROFILE
@given(VIETNAMESE, st.sampled_from(["draft", "issued"]))
def test_random_vietnamese_never_breaks_a_rule(text, stage):
    assert_sound(text, stage)


@PROFILE
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=25), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_mixtures_of_real_paragraphs(picks, sep):
    paras = real_paragraphs()
    text = sep.join(paras[i % len(paras)] for i in picks)
    assert_sound(text.replace("\n", sep[-1]) if sep == "\r\n\r\n" else text)


@PROFILE
@given(st.integers(min_value=0, max_value=100), st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=10_000)), max_size=30))
def test_real_notices_with_lines_deleted_or_duplicated(which, edits):
    notices = real_notices()
    lines = notices[which % len(notices)].split("\n")
    for dup, pos in edits:
        if not lines:
            break
        k = pos % len(lines)
        if dup:
            lines.insert(k, lines[k])
        else:
            del lines[k]
    assert_sound("\n".join(lines))


def _checker(text):
    return check_text(text, path="p.txt").diagnostics


@PROFILE
@given(st.integers(min_value=0, max_value=100), st.lists(st.integers(min_value=0, max_value=10_000), max_size=8))
def test_fix_is_idempotent_and_local(which, damage_at):
    notices = real_notices()
    text = notices[which % len(notices)]
    # plant fixable defects at random places
    for pos in damage_at:
        text = text.replace("Nơi nhận:", "Noi nhận:", 1) if pos % 3 == 0 else text
    diags = _checker(text)
    edits = select_edits(diags)
    once = apply_edits(text, edits)
    # nothing outside the edited spans changed
    pos = 0
    rebuilt = []
    for e in edits:
        rebuilt.append(text[pos:e.start])
        rebuilt.append(e.replacement)
        pos = e.end
    rebuilt.append(text[pos:])
    assert once == "".join(rebuilt)
    fixed, _ = fix_text(text, _checker)
    again, n = fix_text(fixed, _checker)
    assert n == 0 and again == fixed
