"""Readers: a file's bytes → (Source, paragraphs). Only readers touch input files."""
from __future__ import annotations

import os
from pathlib import Path

from ..diagnostics import Msg
from ..errors import InputError
from ..model import Paragraph
from ..source import Source

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = TEXT_SUFFIXES | DOCX_SUFFIXES

# Hard limits on input (configurable through [tool.rasoat] limits: max-file-bytes, max-line-chars).
# A notice is 5–100 KB; the limits only stop what would make a check hang or eat the memory.
MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_LINE_CHARS = 200_000
MAX_DOCX_FILE_BYTES = 64 * 1024 * 1024
# lines of a text draft (as max-paragraphs for a .docx): a notice has a few hundred; 30,000 keeps
# any accepted .docx under 300 MiB and 30 s (49,000 Word paragraphs took 352 MiB: bench/hostile.py)
MAX_LINES = 30_000


def read_bytes(path: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("E903", Msg(f"'{path}' là một thư mục.", f"'{path}' is a folder."))
        size = p.stat().st_size
        if size > limit:
            raise InputError(
                "E903",
                Msg(f"Tệp quá lớn ({size} byte, giới hạn {limit}; đổi bằng [tool.rasoat] limits).",
                    f"File too large ({size} bytes, limit {limit}; see [tool.rasoat] limits)."),
            )
        with open(p, "rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("E903", Msg(f"Không tìm thấy tệp '{path}'.", f"No such file: '{path}'.")) from None
    except PermissionError:
        raise InputError("E903", Msg(f"Không có quyền đọc tệp '{path}'.", f"Permission denied: '{path}'.")) from None
    except IsADirectoryError:
        raise InputError("E903", Msg(f"'{path}' là một thư mục.", f"'{path}' is a folder.")) from None
    except OSError as exc:
        raise InputError("E903", Msg(f"Không đọc được tệp '{path}': {exc.strerror}.", f"Cannot read '{path}': {exc.strerror}.")) from None


def read(path: str, data: bytes | None = None, limits: dict | None = None) -> tuple[Source, list[Paragraph]]:
    """Read a draft; `limits` is the [tool.rasoat] limits table (None: the readers' defaults)."""
    suffix = os.path.splitext(path)[1].lower()
    limits = limits or {}
    if suffix in DOCX_SUFFIXES:
        max_bytes = int(limits.get("max-docx-bytes", MAX_DOCX_FILE_BYTES))
    else:
        max_bytes = int(limits.get("max-file-bytes", MAX_TEXT_BYTES))
    if data is not None and len(data) > max_bytes:
        raise InputError("E903", Msg(f"Dữ liệu quá lớn ({len(data)} byte, giới hạn {max_bytes}).",
                                     f"Input too large ({len(data)} bytes, limit {max_bytes})."))
    raw = read_bytes(path, max_bytes) if data is None else data
    if suffix in DOCX_SUFFIXES or (data is not None and raw[:2] == b"PK" and suffix not in TEXT_SUFFIXES):
        from .docx import read_docx  # imported lazily: a .txt run never imports python-docx

        return read_docx(path, raw, limits)
    from .text import decode, paragraphs_from_source

    src = decode(raw, path)
    _check_line_lengths(src.text, int(limits.get("max-line-chars", MAX_LINE_CHARS)))
    _check_line_count(src.text, int(limits.get("max-paragraphs", MAX_LINES)))
    return src, paragraphs_from_source(src)


def _check_line_count(text: str, limit: int) -> None:
    """Refuse a text of more lines than `limit` (the .docx max-paragraphs limit; a notice has a few
    hundred): 1,000,000 lines of "- a" once took minutes and gigabytes."""
    n = text.count("\n") + 1
    if n > limit:
        raise InputError("E903", Msg(f"Văn bản có quá nhiều dòng ({n}, giới hạn {limit}): không rà soát. "
                                     "Giới hạn đổi được bằng [tool.rasoat] limits.max-paragraphs.",
                                     f"The text has too many lines ({n}, limit {limit}): not checked. "
                                     "The limit is [tool.rasoat] limits.max-paragraphs."))


def _check_line_lengths(text: str, limit: int) -> None:
    """Refuse a text with a line longer than `limit` characters (a pasted binary, a minified
    dump): no draft has one, and it would only slow every rule down."""
    if len(text) <= limit:
        return
    pos = 0
    line = 1
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos > limit:
            raise InputError("E903", Msg(f"Dòng {line} dài {end - pos} ký tự (giới hạn {limit}): đây không phải một dự thảo văn bản.",
                                         f"Line {line} is {end - pos} characters long (limit {limit}): this is not a draft."),
                             line=line)
        pos = end + 1
        line += 1
