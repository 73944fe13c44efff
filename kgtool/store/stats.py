"""Figures about a build: what `kgtool build` prints and `kgtool stats` shows per document.

Counted by SPARQL inside the build's Oxigraph store, so they cost the same few
seconds whether the build holds five documents or a thousand.
"""

from __future__ import annotations

from ..namespaces import BASE, DOC, GRAPH, INFERRED_GRAPH

_PREFIXES = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX icp: <{BASE}ontology#>
"""

# Things of a class, counted on asserted and inferred triples alike.
_COUNT_OF_TYPE = _PREFIXES + "SELECT (COUNT(DISTINCT ?thing) AS ?n) WHERE { ?thing a icp:%s }"

_PER_DOCUMENT = _PREFIXES + """
SELECT ?document ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE {
  %(documents)s
  VALUES ?class { icp:Task icp:ResponsibilityClause icp:Programme icp:Target }
  ?thing a ?class ; icp:inDocument ?document .
} GROUP BY ?document ?class"""

# Distinct (item, actor, role) the document's clauses state — the rows of the
# `responsibilities` query — counted on the asserted roles (a lead is also
# icp:responsible by inference, which is no assignment of its own).
_ASSIGNMENTS = _PREFIXES + f"""
SELECT ?document (COUNT(*) AS ?n) WHERE {{
  SELECT DISTINCT ?document ?item ?actor ?role WHERE {{
    %(documents)s
    VALUES ?role {{ icp:lead icp:participant icp:responsible }}
    ?item a icp:Task ; icp:inDocument ?document ; icp:hasClause ?clause .
    GRAPH ?stated {{ ?clause ?role ?actor }}
    FILTER (?stated != <{INFERRED_GRAPH}>)
  }}
}} GROUP BY ?document"""

_DOCUMENTS = _PREFIXES + """
SELECT ?document (SAMPLE(?zh) AS ?title) WHERE {
  %(documents)s
  ?document a icp:PolicyDocument .
  OPTIONAL { ?document dcterms:title ?zh FILTER (LANG(?zh) = "zh") }
} GROUP BY ?document ORDER BY ?document"""

_GRAPH_SIZES = "SELECT ?graph (COUNT(*) AS ?n) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"

_CLASS_KEYS = {"Task": "items", "ResponsibilityClause": "clauses", "Programme": "programmes", "Target": "targets"}


def _number(term) -> int:
    return int(term.value)


def document_code(document: str) -> str:
    return document[len(str(DOC)):] if document.startswith(str(DOC)) else document


def graph_sizes(store) -> dict[str, int]:
    """Triples per named graph of a pyoxigraph store, by graph IRI."""
    return {row["graph"].value: _number(row["n"]) for row in store.query(_GRAPH_SIZES)}


def document_figures(store, sizes: dict[str, int], documents: list[str] | None = None) -> list[dict]:
    """One row per policy document: its code, title and the size of its graph — of every
    document, or of the `documents` named (IRIs)."""
    restriction = {"documents": "VALUES ?document { %s }" % " ".join(f"<{d}>" for d in documents)
                   if documents is not None else ""}

    def ask(query: str):
        return store.query(query % restriction, use_default_graph_as_union=True)

    counts: dict[tuple[str, str], int] = {}
    for row in ask(_PER_DOCUMENT):
        counts[(row["document"].value, row["class"].value.rsplit("#", 1)[1])] = _number(row["n"])
    assignments = {row["document"].value: _number(row["n"]) for row in ask(_ASSIGNMENTS)}
    rows = []
    for row in ask(_DOCUMENTS):
        document = row["document"].value
        code = document_code(document)
        rows.append(
            {
                "document": code,
                "title": row["title"].value if row["title"] else "",
                **{key: counts.get((document, cls), 0) for cls, key in _CLASS_KEYS.items()},
                "assignments": assignments.get(document, 0),
                "triples": sizes.get(str(GRAPH[code]), 0),
            }
        )
    return rows


def document_iri(code: str) -> str:
    """The IRI of a document from the code a figures row gives (the inverse of document_code)."""
    return code if ":" in code else str(DOC) + code


def resource_counts(store) -> dict[str, int]:
    """How many documents, items, agencies and generic actors a store describes."""

    def count_of_type(cls: str) -> int:
        return _number(next(iter(store.query(_COUNT_OF_TYPE % cls, use_default_graph_as_union=True)))["n"])

    return {"documents": count_of_type("PolicyDocument"), "items": count_of_type("Task"),
            "agencies": count_of_type("Agency"), "generic_actors": count_of_type("GenericActor")}


def summarise(store) -> dict:
    """The headline figures of a build held in a pyoxigraph store: its named graphs
    are the asserted data, and INFERRED_GRAPH what reasoning added."""
    sizes = graph_sizes(store)
    inferred = sizes.get(str(INFERRED_GRAPH), 0)
    return {
        **resource_counts(store),
        "asserted_triples": sum(sizes.values()) - inferred,
        "inferred_triples": inferred,
        "per_document": document_figures(store, sizes),
    }
