"""The worst inputs the default limits accept (issue 14, items 7–9), each checked by a fresh
`rasoat check` process, with its wall time, CPU time and peak memory (RSS) against the bounds:
≤ 30 s of CPU time and ≤ 300 MiB per input on the default limits. (CPU time, because the wall time
on a shared machine measures the other processes too; on an idle machine the two are close.)

    python bench/hostile.py [--rasoat .venv/bin/rasoat] [--only NAME] [--keep DIR]

Exit code 1 when an input is over a bound. The inputs are built in a temporary folder (nothing is
committed); the README's "reliability" section quotes this script's figures.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MAX_SECONDS = 30.0
MAX_RSS_MIB = 300.0
TEXT_BYTES = 10 * 1024 * 1024 - 64 * 1024  # just under the default max-file-bytes (10 MiB)
LINE = 199_000  # just under the default max-line-chars

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _fill(unit: str, size: int = TEXT_BYTES) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def text_citations() -> bytes:
    return _fill("Nghị quyết số 1/\n").encode("utf-8")


def text_ignore_comments() -> bytes:
    return _fill("<!-- rasoat: ignore N401 -->\n").encode("utf-8")


def text_dash_lines() -> bytes:
    return ("- a\n" * 1_000_000).encode("utf-8")


def text_parentheses() -> bytes:
    line = "(" * LINE + "\n"
    return _fill(line).encode("utf-8")


def text_one_paragraph_of_words() -> bytes:
    """No newline but every 150k characters: a few huge paragraphs of ordinary words."""
    words = "Sở Tài chính chủ trì phối hợp với các sở ngành báo cáo UBND tỉnh trước ngày 15/8/2024 "
    line = (words * (150_000 // len(words))) + "\n"
    return _fill(line).encode("utf-8")


# ---- .docx ------------------------------------------------------------------------------------

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '{extra}</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def _package(document: str, parts: dict[str, str] | None = None, doc_rels: str = "", extra_types: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(extra=extra_types))
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f"{doc_rels}</Relationships>")
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def _document(paragraphs: str, sect: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W} {R}><w:body>'
            f"{paragraphs}{sect}</w:body></w:document>")


def docx_numbering_label_bomb() -> bytes:
    """lvlText of 100,000 × "%1" used by 1,000 paragraphs (36 KB packed)."""
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 100_000}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    para = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>'
    rels = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
            'Target="numbering.xml"/>')
    types = ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.numbering+xml"/>')
    return _package(_document(para * 1000), {"word/numbering.xml": numbering}, rels, types)


_WORDS = ("Sở Tài chính chủ trì phối hợp với các sở ngành báo cáo Ủy ban nhân dân tỉnh trước ngày tháng năm "
          "theo Kế hoạch số Quyết định Nghị quyết Thông báo kết luận của Chủ tịch về việc triển khai thực hiện "
          "nhiệm vụ Văn phòng huyện xã phường thị trấn giao ban tuần").split()


def _words(rnd, n: int) -> str:
    """n words drawn at random (text that compresses like a real document, ~5:1, not 1000:1)."""
    return " ".join(rnd.choice(_WORDS) + (str(rnd.randrange(100)) if rnd.random() < 0.1 else "") for _ in range(n))


PARAS = 29_000  # just under the default max-paragraphs (30,000)


def docx_many_paragraphs() -> bytes:
    """29,000 paragraphs of a dozen words (just under the default max-paragraphs)."""
    import random

    rnd = random.Random(7)
    body = "".join(f"<w:p><w:r><w:t>{_words(rnd, 12)}.</w:t></w:r></w:p>" for _ in range(PARAS))
    return _package(_document(body))


def docx_big_headers() -> bytes:
    """Four header parts of ~15.5 MiB each (under the 16 MiB per-part and 64 MiB total limits, and
    compressing less than the 100:1 ratio limit)."""
    import random

    rnd = random.Random(8)
    body = '<w:p><w:r><w:t>THÔNG BÁO</w:t></w:r></w:p>'
    target = int(15.5 * 1024 * 1024)
    runs, size = [], 0
    while size < target - 4096:
        run = f"<w:r><w:t>{_words(rnd, 40)} </w:t></w:r>"
        runs.append(run)
        size += len(run.encode("utf-8"))
    header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p>' + "".join(runs) + "</w:p></w:hdr>"
    parts, rels, types, refs = {}, "", "", ""
    for i in range(1, 5):
        parts[f"word/header{i}.xml"] = header
        rels += (f'<Relationship Id="rIdH{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 f'relationships/header" Target="header{i}.xml"/>')
        types += (f'<Override PartName="/word/header{i}.xml" ContentType="application/vnd.openxmlformats-'
                  'officedocument.wordprocessingml.header+xml"/>')
        kind = ("default", "first", "even", "default")[i - 1]
        refs += f'<w:headerReference w:type="{kind}" r:id="rIdH{i}"/>'
    return _package(_document(body, f"<w:sectPr>{refs}</w:sectPr>"), parts, rels, types)


def _fill_lines(unit: str, lines: int = PARAS) -> bytes:
    """`lines` lines (under the max-paragraphs limit) filling just under the 10 MiB limit."""
    per = max(1, (TEXT_BYTES // lines) // len(unit.encode("utf-8")))
    return ((unit * per).rstrip() + "\n").encode("utf-8") * lines


CASES = {
    "text-citations": ("9.9 MB of 'Nghị quyết số 1/' lines (refused: too many lines)", text_citations, ".txt"),
    "text-ignore-comments": ("9.9 MB of ignore comments (refused: too many lines)", text_ignore_comments, ".txt"),
    "text-dash-lines": ("1,000,000 '- a' lines (refused: too many lines)", text_dash_lines, ".txt"),
    "text-citations-29k": ("29,000 lines full of 'Nghị quyết số 1/'", lambda: _fill_lines("Nghị quyết số 1/ "), ".txt"),
    "text-ignore-29k": ("29,000 lines full of ignore comments",
                        lambda: _fill_lines("<!-- rasoat: ignore N401 --> "), ".txt"),
    "text-dash-29k": ("29,000 '- a' lines", lambda: b"- a\n" * PARAS, ".txt"),
    "text-parentheses": ("9.9 MB of '(' in 199k-character lines", text_parentheses, ".txt"),
    "text-long-paragraphs": ("9.9 MB of words in 150k-character paragraphs", text_one_paragraph_of_words, ".txt"),
    "docx-label-bomb": ("numbering lvlText of 100,000 × %1, 1,000 paragraphs", docx_numbering_label_bomb, ".docx"),
    "docx-29k-paragraphs": ("29,000 paragraphs", docx_many_paragraphs, ".docx"),
    "docx-big-headers": ("four 15.5 MiB header parts", docx_big_headers, ".docx"),
}


def measure(rasoat: str, path: Path, timeout: float) -> tuple[float, float, float, int, str]:
    """(wall s, CPU s, peak RSS MiB, exit code, last stderr line) of one `rasoat check` process."""
    env = dict(os.environ)
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        p = subprocess.run([rasoat, "check", "--quiet", "--format", "json", str(path)], capture_output=True,
                           env=env, timeout=timeout)
        code, err = p.returncode, p.stderr.decode("utf-8", "replace").strip().splitlines()
    except subprocess.TimeoutExpired:
        code, err = -1, ["timeout"]
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = after.ru_maxrss / 1024  # KiB on Linux; the largest of any child so far
    return wall, cpu, rss, code, (err[-1][:90] if err else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rasoat", default=shutil.which("rasoat") or "rasoat")
    ap.add_argument("--only", action="append", help="run only these cases")
    ap.add_argument("--keep", help="write the inputs into this folder and keep them")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    names = args.only or list(CASES)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="rasoat-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    over = 0
    print(f"{'input':<22} {'size':>9} {'wall s':>7} {'cpu s':>7} {'RSS MiB':>8}  exit  result")
    try:
        for name in names:
            what, build, suffix = CASES[name]
            path = folder / (name + suffix)
            data = build()
            path.write_bytes(data)
            # each case in its own interpreter so that ru_maxrss is this case's peak
            cmd = [sys.executable, __file__, "--rasoat", args.rasoat, "--timeout", str(args.timeout), "--_one", str(path)]
            out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().split("\t")
            wall, cpu, rss, code = float(out[0]), float(out[1]), float(out[2]), int(out[3])
            last = out[4] if len(out) > 4 else ""
            ok = cpu <= MAX_SECONDS and rss <= MAX_RSS_MIB and code in (0, 1, 2)
            over += not ok
            print(f"{name:<22} {len(data) / 1e6:>7.1f}MB {wall:>7.1f} {cpu:>7.1f} {rss:>8.0f}  {code:>4}  "
                  f"{'ok' if ok else 'OVER'}  {last}")
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"bounds: ≤ {MAX_SECONDS:g} s CPU and ≤ {MAX_RSS_MIB:g} MiB per input; {over} over")
    return 1 if over else 0


if __name__ == "__main__":
    if "--_one" in sys.argv:
        i = sys.argv.index("--_one")
        rasoat = sys.argv[sys.argv.index("--rasoat") + 1]
        timeout = float(sys.argv[sys.argv.index("--timeout") + 1])
        w, c, r, code, last = measure(rasoat, Path(sys.argv[i + 1]), timeout)
        print(f"{w:.2f}\t{c:.2f}\t{r:.1f}\t{code}\t{last}")
        sys.exit(0)
    sys.exit(main())
