"""The document graphs say what the source texts say.

Every text is quoted verbatim; every clause, re-read from sources/ here, names the
same bodies in the same roles as the graph; the counts of items, clauses,
assignments and targets are figures counted by hand from the texts.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kgtool.extract.clauses import resolve_clause
from kgtool.store.load import parse_turtle
from kgtool.namespaces import DOC, DOCUMENT_CODES, ICP, PLACE, VOCAB
from kgtool.extract.registry import Registry

from helpers import ASSIGNMENTS, REPO
from source_text import clauses, normalise, source

JURISDICTION = {
    "cn-2016-guidance": "cn",
    "cn-2021-plan": "cn",
    "gd-2023-plan": "gd",
    "fj-2026-plan": "fj",
    "js-task-table": "js",
}
ROLE_PROPERTIES = {ICP.lead: "lead", ICP.participant: "participant", ICP.responsible: "responsible"}

# Items of each kind, counted by hand from sources/.
ITEMS = {
    # 二、总体要求 （一）–（三）; 三、主要任务: 4 + 3 + 5 + 4 + 4 headings under （一）–（五）
    # (弘扬工匠精神 … 树立中国制造国际形象); 四、保障措施 （一）–（五）.
    "cn-2016-guidance": {"general-requirement": 3, "key-task": 20, "safeguard-measure": 5},
    # （一）–（三） 总体要求; （四）–（十一） 重点任务; （十二）–（十四） 保障措施; （十五）（十六） 组织实施.
    "cn-2021-plan": {"general-requirement": 3, "key-task": 8, "safeguard-measure": 3, "organisational-measure": 2},
    # 重点任务 1–13; 保障措施 （一）–（六）; 附件 分工表 rows 1–10.
    "gd-2023-plan": {"key-task": 13, "safeguard-measure": 6, "annex-row": 10},
    # 重点任务 （一）–（七）; 保障措施 （一）–（五）.
    "fj-2026-plan": {"key-task": 7, "safeguard-measure": 5},
    # 任务分工表 rows 1–11.
    "js-task-table": {"annex-row": 11},
}

# Clauses as printed: national （四）–（六） one each, （七） 3, （八） 4, （九） 3, （十） 2,
# （十一）–（十六） one each = 21. Guangdong 13 + 6 + 10 annex cells = 29. Fujian 12 plus
# the blanket clause in （一） = 13. Jiangsu 11 cells.
CLAUSES = {"cn-2016-guidance": 0, "cn-2021-plan": 21, "gd-2023-plan": 29, "fj-2026-plan": 13, "js-task-table": 11}

# Guangdong 专栏1 four, 专栏2 two, 专栏4 one, 专栏5 one; Fujian's 不超过50万元; Jiangsu rows
# 2, 4, 5, 6, 8 (两个: 50个优秀企业, 50名先进个人) and 9.
TARGETS = {"cn-2016-guidance": 0, "cn-2021-plan": 0, "gd-2023-plan": 8, "fj-2026-plan": 1, "js-task-table": 7}

# Guangdong 专栏 1–5 and the 五个一 brands; Jiangsu's five 工程.
PROGRAMMES = {"cn-2016-guidance": 0, "cn-2021-plan": 0, "gd-2023-plan": 10, "fj-2026-plan": 0, "js-task-table": 5}


@pytest.fixture(scope="module", params=DOCUMENT_CODES)
def document(request) -> tuple[str, Graph]:
    code = request.param
    return code, parse_turtle(REPO / "graphs" / f"{code}.ttl")


@pytest.fixture(scope="module")
def registry(asserted_graph) -> Registry:
    return Registry(asserted_graph)


def _of_type(graph: Graph, cls: URIRef) -> list:
    return sorted(set(graph.subjects(RDF.type, cls)))


def _quoted_from(graph: Graph, subject, code: str) -> str:
    """The code of the source a quote comes from: the document an attestation names
    (dcterms:source), else the graph's own document."""
    other = graph.value(subject, DCTERMS.source)
    return str(other)[len(str(DOC)):] if other is not None else code


def test_every_text_clause_and_quote_is_verbatim_from_the_source(document):
    code, graph = document
    quoted = [
        (subject, predicate, literal)
        for predicate in (ICP.text, ICP.clauseText, ICP.quote)
        for subject, literal in graph.subject_objects(predicate)
    ]
    assert quoted
    not_found = [
        f"{s} {p.fragment}: {str(o)[:30]}…"
        for s, p, o in quoted
        if normalise(str(o)) not in normalise(source(_quoted_from(graph, s, code)))
    ]
    assert not_found == []


def test_every_item_of_each_kind_is_there(document):
    code, graph = document
    kinds = Counter(
        str(graph.value(item, ICP.taskKind)).rsplit("/", 1)[-1] for item in _of_type(graph, ICP.Task)
    )
    assert dict(kinds) == ITEMS[code]
    for item in _of_type(graph, ICP.Task):
        assert graph.value(item, ICP.inDocument) == DOC[code], item
        assert graph.value(item, ICP.text) is not None, item
        assert graph.value(item, ICP.order) is not None, item


def test_an_items_text_is_everything_it_prints_title_first(document):
    code, graph = document
    for item in _of_type(graph, ICP.Task):
        title = graph.value(item, DCTERMS.title)
        assert title is not None and title.language == "zh", item
        assert str(graph.value(item, ICP.text)).startswith(str(title)), item


def test_every_item_is_coded_with_a_theme_and_a_policy_instrument(document):
    code, graph = document
    uncoded = [
        str(item)
        for item in _of_type(graph, ICP.Task)
        if graph.value(item, ICP.theme) is None or graph.value(item, ICP.policyInstrument) is None
    ]
    assert uncoded == []


def test_clauses_programmes_and_targets_are_all_there(document):
    code, graph = document
    assert len(_of_type(graph, ICP.ResponsibilityClause)) == CLAUSES[code]
    assert len(_of_type(graph, ICP.Programme)) == PROGRAMMES[code]
    assert len(_of_type(graph, ICP.Target)) == TARGETS[code]


def _split_at_commas(printed: str, known: Counter) -> list[str] | None:
    """`printed` as one known clause, or as two joined by “，” (Fujian （一）: the item's
    own clause and the blanket clause share one bracket)."""
    if known[printed]:
        return [printed]
    for position, char in enumerate(printed):
        if char == "，" and known[printed[:position]] and known[printed[position + 1:]]:
            return [printed[:position], printed[position + 1:]]
    return None


def test_every_clause_the_source_prints_is_in_the_graph_once(document):
    code, graph = document
    in_graph = Counter(normalise(str(t)) for t in graph.objects(None, ICP.clauseText))
    consumed: Counter = Counter()
    missing = []
    for printed in clauses(code):
        parts = _split_at_commas(printed, in_graph)
        if parts is None:
            missing.append(printed)
        else:
            consumed.update(parts)
    assert missing == []
    assert consumed == in_graph


def test_every_clause_names_the_bodies_and_roles_the_text_gives(document, registry):
    code, graph = document
    place = PLACE[JURISDICTION[code]]
    wrong = []
    for clause in _of_type(graph, ICP.ResponsibilityClause):
        printed = str(graph.value(clause, ICP.clauseText))
        expected = {(a.actor, a.role) for a in resolve_clause(registry, printed, place)}
        stated = {
            (actor, role) for prop, role in ROLE_PROPERTIES.items() for actor in graph.objects(clause, prop)
        }
        if stated != expected:
            wrong.append((str(clause), sorted(stated ^ expected)))
    assert wrong == []


def test_each_clause_belongs_to_the_item_that_prints_it(document):
    code, graph = document
    misplaced = []
    for clause in _of_type(graph, ICP.ResponsibilityClause):
        holders = sorted(graph.subjects(ICP.hasClause, clause))
        printed = normalise(str(graph.value(clause, ICP.clauseText)))
        if len(holders) > 1:
            continue  # Fujian's blanket clause, tested below
        if len(holders) != 1 or printed not in normalise(str(graph.value(holders[0], ICP.text))):
            misplaced.append(str(clause))
        passage = graph.value(clause, ICP.coversParagraph)
        if passage is not None and printed not in normalise(str(graph.value(passage, ICP.text))):
            misplaced.append(f"{clause} does not lie in its passage {passage}")
    assert misplaced == []


def test_fujians_blanket_clause_is_stated_once_and_held_by_every_item():
    graph = parse_turtle(REPO / "graphs" / "fj-2026-plan.ttl")
    blanket = [c for c in _of_type(graph, ICP.ResponsibilityClause) if len(set(graph.subjects(ICP.hasClause, c))) > 1]
    assert len(blanket) == 1
    assert set(graph.subjects(ICP.hasClause, blanket[0])) == set(_of_type(graph, ICP.Task))
    assert normalise(str(graph.value(blanket[0], ICP.clauseText))).startswith("各设区市人民政府及平潭综合实验区管委会")


def test_a_body_can_lead_one_passage_and_take_part_in_another():
    # National （七）: 教育部 leads the second passage (教育部、工业和信息化部牵头) and takes part
    # in the first and third (… 教育部 … 参与).
    graph = parse_turtle(REPO / "graphs" / "cn-2021-plan.ttl")
    item = URIRef("https://w3id.org/icpkg/id/task/cn-2021-plan/7")
    moe = URIRef("https://w3id.org/icpkg/id/agency/cn-moe")
    clauses_of_7 = list(graph.objects(item, ICP.hasClause))
    assert len(clauses_of_7) == 3
    assert any((c, ICP.lead, moe) in graph for c in clauses_of_7)
    assert any((c, ICP.participant, moe) in graph for c in clauses_of_7)
    assert all(graph.value(c, ICP.coversParagraph) is not None for c in clauses_of_7)


def test_the_build_reports_assignments_and_targets_per_document(repository_build):
    figures = {row["document"]: row for row in repository_build.summary["per_document"]}
    assert {code: figures[code]["assignments"] for code in DOCUMENT_CODES} == ASSIGNMENTS
    assert {code: figures[code]["targets"] for code in DOCUMENT_CODES} == TARGETS
    assert {code: figures[code]["items"] for code in DOCUMENT_CODES} == {
        code: sum(kinds.values()) for code, kinds in ITEMS.items()
    }


def test_interpretation_is_kept_apart_from_what_the_text_states(asserted_graph):
    # Every property the document graphs use declares its basis, so a query can filter
    # the curator's readings (themes, instruments, alignments, translations) from the text.
    ontology = parse_turtle(REPO / "ontology" / "icp.ttl")
    undeclared = set()
    for code in DOCUMENT_CODES:
        for _, predicate, _ in parse_turtle(REPO / "graphs" / f"{code}.ttl"):
            if predicate != RDF.type and ontology.value(predicate, ICP.basis) is None:
                undeclared.add(str(predicate))
    assert undeclared == set()
    interpreted = VOCAB["statement-basis/interpreted"]
    for prop in (ICP.theme, ICP.policyInstrument, ICP.alignsWith, ICP.translation, ICP.contributesTo):
        assert ontology.value(prop, ICP.basis) == interpreted


def test_a_spirit_is_recorded_exactly_where_the_item_prints_its_name(document):
    # icp:spirit is stated, not interpreted: an item names a spirit when its text prints the
    # spirit's name or one of the forms the scheme lists (中国特色工业精神, 崇尚实业 …).
    code, graph = document
    scheme = parse_turtle(REPO / "ontology" / "vocab" / "industrial-spirit.ttl")
    names = {
        spirit: [str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in scheme.objects(spirit, p)
                 if label.language == "zh"]
        for spirit in scheme.subjects(RDF.type, SKOS.Concept)
    }
    for item in _of_type(graph, ICP.Task):
        text = normalise(str(graph.value(item, ICP.text)))
        printed = {spirit for spirit, forms in names.items() if any(form in text for form in forms)}
        assert set(graph.objects(item, ICP.spirit)) == printed, item


def test_every_item_and_programme_has_an_english_title(document):
    code, graph = document
    untitled = [
        str(thing)
        for cls in (ICP.Task, ICP.Programme)
        for thing in _of_type(graph, cls)
        if not any(t.language == "en" for t in graph.objects(thing, ICP.translation))
    ]
    assert untitled == []


@pytest.mark.parametrize(
    "code, earlier",
    [
        ("cn-2021-plan", "cn-2016-guidance"),  # the national plan continues the 2016 guidance
        ("gd-2023-plan", "cn-2021-plan"),
        ("fj-2026-plan", "cn-2021-plan"),
        ("js-task-table", "cn-2021-plan"),
    ],
)
def test_items_align_only_with_real_items_of_the_national_framework(code, earlier):
    graph = parse_turtle(REPO / "graphs" / f"{code}.ttl")
    earlier_items = set(parse_turtle(REPO / "graphs" / f"{earlier}.ttl").subjects(RDF.type, ICP.Task))
    alignments = list(graph.subject_objects(ICP.alignsWith))
    assert alignments
    assert all(item in set(_of_type(graph, ICP.Task)) for item, _ in alignments)
    assert {national for _, national in alignments} <= earlier_items
