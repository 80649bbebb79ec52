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

# Hard limits on input (configurable through [tool.rasoat] limits; see config.py)
MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_bytes(path: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("E903", Msg(f"'{path}' là một thư mục.", f"'{path}' is a folder."))
        size = p.stat().st_size
        if size > limit:
            raise InputError(
                "E903",
                Msg(f"Tệp quá lớn ({size} byte, giới hạn {limit}).", f"File too large ({size} bytes, limit {limit})."),
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
    raw = read_bytes(path) if data is None else data
    if suffix in DOCX_SUFFIXES or (data is not None and raw[:2] == b"PK" and suffix not in TEXT_SUFFIXES):
        from .docx import read_docx  # imported lazily: a .txt run never imports python-docx

        return read_docx(path, raw, limits)
    from .text import decode, paragraphs_from_source

    src = decode(raw, path)
    return src, paragraphs_from_source(src)
