"""Reasoning derives what queries rely on and damages nothing."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, OWL, RDF, SKOS

from kgtool import owl_rl_closure, parse_turtle
from kgtool.namespaces import AGENCY, ICP, ID, VOCAB

from conftest import FIXTURES, REPO

# The types an agency or generic actor may have after the closure; anything else
# (a document class, a SKOS class, owl:Nothing) would be damage.
AGENCY_TYPES = {ICP.Agency, ICP.Actor, ORG.FormalOrganization, ORG.Organization, OWL.Thing}
GENERIC_ACTOR_TYPES = {ICP.GenericActor, ICP.Actor, OWL.Thing}


def _ontology_with(*extra) -> Graph:
    graph = Graph()
    for path in [*sorted((REPO / "ontology").rglob("*.ttl")), *extra]:
        graph += parse_turtle(path)
    return graph


def test_a_lead_is_found_by_a_query_for_responsible_bodies():
    closure = owl_rl_closure(_ontology_with(FIXTURES / "lead-clause.ttl"))
    clause = ID["clause-example"]
    assert (clause, ICP.responsible, AGENCY["cn-miit"]) in closure.inferred
    assert (clause, ICP.responsible, AGENCY["cn-moe"]) in closure.inferred
    assert (clause, ICP.lead, AGENCY["cn-moe"]) not in closure.inferred


def test_narrower_concepts_are_derived_from_broader():
    closure = owl_rl_closure(_ontology_with())
    centre = VOCAB["carrier-type/industrial-design-centre"]
    national = VOCAB["carrier-type/national-industrial-design-centre"]
    assert (centre, SKOS.narrower, national) in closure.inferred


def test_the_repository_closure_is_consistent(repository_build, repository_graph):
    assert repository_build.summary["inferred_triples"] > 0
    assert list(repository_graph.subjects(RDF.type, OWL.Nothing)) == []


def test_no_agency_or_generic_actor_gets_a_type_it_should_not_have(repository_graph):
    agencies = set(repository_graph.subjects(RDF.type, ICP.Agency))
    generic = set(repository_graph.subjects(RDF.type, ICP.GenericActor))
    assert agencies and generic
    wrong = {
        (str(actor), str(cls))
        for actors, allowed in ((agencies, AGENCY_TYPES), (generic, GENERIC_ACTOR_TYPES))
        for actor in actors
        for cls in repository_graph.objects(actor, RDF.type)
        if cls not in allowed
    }
    assert wrong == set()


def test_nothing_becomes_the_same_as_something_else(repository_graph):
    pairs = [(s, o) for s, o in repository_graph.subject_objects(OWL.sameAs) if s != o]
    assert pairs == []


def test_the_closure_adds_no_tautologies_or_language_axioms(repository_build):
    inferred = repository_build.dataset().graph(URIRef("https://w3id.org/icpkg/graph/inferred"))
    assert len(inferred) == repository_build.summary["inferred_triples"]
    assert not any(s == o for s, p, o in inferred.triples((None, OWL.sameAs, None)))
    assert not any(str(s).startswith(str(OWL)) for s in inferred.subjects())


def test_an_agency_typed_as_a_generic_actor_is_reported_as_inconsistent():
    registry = REPO / "graphs" / "agencies.ttl"
    closure = owl_rl_closure(_ontology_with(registry, FIXTURES / "agency-typed-generic.ttl"))
    assert not closure.consistent
    assert any("cn-miit" in problem for problem in closure.inconsistencies)
