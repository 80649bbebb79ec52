"""`rasoat convert` on real notices (issue 14, item 3): it converts real paragraphs typed in TCVN3
or VNI, and refuses — exit 2, with a message, the file untouched — whenever its result would read
less Vietnamese than its input: text already in Unicode (with or without --from), and UTF-8 with
stray bytes (a cp1252 quote or dash pasted into a UTF-8 draft) that must not be taken for a legacy
encoding. The measure is taken over the whole text (encodings.less_vietnamese)."""
from __future__ import annotations

import unicodedata

import pytest

from checker.encodings import encode_8bit, from_unicode, less_vietnamese, to_unicode, vietnamese_share

from .conftest import CORPUS, SEEDS, needs_shared, run_cli


def _real_notices() -> list:
    folder = CORPUS / "notices"
    return sorted(folder.glob("*.txt"))[:3] if folder.is_dir() else []


def _cp1252_safe(text: str) -> str:
    """The text without the few characters an 8-bit legacy file cannot hold (they are not letters)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        try:
            encode_8bit(from_unicode(c, "vni"))
            encode_8bit(from_unicode(c, "tcvn3"))
        except ValueError:
            continue
        out.append(c)
    return "".join(out)


NOTICES = _real_notices()


@needs_shared
@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name[:12])
def test_real_notices_typed_in_a_legacy_encoding_are_converted(tmp_path, notice, enc):
    text = _cp1252_safe(notice.read_text(encoding="utf-8"))
    src = tmp_path / "legacy.txt"
    src.write_bytes(encode_8bit(from_unicode(text, enc)))
    out = tmp_path / "unicode.txt"
    code, _, err = run_cli("convert", src, "-o", out)
    assert code == 0, err
    got = out.read_text(encoding="utf-8")
    # TCVN3 has no code for a capital with a tone mark: capitals come back from the case of the
    # word around them (checker.encodings), so the comparison ignores case there
    assert (got.lower() if enc == "tcvn3" else got) == (text.lower() if enc == "tcvn3" else text)


@needs_shared
@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name[:12])
def test_a_real_notice_already_in_unicode_is_refused_in_every_way(tmp_path, notice):
    f = tmp_path / "unicode.txt"
    raw = notice.read_bytes()
    f.write_bytes(raw)
    code, _, err = run_cli("convert", f, "--in-place")
    assert code == 2 and "không có gì để chuyển" in err and f.read_bytes() == raw
    for enc in ("tcvn3", "vni"):  # forced: the result would be mojibake ("thụng bỏo")
        code, _, err = run_cli("convert", f, "--from", enc, "--in-place")
        assert code == 2 and "kém tiếng Việt hơn" in err and "Traceback" not in err, err
        assert f.read_bytes() == raw
    code, _, err = run_cli("convert", f, "--from", "vni", "-o", tmp_path / "out.txt")
    assert code == 2 and not (tmp_path / "out.txt").exists()


@needs_shared
def test_a_unicode_docx_in_a_forced_encoding_is_refused(tmp_path):
    from .test_docx_reader import seed_to_docx

    seed = sorted(SEEDS.glob("*.txt"))[1]
    d = seed_to_docx(seed, tmp_path / "seed.docx")
    raw = d.read_bytes()
    code, _, err = run_cli("convert", d, "--from", "tcvn3", "--in-place")
    assert code == 2 and "kém tiếng Việt hơn" in err and d.read_bytes() == raw
    code, _, err = run_cli("convert", d, "-o", tmp_path / "out.docx")
    assert code == 2 and "không có gì để chuyển" in err and not (tmp_path / "out.docx").exists()


@needs_shared
@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name[:12])
def test_utf8_notices_with_stray_cp1252_bytes_are_never_converted(tmp_path, notice):
    """Quotes and dashes from a Windows-1252 source pasted at several places of a real notice."""
    data = notice.read_bytes()
    cuts = [data.index(b"\n", len(data) * k // 5) for k in range(1, 5)]
    stray = data
    for cut, byte in zip(reversed(cuts), (b"\x93", b"\x94", b"\x96", b"\x92")):
        stray = stray[:cut] + byte + stray[cut:]
    f = tmp_path / "stray.txt"
    f.write_bytes(stray)
    for args in (["--in-place"], ["--from", "vni", "--in-place"], ["--from", "tcvn3", "--in-place"]):
        code, _, err = run_cli("convert", f, *args)
        assert code == 2 and "Traceback" not in err, (args, err)
        assert f.read_bytes() == stray


@needs_shared
def test_the_measure_reads_the_whole_text():
    """A Unicode notice with a legacy paragraph pasted at its end: converting the whole file from
    TCVN3 mends the paragraph but breaks the rest, and is refused; the legacy paragraph alone
    is converted. Both are weighed over every word, not the first lines."""
    text = NOTICES[0].read_text(encoding="utf-8")
    legacy = from_unicode(text.splitlines()[-3] * 3, "tcvn3")
    mixed = text + "\n" + legacy
    assert less_vietnamese(mixed, to_unicode(mixed, "tcvn3")) is not None
    assert less_vietnamese(legacy, to_unicode(legacy, "tcvn3")) is None
    known, words = vietnamese_share(text)
    assert words > 1000 and known / words > 0.9
