"""The agency registry: every body the texts name, once, findable by every form the texts use.

Expected values were counted by hand from sources/ (see each test).
"""

from __future__ import annotations

import re

import pytest
from rdflib import Literal
from rdflib.namespace import ORG, RDF, SKOS

from kgtool.namespaces import ACTOR, AGENCY, ICP, PLACE, VOCAB
from kgtool.errors import UnknownActorError
from kgtool.extract.registry import Registry, split_names

from helpers import REPO
from source_text import clauses, fujian_units_concerned

PROVINCES = {PLACE["cn"], PLACE["gd"], PLACE["fj"], PLACE["js"]}
JURISDICTION = {"cn-2021-plan": "cn", "gd-2023-plan": "gd", "fj-2026-plan": "fj", "js-task-table": "js"}
ROLE_WORDS = re.compile(r"(按职责分工负责|按职责分工落实|共同负责|牵头|参与|负责)$")
# Words inside clauses that are not bodies: Fujian's note that every item is
# co-implemented locally, and "not listed again".
NOT_BODIES = {"以下各项均需各地共同推进落实", "不再逐一列出"}


def _names(clause: str) -> list[str]:
    clause = clause.removeprefix("责任单位：")
    names = []
    for part in split_names(clause):
        part = ROLE_WORDS.sub("", part)
        if part and part not in NOT_BODIES:
            # "自然资源厅、住建厅等省直有关部门": two bodies and a generic set.
            names.extend(part.split("等") if "等省直" in part else [part])
    return names


@pytest.fixture(scope="module")
def registry(asserted_graph) -> Registry:
    return Registry(asserted_graph)


def _named_in_clauses(registry: Registry, code: str) -> tuple[set, set, list]:
    agencies, generic, unresolved = set(), set(), []
    extra = fujian_units_concerned() if code == "fj-2026-plan" else []
    for clause in clauses(code) + extra:
        for name in _names(clause):
            try:
                actor = registry.resolve(name, PLACE[JURISDICTION[code]])
            except UnknownActorError:
                unresolved.append(name)
                continue
            (generic if actor.generic else agencies).add(actor.iri)
    return agencies, generic, unresolved


@pytest.mark.parametrize(
    "code, agencies, generic_actors",
    [
        # （四）–（十六）: 工业和信息化部, 国家发展改革委, 教育部, 人力资源社会保障部, 文化和旅游部,
        # 国资委, 国家文物局, 财政部; 相关行业协会, 相关行业协会等中介组织, 各地工业和信息化主管部门, 相关部门.
        ("cn-2021-plan", 8, 4),
        # the nine issuing bodies; 各地级以上市工业和信息化主管部门, 相关部门, 相关行业协会, 各地级以上市相关部门.
        ("gd-2023-plan", 9, 4),
        # the 20 bodies of the closing 各有关单位 list and 平潭综合实验区管委会; 各设区市人民政府, 省直有关部门.
        ("fj-2026-plan", 21, 2),
        # 省工信厅, 省发改委, 省教育厅, 省人社厅, 省文旅厅, 省国资委, 省财政厅.
        ("js-task-table", 7, 0),
    ],
)
def test_every_body_a_clause_names_resolves_to_one_actor(registry, code, agencies, generic_actors):
    found_agencies, found_generic, unresolved = _named_in_clauses(registry, code)
    assert unresolved == []
    assert len(found_agencies) == agencies
    assert len(found_generic) == generic_actors


def test_a_list_sharing_a_leading_province_names_three_guangdong_bodies(registry):
    names = split_names("省发展改革委、教育厅、工业和信息化厅")
    resolved = [registry.resolve(n, PLACE["gd"]).iri for n in names]
    assert resolved == [AGENCY["gd-development-reform"], AGENCY["gd-education"], AGENCY["gd-industry-it"]]


@pytest.mark.parametrize(
    "name, jurisdiction, expected",
    [
        ("省工信厅", "gd", "gd-industry-it"),  # Guangdong annex row 1
        ("工业和信息化厅", "gd", "gd-industry-it"),  # Guangdong task 1
        ("省工信厅", "js", "js-industry-it"),  # Jiangsu row 1
        ("工信厅", "fj", "fj-industry-it"),  # Fujian (二) … 省教育厅、工信厅
        ("人力资源社会保障部", "cn", "cn-mohrss"),  # national （四）
        ("国资委", "cn", "cn-sasac"),
        ("国资委", "gd", "gd-sasac"),  # the same form means the provincial body in a Guangdong clause
        ("国家发展改革委", "gd", "cn-ndrc"),  # a national body found from a provincial document
    ],
)
def test_each_form_the_texts_use_finds_the_right_body(registry, name, jurisdiction, expected):
    assert registry.resolve(name, PLACE[jurisdiction]).iri == AGENCY[expected]


def test_a_body_of_a_place_within_the_province_is_found_from_a_provincial_document(registry):
    # Fujian （一）: “各设区市人民政府及平潭综合实验区管委会”.
    assert registry.resolve("平潭综合实验区管委会", PLACE["fj"]).iri == AGENCY["fj-pingtan-committee"]


def test_an_unknown_name_is_reported_with_how_to_fix_it(registry):
    with pytest.raises(UnknownActorError, match="add the form as a skos:altLabel"):
        registry.resolve("省科技厅", PLACE["gd"])


def test_guangdong_issuers_are_registered_under_their_full_names(asserted_graph):
    # The nine bodies of the notice header, sources/gd-2023-plan.txt lines 3–11.
    header = [line.strip() for line in (REPO / "sources" / "gd-2023-plan.txt").read_text(encoding="utf-8").splitlines()[2:11]]
    assert header[0] == "广东省工业和信息化厅" and header[-1] == "广东省总工会"
    for name in header:
        holders = list(asserted_graph.subjects(SKOS.prefLabel, Literal(name, lang="zh")))
        assert len(holders) == 1, name
        assert (holders[0], RDF.type, ICP.Agency) in asserted_graph


@pytest.mark.parametrize(
    "provincial, national",
    [
        ("js-industry-it", "cn-miit"),  # 江苏省工业和信息化厅 → 工业和信息化部
        ("gd-culture-tourism", "cn-mct"),
        ("fj-cultural-heritage", "cn-ncha"),
        ("gd-sasac", "cn-sasac"),
        ("js-human-resources", "cn-mohrss"),
    ],
)
def test_provincial_bodies_point_to_their_national_counterpart(asserted_graph, provincial, national):
    assert asserted_graph.value(AGENCY[provincial], ICP.nationalCounterpart) == AGENCY[national]


def test_every_agency_has_names_level_jurisdiction_and_kind(asserted_graph):
    problems = []
    for agency in sorted(asserted_graph.subjects(RDF.type, ICP.Agency)):
        names = sorted(l.language for l in asserted_graph.objects(agency, SKOS.prefLabel))
        if names != ["en", "zh"]:
            problems.append(f"{agency}: prefLabel languages {names}")
        for prop in (ICP.level, ICP.jurisdiction, ORG.classification, ICP.namedIn):
            if asserted_graph.value(agency, prop) is None:
                problems.append(f"{agency}: no {prop}")
    assert problems == []


def test_no_two_actors_of_a_province_share_a_name(asserted_graph):
    def province(place):  # a city's actors share their province's names
        return asserted_graph.value(place, ICP.withinJurisdiction) if place not in PROVINCES else place

    seen: dict[tuple, str] = {}
    clashes = []
    for cls in (ICP.Agency, ICP.GenericActor):
        for actor in asserted_graph.subjects(RDF.type, cls):
            place = province(asserted_graph.value(actor, ICP.jurisdiction))
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in asserted_graph.objects(actor, prop):
                    if label.language != "zh":
                        continue
                    other = seen.setdefault((place, str(label)), str(actor))
                    if other != str(actor):
                        clashes.append((str(label), other, str(actor)))
    assert clashes == []


@pytest.mark.parametrize(
    "slug, abbreviation",
    [
        ("fj-enterprise-confederation", "省企联"),
        ("fj-financial-affairs-office", "金融办"),
        ("fj-talent-office", "人才办"),
        ("fj-tourism-group", "旅发集团"),
        ("fj-broadcasting-group", "省广播影视集团"),
    ],
)
def test_names_the_texts_leave_open_are_marked_uncertain_with_a_reason(asserted_graph, slug, abbreviation):
    agency = AGENCY[slug]
    assert abbreviation in {str(l) for l in asserted_graph.objects(agency, SKOS.altLabel)}
    assert str(asserted_graph.value(agency, ICP.nameCertainty)) == "uncertain"
    notes = sorted(n.language for n in asserted_graph.objects(agency, SKOS.editorialNote))
    assert "en" in notes and "zh" in notes


@pytest.mark.parametrize(
    "slug, printed",
    [
        ("cn-relevant-departments", "相关部门"),
        ("cn-local-industry-it-authorities", "各地工业和信息化主管部门"),
        ("fj-district-city-governments", "各设区市人民政府"),
        ("gd-prefecture-relevant-departments", "各地级以上市相关部门"),
    ],
)
def test_non_specific_actors_are_generic_not_invented_bodies(asserted_graph, slug, printed):
    actor = ACTOR[slug]
    assert (actor, RDF.type, ICP.GenericActor) in asserted_graph
    assert (actor, RDF.type, ICP.Agency) not in asserted_graph
    assert Literal(printed, lang="zh") in set(asserted_graph.objects(actor, SKOS.prefLabel))


def test_a_jurisdiction_for_the_country_and_each_province(asserted_graph):
    labels = {
        code: {str(l) for l in asserted_graph.objects(PLACE[code], SKOS.prefLabel) if l.language == "zh"}
        for code in ("cn", "gd", "fj", "js")
    }
    assert labels == {"cn": {"全国"}, "gd": {"广东省"}, "fj": {"福建省"}, "js": {"江苏省"}}
    assert all((PLACE[c], ICP.level, VOCAB["level/provincial"]) in asserted_graph for c in ("gd", "fj", "js"))
