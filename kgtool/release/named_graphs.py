"""The named graphs a release holds, and `kgtool push` loads, made from a build.

Each document's and registry's graph is split by what supports its statements
(the `icp:basis` of each property): what the text states stays in graph/<code>,
the curator's readings (themes, instruments, alignments, translations…) go to
graph/<code>/interpretation, so a user can load the text's word alone. The
ontology, the vocabularies and the inferred closure stay as the build holds them.
"""

from __future__ import annotations

from rdflib import Graph, URIRef

from ..namespaces import GRAPH, ICP, INFERRED_GRAPH, VOCAB
from ..store.build_folder import Build

INTERPRETED = VOCAB["statement-basis/interpreted"]


def release_graphs(build: Build) -> dict[URIRef, Graph]:
    """The asserted named graphs, each document's and registry's split into what the text
    states and what the curator interpreted, plus the inferred closure; sorted by name.

    Read from the build's store into rdflib once per Build (Build.dataset). Blank nodes
    keep the one identity the whole dataset gives them; writers label them
    (kgtool.release.serialize)."""
    dataset = build.dataset(inferred=True)
    interpreted = set(dataset.subjects(ICP.basis, INTERPRETED))
    graphs: dict[URIRef, Graph] = {}
    for context in dataset.graphs():
        name = context.identifier
        if not isinstance(name, URIRef) or not len(context):
            continue
        if _holds_data(name):
            stated, reading = _split(context, interpreted)
            graphs[name] = stated
            if len(reading):  # graphs/derived/text-reuse.ttl states facts of the texts only
                graphs[URIRef(f"{name}/interpretation")] = reading
        else:
            graphs[name] = _copy(context)
    return dict(sorted(graphs.items()))


def _holds_data(name: URIRef) -> bool:
    """A graph made from graphs/: a document or a registry, not the ontology or the closure."""
    local = str(name)[len(GRAPH):] if str(name).startswith(str(GRAPH)) else None
    return bool(local) and name != INFERRED_GRAPH and not local.startswith(("ontology", "vocab/"))


def _split(graph: Graph, interpreted: set) -> tuple[Graph, Graph]:
    stated, reading = Graph(), Graph()
    for triple in graph:
        (reading if triple[1] in interpreted else stated).add(triple)
    return stated, reading


def _copy(graph: Graph) -> Graph:
    # A graph of its own, not a view of the build's dataset that changes with it.
    copy = Graph()
    copy += graph
    return copy
