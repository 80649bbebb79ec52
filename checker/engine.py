"""The rule engine: registry, selection, running rules with per-rule isolation.

A rule is a generator function registered with @rule; it receives the Document and yields
Hit objects (where, what, how to fix). The engine turns hits into Diagnostics with the rule's
code, category and severity, positions mapped back to the original file.

Rule modules live under checker/checks/ (one rule per module, like ruff) and are discovered
automatically: adding a rule means adding a module, nothing else. A family that applies to some
kinds of input only (INPUTS in its package: the P8xx layout rules, .docx) is imported when such an
input comes (plan_rules, rules_for_input).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .diagnostics import CATEGORY_OF_PREFIX, Diagnostic, Edit, Fix, Msg
from .document import Document
from .errors import RuleDataError
from .model import Paragraph


@dataclass
class Hit:
    """What a rule yields: a span of a paragraph (or a bare source offset) and the message."""

    message: Msg
    para: Paragraph | None = None
    start: int = 0
    end: int | None = None
    offset: int | None = None  # when there is no paragraph: a source offset (e.g. 0 = top)
    hint: Msg | None = None
    suggestion: str | None = None
    replacement: str | None = None  # a fix: replace the span with this text
    safe: bool = True
    severity: str | None = None  # overrides the rule's default severity
    data: dict = field(default_factory=dict)


@dataclass
class Rule:
    """A registered rule: its code, names, level, documentation and check function."""
    code: str
    name: str
    category: str
    severity: str
    title: Msg
    doc: str
    func: Callable[[Document], Iterable[Hit]]
    kinds: tuple[str, ...] = ("thong-bao", "other")  # document kinds it runs on
    fixable: bool = False
    module: str = ""
    # when a finding of the rule has another severity than `severity`, and why ("other": the
    # other level(s) it may take)
    varies: Msg | None = None
    other: tuple[str, ...] = ()

    def severity_label(self, lang: str = "vi") -> str:
        """'error' or, for a rule whose findings can take other levels, 'error / warning'."""
        return " / ".join((self.severity, *self.other))

    def doc_for(self, lang: str) -> str:
        """The rule's documentation in one language: the docstring holds Vietnamese, then a
        line '---', then English."""
        parts = self.doc.split("\n---\n", 1)
        if lang == "en" and len(parts) == 2:
            return parts[1].strip()
        return parts[0].strip()


REGISTRY: dict[str, Rule] = {}
_loaded = False


def rule(code: str, *, name: str, severity: str, title: Msg, category: str | None = None,
         kinds: tuple[str, ...] = ("thong-bao", "other"), fixable: bool = False,
         varies: tuple[tuple[str, ...], Msg] | None = None):
    """Register a rule. Its documentation is the function's docstring or, if it has none, the
    docstring of its module. `varies`: ((other levels…), why) for a rule whose findings are not
    all at `severity` (rasoat rules and explain say so)."""
    if severity not in ("error", "warning", "info"):
        raise ValueError(f"{code}: bad severity {severity!r}")
    other, why = varies if varies else ((), None)

    def deco(func):
        doc = func.__doc__ or (sys.modules[func.__module__].__doc__ or "")
        cat = category or CATEGORY_OF_PREFIX[code[0]]
        if code in REGISTRY and REGISTRY[code].module != func.__module__:
            raise ValueError(f"rule {code} registered twice ({REGISTRY[code].module}, {func.__module__})")
        REGISTRY[code] = Rule(code, name, cat, severity, title, doc, func, kinds, fixable, func.__module__,
                              why, tuple(other))
        return func

    return deco


def meta_rule(code: str, *, name: str, severity: str, title: Msg, doc: str) -> None:
    """Register a rule that the readers or the engine report themselves (E9xx): it has a code
    and a doc for `rasoat explain`, and no function of its own."""
    REGISTRY[code] = Rule(code, name, CATEGORY_OF_PREFIX[code[0]], severity, title, doc, None, (), False, "meta")


def _rule_modules() -> list[tuple[str | None, str]]:
    """(code, module name) of every module under checker/checks/, found without importing the
    rule modules: a rule's module is named after its code (n401_misspelt.py registers N401,
    tested); a module named otherwise gives None and is always imported."""
    import os
    import re

    from . import checks

    global _MODULES
    if _MODULES is None:
        out = []
        for pkg in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
            if not pkg.ispkg:
                continue
            folder = os.path.join(checks.__path__[0], pkg.name)
            for mod in sorted(pkgutil.iter_modules([folder]), key=lambda m: m.name):
                m = re.match(r"([a-z]\d{3})_", mod.name)
                if m or not mod.name.startswith("_"):
                    out.append((m.group(1).upper() if m else None, f"{checks.__name__}.{pkg.name}.{mod.name}"))
        _MODULES = out
    return _MODULES


_MODULES: list[tuple[str | None, str]] | None = None


def known_codes() -> list[str]:
    """Every rule's code, without importing the rule modules when they follow the naming."""
    if _loaded or any(code is None for code, _ in _rule_modules()):
        return sorted(load_rules())
    return sorted(code for code, _ in _rule_modules())


def load_rules(prefixes: Iterable[str] | None = None) -> dict[str, Rule]:
    """Import the rule modules under checker/checks/ so that their rules register: every one, or
    (`prefixes`, e.g. ["S1", "N401"]) those whose code starts with one of them. Families not
    selected are not imported (their start-up costs nothing)."""
    global _loaded
    if _loaded:
        return REGISTRY
    if prefixes is None:
        from . import checks

        for mod in pkgutil.walk_packages(checks.__path__, checks.__name__ + "."):
            importlib.import_module(mod.name)
        _loaded = True
        return REGISTRY
    prefixes = tuple(prefixes)
    for code, name in _rule_modules():
        if code is None or code.startswith(prefixes):
            importlib.import_module(name)
    return REGISTRY


def _family_inputs(name: str) -> tuple[str, ...] | None:
    """The input kinds (Source.kind: "docx", "txt", …) the rules of a module's family apply to:
    INPUTS in the family's package (checker/checks/layout: ("docx",)), read by importing the
    package alone; None when the family applies to every input."""
    inputs = getattr(importlib.import_module(name.rpartition(".")[0]), "INPUTS", None)
    return tuple(inputs) if inputs is not None else None


def plan_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
               ) -> tuple[list[Rule], dict[str, tuple[str, ...]]]:
    """select_rules(select, ignore) split in two: the rules imported now, and {code: input kinds}
    of the selected rules whose family applies to some kinds of input only (the P8xx layout
    rules: .docx), not imported: `rules_for_input` imports them when such an input comes (a .txt
    check does not pay for the layout modules). Every selected code is in one of the two."""
    sel, ign = _prefixes(select), _prefixes(ignore)
    modules = _rule_modules()
    if _loaded or any(code is None for code, _ in modules):
        return select_rules(sel, ign), {}
    chosen = sorted({code for code, _ in modules if _chosen(code, sel, ign)})
    later: dict[str, tuple[str, ...]] = {}
    for code, name in modules:
        if code in chosen and code not in REGISTRY:
            inputs = _family_inputs(name)
            if inputs is not None:
                later[code] = inputs
    now = [c for c in chosen if c not in later]
    load_rules(now)
    return [REGISTRY[c] for c in now], later


def rules_for_input(rules: list[Rule], later: dict[str, tuple[str, ...]], kind: str) -> list[Rule]:
    """`rules` with those of `later` (plan_rules) that apply to an input of this kind, imported
    now; in code order, as select_rules gives them."""
    now = [code for code, kinds in later.items() if kind in kinds]
    if not now:
        return rules
    load_rules(now)
    return sorted([*rules, *(REGISTRY[c] for c in now)], key=lambda r: r.code)


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes or prefixes among `codes` that name no rule ("ALL" names them all). The command
    line and the configuration files reject the same ones."""
    rules = known_codes()
    return [c for c in codes if c.upper() != "ALL" and not any(k.startswith(c.upper()) for k in rules)]


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Rule]:
    """Rules whose code starts with one of `select` (all when empty) and none of `ignore`."""
    sel, ign = _prefixes(select), _prefixes(ignore)
    rules = load_rules(sel if sel and "ALL" not in sel else None)
    return [rules[code] for code in sorted(rules) if _chosen(code, sel, ign)]


def _prefixes(codes: Iterable[str] | None) -> list[str]:
    return [c.upper() for c in (codes or []) if c]


def _chosen(code: str, sel: list[str], ign: list[str]) -> bool:
    """A code selected (by a prefix of `sel`, "ALL", or an empty `sel`) and not ignored."""
    return (not sel or any(code.startswith(s) or s == "ALL" for s in sel)) and not any(code.startswith(s) for s in ign)


def _to_diagnostic(rule: Rule, doc: Document, hit: Hit) -> Diagnostic:
    src = doc.source
    if hit.para is not None:
        rng = doc.range_of(hit.para, hit.start, hit.end)
        start_off = hit.para.start_offset(hit.start)
        end_off = hit.para.end_offset(hit.end)
        context = hit.para.text[hit.start: hit.end if hit.end is not None else len(hit.para.text)]
        sl, sc, el, ec = rng.start.line, rng.start.column, rng.end.line, rng.end.column
    else:
        off = hit.offset or 0
        pos = src.position(off)
        sl, sc, el, ec = pos.line, pos.column, pos.line, pos.column
        start_off = end_off = off
        context = ""
    fix = None
    if hit.replacement is not None and hit.para is not None:
        fix = Fix([Edit(start_off, end_off, hit.replacement)], safe=hit.safe)
    return Diagnostic(
        code=rule.code,
        category=rule.category,
        severity=hit.severity or rule.severity,
        message=hit.message,
        line=sl,
        column=sc,
        end_line=el,
        end_column=ec,
        hint=hit.hint,
        suggestion=hit.suggestion,
        fix=fix,
        path=doc.path,
        context=context[:200],
        data=hit.data,
    )


INTERNAL_ERROR = Msg(
    "Lỗi nội bộ của rasoat khi chạy quy tắc {code}: {exc}. Các quy tắc khác vẫn chạy; hãy báo lỗi này "
    "kèm tệp (chạy lại với --debug để xem chi tiết).",
    "Internal error in rasoat while running rule {code}: {exc}. The other rules still ran; please report "
    "it with the file (run again with --debug for the traceback).",
)


class RuleTimeout(Exception):
    pass


RULE_TIMEOUT = 20.0  # CPU seconds one rule may spend on one document (regex patterns from rules/ included)
FILE_TIMEOUT = 20.0  # CPU seconds all the rules together may spend on one document
MAX_HITS = 500  # findings of one rule in one document: past this a rule's findings are noise (a
# paragraph of 200,000 "(" once made 10 million findings and 2 GiB); the rest are not computed

TIMEOUT = Msg(
    "Quy tắc {code} chạy quá {seconds:g} giây trên tệp này và đã bị dừng (có thể do một mẫu trong rules/ "
    "hoặc một văn bản bất thường). Các quy tắc khác vẫn chạy.",
    "Rule {code} ran for more than {seconds:g} s on this file and was stopped (a pattern in rules/ or an "
    "unusual text). The other rules still ran.",
)


SKIPPED = Msg(
    "Các quy tắc {codes} không chạy trên tệp này: các quy tắc trước đã dùng hết {seconds:g} giây (thời gian "
    "CPU) dành cho một tệp (khóa cấu hình `limits.file-seconds`).",
    "Rules {codes} were not run on this file: the rules before them used up the {seconds:g} s (CPU time) "
    "allowed for one file (configuration key `limits.file-seconds`).",
)


def _cpu() -> float:
    import time

    return time.process_time()


def _with_timeout(func, seconds: float):
    """Call func() with a limit on the CPU time it uses (SIGPROF: a paused or starved process is
    not stopped for waiting; main thread on Unix only, else no limit)."""
    import signal
    import threading

    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return func()

    def on_alarm(signum, frame):
        raise RuleTimeout()

    old = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return func()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def run_rules(doc: Document, rules: Iterable[Rule], debug: bool = False) -> Iterator[Diagnostic]:
    """Run `rules` on `doc`. An exception inside one rule becomes an E999 finding for this file,
    and a rule that runs too long is stopped (E906); the other rules still run."""
    kind = doc.kind
    limits = doc.options.settings.get("limits") or {}
    limit = float(limits.get("rule-seconds", RULE_TIMEOUT))
    budget = float(limits.get("file-seconds", max(FILE_TIMEOUT, limit)))
    start = _cpu()
    skipped: list[str] = []
    for r in rules:
        if r.func is None or kind not in r.kinds:
            continue
        left = budget - (_cpu() - start)
        if left <= 0.05:  # the file's budget is spent: a long extraction is not redone rule after rule
            skipped.append(r.code)
            continue
        try:
            hits = _with_timeout(lambda: list(islice(r.func(doc), MAX_HITS)), min(limit, left))
        except RuleDataError:
            raise  # bad rules/ data is the run's problem (exit 2, one message), not this file's
        except RuleTimeout:
            yield Diagnostic(
                code="E906", category="input", severity="error",
                message=TIMEOUT.format(code=r.code, seconds=round(min(limit, left), 1)),
                line=1, column=1, end_line=1, end_column=1, path=doc.path,
            )
            continue
        except Exception as exc:  # noqa: BLE001 - isolation is the point
            if debug:
                import traceback

                traceback.print_exc()
            yield Diagnostic(
                code="E999", category="input", severity="error",
                message=INTERNAL_ERROR.format(code=r.code, exc=f"{type(exc).__name__}: {exc}"),
                line=1, column=1, end_line=1, end_column=1, path=doc.path,
            )
            continue
        for h in hits:
            yield _to_diagnostic(r, doc, h)
    if skipped:
        yield Diagnostic(
            code="E906", category="input", severity="error",
            message=SKIPPED.format(codes=", ".join(skipped), seconds=budget),
            line=1, column=1, end_line=1, end_column=1, path=doc.path,
        )
