"""`rasoat convert FILE -o OUT`: a Unicode copy of a draft typed in a legacy encoding.

    rasoat convert draft.txt -o draft-unicode.txt     TCVN3 / VNI / NFD text → UTF-8 NFC
    rasoat convert draft.txt -o -                     the converted text on stdout
    rasoat convert draft.docx -o draft-unicode.docx   runs in .Vn* / VNI-* fonts → Unicode,
                                                      font set to Times New Roman
    rasoat convert draft.txt --in-place               replace the file itself (asked for)

Text files: the bytes are read as UTF-8 (or UTF-16 with a byte-order mark); text that is not
UTF-8, or UTF-8 that shows legacy characters ("Th«ng b¸o", "Thoâng baùo"), is recognised as
TCVN3 or VNI (or named with --from) and converted; everything is recomposed to NFC. The copy is
UTF-8 (with a byte-order mark if the original had one) and keeps the original's line breaks.
.docx files: every run whose font is a TCVN3 (.VnTime, .VnTimeH …) or VNI (VNI-Times …) font is
converted and set to Times New Roman (Nghị định 30/2020, Phụ lục I, Mục I.4); all text is
recomposed to NFC; nothing else changes.

The original is never modified unless --in-place is given; every write goes to a temporary file
in the target folder that is then renamed over the target (checker.fix.atomic_write). Exit code
0 on success, 2 when the input cannot be read or converted (with a message, no traceback, no
file written). Refused (exit 2): a file already in Unicode NFC (nothing to convert), UTF-8 with
a few stray bytes (not a legacy encoding: `check` says where the bytes are), and any conversion
whose result reads less Vietnamese than its input — the share of its words, over the whole
text, that are Vietnamese syllables (rules/lm) does not grow (encodings.less_vietnamese).
"""
from __future__ import annotations

import codecs
import io
import os
import sys
import unicodedata
from dataclasses import dataclass
from typing import Optional

import typer

from ..encodings import NAMES, decode_legacy_bytes, decode_8bit, detect_legacy, legacy_font, less_vietnamese, to_unicode
from ..messages import die as _die

UNICODE_FONT = "Times New Roman"


class ConvertError(Exception):
    def __init__(self, vi: str, en: str):
        super().__init__(vi)
        self.vi, self.en = vi, en

    def __str__(self) -> str:
        from ..messages import say

        return say(self.vi, self.en)


class NothingToConvert(ConvertError):
    def __init__(self):
        super().__init__("đã là Unicode dựng sẵn (NFC), không có gì để chuyển; không ghi tệp nào",
                         "already Unicode NFC, nothing to convert; no file written")


def _refuse_worse(before: str, after: str, enc: str) -> None:
    """A conversion whose result reads less Vietnamese than its input (over the whole text) is
    refused: the input was not in that encoding (Unicode, or UTF-8 with stray bytes)."""
    worse = less_vietnamese(before, after)
    if worse is not None:
        b, a = (round(100 * x) for x in worse)
        raise ConvertError(f"chuyển từ {NAMES.get(enc, enc)} làm văn bản kém tiếng Việt hơn ({b}% → {a}% âm tiết "
                           f"tiếng Việt): văn bản không gõ bằng bảng mã đó; không chuyển, không ghi tệp nào",
                           f"converting from {NAMES.get(enc, enc)} makes the text less Vietnamese ({b}% → {a}% "
                           f"Vietnamese syllables): it is not in that encoding; not converted, no file written")


@dataclass
class Converted:
    data: bytes
    encoding: str | None  # the legacy encoding found ("tcvn3", "vni") or None
    changed: int  # lines (text) or runs (.docx) changed
    nfd: bool = False  # decomposed text was recomposed


# ------------------------------------------------------------------ text

def convert_text_bytes(raw: bytes, force: str | None = None) -> Converted:
    """The UTF-8 NFC bytes of a text file, converted from TCVN3/VNI when it is legacy text."""
    bom = b""
    if raw.startswith(codecs.BOM_UTF8):
        bom, body, codec = codecs.BOM_UTF8, raw[3:], "utf-8"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom, body, codec = codecs.BOM_UTF8, raw, "utf-16"
    else:
        body, codec = raw, "utf-8"
    enc = None
    try:
        text = original = body.decode(codec)
    except UnicodeDecodeError:
        original = decode_8bit(body)
        if force:
            text, enc = to_unicode(original, force), force
        else:
            found = decode_legacy_bytes(body)
            if found is None:
                raise ConvertError("không phải văn bản UTF-8, TCVN3 hay VNI; dùng --from tcvn3|vni nếu biết bảng mã",
                                   "not UTF-8, TCVN3 or VNI text; use --from tcvn3|vni if you know the encoding") from None
            text, enc = found
    else:
        enc = force or detect_legacy(text, min_words=3)
        if enc:
            text = to_unicode(text, enc)
    if text.startswith("\ufeff"):
        text, original = text[1:], original[1:]
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFC", original) != original
    if enc:
        _refuse_worse(unicodedata.normalize("NFC", original), nfc, enc)
    elif not nfd:
        raise NothingToConvert()
    changed = sum(1 for a, b in zip(original.splitlines(), nfc.splitlines()) if a != b)
    return Converted(bom + nfc.encode("utf-8"), enc, changed, nfd)


# ------------------------------------------------------------------ .docx

def _style_font(style) -> str | None:
    while style is not None:
        if style.font is not None and style.font.name:
            return style.font.name
        style = style.base_style
    return None


def _default_font(document) -> str | None:
    from docx.oxml.ns import qn

    el = document.styles.element
    rpr = el.find(qn("w:docDefaults"))
    if rpr is None:
        return None
    fonts = rpr.find(".//" + qn("w:rFonts"))
    return fonts.get(qn("w:ascii")) if fonts is not None else None


def _set_font(run, name: str) -> None:
    from docx.oxml.ns import qn

    run.font.name = name
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def _paragraphs(document):
    """Every paragraph of the body, tables (nested too), headers and footers."""
    def walk(container):
        for p in container.paragraphs:
            yield p
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    yield from walk(cell)

    yield from walk(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            if part is not None and not part.is_linked_to_previous:
                yield from walk(part)


def convert_docx_bytes(raw: bytes, force: str | None = None) -> Converted:
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ConvertError("python-docx không được cài đặt", "python-docx is not installed") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - any failure to open is a bad input
        raise ConvertError(f"không mở được tệp .docx: {type(exc).__name__}", f"cannot open the .docx: {type(exc).__name__}") from None
    default = _default_font(document)
    changed = 0
    encs: set[str] = set()
    nfd = False
    # The elements themselves, not their id(): a freed proxy's id is reused by the next one, which
    # would then be skipped (and left in the legacy font).
    seen: set = set()
    before: list[str] = []
    after: list[str] = []
    for p in _paragraphs(document):
        if p._element in seen:
            continue  # a merged table cell is visited once per grid cell
        seen.add(p._element)
        pfont = _style_font(p.style) or default
        for run in p.runs:
            name = run.font.name or (_style_font(run.style) if run.style is not None else None) or pfont
            font = legacy_font(name)
            text = run.text
            enc = font[0] if font else force
            new = text
            if enc:
                new = to_unicode(text, enc, upper=bool(font and font[1]))
            composed = unicodedata.normalize("NFC", new)
            nfd = nfd or composed != new
            if composed != text or font:
                if enc and composed != text:
                    before.append(unicodedata.normalize("NFC", text))
                    after.append(composed)
                run.text = composed
                if font:
                    _set_font(run, UNICODE_FONT)
                    encs.add(font[0])
                elif enc:
                    encs.add(enc)
                changed += 1
    if encs:
        _refuse_worse("\n".join(before), "\n".join(after), ",".join(sorted(encs)))
    elif not changed:
        raise NothingToConvert()
    out = io.BytesIO()
    document.save(out)
    return Converted(out.getvalue(), ",".join(sorted(encs)) or None, changed, nfd)


# ------------------------------------------------------------------ command

def register(app: typer.Typer) -> None:
    @app.command("convert")
    def convert_command(
        path: str = typer.Argument(..., help="Tệp cần chuyển (.txt, .md, .docx)."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Tệp kết quả ('-': in ra stdout, chỉ với văn bản)."),
        in_place: bool = typer.Option(False, "--in-place", help="Ghi đè lên chính tệp gốc (chỉ khi được yêu cầu rõ)."),
        from_: Optional[str] = typer.Option(None, "--from", help="Bảng mã nguồn: tcvn3 | vni (mặc định: tự nhận biết)."),
    ):
        """Ghi một bản Unicode (UTF-8, NFC; phông Times New Roman cho .docx) của văn bản gõ bằng bảng mã TCVN3, VNI
        hoặc Unicode tổ hợp. Không sửa tệp gốc trừ khi có --in-place."""
        from ..fix import atomic_write

        if from_ not in (None, "tcvn3", "vni"):
            _die(f"--from không hợp lệ: {from_!r} (tcvn3 | vni)", f"invalid --from: {from_!r} (tcvn3 | vni)")
        if in_place and output:
            _die("dùng --in-place hoặc -o TỆP_MỚI, không dùng cả hai", "use either --in-place or -o OUT, not both")
        if not in_place and not output:
            _die("cần -o TỆP_MỚI (tệp kết quả) hoặc --in-place (ghi đè tệp gốc)", "give -o OUT, or --in-place to replace the file")
        if not os.path.isfile(path):
            _die(f"{path}: không tìm thấy tệp", f"{path}: no such file")
        target = path if in_place else output
        if not in_place and output != "-" and os.path.exists(output) and os.path.samefile(output, path):
            _die(f"{output}: là chính tệp gốc; dùng --in-place để ghi đè", f"{output}: is the input itself; use --in-place")
        docx_file = path.lower().endswith(".docx")
        if docx_file and output == "-":
            _die("không in .docx ra stdout; dùng -o TỆP_MỚI", "a .docx cannot go to stdout; use -o OUT")
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            _die(f"{path}: không đọc được: {exc.strerror}", f"{path}: cannot read: {exc.strerror}")
        try:
            result = convert_docx_bytes(raw, from_) if docx_file else convert_text_bytes(raw, from_)
        except ConvertError as exc:
            _die(f"{path}: {exc}")
        if output == "-":
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is not None:
                buffer.write(result.data)
            else:  # a text stream (tests, embedding)
                sys.stdout.write(result.data.decode("utf-8-sig"))
            sys.stdout.flush()
        else:
            from ..writefile import Stamp, WriteRefused

            try:
                atomic_write(target, result.data, inputs=[path], in_place=in_place,
                             expect=Stamp.of_bytes(path, raw) if in_place else None)
            except WriteRefused as exc:
                _die(f"{exc.get('vi')} / {exc.get('en')}")
            except OSError as exc:
                _die(f"{target}: không ghi được: {exc.strerror}", f"{target}: cannot write: {exc.strerror}")
        from ..messages import say

        dest = target if output != "-" else "stdout"
        if result.encoding:
            what = ", ".join(NAMES.get(e, e) for e in result.encoding.split(","))
            unit = ("run", "runs") if docx_file else ("dòng", "lines")
            typer.echo(say(f"rasoat: {path}: đã chuyển từ {what} sang Unicode ({result.changed} {unit[0]} thay đổi) → {dest}",
                           f"rasoat: {path}: converted from {what} to Unicode ({result.changed} {unit[1]} changed) → {dest}"),
                       err=True)
        else:  # NFD recomposed (text already in Unicode NFC was refused: NothingToConvert)
            typer.echo(say(f"rasoat: {path}: đã đưa Unicode tổ hợp về dạng dựng sẵn (NFC) → {dest}",
                           f"rasoat: {path}: recomposed to NFC → {dest}"), err=True)
