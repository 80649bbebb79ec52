"""Odd but valid (or half-broken) Word packages: the P rules never crash (no E999), format_docx
never raises and never changes the text."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from checker import Options, check_file
from checker.document import load_path
from checker.layout.fix import format_docx

from .layoutbuild import notice


def rewrite(raw: bytes, edits: dict[str, callable], drop: tuple[str, ...] = ()) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


def sub(pattern: str, repl: str):
    return lambda s: re.sub(pattern, repl, s)


DOC, STYLES, SETTINGS = "word/document.xml", "word/styles.xml", "word/settings.xml"
CASES = {
    "no styles part": ({}, (STYLES,)),
    "no settings part": ({}, (SETTINGS,)),
    "no theme part": ({}, ("word/theme/theme1.xml",)),
    "no header part": ({}, ("word/header1.xml",)),
    "no numbering part": ({}, ("word/numbering.xml",)),
    "no sectPr": ({DOC: sub(r"<w:sectPr.*?</w:sectPr>", "")}, ()),
    "pgSz without sizes": ({DOC: sub(r'<w:pgSz [^>]*/>', "<w:pgSz/>")}, ()),
    "no pgMar": ({DOC: sub(r'<w:pgMar [^>]*/>', "")}, ()),
    "garbage numbers": ({DOC: lambda s: s.replace('w:val="28"', 'w:val="abc"').replace('w:left="1701"', 'w:left="x"')
                         .replace('w:before="120"', 'w:before="-5"')}, ()),
    "unknown styles": ({DOC: lambda s: s.replace("<w:pPr>", '<w:pPr><w:pStyle w:val="Nowhere"/>', 3)
                        .replace("<w:rPr>", '<w:rPr><w:rStyle w:val="Missing"/>', 3)}, ()),
    "style basedOn loop": ({STYLES: lambda s: s.replace('<w:name w:val="Normal"/>',
                                                        '<w:name w:val="Normal"/><w:basedOn w:val="Normal"/>')}, ()),
    "missing list": ({DOC: lambda s: s.replace("<w:pPr>", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="77"/>'
                                                          '</w:numPr>', 5)}, ()),
    "header rel to nowhere": ({"word/_rels/document.xml.rels": sub(r'Target="header1.xml"', 'Target="gone.xml"')}, ()),
    "colours": ({DOC: lambda s: s.replace("<w:rPr>", '<w:rPr><w:color w:val="zz" w:themeColor="accent9"/>', 4)}, ()),
    "half-open field": ({"word/header1.xml": sub(r'<w:fldChar w:fldCharType="end"/>', "")}, ()),
}


@pytest.fixture(scope="module")
def base() -> bytes:
    return notice(can_cu=True).to_bytes()


@pytest.mark.parametrize("name", list(CASES))
def test_odd_packages_never_break_layout_rules(base, name):
    edits, drop = CASES[name]
    raw = rewrite(base, edits, drop)
    res = check_file("odd.docx", Options(), select=["P"], data=raw)
    if res.kind == "unreadable":
        return  # the reader refused it (E903): nothing for layout to do
    assert "E999" not in [d.code for d in res.diagnostics], [d.message.en for d in res.diagnostics]
    fixed, _n = format_docx(raw, res.document)
    after = load_path("fixed.docx", data=fixed)
    assert after.source.text == res.document.source.text
    assert format_docx(fixed, after)[1] == 0
