"""Legacy encodings (checker/encodings.py): TCVN3 and VNI samples made from the mapping table are
detected and converted back exactly; Unicode text is never taken for a legacy encoding."""
from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.encodings import (
    TCVN3_TO_UNI, UNI_TO_VNI, convert_run, decode_8bit, decode_legacy_bytes, detect_legacy, encode_8bit,
    from_unicode, legacy_font, to_unicode,
)
from checker.language.syllables import ONSETS, RHYMES, check_syllable

from .conftest import SHARED, needs_shared, run_text

LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _syllables() -> list[str]:
    """Every well-formed syllable the model accepts, built from onsets, rhymes and tones."""
    out = set()
    for onset in ONSETS:
        for rhyme in RHYMES:
            base = onset + rhyme
            for mark in TONES:
                for k, c in enumerate(base):
                    if c not in "aăâeêioôơuưy":
                        continue
                    s = unicodedata.normalize("NFC", base[:k + 1] + mark + base[k + 1:])
                    if check_syllable(s) is None:
                        out.add(s)
                    if not mark:
                        break
    return sorted(out)


SYLLABLES = _syllables()
TCVN3_CAPITALS = set(string.ascii_uppercase) | set("ĂÂÊÔƠƯĐ")


def test_the_syllable_inventory_is_the_language():
    # thousands of syllables, all the letters of the tables among them
    assert len(SYLLABLES) > 5000
    assert set(LOWER) <= set("".join(SYLLABLES))
    for word in ("thông", "báo", "người", "rượu", "khuya", "quyết", "giếng", "nghiêm", "hoà", "hòa"):
        assert word in SYLLABLES


def _capitalise(s: str, tcvn3: bool) -> str:
    up = s[0].upper()
    return up + s[1:] if (not tcvn3 or up in TCVN3_CAPITALS) else s


def sentences(tcvn3: bool):
    word = st.sampled_from(SYLLABLES)
    token = st.one_of(word, word.map(lambda s: _capitalise(s, tcvn3)),
                      st.sampled_from(["UBND", "HĐND", "2024", "15/9/2021", "TB-UBND", "(1)"]))
    sentence = st.lists(token, min_size=1, max_size=12).map(" ".join)
    return st.lists(st.tuples(sentence, st.sampled_from([". ", ", ", "; ", ":\n", ".\n\n"])), min_size=1, max_size=6).map(
        lambda parts: "".join(s + p for s, p in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences(tcvn3=False))
def test_vni_round_trip_is_exact(text):
    legacy = from_unicode(text, "vni")
    assert to_unicode(legacy, "vni") == text
    assert decode_8bit(encode_8bit(legacy)) == legacy


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences(tcvn3=True))
def test_tcvn3_round_trip_is_exact(text):
    legacy = from_unicode(text, "tcvn3")
    assert len(legacy) == len(text)  # one code per letter
    assert to_unicode(legacy, "tcvn3") == text
    assert decode_8bit(encode_8bit(legacy)) == legacy


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=LOWER + LOWER.upper() + string.ascii_letters + " .,;:-()0123456789\n", max_size=200))
def test_vni_round_trip_of_any_string_of_its_letters(text):
    assert to_unicode(from_unicode(text, "vni"), "vni") == text


@pytest.mark.parametrize("heading", [
    "THÔNG BÁO", "KẾT LUẬN CỦA PHÓ CHỦ TỊCH UBND TỈNH", "ĐỀ ÁN", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NƠI NHẬN", "QUYẾT ĐỊNH",
])
def test_tcvn3_all_capital_headings_come_back_in_capitals(heading):
    # TCVN3 has no code for a capital with a tone mark (an upper-case font drew the lower-case
    # codes): a word, or a line, written in capitals is recognised as such
    legacy = from_unicode(heading, "tcvn3")
    assert to_unicode(legacy, "tcvn3") == heading
    assert to_unicode(legacy + "\nKÕt luËn cña Chñ tÞch", "tcvn3").splitlines()[0] == heading


@pytest.mark.parametrize("legacy,enc,unicode_text", [
    ("Th«ng b¸o kÕt luËn", "tcvn3", "Thông báo kết luận"),
    ("M\xadêng Kh\xad¬ng", "tcvn3", "Mường Khương"),
    ("§µ N½ng", "tcvn3", "Đà Nẵng"),
    ("Thoâng baùo keát luaän", "vni", "Thông báo kết luận"),
    ("ÑAÛNG UÛY", "vni", "ĐẢNG ỦY"),
    ("Chuû tòch UÛy ban nhaân daân", "vni", "Chủ tịch Ủy ban nhân dân"),
])
def test_known_samples(legacy, enc, unicode_text):
    assert to_unicode(legacy, enc) == unicode_text
    assert detect_legacy(legacy) == enc
    assert detect_legacy(unicode_text) is None


def test_tables_are_complete_and_one_to_one():
    assert set(TCVN3_TO_UNI.values()) == set(LOWER) | set("ĂÂÊÔƠƯĐ")
    assert len(TCVN3_TO_UNI) == len(set(TCVN3_TO_UNI.values()))
    assert set(UNI_TO_VNI) == set(LOWER) | set(LOWER.upper())
    assert len(set(UNI_TO_VNI.values())) == len(UNI_TO_VNI)


@pytest.mark.parametrize("font,expected", [
    (".VnTime", ("tcvn3", False)), (".VnTimeH", ("tcvn3", True)), (".VnArial", ("tcvn3", False)),
    (".VnArialH", ("tcvn3", True)), ("VNI-Times", ("vni", False)), ("VNI-Helve", ("vni", False)),
    ("Times New Roman", None), ("Arial", None), (None, None), ("", None),
])
def test_legacy_font_names(font, expected):
    assert legacy_font(font) == expected


def test_convert_run_for_docx_readers():
    assert convert_run("Th«ng b¸o", ".VnTime") == ("Thông báo", "tcvn3")
    assert convert_run("TH«NG B¸O", ".VnTimeH") == ("THÔNG BÁO", "tcvn3")
    assert convert_run("Thoâng baùo", "VNI-Times") == ("Thông báo", "vni")
    assert convert_run("Thông báo", "Times New Roman") == ("Thông báo", None)
    assert convert_run("UBND", ".VnTime") == ("UBND", None)  # nothing to convert


def test_8bit_files_are_read_as_legacy_text_and_reported():
    text = ("THÔNG BÁO\n\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp tháng 8 năm 2021.\n\n"
            "1. Sở Y tế chủ trì, phối hợp với các huyện triển khai tiêm vắc-xin trước ngày 15/9/2021.\n")
    for enc in ("tcvn3", "vni"):
        raw = encode_8bit(from_unicode(text, enc))
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        converted, found = decode_legacy_bytes(raw)
        assert found == enc
        assert converted.lower() == text.lower()


def test_8bit_text_that_is_not_vietnamese_stays_unreadable(tmp_path):
    from checker import check_file

    f = tmp_path / "latin1.txt"
    f.write_bytes("Le conseil a décidé de réviser le règlement général à l'unanimité.\n".encode("latin-1") * 5)
    res = check_file(f)
    assert [d.code for d in res.diagnostics] == ["E903"]


def test_a_pasted_legacy_paragraph_in_a_unicode_draft_is_e901_with_its_conversion():
    good = "Sở Tài chính tham mưu bố trí kinh phí cho lực lượng bảo vệ rừng, hoàn thành trong tháng 4 năm 2024."
    text = ("THÔNG BÁO\n\nKết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp.\n\n1. " + good + "\n\n2. "
            + from_unicode(good, "tcvn3") + "\n")
    diags = [d for d in run_text(text) if d.code == "E901"]
    assert len(diags) == 1 and diags[0].line == 7
    assert diags[0].suggestion == "2. " + good
    assert diags[0].fix is not None and not diags[0].fix.safe
    # the checks run on the conversion: no spelling finding on the legacy look of the words
    assert not [d for d in run_text(text) if d.code == "L702"]


@needs_shared
def test_real_documents_are_unicode_and_their_legacy_copies_are_detected():
    from checker.document import load_path

    files = sorted((SHARED / "corpus").rglob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    assert len(files) == 31
    missed = total = 0
    for f in files:
        doc = load_path(f)
        assert doc.source.legacy == "", f.name
        for p in doc.paragraphs:
            assert detect_legacy(p.text) is None, (f.name, p.text[:60])
            if sum(1 for w in p.text.split() if not w.isascii()) < 4:
                continue
            for enc in ("tcvn3", "vni"):
                total += 1
                missed += detect_legacy(from_unicode(p.text, enc)) != enc
            assert to_unicode(from_unicode(p.text, "vni"), "vni") == p.text
    assert total > 5000 and missed <= total // 200, (missed, total)
