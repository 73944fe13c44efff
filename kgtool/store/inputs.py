"""What a build was made from: a record of each input file, and which files changed since."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..project import Project


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_record(project: Project, path: Path, triples: int) -> dict:
    """What a build records of one input file: where it is, its graph, how many triples
    it gave, and what identifies its content (digest, size, modification time)."""
    stat = path.stat()
    return {
        "path": path.relative_to(project.root).as_posix(),
        "graph": str(project.graph_name(path)),
        "triples": triples,
        "sha256": _digest(path),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def changed_inputs(result, project: Project) -> list[str]:
    """Input files added, removed or edited since the build `result` was made, by path.
    A file whose size and modification time are as recorded is not read again (a
    thousand files are checked in milliseconds); any other is compared by its SHA-256."""
    built = {record["path"]: record for record in result.summary.get("files", [])}
    now = {path.relative_to(project.root).as_posix(): path for path in project.input_files()}
    changed = [name for name, path in now.items() if name not in built or not _unchanged(built[name], path)]
    return sorted(changed + [name for name in built if name not in now])


def _unchanged(record: dict, path: Path) -> bool:
    stat = path.stat()
    if (record.get("size"), record.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
        return True
    return record["sha256"] == _digest(path)
