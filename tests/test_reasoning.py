"""Reasoning derives what queries rely on and damages nothing; kgtool's rules derive
exactly what owlrl, the reference reasoner, derives."""

from __future__ import annotations

import shutil

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store
from rdflib import Graph, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import ORG, OWL, RDF, SKOS

from kgtool import KgtoolError, build, owl_rl_closure, parse_turtle
from kgtool.store.load import read_quads
from kgtool.namespaces import AGENCY, ICP, ID, INFERRED_GRAPH, VOCAB
from kgtool.ask.queries import catalogue, run_query
from kgtool.store.reason import materialise

from helpers import FIXTURES, REPO, REQUIRED_PARAMETERS, graph_difference

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


def _rules_closure(path) -> Graph:
    store = Store()
    store.extend(read_quads(path, "https://example.org/graph"))
    assert materialise(store, str(INFERRED_GRAPH)) == []
    dump = store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(str(INFERRED_GRAPH)))
    return Graph().parse(data=dump, format="nt")


def test_the_rules_derive_exactly_what_owlrl_derives_from_the_repository(repository_build, asserted_graph):
    reference = owl_rl_closure(asserted_graph).inferred
    derived = repository_build.dataset().graph(INFERRED_GRAPH)
    # 2332 before graphs/derived/text-reuse.ttl and the extraction terms: its 51 icp:TextReuse
    # nodes are each inferred a prov:Entity and an owl:Thing (102), the vocabularies' new
    # altLabels (kinds, qualifiers, statement basis) each an rdfs:label, the new classes theirs.
    # 4107 with the heritage register (graphs/heritage/): its 263 sites, 264 designations and
    # 7 lists are each an owl:Thing, every site name and place label also an rdfs:label, and the
    # places it adds to places.ttl each a dcterms:Location and an owl:Thing.
    assert len(reference) == repository_build.summary["inferred_triples"] == 4107
    derived, reference = to_isomorphic(derived), to_isomorphic(reference)
    assert derived == reference, graph_difference(derived, reference)


def test_every_rule_derives_what_owlrl_derives():
    # Each rule fires on the fixture (equivalences, domains, ranges, symmetry,
    # transitivity: none of which the repository's ontology uses yet).
    fixture = FIXTURES / "every-rule.ttl"
    derived = _rules_closure(fixture)
    assert (URIRef("https://example.org/a"), URIRef("https://example.org/broaderThan"), URIRef("https://example.org/d")) in derived
    derived, reference = to_isomorphic(derived), to_isomorphic(owl_rl_closure(parse_turtle(fixture)).inferred)
    assert derived == reference, graph_difference(derived, reference)


def test_every_saved_query_answers_the_same_from_an_owlrl_build(repository_build, tmp_path):
    reference = build(repository_build.path.parent, tmp_path / "owlrl-build", reasoner="owlrl")
    assert reference.summary["inferred_triples"] == repository_build.summary["inferred_triples"]
    for name, query in catalogue(REPO / "queries").items():
        params = REQUIRED_PARAMETERS.get(name)
        assert run_query(repository_build, query, params).rows == run_query(reference, query, params).rows, name


def test_an_ontology_using_a_construct_the_rules_do_not_cover_is_refused_and_owlrl_builds_it(project):
    shutil.copy(FIXTURES / "functional-property.ttl", project / "ontology" / "extra.ttl")
    with pytest.raises(KgtoolError, match="owl:FunctionalProperty.*--reasoner owlrl"):
        build(project)
    assert not (project / "build").exists()
    assert build(project, reasoner="owlrl").summary["inferred_triples"] > 0
