"""Every file rasoat writes goes through write_file(): --fix, annotate, format, convert, tasks -o,
baseline -o, citations -o.

- atomic: the bytes go to a temporary file in the same folder, flushed to disk, then renamed over
  the target; an interrupted run or a full disk leaves the previous file as it was;
- never over an input of the run (compared as resolved paths and as device + inode) unless the
  caller says the write is in place (--in-place, --fix);
- a replaced file keeps its mode and owner; a new file gets 0666 minus the umask (as `>` in a
  shell), not mkstemp's 0600;
- refused, with a message, when the target is a symbolic link (the link would become a regular
  file), is read-only, belongs to another user who cannot be given it back, or — with `expect` —
  changed since it was read (an edit saved during the run is never lost);
- a file with other hard links, written in place (--fix, --in-place), keeps them: a rename would
  split the links, so the new bytes are copied into the same inode instead (_write_into_inode):
  the original is first saved to a backup file beside it and the file checked unchanged since
  it was read; growth is written first past the old end (a full disk then fails before any old
  byte is touched); the copy runs with Ctrl-C, SIGTERM and SIGHUP held back; any write error
  puts the original bytes back. Only a kill -9 or a crash during the copy itself (microseconds
  to milliseconds for a draft) can leave a mixed file, and then the backup
  ('.NAME.rasoat-backup', named in the message) still holds the original. Not in place (-o), a
  hard-linked target is refused: the other names would silently see a different document.

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
    if st.st_nlink > 1 and not in_place:
        raise _refuse(path, f"tệp có {st.st_nlink} liên kết cứng (hard link); chỉ ghi vào nó khi được yêu cầu ghi đè.",
                      f"it has {st.st_nlink} hard links; it is only written to when asked to overwrite it.")
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
    if old is not None and old.st_nlink > 1:
        _write_into_inode(path, data, expect)
        return
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


BACKUP_SUFFIX = ".rasoat-backup"


def backup_path(path: str) -> str:
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, "." + name + BACKUP_SUFFIX)


def _write_all(fd: int, data, offset: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view, offset = view[n:], offset + n


def _write_into_inode(path: str, data: bytes, expect: Stamp | None) -> None:
    """Replace the content of a hard-linked file in its own inode (see the module doc)."""
    import signal

    fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    backup = None
    try:
        st = os.fstat(fd)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        original = b"".join(chunks)
        if expect is not None and (st.st_size != expect.size or st.st_mtime_ns != expect.mtime_ns
                                   or hashlib.sha256(original).hexdigest() != expect.sha256):
            raise _refuse(path, "tệp đã bị sửa sau khi rasoat đọc nó; không ghi đè (chạy lại để sửa).",
                          "the file changed after rasoat read it; not overwritten (run again to fix it).")
        if original == data:
            return
        backup = backup_path(path)
        bfd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            _write_all(bfd, original, 0)
            os.fsync(bfd)
        except BaseException:
            os.close(bfd)
            os.unlink(backup)
            raise
        os.close(bfd)
        held = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, held) if hasattr(signal, "pthread_sigmask") else None
        try:
            old_size = len(original)
            try:
                if len(data) > old_size:  # growth first: a full disk fails before any old byte changes
                    _write_all(fd, memoryview(data)[old_size:], old_size)
                _write_all(fd, memoryview(data)[:old_size], 0)
                os.ftruncate(fd, len(data))
                os.fsync(fd)
            except OSError:
                try:
                    _write_all(fd, original, 0)
                    os.ftruncate(fd, old_size)
                    os.fsync(fd)
                except OSError:
                    backup = None  # keep it: it is the only whole copy of the original
                    raise _refuse(path, f"ghi không trọn; bản gốc còn nguyên trong '{backup_path(path)}'.",
                                  f"the write failed half-way; the original is kept in '{backup_path(path)}'.") from None
                raise
        finally:
            if mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a held Ctrl-C is delivered now
    finally:
        os.close(fd)
        if backup is not None:
            try:
                os.unlink(backup)
            except OSError:
                pass


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
