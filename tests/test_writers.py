"""Every writer is atomic, never writes over an input of the run, keeps mode, owner and links,
honours the umask, refuses read-only files, and never loses an edit saved during the run
(issue 14, items 4–6 and 12)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import unicodedata

import pytest

from tests.conftest import run_cli

NFD = unicodedata.normalize("NFD", "THÔNG BÁO\nVề việc họp giao ban tháng 8\nCác phòng chuẩn bị báo cáo.\n")


def _draft(folder, name="draft.txt"):
    p = folder / name
    p.write_text(NFD, encoding="utf-8")  # E902: fixable by --fix
    return p


def _is_nfc(p) -> bool:
    t = p.read_text(encoding="utf-8")
    return t == unicodedata.normalize("NFC", t)


def test_outputs_never_replace_an_input(tmp_path):
    d = _draft(tmp_path)
    before = d.read_bytes()
    code, _, err = run_cli("tasks", d, "-o", d)
    assert code == 2 and "đầu vào" in err and d.read_bytes() == before
    code, _, err = run_cli("baseline", tmp_path, "-o", d)
    assert code == 2 and d.read_bytes() == before
    link = tmp_path / "link.txt"
    os.symlink(d, link)
    code, _, _ = run_cli("tasks", d, "-o", link)  # the same file through a link
    assert code == 2 and d.read_bytes() == before and link.is_symlink()


def test_format_and_annotate_refuse_to_overwrite_their_input(tmp_path):
    from tests.docxbuild import DocxBuilder

    b = DocxBuilder()
    b.para("**THÔNG BÁO**", align="center")
    b.para("Về việc họp giao ban")
    src = tmp_path / "x.docx"
    b.save(src)
    before = src.read_bytes()
    code, _, err = run_cli("format", src, "-o", src)
    assert code == 2 and src.read_bytes() == before
    link = tmp_path / "in.docx"
    os.symlink(src, link)  # annotate in.docx -o x.docx where in.docx → x.docx
    code, _, err = run_cli("annotate", link, "-o", src)
    assert code == 2 and src.read_bytes() == before


def test_new_outputs_follow_the_umask(tmp_path):
    d = _draft(tmp_path)
    old = os.umask(0o022)
    try:
        code, _, _ = run_cli("tasks", d, "-o", tmp_path / "out.csv")
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o644


def test_fix_keeps_mode_and_hard_links_and_refuses_read_only_files_and_symlinks(tmp_path):
    keep = _draft(tmp_path, "keep.txt")
    os.chmod(keep, 0o640)
    ro = _draft(tmp_path, "ro.txt")
    os.chmod(ro, 0o444)
    (tmp_path / "real").mkdir()
    real = _draft(tmp_path / "real", "real.txt")
    sym = tmp_path / "sym.txt"
    os.symlink(real, sym)
    hard = _draft(tmp_path, "hard.txt")
    os.link(hard, tmp_path / "hard2.txt")
    code, out, err = run_cli("check", keep, ro, sym, hard, "--fix", "--select", "E902", "--format", "json")
    assert code == 2  # some files could not be written
    assert _is_nfc(keep) and stat.S_IMODE(keep.stat().st_mode) == 0o640
    assert not _is_nfc(ro) and stat.S_IMODE(ro.stat().st_mode) == 0o444
    assert sym.is_symlink() and not _is_nfc(real)
    # the hard-linked draft is fixed in its own inode: both names show the fixed text
    assert _is_nfc(hard) and os.path.samefile(hard, tmp_path / "hard2.txt") and hard.stat().st_nlink == 2
    assert (tmp_path / "hard2.txt").read_bytes() == hard.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and "rasoat" in p.name]  # no backup left
    import json

    by_path = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(out)["files"]}
    assert by_path[str(keep)] == [] and by_path[str(hard)] == []
    for p in (ro, sym):
        assert "E907" in by_path[str(p)], by_path


def test_an_edit_saved_during_fix_is_kept(tmp_path):
    from checker.fixer import fix_results
    from checker.runner import RunSettings, check_many

    d = _draft(tmp_path)
    s = RunSettings(select=["E902"])
    results = check_many([str(d)], s, jobs=1, keep_documents=True)  # as check --fix keeps them
    d.write_text(NFD + "Dòng mới lưu trong lúc rasoat chạy.\n", encoding="utf-8")  # the user saves
    fix_results(results, s, unsafe=False, write=True, show_diff=False, lang="vi")
    assert "Dòng mới" in d.read_text(encoding="utf-8")
    assert [x.code for x in results[0].diagnostics][-1] == "E907" and results[0].failed


@pytest.mark.skipif(not hasattr(os, "setrlimit") and sys.platform != "linux", reason="needs RLIMIT_FSIZE")
def test_a_full_disk_leaves_the_previous_output_intact(tmp_path):
    """RLIMIT_FSIZE makes every write past 1 KiB fail as a full disk would."""
    d = _draft(tmp_path)
    d.write_text(NFD + "".join(f"{i}. Sở Tài chính chủ trì, báo cáo trước ngày 15/8/2024.\n" for i in range(1, 80)),
                 encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("previous,content\n", encoding="utf-8")

    def limit():
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    env = dict(os.environ, RASOAT_NO_CACHE="1")
    r = subprocess.run([sys.executable, "-m", "checker.cli", "tasks", str(d), "-o", str(out), "--format", "csv"],
                       capture_output=True, text=True, preexec_fn=limit, env=env, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert out.read_text(encoding="utf-8") == "previous,content\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rasoat-")]  # no temporary left


def test_a_hard_linked_draft_edited_during_fix_is_kept(tmp_path):
    from checker.fixer import fix_results
    from checker.runner import RunSettings, check_many

    d = _draft(tmp_path)
    os.link(d, tmp_path / "other-name.txt")
    s = RunSettings(select=["E902"])
    results = check_many([str(d)], s, jobs=1, keep_documents=True)
    d.write_text(NFD + "Dòng mới lưu trong lúc rasoat chạy.\n", encoding="utf-8")
    fix_results(results, s, unsafe=False, write=True, show_diff=False, lang="vi")
    assert "Dòng mới" in (tmp_path / "other-name.txt").read_text(encoding="utf-8") and not _is_nfc(d)
    assert [x.code for x in results[0].diagnostics][-1] == "E907"


def test_outputs_are_not_written_into_a_hard_linked_file_unless_in_place(tmp_path):
    d = _draft(tmp_path)
    out = tmp_path / "out.txt"
    out.write_text("kept\n", encoding="utf-8")
    os.link(out, tmp_path / "out-link.txt")
    code, _, err = run_cli("convert", d, "-o", out)
    assert code == 2 and "hard links" in err and out.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.skipif(not hasattr(os, "setrlimit") and sys.platform != "linux", reason="needs RLIMIT_FSIZE")
def test_a_full_disk_while_a_hard_linked_file_grows_leaves_it_intact(tmp_path):
    """The growth is written first, past the old end: when the disk is full (RLIMIT_FSIZE), no old
    byte has changed, the links are kept and no backup is left behind."""
    d = tmp_path / "draft.txt"
    original = ("Nội dung cũ của dự thảo.\n" * 30).encode("utf-8")  # ~800 bytes, under the 1 KiB limit
    d.write_bytes(original)
    os.link(d, tmp_path / "link.txt")
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
            "from checker.writefile import write_file\n"
            "try:\n"
            f"    write_file({str(d)!r}, b'x' * 4000, in_place=True)\n"
            "except OSError as exc:\n"
            "    print('refused', exc.errno)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "refused" in r.stdout, r.stderr
    assert d.read_bytes() == original and os.path.samefile(d, tmp_path / "link.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "link.txt"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_one_unwritable_folder_does_not_hide_the_other_results(tmp_path):
    (tmp_path / "ro").mkdir()
    a = _draft(tmp_path / "ro")
    b = _draft(tmp_path, "b.txt")
    os.chmod(tmp_path / "ro", 0o555)
    try:
        code, out, _ = run_cli("check", a, b, "--fix", "--select", "E902", "--format", "json")
    finally:
        os.chmod(tmp_path / "ro", 0o755)
    assert code == 2 and _is_nfc(b) and not _is_nfc(a)
    assert '"E907"' in out
