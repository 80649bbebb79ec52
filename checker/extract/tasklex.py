"""The lexicons of task extraction (rules/deadlines.toml, owners.toml, directives.toml).

Each file is a set of sections `{source = "…", patterns = ["regex", …]}`. Loading validates
them: an unknown section or key, a section without its source, or a pattern that is not a
valid regular expression is a `LexiconError` that names the file and the key. Patterns are
compiled once (lru_cache) and shared by every document.
"""
from __future__ import annotations

from functools import lru_cache

from .. import rx as re

from ..cache import load_toml
from ..errors import RuleDataError
from ..resources import rules_path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

SECTIONS = {
    "deadlines.toml": {
        "date_cues", "day_only_cues", "relative", "recurring", "recurring_context", "event_nouns",
        "event_anchors", "event_cues", "event_cues_far", "vague", "occasions", "past", "completion", "table_cells", "after_event", "purpose",
        "in_process", "manner",
    },
    "owners.toml": {
        "body_heads", "standalone_heads", "places", "person_titles", "broad_groups", "vague_owners",
        "name_stops", "beyond_issuer",
    },
    "directives.toml": {
        "assignment", "lead_marker", "support_marker", "modals", "directive_verbs", "ongoing",
        "deliverables", "assessment", "assessment_headings", "task_headings", "adverbials", "topic",
        "table_columns", "table_done", "ongoing_heads", "praise", "cited_documents",
    },
}
KEYS = {"source", "patterns"}


class LexiconError(RuleDataError, ValueError):
    """A rule-data file that cannot be used (names the file and the key)."""


def validate(name: str, data: dict) -> dict[str, list[str]]:
    """The sections of a lexicon file, checked: {section: [pattern, …]}."""
    known = SECTIONS[name]
    out: dict[str, list[str]] = {}
    for section, body in data.items():
        if section not in known:
            raise LexiconError(f"{name}: mục không hợp lệ [{section}] (unknown section); hợp lệ: {', '.join(sorted(known))}")
        if not isinstance(body, dict):
            raise LexiconError(f"{name}: [{section}] phải là một bảng (must be a table)")
        for key in body:
            if key not in KEYS:
                raise LexiconError(f"{name}: khóa không hợp lệ '{section}.{key}' (unknown key); hợp lệ: source, patterns")
        if not str(body.get("source", "")).strip():
            raise LexiconError(f"{name}: [{section}] thiếu nguồn 'source' (every entry says where it comes from)")
        pats = body.get("patterns")
        if not isinstance(pats, list) or not pats or not all(isinstance(p, str) and p for p in pats):
            raise LexiconError(f"{name}: '{section}.patterns' phải là danh sách biểu thức không rỗng (a non-empty list of strings)")
        for k, p in enumerate(pats):
            try:
                re.compile(p)
            except re.error as exc:
                raise LexiconError(f"{name}: '{section}.patterns[{k}]' không phải biểu thức chính quy hợp lệ (bad regex {p!r}): {exc}") from None
        out[section] = pats
    missing = known - out.keys()
    if missing:
        raise LexiconError(f"{name}: thiếu mục (missing sections): {', '.join(sorted(missing))}")
    return out


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict[str, tuple[str, ...]]:
    path = rules_path(name)
    try:
        data = load_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{name}: TOML không hợp lệ (invalid TOML): {exc}") from None
    return {k: tuple(v) for k, v in validate(name, data).items()}


def alternation(name: str, section: str) -> str:
    """The patterns of a section as one non-capturing alternation, longest first."""
    pats = sorted(lexicon(name)[section], key=lambda s: (-len(s), s))
    return "(?:" + "|".join(f"(?:{p})" for p in pats) + ")"


def search(pattern: "re.Pattern", text: str) -> "re.Match | None":
    """pattern.search(text), the same match, found by scanning the lower-cased text for the
    literal starts of the pattern's alternatives (rx.fast_finditer): a case-insensitive lexicon
    pattern, or one that begins with a look-behind, is otherwise tried at every position."""
    return next(re.fast_finditer(pattern, text), None)


@lru_cache(maxsize=None)
def compiled(name: str, section: str, template: str = "{}", flags: int = re.I) -> "re.Pattern":
    """A section compiled once, inside `template` ("{}" stands for the alternation)."""
    return re.compile(template.format(alternation(name, section)), flags)
