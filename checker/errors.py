"""Errors that stop the checking of one input (they become E9xx findings, never tracebacks)."""
from __future__ import annotations

from .diagnostics import Msg


class InputError(Exception):
    """An input that cannot be read: the run goes on with the other files, exit code 2."""

    def __init__(self, code: str, message: Msg, line: int = 1, column: int = 1):
        super().__init__(message.en)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


class ConfigError(Exception):
    """A bad option or configuration value: the whole run stops with exit code 2. The message is
    given in both languages; str() is the run's language (checker.messages)."""

    def __init__(self, vi: str, en: str | None = None):
        super().__init__(vi)
        self.vi, self.en = vi, en

    def __str__(self) -> str:
        from .messages import say

        return say(self.vi, self.en)


class RuleDataError(ConfigError):
    """A file of rules/ (or a local registry) that cannot be used: names the file and the key.
    Found once at start-up (checker.ruledata.validate_all), it stops the run with exit code 2."""
