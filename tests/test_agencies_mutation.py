"""Acceptance 2 of the agency checks: single typos in every registered name that occurs in the real
documents of ../shared are flagged with the right suggestion, at least 95% of them.

The names: every registered full name (not abbreviations) that the matcher finds written exactly
in ../shared/seeds and ../shared/corpus. The typos: drop one diacritic, change one diacritic,
drop a letter, swap two neighbouring letters, double a letter, change the case of a word. A
mutant that is itself a correct form (another registered spelling, the other tone-mark style)
is not a typo and is left out. Each mutant is checked in a sentence of a task
("Giao <name> chủ trì, phối hợp thực hiện."); it counts as caught when a finding covers it and
suggests the original name.

Run with `pytest -s tests/test_agencies_mutation.py` to see the figure per kind of typo.
"""
from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pytest

from checker.document import load_path
from checker.extract.agencies import index_for, mentions, scan_paragraph
from checker.registry import load
from checker.textnorm import nfc, tone_neutral

from .conftest import CORPUS, SEEDS, needs_shared

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
PER_KIND = 4  # mutants of each kind per name (a random sample, fixed seed)


@dataclass
class Para:  # what scan_paragraph needs of a paragraph
    text: str
    index: int = 0


def real_documents():
    files = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*/*.txt"))
    return [f for f in files if f.name[:3].isdigit()]


def names_in_documents() -> list[str]:
    """Registered full names (and variants) written exactly somewhere in the real documents."""
    found = set()
    for f in real_documents():
        for m in mentions(load_path(f)):
            if m.kind == "agency" and m.verdict == "exact" and not m.upper and not m.item:
                forms = {e.name for e in m.entries} | {v for e in m.entries for v in e.variants}
                scoped = {f"{b} {s}" for e in m.entries for b in (e.name, *e.variants) for s in e.scopes}
                if m.official in forms | scoped:
                    found.add(m.official)
    return sorted(found)


def _decomposed_letters(word: str) -> list[str]:
    return [unicodedata.normalize("NFD", c) for c in word]


def mutants(name: str) -> dict[str, list[str]]:
    """Every single typo of each kind (positions enumerated, all of them)."""
    out: dict[str, list[str]] = {k: [] for k in ("drop-diacritic", "change-diacritic", "drop-letter",
                                                 "swap-letters", "double-letter", "change-case")}
    chars = list(name)
    for i, c in enumerate(chars):
        d = unicodedata.normalize("NFD", c)
        base, marks = d[0], d[1:]
        for k, mark in enumerate(marks):
            out["drop-diacritic"].append(nfc("".join(chars[:i]) + base + marks[:k] + marks[k + 1:] + "".join(chars[i + 1:])))
            if mark in TONES:
                vowel = "".join(x for x in marks if x in MARKS)  # the vowel mark first, then the tone
                for other in TONES:
                    if other != mark:
                        out["change-diacritic"].append(nfc("".join(chars[:i]) + base + vowel + other + "".join(chars[i + 1:])))
        if c in "đĐ":
            out["drop-diacritic"].append("".join(chars[:i]) + ("d" if c == "đ" else "D") + "".join(chars[i + 1:]))
        if c.isalpha():
            out["drop-letter"].append("".join(chars[:i] + chars[i + 1:]))
            out["double-letter"].append("".join(chars[:i + 1] + [c] + chars[i + 1:]))
            if i + 1 < len(chars) and chars[i + 1].isalpha() and chars[i + 1] != c:
                out["swap-letters"].append("".join(chars[:i] + [chars[i + 1], c] + chars[i + 2:]))
    words = name.split(" ")
    for i, w in enumerate(words):
        if w[:1].isalpha():
            flipped = (w[0].lower() if w[0].isupper() else w[0].upper()) + w[1:]
            out["change-case"].append(" ".join(words[:i] + [flipped] + words[i + 1:]))
    return out


def correct_forms(ix) -> set[str]:
    """Every correct spelling (tone-mark style aside): a mutant equal to one is no typo."""
    return {tone_neutral(f.text) + "|" + "".join(c for c in f.text if c.isupper())
            for keys in ix.by_key.values() for fs in keys.values() for f in fs}


def caught(ix, name: str, mutant: str) -> bool:
    text = f"Giao {mutant} chủ trì, phối hợp thực hiện."
    start, end = 5, 5 + len(mutant)
    for m in scan_paragraph(ix, Para(text)):
        if m.start < end and start < m.end and m.verdict != "exact":
            if m.official == name or m.suggestion == name:
                return True
    return False


@needs_shared
def test_single_typos_in_real_names_are_flagged_with_the_right_suggestion():
    ix = index_for(load())
    names = names_in_documents()
    assert len(names) >= 40, names  # the documents name many registered bodies
    correct = correct_forms(ix)
    rng = random.Random(4)
    total, hits = Counter(), Counter()
    missed = []
    for name in names:
        for kind, ms in mutants(name).items():
            ms = [m for m in dict.fromkeys(ms) if m != name
                  and tone_neutral(m) + "|" + "".join(c for c in m if c.isupper()) not in correct]
            for m in rng.sample(ms, min(PER_KIND, len(ms))):
                total[kind] += 1
                if caught(ix, name, m):
                    hits[kind] += 1
                else:
                    missed.append((name, m))
    n, k = sum(total.values()), sum(hits.values())
    rate = k / n
    print(f"\nagency mutation test: {len(names)} names, {n} single typos, {k} flagged with the right "
          f"suggestion = {rate:.1%}")
    for kind in total:
        print(f"  {kind:17} {hits[kind]:4}/{total[kind]:<4} {hits[kind] / total[kind]:.1%}")
    print("  missed (first 25):", "; ".join(f"{m!r} ({n!r})" for n, m in missed[:25]))
    assert rate >= 0.95


@pytest.mark.parametrize("name,kind,count", [
    ("Sở Công Thương", "change-case", 3),
    ("Hạt Kiểm lâm", "drop-letter", 10),
    ("Sở Y tế", "swap-letters", 2),
])
def test_mutants_are_enumerated(name, kind, count):
    assert len(mutants(name)[kind]) == count
