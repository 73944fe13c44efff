"""Figures about a dataset: what a build prints and `kgtool stats` shows per document."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from .namespaces import DOC, GRAPH, ICP


def _count_of_type(graph: Graph, cls: URIRef) -> int:
    return sum(1 for _ in graph.subjects(RDF.type, cls, unique=True))


def _document_code(document: URIRef) -> str:
    return str(document)[len(str(DOC)):] if str(document).startswith(str(DOC)) else str(document)


def _in_document(graph: Graph, cls: URIRef, document: URIRef) -> int:
    return sum(
        1
        for thing in graph.subjects(RDF.type, cls, unique=True)
        if (thing, ICP.inDocument, document) in graph
    )


_ROLES = (ICP.lead, ICP.participant, ICP.responsible)


def _assignments(asserted: Graph, document: URIRef) -> int:
    """Distinct (item, actor, role) the document's clauses state — the rows of the
    `responsibilities` query, counted on the asserted triples."""
    found = set()
    for item in asserted.subjects(ICP.inDocument, document):
        if (item, RDF.type, ICP.Task) not in asserted:
            continue
        for clause in asserted.objects(item, ICP.hasClause):
            for role in _ROLES:
                found.update((item, actor, role) for actor in asserted.objects(clause, role))
    return len(found)


def document_figures(dataset: Dataset, asserted: Graph, union: Graph) -> list[dict]:
    """One row per policy document: its code, title and the size of its graph."""
    rows = []
    for document in sorted(union.subjects(RDF.type, ICP.PolicyDocument, unique=True)):
        code = _document_code(document)
        title = next(
            (str(t) for t in union.objects(document, DCTERMS.title) if getattr(t, "language", None) == "zh"),
            "",
        )
        rows.append(
            {
                "document": code,
                "title": title,
                "items": _in_document(union, ICP.Task, document),
                "clauses": _in_document(union, ICP.ResponsibilityClause, document),
                "assignments": _assignments(asserted, document),
                "programmes": _in_document(union, ICP.Programme, document),
                "targets": _in_document(union, ICP.Target, document),
                "triples": len(dataset.graph(GRAPH[code])),
            }
        )
    return rows


def summarise(dataset: Dataset, asserted: Graph, inferred: Graph) -> dict:
    """The headline figures of a build: `asserted` is the union of the dataset's graphs."""
    union = asserted + inferred
    return {
        "documents": _count_of_type(union, ICP.PolicyDocument),
        "items": _count_of_type(union, ICP.Task),
        "agencies": _count_of_type(union, ICP.Agency),
        "generic_actors": _count_of_type(union, ICP.GenericActor),
        "asserted_triples": len(asserted),
        "inferred_triples": len(inferred),
        "per_document": document_figures(dataset, asserted, union),
    }
