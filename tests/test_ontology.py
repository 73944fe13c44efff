"""The ontology documents every term it defines, and every term used is defined."""

from __future__ import annotations


import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kgtool.store.load import parse_turtle
from kgtool.namespaces import ICP, ONTOLOGY_IRI

from helpers import REPO

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return parse_turtle(REPO / "ontology" / "icp.ttl")


def _declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        term
        for kind in DECLARATIONS
        for term in ontology.subjects(RDF.type, kind)
        if str(term).startswith(str(ICP))
    }


def _languages(graph: Graph, subject, predicate) -> list[str]:
    return sorted(o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def test_every_icp_term_used_anywhere_is_declared_in_the_ontology(ontology):
    declared = _declared_terms(ontology)
    folders = [REPO / "ontology", REPO / "graphs", REPO / "shapes"]
    files = [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*.ttl"))]
    assert len(files) > 5
    undeclared = {}
    for path in files:
        for triple in parse_turtle(path):
            for term in triple:
                if isinstance(term, URIRef) and str(term).startswith(str(ICP)) and term not in declared:
                    undeclared.setdefault(str(term), path.relative_to(REPO).as_posix())
    assert undeclared == {}


def test_every_term_has_labels_in_chinese_and_english_a_definition_and_its_ontology(ontology):
    problems = []
    for term in sorted(_declared_terms(ontology)):
        if _languages(ontology, term, RDFS.label) != ["en", "zh"]:
            problems.append(f"{term}: rdfs:label must be one @zh and one @en")
        if _languages(ontology, term, SKOS.definition) != ["en", "zh"]:
            problems.append(f"{term}: skos:definition must be one @zh and one @en")
        if (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) not in ontology:
            problems.append(f"{term}: rdfs:isDefinedBy the ontology is missing")
    assert problems == []


def test_every_property_says_whether_it_states_or_interprets(ontology):
    properties = [t for t in _declared_terms(ontology) if (t, RDF.type, OWL.Class) not in ontology]
    missing = [str(p) for p in properties if p != ICP.basis and ontology.value(p, ICP.basis) is None]
    assert missing == []
    assert str(ontology.value(ICP.theme, ICP.basis)).endswith("/interpreted")
    assert str(ontology.value(ICP.alignsWith, ICP.basis)).endswith("/interpreted")
    assert str(ontology.value(ICP.text, ICP.basis)).endswith("/stated")


def test_ontology_header_has_title_description_licence_and_version(ontology):
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert _languages(ontology, header, DCTERMS.title) == ["en", "zh"]
    assert _languages(ontology, header, DCTERMS.description) == ["en", "zh"]
    assert ontology.value(header, DCTERMS.license) is not None
    assert str(ontology.value(header, OWL.versionIRI)) == ONTOLOGY_IRI + "/" + str(ontology.value(header, OWL.versionInfo))


def test_constraints_are_not_written_as_domain_or_range(ontology):
    assert list(ontology.subject_objects(RDFS.domain)) == []
    assert list(ontology.subject_objects(RDFS.range)) == []


def test_lead_and_participant_are_kinds_of_responsible(ontology):
    assert (ICP.lead, RDFS.subPropertyOf, ICP.responsible) in ontology
    assert (ICP.participant, RDFS.subPropertyOf, ICP.responsible) in ontology
