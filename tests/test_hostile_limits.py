"""Limits that hold: a numbering label bomb renders short labels, texts past the line limit are
refused, one rule's findings are bounded, and hostile configuration and registries give a clear
configuration error (exit 2), never a hang or a traceback (issue 14, items 7, 9, 11). The times
and memory of the worst inputs are measured by bench/hostile.py, not here."""
from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from tests.conftest import ROOT, run_cli


def _bench():
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "hostile.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_numbering_label_bomb_gives_short_labels(tmp_path):
    from checker.readers import read

    data = _bench().docx_numbering_label_bomb()
    src, paras = read(str(tmp_path / "bomb.docx"), data)
    numbered = [p for p in paras if p.label]
    assert len(numbered) == 1000
    assert max(len(p.label) for p in numbered) <= 64 * 20
    assert len(src.text) < 2_000_000  # 200 MB of labels before


def test_texts_past_the_paragraph_limit_are_refused(tmp_path):
    f = tmp_path / "dash.txt"
    f.write_text("- a\n" * 60_000, encoding="utf-8")
    code, _, err = run_cli("check", f)
    assert code == 2 and "too many lines" not in err and "quá nhiều dòng" in err
    code, _, err = run_cli("check", f, "--lang", "en")
    assert code == 2 and "too many lines" in err


def test_one_rule_gives_at_most_max_hits_findings():
    from checker import Options, check_text
    from checker.engine import MAX_HITS

    text = "THÔNG BÁO\n" + "\n".join("Các phòng ,ban" for _ in range(3000)) + "\n"
    res = check_text(text, options=Options(), select=["L704"])
    assert 0 < len([d for d in res.diagnostics if d.code == "L704"]) <= MAX_HITS


def test_a_paragraph_of_brackets_is_not_running_text():
    from checker import Options, check_text

    res = check_text("THÔNG BÁO\n" + "(" * 150_000 + "\n", options=Options(), select=["L704"])
    assert [d.code for d in res.diagnostics] == []
    res = check_text("THÔNG BÁO\nCác sở (theo Kế hoạch số 12/KH-UBND báo cáo.\n", options=Options(), select=["L704"])
    assert [d.code for d in res.diagnostics] == ["L704"]  # a real unclosed bracket is still found


@pytest.mark.parametrize("body, says", [
    ("[limits]\nrule-seconds = inf\n", "finite"),
    ("[limits]\nrule-seconds = nan\n", "finite"),
    ("[limits]\nrule-seconds = 1e300\n", "finite"),
    ("[limits]\nmax-paragraphs = true\n", "finite"),
    ("jobs = 99999999999\n", "invalid value"),
    ("select = " + "[" * 5000 + "]" * 5000 + "\n", "TOML"),
])
def test_hostile_configuration_values_are_config_errors(tmp_path, body, says):
    (tmp_path / "rasoat.toml").write_text(body, encoding="utf-8")
    (tmp_path / "d.txt").write_text("THÔNG BÁO\n", encoding="utf-8")
    code, _, err = run_cli("check", tmp_path / "d.txt", "--lang", "en")  # (the English message names the fault)
    assert code == 2 and says in err and "internal error" not in err, err
    code, _, err = run_cli("check", tmp_path / "d.txt")
    assert code == 2 and "rasoat.toml" in err and "lỗi nội bộ" not in err, err


def test_pyproject_and_rasoat_toml_of_odd_shapes(tmp_path):
    (tmp_path / "d.txt").write_text("THÔNG BÁO\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    code, _, err = run_cli("check", tmp_path / "d.txt", "--select", "E904")
    assert code == 0 and "internal error" not in err  # no [tool.rasoat]: defaults
    (tmp_path / "pyproject.toml").write_text("[tool]\nrasoat = 5\n", encoding="utf-8")
    code, _, err = run_cli("check", tmp_path / "d.txt")
    assert code == 2 and "must be a table" in err
    (tmp_path / "rasoat.toml").write_bytes('lang = "vi"\n# \xff\xfe\n'.encode("latin-1"))
    code, _, err = run_cli("check", tmp_path / "d.txt")
    assert code == 2 and "not UTF-8" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs FIFOs and /dev/zero")
def test_registries_must_be_regular_bounded_files(tmp_path):
    (tmp_path / "d.txt").write_text("THÔNG BÁO\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.toml")
    for target, says in (("/dev/zero", "regular file"), (str(tmp_path / "fifo.toml"), "regular file")):
        (tmp_path / "rasoat.toml").write_text(f'registries = ["{target}"]\n', encoding="utf-8")
        code, _, err = run_cli("check", tmp_path / "d.txt")
        assert code == 2 and says in err, err
    big = tmp_path / "big.toml"
    entry = '[[agency]]\nname = "Sở Số {i}"\nlevel = "tỉnh"\nsource = ["X"]\n'
    big.write_text('[sources]\nX = "x"\n' + "".join(entry.format(i=i) for i in range(100_000)), encoding="utf-8")
    (tmp_path / "rasoat.toml").write_text('registries = ["big.toml"]\n', encoding="utf-8")
    code, _, err = run_cli("check", tmp_path / "d.txt")
    assert code == 2 and ("too large" in err or "too many entries" in err), err


def test_a_fifo_given_as_config_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "cfg.toml")
    (tmp_path / "d.txt").write_text("THÔNG BÁO\n", encoding="utf-8")
    code, _, err = run_cli("check", tmp_path / "d.txt", "--config", tmp_path / "cfg.toml")
    assert code == 2 and "regular file" in err


def _docx(tmp_path):
    from tests.docxbuild import DocxBuilder

    b = DocxBuilder()
    b.para("**THÔNG BÁO**", align="center")
    b.para("Về việc họp giao ban")
    src = tmp_path / "ok.docx"
    b.save(src)
    return src


LAUGHS = ('<?xml version="1.0" encoding="{enc}"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
          '<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("codec, declared", [("utf-32", "UTF-32"), ("utf-16-be", "UTF-16"), ("cp037", "IBM037")])
def test_dtd_in_any_encoding_is_refused(tmp_path, codec, declared):
    from tests.docxbuild import rewrite_parts

    bad = rewrite_parts(_docx(tmp_path), tmp_path / "bad.docx",
                        {"word/document.xml": LAUGHS.format(enc=declared).encode(codec)})
    code, _, err = run_cli("check", bad, "--lang", "en")
    assert code == 2 and "DOCTYPE" in err, err


def test_dtd_in_a_part_not_named_xml_is_refused(tmp_path):
    from tests.docxbuild import rewrite_parts

    bad = rewrite_parts(_docx(tmp_path), tmp_path / "bad.docx",
                        {"word/media/extra.png": LAUGHS.format(enc="UTF-8").encode("utf-8")})
    code, _, err = run_cli("check", bad, "--lang", "en")
    assert code == 2 and "DOCTYPE" in err and "extra.png" in err, err
    # a real binary part is not mistaken for XML
    ok = rewrite_parts(_docx(tmp_path), tmp_path / "ok2.docx", {"word/media/image1.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256))})
    code, _, err = run_cli("check", ok, "--select", "E903")
    assert code == 0, err


@pytest.mark.parametrize("comments, says", [
    ('<w:comments {ns}><w:comment w:id="abc" w:author="x"><w:p/></w:comment></w:comments>', "invalid id"),
    ('<w:comments {ns}><w:comment w:id="' + "9" * 5000 + '" w:author="x"><w:p/></w:comment></w:comments>', "invalid id"),
    ('<w:document {ns}><w:body/></w:document>', "malformed"),
    ('<w:comments {ns}>' + "".join(f'<w:comment w:id="{i}" w:author="a{i * 7919 % 10007}"><w:p/></w:comment>'
                                   for i in range(200_000)) + '</w:comments>', "too many"),
])
def test_annotate_refuses_a_hostile_comments_part(tmp_path, comments, says):
    from tests.docxbuild import rewrite_parts

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    src = rewrite_parts(_docx(tmp_path), tmp_path / "c.docx", {"word/comments.xml": comments.format(ns=ns).encode("utf-8")})
    code, _, err = run_cli("annotate", src, "-o", tmp_path / "out.docx", "--lang", "en")
    assert code == 2 and (says in err or "compression ratio" in err) and "internal error" not in err, err
    assert not (tmp_path / "out.docx").exists()


def test_one_stray_byte_in_utf8_is_not_a_legacy_encoding(tmp_path):
    """A UTF-8 draft with one 0x93 (a cp1252 quote pasted in) is UTF-8 with one bad byte: convert
    refuses instead of rewriting it all as mojibake, check says where the byte is."""
    from tests.conftest import SEEDS

    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip("../shared not found")
    data = seeds[0].read_bytes()
    k = data.index(b"\n", len(data) // 2)
    f = tmp_path / "stray.txt"
    f.write_bytes(data[:k] + b"\x93" + data[k:])
    code, _, err = run_cli("convert", f, "--in-place")
    assert code == 2 and f.read_bytes() == data[:k] + b"\x93" + data[k:]
    code, out, err = run_cli("check", f, "--lang", "en")
    assert code == 2 and f"bad byte at offset {k}" in err and "E901" not in out
