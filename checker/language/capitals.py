"""What the capitalisation rule (L707) needs to know: the syllables that begin or belong to names.

A capital letter mid-sentence is right in a name (Phụ lục II, Mục II–V). The syllables that names
are made of come from the rule data: the capitalised syllables of the bodies of the agency
registry (rules/agencies: "Sở", "Văn phòng", "Công an", "Thể thao", "Xây dựng"…), every syllable of its provinces and places
("Huế", "Tân Lập"), and rules/language.toml [name_syllables] (the nouns Phụ lục II, V capitalises
on their own: Nhân dân, Nhà nước, Đảng, Tổ quốc, Bác, Người; document types; titles).
"""
from __future__ import annotations

from ..textnorm import tone_neutral

_cache: dict[int, "NameSyllables"] = {}


class NameSyllables:
    """The syllables of names as written in the rule data (no per-run normalisation of the whole
    registry: a word is looked up as written, in each tone style, and only then normalised)."""

    def __init__(self, raw: set[str], listed: frozenset[str]):
        self._raw = raw
        self._listed = listed

    def __contains__(self, word: str) -> bool:
        if word in self._raw or word[:1].lower() + word[1:] in self._raw:
            return True
        from .syllables import restyle

        if restyle(word, "òa") in self._raw or restyle(word, "oà") in self._raw:
            return True
        return tone_neutral(word) in self._listed


def name_syllables(registry) -> NameSyllables:
    """The syllables that begin or belong to a name (for this registry), to test a capitalised
    word as written (`"Sở" in name_syllables(reg)`)."""
    key = id(registry)
    if key not in _cache:
        from .lexicon import language_data

        import unicodedata

        # one NFC pass over all the names at once (the text is NFC), no per-word normalisation
        forms = unicodedata.normalize("NFC", "\n".join(f for a in registry.agencies for f in (a.name, *a.variants)))
        words = {w for w in forms.split() if w[:1].isupper() and not w.isupper()}
        words.update(unicodedata.normalize("NFC", " ".join(p.name for p in (*registry.provinces, *registry.places))).split())
        _cache.clear()
        _cache[key] = NameSyllables(words, frozenset(map(tone_neutral, language_data()["name_syllables"])))
    return _cache[key]
