"""Where the registry's full names come from: each body's icp:nameBasis is basis:stated
exactly when some source text prints its full Chinese name, basis:external otherwise.

Whether a name is printed is read from sources/ here, independently of the graph
(normalised as tests/source_text.py compares verbatim text). Expected values were
checked by hand against sources/ (see each test).
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib.namespace import RDF, SKOS

from kgtool.namespaces import ICP, VOCAB

from helpers import REPO
from source_text import normalise, source

STATED = VOCAB["statement-basis/stated"]
EXTERNAL = VOCAB["statement-basis/external"]
CODES = sorted(path.stem for path in (REPO / "sources").glob("*.txt"))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {code: normalise(source(code)) for code in CODES}


def _printed_in(name: str, texts: dict[str, str]) -> list[str]:
    return [code for code, text in texts.items() if normalise(name) in text]


@pytest.fixture(scope="module")
def bodies(asserted_graph) -> dict:
    """Every agency and generic actor: its full Chinese name and its name bases."""
    found = {}
    for cls in (ICP.Agency, ICP.GenericActor):
        for body in asserted_graph.subjects(RDF.type, cls):
            names = [str(l) for l in asserted_graph.objects(body, SKOS.prefLabel) if l.language == "zh"]
            found[body] = (names, list(asserted_graph.objects(body, ICP.nameBasis)))
    return found


def _by_name(bodies: dict, name: str):
    return [bases for names, bases in bodies.values() if names == [name]]


def test_the_five_source_texts_are_read():
    assert CODES == ["cn-2016-guidance", "cn-2021-plan", "fj-2026-plan", "gd-2023-plan", "js-task-table"]


def test_every_body_has_one_full_name_and_one_name_basis(bodies):
    # 49 agencies and 24 generic actors (graphs/agencies.ttl).
    assert len(bodies) == 73
    assert sorted(str(body) for body, (names, bases) in bodies.items() if len(names) != 1 or len(bases) != 1) == []


def test_a_name_basis_is_stated_exactly_when_some_source_prints_the_full_name(bodies, texts):
    wrong = [
        (str(body), names[0], str(bases[0]))
        for body, (names, bases) in bodies.items()
        if bases != [STATED if _printed_in(names[0], texts) else EXTERNAL]
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "name, short_form, printed_in, basis",
    [
        # cn-2021-plan （四）: "（工业和信息化部牵头，…）"; the Guangdong notice: "工业和信息化部等八部门".
        ("工业和信息化部", "工业和信息化部", {"cn-2021-plan", "gd-2023-plan"}, STATED),
        # The Guangdong notice's header lists the issuers in full, first 广东省工业和信息化厅.
        ("广东省工业和信息化厅", "省工业和信息化厅", {"gd-2023-plan"}, STATED),
        # The Jiangsu table prints only 省人社厅 (task 1: "省发改委、省教育厅、省人社厅").
        ("江苏省人力资源和社会保障厅", "省人社厅", set(), EXTERNAL),
        # The Fujian plan prints only 省委宣传部 ("责任单位：省委宣传部，省工信厅…").
        ("中共福建省委宣传部", "省委宣传部", set(), EXTERNAL),
        # 国家发展和改革委员会: the national plan prints only 国家发展改革委.
        ("国家发展和改革委员会", "国家发展改革委", set(), EXTERNAL),
    ],
    ids=["cn-miit", "gd-industry-it", "js-human-resources", "fj-publicity-department", "cn-ndrc"],
)
def test_hand_checked_full_names_have_the_basis_of_what_the_texts_print(bodies, texts, name, short_form, printed_in, basis):
    assert set(_printed_in(name, texts)) == printed_in
    assert any(short_form in text for text in texts.values())
    assert _by_name(bodies, name) == [[basis]]


def _external(bodies: dict, asserted_graph, cls) -> Counter:
    """(external, all) per province, by the slug's first word (fj-pingtan-committee is Fujian's)."""
    counts = Counter()
    for body, (_, bases) in bodies.items():
        if (body, RDF.type, cls) in asserted_graph:
            province = str(body).rsplit("/", 1)[1].split("-")[0]
            counts[(province, "all")] += 1
            counts[(province, "external")] += bases == [EXTERNAL]
    return counts


@pytest.mark.parametrize(
    "province, external, total",
    [
        # 党中央, 国务院, 国家发展改革委, 人力资源社会保障部, 国资委 are printed only short;
        # 工业和信息化部, 教育部, 财政部, 文化和旅游部, 国家文物局 in full.
        ("cn", 5, 10),
        # The notice prints its nine issuers in full, and 广东省人民政府 inside the name of its
        # SASAC; 中国共产党广东省委员会 only as 省委 (省委省政府).
        ("gd", 1, 11),
        # The plan prints only short forms: 省委宣传部, 省工信厅, …, 平潭综合实验区管委会.
        ("fj", 21, 21),
        # The table prints only short forms: 省工信厅, 省发改委, …, 省国资委.
        ("js", 7, 7),
    ],
)
def test_external_full_names_of_agencies_per_province(bodies, asserted_graph, province, external, total):
    counts = _external(bodies, asserted_graph, ICP.Agency)
    assert (counts[(province, "external")], counts[(province, "all")]) == (external, total)


@pytest.mark.parametrize(
    "province, external, total",
    [
        # 各地财政部门: the 2016 guidance prints "各地工业和信息化主管部门、财政部门", 各地 shared.
        ("cn", 1, 6),
        # The notice addresses "各地级以上市工业和信息化局、发展改革局（委）、教育局、财政局、
        # 人力资源社会保障局、文化广电旅游体育局、国资委、市场监管局、总工会", 各地级以上市 printed
        # once: the eight after 工业和信息化局 are not printed whole. (工业和信息化局 is an altLabel
        # of 各地级以上市工业和信息化主管部门, which （一） of 保障措施 prints.)
        ("gd", 8, 15),
        # 各设区市人民政府, 省直有关部门, 相关行业协会: all printed.
        ("fj", 0, 3),
    ],
)
def test_external_labels_of_generic_actors_per_province(bodies, asserted_graph, province, external, total):
    counts = _external(bodies, asserted_graph, ICP.GenericActor)
    assert (counts[(province, "external")], counts[(province, "all")]) == (external, total)
