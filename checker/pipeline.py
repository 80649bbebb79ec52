"""The one check pipeline: every front end (the CLI's check, tasks, citations, annotate, baseline,
the library API, the fixer's re-checks) goes through these steps, so a file is judged the same
way whichever door it came in by.

    configure  the nearest rasoat.toml / [tool.rasoat] (or --config), merged with what the caller
               asked (select/ignore, stage, lang, today): one Plan per file
    load       read the file (or the given bytes / text) into a Document   (errors.InputError)
    evaluate   run the selected rules, keep one finding per problem, apply the inline
               suppressions (<!-- rasoat: ignore … -->) of text drafts
    label      every finding carries the path the user gave

    res = check_path("du-thao.txt", RunSettings(select=["D"]))
    res = check_text(text, "du-thao.txt", RunSettings())
    diags = recheck(res, new_document)          # --fix: the same plan on the edited text
"""
from __future__ import annotations

import datetime as dt
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import rx as re
from .api import FileResult, check_document, input_error_result
from .config import Config, config_for
from .diagnostics import Diagnostic
from .document import Document, Options, load_path, load_text
from .engine import Rule, plan_rules, rules_for_input
from .errors import InputError
from .readers import SUPPORTED


@dataclass
class RunSettings:
    """What the caller asked for; the configuration file fills in what it did not."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    stage: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    today: dt.date | None = None
    config: str | None = None
    debug: bool = False
    settings: dict | None = None  # rule settings given by an API caller (override the config's)
    # a configuration already read (the server's, for uploads that have no folder of their own);
    # None: the nearest to each file, or `config`
    config_obj: Config | None = None


@dataclass
class Plan:
    """What the configuration and the caller decided for one file."""

    options: Options
    select: list[str]
    ignore: list[str]
    rules: list[Rule]
    # {code: input kinds} of selected rules for some kinds of input only (P8xx: .docx), imported
    # when such an input comes (engine.plan_rules)
    later: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.rules} | set(self.later)

    def rules_for(self, kind: str) -> list[Rule]:
        """The selected rules that run on an input of this kind (Source.kind)."""
        return rules_for_input(self.rules, self.later, kind)


# ------------------------------------------------------------------ configure

def options_for(cfg: Config, s: RunSettings) -> Options:
    settings = dict(cfg.values)
    if settings.get("registries"):  # local agency registries: relative to the configuration file
        settings["registries"] = [str(cfg.resolve_path(p)) for p in settings["registries"]]
    if s.settings:
        settings.update(s.settings)
    if settings.get("registries"):
        # checked now, so that a bad file stops the run with a clear message (RegistryError is a
        # ConfigError)
        from .registry import load

        load(settings["registries"])
    return Options(
        stage=s.stage or cfg.get("stage", "draft"),
        lang=s.lang or cfg.get("lang", "vi"),
        today=s.today or cfg.get("today"),
        settings=settings,
    )


def plan_for(path: str, s: RunSettings) -> Plan:
    """The configuration step: raises errors.ConfigError for a bad configuration file (or a bad
    file of rules/: checked once per process)."""
    from .ruledata import validate_all

    validate_all()
    if s.config_obj is not None:
        cfg = s.config_obj
    else:
        cfg = config_for(path if path not in ("-", "<stdin>") else "<stdin>", s.config)
    select = list(s.select) or (cfg.get("select", []) + cfg.get("extend-select", []))
    ignore = list(s.ignore) + cfg.get("ignore", []) + cfg.ignored_for(path)
    return Plan(options_for(cfg, s), select, ignore, *plan_rules(select, ignore))


# ------------------------------------------------------------------ load

def _msg_old_doc():
    from .diagnostics import Msg

    return Msg("Tệp Word 97-2003 (.doc) không được hỗ trợ: hãy lưu lại thành .docx.",
               "Word 97-2003 files (.doc) are not supported: save the file as .docx.")


def load(path: str, plan: Plan, data: bytes | None = None, display: str | None = None) -> Document:
    """Read one file (or `data` under the name `display`/`path`); raises InputError."""
    shown = display or path
    if data is None and os.path.splitext(shown)[1].lower() not in SUPPORTED:
        try:
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError:
            head = b""
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError("E903", _msg_old_doc())
    return load_path(path if data is None else shown, plan.options, data)


# ------------------------------------------------------------------ evaluate

def suppress(doc: Document, diags: list[Diagnostic], plan: Plan, shown: str) -> list[Diagnostic]:
    """Inline suppressions of text drafts (a .docx has no place for them)."""
    if doc.source.kind == "docx":
        return diags
    from .suppress import apply

    return apply(doc.source.text, diags, plan.codes, shown)


def evaluate(doc: Document, plan: Plan, shown: str, debug: bool = False) -> FileResult:
    kind = doc.source.kind
    res = check_document(doc, plan.rules_for(kind), debug=debug,
                         not_run=[c for c, kinds in plan.later.items() if kind not in kinds])
    res.diagnostics = suppress(doc, res.diagnostics, plan, shown)
    return res


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown_path(path: str) -> str:
    """A path as printable text, valid in JSON, SARIF, GitHub annotations and JUnit XML: bytes of
    a file name that are not UTF-8, and control characters, shown as \\xNN."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if _CONTROL.search(path):
        path = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)
    return path


def _label(res: FileResult, shown: str, plan: Plan | None) -> FileResult:
    """Every finding carries the path as given, printable (shown_path); a message that quotes
    the raw path quotes the printable one."""
    printable = shown_path(shown)
    res.path = printable
    for d in res.diagnostics:
        d.path = printable
        if printable != shown and shown in d.message.vi + d.message.en:
            d.message = type(d.message)(d.message.vi.replace(shown, printable), d.message.en.replace(shown, printable))
    res.plan = plan
    return res


# ------------------------------------------------------------------ front doors

_set_up = False  # whether this process has checked a file (and so done its one-time set-up)
# whether the first check freezes what it made (gc.freeze freezes every object of the process): set
# by the rasoat command, whose process is its own; an embedding program's objects, its garbage
# among them, are not frozen with the set-up
FREEZE_SET_UP = False


@contextmanager
def _first_check():
    """The first check of a process also does its one-time set-up: importing the rule modules,
    reading the state file, building the registries, lexicons and tables: tens of thousands of
    containers that live until the process ends, none of them garbage. The cyclic collector, run
    after every 700 new containers, traversed them again and again and found nothing (~1 % of a
    one-file run's instructions); it is paused for that check only, and runs as usual from the
    next allocations on (unless the caller had it off). In the rasoat command (FREEZE_SET_UP),
    what that check made is then frozen (gc.freeze): the set-up is left out of every later pass
    of the collector too, which would otherwise traverse it again every few documents of a long
    run and find nothing. (The first document is frozen with it and still freed when its result
    is dropped: a document holds no reference cycle, see Facts, so reference counting frees it.)"""
    global _set_up
    if _set_up or not gc.isenabled():
        yield
        return
    _set_up = True
    gc.disable()
    try:
        yield
    finally:
        if FREEZE_SET_UP:
            gc.freeze()
        gc.enable()


def check_path(path: str, s: RunSettings, data: bytes | None = None, display: str | None = None) -> FileResult:
    """Check one file (or bytes read elsewhere, e.g. stdin, under the name `display`).
    Unreadable input gives an E9xx finding; a bad configuration raises ConfigError."""
    shown = display or path
    with _first_check():
        plan = plan_for(path, s)
        try:
            doc = load(path, plan, data, display)
        except InputError as exc:
            return _label(input_error_result(shown, exc), shown, plan)
        return _label(evaluate(doc, plan, shown, s.debug), shown, plan)


def check_text(text: str, path: str, s: RunSettings) -> FileResult:
    """Check a draft given as text, configured as a file at `path` would be."""
    with _first_check():
        plan = plan_for(path, s)
        return _label(evaluate(load_text(text, path, plan.options), plan, path, s.debug), path, plan)


def plan_of(res: FileResult) -> Plan:
    """The plan a file was checked with (configured afresh when the result came without one)."""
    return res.plan or plan_for(res.path, RunSettings())


def recheck_bytes(res: FileResult, data: bytes) -> list[Diagnostic]:
    """The findings of new bytes for a checked file (--fix after a conversion), same plan."""
    plan = plan_of(res)
    try:
        doc = load(res.document.source.path, plan, data, res.document.source.path)
    except InputError as exc:
        return _label(input_error_result(res.path, exc), res.path, plan).diagnostics
    return _label(evaluate(doc, plan, res.path), res.path, plan).diagnostics


def recheck(res: FileResult, doc: Document) -> list[Diagnostic]:
    """The findings of an edited version of a checked file (--fix), under the same plan."""
    plan = plan_of(res)
    return _label(evaluate(doc, plan, res.path), res.path, plan).diagnostics
