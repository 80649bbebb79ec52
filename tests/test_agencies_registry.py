"""The agency registry: the national data loads and is consistent; bad data is refused with a
message naming the file and the key; local registries extend and override; the configuration
key `registries` is resolved relative to the configuration file."""
from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from checker.registry import RegistryError, build, load, load_abbreviations, national_files, parse_file

from .conftest import FIXTURES, run_cli

LAO_CAI = FIXTURES / "registries" / "lao-cai.toml"


def write(tmp_path, text: str, name: str = "local.toml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_national_registry_loads_with_its_sources():
    reg = load()
    names = {a.name for a in reg.agencies}
    for name in ("Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội",
                 "Hạt Kiểm lâm", "Ủy ban nhân dân", "Bộ Nông nghiệp và Môi trường", "Phòng Văn hóa và Thông tin",
                 "Phòng Văn hóa - Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Tỉnh ủy"):
        assert name in names
    assert all(a.source for a in reg.agencies)
    assert all(p.source for p in reg.provinces)
    assert len([p for p in reg.provinces if p.status_on(dt.date(2025, 6, 30)) == "valid"]) == 63
    assert len([p for p in reg.provinces if p.status_on(dt.date(2025, 7, 1)) == "valid"]) == 34
    assert len(reg.places) == 3321


def test_merged_departments_name_their_successor_and_end_date():
    reg = load()
    khdt = next(a for a in reg.agencies if a.name == "Sở Kế hoạch và Đầu tư")
    assert khdt.valid_to == dt.date(2025, 2, 28) and khdt.approximate and khdt.successor == "Sở Tài chính"
    assert khdt.status_on(dt.date(2021, 8, 24)) == "valid"
    assert khdt.status_on(dt.date(2025, 3, 15)) == "valid"  # a province's own switch date: grace period
    assert khdt.status_on(dt.date(2025, 11, 15)) == "ended"
    kon_tum = next(p for p in reg.provinces if p.name == "Kon Tum")
    assert kon_tum.successor == "tỉnh Quảng Ngãi" and kon_tum.status_on(dt.date(2025, 7, 1)) == "ended"


@pytest.mark.parametrize("body,needle", [
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\ncolour = "red"\n', "khóa lạ 'colour'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "sở"\nsource = "S"\n', "'level' không hợp lệ"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "NOPE"\n', "unknown source key) 'NOPE'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\n', "thiếu khóa 'source'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\nvalid_to = "2025-02-28"\n', "'valid_to'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\nabbr = "SX"\n', "'abbr'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\nvalid_from = 2025-03-01\nvalid_to = 2020-01-01\n',
     "valid_from"),
    ('[agencies]\nname = "Sở X"\n', "khóa lạ 'agencies'"),
    ('[[places]]\nprovince = "Lào Cai"\nsource = "S"\nunits = ["Bát Xát"]\n', "'units'"),
    ('[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\nvalid_to = 2025-02-28\n[[agency\n', "TOML không hợp lệ"),
])
def test_bad_registry_data_is_an_error_naming_file_and_key(tmp_path, body, needle):
    p = write(tmp_path, '[sources]\nS = "test"\n' + body)
    with pytest.raises(RegistryError) as exc:
        parse_file(p)
    assert str(p) in str(exc.value) and needle in str(exc.value)


def test_two_bodies_with_one_name_and_overlapping_periods_are_an_error(tmp_path):
    p = write(tmp_path, """
        [sources]
        S = "test"
        [[agency]]
        name = "Phòng Kinh tế Tổng hợp"
        level = "phong_huyen"
        valid_to = 2025-06-30
        source = "S"
        [[agency]]
        name = "Phòng Tổng hợp"
        level = "phong_xa"
        variants = ["Phòng Kinh tế Tổng hợp"]
        valid_from = 2025-06-01
        source = "S"
    """)
    with pytest.raises(RegistryError, match="overlapping periods"):
        build([str(p)])
    # the same name in two disjoint periods is fine (a district office, then a commune office)
    p.write_text(p.read_text(encoding="utf-8").replace("2025-06-01", "2025-07-01"), encoding="utf-8")
    assert len(build([str(p)]).agencies) == 2


def test_a_scope_that_duplicates_a_dated_body_is_caught(tmp_path):
    """'Ủy ban nhân dân' with the scope 'huyện' would be a second, undated 'Ủy ban nhân dân huyện'."""
    p = write(tmp_path, """
        [sources]
        S = "test"
        [[agency]]
        name = "Ủy ban nhân dân"
        level = "chinh_quyen"
        scopes = ["huyện"]
        source = "S"
    """)
    with pytest.raises(RegistryError, match="Ủy ban nhân dân huyện"):
        build(national_files(), [str(p)])


def test_local_entries_extend_and_override_the_national_ones():
    national = load()
    local = load([str(LAO_CAI)])
    assert "Sở Văn hóa và Thể thao" not in {a.name for a in national.agencies}
    assert "Sở Văn hóa và Thể thao" in {a.name for a in local.agencies}
    du_lich = [a for a in local.agencies if a.name == "Sở Du lịch"]
    assert len(du_lich) == 1 and du_lich[0].province == "Lào Cai"  # replaced, not duplicated
    bat_xat = [p for p in local.places if p.name == "Bát Xát" and p.unit == "huyện"]
    assert bat_xat and bat_xat[0].valid_to == dt.date(2025, 6, 30)


def test_abbreviations_are_data_with_sources():
    known = load_abbreviations()
    assert known["QĐ"] == "Quyết định" and "ASEAN" in known


def test_config_registries_are_resolved_relative_to_the_config_file(tmp_path):
    (tmp_path / "registries").mkdir()
    (tmp_path / "registries" / "lao-cai.toml").write_text(LAO_CAI.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rasoat.toml").write_text('registries = ["registries/lao-cai.toml"]\n', encoding="utf-8")
    draft = tmp_path / "du-thao.txt"
    draft.write_text("Giao Sở Văn hóa và Thể thảo chủ trì tổ chức Festival Sông Hồng.\n", encoding="utf-8")
    code, out, err = run_cli("check", draft, "--select", "N401", "--format", "json")
    assert "Sở Văn hóa và Thể thao" in out, out + err


def test_a_bad_local_registry_stops_the_run_with_a_clear_message(tmp_path):
    write(tmp_path, '[sources]\nS = "x"\n[[agency]]\nname = "Sở X"\nlevel = "so"\nsource = "S"\nkind = "y"\n',
          "bad.toml")
    (tmp_path / "rasoat.toml").write_text('registries = ["bad.toml"]\n', encoding="utf-8")
    draft = tmp_path / "du-thao.txt"
    draft.write_text("Giao Sở Tài chính chủ trì.\n", encoding="utf-8")
    code, out, err = run_cli("check", draft)
    assert code == 2
    assert "bad.toml" in err and "'kind'" in err and "Traceback" not in err
    (tmp_path / "rasoat.toml").write_text('registries = ["missing.toml"]\n', encoding="utf-8")
    code, out, err = run_cli("check", draft)
    assert code == 2 and "missing.toml" in err
