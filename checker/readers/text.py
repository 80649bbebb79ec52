"""Reader for .txt and .md drafts: decoding, Markdown marks, hard wraps → logical paragraphs.

Text pasted from a portal or a PDF is hard-wrapped: a paragraph is broken over several lines,
a header field over two ("Hà Nội, ngày 15" / "tháng 11 năm 2025"), and a page break can split
a paragraph with a blank line. This module joins such lines back into paragraphs, keeping for
every character its offset in the original file.
"""
from __future__ import annotations

import bisect
import codecs
import unicodedata
from array import array
from itertools import accumulate, chain, islice

from .. import rx as re
from dataclasses import dataclass, field
from typing import Sequence

from ..diagnostics import Msg
from ..encodings import decode_legacy_bytes, detect_legacy, plainly_unicode, to_unicode
from ..errors import InputError
from ..model import Paragraph
from ..source import Source
from ..structure import patterns as P
from . import mdtable
from ..textnorm import first_letter, is_upper_text

_MD_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~\"'")


# control characters (other than the white space \t\n\v\f\r = \x09-\x0d) and U+FFFD: many of
# them mean a binary file
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


# the bytes of the characters _CONTROL finds, in UTF-8: a byte below 0x20 is only ever that
# character (every byte of a multi-byte sequence is 0x80 or above), U+FFFD is EF BF BD
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))
_CONTROL_FREE_MAX = 1 << 18  # bytes: a longer text is only sampled (its first 65,536 characters)


def _control_free(body: bytes) -> bool:
    """True when the UTF-8 text of `body` has none of the characters _CONTROL finds (one pass in
    C over the bytes instead of the pattern over the text); False: not known, count them."""
    return (len(body) <= _CONTROL_FREE_MAX and b"\xef\xbf\xbd" not in body
            and len(body.translate(None, _CONTROL_BYTES)) == len(body))


def decode(raw: bytes, path: str) -> Source:
    """Decode the bytes of a text file; raise InputError (E903/E904) when it is not text."""
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError("E904", Msg("Tệp rỗng: không có nội dung để rà soát.", "Empty file: nothing to check."))
    bom = False
    if raw.startswith(codecs.BOM_UTF8):
        enc, body, bom = "utf-8", raw[3:], True
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body, bom = "utf-16", raw, True
    else:
        enc, body = "utf-8", raw
    legacy = ""
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        converted = decode_legacy_bytes(body) if enc == "utf-8" else None
        if converted is not None:  # TCVN3 / VNI bytes: checked in a Unicode conversion, reported as E901
            (text, legacy), enc = converted, "cp1252"
        else:
            line = body[: exc.start].count(b"\n") + 1
            raise InputError(
                "E903",
                Msg(
                    f"Không đọc được tệp: không phải văn bản UTF-8 hoặc UTF-16 (byte lỗi ở vị trí {exc.start}). "
                    "Hãy lưu lại tệp với bảng mã Unicode (UTF-8).",
                    f"Cannot read the file: it is not UTF-8 or UTF-16 text (bad byte at offset {exc.start}). "
                    "Save it again as Unicode (UTF-8).",
                ),
                line=line,
            ) from None
    if enc == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:65536]
    if enc == "utf-8" and _control_free(body):
        pass  # no control character and no U+FFFD in the text: nothing to count
    elif "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(
            "E903",
            Msg("Tệp nhị phân, không phải văn bản: không rà soát được.", "Binary file, not text: cannot check it."),
        )
    if not text.strip():
        raise InputError("E904", Msg("Tệp rỗng: không có nội dung để rà soát.", "Empty file: nothing to check."))
    if not legacy and not plainly_unicode(text):  # (detect_legacy would say None)
        # UTF-8 text typed in a legacy font and pasted as its Latin-1 look ("Th«ng b¸o")
        legacy = detect_legacy(text, min_words=3) or ""
        if legacy:
            text = to_unicode(text, legacy)
    newline = "\r\n" if "\r\n" in text[:10000] else ("\r" if "\r" in text[:10000] and "\n" not in text[:10000] else "\n")
    return Source(path=path, text=text, encoding=enc, bom=bom, newline=newline, raw=raw, legacy=legacy,
                  kind="markdown" if path.lower().endswith(".md") else "text")


@dataclass
class Line:
    """One line of a text draft, cleaned, with the source offset of each character."""
    no: int
    text: str
    offsets: Sequence[int]  # len(text) + 1; a list, or a range for a line read as it stands (read_lines)
    bold: bool = False
    italic: bool = False
    comment: str = ""  # an HTML comment on the line (rasoat directives)
    container: str = "body"  # "table:R:C": a line of a cell of a Markdown pipe table (see mdtable)

    @property
    def blank(self) -> bool:
        return not self.text


# Markdown marks and odd spaces (see _needs_cleaning).
_MARK_OR_ODD_SPACE = re.compile(r"[*_#\\<\t\u00a0\u2000-\u200a\u2007\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")


def _needs_cleaning(raw: str) -> bool:
    """A line with none of these needs no cleaning: no Markdown mark, no odd space, no double
    space, no white space at either end (str.strip strips what re's \\s matches). Three tests
    instead of one regex alternation, which was tried at every position and cost four times as
    much."""
    return "  " in raw or raw.strip() != raw or _MARK_OR_ODD_SPACE.search(raw) is not None


# Runs of characters that clean_line keeps as they are: no white space other than single spaces
# between other characters (each is kept, being after a character that is not a space), and in
# Markdown none of the characters that can begin a mark (< \ * _).
_PLAIN_RUN = re.compile(r"\S+(?: \S+)*")
_PLAIN_RUN_MD = re.compile(r"[^<\\*_\s]+(?: [^<\\*_\s]+)*")


def clean_line(raw: str, start: int, markdown: bool = True) -> Line:
    """Remove Markdown marks, fold white space, NFC; keep per-character source offsets."""
    if not _needs_cleaning(raw) and unicodedata.is_normalized("NFC", raw):
        return Line(no=0, text=raw, offsets=range(start, start + len(raw) + 1))
    core = raw.strip()
    if core and core is not raw and not _needs_cleaning(core) and unicodedata.is_normalized("NFC", core):
        # only white space at the ends (the commonest cleaning: a trailing space): the rest is
        # kept as it stands, its offsets a range (no list of a million ints for a long line)
        lead = len(raw) - len(raw.lstrip())
        return Line(no=0, text=core, offsets=range(start + lead, start + lead + len(core) + 1))
    chars: list[str] = []
    offs: list[int] = []
    flags: list[tuple[bool, bool]] = []
    comment = []
    i, n = 0, len(raw)
    bold = italic = False
    plain_run = (_PLAIN_RUN_MD if markdown else _PLAIN_RUN).match
    if markdown:
        j = 0
        while j < n and raw[j] == "#":
            j += 1
        if 0 < j <= 6 and (j == n or raw[j] == " "):
            i = j
    while i < n:
        m = plain_run(raw, i)
        if m:  # copied at once, as the steps below would copy it character by character
            j = m.end()
            chars += raw[i:j]; offs += range(start + i, start + j); flags += [(bold, italic)] * (j - i)
            i = j
            continue
        c = raw[i]
        if markdown and c == "<" and raw.startswith("<!--", i):
            k = raw.find("-->", i + 4)
            k = n if k < 0 else k + 3
            comment.append(raw[i:k])
            i = k
            continue
        if markdown and c == "\\" and i + 1 < n and raw[i + 1] in _MD_ESCAPABLE:
            chars.append(raw[i + 1]); offs.append(start + i + 1); flags.append((bold, italic))
            i += 2
            continue
        if markdown and c in "*_" and raw.startswith(c * 2, i):
            bold = not bold
            i += 2
            continue
        if markdown and c == "*" and not (i + 1 < n and raw[i + 1] == " " and not "".join(chars).strip()):
            italic = not italic
            i += 1
            continue
        if c in "\t\u00a0\u2007\u202f\u3000" or (c.isspace() and c not in "\n\r"):
            c = " "
        if c == " " and (not chars or chars[-1] == " "):
            i += 1
            continue
        chars.append(c); offs.append(start + i); flags.append((bold, italic))
        i += 1
    while chars and chars[-1] == " ":
        chars.pop(); offs.pop(); flags.pop()
    text = "".join(chars)
    end = offs[-1] + 1 if offs else start
    if not unicodedata.is_normalized("NFC", text):
        text, offs = _nfc_with_offsets(chars, offs)
        flags = flags[: len(text)] + [flags[-1]] * max(0, len(text) - len(flags)) if flags else []
    letters = [f for ch, f in zip(text, flags) if ch.isalpha()]
    offsets = array("q", offs)
    offsets.append(end)
    return Line(
        no=0,
        text=text,
        offsets=offsets,
        bold=bool(letters) and all(b for b, _ in letters),
        italic=bool(letters) and all(it for _, it in letters),
        comment=" ".join(comment),
    )


def _nfc_with_offsets(chars: list[str], offs: list[int]) -> tuple[str, list[int]]:
    out_chars: list[str] = []
    out_offs: list[int] = []
    k = 0
    n = len(chars)
    while k < n:
        j = k + 1
        while j < n and unicodedata.combining(chars[j]):
            j += 1
        composed = unicodedata.normalize("NFC", "".join(chars[k:j]))
        out_chars.append(composed)
        out_offs.extend([offs[k]] * len(composed))
        k = j
    return "".join(out_chars), out_offs


# ---------------------------------------------------------------- joining lines into paragraphs

def _hard_start(t: str) -> bool:
    """A line that always begins a new paragraph."""
    return P.SHAPE_START.match(t) is not None and _shaped_hard_start(t)


def _shaped_hard_start(t: str) -> bool:
    """_hard_start of a line that SHAPE_START matches (one that it does not match is none of the
    shapes below)."""
    if P.marker_of(t) or P.FOOTNOTE_START.match(t) or P.RULE_LINE.match(t):
        return True
    if P.SO_KY_HIEU.match(t) and len(t) < 60 and "/" in t:
        return True
    if P.NOI_NHAN.match(t) or P.TIEU_NGU.match(t) or P.QUOC_HIEU.match(t) or P.AUTHORITY.match(t):
        return True
    if P.DOC_TITLE.match(t) or P.APPENDIX.match(t) or P.CAN_CU.match(t):
        return True
    if P.LUU.match(t) and len(t) < 80:
        return True
    return False


def _marker_tail(pt: str, t: str) -> bool:
    """"… Quốc hội khóa" / "XV.": a line that is a list marker and nothing else, under a line that
    stops mid-sentence, is the sentence's last word wrapped (a heading's marker has its heading)."""
    m = P.marker_of(t)
    return (m is not None and m[0] in ("roman", "arabic", "dotted") and not t[m[2]:].strip()
            and pt[-1:].isalpha() and not P.marker_of(pt))


def _standalone(t: str, shaped: bool | None = None) -> bool:
    """A line after which a new paragraph always begins; `shaped`: whether SHAPE_START matches
    it, when the caller knows."""
    # The cheap tests go first: SHAPE_START is needed by the five anchored shapes, CLOSING_END
    # needs the literal "./.", PLACE_DATE a literal ",".
    n = len(t)
    if shaped is None:
        shaped = P.SHAPE_START.match(t) is not None
    return bool(
        (shaped and (
            P.RULE_LINE.match(t) or P.TIEU_NGU.match(t) or P.DOC_TITLE.match(t) or P.NOI_NHAN.match(t)
            or (P.SO_KY_HIEU.match(t) and "/" in t and n < 60)
        ))
        or (n < 60 and P.QUOC_HIEU.search(t))
        or ("./." in t and P.CLOSING_END.search(t))
        or (n < 70 and "," in t and P.PLACE_DATE.match(t))
    )


def _header_like(t: str) -> bool:
    return bool(
        is_upper_text(t) or P.RULE_LINE.match(t) or P.TIEU_NGU.match(t) or P.SO_KY_HIEU.match(t)
        or P.QUOC_HIEU.search(t) or (len(t) <= 45 and ("ngày" in t or "tháng" in t or "năm" in t))
    )


def _wrapped_dash(prev: str, t: str) -> bool:
    """'giai đoạn 2021' / '- 2025 sang …': a range broken at its dash, not a bullet."""
    return t[:1] in "-–" and t[1:2] == " " and t[2:3].isdigit() and not P.is_terminal(prev) and bool(prev[-1:].isdigit())


def _wrapped_bullet(prev: str, t: str) -> bool:
    """'- Viễn thông Quân đội …' right
    under an unfinished line that is not a list item itself is a hard wrap at a hyphen
    ("… Công nghiệp" / "- Viễn thông …"), not a new bullet."""
    return t[:2] in ("- ", "– ") and not P.is_terminal(prev) and not P.marker_of(prev) \
        and not prev.endswith(("-", "–")) and len(prev) > 40


def _caps_heading(t: str) -> bool:
    """An upper-case heading line (not a symbol like "07/2025/NĐ-CP;" that happens to have
    only capital letters)."""
    return is_upper_text(t) and any(len(w) >= 2 and w.isalpha() for w in t.replace("-", " ").split())


def _starts_lower(t: str) -> bool:
    c = first_letter(t)
    return bool(c) and c.islower()


def group_lines(lines: list[Line]) -> list[tuple[list[Line], str]]:
    """Group cleaned lines into paragraphs; returns (lines, zone) per paragraph.

    zone is one of header, body, recipients, signature, footnote, appendix.
    """
    blanks = sum(1 for ln in lines if not ln.text)
    blank_mode = blanks >= 0.2 * max(1, len(lines) - blanks)
    groups: list[tuple[list[Line], str]] = []
    cur: list[Line] = []
    cur_zone = "header"
    zone = "header"
    prev: Line | None = None
    # facts about prev worked out when it was the current line: whether SHAPE_START matches it,
    # and its _caps_heading (None: not worked out)
    prev_shaped = False
    prev_caps: bool | None = None

    def flush():
        nonlocal cur
        if cur:
            groups.append((cur, cur_zone))
        cur = []

    for ln in lines:
        if not ln.text:  # ln.blank
            if blank_mode or zone in ("signature",):
                flush()
            prev = None if blank_mode else prev
            continue
        t = ln.text
        shaped = P.SHAPE_START.match(t) is not None  # False: FOOTNOTE_START, APPENDIX, NOI_NHAN, AUTHORITY fail
        caps = None
        # zone transitions decided by this line
        new_zone = zone
        if shaped and P.FOOTNOTE_START.match(t):
            new_zone = "footnote"
        elif zone == "header" and not _header_like(t):
            new_zone = "body"
        elif shaped and zone in ("signature", "appendix", "footnote") and P.APPENDIX.match(t):
            new_zone = "appendix"
        elif shaped and P.NOI_NHAN.match(t):
            new_zone = "recipients"
        elif zone == "recipients" and prev is not None and P.LUU.match(prev.text):
            new_zone = "signature"
        elif zone == "recipients" and (P.AUTHORITY.match(t) or (
            is_upper_text(t) and not t.startswith(("-", "+")) and not t.endswith((";", ","))
            and prev is not None and prev.text.endswith((".", ";"))
        )):
            new_zone = "signature"
        elif shaped and zone in ("body", "header") and P.AUTHORITY.match(t) and is_upper_text(t):
            new_zone = "signature"
        elif zone == "footnote" and prev is None and not P.FOOTNOTE_START.match(t):
            new_zone = "body" if blank_mode else "footnote"
        if zone == "header" and P.DOC_TITLE.match(t):
            new_zone = "body"
        join = False
        # (a paragraph never spans two cells of a table, nor a cell and the text around the table)
        if prev is not None and cur and new_zone == zone and ln.container == prev.container:
            pt = prev.text
            # (both _wrapped tests need a line that begins with "-" or "–")
            if zone in ("body", "appendix") and t[0] in "-–" and (_wrapped_dash(pt, t) or _wrapped_bullet(pt, t)):
                join = True
            elif zone in ("body", "appendix") and shaped and _marker_tail(pt, t):
                join = True
            elif (shaped and _shaped_hard_start(t)) or _standalone(pt, prev_shaped):
                join = False
            elif zone == "header":
                join = _starts_lower(t) or (
                    is_upper_text(pt) and is_upper_text(t)
                    and not (P.ISSUER_START.match(t) and len(pt.split()) >= 2)
                    and not P.QUOC_HIEU.search(t)
                )
            elif zone == "signature":
                join = False
            elif zone == "recipients":
                join = not t.startswith(("-", "+", "–"))
            elif zone == "footnote":
                join = True
            else:  # body, appendix
                if prev_caps is None:
                    prev_caps = _caps_heading(pt)
                caps = _caps_heading(t)
                if prev_caps != caps and not _starts_lower(t):
                    join = False
                elif blank_mode:
                    join = True
                else:
                    join = not (P.is_terminal(pt) and not _starts_lower(t))
        if not join:
            flush()
            cur_zone = new_zone
        zone = new_zone
        cur.append(ln)
        prev, prev_shaped, prev_caps = ln, shaped, caps
    flush()
    if blank_mode:
        groups = _merge_page_breaks(groups)
    return groups


def _open_end(text: str) -> bool:
    return bool(text) and not P.is_terminal(text)


def _merge_page_breaks(groups):
    """Join a paragraph split by a page break (blank lines, maybe footnotes in between)."""
    out: list[tuple[list[Line], str]] = []
    pending_idx = None  # index in out of an open body paragraph
    for lines, zone in groups:
        text = lines[0].text
        if zone == "footnote":
            out.append((lines, zone))
            continue
        if pending_idx is not None and zone == "body" and out[pending_idx][0][-1].container == lines[0].container:
            prev_lines, _ = out[pending_idx]
            prev_text = " ".join(ln.text for ln in prev_lines)
            last_word = prev_text.rstrip(" *").split(" ")[-1].lower()
            cont = (_starts_lower(text) and not P.marker_of(text)) or (
                last_word in P.DANGLING and not _hard_start(text) and not is_upper_text(text)
            )
            if cont and not is_upper_text(prev_text):
                out[pending_idx] = (prev_lines + lines, "body")
                merged_text = prev_text + " " + " ".join(ln.text for ln in lines)
                pending_idx = pending_idx if _open_end(merged_text) else None
                continue
        out.append((lines, zone))
        full = " ".join(ln.text for ln in lines)
        pending_idx = len(out) - 1 if zone == "body" and _open_end(full) else None
    return out


JOINED_FROM = 20_000  # characters: a real paragraph has a few thousand at most


class JoinedOffsets(Sequence):
    """The offsets of a paragraph joined from lines read as they stand: the lines' ranges one
    after another (each range ends with the offset of its line break, the joining space's), read
    as one sequence. Memory per line instead of 8 bytes per character; an index is found by
    bisection over the line starts. Slices are arrays."""

    __slots__ = ("_ranges", "_starts", "_n")

    def __init__(self, ranges: list[range]):
        self._ranges = ranges
        self._starts = list(accumulate((len(r) for r in ranges[:-1]), initial=0))
        self._n = self._starts[-1] + len(ranges[-1])

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._n)
            if step == 1:
                return array("q", islice(iter(self), start, max(start, stop)))
            return array("q", [self[k] for k in range(start, stop, step)])
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("offset index out of range")
        k = bisect.bisect_right(self._starts, i) - 1
        return self._ranges[k][i - self._starts[k]]

    def __iter__(self):
        return chain.from_iterable(self._ranges)


_IDENTITY = array("q")  # 0, 1, 2, …: the offsets of a clean line are a slice of it (copied in C)
_IDENTITY_MAX = 1 << 20  # at most 8 MiB kept; a longer text's lines are made from their ranges


def _offsets(r) -> array:
    """array("q", r), for a line's offsets (a range when the line needed no cleaning)."""
    if type(r) is range and r.step == 1 and 0 <= r.start and r.stop <= _IDENTITY_MAX:
        have = len(_IDENTITY)
        if have < r.stop:
            _IDENTITY.extend(range(have, min(_IDENTITY_MAX, max(r.stop, 2 * have))))
        return _IDENTITY[r.start:r.stop]
    return array("q", r)


def _contiguous(lines: list[Line]) -> bool:
    """Every line's offsets a range of step 1 that ends where the next line's begins."""
    stop = None
    for ln in lines:
        r = ln.offsets
        if type(r) is not range or r.step != 1 or (stop is not None and r.start != stop):
            return False
        stop = r.stop
    return True


def build_paragraph(lines: list[Line], zone: str) -> Paragraph:
    # Lines are joined by one space whose offset is the end offset of the line before it (the last
    # entry of that line's offsets), and the paragraph ends where its last line ends: so the
    # paragraph's offsets are simply every line's offsets, one after another.
    # (an array of machine integers: 8 bytes a character instead of ~36 for a list of ints; a
    # 10 MB text once took 400 MiB in offsets alone)
    # A line read as it stands keeps its offsets as a range (no memory per character); a long
    # paragraph joined from such lines gets JoinedOffsets (memory per line, not per character:
    # 9.9 MB of 150k-character lines once took 61 MiB of offsets and 120 MiB while they grew).
    if len(lines) == 1:
        ln = lines[0]
        offsets = ln.offsets if isinstance(ln.offsets, range) else array("q", ln.offsets)
        text, bold, italic = ln.text, bool(ln.bold), bool(ln.italic)
    else:
        text = " ".join([ln.text for ln in lines])
        if len(text) > JOINED_FROM and all(isinstance(ln.offsets, range) for ln in lines):
            offsets = JoinedOffsets([ln.offsets for ln in lines])
        elif _contiguous(lines):
            # lines read as they stand, one right after another (each range ends where the next
            # line starts): their offsets one after another are the one range, one slice in C
            offsets = _offsets(range(lines[0].offsets.start, lines[-1].offsets.stop))
        else:
            offsets = _offsets(lines[0].offsets)
            for ln in lines[1:]:
                offsets += _offsets(ln.offsets)
        bold = all([ln.bold for ln in lines])
        italic = all([ln.italic for ln in lines])
    return Paragraph(
        text=text,
        offsets=offsets,
        bold=bold,
        italic=italic,
        upper=is_upper_text(text),
        footnote=zone == "footnote",
        container=lines[0].container,
        meta={"zone": zone, "lines": [ln.no for ln in lines], "comments": [ln.comment for ln in lines if ln.comment]},
    )


_COLUMN_GAP = re.compile(r"\t+\s*|\s{3,}")


def column_segments(raw: str) -> list[tuple[int, int]]:
    """A header typed as two columns on one line ("UBND TỈNH X<tab>CỘNG HÒA XÃ HỘI …",
    "Số: 12/TB-UBND      Lai Châu, ngày …"): the [start, end) of each column when at least one
    of them is a header component; otherwise the whole line."""
    whole = [(0, len(raw))]
    if "\t" not in raw and "   " not in raw:
        return whole
    cuts = [(m.start(), m.end()) for m in _COLUMN_GAP.finditer(raw.strip()) ]
    if not cuts:
        return whole
    lead = len(raw) - len(raw.lstrip())
    segs = []
    pos = lead
    for a, b in cuts:
        segs.append((pos, lead + a))
        pos = lead + b
    segs.append((pos, len(raw.rstrip())))
    segs = [(a, b) for a, b in segs if raw[a:b].strip()]
    texts = [" ".join(raw[a:b].split()) for a, b in segs]
    if len(segs) < 2 or not any(
        P.QUOC_HIEU.search(t) or P.TIEU_NGU.match(t) or (P.SO_KY_HIEU.match(t) and "/" in t) or P.PLACE_DATE.match(t)
        for t in texts
    ):
        return whole
    return segs


_BARS_ONLY = re.compile(r"^[ \t]*\|(?:[ \t]*\|)*[ \t]*$")


def read_lines(source: Source) -> list[Line]:
    markdown = True  # .txt drafts are often Markdown conversions too; escaped marks are kept
    out = []
    text = source.text
    # Most lines need no cleaning: such a line is made here as clean_line would make it, with less
    # work per line: NFC is tested once for the whole text (a line break never composes with its
    # neighbours, so the text is NFC exactly when every line is), and the offsets stay a range
    # (build_paragraph makes the one list of ints, the paragraph's).
    all_nfc = unicodedata.is_normalized("NFC", text)
    # the per-line tests that a whole-text search answers at once: a table wall needs a "|"; of
    # _needs_cleaning's three tests, the pattern's is made for the whole text, and only the lines
    # holding one of its matches (known by their line start) run it
    bars = "|" in text
    marked = None
    if "\r" not in text:  # (line starts found with rfind: "\n" is the only line break)
        marked = {text.rfind("\n", 0, m.start()) + 1 for m in _MARK_OR_ODD_SPACE.finditer(text)}
    row = -1  # the row of the pipe table being read (-1: not in one)
    for no, (start, raw) in enumerate(source.iter_lines(), start=1):
        if bars and _BARS_ONLY.match(raw):
            # "|", "| |": the cell walls of a Markdown table whose cells were put one per line (a
            # header table exported to Markdown); a cell boundary, never text of the cells
            out.append(Line(no=no, text="", offsets=range(start, start + 1)))
            row = -1
            continue
        cells = mdtable.row_cells(raw) if bars else None
        if cells is not None:
            if cells:  # (the delimiter row, the dashes under the first, has none: it is no text)
                row += 1
                out.extend(_row_lines(raw, cells, start, no, row, markdown))
            continue
        row = -1
        # only a header line may be split into columns (column_segments gives one segment, the
        # whole line, or at least two)
        segs = column_segments(raw) if no <= 40 else None
        if segs is None or len(segs) == 1:
            if marked is None:
                clean = not _needs_cleaning(raw)
            else:  # _needs_cleaning(raw), its pattern's answer taken from the whole-text search
                clean = not ("  " in raw or raw.strip() != raw or start in marked)
            if clean and (all_nfc or unicodedata.is_normalized("NFC", raw)):
                out.append(Line(no, raw, range(start, start + len(raw) + 1)))  # (positional: faster)
            else:
                ln = clean_line(raw, start, markdown=markdown)
                ln.no = no
                out.append(ln)
            continue
        for a, b in segs:
            ln = clean_line(raw[a:b], start + a, markdown=markdown)
            ln.no = no
            out.append(ln)
    return out


def _row_lines(raw: str, cells: list[list[tuple[int, int]]], start: int, no: int, row: int,
               markdown: bool) -> list[Line]:
    """The lines of a pipe table's row (`cells`: mdtable.row_cells(raw)): each cell's, cell by
    cell, in the cell's container."""
    out = []
    for c, spans in enumerate(cells):
        for a, b in spans:
            ln = clean_line(raw[a:b], start + a, markdown=markdown)
            if ln.text:
                ln.no, ln.container = no, f"table:{row}:{c}"
                out.append(ln)
    return out


def paragraphs_from_source(source: Source) -> list[Paragraph]:
    lines = read_lines(source)
    paras = [build_paragraph(ls, zone) for ls, zone in group_lines(lines)]
    for i, p in enumerate(paras):
        p.index = i
    return paras


def directives(source: Source) -> list[tuple[int, str]]:
    """(line, comment) for every HTML comment in a text draft (used for suppressions)."""
    out = []
    for ln in read_lines(source):
        if ln.comment:
            out.append((ln.no, ln.comment))
    return out
