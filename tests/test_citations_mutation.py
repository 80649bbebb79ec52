"""Mutation test: every correct citation in ../shared (a citation with a number-symbol and no C5xx
finding, in the seeds, corpus/other and corpus/notices) is broken in four ways, and the C5xx rules
must flag the broken citation:

- type swapped: the type name replaced by another whose abbreviation differs ("Nghị quyết số
  68/NQ-CP" → "Quyết định số 68/NQ-CP"; a Party "Nghị quyết số 03-NQ/TU" → "Kết luận số 03-NQ/TU";
  "Nghị quyết số 163/2024/QH15" → "Quyết định số …"). Only where the symbol can tell: it carries a
  type code, a year (normative format) or an issuer that issues only some types (QH, UBTVQH). A
  công văn symbol ("6225/BVHTTDL-VP") names no type: swapping its type name is not detectable.
- date made impossible: the day and month set to 30/02 ("ngày 30/02/2018", "ngày 30 tháng 02 năm …").
- year changed: the date's year one less when the symbol carries a year (C503); otherwise the
  date's (or the symbol's) year set after the document's own year (C506). Not applicable when
  neither the citation nor the document has a year to compare with.
- separators broken: a space after the number's separator ("68/ NQ-CP", "03- NQ/TU"); and, for
  symbols with two codes or more, a slash where the hyphen belongs ("68/NQ/CP") or, in a Party
  symbol, a hyphen where the slash belongs ("03-NQ-TU").

The figure is flagged / applied over all mutations; it must be at least 95%.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.document import Document, load_path
from checker.engine import select_rules
from checker.extract.citations import citations, document_date, document_year, extract_paragraph, link

from .conftest import CORPUS, SEEDS, needs_shared


def _files():
    out = sorted(SEEDS.glob("*.txt"))
    for sub in ("other", "notices"):
        if (CORPUS / sub).is_dir():
            out += sorted((CORPUS / sub).glob("*.txt"))
    return out


def _hits(doc, rules):
    out = []
    for r in rules:
        out.extend(r.func(doc))
    return out


SWAP_STATE = {"quyet-dinh": "Nghị quyết", "nghi-quyet": "Quyết định", "nghi-dinh": "Quyết định", "thong-tu": "Quyết định",
              "chi-thi": "Quyết định", "ke-hoach": "Quyết định", "bao-cao": "Tờ trình", "to-trinh": "Báo cáo",
              "thong-bao": "Kế hoạch", "cong-dien": "Chỉ thị", "chuong-trinh": "Kế hoạch", "ket-luan": "Quyết định",
              "luat": "Quyết định", "giay-phep": "Quyết định", "phuong-an": "Kế hoạch", "huong-dan": "Kế hoạch",
              "nghi-quyet-lien-tich": "Quyết định", "thong-tu-lien-tich": "Quyết định"}
SWAP_PARTY = {"nghi-quyet": "Kết luận", "ket-luan": "Nghị quyết", "chi-thi": "Kết luận", "ke-hoach": "Nghị quyết",
              "chuong-trinh": "Nghị quyết", "thong-bao": "Kết luận", "bao-cao": "Kết luận", "cong-van": "Nghị quyết"}


def _case(like: str, new: str) -> str:
    return new.upper() if like.isupper() else new


def mutations(c, doc_year):
    """(kind, start, end, replacement) edits of the paragraph text that break citation `c`."""
    text = c.para.text
    out = []
    # type swapped
    if c.type_span and c.type_from == "name":
        table = SWAP_PARTY if c.style == "party" else SWAP_STATE
        new = table.get(c.type_key)
        detectable = bool(c.type_code) or bool(c.year) or any(re.fullmatch(r"(?:UBTV)?QH\d*", x) for x in c.issuer_codes)
        if new and detectable and c.type_key != "cong-van":
            out.append(("type swapped", *c.type_span, _case(text[c.type_span[0]:c.type_span[1]], new)))
    # date made impossible
    if c.date is not None and c.date.valid:
        d0, d1 = c.date_span
        dt_text = text[d0:d1]
        m = re.search(r"(\d{1,2})(\s*[/.\-]\s*)(\d{1,2})", dt_text) or re.search(r"(\d{1,2})(\s+tháng\s+)(\d{1,2})", dt_text, re.I)
        if m:
            bad = dt_text[:m.start(1)] + "30" + m.group(2) + "02" + dt_text[m.end(3):]
            out.append(("date made impossible", d0, d1, bad))
    # year changed
    if c.date is not None and c.date.valid and c.date.year:
        d0, d1 = c.date_span
        dt_text = text[d0:d1]
        y = str(c.date.year)
        i = dt_text.rfind(y)
        if c.year:
            out.append(("year changed", d0 + i, d0 + i + 4, str(c.date.year - 1)))
        elif doc_year:
            out.append(("year changed", d0 + i, d0 + i + 4, str(doc_year + 1)))
    elif c.year and doc_year:
        s0 = c.symbol_span[0]
        i = text.find("/" + str(c.year), s0, c.symbol_span[1]) + 1
        out.append(("year changed", i, i + 4, str(doc_year + 1)))
    # separators broken
    s0, s1 = c.symbol_span
    sym = text[s0:s1]
    first_sep = re.search(r"[/\-]", sym)
    out.append(("separators broken", s0 + first_sep.end(), s0 + first_sep.end(), " "))
    codes_part = sym.split("/")[-1] if c.style == "state" else sym
    if c.style == "party" and c.issuer_codes:
        k = sym.index("/")
        out.append(("separators broken", s0 + k, s0 + k + 1, "-"))
    elif c.style == "state" and "-" in codes_part:
        j = sym.rfind("/") + 1 + codes_part.index("-")
        out.append(("separators broken", s0 + j, s0 + j + 1, "/"))
    return out


def run(files=None):
    rules = select_rules(["C5"])
    tally: dict[str, list[int]] = {}
    missed = []
    correct = 0
    for path in files or _files():
        doc = load_path(path)
        cits = citations(doc)
        document_date(doc)
        doc_year = document_year(doc)
        bad_idx = {h.data.get("citation") for h in _hits(doc, rules)}
        for c in list(cits):
            if not c.symbol or c.index in bad_idx:
                continue
            correct += 1
            for kind, a, b, new in mutations(c, doc_year):
                para = c.para
                text = para.text[:a] + new + para.text[b:]
                offs = list(para.offsets[:a]) + [para.offsets[min(a, len(para.offsets) - 1)]] * len(new) + list(para.offsets[b:])
                np = replace(para, text=text, offsets=offs)
                paras = list(doc.paragraphs)
                paras[para.index] = np
                mdoc = Document(doc.source, paras, doc.options)
                mdoc.__dict__["structure"] = doc.structure
                mdoc.cache.update({k: v for k, v in doc.cache.items() if k != "citations"})
                new_cits = [x for x in cits if x.para is not para]
                here = extract_paragraph(np)
                pos = next((k for k, x in enumerate(new_cits) if x.para.index > para.index), len(new_cits))
                mdoc.cache["citations"] = link(new_cits[:pos] + here + new_cits[pos:])
                lo, hi = min(c.start, a), max(c.end, a + len(new))
                hit = any(h.para is np and h.start < hi and (h.end or h.start) >= lo for h in _hits(mdoc, rules))
                t = tally.setdefault(kind, [0, 0])
                t[1] += 1
                t[0] += hit
                if not hit:
                    missed.append((path.name, kind, para.text[max(0, c.start):c.end][:70], text[max(0, c.start):hi + 2][:80]))
        link(cits)  # restore the links of the original document
    return correct, tally, missed


@needs_shared
def test_mutations_of_correct_citations_are_flagged():
    correct, tally, missed = run()
    flagged = sum(t[0] for t in tally.values())
    applied = sum(t[1] for t in tally.values())
    report = "; ".join(f"{k}: {a}/{b}" for k, (a, b) in sorted(tally.items()))
    print(f"\n{correct} correct citations, {applied} mutations, {flagged} flagged ({flagged / applied:.1%}); {report}")
    for m in missed[:40]:
        print("  missed:", m)
    assert correct >= 300
    assert all(b > 0 for _, b in tally.values()) and len(tally) == 4
    assert flagged / applied >= 0.95, report
