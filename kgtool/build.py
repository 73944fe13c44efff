"""`build`: load every input file, reason, and store the result for later commands."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pyoxigraph import Store

from . import __version__
from .atomic import staged_folder
from .errors import BuildMissingError, KgtoolError, ReasoningError
from .load import read_quads
from .namespaces import INFERRED_GRAPH
from .progress import Progress, quiet
from .project import Project, find_project
from .queries import answer_saved_queries
from .reason import materialise, owl_rl_closure
from .stats import summarise
from .store import SUMMARY_FILE, Build, save_store, write_answer, write_summary

REASONERS = ("rules", "owlrl")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_record(project: Project, path: Path, triples: int) -> dict:
    stat = path.stat()
    return {
        "path": path.relative_to(project.root).as_posix(),
        "graph": str(project.graph_name(path)),
        "triples": triples,
        "sha256": _digest(path),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def build(
    root: Path | str | None = None,
    build_dir: Path | str | None = None,
    progress: Progress = quiet,
    reasoner: str = "rules",
) -> Build:
    """Load the ontology, vocabularies and graphs of a project into an Oxigraph store,
    derive the OWL 2 RL entailments the ontology uses (`reasoner="rules"`, kgtool's
    own rules; `"owlrl"`, the reference reasoner, much slower), and write the build.

    Raises InputError for a malformed or unreadable file and ReasoningError when
    the closure is inconsistent; in both cases the previous build is left intact.
    """
    if reasoner not in REASONERS:
        raise KgtoolError(f"unknown reasoner '{reasoner}' (choose {' or '.join(REASONERS)})")
    started = time.perf_counter()
    project = find_project(root)
    target = Path(build_dir) if build_dir else project.build_dir
    files = project.input_files()
    if not files:
        raise KgtoolError(f"{project.root} has no Turtle files in ontology/ or graphs/")

    with staged_folder(target, "build", project.source_folders) as staging:
        # Loading, reasoning and counting run in memory, about four times faster than
        # in a store on disk (a million triples: 11 s against 38 s); the result is
        # then written to disk by the bulk loader.
        store = Store()
        records = _load(store, project, files, progress)
        inconsistencies = _reason(store, reasoner, progress)
        if inconsistencies:
            shown = "; ".join(inconsistencies[:3])
            more = len(inconsistencies) - 3
            raise ReasoningError(
                f"the data is inconsistent under the ontology: {shown}"
                + (f" (and {more} more)" if more > 0 else "")
            )
        progress("counting")
        summary = summarise(store)
        summary["files"] = records
        summary["reasoner"] = _reasoner_record(reasoner)
        summary["graphs"] = [record["graph"] for record in records] + [str(INFERRED_GRAPH)]
        progress("writing the store · answering the saved queries")
        # The saved queries are answered on the in-memory store while it is written out,
        # on the other core (Oxigraph evaluates and writes outside Python's lock).
        with ThreadPoolExecutor(max_workers=1) as writer:
            saving = writer.submit(save_store, store, staging)
            answered, failed = answer_saved_queries(store, project.queries_dir)
            saving.result()
        for text, result in answered.values():
            write_answer(staging, result, text)
        summary["answered_queries"] = sorted(answered)
        summary["failed_queries"] = failed
        summary["seconds"] = round(time.perf_counter() - started, 2)
        write_summary(staging, summary)
    return Build(target)


def _reasoner_record(reasoner: str) -> dict[str, str]:
    """Which reasoner made the inferred graph, and its version, as the build records it
    (a release says so of its inferred dump)."""
    if reasoner == "owlrl":
        from importlib.metadata import version

        return {"name": "owlrl", "version": version("owlrl")}
    return {"name": "rules", "version": __version__}


def _load(store, project: Project, files: list[Path], progress: Progress) -> list[dict]:
    records = []

    def quads():
        # One bulk load for all files: one per file writes a thousand small index
        # files and takes twenty times longer.
        triples = 0
        for number, path in enumerate(files, start=1):
            read = read_quads(path, str(project.graph_name(path)))
            records.append(_file_record(project, path, len(read)))
            triples += len(read)
            progress(f"graphs read · {triples:,} triples", number, len(files))
            yield from read

    store.bulk_extend(quads())
    return records


def _reason(store, reasoner: str, progress: Progress) -> list[str]:
    if reasoner == "rules":
        return materialise(store, str(INFERRED_GRAPH), progress)
    return _owlrl_into(store, progress)


def _owlrl_into(store, progress: Progress) -> list[str]:
    """owlrl's closure of the store's named graphs, added to its inferred graph."""
    from pyoxigraph import NamedNode, RdfFormat
    from rdflib import Graph

    progress("reasoning with owlrl (slow beyond a few thousand triples)")
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    asserted = Graph().parse(data=union.serialize(format=RdfFormat.N_TRIPLES), format="nt")
    closure = owl_rl_closure(asserted)
    store.load(closure.inferred.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES,
               to_graph=NamedNode(str(INFERRED_GRAPH)))
    return closure.inconsistencies


def open_build(root: Path | str | None = None, build_dir: Path | str | None = None, in_memory: bool = False) -> Build:
    """The last build of a project, for reading; with `in_memory=True` its store is
    copied into memory on first use, for faster queries in a long-running process."""
    target = Path(build_dir) if build_dir else find_project(root).build_dir
    if not (target / SUMMARY_FILE).is_file():
        raise BuildMissingError(target)
    return Build(target, in_memory)


def changed_inputs(result: Build, project: Project) -> list[str]:
    """Input files added, removed or edited since the build was made, by path. A file
    whose size and modification time are as recorded is not read again (a thousand
    files are checked in milliseconds); any other is compared by its SHA-256."""
    built = {record["path"]: record for record in result.summary.get("files", [])}
    now = {path.relative_to(project.root).as_posix(): path for path in project.input_files()}
    changed = [name for name, path in now.items() if name not in built or not _unchanged(built[name], path)]
    return sorted(changed + [name for name in built if name not in now])


def _unchanged(record: dict, path: Path) -> bool:
    stat = path.stat()
    if (record.get("size"), record.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
        return True
    return record["sha256"] == _digest(path)
