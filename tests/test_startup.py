"""Start-up of `rasoat check` (issue 20, item 2): rule modules are imported by family, found from
their names; the rule data is validated when its content is new to the cache, and a bad edit to
rules/ is still one clear error with the cache on."""
from __future__ import annotations

import shutil
import subprocess
import sys

from checker import engine

from .conftest import FIXTURES, ROOT, run_cli
from .test_ruledata import RUN

BAD = FIXTURES / "rules" / "S108" / "bad_missing.txt"


def test_every_rule_module_is_named_after_its_code():
    rules = engine.load_rules()
    named = {code: module for code, module in engine._rule_modules()}
    assert None not in named and set(named) == set(rules)
    for code, rule in rules.items():
        if rule.module != "meta":
            assert rule.module == named[code]
    assert engine.known_codes() == sorted(rules)


def test_a_selected_family_imports_only_its_rule_modules():
    code = ("import sys; from checker.fastpath import main; sys.argv = ['rasoat', 'check', '--select', 'S1,N40', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[2] for m in sys.modules if m.startswith('checker.checks.') and m.count('.') == 3}))")
    r = subprocess.run([sys.executable, "-c", code, str(BAD)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    *report, families = r.stdout.strip().splitlines()
    assert families == "['agencies', 'structure']"
    _, out, _ = run_cli("check", "--select", "S1,N40", BAD)  # (this process has every rule loaded)
    assert "\n".join(report) == out.strip()


def test_a_bad_edit_to_rules_is_caught_with_the_cache_on(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    env = {"PATH": "/usr/bin:/bin", "RASOAT_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-c", RUN, str(rules), str(ROOT), str(BAD)]
    for _ in range(2):  # the second run finds the data validated
        p = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
        assert p.returncode == 1 and "S108" in p.stdout, p.stderr
    from checker import cache

    (state,) = (tmp_path / "cache").iterdir()
    assert any(name.startswith("valid-") for name in cache._parse_state(state.read_bytes()))
    with open(rules / "laws.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[law]]\ntype = "luat"\nnames = ["X"]\nyear = 2020\ncolour = "red"\n')
    p = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
    assert p.returncode == 2 and "laws.toml" in p.stderr and "colour" in p.stderr
    assert "Traceback" not in p.stderr


def test_remembered_character_sets_give_the_same_programs():
    """rx remembers re's optimised character sets between patterns (half of a first run's
    compiling): every program is the one re's compiler gives without it."""
    import pytest

    from checker import rx

    if not rx._INTERNALS:
        pytest.skip("this Python's re has no internals rasoat uses")
    from re import _compiler, _parser

    letters = rx._spelled_out(r"\p{L}+", 0)
    patterns = [(r"(?i)sở\s+[a-zđ]+", 0), (letters, rx.I), (letters, 0), (r"[^\W\d_]+[\u00c0-\u1ef9]", rx.I),
                (r"(?<![\w/.])ngày\s+\d{1,2}", rx.I), (r"[A-ZĐ][a-zđ]*", 0), (r"[A-ZĐ][a-zđ]*", rx.I)]
    for _ in range(2):  # the second time from what was remembered
        for source, flags in patterns:
            plain = _compiler._code(_parser.parse(source, flags), flags)
            assert rx._std_compile(source, flags, source)[1][1] == rx.array("I", plain).tobytes()
    assert rx._CHARSETS


def test_upper_case_class_of_agency_names_covers_every_latin_capital():
    """The capitals agency names are matched with are looked for in the Latin blocks only: the
    same class as over the whole range below U+1F00."""
    from checker.extract import agencies
    from checker.textnorm import fold

    whole = [chr(c) for c in range(0x41, 0x1F00) if chr(c).isalpha() and chr(c).isupper()
             and len(fold(chr(c))) == 1 and "a" <= fold(chr(c)) <= "z"]
    assert agencies._UP == agencies._char_class(whole)
    assert "Đ" in whole and "Ỹ" in whole and "Ω" not in whole


def test_registered_documents_need_no_agency_index_without_local_registries(tmp_path):
    """C508 alone on a notice citing documents: the national registry of documents is read, the
    agency registry and its index are not built (nor read from the cache) once rules/ is known
    to be valid (the first run validates every file)."""
    import os

    seed = ROOT.parent / "shared" / "seeds" / "001_97c29a3822b1a2b7.txt"
    if not seed.is_file():
        import pytest

        pytest.skip("../shared not found")
    code = ("import sys, io, contextlib; from checker.fastpath import main\n"
            "sys.argv = ['rasoat', 'check', '--select', 'C508', '-f', 'json', sys.argv[1]]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "from checker import registry, extract\n"
            "from checker.extract import citations\n"
            "print(registry._load.cache_info().currsize, citations.national_documents.cache_info().currsize)")
    env = dict(os.environ, RASOAT_CACHE_DIR=str(tmp_path))
    env.pop("RASOAT_NO_CACHE", None)
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, timeout=120,
                           cwd=ROOT, env=env)
    loaded, national = r.stdout.split()
    assert (loaded, national) == ("0", "1"), r.stderr


def test_patterns_parsed_with_marked_class_bodies_compile_to_the_same_programs():
    """A spelled-out pattern is parsed with its class bodies as markers, replaced afterwards by
    the bodies' parsed items: for every pattern rasoat compiles with \\p{…} classes (and a few
    written for the case), the program is the one the whole spelled-out source compiles to."""
    import pytest

    from checker import rx

    if not rx._INTERNALS:
        pytest.skip("this Python's re has no internals rasoat uses")
    engine.load_rules()
    from checker.extract import agencies, tasks  # noqa: F401 - their patterns too

    extra = [r"[\p{L}\d]+", r"[^\p{L}\d\s]", r"(?:\p{Lu}|x)", r"(?i)\P{L}*\p{Ll}+", r"[\p{Lu}\p{Nd}]|[\p{L}]",
             r"(?<![\p{L}\d])\p{M}?(?=\p{L})", r"(?:[\p{L}]|[a-z])+"]
    keys = {(p, f) for (p, f) in list(rx._load()) if isinstance(p, str) and not p.startswith("\x00")}
    keys |= {(p, 0) for p in extra} | {(p, rx.I) for p in extra}
    checked = 0
    for pattern, flags in sorted(keys):
        whole = rx._spelled_out(pattern, flags)
        if whole is None:
            continue
        try:
            expected = rx._std_compile(whole, flags, pattern)[1]
        except (rx.error, OverflowError, RecursionError):
            continue  # (compiled by `regex`)
        got = rx._std_compile(rx._spelled_out(pattern, flags, marked=True), flags, pattern, True)[1]
        assert got == expected, pattern[:100]
        checked += 1
    assert checked > 30


def test_layout_rule_modules_are_imported_only_for_a_docx():
    """The P8xx rules apply to .docx only: a text draft's check does not import them (with
    --select P801 neither), a .docx's does, and the reports are those of a process with every rule
    loaded (the note that layout was not evaluated for the text draft included)."""
    docx = FIXTURES / "rules" / "P806" / "red-paragraph.docx"
    code = ("import sys; from checker.fastpath import main; sys.argv = ['rasoat', 'check', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('@@', sorted(m.split('.')[3] for m in sys.modules if m.startswith('checker.checks.layout.p8')))")
    layout = str(sorted(m.split(".")[-1] for _, m in engine._rule_modules() if ".layout." in m))
    for args, imported in (([BAD], "[]"), (["--select", "P801", BAD], "[]"), ([docx], layout)):
        r = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                           timeout=120, cwd=ROOT)
        report, modules = r.stdout.rsplit("@@ ", 1)
        assert modules.strip() == imported
        _, out, _ = run_cli("check", *args)  # (this process has every rule loaded)
        assert report == out
        assert ("P8xx" in out) == (args[-1] == BAD) and ("P806" in out) == (args[-1] == docx)
