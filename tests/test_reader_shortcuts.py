"""The reader's shortcuts stay exact: SHAPE_START matches every line that one of the line shapes
it stands in front of matches, and is_terminal() says what TERMINAL.search() says. Checked on
every line of the real documents and on random lines, so that editing one of the shapes without
SHAPE_START is caught here rather than as a paragraph silently joined to the one before."""
from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.structure import patterns as P

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
SHAPES = ["FOOTNOTE_START", "RULE_LINE", "SO_KY_HIEU", "NOI_NHAN", "TIEU_NGU", "AUTHORITY", "DOC_TITLE",
          "APPENDIX", "CAN_CU", "LUU"]


def _real_lines():
    files = sorted(SHARED.glob("**/*.txt")) + sorted((ROOT / "fixtures").glob("**/*.txt"))
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            line = " ".join(line.split())
            if line:
                yield line


def _shaped(t: str) -> bool:
    return (bool(P.marker_of(t)) or any(getattr(P, name).match(t) for name in SHAPES)
            or bool(P.QUOC_HIEU.match(t)))


def test_shape_start_is_a_superset_on_real_lines():
    n = 0
    for t in _real_lines():
        if _shaped(t):
            assert P.SHAPE_START.match(t), t
        assert P.is_terminal(t) == bool(P.TERMINAL.search(t)), t
        n += 1
    assert n > 5000


LINE = st.lists(st.sampled_from(list("IVX1234567890.)(-–—•+*[]¹²³abcdđ SốCăn nhậnNơi:;!?…\"”’)TMKTLlưuĐộcCỘNG") +
                               ["Số", "Căn cứ", "PHỤ LỤC", "TM.", "KT.", "Nơi nhận", "Lưu:", "Độc lập",
                                "CỘNG HÒA", "THÔNG BÁO", "QUYẾT ĐỊNH", "./."]), max_size=12).map("".join)


@settings(max_examples=2000, deadline=None)
@given(LINE)
def test_shape_start_is_a_superset_on_random_lines(t):
    if _shaped(t):
        assert P.SHAPE_START.match(t)
    assert P.is_terminal(t) == bool(P.TERMINAL.search(t))


def _lines_as_cleaned(text: str):
    """What read_lines gives for each line, and what clean_line gives for it on its own."""
    from checker.readers.text import clean_line, column_segments, read_lines
    from checker.source import Source

    src = Source(path="x.txt", text=text, kind="text")
    got = [ln for ln in read_lines(src)]
    k = 0
    for no, (start, raw) in enumerate(src.iter_lines(), start=1):
        segs = column_segments(raw) if no <= 40 else None
        if raw.strip() in ("|", "| |") or (segs is not None and len(segs) > 1):
            k += 1 if raw.strip().startswith("|") else len(segs)
            continue
        ln = got[k]
        want = clean_line(raw, start)
        assert (ln.text, list(ln.offsets), ln.bold, ln.italic, ln.comment) == \
            (want.text, list(want.offsets), want.bold, want.italic, want.comment), raw
        k += 1


def test_a_line_read_as_it_stands_is_the_line_cleaned():
    # the whole-text search for Markdown marks and odd spaces stands in for the per-line test:
    # lines with and without them, side by side, in texts with "\n" and with "\r\n"
    text = ("Nội dung thường\n**THÔNG BÁO**\n# Tiêu đề\nhai  dấu cách\ncuối có dấu cách \n\u00a0nbsp\n"
            "một\u2028hai\n- a *nghiêng* _x_ \\* y\n<!-- rasoat: ignore L704 -->chữ\nho\u0300a\nkết thúc.\n")
    _lines_as_cleaned(text)
    _lines_as_cleaned(text.replace("\n", "\r\n"))
    for f in sorted(SHARED.glob("corpus/notices/*.txt"))[:5] + sorted(SHARED.glob("seeds/*.txt"))[:5]:
        _lines_as_cleaned(f.read_text(encoding="utf-8"))


def _paragraph_offsets_as_concatenated(text: str) -> tuple[int, int]:
    """Each paragraph's offsets are its lines' offsets one after another (the general way), also
    when build_paragraph takes them as one slice of lines that follow each other; returns how many
    paragraphs of several lines took each way."""
    from array import array

    from checker.readers.text import JoinedOffsets, _contiguous, build_paragraph, group_lines, read_lines
    from checker.source import Source

    src = Source(path="x.txt", text=text, kind="text")
    ways = [0, 0]
    for lines, zone in group_lines(read_lines(src)):
        p = build_paragraph(lines, zone)
        want = [o for ln in lines for o in ln.offsets]
        assert list(p.offsets) == want, p.text
        assert len(p.offsets) == len(p.text) + 1
        if len(lines) > 1 and not isinstance(p.offsets, JoinedOffsets):
            assert isinstance(p.offsets, array)
            ways[_contiguous(lines)] += 1
    return ways[1], ways[0]


def test_paragraph_offsets_of_lines_that_follow_each_other():
    # lines read as they stand, lines cleaned (double space, Markdown), a paragraph joined across
    # a page break (blank lines between its lines) and "\r\n" texts (lines cleaned the long way)
    text = ("Nội dung thường tiếp tục\nở dòng sau và\nkết thúc.\n\nhai  dấu cách ở đây\nvà tiếp\n\n"
            "Đoạn bị ngắt trang ở giữa\n\n\n\nvà tiếp tục sau trang.\n\n*nghiêng* ở đầu\nvà tiếp.\n")
    one, other = _paragraph_offsets_as_concatenated(text)
    assert one and other
    _paragraph_offsets_as_concatenated(text.replace("\n", "\r\n"))
    totals = [0, 0]
    files = sorted(SHARED.glob("corpus/notices/*.txt")) + sorted(SHARED.glob("seeds/*.txt")) \
        + sorted((ROOT / "fixtures").glob("**/*.txt"))
    for f in files:
        for i, n in enumerate(_paragraph_offsets_as_concatenated(f.read_text(encoding="utf-8", errors="replace"))):
            totals[i] += n
    assert totals[0] > 100 and totals[1] > 10, totals


def _decoded(raw: bytes):
    from checker.errors import InputError
    from checker.readers.text import decode

    try:
        s = decode(raw, "x.txt")
    except InputError as e:
        return ("error", e.code, str(e))
    return (s.text, s.encoding, s.bom, s.newline, s.legacy)


def test_decode_skips_the_control_count_only_when_there_is_nothing_to_count(monkeypatch):
    # decode() as it reads with the byte test, and with every text's control characters counted
    base = "Thông báo về việc tổ chức họp.\n".encode()
    raws = [base, base * 50, codecs.BOM_UTF8 + base, "Th«ng b¸o vÒ viÖc\n".encode("cp1252"),
            base.decode().encode("utf-16")]
    for ch in ["\x00", "\x01", "\x08", "\x0b", "\x0e", "\x1f", "\ufffd", "\t", "\x7f", "\x85"]:
        for k in (1, 8, 9, 40):
            raws.append(base * 10 + (ch * k).encode() + base)
            raws.append((ch * k).encode() + base * 3)
    raws += [f.read_bytes() for f in sorted(SHARED.glob("corpus/notices/*.txt"))[:40]]
    raws.append(base * 9000 + b"\x01" * 9)  # longer than the byte test reads: sampled as before
    import checker.readers.text as T

    fast = [_decoded(r) for r in raws]
    taken = sum(T._control_free(r.removeprefix(codecs.BOM_UTF8)) for r in raws)
    monkeypatch.setattr(T, "_control_free", lambda body: False)
    assert fast == [_decoded(r) for r in raws]
    assert taken > 40 and sum(1 for f in fast if f[0] == "error") > 10
