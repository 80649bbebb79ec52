"""Every file rasoat writes goes through write_file(): --fix, annotate, format, convert, tasks -o,
baseline -o, citations -o.

- atomic: the bytes go to a temporary file in the same folder, flushed to disk, then renamed over
  the target; an interrupted run or a full disk leaves the previous file as it was;
- never over an input of the run (compared as resolved paths and as device + inode) unless the
  caller says the write is in place (--in-place, --fix);
- a replaced file keeps its mode and owner; a new file gets 0666 minus the umask (as `>` in a
  shell), not mkstemp's 0600;
- refused, with a message, when the target is a symbolic link (the link would become a regular
  file), has other hard links (they would be split), is read-only, belongs to another user who
  cannot be given it back, or — with `expect` — changed since it was read (an edit saved during
  the run is never lost).

A refusal is a WriteRefused with a message in Vietnamese and English; callers report it for that
file and go on with the others.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass

from .diagnostics import Msg


class WriteRefused(Exception):
    def __init__(self, msg: Msg):
        super().__init__(msg.en)
        self.msg = msg

    def get(self, lang: str) -> str:
        return self.msg.get(lang)


@dataclass(frozen=True)
class Stamp:
    """What a file was when it was read: size, modification time and content hash."""
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: str, data: bytes) -> "Stamp | None":
        try:
            st = os.stat(path)
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _identity(path: str) -> tuple[str, tuple[int, int] | None]:
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
        return real, (st.st_dev, st.st_ino)
    except OSError:
        return real, None


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (through links, relative parts, hard links)."""
    ra, ia = _identity(a)
    rb, ib = _identity(b)
    return ra == rb or (ia is not None and ia == ib)


def _refuse(path: str, vi: str, en: str) -> WriteRefused:
    return WriteRefused(Msg(f"không ghi '{path}': {vi}", f"not writing '{path}': {en}"))


def check_target(path: str, inputs=(), in_place: bool = False) -> None:
    """Raise WriteRefused when `path` must not be written (see the module doc)."""
    if not in_place:
        for src in inputs:
            if src and src != "-" and same_file(path, src):
                raise _refuse(path, "đây là một tệp đầu vào của lần chạy này (dùng --in-place để ghi đè).",
                              "it is an input of this run (use --in-place to overwrite it).")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _refuse(path, f"không xem được tệp ({exc.strerror}).", f"cannot stat it ({exc.strerror}).") from None
    if stat.S_ISLNK(st.st_mode):
        raise _refuse(path, "đây là một liên kết tượng trưng (symlink); hãy chạy trên tệp thật.",
                      "it is a symbolic link; run on the file it points to.")
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, "không phải một tệp thông thường.", "not a regular file.")
    if st.st_nlink > 1:
        raise _refuse(path, f"tệp có {st.st_nlink} liên kết cứng (hard link); ghi lại sẽ tách chúng.",
                      f"it has {st.st_nlink} hard links, which rewriting would split.")
    if not os.access(path, os.W_OK) or not (st.st_mode & 0o222):
        raise _refuse(path, "tệp chỉ đọc.", "the file is read-only.")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid() and os.geteuid() != 0:
        raise _refuse(path, "tệp thuộc người dùng khác (chủ sở hữu sẽ bị đổi).",
                      "it belongs to another user (its owner would change).")


def write_file(path: str, data: bytes, inputs=(), in_place: bool = False, expect: Stamp | None = None) -> None:
    """Write `data` to `path` atomically, keeping mode and owner; see the module doc.
    Raises WriteRefused (nothing written) or OSError (nothing written: the old file is intact)."""
    check_target(path, inputs, in_place)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=".rasoat-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown") and (old.st_uid, old.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, old.st_uid, old.st_gid)
                except OSError:
                    try:  # the group at least, when the user is a member of it
                        os.chown(tmp, -1, old.st_gid)
                    except OSError:
                        pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if expect is not None:
            _check_unchanged(path, expect)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _check_unchanged(path: str, expect: Stamp) -> None:
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        digest, st = "", None
    if st is None or st.st_size != expect.size or st.st_mtime_ns != expect.mtime_ns or digest != expect.sha256:
        raise _refuse(path, "tệp đã bị sửa sau khi rasoat đọc nó; không ghi đè (chạy lại để sửa).",
                      "the file changed after rasoat read it; not overwritten (run again to fix it).")


def write_text_output(path: str, text: str, inputs=(), encoding: str = "utf-8") -> None:
    """An output file (-o) of a report: never an input of the run."""
    write_file(path, text.encode(encoding), inputs=inputs, in_place=False)
