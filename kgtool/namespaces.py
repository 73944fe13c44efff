"""IRIs of the icpkg model (a contract, see DESIGN.md) and of the vocabularies it reuses."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ORG

BASE = "https://w3id.org/icpkg/"
ICP = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = BASE + "ontology"
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "id/doc/")
AGENCY = Namespace(BASE + "id/agency/")
ACTOR = Namespace(BASE + "id/actor/")
PLACE = Namespace(BASE + "id/place/")
VOCAB = Namespace(BASE + "vocab/")
GRAPH = Namespace(BASE + "graph/")
INFERRED_GRAPH = GRAPH["inferred"]

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")

PREFIXES = {
    "icp": ICP,
    "eli": ELI,
    "eli-dl": ELI_DL,
    "dcterms": DCTERMS,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "doc": DOC,
    "agency": AGENCY,
    "actor": ACTOR,
    "place": PLACE,
}

DOCUMENT_CODES = (
    "cn-2016-guidance",
    "cn-2021-plan",
    "gd-2023-plan",
    "fj-2026-plan",
    "js-task-table",
)


def vocab(scheme: str, concept: str):
    """The IRI of a concept of one of the project's SKOS schemes."""
    return VOCAB[f"{scheme}/{concept}"]
