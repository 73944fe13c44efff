"""Write RDF in the syntaxes a release holds: Turtle, TriG, N-Triples, N-Quads and JSON-LD.

Oxigraph's writers, not rdflib's: they write every literal as it is, where rdflib's
Turtle writer turns "50"^^xsd:decimal into 50.0 (the literal "50.0", which the
shapes refuse) — so each syntax holds the same graph, and their output is written
as they give it. Blank nodes get the labels of the W3C canonicalisation (RDFC-1.0)
and statements go to the writer in a fixed order, so the same graph gives the same
bytes: N-Triples and N-Quads in code-point order of their lines (with RDFC-1.0's
labels, the canonical N-Quads), Turtle, TriG and JSON-LD each described thing with
its statements together.

Each writer takes an rdflib Graph or named graphs (a mapping of graph IRI to Graph);
Turtle, N-Triples and JSON-LD write the named graphs' triples merged. Blank nodes are
labelled over all the named graphs at once, so every syntax of the same graphs gives
them the same labels.
"""

from __future__ import annotations

import re
from typing import Mapping, Union

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ..namespaces import PREFIXES
from ..store.load import oxigraph_term

Graphs = Union[Graph, Mapping[URIRef, Graph]]

_TYPE = str(RDF.type)
# Turtle's PN_PREFIX, in ASCII (rdflib's own bindings are ASCII): a prefix Oxigraph accepts.
_PREFIX_NAME = re.compile(r"^[A-Za-z]([\w.-]*[\w-])?$")


def jsonld_context() -> dict:
    """The project's prefixes as a JSON-LD context, to compact the JSON-LD this module
    writes (expanded: Oxigraph's writer uses full IRIs)."""
    return {"@context": {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}}


def turtle(data: Graphs) -> bytes:
    quads = _canonical_quads(data)
    return ox.serialize(_in_reading_order(_merged(quads)), format=ox.RdfFormat.TURTLE, prefixes=_prefixes(data, quads))


def trig(graphs: Mapping[URIRef, Graph]) -> bytes:
    """Each named graph in a block of its own, in IRI order."""
    quads = _canonical_quads(graphs)
    return ox.serialize(_in_reading_order(quads), format=ox.RdfFormat.TRIG, prefixes=_prefixes(graphs, quads))


def ntriples(data: Graphs) -> bytes:
    # A statement's line is its str() and " .": sorting by str() sorts the lines.
    return ox.serialize(sorted(_merged(_canonical_quads(data)), key=str), format=ox.RdfFormat.N_TRIPLES)


def nquads(graphs: Mapping[URIRef, Graph]) -> bytes:
    return ox.serialize(sorted(_canonical_quads(graphs), key=str), format=ox.RdfFormat.N_QUADS)


def jsonld(data: Graphs) -> bytes:
    """JSON-LD in expanded form (full IRIs; jsonld_context() compacts them), on one line."""
    return ox.serialize(_in_reading_order(_merged(_canonical_quads(data))), format=ox.RdfFormat.JSON_LD)


# --- from rdflib to Oxigraph -------------------------------------------------------------


def _canonical_quads(data: Graphs) -> list:
    """The statements as Oxigraph quads (a Graph's in the default graph), blank nodes
    labelled by RDFC-1.0."""
    named = {None: data} if isinstance(data, Graph) else data
    dataset = ox.Dataset(
        ox.Quad(*map(oxigraph_term, (s, p, o)), ox.DefaultGraph() if name is None else ox.NamedNode(name))
        for name, graph in named.items()
        for s, p, o in graph
    )
    if any(isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode) for quad in dataset):
        # RDFC-1.0 can take exponential time on crafted blank-node structures; the build
        # refused deep nesting when it read the files (kgtool.store.load.MAX_NESTING).
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return list(dataset)


def _merged(quads: list) -> list:
    """The quads' triples, each once: the named graphs merged into one graph."""
    return list({quad.triple for quad in quads})


def _in_reading_order(statements: list) -> list:
    """Graph by graph in IRI order; in each, the things described (a subject with a type)
    before what only carries the labels of a link or is a list's cell; each subject's
    type first, then its statements by predicate and object."""
    typed = {statement.subject for statement in statements if statement.predicate.value == _TYPE}

    def order(statement) -> tuple:
        graph = str(statement.graph_name) if isinstance(statement, ox.Quad) else ""
        subject, predicate = statement.subject, statement.predicate
        return graph, subject not in typed, str(subject), predicate.value != _TYPE, str(predicate), str(statement.object)

    return sorted(statements, key=order)


def _prefixes(data: Graphs, quads: list) -> dict[str, str]:
    """The project's prefixes, and those bound in the graphs, for the namespaces the
    statements use (rdflib's Turtle writer declared only those, too)."""
    by_namespace = {str(namespace): prefix for prefix, namespace in PREFIXES.items()}
    for graph in [data] if isinstance(data, Graph) else data.values():
        for prefix, namespace in sorted(graph.namespaces()):
            if _PREFIX_NAME.match(prefix) and prefix not in by_namespace.values():
                by_namespace.setdefault(str(namespace), prefix)
    iris = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    used = [namespace for namespace in by_namespace if any(iri.startswith(namespace) for iri in iris)]
    return {by_namespace[namespace]: namespace for namespace in sorted(used, key=by_namespace.get)}
