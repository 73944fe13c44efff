"""Updating a build instead of making it again, when documents were added, changed or
removed and the ontology was not: only their graphs are replaced, and only the
resources they mention are reasoned about again.

Why that gives the store a build from scratch gives: each data rule of kgtool.store.reason
derives, from one asserted triple and the ontology's axioms, a triple whose subject
is that triple's subject — or its object, when the predicate or one of its
super-properties has an inverse or a range or is symmetric ("turns round"); chains
of rules stay within those two resources. So the inferred triples a changed file can
touch are those about a subject of its triples, or about an object of its triples
that turn round. Those are deleted and derived again, in a small store in memory
holding the ontology's axioms and every asserted triple those resources are derived
from.

A transitive property chains through resources no changed triple mentions, and an
axiom changes what every rule derives: with either, or with more than a fifth of the
data changed, the build is made from scratch (kgtool.store.build), and the progress line
says why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store, serialize

from .. import __version__
from ..errors import KgtoolError
from ..files import read_bytes
from ..namespaces import BASE, GRAPH, INFERRED_GRAPH
from ..progress import Progress
from ..project import Project
from .build_folder import QUADS_FILE, STORE_DIR, Build, copy_store, open_build
from .inputs import changed_inputs, file_record
from .load import read_quads
from .reason import AXIOM_CLASSES, AXIOM_PREDICATES, graph_size, inconsistent, materialise
from .stats import document_code, document_figures, document_iri, resource_counts

# Beyond this share of the asserted triples changed, a build from scratch is faster.
_MOST_CHANGED = 0.2
_OWL = "http://www.w3.org/2002/07/owl#"
_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDF_FIRST = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
_RDF_REST = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
_IN_DOCUMENT = NamedNode(BASE + "ontology#inDocument")
_POLICY_DOCUMENT = NamedNode(BASE + "ontology#PolicyDocument")
_INFERRED = NamedNode(str(INFERRED_GRAPH))
_TURNING = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?p WHERE {
  ?p rdfs:subPropertyOf* ?q .
  { ?q owl:inverseOf ?other } UNION { ?other owl:inverseOf ?q } UNION { ?q rdfs:range ?other }
  UNION { ?q a owl:SymmetricProperty }
}"""


@dataclass
class Update:
    """What changes between a build and the project as it is now."""

    previous: Build
    changed: list[str]  # input files added, edited or removed, by path
    records: list[dict]  # what the new build records of every input file
    cleared: list[str]  # graphs of the files edited or removed, emptied first
    added: list  # the quads of the files added or edited
    stale: list  # inferred quads to delete
    derived: list  # inferred quads to add
    documents: set[str]  # documents whose figures may change


def plan_update(target: Path, project: Project, files: list[Path], progress: Progress) -> Update | None:
    """What it takes to bring the build in `target` up to date with the project's files,
    reading that build only; None when it must be made from scratch (no usable build,
    another kgtool version, or a change to the ontology). Raises InputError for a
    malformed changed file and ReasoningError when a change makes the data inconsistent."""
    previous = _usable_build(target)
    if previous is None:
        return None
    changed = changed_inputs(previous, project)
    old_records = {record["path"]: record for record in previous.summary["files"]}
    _check_readable(files)
    present = {path.relative_to(project.root).as_posix() for path in files}
    # Read as a build from scratch reads them: a file that cannot be read is an InputError.
    new_quads = {path: read_quads(project.root / path, str(project.graph_name(project.root / path)))
                 for path in changed if path in present}
    with previous.reading_store():
        store = previous.store
        cleared = [old_records[path]["graph"] for path in changed if path in old_records]
        old = [quad for graph in cleared for quad in store.quads_for_pattern(None, None, None, NamedNode(graph))]
        added = [quad for quads in new_quads.values() for quad in quads]
        reason = _why_from_scratch(store, previous, old, added)
        if reason:
            progress(f"building from scratch: {reason}")
            return None
        progress(f"updating the build: {_files(len(changed))} changed")
        stale, derived, documents = _reason_again(store, cleared, old, added)
    records = _records(project, files, old_records, new_quads)
    return Update(previous, changed, records, cleared, added, stale, derived, documents)


def _check_readable(files: list[Path]) -> None:
    """An input file that cannot be read stops an update as it stops a build from scratch,
    though its content, by size and time, did not change (its permissions did)."""
    for path in files:
        if not os.access(path, os.R_OK):
            read_bytes(path)  # raises InputError: "cannot be read: permission denied"


def _usable_build(target: Path) -> Build | None:
    """The build in `target`, if it is complete and was made by this kgtool's rules."""
    if not (target / QUADS_FILE).is_file():
        return None
    try:
        previous = open_build(build_dir=target)
        previous.store_folder
    except KgtoolError:
        return None  # none, from another kgtool version, or damaged: made again from scratch
    if previous.summary.get("reasoner") != {"name": "rules", "version": __version__}:
        return None
    return previous


def _why_from_scratch(store, previous: Build, old: list, added: list) -> str | None:
    axiom = next((quad for quad in old + added if _is_axiom(quad)), None)
    if axiom is not None:
        return f"a changed file states an axiom of the ontology ({axiom.predicate.value} {axiom.object})"
    if next(iter(store.quads_for_pattern(None, _RDF_TYPE, NamedNode(_OWL + "TransitiveProperty"))), None):
        return "the ontology declares a transitive property, whose chains an update cannot follow"
    if len(old) + len(added) > _MOST_CHANGED * previous.summary["asserted_triples"]:
        return f"more than {_MOST_CHANGED:.0%} of the data changed"
    return None


def _is_axiom(quad) -> bool:
    return quad.predicate.value in AXIOM_PREDICATES or (
        quad.predicate == _RDF_TYPE and isinstance(quad.object, NamedNode) and quad.object.value in AXIOM_CLASSES)


def _axioms(store) -> list:
    """The ontology's axioms wherever they are stated (not inferred), with the lists
    owl:AllDisjointClasses names its members in."""
    asserted = [quad for predicate in AXIOM_PREDICATES
                for quad in store.quads_for_pattern(None, NamedNode(predicate), None)]
    asserted += [quad for cls in AXIOM_CLASSES for quad in store.quads_for_pattern(None, _RDF_TYPE, NamedNode(cls))]
    lists = [quad.object for quad in asserted if quad.predicate.value == _OWL + "members"]
    while lists:
        node = lists.pop()
        for quad in [*store.quads_for_pattern(node, _RDF_FIRST, None), *store.quads_for_pattern(node, _RDF_REST, None)]:
            asserted.append(quad)
            if quad.predicate == _RDF_REST and isinstance(quad.object, BlankNode):
                lists.append(quad.object)
    return [quad for quad in asserted if quad.graph_name != _INFERRED]


def _reason_again(store, cleared: list[str], old: list, added: list) -> tuple[list, list, set[str]]:
    """The inferred quads to delete and to add, and the documents whose figures change."""
    reasoning = Store()
    reasoning.extend(_axioms(store))
    materialise(reasoning, str(INFERRED_GRAPH))  # the ontology's own closure: which predicates turn round
    turning = {row["p"] for row in reasoning.query(_TURNING, use_default_graph_as_union=True)}
    resources = _touched(old + added, turning)
    skipped = {NamedNode(graph) for graph in cleared} | {_INFERRED}
    sources = {quad for resource in resources for quad in store.quads_for_pattern(resource, None, None)
               if quad.graph_name not in skipped}
    sources |= {quad for resource in resources for quad in store.quads_for_pattern(None, None, resource)
                if quad.predicate in turning and quad.graph_name not in skipped}
    reasoning.extend(sources | set(added))
    inconsistencies = materialise(reasoning, str(INFERRED_GRAPH))
    if inconsistencies:
        raise inconsistent(inconsistencies)
    derived = [quad for quad in reasoning.quads_for_pattern(None, None, None, _INFERRED) if quad.subject in resources]
    stale = [quad for resource in resources for quad in store.quads_for_pattern(resource, None, None, _INFERRED)]
    documents = {quad.object.value for quad in [*old, *added, *stale, *derived] if quad.predicate == _IN_DOCUMENT}
    documents |= {quad.subject.value for quad in old + added if quad.object == _POLICY_DOCUMENT}
    return stale, derived, documents


def _touched(quads: list, turning: set) -> set:
    """The resources whose inferred triples a change to `quads` may change."""
    touched = {quad.subject for quad in quads}
    touched |= {quad.object for quad in quads if quad.predicate in turning and not isinstance(quad.object, Literal)}
    return touched


def _records(project: Project, files: list[Path], old_records: dict, new_quads: dict) -> list[dict]:
    records = []
    for path in files:
        name = path.relative_to(project.root).as_posix()
        if name in new_quads:
            records.append(file_record(project, path, len(set(new_quads[name]))))
        else:
            records.append(old_records[name])
    return records


def _files(count: int) -> str:
    return f"{count} input file" + ("" if count == 1 else "s")


def apply_update(update: Update, staging: Path, progress: Progress) -> dict:
    """Write the updated build into a build folder being written (kgtool.atomic): the
    previous store, copied and changed; its N-Quads, rewritten; the summary's figures,
    counted again where they can change. Returns the summary."""
    copy_store(update.previous, staging)
    store = Store(str(staging / STORE_DIR))
    old_sizes = {graph: graph_size(store, graph) for graph in update.cleared}
    for graph in update.cleared:
        store.remove_graph(NamedNode(graph))
    store.extend(update.added)
    for quad in update.stale:
        store.remove(quad)
    store.extend(update.derived)
    progress("counting")
    summary = _figures(store, update, old_sizes)
    store.flush()
    del store  # closed before the folder is renamed into place
    progress("writing the store's N-Quads")
    _rewrite_quads(update, staging / QUADS_FILE)
    return summary


def _figures(store, update: Update, old_sizes: dict[str, int]) -> dict:
    """The summary of the previous build, with what the update changed counted again."""
    previous = update.previous.summary
    changed_graphs = set(old_sizes) | {quad.graph_name.value for quad in update.added}
    documents = sorted(update.documents)
    document_graphs = {str(GRAPH[document_code(document)]) for document in documents}
    sizes = {graph: graph_size(store, graph) for graph in changed_graphs | document_graphs}
    new_sizes = {graph: sizes[graph] for graph in changed_graphs}
    recounted = document_figures(store, sizes, documents)
    kept = [row for row in previous["per_document"] if document_iri(row["document"]) not in update.documents]
    return {
        **{key: value for key, value in previous.items() if key not in ("format", "seconds")},
        **resource_counts(store),
        "asserted_triples": previous["asserted_triples"] - sum(old_sizes.values()) + sum(new_sizes.values()),
        "inferred_triples": previous["inferred_triples"] - len(update.stale) + len(update.derived),
        "per_document": sorted(kept + recounted, key=lambda row: document_iri(row["document"])),
        "files": update.records,
        "graphs": [record["graph"] for record in update.records] + [str(INFERRED_GRAPH)],
        "changed": update.changed,
    }


def _rewrite_quads(update: Update, target: Path) -> None:
    """The previous build's N-Quads without the cleared graphs and stale inferences, and
    with what was added: lines as Oxigraph writes them, so a quad's line is the same."""
    cleared = tuple(f" <{graph}> .\n".encode("utf-8") for graph in update.cleared)
    stale = set(serialize(update.stale, format=RdfFormat.N_QUADS).splitlines(keepends=True))
    with open(update.previous.path / QUADS_FILE, "rb") as source, open(target, "wb") as written:
        for line in source:
            if not line.endswith(cleared) and line not in stale:
                written.write(line)
        written.write(serialize(update.added + update.derived, format=RdfFormat.N_QUADS))
