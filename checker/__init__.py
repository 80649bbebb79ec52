"""rasoat: a compliance and quality checker for Vietnamese administrative notices (THÔNG BÁO).

Public API: check_text, check_file, FileResult, Diagnostic, Document, Options.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import FileResult, check_file, check_text  # noqa: E402
from .diagnostics import Diagnostic, Msg  # noqa: E402
from .document import Document, Options  # noqa: E402

__all__ = ["check_text", "check_file", "FileResult", "Diagnostic", "Msg", "Document", "Options", "__version__"]
