"""The SKOS vocabularies: labelled, defined, and arranged as the issue and the texts require."""

from __future__ import annotations


import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from kgtool.store.load import parse_turtle
from kgtool.namespaces import VOCAB

from helpers import REPO

VOCAB_FILES = sorted((REPO / "ontology" / "vocab").glob("*.ttl"))
SCHEMES = {
    "document-kind", "document-status", "task-kind", "theme", "carrier-type", "industrial-spirit",
    "agency-kind", "level", "target-qualifier", "target-kind", "policy-instrument", "programme-kind",
    "statement-basis", "designation-status",
}


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    graph = Graph()
    for path in VOCAB_FILES:
        graph += parse_turtle(path)
    return graph


def concept(scheme: str, slug: str):
    return VOCAB[f"{scheme}/{slug}"]


def test_there_is_one_file_per_scheme():
    assert {p.stem for p in VOCAB_FILES} == SCHEMES


@pytest.mark.parametrize("path", VOCAB_FILES, ids=lambda p: p.stem)
def test_every_concept_has_one_label_and_a_definition_in_each_language(path):
    graph = parse_turtle(path)
    scheme = VOCAB[path.stem]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    problems = []
    concepts = sorted(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for c in concepts:
        for prop in (SKOS.prefLabel, SKOS.definition):
            languages = sorted(l.language for l in graph.objects(c, prop))
            if languages != ["en", "zh"]:
                problems.append(f"{c}: {prop} languages {languages}")
        if (c, SKOS.inScheme, scheme) not in graph:
            problems.append(f"{c}: not in scheme {scheme}")
        for broader in graph.objects(c, SKOS.broader):
            if (broader, RDF.type, SKOS.Concept) not in graph:
                problems.append(f"{c}: broader {broader} is not a concept of this scheme")
        is_top = (c, SKOS.topConceptOf, scheme) in graph
        if is_top != ((scheme, SKOS.hasTopConcept, c) in graph):
            problems.append(f"{c}: topConceptOf and hasTopConcept disagree")
        if not is_top and graph.value(c, SKOS.broader) is None:
            problems.append(f"{c}: neither a top concept nor narrower than one")
    assert problems == []


@pytest.mark.parametrize(
    "narrower, broader",
    [
        ("national-industrial-design-centre", "industrial-design-centre"),  # 国家级工业设计中心 ⊂ 工业设计中心
        ("industrial-tourism-route", "industrial-tourism"),  # 工业旅游精品线路 ⊂ 工业旅游
        ("industrial-tourism-demonstration-base", "industrial-tourism"),  # 工业旅游示范基地 ⊂ 工业旅游
        ("national-industrial-heritage", "industrial-heritage"),
    ],
)
def test_carrier_types_form_a_hierarchy(vocabularies, narrower, broader):
    assert (concept("carrier-type", narrower), SKOS.broader, concept("carrier-type", broader)) in vocabularies


@pytest.mark.parametrize(
    "scheme, slug, label",
    [
        ("carrier-type", "national-industrial-design-centre", "国家级工业设计中心"),
        ("carrier-type", "industrial-tourism-route", "工业旅游精品线路"),
        ("industrial-spirit", "entrepreneurship", "企业家精神"),
        ("industrial-spirit", "craftsmanship", "工匠精神"),
        ("industrial-spirit", "model-worker", "劳模精神"),
        ("industrial-spirit", "labour", "劳动精神"),
        ("industrial-spirit", "innovation", "创新精神"),
        ("industrial-spirit", "integrity", "诚信精神"),
        ("target-qualifier", "at-least", "以上"),
        ("target-qualifier", "about", "左右"),
        ("target-qualifier", "at-most", "不超过"),
    ],
)
def test_chinese_labels_use_the_words_of_the_texts(vocabularies, scheme, slug, label):
    assert Literal(label, lang="zh") in set(vocabularies.objects(concept(scheme, slug), SKOS.prefLabel))


def test_policy_instruments_follow_rothwell_and_zegveld(vocabularies):
    scheme = VOCAB["policy-instrument"]
    tops = {str(c).rsplit("/", 1)[-1] for c in vocabularies.objects(scheme, SKOS.hasTopConcept)}
    assert tops == {"supply", "environment", "demand"}
    for top in tops:
        assert list(vocabularies.subjects(SKOS.broader, concept("policy-instrument", top))), top


@pytest.mark.parametrize(
    "scheme, slugs",
    [
        ("agency-kind", {"government-department", "party-organ", "peoples-organisation", "state-owned-enterprise", "association"}),
        ("level", {"national", "provincial", "prefectural"}),
        ("target-kind", {"output", "funding-cap", "recurring-quota"}),
        ("statement-basis", {"stated", "interpreted", "external", "extracted"}),
        ("document-status", {"final", "draft-for-comment"}),
    ],
)
def test_schemes_hold_the_concepts_the_model_relies_on(vocabularies, scheme, slugs):
    present = {str(c).rsplit("/", 1)[-1] for c in vocabularies.subjects(SKOS.inScheme, VOCAB[scheme])}
    assert slugs <= present
