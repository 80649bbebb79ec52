"""Markdown pipe tables in a text draft: a .docx exported by pandoc or markitdown, or a portal page
converted to Markdown, keeps the notice's tables as rows of cells between bars:

    | ỦY BAN NHÂN DÂN<br>TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |
    |---|---|
    | Số: 125/TB-UBND | Lai Châu, ngày 05 tháng 9 năm 2021 |

(the header table; likewise a task table "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn |" and the
table of "Nơi nhận" beside the signature). Such a row is read as the .docx reader reads a Word
table: cell by cell, left to right, each cell's lines (cut at "<br>") in order, and a paragraph
never spans two cells; the delimiter row "|---|:--:|" is not text. This module only finds the
rows and the spans of their cells; checker.readers.text makes the lines.

A row starts with a bar (at most three spaces before it) and has a second, unescaped bar: a body
line with a bar inside it ("Chương trình | Kế hoạch") is text, and so is a lone "|" (a cell wall
of a table whose cells were put one per line: see text._BARS_ONLY).

A crawler that flattens a page often writes each cell on one line, its line breaks turned into
spaces: "VĂN PHÒNG CHÍNH PHỦ -------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh
phúc  ---------------", "*Nơi nhận:* - Thủ tướng Chính phủ; - Các Bộ: …; - Lưu: VT, NN.",
"KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM     Nguyễn Sỹ Hiệp". Such a cell is cut back into its
lines where a header or signature cell can only have had a break (_COLLAPSED): at a gap of three
or more spaces, around a rule of dashes, before the motto after the national name, before each
item of the "Nơi nhận" list, and before the deputy's title after "KT. …" (ND30 Điều 13: a deputy
signs "KT." over the head's title, then the deputy's own, which begins with "PHÓ").
"""
from __future__ import annotations

from .. import rx as re

# the delimiter row under a table's first row: cells of dashes, each maybe with a colon at either end
_DELIMITER = re.compile(r"[ \t]{0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?")
# a line break inside a cell, as HTML
_CELL_BREAK = re.compile(r"<br[ \t]*/?>", re.I)
# where a cell flattened to one line had a line break (see the module's doc)
_COLLAPSED = re.compile(
    r"[ \t]{3,}"
    r"|[ \t]+(?=[-–—_=]{3,}[ \t*]*$)|(?<=[-–—_=]{3})[ \t]+(?=[^-–—_=\s])"
    r"|(?<=NAM)[ \t]+(?=[*_]*Độc[ \t]+lập)|(?<=NAM[*_])[ \t]+(?=[*_]*Độc[ \t]+lập)")
_RECIPIENT_ITEM = re.compile(r"(?<=[:;.*_])[ \t]+(?=[-–+][ \t])")
_DEPUTY = re.compile(r"[ \t]+(?=PHÓ[ \t])")
_STARTS_RECIPIENTS = re.compile(r"^[*_ \t]*Nơi[ \t]+nhận[ \t]*[*_]*[ \t]*:")
_STARTS_KT = re.compile(r"^[*_ \t]*(?:KT|K/T)[ \t]*\.?[ \t]")


def is_row(raw: str) -> bool:
    """A line of a pipe table (the delimiter row included)."""
    lead = len(raw) - len(raw.lstrip(" "))
    return lead <= 3 and raw[lead:lead + 1] == "|" and _bars(raw, lead + 1) != []


def row_cells(raw: str) -> list[list[tuple[int, int]]] | None:
    """cells(raw) when `raw` is a row of a pipe table, none at all for the delimiter row (it is no
    text); None when `raw` is no row. What the readers of a text ask of each of its lines."""
    if raw[:4].lstrip(" ")[:1] != "|" or not is_row(raw):  # (the first test: most lines, at once)
        return None
    return [] if is_delimiter(raw) else cells(raw)


def is_delimiter(raw: str) -> bool:
    """The delimiter row ("|---|---|", "| :-- | --: |")."""
    return _DELIMITER.fullmatch(raw) is not None


def _bars(raw: str, start: int) -> list[int]:
    """The offsets of the unescaped bars of `raw` from `start` on (a bar after a backslash is a
    character of its cell)."""
    out = []
    i = raw.find("|", start)
    while i >= 0:
        k = i
        while k > 0 and raw[k - 1] == "\\":
            k -= 1
        if (i - k) % 2 == 0:  # an even number of backslashes before it: they escape each other
            out.append(i)
        i = raw.find("|", i + 1)
    return out


def cells(raw: str) -> list[list[tuple[int, int]]]:
    """For each cell of the row `raw`, left to right, the [start, end) spans of its lines (the
    text between "<br>"s), white space trimmed, empty lines left out (an empty cell has none).
    The text after the last bar is a last cell when it is not blank (GFM allows a row without
    its closing bar)."""
    first = raw.index("|")
    bars = [first] + _bars(raw, first + 1)
    ends = bars[1:]
    if raw[bars[-1] + 1:].strip():
        ends.append(len(raw))
    out = []
    for a, b in zip(bars, ends):
        spans = []
        pos = a + 1
        for m in _CELL_BREAK.finditer(raw, pos, b):
            spans.extend(_collapsed(raw, *_trimmed(raw, pos, m.start())))
            pos = m.end()
        spans.extend(_collapsed(raw, *_trimmed(raw, pos, b)))
        out.append([s for s in spans if s[0] < s[1]])
    return out


def _collapsed(raw: str, a: int, b: int) -> list[tuple[int, int]]:
    """The line [a, b) of a cell cut where it had line breaks before a crawler flattened it."""
    line = raw[a:b]
    cuts = [m.span() for m in _COLLAPSED.finditer(line)]
    if _STARTS_RECIPIENTS.match(line):
        cuts += [m.span() for m in _RECIPIENT_ITEM.finditer(line)]
    elif _STARTS_KT.match(line):
        m = _DEPUTY.search(line)
        if m:
            cuts.append(m.span())
    if not cuts:
        return [(a, b)]
    out, pos = [], 0
    for x, y in sorted(cuts):
        if x >= pos:
            out.append((a + pos, a + x))
            pos = y
    out.append((a + pos, b))
    return out


def _trimmed(raw: str, a: int, b: int) -> tuple[int, int]:
    while a < b and raw[a].isspace():
        a += 1
    while b > a and raw[b - 1].isspace():
        b -= 1
    return a, b
