"""The registry of bodies and places: official names, abbreviations, validity periods.

The national registry is every TOML file in rules/agencies/ (ministries, departments, district
and commune offices, Party bodies, mass organisations, the 63 → 34 provinces, the 2025 communes).
A province adds or overrides entries with its own files, named by the configuration key
`registries` (paths relative to the configuration file): a local [[agency]] with the name of a
national one replaces it; everything else extends the national data.

Loading validates the data: an unknown key, a value of the wrong type, a source key that the
file's [sources] table does not define, a period that ends before it starts, or two bodies that
answer to the same name during overlapping periods is a RegistryError (a ConfigError: the run
stops with exit code 2) that names the file and the key.
"""
from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import ConfigError, RuleDataError
from .record import Frozen
from .resources import data_dir
from .textnorm import fold, nfc, tone_neutral

LEVELS = frozenset({
    "trung_uong", "bo", "co_quan_ngang_bo", "co_quan_thuoc_cp", "don_vi_trung_uong", "so", "co_quan_tinh",
    "phong_huyen", "co_quan_huyen", "phong_xa", "co_quan_xa", "dang", "dan_cu", "chinh_quyen", "doan_the", "khac",
    "he_thong",  # an information system (a portal, a database), not a body: its capitals are information (N402)
})
PROVINCE_KINDS = frozenset({"tỉnh", "thành phố"})
APPROXIMATE_GRACE = dt.timedelta(days=61)  # when a change happened on each province's own date

# key → expected type ("str", "strs" = list of strings, "date", "bool", "source")
_AGENCY = {"name": "str", "level": "str", "variants": "strs", "abbr": "strs", "scopes": "strs",
           "valid_from": "date", "valid_to": "date", "approximate": "bool", "successor": "str",
           "note": "str", "source": "source", "province": "str", "common_noun": "bool"}
_PROVINCE = {"name": "str", "kind": "str", "code": "str", "valid_from": "date", "valid_to": "date",
             "successor": "str", "merged_from": "strs", "note": "str", "source": "source"}
_PLACES = {"province": "str", "units": "strs", "valid_from": "date", "valid_to": "date", "successor": "str",
           "note": "str", "source": "source"}
_MATCHING = {"name_stops": "strs", "unit_words": "strs", "source": "str"}
# a province's own documents (rules/documents.toml holds the national ones; C508, C509)
_DOCUMENT = {"symbol": "str", "type": "str", "date": "date", "issuer": "str", "ended": "date",
             "replaced_by": "str", "title": "str", "source": "source"}
_TOP = {"sources", "agency", "province", "places", "matching", "document"}
_REQUIRED = {"agency": ("name", "level", "source"), "province": ("name", "kind", "source"),
             "places": ("province", "units", "source"), "document": ("symbol", "type", "date", "source")}
UNIT_PREFIXES = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Huyện ", "Quận ", "Thị xã ", "Thành phố ")


class RegistryError(RuleDataError):
    """Bad registry data: names the file and the key."""


def _status(start: dt.date | None, end: dt.date | None, day: dt.date, grace: dt.timedelta | None = None) -> str:
    grace = grace or dt.timedelta(0)
    if start and day < start - grace:
        return "not-yet"
    if end and day > end + grace:
        return "ended"
    return "valid"


class Agency(Frozen):
    name: str
    level: str
    variants: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    approximate: bool = False
    successor: str | None = None
    note: str | None = None
    source: tuple[str, ...] = ()  # "KEY: text" of each source
    file: str = ""
    province: str | None = None
    common_noun: bool = False  # in lower case also a common noun ("ban chỉ đạo các cấp")

    def status_on(self, day: dt.date) -> str:
        """'valid', 'not-yet' (before valid_from) or 'ended' (after valid_to) on `day`; with
        `approximate` dates, a day within the grace period around the date counts as valid."""
        return _status(self.valid_from, self.valid_to, day, APPROXIMATE_GRACE if self.approximate else None)

    def period(self) -> str:
        a = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else "…"
        b = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else "…"
        return f"{a}–{b}"


class Province(Frozen):
    name: str  # proper name without the unit word: "Lào Cai"
    kind: str  # "tỉnh" | "thành phố"
    code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None
    merged_from: tuple[str, ...] = ()
    note: str | None = None
    source: tuple[str, ...] = ()
    file: str = ""

    def status_on(self, day: dt.date) -> str:
        return _status(self.valid_from, self.valid_to, day)


class Place(Frozen):
    """A commune, ward or district of the registry. (Slots: thousands of them, read from the state
    file on every run, a third faster than with a __dict__ each.)"""

    __slots__ = ("name", "unit", "province", "source", "valid_from", "valid_to", "successor")
    name: str  # "Điện Biên Phủ"
    unit: str  # "phường" | "xã" | "đặc khu" | "thị trấn" | "huyện" | "quận" | "thị xã" | "thành phố"
    province: str
    source: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor: str | None

    def __init__(self, name: str, unit: str, province: str, source: tuple[str, ...] = (),
                 valid_from: dt.date | None = None, valid_to: dt.date | None = None, successor: str | None = None):
        super().__init__(name, unit, province, source, valid_from, valid_to, successor)

    def __reduce__(self):  # copy and pickle by value (the slots are read-only)
        return type(self), self._values()

    def status_on(self, day: dt.date) -> str:
        return _status(self.valid_from, self.valid_to, day)


class Registry(Frozen):
    agencies: tuple[Agency, ...]
    provinces: tuple[Province, ...]
    places: tuple[Place, ...]
    name_stops: frozenset[str]  # tone-neutral lower case
    unit_words: tuple[str, ...]
    files: tuple[str, ...] = ()
    documents: tuple[tuple, ...] = ()  # [[document]] of the local files: (key, value) pairs


# --- loading ----------------------------------------------------------------------------------


def _where(path: str, section: str, i: int, entry: dict) -> str:
    label = entry.get("name") or entry.get("province") or ""
    return f"{path}: [[{section}]] #{i + 1}" + (f" '{label}'" if isinstance(label, str) and label else "")


def _check_value(where: str, key: str, want: str, val: Any, sources: dict[str, str]) -> Any:
    bad = None
    if want == "str":
        if not isinstance(val, str) or not val.strip():
            bad = "a non-empty string"
        else:
            val = nfc(val.strip())
    elif want == "strs":
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            bad = "a list of non-empty strings"
        else:
            val = tuple(nfc(x.strip()) for x in val)
    elif want == "date":
        if isinstance(val, dt.datetime) or not isinstance(val, dt.date):
            bad = "a date (YYYY-MM-DD, without quotes)"
    elif want == "bool":
        if not isinstance(val, bool):
            bad = "true or false"
    elif want == "source":
        keys = [val] if isinstance(val, str) else val
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
            bad = "a key of [sources] or a list of them"
        else:
            unknown = [k for k in keys if k not in sources]
            if unknown:
                raise RegistryError(
                    f"{where}: nguồn không có trong [sources] (unknown source key) '{unknown[0]}'; "
                    f"các khóa nguồn của tệp: {', '.join(sorted(sources)) or '(none)'}")
            val = tuple(f"{k}: {sources[k]}" for k in keys)
    if bad:
        raise RegistryError(f"{where}: giá trị không hợp lệ cho '{key}' (invalid value): cần {bad}, có {val!r}")
    return val


def _check_entry(where: str, entry: Any, schema: dict[str, str], required: tuple[str, ...],
                 sources: dict[str, str]) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: phải là một bảng (must be a table)")
    out: dict[str, Any] = {}
    for key, val in entry.items():
        if key not in schema:
            raise RegistryError(f"{where}: khóa lạ '{key}' (unknown key); hợp lệ: {', '.join(sorted(schema))}")
        out[key] = _check_value(where, key, schema[key], val, sources)
    for key in required:
        if key not in out:
            raise RegistryError(f"{where}: thiếu khóa '{key}' (missing key)")
    if out.get("valid_from") and out.get("valid_to") and out["valid_from"] > out["valid_to"]:
        raise RegistryError(f"{where}: 'valid_from' ({out['valid_from']}) sau 'valid_to' ({out['valid_to']}) "
                            f"(the period ends before it starts)")
    return out


MAX_REGISTRY_BYTES = 4 * 1024 * 1024  # a registry file (the national ones are a few dozen KiB)
MAX_REGISTRY_ENTRIES = 20_000  # entries of one file (a province has a few thousand at most)


def parse_file(path: str | Path) -> dict[str, list]:
    """One registry file, validated: {'agency': [Agency], 'province': [...], 'places': [...],
    'matching': [dict]}."""
    from .config import read_toml

    path = str(path)
    try:
        data = read_toml(path, MAX_REGISTRY_BYTES, "tệp danh mục cơ quan")
    except RegistryError:
        raise
    except ConfigError as exc:
        raise RegistryError(str(exc)) from None
    total = sum(len(v) for k, v in data.items() if isinstance(v, list))
    if total > MAX_REGISTRY_ENTRIES:
        raise RegistryError(f"{path}: quá nhiều mục ({total}, giới hạn {MAX_REGISTRY_ENTRIES}) (too many entries)")
    for key in data:
        if key not in _TOP:
            raise RegistryError(f"{path}: khóa lạ '{key}' (unknown key); hợp lệ: {', '.join(sorted(_TOP))}")
    sources = data.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) and v.strip() for v in sources.values()):
        raise RegistryError(f"{path}: [sources] phải là bảng khóa → mô tả (a table of key = \"description\")")
    out: dict[str, list] = {"agency": [], "province": [], "places": [], "matching": [], "document": []}
    for section, schema in (("agency", _AGENCY), ("province", _PROVINCE), ("places", _PLACES),
                            ("document", _DOCUMENT)):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise RegistryError(f"{path}: '{section}' phải là [[{section}]] (an array of tables)")
        for i, entry in enumerate(entries):
            where = _where(path, section, i, entry if isinstance(entry, dict) else {})
            e = _check_entry(where, entry, schema, _REQUIRED[section], sources)
            if section == "agency":
                if e["level"] not in LEVELS:
                    raise RegistryError(f"{where}: 'level' không hợp lệ (invalid level) {e['level']!r}; "
                                        f"hợp lệ: {', '.join(sorted(LEVELS))}")
                out["agency"].append(Agency(file=path, **e))
            elif section == "document":
                out["document"].append(tuple(dict(e, file=path).items()))  # hashable, like the registry
            elif section == "province":
                if e["kind"] not in PROVINCE_KINDS:
                    raise RegistryError(f"{where}: 'kind' phải là 'tỉnh' hoặc 'thành phố', có {e['kind']!r}")
                out["province"].append(Province(file=path, **e))
            else:
                for unit in e["units"]:
                    kind = next((p for p in UNIT_PREFIXES if unit.startswith(p)), None)
                    if kind is None:
                        raise RegistryError(f"{where}: 'units' phải bắt đầu bằng {'/'.join(u.strip() for u in UNIT_PREFIXES)} "
                                            f"(each unit starts with its kind), có {unit!r}")
                    out["places"].append(Place(unit[len(kind):].strip(), kind.strip().lower(), e["province"], e["source"],
                                               e.get("valid_from"), e.get("valid_to"), e.get("successor")))
    if "matching" in data:
        out["matching"].append(_check_entry(f"{path}: [matching]", data["matching"], _MATCHING, (), sources))
    return out


def _forms(a: Agency) -> list[str]:
    base = [a.name, *a.variants, *a.abbr]
    return base + [f"{b} {s}" for b in base for s in a.scopes]


def _overlap(a: Agency, b: Agency) -> bool:
    lo = max(a.valid_from or dt.date.min, b.valid_from or dt.date.min)
    hi = min(a.valid_to or dt.date.max, b.valid_to or dt.date.max)
    return lo <= hi


def _check_overlaps(agencies: list[Agency]) -> None:
    seen: dict[str, list[tuple[str, Agency]]] = {}
    for a in agencies:
        for form in dict.fromkeys(_forms(a)):
            key = fold(form)  # cheap; same tone-neutral spelling is checked within a fold group
            same = [o for f, o in seen.get(key, []) if o is not a and tone_neutral(f) == tone_neutral(form)]
            for other in same:
                if other is not a and _overlap(a, other):
                    raise RegistryError(
                        f"{a.file}: [[agency]] '{a.name}' ({a.period()}) và {other.file}: [[agency]] '{other.name}' "
                        f"({other.period()}) cùng mang tên '{form}' trong thời gian chồng lấn "
                        f"(two bodies answer to the same name during overlapping periods: set valid_from/valid_to)")
            seen.setdefault(key, []).append((form, a))


def build(files: list[str], local: list[str] = ()) -> Registry:
    national = [parse_file(f) for f in files]
    extra = [parse_file(f) for f in local]
    agencies = [a for part in national for a in part["agency"]]
    provinces = [p for part in national for p in part["province"]]
    places = [p for part in national for p in part["places"]]
    matching = [m for part in national for m in part["matching"]]
    for part in extra:
        names = {a.name for a in part["agency"]}
        agencies = [a for a in agencies if a.name not in names] + part["agency"]
        pnames = {p.name for p in part["province"]}
        provinces = [p for p in provinces if p.name not in pnames] + part["province"]
        places += part["places"]
        matching += part["matching"]
    _check_overlaps(agencies)
    stops = frozenset(tone_neutral(s) for m in matching for s in m.get("name_stops", ()))
    units = tuple(dict.fromkeys(u for m in matching for u in m.get("unit_words", ())))
    documents = tuple(d for part in extra for d in part["document"])
    return Registry(tuple(agencies), tuple(provinces), tuple(places), stops, units, tuple(files) + tuple(local),
                    documents)


def national_files() -> list[str]:
    return sorted(str(p) for p in data_dir("rules").joinpath("agencies").glob("*.toml"))


# --- the registry and its matching index, kept on disk between runs -----------------------------
#
# Parsing the TOML files and building the index of every name form takes ~90 ms, most of a short
# run's start. Both are kept as checked JSON in the per-user cache (checker/cache.py) under a key made of
# the registry files and the code that builds them (path, size and modification time of each),
# so an edit to either builds them anew. Only data from rules/ and the configured registries is
# kept, never anything from a checked document.

_PRELOADED: dict[int, tuple[Registry, Any]] = {}  # id(registry) → (registry, its index)
_TO_STORE: dict[int, tuple[Registry, str, str]] = {}  # id(registry) → (registry, cache name, origin)


def _cache_name(files: list[str], local: list[str]) -> tuple[str, str]:
    """The cache entry's name (from the files' paths, sizes and times) and its origin (a
    checksum of the content of the registry files and of the code that builds the index)."""
    import hashlib
    import sys

    from .cache import _stat_stamp, code_files, code_stamp, file_digest

    stamp = [_stat_stamp([str(p) for p in paths]) for paths in (files, local)]
    key = repr((sys.version, *stamp, code_stamp())).encode("utf-8", "surrogateescape")
    return (f"agencies-{hashlib.sha256(key).hexdigest()[:24]}.json",
            file_digest([*files, *local, *code_files()]) + sys.version)


def _cached_classes() -> dict[str, type]:
    """The only classes a cache entry of the registry may hold (checker/cache.py)."""
    from .extract.agencies import Form, Index, Tok

    return {c.__name__: c for c in (Registry, Agency, Province, Place, Index, Form, Tok)}


@lru_cache(maxsize=16)
def _load(local: tuple[tuple[str, int], ...]) -> Registry:
    from .cache import read_entry

    files, extra = national_files(), [p for p, _ in local]
    name, origin = _cache_name(files, extra)
    got = read_entry(name, origin, _cached_classes())
    if isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], Registry):
        reg, index = got
        _PRELOADED[id(reg)] = (reg, index)
        return reg
    reg = build(files, extra)
    _TO_STORE[id(reg)] = (reg, name, origin)
    return reg


def cached_index(reg: Registry):
    """The matching index stored with this registry, when it came from the cache."""
    hit = _PRELOADED.get(id(reg))
    return hit[1] if hit is not None and hit[0] is reg else None


def store_index(reg: Registry, index) -> None:
    """Keep this freshly built registry and its index for the next runs."""
    todo = _TO_STORE.pop(id(reg), None)
    if todo is None or todo[0] is not reg:
        return
    from .cache import write_entry

    write_entry(todo[1], todo[2], (reg, index), _cached_classes(), columns=True)


def load(local_paths: list[str] | tuple[str, ...] = ()) -> Registry:
    """The national registry extended by the local files (absolute paths, or relative to the
    current folder). Cached per set of files and their modification times."""
    key = []
    for p in local_paths:
        p = os.path.abspath(p)
        try:
            key.append((p, os.stat(p).st_mtime_ns))
        except OSError:
            key.append((p, -1))  # parse_file reports it
    return _load(tuple(key))


def for_settings(settings: dict) -> Registry:
    """The registry a run uses: the national one plus the files of the `registries` key (the
    runner has made them absolute, relative to the configuration file)."""
    return load(tuple(settings.get("registries") or ()))


# --- well-known abbreviations (rules/abbreviations.toml) ----------------------------------------

_ABBREVIATION = {"abbr": "str", "expansion": "str", "source": "source"}


@lru_cache(maxsize=4)
def load_abbreviations(path: str | None = None) -> dict[str, str]:
    """abbreviation → expansion, from rules/abbreviations.toml (validated like the registry)."""
    from .resources import rules_path

    path = path or str(rules_path("abbreviations.toml"))
    from .cache import load_toml

    try:
        data = load_toml(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{path}: không đọc được (cannot read): {exc}") from None
    for key in data:
        if key not in ("sources", "abbreviation"):
            raise RegistryError(f"{path}: khóa lạ '{key}' (unknown key); hợp lệ: abbreviation, sources")
    sources = data.get("sources", {})
    out: dict[str, str] = {}
    for i, entry in enumerate(data.get("abbreviation", [])):
        e = _check_entry(f"{path}: [[abbreviation]] #{i + 1}", entry, _ABBREVIATION, tuple(_ABBREVIATION), sources)
        out[e["abbr"]] = e["expansion"]
    return out
