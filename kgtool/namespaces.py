"""IRIs of the icpkg model (a contract, see DESIGN.md) and of the vocabularies it reuses.

The IRIs are plain strings here; their rdflib forms (the Namespaces ICP, DOC, GRAPH…,
INFERRED_GRAPH and PREFIXES) are made when first imported (PEP 562). Importing rdflib
takes longer than `kgtool query` takes to answer from a build, which needs none of it.
"""

BASE = "https://w3id.org/icpkg/"
ONTOLOGY_IRI = BASE + "ontology"
INFERRED_GRAPH_IRI = BASE + "graph/inferred"  # INFERRED_GRAPH's IRI, where a string does

# Each namespace by the name it is imported under.
_NAMESPACES = {
    "ICP": BASE + "ontology#",
    "ID": BASE + "id/",
    "DOC": BASE + "id/doc/",
    "AGENCY": BASE + "id/agency/",
    "ACTOR": BASE + "id/actor/",
    "PLACE": BASE + "id/place/",
    "VOCAB": BASE + "vocab/",
    "GRAPH": BASE + "graph/",
    "ELI": "http://data.europa.eu/eli/ontology#",
    "ELI_DL": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
}

DOCUMENT_CODES = (
    "cn-2016-guidance",
    "cn-2021-plan",
    "gd-2023-plan",
    "fj-2026-plan",
    "js-task-table",
)


def __getattr__(name: str):
    if name not in (*_NAMESPACES, "INFERRED_GRAPH", "PREFIXES"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals().update(_rdflib_forms())
    return globals()[name]


def _rdflib_forms() -> dict:
    from rdflib import Namespace, URIRef
    from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

    forms = {name: Namespace(iri) for name, iri in _NAMESPACES.items()}
    forms["INFERRED_GRAPH"] = URIRef(INFERRED_GRAPH_IRI)
    forms["PREFIXES"] = {
        "icp": forms["ICP"],
        "eli": forms["ELI"],
        "eli-dl": forms["ELI_DL"],
        "dcterms": DCTERMS,
        "org": ORG,
        "owl": OWL,
        "prov": PROV,
        "rdf": RDF,
        "rdfs": RDFS,
        "skos": SKOS,
        "xsd": XSD,
        "doc": forms["DOC"],
        "agency": forms["AGENCY"],
        "actor": forms["ACTOR"],
        "place": forms["PLACE"],
    }
    return forms


def vocab(scheme: str, concept: str):
    """The IRI of a concept of one of the project's SKOS schemes."""
    from rdflib import URIRef

    return URIRef(f"{_NAMESPACES['VOCAB']}{scheme}/{concept}")
