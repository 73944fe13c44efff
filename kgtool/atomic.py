"""Folders and sets of files written whole or not at all: the build, the release, an extraction.

The new folder is written beside its target under a hidden name and swapped in
with renames, so a failure leaves no half-written folder and the previous one
survives until the new one is complete.

A folder is replaced only when kgtool made it (it holds a marker file naming the
tool, its version and what the folder is) or when it is empty or absent: a path
typed by mistake (the checkout, the graphs, someone's notes) is refused, never
deleted.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .errors import OutputError

MARKER = ".kgtool-output"
# Folders written before the marker existed are recognised by holding nothing but
# what kgtool writes there.
_LEGACY_ENTRIES = {"build": {"store", "store.nq", "answers", "summary.json"}}


@contextmanager
def staged_folder(target: Path, kind: str, protected: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target`, on error it is removed.

    `kind` names what the folder is ("build", "release"); a `target` that exists must
    be empty or a folder of that kind kgtool made. `protected` folders (the project's
    sources, the build) may be neither the target, nor inside it, nor hold it.
    Raises OutputError, touching nothing, when the target is refused or not writable.
    """
    target = Path(os.path.abspath(target))
    check_target(target, kind, protected)
    with _writing(target):
        staging = _make_staging(target)
    try:
        with _writing(target):  # the disk may fill, or the folder turn read-only, while writing
            _write_marker(staging, kind)
            yield staging
            _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_target(target: Path, kind: str, protected: Iterable[Path]) -> None:
    """Raise OutputError if `target` may not be replaced by a folder of `kind` (see
    staged_folder, which checks it again); for a command to refuse before long work."""
    target = Path(os.path.abspath(target))
    real = Path(os.path.realpath(target))  # realpath, not resolve(): a link loop is not an error here
    for folder in protected:
        folder = Path(os.path.realpath(folder))
        if real == folder or folder in real.parents:
            clash = f"it is {folder} or inside it"
        elif real in folder.parents:
            clash = f"it holds {folder}"
        else:
            continue
        raise OutputError(
            f"refusing to write the {kind} to {target}: {clash}, which kgtool must not replace; "
            "choose a new or empty folder elsewhere"
        )
    if not target.exists() and not target.is_symlink():
        return
    if not target.exists():
        raise OutputError(f"refusing to write the {kind} to {target}: it is a symbolic link that leads nowhere "
                          "or round in a loop")
    if not target.is_dir():
        raise OutputError(f"refusing to write the {kind} to {target}: it is a file, not a folder")
    names = sorted(entry.name for entry in target.iterdir())
    made = made_by_kgtool(target)
    if names and made != kind:
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        what = f"a kgtool {made}, not a {kind}" if made else f"files kgtool did not make ({shown})"
        raise OutputError(
            f"refusing to replace {target}: it holds {what}; "
            f"choose a new or empty folder for the {kind}, or move them away"
        )


def made_by_kgtool(folder: Path) -> str | None:
    """What kind of folder kgtool wrote `folder` as ("build", "release"), or None."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        names = {entry.name for entry in folder.iterdir()}
        legacy = (kind for kind, entries in _LEGACY_ENTRIES.items() if "summary.json" in names and names <= entries)
        return next(legacy, None)
    if isinstance(marker, dict) and marker.get("tool") == "kgtool":
        return marker.get("kind")
    return None


def _write_marker(folder: Path, kind: str) -> None:
    marker = {"tool": "kgtool", "version": __version__, "kind": kind}
    (folder / MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")


def _make_staging(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{os.getpid()}-", dir=target.parent))
    staging.chmod(0o755)
    return staging


def _remove_abandoned(target: Path) -> None:
    """Remove the staging and retired folders of runs that were killed before they could."""
    for stage in ("new", "old"):
        prefix = f".{target.name}-{stage}-"
        for sibling in target.parent.glob(prefix + "*"):
            pid = sibling.name[len(prefix) :].split("-")[0]
            if pid.isdigit() and not _alive(int(pid)) and sibling.is_dir() and not sibling.is_symlink():
                shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, and someone else's
        pass
    return True


# Why the system may refuse a write: a read-only file system, a folder not ours, a full
# disk or quota, a folder in use, a file where a folder should be, a name too long.
_REFUSALS = (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EBUSY,
             errno.ENOTDIR, errno.EEXIST, errno.ENAMETOOLONG)


@contextmanager
def _writing(target: Path, outcome: str = "") -> Iterator[None]:
    """Turn the system's refusal to write `target` (or a file beside or in it) into one
    sentence, ending with `outcome` (what was and was not written) when given."""
    try:
        yield
    except OSError as error:
        if error.errno not in _REFUSALS:
            raise
        reason = os.strerror(error.errno).lower()
        where = Path(error.filename or target.parent)
        hidden = [part for part in (where, *where.parents) if part.name.startswith(f".{target.name}-")]
        if hidden:  # a file in our hidden staging folder: its name means nothing to a reader
            where = hidden[-1].parent
        shown = "" if where == target else f" ({where})"
        then = f"; {outcome}" if outcome else ""
        raise OutputError(f"cannot write {target}: {reason}{shown}{then}") from None


def _swap_in(staging: Path, target: Path) -> None:
    retired = None
    with _signals_held():  # between the two renames there is no target: Ctrl-C must wait
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-{os.getpid()}-", dir=target.parent))
            retired.rmdir()
            target.rename(retired)
        staging.rename(target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (Python's handlers run in the main thread whichever
    thread the system chose) until the block ends, then act on one that came."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {number: signal.signal(number, lambda number, _: held.append(number))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if held:
            signal.raise_signal(held[0])


def write_files(contents: dict[Path, bytes], verify) -> None:
    """Write every file or none: each is written under a hidden name beside its target,
    `verify(path, written_path)` checks what was written (raising if it is wrong), and
    only then are they renamed into place. On any error the hidden files are removed
    and no target is touched."""
    staged: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            with _writing(target, "nothing was written"):
                target.parent.mkdir(parents=True, exist_ok=True)
                handle, name = tempfile.mkstemp(prefix=f".{target.name}-new-", dir=target.parent)
                staged[target] = Path(name)
                with open(handle, "wb") as stream:
                    stream.write(data)
            verify(target, staged[target])
        for target, temporary in staged.items():
            with _writing(target):
                temporary.chmod(0o644)
                temporary.replace(target)
    except BaseException:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        raise
