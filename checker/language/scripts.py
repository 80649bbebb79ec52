"""Letters of other scripts inside Latin-script words (E908): Cyrillic and Greek letters drawn
like Latin ones, and characters no Vietnamese or European Latin text uses."""
from __future__ import annotations

from .. import rx as re

# Cyrillic and Greek letters drawn exactly like Latin ones
# (and the African D "Ɖ" drawn like "Đ", fullwidth Latin letters like their ASCII ones)
LOOKALIKE = dict(zip("АВЕКМНОРСТХУІЈЅаеорсхуіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοƉ",
                     "ABEKMHOPCTXYIJSaeopcxyijsdqwABEZHIKMNOPTYXoĐ"))
LOOKALIKE.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
LOOKALIKE.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
# a Latin letter: ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00ff\u0100-\u024f\u1e00-\u1eff]")
# letters that do not belong in a Latin-script Vietnamese word: Latin Extended-B (but Ơ ơ Ư ư),
# IPA, Greek, Cyrillic, Latin Extended-C/D/E and fullwidth Latin. Spacing modifier letters (the
# apostrophe-like "ʼ" of minority names) and the accented Latin letters of European languages
# (L702's "ő") are not stray.
_STRAY = re.compile(r"[\u0180-\u019f\u01a2-\u01ae\u01b1-\u024f\u0250-\u02af\u0370-\u052f\u2c60-\u2c7f"
                    r"\ua720-\ua7ff\uab30-\uab6f\uff21-\uff3a\uff41-\uff5a]")




def is_unit(word: str) -> bool:
    """A unit written with a Greek or micro prefix: "µg", "μm", "µl", "Ωm", "kΩ"."""
    if len(word) > 4:
        return False
    letters = word.replace("µ", "").replace("μ", "").replace("Ω", "")
    return len(letters) < len(word) and letters.isascii() and letters.isalpha() or (letters == "" and len(word) == 1)


def stray_letters(word: str) -> list[int]:
    """Indexes of the stray letters of a Latin-script word: none for an ordinary word, nor for a
    word with no Latin letter at all (a Russian name, a Greek "α")."""
    if word.isascii() or not _LATIN.search(word) or is_unit(word):
        return []
    return [m.start() for m in _STRAY.finditer(word)]  # one scan, not a match() per character


def may_have_stray(text: str) -> bool:
    """False when no word of `text` can have a stray letter (no character of _STRAY at all):
    the one scan that lets a paragraph be skipped without splitting it into words."""
    return _STRAY.search(text) is not None
