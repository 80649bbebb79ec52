"""What the capitalisation rule (L707) needs to know: the syllables that begin or belong to names.

A capital letter mid-sentence is right in a name (Phụ lục II, Mục II–V). The syllables that names
are made of come from the rule data: the capitalised syllables of the bodies of the agency
registry (rules/agencies: "Sở", "Văn phòng", "Công an", "Thể thao", "Xây dựng"…), every syllable of its provinces and places
("Huế", "Tân Lập"), and rules/language.toml [name_syllables] (the nouns Phụ lục II, V capitalises
on their own: Nhân dân, Nhà nước, Đảng, Tổ quốc, Bác, Người; document types; titles).
"""
from __future__ import annotations

from ..textnorm import tone_neutral

_cache: dict[int, frozenset[str]] = {}


def name_syllables(registry) -> frozenset[str]:
    """tone_neutral forms of the syllables that begin or belong to a name (for this registry)."""
    key = id(registry)
    if key not in _cache:
        from .lexicon import language_data

        words: set[str] = set()
        for a in registry.agencies:
            for form in (a.name, *a.variants):
                words.update(w for w in form.split() if w[:1].isupper() and not w.isupper())
        for p in (*registry.provinces, *registry.places):
            words.update(p.name.split())
        words.update(language_data()["name_syllables"])
        _cache.clear()
        _cache[key] = frozenset(map(tone_neutral, words))  # once per distinct word
    return _cache[key]
