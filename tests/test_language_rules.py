"""Spelling, tone style and typography (L701–L704) and their data files."""
from __future__ import annotations

import pytest

from checker.fix import apply_edits
from checker.language import lexicon

from .conftest import CORPUS, SEEDS, needs_shared, run_file, run_text

HEAD = "THÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh tại phiên họp tháng 3 năm 2024\n\n"


def para(text: str, select: str, **options):
    return run_text(HEAD + "1. " + text + "\n", select=[select], **options)


# ---------------------------------------------------------------- L701

@pytest.mark.parametrize("text,wrong,right,safe", [
    ("Các sở phân đấu hoàn thành giải ngân 100% kế hoạch vốn.", "phân đấu", "phấn đấu", True),
    ("Rà soát, tránh lãnh phí nguồn lực.", "lãnh phí", "lãng phí", True),
    ("Phòng cháy chửa cháy rừng.", "chửa cháy", "chữa cháy", True),
    ("Sâm không rõ nguồn gốc, xuất sứ.", "xuất sứ", "xuất xứ", True),
    ("Bệnh khâm lá virus trên cây sắn.", "khâm lá", "khảm lá", True),
    ("Bệnh khảm lá virus trên cây săn.", "cây săn", "cây sắn", True),
    ("Dồn điền, dòn đổi đất nông nghiệp.", "dòn đổi", "dồn đổi", True),
    ("Chuyên thăm và làm việc tại Trung Quốc.", "Chuyên thăm", "Chuyến thăm", True),
    ("Kết quả thực hiện các chỉ tiêu kinh - tế xã hội tháng 3.", "kinh - tế xã hội", "kinh tế - xã hội", True),
    ("Đề án sát nhập các xã.", "sát nhập", "sáp nhập", True),
    ("SÁT NHẬP CÁC XÃ.", "SÁT NHẬP", "SÁP NHẬP", True),
    ("Nâng cao năng lực chuẩn đoán bệnh.", "chuẩn đoán", "chẩn đoán", True),
    ("Kỷ niệm 70 năm chiến thắng Điện Biên phủ.", "Điện Biên phủ", "Điện Biên Phủ", True),
    ("Tham mưu BCD phong trào.", "BCD", "BCĐ", False),
    ("Xây dựng kế hoạch đề đồng chí Chủ tịch kiểm tra.", "đề đồng chí", "để đồng chí", False),
    ("Báo cáo kết quả chuyển công tác học tập kinh nghiệm.", "chuyển công tác", "chuyến công tác", False),
    ("Nghiên cứu đề xuất sản giao dịch hoa.", "sản giao dịch", "sàn giao dịch", False),
    ("Các sở khẩn trương cập nhập dữ liệu.", "cập nhập", "cập nhật", True),
])
def test_l701_confusions(text, wrong, right, safe):
    diags = para(text, "L701")
    assert [(d.context, d.suggestion) for d in diags] == [(wrong, right)]
    assert diags[0].fix.safe is safe
    assert diags[0].severity == ("warning" if safe else "info")
    fixed = apply_edits(HEAD + "1. " + text + "\n", diags[0].fix.edits)
    assert right in fixed and wrong not in fixed


@pytest.mark.parametrize("text", [
    "Về vấn đề đồng chí Giám đốc Sở nêu, giao Sở Tài chính xử lý.",
    "Rà soát các tài sản giao dịch bảo đảm và bất động sản giao dịch trên sàn.",
    "Trình quyết định chuyển công tác đối với công chức.",
    "Đánh giá khả năng xuất khẩu gỗ rừng trồng.",
    "Các đồng chí cũng cố gắng hoàn thành nhiệm vụ.",
    "Bác sĩ chuyên thăm khám cho người cao tuổi.",
    "Đóng góp vào thành tựu chung của cả nước.",
    "Kỷ niệm chiến thắng Điện Biên Phủ, phát triển kinh tế - xã hội.",
])
def test_l701_correct_text_is_left_alone(text):
    assert para(text, "L701") == []


def test_l701_matches_either_tone_style():
    # entries are matched on tone-neutral text: a confusion written in the other style is found
    assert [d.suggestion for d in para("Kiểm xoát chặt chẽ.", "L701")] == ["Kiểm soát"]


def test_every_confusion_entry_is_sourced_and_its_right_form_is_not_itself_a_confusion():
    entries = lexicon.confusions()
    assert len(entries) >= 50
    for e in entries:
        assert e.source.strip()
        assert lexicon.find_confusions(e.right) == [], e.right
        found = lexicon.find_confusions(e.wrong)
        if not (e.only_after or e.only_before):
            assert [c.entry for c in found] == [e], e.wrong


def test_the_confusions_kept_in_the_cache_are_those_validated_from_the_file(tmp_path, monkeypatch):
    # a later run decodes the entries and their index from the state file instead of validating
    # confusions.toml again: the same entries, the same index, the same matches
    from checker import cache

    fresh = lexicon.validate_confusions("confusions.toml", lexicon._load("confusions.toml"))
    monkeypatch.setenv("RASOAT_CACHE_DIR", str(tmp_path))
    lexicon._confusion_data.cache_clear()
    try:
        built = lexicon._confusion_data()  # a miss: validated, derived and kept
        cache.flush()
        cache._sections.clear()
        lexicon._confusion_data.cache_clear()
        read = lexicon._confusion_data()  # read back from the state file
        assert read is not built and lexicon._is_confusion_data(read)
        for data in (built, read):
            assert list(data[0]) == fresh
            assert data[1] == lexicon._build_index(fresh)
            assert all(e.pattern.pattern == e.phrase_rx for e in data[0])
        text = "Kiểm xoát chặt chẽ, " + ", ".join(e.wrong for e in fresh)
        assert [(c.start, c.end, c.entry) for c in lexicon.find_confusions(text)] == \
            [(c.start, c.end, c.entry) for c in lexicon._confirm(text, text.lower(), fresh)]
    finally:
        lexicon._confusion_data.cache_clear()


@pytest.mark.parametrize("name,toml,message", [
    ("confusions.toml", '[[confusion]]\nwrong = "a b"\nright = "c d"\n', "source"),
    ("confusions.toml", '[[confusion]]\nwrong = "a b"\nright = "c d"\nsource = "x"\ncolour = 1\n', "colour"),
    ("confusions.toml", '[[confusion]]\nwrong = "a b"\nright = "a b"\nsource = "x"\n', "giống nhau"),
    ("confusions.toml", '[[confusion]]\nwrong = "a b"\nright = "c d"\nsource = "x"\nseverity = "fatal"\n', "severity"),
    ("confusions.toml", '[[confusion]]\nwrong = "a b"\nright = "c d"\nsource = "x"\nnot_after = "vấn"\n', "not_after"),
    ("confusions.toml", '[entries]\nx = 1\n', "entries"),
    ("language.toml", '[syllable_allow]\nwords = ["ôtô"]\n[joined_punctuation]\nsource = "x"\npatterns = ["a"]\n', "source"),
    ("language.toml", '[syllable_allow]\nsource = "x"\nwords = ["ôtô"]\n[joined_punctuation]\nsource = "x"\npatterns = ["(a"]\n',
     "bad regex"),
    ("language.toml", '[syllable_allow]\nsource = "x"\nwords = ["ôtô"]\n', "missing sections"),
    ("language.toml", '[syllable_allow]\nsource = "x"\nwords = ["ôtô"]\nextra = 1\n', "extra"),
])
def test_language_data_is_validated(name, toml, message):
    import tomllib

    validate = lexicon.validate_confusions if name == "confusions.toml" else lexicon.validate_language
    with pytest.raises(lexicon.LanguageDataError) as err:
        validate(name, tomllib.loads(toml))
    assert name in str(err.value) and message in str(err.value)


# ---------------------------------------------------------------- L702

@pytest.mark.parametrize("text,word,fix", [
    ("Xử lý ổ dịch viêm da női cục trâu, bò.", "női", None),
    ("Tổ chức quán triểt nghị quyết.", "triểt", None),
    ("Triển khai ngiêm túc.", "ngiêm", None),
    ("Thu hoạch qủa trong tháng 4.", "qủa", "quả"),
])
def test_l702_errors(text, word, fix):
    diags = para(text, "L702")
    assert [(d.context, d.suggestion) for d in diags] == [(word, fix)]
    if fix:
        assert diags[0].fix.safe and fix in apply_edits(HEAD + "1. " + text + "\n", diags[0].fix.edits)


@pytest.mark.parametrize("text", [
    "Hạt Kiểm lâm Krông Pắc, tỉnh Đắk Lắk, huyện Ea H'leo, xã Ia Rvê, Bắc Kạn.",  # minority place names
    "Phó Thủ tướng Hồ Đức Phớc, đồng chí Y Thanh Hà Niê Kđăm.",  # personal names as registered
    "HĐND, UBND, BCĐ, TTĐT, ĐBQH, KH&ĐT, GD&ĐT, QĐ-TTg, NĐ-CP, TTgCP, PTTg.",  # abbreviations
    "Hệ thống camera, internet, online, logistics, video clip, virus Covid-19.",  # foreign words
    "Liên hệ https://dichvucong.gov.vn hoặc kiemlam@hagiang.gov.vn, 1.500 m3/ngày, 20 km2.",
    "Danh mục tại điểm đ khoản 2; các mục a), b), đ) nêu trên.",
    "Hòa và hoà, thủy và thuỷ, khỏe và khoẻ đều đúng chính tả.",
    "Mua xăng, dầu, pin cho máy bơm; vắc-xin, ô-tô, cà phê.",
    "Sở phân đấu tiết kiệm, tránh nghành nghề dàn trải.",  # L701's words are left to L701
    "Theo Công văn số 16495/BТС-PTHT, báo cáo định kǶ.",  # letters of another script: E908's
    "Hàm lượng chì dưới 5 µg/kg, kích thước hạt 10 μm.",  # units with a micro prefix
])
def test_l702_silent_on_correct_text(text):
    assert para(text, "L702") == []


EXPECTED_L702 = {
    # (file, line, word): true errors in the real documents
    ("corpus/other/002_qd-1949-ubnd-cao-bang-2025.txt", 143, "bưuchínhcông"),  # words run together
    ("corpus/other/009_kh-182-ubnd-dong-nai-2025-ctmtqg-ma-tuy.txt", 315, "triểt"),  # quán triệt
    ("corpus/other/017_cv-4001-ubnd-dt-hcm-2025-mo-khoang-san.txt", 289, "âp"),  # ấp 4
    ("seeds/002_b75f6995bec0e83d.txt", 55, "női"),  # nổi
}


@needs_shared
def test_l702_on_the_real_documents_finds_only_true_errors():
    got = set()
    files = sorted(CORPUS.rglob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(files) == 31
    for f in files:
        for d in run_file(f, select=["L702"]).diagnostics:
            got.add((f.relative_to(CORPUS.parent).as_posix(), d.line, d.context))
    assert got == EXPECTED_L702


# ---------------------------------------------------------------- L703

MIXED = HEAD + ("1. Ban Thường vụ Tỉnh ủy chỉ đạo; Ủy ban nhân dân tỉnh hòa giải.\n\n"
                "2. Báo cáo Tỉnh uỷ trước ngày 15/4/2024.\n\nNơi nhận:\n- TT. Tỉnh ủy;\n- Lưu: VT.\n")


def test_l703_reports_the_minority_style_with_the_majority_form():
    diags = run_text(MIXED, select=["L703"])
    assert [(d.line, d.context, d.suggestion, d.severity) for d in diags] == [(7, "uỷ", "ủy", "info")]
    assert diags[0].fix.safe


@pytest.mark.parametrize("style,expected", [("òa", ["uỷ"]), ("oà", ["ủy", "Ủy", "hòa", "ủy"])])
def test_l703_an_office_can_impose_a_style(style, expected):
    diags = run_text(MIXED, select=["L703"], settings={"tone-style": style})
    assert [d.context for d in diags] == expected
    assert {d.severity for d in diags} == {"warning"}


def test_l703_consistent_document_and_the_national_name():
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" + HEAD
            + "1. Báo cáo Tỉnh uỷ, Uỷ ban nhân dân tỉnh về hoà giải.\n")
    assert run_text(text, select=["L703"]) == []  # the national name keeps the decree's spelling
    assert [d.context for d in run_text(text, select=["L703"], settings={"tone-style": "òa"})] == ["uỷ", "Uỷ", "hoà"]


def test_tone_style_setting_is_validated():
    from checker.config import validate
    from checker.errors import ConfigError

    assert validate({"tone-style": "oà"}, "x")["tone-style"] == "oà"
    with pytest.raises(ConfigError):
        validate({"tone-style": "hoa"}, "x")


@needs_shared
def test_l703_seed_000_mixed_styles():
    diags = run_file(SEEDS / "000_0ecd264c0f8cb733.txt", select=["L703"]).diagnostics
    assert [(d.line, d.context, d.suggestion) for d in diags] == [(118, "uỷ", "ủy")]


# ---------------------------------------------------------------- L704

@pytest.mark.parametrize("text,expected", [
    ("Rà soát phương án phòng cháy , chữa cháy rừng.", [("Thừa dấu cách trước", " ,", ",")]),
    ("Báo cáo UBND tỉnh trước ngày 25/3/2024 .", [("Thừa dấu cách trước", " .", ".")]),
    ("Phát triển kinh tế,xã hội của tỉnh.", [("Thiếu dấu cách sau", ",", ", ")]),
    ("Hoàn thành trong tháng 4 năm 2024.Các huyện bố trí ngân sách.", [("Thiếu dấu cách sau", ".", ". ")]),
    ("Lưu:VT, KTN.", [("Thiếu dấu cách sau", ":", ": ")]),
    ("Sở Tài chính (chủ trì bố trí kinh phí.", [("mở mà không đóng", "(", None)]),
    ("Sở Tài chính chủ trì) bố trí kinh phí.", [("đóng mà không", ")", None)]),
    ("Phương châm “4 tại chỗ trong phòng cháy.", [("mở mà không đóng", "“", None)]),
    ('Phương châm "4 tại chỗ trong phòng cháy.', [("ngoặc kép", '"', None)]),
])
def test_l704_typography(text, expected):
    got = [(d.message.vi, d.context, d.suggestion) for d in para(text, "L704")]
    assert len(got) == len(expected)
    for (msg, ctx, sug), (want_msg, want_ctx, want_sug) in zip(got, expected):
        assert want_msg in msg and ctx == want_ctx and sug == want_sug


@pytest.mark.parametrize("text", [
    "Bố trí 1,5 tỷ đồng; 1.000 ha rừng; họp lúc 8:30 tại TP.HCM, Q.Cường, V/v, thuvienphapluat.vn.",
    "Gồm: a) diện tích rừng; b) lực lượng; 1) phương án; (i) kinh phí.",
    "Phương châm “4 tại chỗ” và (Chi cục Kiểm lâm) chủ trì, ...",
    "Ủy ban KH,CN&MT của Quốc hội; tài liệu tham khảo DOANH NGHIỆP1).",
])
def test_l704_silent_on_correct_text(text):
    assert para(text, "L704") == []


def test_l704_doubled_spaces_are_read_from_the_original_text():
    text = HEAD + "1. Sở Tài chính bố trí  kinh phí, hoàn thành trong   tháng 4 năm 2024.\n"
    diags = run_text(text, select=["L704"])
    assert [d.message.vi for d in diags] == ["2 dấu cách liền nhau.", "3 dấu cách liền nhau."]
    fixed = apply_edits(text, [e for d in diags for e in d.fix.edits])
    assert "bố trí kinh phí, hoàn thành trong tháng 4" in fixed
    # a hard-wrapped line (a line break joined into a space) is not a doubled space
    wrapped = HEAD + "1. Sở Tài chính bố trí kinh phí,\nhoàn thành trong tháng 4 năm 2024 .\n"
    assert [d.message.vi for d in run_text(wrapped, select=["L704"])] == ["Thừa dấu cách trước dấu \".\"."]


def test_l704_bracket_cut_by_a_hard_wrap_is_not_unbalanced():
    text = HEAD + "1. Sở Tài chính (theo Quyết định số 12/QĐ-UBND\n\nngày 05/3/2024) bố trí kinh phí.\n"
    assert run_text(text, select=["L704"]) == []
