"""The language of what rasoat says outside its findings (errors, help, summaries), and the
Vietnamese of the command-line framework's own texts.

Findings carry both languages (diagnostics.Msg). Everything else a command prints goes through
`say(vi, en)`, which picks the run's language: `--lang en` on the command line, else
`RASOAT_LANG=en`, else Vietnamese. The help screens and usage errors that typer writes in English
("Usage:", "Show this message and exit.", "No such option") are given in Vietnamese by default
(`localize_help`, `usage_error`).
"""
from __future__ import annotations

import os
import sys

from . import rx as re  # (patterns for typer's screens: made only when one is shown)

LANG = "vi"


def set_lang(argv: list[str]) -> str:
    """The language of this run, from argv (--lang en / --lang=en) or RASOAT_LANG."""
    global LANG
    lang = os.environ.get("RASOAT_LANG", "vi")
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    LANG = "en" if lang == "en" else "vi"
    return LANG


def say(vi: str, en: str | None = None) -> str:
    return en if LANG == "en" and en is not None else vi


_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo_err(text: str) -> None:
    """A line on stderr, written as typer.echo(text, err=True) writes it (escape sequences taken
    out when stderr is not a terminal), without importing typer (the fast path of `check`)."""
    if "typer" in sys.modules:
        import typer

        typer.echo(text, err=True)
        return
    stream = sys.stderr
    if stream is None:
        return
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError, OSError):
        tty = False
    stream.write(text + "\n" if tty else _ANSI.sub("", text + "\n"))
    stream.flush()


def die(vi: str, en: str | None = None) -> None:
    """Stop a command: the message (in the run's language) on stderr, exit code 2 (SystemExit: the
    same inside the typer application and on the fast path of `check`)."""
    echo_err(f"rasoat: {say(vi, en)}")
    raise SystemExit(2)


# ------------------------------------------------------------------ help screens

_HELP_VI = [
    (re.compile(r"^Usage: ", re.M), "Cách dùng: "),
    (re.compile(r"\[OPTIONS\]"), "[TÙY_CHỌN]"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "LỆNH [ĐỐI_SỐ]..."),
    (re.compile(r"^Options:$", re.M), "Tùy chọn:"),
    (re.compile(r"^Arguments:$", re.M), "Đối số:"),
    (re.compile(r"^Commands:$", re.M), "Lệnh:"),
    (re.compile(r"Show this message and\s+exit\."), "In hướng dẫn này rồi thoát."),
    (re.compile(r"\[default:"), "[mặc định:"),
    (re.compile(r"\[required\]"), "[bắt buộc]"),
    (re.compile(r"\{paths\}\.\.\."), "ĐƯỜNG_DẪN..."),
    (re.compile(r"^  paths\.\.\.  ", re.M), "  ĐƯỜNG_DẪN...  "),
    (re.compile(r"\{path\}"), "TỆP"),
    (re.compile(r"^  path  ", re.M), "  TỆP  "),
    (re.compile(r"\{code\}"), "MÃ"),
    (re.compile(r"^  code  ", re.M), "  MÃ  "),
    (re.compile(r"<str>"), "<chuỗi>"),
    (re.compile(r"<int>"), "<số>"),
    (re.compile(r"<float>"), "<số>"),
    (re.compile(r"<text>"), "<chuỗi>"),
    (re.compile(r"<integer>"), "<số>"),
]


def localize_help(text: str) -> str:
    """A help screen written by typer, in the run's language."""
    if LANG == "en" or not text.startswith("Usage: "):
        return text
    for pat, repl in _HELP_VI:
        text = pat.sub(repl, text)
    return text


# ------------------------------------------------------------------ usage errors

_VALUE_VI = [
    (re.compile(r"^'(.*)' is not a valid (?:int|integer)\.?$"), r"'\1' không phải số nguyên."),
    (re.compile(r"^'(.*)' is not a valid float( range)?\.?$"), r"'\1' không phải số."),
    (re.compile(r"^(.*) is not in the range (.*)\.?$"), r"\1 nằm ngoài khoảng \2."),
    (re.compile(r"^'(.*)' is not one of (.*)\.?$"), r"'\1' không thuộc \2."),
]


def _value_vi(message: str) -> str:
    for pat, repl in _VALUE_VI:
        if pat.match(message):
            return pat.sub(repl, message)
    return message


def usage_error(exc) -> str:
    """The Vietnamese text of a usage error raised by typer's command-line parser."""
    name = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    if name == "NoArgsIsHelpError":  # `rasoat` alone: its help, as in English
        return localize_help(str(getattr(exc, "message", exc)))
    if name == "NoSuchOption":
        msg = f"không có tùy chọn {exc.option_name}"
        if getattr(exc, "possibilities", None):
            msg += f" (có phải: {', '.join(sorted(exc.possibilities))}?)"
    elif name == "MissingParameter":
        param = getattr(exc, "param", None)
        what = getattr(param, "name", None) or "?"
        msg = f"thiếu đối số '{what}'" if getattr(param, "param_type_name", "") == "argument" else f"thiếu giá trị cho '{what}'"
    elif name == "BadParameter":
        param = getattr(exc, "param", None)
        hint = getattr(exc, "param_hint", None) or (param.get_error_hint(ctx) if param is not None and ctx is not None else None)
        hint = " / ".join(hint) if isinstance(hint, (list, tuple)) else hint
        msg = f"giá trị không hợp lệ{' cho ' + str(hint) if hint else ''}: {_value_vi(str(exc.message))}"
    else:
        text = str(getattr(exc, "message", exc))
        m = re.match(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?", text)
        if m:
            msg = f"không có lệnh '{m.group(1)}'" + (f" (có phải '{m.group(2)}'?)" if m.group(2) else "")
        elif text.startswith("Got unexpected extra argument"):
            msg = "thừa đối số " + text.split("(", 1)[-1].rstrip(")")
        elif text.startswith("Missing command"):
            msg = "thiếu lệnh (xem 'rasoat --help')"
        elif m := re.match(r"Option '(.*)' requires an argument\.?", text):
            msg = f"tùy chọn '{m.group(1)}' cần một giá trị"
        elif m := re.match(r"Option '(.*)' does not take a value\.?", text):
            msg = f"tùy chọn '{m.group(1)}' không nhận giá trị"
        else:
            msg = text
    usage = ""
    if ctx is not None:
        try:
            usage = localize_help(ctx.get_usage()) + "\n"
            usage += f"Xem '{ctx.command_path} --help'.\n\n"
        except Exception:  # noqa: BLE001 - the usage line is a courtesy
            usage = ""
    return f"{usage}Lỗi: {msg}"
