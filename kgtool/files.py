"""Reading the files people give kgtool: the one place where the system's and the
decoder's complaints become an `InputError` naming the file and, where there is
one, the line.

A Turtle file, a saved query or a plan graph may be a symbolic link that leads
nowhere or in a circle, a folder, a pipe that never ends, a file nobody may
read, or text in another encoding (GBK, GB18030) or with a byte-order mark:
each is one sentence, never a traceback or a hang.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import InputError

BOM = b"\xef\xbb\xbf"


def check_readable(path: Path | str) -> None:
    """Raise InputError unless `path` is a regular file this process may read; a pipe or
    a device is refused before it is opened, since reading it may never end."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise InputError(path, _unreadable(path, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "is not a regular file (a pipe, socket or device); give a file")
    if not os.access(path, os.R_OK):
        raise InputError(path, "cannot be read: permission denied")


def _unreadable(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"is a symbolic link to {os.readlink(path)}, which does not exist"
    if error.errno == errno.ENOENT:
        return "no such file"
    if error.errno == errno.ELOOP:
        return "is a symbolic link that leads round in a loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot be read ({error.strerror or error})"


def read_bytes(path: Path | str) -> bytes:
    """The bytes of a file, or InputError saying in one sentence why it cannot be read."""
    path = Path(path)
    check_readable(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(path, _unreadable(path, error)) from None


def decode_utf8(path: Path | str, data: bytes) -> str:
    """`data` as UTF-8 text, or InputError naming the line of the first byte that is not
    UTF-8 (a GBK file) or saying the file starts with a byte-order mark."""
    if data.startswith(BOM):
        raise InputError(
            path, "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one "
            "(Turtle and query files are read as plain UTF-8)", line=1,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8")) + 1
        raise InputError(
            path, f"is not UTF-8 text: byte {data[error.start]:#04x} at column {column} is not UTF-8 "
            "(saved as GBK or GB18030? convert it, e.g. iconv -f GB18030 -t UTF-8)", line=line,
        ) from None


def read_utf8(path: Path | str) -> str:
    """The text of a UTF-8 file (Turtle, SPARQL), or InputError with the file and line."""
    return decode_utf8(path, read_bytes(path))
