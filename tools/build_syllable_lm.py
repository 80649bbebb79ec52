#!/usr/bin/env python3
"""Builds rules/lm/syllables.bin, the compact syllable table of the language rules L705 and L706,
from the syllable counts in ../shared/lm (unigrams.tsv.gz, bigrams.tsv.gz; see its README).

    python tools/build_syllable_lm.py [--lm ../shared/lm] [--out rules/lm/syllables.bin]

What is kept: the well-formed Vietnamese syllables (checker.language.syllables) with their counts,
lower case, both tone styles merged ("hoà" = "hòa"); the bigrams of two such syllables (count ≥ 3,
as in the source), their counts rounded to a byte on a log scale (within 4%). Names, English
words and crawl debris are left out. The format is read by checker/language/lm.py:

    b"RSLM1\\n"                      magic
    b"<n_syllables> <n_bigrams> <text_bytes>\\n"
    text_bytes of UTF-8: n_syllables lines "syllable count\\n" (the line number is the id)
    b"%8d" n_variants
    (n_syllables + 1) × uint32 LE    where the variants of syllable i start (checker.language.lm.neighbours)
    n_variants × uint16 LE           the variants' ids
    n_bigrams × uint32 little-endian  keys id1 << 16 | id2, sorted
    n_bigrams × uint8                 round(ln(count) × 14)
"""
from __future__ import annotations

import argparse
import array
import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.language.lm import neighbours  # noqa: E402
from checker.language.syllables import is_syllable  # noqa: E402
from checker.textnorm import tone_neutral  # noqa: E402

SCALE = 14


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lm", default=str(ROOT.parent / "shared" / "lm"))
    ap.add_argument("--out", default=str(ROOT / "rules" / "lm" / "syllables.bin"))
    a = ap.parse_args(argv)
    lm = Path(a.lm)
    uni: dict[str, int] = {}
    with gzip.open(lm / "unigrams.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w, c = line.rstrip("\n").split("\t")
            if w.isalpha() and is_syllable(w):
                k = tone_neutral(w)
                uni[k] = uni.get(k, 0) + int(c)
    words = sorted(uni, key=lambda w: (-uni[w], w))
    if any(not is_syllable(w) for w in words):  # L702 takes a word of the table as well formed
        raise SystemExit("a tone-neutral key is not a well-formed syllable")
    if len(words) >= 1 << 16:
        raise SystemExit("too many syllables for 16-bit ids")
    ids = {w: i for i, w in enumerate(words)}
    bi: dict[int, int] = {}
    with gzip.open(lm / "bigrams.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            pair, c = line.rstrip("\n").split("\t")
            x, _, y = pair.partition(" ")
            i, j = ids.get(tone_neutral(x)), ids.get(tone_neutral(y))
            if i is None or j is None:
                continue
            key = i << 16 | j
            bi[key] = bi.get(key, 0) + int(c)
    starts, var_ids = array.array("I", [0]), array.array("H")
    for w in words:
        var_ids.extend(ids[v] for v in neighbours(w, lambda k: uni.get(k, 0)))
        starts.append(len(var_ids))
    keys = array.array("I", sorted(bi))
    counts = array.array("B", (min(255, round(math.log(bi[k]) * SCALE)) for k in keys))
    if sys.byteorder != "little":
        keys.byteswap()
        starts.byteswap()
        var_ids.byteswap()
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as o:
        o.write(b"RSLM1\n")
        text = "".join(f"{w} {uni[w]}\n" for w in words).encode("utf-8")
        o.write(f"{len(words)} {len(keys)} {len(text)}\n".encode())
        o.write(text)
        o.write(f"{len(var_ids):8d}".encode("ascii"))
        o.write(starts.tobytes())
        o.write(var_ids.tobytes())
        o.write(keys.tobytes())
        o.write(counts.tobytes())
    print(f"{out}: {len(words)} syllables, {len(var_ids)} variants, {len(keys)} bigrams, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
