"""`build`: load every input file, reason, and store the result for later commands."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable

from rdflib import Graph

from .errors import KgtoolError, ReasoningError
from .load import load_dataset
from .project import Project, find_project
from .reason import owl_rl_closure
from .stats import summarise
from .store import Build, write_build

Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_record(project: Project, path: Path, triples: int) -> dict:
    return {
        "path": path.relative_to(project.root).as_posix(),
        "graph": str(project.graph_name(path)),
        "triples": triples,
        "sha256": _digest(path),
    }


def build(
    root: Path | str | None = None,
    build_dir: Path | str | None = None,
    progress: Progress = _quiet,
) -> Build:
    """Load the ontology, vocabularies and graphs of a project, compute the OWL 2 RL
    closure with owlrl, and write asserted and inferred data to the build folder.

    Raises InputError for a malformed or unreadable file and ReasoningError when
    the closure is inconsistent; in both cases the previous build is left intact.
    """
    started = time.perf_counter()
    project = find_project(root)
    target = Path(build_dir) if build_dir else project.build_dir
    files = project.input_files()
    if not files:
        raise KgtoolError(f"{project.root} has no Turtle files in ontology/ or graphs/")

    progress(f"loading {len(files)} files")
    dataset = load_dataset(files, project.graph_name)
    asserted = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        asserted.add((s, p, o))

    progress(f"reasoning over {len(asserted):,} triples (OWL 2 RL)")
    closure = owl_rl_closure(asserted)
    if not closure.consistent:
        shown = "; ".join(closure.inconsistencies[:3])
        more = len(closure.inconsistencies) - 3
        raise ReasoningError(
            f"the data is inconsistent under the ontology: {shown}"
            + (f" (and {more} more)" if more > 0 else "")
        )

    summary = summarise(dataset, asserted, closure.inferred)
    summary["files"] = [
        _file_record(project, path, len(dataset.graph(project.graph_name(path)))) for path in files
    ]
    summary["seconds"] = round(time.perf_counter() - started, 2)
    progress(f"writing {target}")
    write_build(target, dataset, closure.inferred, summary)
    return Build(target)


def open_build(root: Path | str | None = None, build_dir: Path | str | None = None) -> Build:
    """The last build of a project, for reading."""
    target = Path(build_dir) if build_dir else find_project(root).build_dir
    return Build.open(target)


def changed_inputs(result: Build, project: Project) -> list[str]:
    """Input files added, removed or edited since the build was made, by path."""
    built = {record["path"]: record["sha256"] for record in result.summary.get("files", [])}
    now = {path.relative_to(project.root).as_posix(): path for path in project.input_files()}
    changed = [name for name, path in now.items() if built.get(name) != _digest(path)]
    return sorted(changed + [name for name in built if name not in now])
