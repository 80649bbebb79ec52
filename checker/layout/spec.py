"""What Phụ lục I asks of each component (rules/layout.toml), and which paragraphs take each role.

Roles come from the structure grammar (doc.structure.components). The issuer component may hold
two or more paragraphs: the first is then the parent body (cơ quan chủ quản: upright, not bold)
and the others the issuing body (bold); a single issuer paragraph is the issuing body.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..resources import load_table, rules_path

FILE = "layout.toml"
ALIGNMENTS = {"left", "center", "right", "both", "distribute"}
_KEYS = {"role": str, "from": list, "name_vi": str, "name_en": str, "size": list, "bold": bool, "italic": bool,
         "case": str, "align": list, "align_in_table": bool, "clause": str, "source": str}
_REQUIRED = {"role", "name_vi", "name_en", "size", "clause", "source"}

PREFIX_VI = "Phụ lục I, Phần I, "
PREFIX_EN = "Annex I, Part I, "


@dataclass(frozen=True)
class Spec:
    role: str
    components: tuple[str, ...]
    name_vi: str
    name_en: str
    size: tuple[float, float]
    bold: bool | None
    italic: bool | None
    case: str | None
    align: tuple[str, ...]
    align_in_table: bool
    clause: str

    def cite(self, lang: str = "vi") -> str:
        return cite(self.clause, lang)


def cite(clause: str, lang: str = "vi") -> str:
    """"Mục II.9.d" → "Phụ lục I, Phần I, Mục II.9.d" (vi) / "Annex I, Part I, Section II.9.d" (en)."""
    if lang == "en":
        return PREFIX_EN + clause.replace("Mục", "Section")
    return PREFIX_VI + clause


@lru_cache(maxsize=1)
def specs() -> dict[str, Spec]:
    path = rules_path(FILE)
    out: dict[str, Spec] = {}
    for i, e in enumerate(load_table(path, "component", _KEYS, _REQUIRED)):
        where = f"{path}: [[component]] #{i + 1}"
        size = e["size"]
        if len(size) != 2 or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in size) \
                or not 1 <= size[0] <= size[1] <= 72:
            raise ConfigError(f"{where}: key 'size' must be [min, max] in points, got {size!r}")
        if e.get("case") not in (None, "upper", "lower"):
            raise ConfigError(f"{where}: key 'case' must be 'upper' or 'lower', got {e['case']!r}")
        bad = [x for x in e.get("align", []) if x not in ALIGNMENTS]
        if bad:
            raise ConfigError(f"{where}: key 'align' has unknown alignment(s) {bad} (known: {sorted(ALIGNMENTS)})")
        if e["role"] in out:
            raise ConfigError(f"{where}: role '{e['role']}' defined twice")
        out[e["role"]] = Spec(
            role=e["role"], components=tuple(e.get("from", [e["role"]])), name_vi=e["name_vi"], name_en=e["name_en"],
            size=(float(size[0]), float(size[1])), bold=e.get("bold"), italic=e.get("italic"), case=e.get("case"),
            align=tuple(e.get("align", ())), align_in_table=bool(e.get("align_in_table", False)), clause=e["clause"])
    return out


def assigned(doc) -> list[tuple[Spec, object]]:
    """(spec, Paragraph) for every paragraph the structure grammar placed in a component with a
    layout spec, in document order."""
    if doc.kind != "thong-bao":
        return []
    comps = doc.structure.components
    table = specs()
    out = []
    for spec in table.values():
        if spec.role == "issuer_parent":
            continue
        for comp in spec.components:
            idx = comps.get(comp, [])
            if comp == "issuer" and len(idx) >= 2 and "issuer_parent" in table:
                out.append((table["issuer_parent"], doc.paragraphs[idx[0]]))
                idx = idx[1:]
            for i in idx:
                p = doc.paragraphs[i]
                if not p.footnote:
                    out.append((spec, p))
    out.sort(key=lambda sp: sp[1].index)
    return out
