"""Finding and judging names of bodies and places (N401 misspelt, N402 capitals), table-driven:
each row is a piece of a real-looking draft and what a reviewer expects of it."""
from __future__ import annotations

import shutil

import pytest

from checker import Options, check_text
from checker.document import load_path
from checker.extract.agencies import mentions

from .conftest import FIXTURES, ROOT, SEEDS, needs_shared, run_cli, run_text

N4 = ["N401", "N402", "N403"]

# (text, expected finding or None): a finding is (code, the span as written, the suggestion)
CASES = [
    # the seeds' misspellings, in their own words
    ("UBND tỉnh nhất trí thông qua, giao Sở Văn hóa - Thể thao và Du lịch hoàn thiện trình Tỉnh ủy.",
     ("N401", "Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")),
    ("- Ban Quản lý rừng phòng hộ chủ trì phối hợp Hạt Kiểm tổ chức rà soát diện tích đất trống.",
     ("N401", "Hạt Kiểm", "Hạt Kiểm lâm")),
    ("- Công TTĐT huyện (đăng tải);", ("N401", "Công TTĐT huyện", "Cổng TTĐT huyện")),
    ("Rà soát, tham mưu Ủy ban nhân tỉnh Kế hoạch bảo tồn nhà rông truyền thống.",
     ("N401", "Ủy ban nhân tỉnh", "Ủy ban nhân dân tỉnh")),
    ("8. Sở Lao động, Thương binh và Xã hội:",
     ("N401", "Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội")),
    ("Giao Sở Công thương chủ trì đôn đốc thực hiện.", ("N402", "Sở Công thương", "Sở Công Thương")),
    ("các hoạt động kỷ niệm 70 năm chiến thắng Điện Biên phủ;", ("N402", "Điện Biên phủ", "Điện Biên Phủ")),
    # other slips the typo model covers
    ("Sở Sây dựng chủ trì, phối hợp với các địa phương.", ("N401", "Sở Sây dựng", "Sở Xây dựng")),
    ("Ủy bân nhân dân xã rà soát, báo cáo.", ("N401", "Ủy bân nhân dân xã", "Ủy ban nhân dân xã")),
    ("Bộ Chỉ huy Quân sự tinh chủ trì diễn tập.", ("N401", "Bộ Chỉ huy Quân sự tinh", "Bộ Chỉ huy Quân sự tỉnh")),
    ("Sở Văn hóa Thể thao và Du lịch tổ chức Festival.",
     ("N401", "Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")),
    ("Sở KH&DT chủ trì tổng hợp.", ("N401", "Sở KH&DT", "Sở KH&ĐT")),
    ("Giao phòng Giáo dục và Đào tạo đôn đốc xã Nậm Sỏ.",
     ("N402", "phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo")),
    ("Phòng Giáo dục và đào tạo có trách nhiệm chỉ đạo các trường.",
     ("N402", "Phòng Giáo dục và đào tạo", "Phòng Giáo dục và Đào tạo")),
    ("Các Sở: Kế hoạch và Đầu tư, Công thương, Tài chính chuẩn bị các điều kiện.",
     ("N402", "Công thương", "Công Thương")),
    ("báo cáo Thường trực Tỉnh uỷ kết quả thực hiện.", None),
    # correct text a naive checker would flag
    ("8. Các Sở: Kế hoạch và Đầu tư, Công Thương, Tài chính, Tài nguyên và Môi trường chuẩn bị các điều kiện "
     "làm việc với Bộ Kế hoạch và Đầu tư, Bộ Tài chính, Bộ Công Thương, Bộ Tài nguyên và Môi trường.", None),
    ("² Gồm Giám đốc các Sở: Tài chính, Du lịch, Nội vụ, Ngoại vụ, Tư pháp, Công an tỉnh; Chánh Thanh tra tỉnh.", None),
    ("Cùng dự có đại diện các Bộ, cơ quan: Nông nghiệp và Môi trường, Tài chính, Giáo dục và Đào tạo, Xây dựng, "
     "Dân tộc và Tôn giáo, Văn phòng Chính phủ.", None),
    ("Sở KH&ĐT, Sở NN&PTNT, Phòng TN&MT, UBND tỉnh, HĐND tỉnh, Văn phòng HĐND-UBND huyện, Ủy ban MTTQ Việt Nam "
     "tỉnh và Cổng TTĐT tỉnh phối hợp thực hiện.", None),
    ("10. Sở Văn hóa, Thể thao và Du lịch: Đẩy mạnh công tác tuyên truyền.", None),
    ("Thành lập Sở Chỉ huy với tinh thần trực cao; Ban Chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn các cấp "
     "tăng cường kiểm tra.", None),
    ("Công ty TNHH khoáng sản và luyện kim Việt Trung, dự án Cầu Ông Lãnh, Cục Thủy lợi, Phòng Kinh doanh, "
     "Trung tâm Y học cổ truyền và Ban Quản lý dự án đầu tư xây dựng huyện phối hợp.", None),
    ("Riêng xã Nậm Sỏ xây dựng phương án với giải pháp cụ thể; cơ sở Y tế và trụ sở UBND xã được sửa chữa.", None),
    ("- Văn phòng Trung ương và các Ban của Đảng;", None),
    ("quy định cơ cấu tổ chức của Tổng cục Quản lý thị trường trực thuộc Bộ Công Thương.", None),
    ("trình Ủy ban Thường vụ của Quốc hội và Quốc hội.",  # the official name has no "của" (issue 17)
     ("N401", "Ủy ban Thường vụ của Quốc hội", "Ủy ban Thường vụ Quốc hội")),
    ("Phạm Thị Thanh Trà", None),
    ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", None),
    ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", None),
    ("Đề nghị Chi cục Hải quan khu vực XIX phối hợp.", None),
    ("của UBND thành phố Đà Nẵng và Ủy ban nhân dân Thành phố Hồ Chí Minh.", None),
    ("Nhà máy gang thép Lào Cai vẫn dừng sản xuất; Đoàn Giám sát của Quốc hội làm việc.", None),
]


def findings(text: str):
    return [d for d in run_text(text, select=N4) if d.code in N4]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_names_in_context(text, expected):
    ds = findings(text)
    if expected is None:
        assert not ds, [(d.code, d.context, d.suggestion) for d in ds]
        return
    code, span, suggestion = expected
    got = [(d.code, d.context, d.suggestion) for d in ds]
    assert (code, span, suggestion) in got, got


def test_the_fix_replaces_only_the_name_and_keeps_the_tone_style():
    text = "Giao Sở Văn hoá - Thể thao và Du lịch và Ban Thường vụ Tỉnh uỷ chủ trì."
    res = check_text(text, select=["N401"])
    (d,) = res.diagnostics
    assert d.suggestion == "Sở Văn hoá, Thể thao và Du lịch"  # the writer's "hoá" is kept
    (edit,) = d.fix.edits
    assert d.fix.safe
    fixed = text[:edit.start] + edit.replacement + text[edit.end:]
    assert fixed == "Giao Sở Văn hoá, Thể thao và Du lịch và Ban Thường vụ Tỉnh uỷ chủ trì."


def test_capitals_missing_warn_and_capitals_in_excess_inform():
    ds = findings("Sở Công thương và Sở Nông nghiệp và Phát triển Nông thôn phối hợp.")
    sev = {d.context: d.severity for d in ds}
    assert sev == {"Sở Công thương": "warning", "Sở Nông nghiệp và Phát triển Nông thôn": "info"}


def test_a_lower_case_head_of_a_factored_list_is_one_finding_not_one_per_item():
    ds = [d for d in findings("Phối hợp chặt chẽ với các bộ Công an, Xây dựng; báo cáo kết quả.") if d.code == "N402"]
    assert [(d.context, d.suggestion) for d in ds] == [("bộ Công an", "Bộ Công an")]


def test_a_portal_in_lower_case_is_information():  # a portal is a system, not a body (level he_thong)
    ds = findings("Nơi nhận: Cổng thông tin điện tử tỉnh; Sở Tài chính.")
    assert [(d.code, d.severity) for d in ds] == [("N402", "info")]


def test_a_name_in_capitals_is_checked_for_spelling_only():
    ds = findings("SỞ CÔNG THUONG TỈNH LÀO CAI")
    assert [(d.code, d.suggestion) for d in ds] == [("N401", "SỞ CÔNG THƯƠNG TỈNH")]


@needs_shared
def test_seed_004_lao_cai_departments_pass_with_the_example_local_registry(tmp_path):
    """Acceptance 1: with fixtures/registries/lao-cai.toml configured, "Sở Văn hóa và Thể thao" is
    a known body of Lào Cai (an exact match) and nothing on its lines is an error or a warning."""
    seed = SEEDS / "004_1e72024b4a527dac.txt"
    draft = tmp_path / seed.name
    shutil.copy(seed, draft)
    rel = (FIXTURES / "registries" / "lao-cai.toml").resolve()
    (tmp_path / "rasoat.toml").write_text(f'registries = ["{rel.as_posix()}"]\n', encoding="utf-8")
    code, out, err = run_cli("check", draft, "--select", "N4", "--format", "json")
    import json

    diags = json.loads(out)["files"][0]["diagnostics"]
    assert not [d for d in diags if d["line"] in (117, 119) and d["severity"] in ("error", "warning")]
    # the local registry is what makes it a known body
    local = load_path(draft, Options(settings={"registries": [str(rel)]}))
    names = [m.official for m in mentions(local) if m.verdict == "exact"]
    assert names.count("Sở Văn hóa và Thể thao") == 2
    national = load_path(seed)
    assert "Sở Văn hóa và Thể thao" not in [m.official for m in mentions(national)]


@needs_shared
@pytest.mark.parametrize("seed,line,suggestion", [
    ("000_0ecd264c0f8cb733.txt", 104, "Sở Văn hóa, Thể thao và Du lịch"),
    ("001_97c29a3822b1a2b7.txt", 35, "Hạt Kiểm lâm"),
    ("001_97c29a3822b1a2b7.txt", 174, "Cổng TTĐT huyện"),
    ("002_b75f6995bec0e83d.txt", 99, "Ủy ban nhân dân tỉnh"),
    ("002_b75f6995bec0e83d.txt", 83, "Sở Lao động - Thương binh và Xã hội"),
    *[("004_1e72024b4a527dac.txt", ln, "Sở Công Thương") for ln in (97, 99, 101, 109, 115)],
])
def test_seed_agency_items(seed, line, suggestion):
    from checker import check_file

    ds = check_file(SEEDS / seed, select=N4).diagnostics
    assert any(d.line == line and d.suggestion == suggestion for d in ds), [(d.line, d.suggestion) for d in ds]


def _one_slip(rng, text: str, letters: str) -> str:
    """`text` with one random slip: a letter dropped, added, swapped with the next or changed
    (none when the place drawn is past the end)."""
    b = list(text)
    i = rng.randint(0, len(b))
    op = rng.randint(0, 3)
    if op == 0 and i < len(b):
        del b[i]
    elif op == 1:
        b.insert(i, rng.choice(letters))
    elif op == 2 and i + 1 < len(b):
        b[i], b[i + 1] = b[i + 1], b[i]
    elif i < len(b):
        b[i] = rng.choice(letters)
    return "".join(b)


def test_within_one_edit_is_rapidfuzz_osa_distance_at_most_one():
    """The matcher's own test of one slip (no rapidfuzz import at start) agrees with rapidfuzz's
    OSA distance on every pair of short words of a small alphabet and on random slips."""
    import itertools
    import random

    from rapidfuzz.distance import OSA

    from checker.textnorm import within_one_edit

    words = ["".join(w) for n in range(6) for w in itertools.product("abđ", repeat=n)]
    for a in words:
        for b in words:
            if abs(len(a) - len(b)) <= 2:
                assert within_one_edit(a, b) == (OSA.distance(a, b) <= 1), (a, b)
    rng = random.Random(7)
    for _ in range(20000):
        a = "".join(rng.choice("uỷyđa") for _ in range(rng.randint(0, 9)))
        b = _one_slip(rng, a, "uỷyđa")
        assert within_one_edit(a, b) == (OSA.distance(a, b) <= 1), (a, b)


def test_python_ranking_is_rapidfuzz_extract(monkeypatch):
    """The ranking a process does in Python before it imports rapidfuzz (indel_ratios, _extract)
    gives rapidfuzz's fuzz.ratio to the last bit and process.extract's shortlist, in its order,
    on the registry's own keys and slips of them (equal scores, the 75 cutoff, empty keys)."""
    import random
    import sys

    from rapidfuzz import fuzz, process

    from checker.extract import agencies
    from checker.registry import load
    from checker.textnorm import indel_ratios

    ix = agencies.index_for(load())
    keys = sorted({k for table in ix.by_key.values() for k in table})
    rng = random.Random(11)

    def slip(text: str) -> str:
        for _ in range(rng.randint(0, 4)):
            text = _one_slip(rng, text, "abcdghiklmnotuvy ,-")
        return text

    monkeypatch.delitem(sys.modules, "rapidfuzz.process")  # as before rapidfuzz is imported (restored after)
    for _ in range(3000):
        query = slip(rng.choice(keys))
        choices = rng.sample(keys, rng.randint(1, 20)) + [slip(rng.choice(keys)) for _ in range(3)]
        choices += choices[:1] + [""]  # equal scores: the first key first
        assert indel_ratios(query, choices) == [fuzz.ratio(query, k) for k in choices], query
        monkeypatch.setattr(agencies, "_ranked_in_python", 0)
        got = agencies._extract(query, choices)
        want = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=agencies.SCORE_CUTOFF, limit=4)
        assert [tuple(r) for r in got] == [tuple(r) for r in want], query


def test_the_fuzzy_step_skips_only_windows_no_form_can_be():
    """_best ranks the forms of a length only when the window has at most one token that is no
    word of them (_strangers): compare() accepts no mention with two, whatever the slips (a
    mistyped, recased or re-marked word, one left out, a separator or "của" put in), on every
    form of the registry and random slips of it."""
    import random

    from checker.extract.agencies import _by_length, _strangers, compare, index_for, tokenize
    from checker.registry import load

    ix = index_for(load())
    forms = [f for table in ix.by_key.values() for fs in table.values() for f in fs]
    words = sorted({t.text for f in forms for t in f.tokens if t.kind == "w"})
    rng = random.Random(5)
    accepted = 0
    for f in forms:
        for _ in range(12):
            toks = [t.text for t in f.tokens]
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(len(toks))
                op = rng.randint(0, 5)
                if op == 0 and len(toks) > 1:
                    del toks[i]
                elif op == 1:
                    toks.insert(max(1, i), rng.choice([",", "-", "của", "và", rng.choice(words)]))
                elif op == 2:
                    toks[i] = rng.choice(words)
                elif op == 3 and len(toks[i]) > 1:
                    j = rng.randrange(len(toks[i]))
                    toks[i] = toks[i][:j] + toks[i][j + 1:]
                elif op == 4:
                    toks[i] = toks[i].swapcase()
                else:
                    toks[i] = toks[i].replace("ủ", "u").replace("ô", "o").replace("ệ", "ê")
            ms = tokenize(" ".join(toks))
            if not ms or any(t.kind == "x" for t in ms):
                continue
            known = _by_length([f])[len(ms)][2] if len(ms) in _by_length([f]) else set()
            if compare(ms, f, [], ix.stops) is not None:
                accepted += 1
                assert _strangers(ms, len(ms), known) <= 1, (f.text, " ".join(toks))
    assert accepted > 1000  # (the slips above are often still the name)


@needs_shared
def test_a_notice_is_checked_without_importing_rapidfuzz():
    """A run of one notice ranks its few candidate names in Python: rapidfuzz's import (~29 M
    instructions, ~14 ms) is left to runs that rank thousands."""
    import subprocess
    import sys

    code = ("import sys; from checker import check_file; "
            f"ds = check_file({str(SEEDS / '000_0ecd264c0f8cb733.txt')!r}, select=['N401']).diagnostics; "
            "assert ds, 'the seed has a misspelt name'; "
            "print('rapidfuzz' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_the_letters_that_can_begin_a_tone_pair_are_all_listed():
    """tone_neutral() leaves a word without any of textnorm._PAIR_STARTS as it is: they are all
    the characters that decompose into "o" or "u" and tone marks alone."""
    import sys
    import unicodedata

    from checker import textnorm

    found = set()
    for cp in range(sys.maxunicode + 1):
        d = unicodedata.normalize("NFD", chr(cp))
        if d[0] in "ou" and all(c in textnorm._COMBINING_TONES for c in d[1:]):
            found.add(chr(cp))
    assert found == set(textnorm._PAIR_STARTS)
    assert textnorm.tone_neutral("Hòa ỦY thuỷ Khoẻ") == "hoà uỷ thuỷ khoẻ"
