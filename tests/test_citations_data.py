"""The rule data of the citation checks (rules/doc_types.toml, issuers.toml, laws.toml)."""
from __future__ import annotations

import shutil

import pytest

from checker import resources
from checker.errors import ConfigError
from checker.extract import citations as C


def test_every_entry_says_where_it_comes_from():
    t = C.tables()
    assert all(x.source.strip() for x in t.types)
    assert all(x.source.strip() for x in t.issuers)
    assert all(x.source.strip() for x in t.laws)
    # ND30 Phụ lục III codes are all there
    for code in ("NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr",
                 "HĐ", "CĐ", "GM"):
        assert code in t.state_code_owner, code
    law = next(x for x in t.laws if x.year == 2015 and "ban hanh van ban quy pham phap luat" in x.names)
    assert str(law.replaced_from) == "2025-04-01" and "64/2025/QH15" in law.replaced_by


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of rules/ that a test may break; the tables are reloaded from it."""
    src = resources.data_dir("rules")
    dst = tmp_path / "rules"
    shutil.copytree(src, dst)
    monkeypatch.setattr(C, "rules_path", lambda name: dst / name)
    C.tables.cache_clear()
    C.issuer_info.cache_clear()
    yield dst
    C.tables.cache_clear()
    C.issuer_info.cache_clear()


def test_unknown_key_is_a_clear_error(rules_copy):
    p = rules_copy / "doc_types.toml"
    p.write_text(p.read_text(encoding="utf-8").replace('key = "luat"', 'key = "luat"\ncolour = "red"', 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"doc_types\.toml.*colour"):
        C.tables()


def test_bad_pattern_is_a_clear_error(rules_copy):
    p = rules_copy / "issuers.toml"
    p.write_text(p.read_text(encoding="utf-8").replace('pattern = "QH\\\\d{0,2}"', 'pattern = "QH(\\\\d"', 1),
                 encoding="utf-8")
    with pytest.raises(ConfigError, match=r"issuers\.toml.*bad pattern"):
        C.tables()


def test_wrong_type_is_a_clear_error(rules_copy):
    p = rules_copy / "laws.toml"
    p.write_text(p.read_text(encoding="utf-8").replace("year = 2015", 'year = "2015"', 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"laws\.toml.*'year'"):
        C.tables()
