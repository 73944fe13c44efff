"""Folders and sets of files written whole or not at all: the build, the release, an extraction.

The new folder is written beside its target under a hidden name and swapped in
with renames, so a failure leaves no half-written folder and the previous one
survives until the new one is complete.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces `target`, on error it is removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging.chmod(0o755)
    try:
        yield staging
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, target: Path) -> None:
    retired = None
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        retired.rmdir()
        target.rename(retired)
    staging.rename(target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def write_files(contents: dict[Path, bytes], verify) -> None:
    """Write every file or none: each is written under a hidden name beside its target,
    `verify(path, written_path)` checks what was written (raising if it is wrong), and
    only then are they renamed into place. On any error the hidden files are removed
    and no target is touched."""
    staged: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}-new-", dir=target.parent)
            staged[target] = Path(name)
            with open(handle, "wb") as stream:
                stream.write(data)
            verify(target, staged[target])
        for target, temporary in staged.items():
            temporary.chmod(0o644)
            temporary.replace(target)
    except BaseException:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        raise
