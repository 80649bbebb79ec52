"""Word's formatting inheritance as checker.layout.styles resolves it (table-driven), and the
formatting ops that fixes use."""
from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from checker.layout.ooxml import RPR_ORDER, w
from checker.layout.ops import set_size, set_toggle
from checker.layout.package import Package
from checker.layout.styles import StyleSheet

from .layoutbuild import notice

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'

STYLES = f"""<w:styles {W}>
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="24"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="26"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="Base"/>
    <w:pPr><w:spacing w:before="120" w:beforeAutospacing="1"/></w:pPr>
    <w:rPr><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:i/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Big"><w:name w:val="Big"/><w:basedOn w:val="Strong"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Listed"><w:name w:val="Listed"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
</w:styles>"""
THEME = f"""<a:theme {A}><a:themeElements><a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>
  <a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme>
  <a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/></a:majorFont>
  <a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"""
NUMBERING = f"""<w:numbering {W}>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:pPr><w:ind w:left="1440" w:hanging="873"/></w:pPr></w:lvl></w:abstractNum>
  <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def sheet(theme: bool = True) -> StyleSheet:
    return StyleSheet(etree.fromstring(STYLES), etree.fromstring(THEME) if theme else None, etree.fromstring(NUMBERING))


def para(style: str | None = None, ppr: str = "", run_rpr: str = "") -> tuple:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    p = etree.fromstring(f'<w:p {W}><w:pPr>{pstyle}{ppr}</w:pPr>'
                         f'<w:r><w:rPr>{run_rpr}</w:rPr><w:t>Chữ</w:t></w:r></w:p>')
    return p, p.find(w("r"))


RUN_CASES = [
    # (paragraph style, run rPr, attribute, expected value, expected origin)
    (None, "", "font", "Calibri", "defaults"),  # theme font through docDefaults
    (None, "", "size", 24, "defaults"),
    ("Base", "", "font", "Arial", "style:Base"),
    ("Derived", "", "font", "Arial", "style:Base"),  # basedOn chain
    ("Derived", "", "size", 28, "style:Derived"),  # nearest style wins
    ("Derived", '<w:sz w:val="22"/>', "size", 22, "direct"),
    ("Derived", '<w:rStyle w:val="Big"/>', "size", 32, "style:Big"),  # character style before paragraph style
    ("Base", "", "bold", True, "style:Base"),
    ("Base", '<w:rStyle w:val="Strong"/>', "bold", False, "style:Strong"),  # toggles: bold + bold = not bold
    ("Base", '<w:rStyle w:val="Big"/>', "italic", True, "style:Strong"),  # from the character style's basedOn
    ("Base", '<w:b w:val="0"/>', "bold", False, "direct"),
    (None, '<w:b/>', "bold", True, "direct"),
    (None, '<w:rFonts w:ascii="Times New Roman" w:hAnsiTheme="majorHAnsi"/>', "font", "Cambria", "direct"),
]


@pytest.mark.parametrize("style,rpr,attr,value,origin", RUN_CASES)
def test_run_properties(style, rpr, attr, value, origin):
    s = sheet()
    p, r = para(style, run_rpr=rpr)
    props = s.run_props(r, s.para_style(p))
    got = {"font": props.fonts["hAnsi"], "size": props.size, "bold": props.bold, "italic": props.italic}[attr]
    assert (got.value, got.origin) == (value, origin)


def test_builtin_defaults_when_nothing_is_set():
    s = StyleSheet(etree.fromstring(f'<w:styles {W}/>'))
    p, r = para()
    props = s.run_props(r, s.para_style(p))
    assert (props.fonts["ascii"].value, props.fonts["ascii"].origin) == ("Times New Roman", "builtin")
    assert props.size.value == 20 and props.bold.value is False
    pp = s.para_props(p)
    assert (pp.jc.value, pp.line.value, pp.line_rule.value, pp.before.value) == ("left", 240, "auto", 0)


PARA_CASES = [
    # (style, direct pPr, attribute, expected value, expected origin)
    (None, "", "after", 160, "defaults"),
    ("Derived", "", "jc", "both", "style:Base"),
    ("Derived", "", "first", 567, "style:Base"),
    ("Derived", "", "before", 280, "style:Derived"),  # "auto" spacing is 14 pt
    ("Derived", '<w:ind w:hanging="283"/>', "first", -283, "direct"),
    ("Derived", '<w:jc w:val="start"/>', "jc", "left", "direct"),
    ("Listed", "", "left", 1440, "numbering"),  # the list level's indentation (numPr from the style)
    ("Listed", "", "first", -873, "numbering"),
    (None, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>', "left", 720, "numbering"),
    (None, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr><w:ind w:left="0"/>', "left", 0, "direct"),
]


@pytest.mark.parametrize("style,ppr,attr,value,origin", PARA_CASES)
def test_paragraph_properties(style, ppr, attr, value, origin):
    s = sheet()
    p, _r = para(style, ppr=ppr)
    got = getattr(s.para_props(p), attr)
    assert (got.value, got.origin) == (value, origin)


def test_theme_colour_and_missing_theme():
    s = sheet(theme=False)
    p, r = para()
    assert s.run_props(r, s.para_style(p)).fonts["hAnsi"].value == "Times New Roman"  # no theme: built-in
    assert sheet().theme_colors["dk1"] == "000000"


def test_ops_write_run_properties_in_schema_order():
    r = etree.fromstring(f'<w:r {W}><w:rPr><w:color w:val="FF0000"/><w:lang w:val="vi-VN"/></w:rPr><w:t>x</w:t></w:r>')
    for op in (set_size(r, 24), set_toggle(r, "i", True), set_toggle(r, "b", False)):
        assert op.change(op.el)
    names = [c.tag.rsplit("}", 1)[1] for c in r.find(w("rPr"))]
    assert names == sorted(names, key=RPR_ORDER.index) == ["b", "i", "color", "sz", "lang"]
    assert r.find(w("rPr")).find(w("b")).get(w("val")) == "0"
    assert not set_size(r, 24).change(r)  # nothing left to change
    assert r.find(w("t")).text == "x"


def test_package_rewrites_only_touched_parts():
    raw = notice().to_bytes()
    pkg = Package(raw)
    assert pkg.to_bytes() == raw  # nothing touched: the very same bytes
    sect = pkg.sections[0].sect_pr
    sect.find(w("pgMar")).set(w("left"), "1800")
    pkg.touch(sect)
    new = zipfile.ZipFile(io.BytesIO(pkg.to_bytes()))
    old = zipfile.ZipFile(io.BytesIO(raw))
    assert new.namelist() == old.namelist()
    changed = [n for n in old.namelist() if old.read(n) != new.read(n)]
    assert changed == ["word/document.xml"]
