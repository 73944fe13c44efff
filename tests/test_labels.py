"""How a resource is named for people (kgtool.check.labels): one order, read from the data and
the vocabularies, for the text report of `kgtool validate` and for the pages."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import SKOS

from kgtool.check.labels import Labels
from kgtool.check.report import _Describer
from kgtool.release.site import Facts, Site, resources_by_kind

from helpers import REPO

EX = Namespace("https://w3id.org/icpkg/id/")
KIND = Namespace("https://w3id.org/icpkg/vocab/task-kind/")
DATA = """
@prefix icp:     <https://w3id.org/icpkg/ontology#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix taskkind: <https://w3id.org/icpkg/vocab/task-kind/> .
@prefix id:      <https://w3id.org/icpkg/id/> .

id:all skos:prefLabel "甲"@zh ; rdfs:label "乙"@zh ; dcterms:title "丙"@zh .
id:no-pref-label rdfs:label "乙"@zh ; dcterms:title "丙"@zh .
id:titled dcterms:title "丙"@zh ; icp:translation "C"@en .
<https://w3id.org/icpkg/id/carrier/english-only> a icp:Carrier ; skos:prefLabel "Example Museum"@en .
<https://w3id.org/icpkg/id/clause/x/10-p1> a icp:ResponsibilityClause .
<https://w3id.org/icpkg/id/task/x/12> a icp:Task ; icp:taskKind taskkind:key-task ; <http://data.europa.eu/eli/ontology#number> "（十二）" .
<https://w3id.org/icpkg/id/task/x/11> a icp:Task ; icp:taskKind taskkind:key-task ; dcterms:title "构建工业遗产分级保护体系"@zh .
<https://w3id.org/icpkg/id/target/x/museums> a icp:Target ; icp:quote "新建10个工业博物馆"@zh .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    """The example data with the ontology and the task-kind vocabulary, whose labels give
    the kind words."""
    graph = Graph().parse(data=DATA, format="turtle")
    graph.parse(REPO / "ontology" / "icp.ttl")
    graph.parse(REPO / "ontology" / "vocab" / "task-kind.ttl")
    return graph


def test_a_name_is_the_preferred_label_then_the_rdfs_label_then_the_title_then_the_translation(graph):
    labels = Labels(graph)
    assert [labels.label(EX[n], "zh") for n in ("all", "no-pref-label", "titled")] == ["甲", "乙", "丙"]
    assert labels.label(EX.titled, "en") == "C"


def test_the_report_borrows_the_other_language_and_the_pages_do_not(graph):
    museum = EX["carrier/english-only"]
    assert Labels(graph).label(museum, "zh") == "Example Museum"
    # A page shows the English name in its own place; its Chinese one is the kind and IRI.
    assert Labels(graph).label(museum, "zh", borrow=False) == "工业文化载体 english-only"


def test_kind_words_are_the_labels_of_the_vocabularies(graph):
    labels = Labels(graph)
    item = EX["task/x/11"]
    assert (labels.kind(item, "zh"), labels.kind(item, "en")) == ("重点任务", "key task")
    renamed = Graph()
    renamed += graph
    renamed.remove((KIND["key-task"], SKOS.prefLabel, Literal("重点任务", lang="zh")))
    renamed.add((KIND["key-task"], SKOS.prefLabel, Literal("主要任务", lang="zh")))
    assert Labels(renamed).kind(item, "zh") == "主要任务"


def test_a_part_without_a_name_is_called_by_its_class_and_the_end_of_its_iri(graph):
    clause = EX["clause/x/10-p1"]
    assert Labels(graph).label(clause, "zh") == "责任分工表述 10-p1"
    assert Labels(graph).label(clause, "en") == "responsibility clause 10-p1"


def test_the_report_names_an_unnamed_item_by_its_kind_and_number_once(graph):
    # The item's kind word comes first in the report; a fallback name would repeat it.
    assert _Describer(graph, "zh").item(EX["task/x/12"]) == "重点任务 （十二）"
    assert _Describer(graph, "en").item(EX["task/x/12"]) == "key task （十二）"


def test_a_target_is_called_by_the_words_that_state_it(graph):
    assert Labels(graph).label(EX["target/x/museums"], "en") == "新建10个工业博物馆"


def test_an_iri_that_names_nothing_keeps_its_kind_and_document(graph):
    # A misspelt reference in a plan: the report must say which one.
    assert Labels(graph).label(EX["task/cn-2021-plan/40"], "zh") == "task/cn-2021-plan/40"


def test_the_report_and_the_pages_call_every_resource_of_the_repository_alike():
    graph = Graph()
    for path in sorted((REPO / "ontology").rglob("*.ttl")) + sorted((REPO / "graphs").rglob("*.ttl")):
        graph.parse(path)
    facts = Facts(graph)
    site = Site(facts, resources_by_kind(facts))
    report = {language: _Describer(graph, language) for language in ("zh", "en")}
    named = {node for node in facts.nodes() if Labels(graph).name(node, "zh")}
    assert len(named) > 900  # documents, items, bodies, places, heritage sites, concepts, terms…
    assert {node for node in named if report["zh"].label(node) != site.zh(node)} == set()
    english = {node for node in named if site.en(node)}
    assert {node for node in english if report["en"].label(node) != site.en(node)} == set()
