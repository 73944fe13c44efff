"""Alignment suggestions and word-for-word reuse (kgtool.extract.alignment), and the
saved query that lists the reuse.

The texts below are the items' icp:text as the seed graphs record them (each says
which item; excerpts are contiguous), and every offset and length was counted by
hand on them, whitespace not counted (the counts are spelt out where they are made).
"""

from __future__ import annotations

from pyoxigraph import RdfFormat, Store
from rdflib import Graph, Namespace
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery

from kgtool.extract.alignment import ALIGN_THRESHOLD, Reuse, find_reuse, suggest_alignments
from kgtool.ask.queries import evaluate, load_query, with_values

from helpers import REPO

ICP = Namespace("https://w3id.org/icpkg/ontology#")

# graphs/cn-2021-plan.ttl, （六） and （九）: the title and first sentence of each, with
# the clause of its first passage.
NATIONAL = {
    "tourism": "推动工业旅游创新发展。\n建立健全并积极推广工业旅游相关标准和规范。"
    "(文化和旅游部、工业和信息化部牵头，国家发展改革委、国家文物局、国资委参与）",
    "museums": "完善工业博物馆体系。\n探索建设国家级行业博物馆、国家（网上）数字工业博物馆。"
    "(工业和信息化部、国家文物局牵头，国家发展改革委、国资委参与）",
}

# graphs/js-task-table.ttl, rows 1, 2 and 9 (content cell, tab, responsibility cell).
JIANGSU_1 = (
    "建立工业文化基础资源库。组织工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，"
    "建立多品类工业文化基础资源库，推动资源保护和开放共享。鼓励高校、职业学校、科研院所、社会机构深入挖掘我省工业文化内涵，"
    "推动工业文化基础研究，丰富和完善工业文化理论体系。\t省工信厅牵头，省发改委、省教育厅、省人社厅、省文旅厅、省国资委按职责分工负责"
)
JIANGSU_2 = (
    "建立工业文化教育和实践体系。推动工业文化学科体系建设，加强普通高等学校和职业学校的相关学科、专业建设，"
    "支持开展理论研究和教学实践，将工业文化有机融入相关课程。建设工业文化研学基地，推动各地利用工业遗存、工业博物馆、"
    "现代化厂房和生产车间等设施开展工业文化研学，培育一批工业文化研学重点项目，建设20个工业文化研学基地（创意园区）。"
    "\t省工信厅、省教育厅牵头，省人社厅、省文旅厅、省国资委参与"
)
JIANGSU_9 = (
    "培育工业文化新业态新模式。支持利用数字技术、网络技术、虚拟现实技术等现代科技手段，推动工业文化创新发展，"
    "催生一批新技术、新工艺、新业态。推动工业设计从产品设计向高端综合设计服务转变，鼓励发展体现中国实力和文化魅力的设计产品和设计服务。"
    "推动工艺美术特色化和品牌化发展，加强对传统工艺美术品种、技术的保护与传承，培育20个工艺美术特色区域，推出一批工艺美术珍品。"
    "\t省工信厅牵头，省发改委、省人社厅、省文旅厅、省国资委参与"
)
# graphs/cn-2016-guidance.ttl, 统筹利用各类工业文化资源 and 推动工业设计创新发展.
GUIDANCE_RESOURCES = (
    "统筹利用各类工业文化资源。开展工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，"
    "建立工业文化资源库。加强各类资源的统筹协调，推动资源的保护和开放共享，创新使用模式。"
)
GUIDANCE_DESIGN = (
    "推动工业设计创新发展。强化创新设计引领，推动工业设计从产品设计向高端综合设计服务转变。鼓励企业工业设计中心与设计机构协同发展，"
    "壮大工业设计产业。建设开放共享、专业高效的创新设计公共服务平台和具有国际影响力的设计集群。鼓励发展体现中国实力和文化魅力的设计产品和设计服务。"
)
# graphs/cn-2021-plan.ttl, （一） 指导思想, whole.
NATIONAL_GUIDING_THOUGHT = (
    "指导思想。\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，坚持新发展理念，"
    "以深化供给侧结构性改革为主线，坚持以社会主义核心价值观引领文化建设，把工业文化建设作为推动制造业高质量发展的重要内容，"
    "完善工业文化发展体系，强化承载重要文化的工业遗产的保护利用，弘扬中国工业精神，促进文化与产业融合发展，丰富中国制造的文化内涵，"
    "培育工业文化的新业态新模式，不断增强国家文化软实力和中华文化影响力。"
)


# -- suggestions --------------------------------------------------------------------------------


def test_a_responsibility_clause_does_not_count_towards_resemblance():
    # The museums item's words under the tourism item's clause, then as a table row
    # with the clause in its responsibility cell: the same content as the museums
    # item, so a cosine of 1 — the clause, which names the bodies of the tourism
    # item, is not read.
    museums_content = "完善工业博物馆体系。\n探索建设国家级行业博物馆、国家（网上）数字工业博物馆。"
    items = {
        "bracket": museums_content + "(文化和旅游部、工业和信息化部牵头，国家发展改革委、国家文物局、国资委参与）",
        "cell": museums_content + "\t文化和旅游部、工业和信息化部牵头",
    }
    for suggestions in suggest_alignments(items, NATIONAL).values():
        assert [(s.national, s.score, s.rank) for s in suggestions][0] == ("museums", 1.0, 1)


def test_punctuation_and_brackets_do_not_count_towards_resemblance():
    # The museums item with every mark changed (。→，, 、→，, （）→()) and the line
    # break dropped: the same runs of characters, so a cosine of 1.
    items = {"x": "完善工业博物馆体系，探索建设国家级行业博物馆，国家(网上)数字工业博物馆"}
    first = suggest_alignments(items, NATIONAL)["x"][0]
    assert (first.national, first.score) == ("museums", 1.0)


def test_the_title_weighs_more_than_the_body():
    # The item's title (first phrase) is 工业旅游; its body names 工业设计 as often.
    # Counted once each, the two national items would tie, and a tie goes to the one
    # given first (design); the title's weight puts tourism first.
    suggestions = suggest_alignments({"x": "工业旅游，工业设计。"}, {"design": "工业设计", "tourism": "工业旅游"})["x"]
    assert [s.national for s in suggestions] == ["tourism", "design"]
    assert suggestions[0].score > suggestions[1].score


def test_suggestions_are_ranked_best_first_and_cut_at_top():
    national = {**NATIONAL, "heritage": "提高工业遗产保护利用水平。\n持续开展国家工业遗产认定，发布国家工业遗产名单。"}
    items = {"museum": "完善工业类博展馆体系。支持深圳筹建国家级工业博览馆。", "none": "甲乙丙丁"}
    suggestions = suggest_alignments(items, national, top=2)
    assert [(s.item, s.national, s.rank) for s in suggestions["museum"]] == [
        ("museum", "museums", 1),
        ("museum", "heritage", 2),
    ]
    assert 1 >= suggestions["museum"][0].score > suggestions["museum"][1].score > 0
    assert suggestions["none"] == []  # no character pair in common with any national item


def _seed_tasks() -> tuple[dict[str, dict[str, str]], dict[str, set[str]]]:
    graph = Graph()
    for path in sorted((REPO / "graphs").glob("*.ttl")):
        graph.parse(path)
    texts: dict[str, dict[str, str]] = {}
    aligned = {}
    for task in graph.subjects(RDF.type, ICP.Task):
        code = str(graph.value(task, ICP.inDocument)).rsplit("/", 1)[-1]
        texts.setdefault(code, {})[str(task)] = str(graph.value(task, ICP.text))
        aligned[str(task)] = {str(o) for o in graph.objects(task, ICP.alignsWith)}
    return texts, aligned


def test_above_the_threshold_every_first_suggestion_on_the_seeds_is_a_curated_alignment():
    # The figures ALIGN_THRESHOLD is chosen from (benchmarks/alignment.py): above it,
    # 31 provincial items and 10 items of the 2021 plan, all right.
    texts, aligned = _seed_tasks()
    runs = {
        "provincial": [
            (texts[code], texts["cn-2021-plan"]) for code in ("gd-2023-plan", "fj-2026-plan", "js-task-table")
        ],
        "national": [(texts["cn-2021-plan"], texts["cn-2016-guidance"])],
    }
    for label, expected in (("provincial", 31), ("national", 10)):
        firsts = [
            (item, suggestions[0])
            for items, national in runs[label]
            for item, suggestions in suggest_alignments(items, national).items()
            if aligned[item] and suggestions and suggestions[0].score > ALIGN_THRESHOLD
        ]
        assert [item for item, first in firsts if first.national not in aligned[item]] == [], label
        assert len(firsts) == expected, label


# -- reuse --------------------------------------------------------------------------------------


def test_jiangsu_row_1_copies_the_2016_guidance_on_resources():
    # 建立工业文化基础资源库。组织 = 11 + 1 + 2 = 14 characters before the passage;
    # 工业文化资源调查 8, ， 1, 梳理和挖掘 5, 工业遗产、工业旅游、工艺美术、工业精神 19,
    # 及专业人才等资源 8, ，建立 3: 44. Before it 组织/开展 differ; after it
    # 多品类/工业文化 differ.
    passage = "工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，建立"
    reuse = find_reuse({"js/1": JIANGSU_1}, {"cn16/resources": GUIDANCE_RESOURCES})
    assert reuse == [Reuse("js/1", "cn16/resources", passage, 14, 44)]
    assert passage in GUIDANCE_RESOURCES and JIANGSU_1[14 : 14 + 44] == passage


def test_jiangsu_row_9_copies_two_sentences_of_the_2016_guidance_on_design():
    # Before 推动工业设计: the title 13, 支持利用…科技手段， 28, 推动工业文化创新发展， 11,
    # 催生一批新技术、新工艺、新业态。 16 = 68. The sentence is 22 characters; the next
    # begins after its comma, at 91, and runs 25 to the 。 both print, which is trimmed.
    reuse = find_reuse({"js/9": JIANGSU_9}, {"cn16/design": GUIDANCE_DESIGN})
    assert reuse == [
        Reuse("js/9", "cn16/design", "推动工业设计从产品设计向高端综合设计服务转变", 68, 22),
        Reuse("js/9", "cn16/design", "鼓励发展体现中国实力和文化魅力的设计产品和设计服务", 91, 25),
    ]


def test_whitespace_is_ignored_when_comparing_and_kept_in_the_passage():
    # 组织 2, then 工业文化资源调查，梳理和挖掘工业遗产: 8 + 1 + 5 + 4 = 18 characters
    # without the line break, which the passage keeps as the item prints it.
    item = "组织工业文化资源调查，梳理和\n挖掘工业遗产"
    earlier = "开展工业文化资源调查， 梳理和挖掘工业遗产、工业旅游"
    assert find_reuse({"item": item}, {"earlier": earlier}) == [
        Reuse("item", "earlier", "工业文化资源调查，梳理和\n挖掘工业遗产", 2, 18)
    ]


def test_responsibility_clauses_are_not_compared():
    # graphs/gd-2023-plan.ttl （一） of 三、保障措施 and graphs/cn-2021-plan.ttl （十六）,
    # excerpts: both end a sentence with 为工业文化发展营造良好社会环境 and begin a clause
    # with 各地…工业和信息化主管部门牵头 (12 characters in common); only the sentence
    # counts. 在宣传教育等方面提供支持， is 13 characters; the passage 15.
    item = "在宣传教育等方面提供支持，为工业文化发展营造良好社会环境。(各地级以上市工业和信息化主管部门牵头，相关部门按职责分工负责)"
    earlier = "加强宣传推广，为工业文化发展营造良好社会环境。(各地工业和信息化主管部门牵头、相关部门参与）"
    assert find_reuse({"gd": item}, {"cn21": earlier}) == [Reuse("gd", "cn21", "为工业文化发展营造良好社会环境", 13, 15)]
    # Two table rows whose responsibility cells are the same list of bodies.
    rows = {"a": "培树50家工业博物馆。\t省工信厅、省人社厅、省文旅厅、省国资委", "b": "打造30个省级工业旅游区。\t省工信厅、省人社厅、省文旅厅、省国资委"}
    assert find_reuse({"a": rows["a"]}, {"b": rows["b"]}) == []


def test_a_run_inside_a_longer_run_is_not_reported():
    # Jiangsu row 2 against excerpts of the national （七） and Guangdong's 9.: the run
    # Guangdong shares, 开展理论研究和教学实践，将工业文化有机融入 (21), lies inside the
    # national one, 建设，支持…有机融入 (26, from 48); 推动工业文化学科体系建设 (12, after
    # the title's 13 + 1) is the same span in both, and both are reported. Before
    # 加强普通…的相关 (16) the comma at 26 is trimmed; before 建设 at 48 Jiangsu prints
    # 学科、专业 (5 after 43), the nation 专业、学科.
    national = (
        "推进工业文化进校园，加强普通高等学校和职业学校的相关专业、学科建设，支持开展理论研究和教学实践，"
        "将工业文化有机融入精品课程，推动工业文化学科体系建设(教育部、工业和信息化部牵头，国资委参与）。"
    )
    guangdong = "支持普通高校和职业院校开展理论研究和教学实践，将工业文化有机融入教学课程，推动工业文化学科体系建设。"
    reuse = find_reuse({"js/2": JIANGSU_2}, {"cn21/7": national, "gd/9": guangdong})
    assert reuse == [
        Reuse("js/2", "cn21/7", "推动工业文化学科体系建设", 14, 12),
        Reuse("js/2", "gd/9", "推动工业文化学科体系建设", 14, 12),
        Reuse("js/2", "cn21/7", "加强普通高等学校和职业学校的相关", 27, 16),
        Reuse("js/2", "cn21/7", "建设，支持开展理论研究和教学实践，将工业文化有机融入", 48, 26),
    ]


def test_a_run_of_formulae_is_not_reuse_but_the_words_around_them_are():
    # graphs/fj-2026-plan.ttl, section 二、 (first words): it shares
    # 以习近平新时代中国特色社会主义思想为指导，全面 (23) with the national 指导思想 — the
    # formula and 6 characters.
    fujian = "以习近平新时代中国特色社会主义思想为指导，全面落实党的二十大和二十届四中全会关于“加快建设制造强国”“繁荣发展社会主义文化”重大部署"
    assert find_reuse({"fj": fujian}, {"cn21/1": NATIONAL_GUIDING_THOUGHT}) == []
    # graphs/gd-2023-plan.ttl, section 一、 (first sentence, to 举措): the formula (17)
    # is not reported; 把工业文化建设作为推动制造业高质量发展的重要 is, 22 characters after
    # 17 + 5 (" and ") + 10 + 1 + 13 + 1 + 13 + 1 = 61.
    guangdong = (
        "以习近平新时代中国特色社会主义思想 and 党的二十大精神为指导，全面贯彻省委省政府工作部署，"
        "以社会主义核心价值观为引领，把工业文化建设作为推动制造业高质量发展的重要举措"
    )
    assert find_reuse({"gd": guangdong}, {"cn21/1": NATIONAL_GUIDING_THOUGHT}) == [
        Reuse("gd", "cn21/1", "把工业文化建设作为推动制造业高质量发展的重要", 61, 22)
    ]


def test_a_passage_starts_and_ends_on_words_and_is_counted_without_its_separators():
    # graphs/cn-2021-plan.ttl （十） and graphs/cn-2016-guidance.ttl 加强工业文化宣传 share
    # 创作工业题材的文化作品， — 11 characters and a comma, so under 12.
    item = "鼓励创作工业题材的文化作品，通过工业影视作品"
    earlier = "通过博览会、讲坛、大赛等活动，展示工业文化成果，营造发展氛围。支持创作工业题材的文化作品，弘扬中国工业精神，传播当代工业价值观。"
    assert find_reuse({"cn21": item}, {"cn16": earlier}) == []
    assert find_reuse({"cn21": item}, {"cn16": earlier}, min_length=11) == [
        Reuse("cn21", "cn16", "创作工业题材的文化作品", 2, 11)
    ]


def test_an_item_is_not_compared_with_itself():
    assert find_reuse({"js/1": JIANGSU_1}, {"js/1": JIANGSU_1}) == []


# -- the saved query ----------------------------------------------------------------------------

REUSE_GRAPH = """
@prefix icp:     <https://w3id.org/icpkg/ontology#> .
@prefix eli:     <http://data.europa.eu/eli/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix doc:     <https://w3id.org/icpkg/id/doc/> .
@prefix task:    <https://w3id.org/icpkg/id/task/> .
@prefix reuse:   <https://w3id.org/icpkg/id/reuse/> .

task:js-task-table\\/1 eli:number "1" ; dcterms:title "建立工业文化基础资源库"@zh ; icp:inDocument doc:js-task-table .
task:js-task-table\\/9 eli:number "9" ; dcterms:title "培育工业文化新业态新模式"@zh ; icp:inDocument doc:js-task-table .
task:gd-2023-plan\\/9 eli:number "9." ; dcterms:title "推进工业文化走进校园"@zh ; icp:inDocument doc:gd-2023-plan .
task:cn-2021-plan\\/7 eli:number "（七）" ; dcterms:title "开展工业文化教育实践"@zh ; icp:inDocument doc:cn-2021-plan .
task:cn-2016-guidance\\/2-resources icp:unnumbered true ; dcterms:title "统筹利用各类工业文化资源"@zh ;
    icp:inDocument doc:cn-2016-guidance .
task:cn-2016-guidance\\/3-design icp:unnumbered true ; dcterms:title "推动工业设计创新发展"@zh ;
    icp:inDocument doc:cn-2016-guidance .

reuse:a a icp:TextReuse ; icp:reusingItem task:js-task-table\\/9 ; icp:reusedItem task:cn-2016-guidance\\/3-design ;
    icp:quote "推动工业设计从产品设计向高端综合设计服务转变"@zh ; icp:passageLength 22 .
reuse:b a icp:TextReuse ; icp:reusingItem task:js-task-table\\/1 ; icp:reusedItem task:cn-2016-guidance\\/2-resources ;
    icp:quote "工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，建立"@zh ; icp:passageLength 44 .
reuse:c a icp:TextReuse ; icp:reusingItem task:gd-2023-plan\\/9 ; icp:reusedItem task:cn-2021-plan\\/7 ;
    icp:quote "鼓励大国工匠、工程师、企业家进讲堂，围绕工业道路、工业创造、工业精神等方面，传承弘扬"@zh ; icp:passageLength 42 .
reuse:d a icp:TextReuse ; icp:reusingItem task:js-task-table\\/9 ; icp:reusedItem task:cn-2016-guidance\\/3-design ;
    icp:quote "鼓励发展体现中国实力和文化魅力的设计产品和设计服务"@zh ; icp:passageLength 25 .
"""
TASK = "https://w3id.org/icpkg/id/task/"
# Guangdong first (documents by code), then Jiangsu's passages, longest first.
EXPECTED_ROWS = [
    ("gd-2023-plan", "9.", TASK + "gd-2023-plan/9", "cn-2021-plan", "（七）", TASK + "cn-2021-plan/7", "42",
     "鼓励大国工匠、工程师、企业家进讲堂，围绕工业道路、工业创造、工业精神等方面，传承弘扬"),
    ("js-task-table", "1", TASK + "js-task-table/1", "cn-2016-guidance", "", TASK + "cn-2016-guidance/2-resources", "44",
     "工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，建立"),
    ("js-task-table", "9", TASK + "js-task-table/9", "cn-2016-guidance", "", TASK + "cn-2016-guidance/3-design", "25",
     "鼓励发展体现中国实力和文化魅力的设计产品和设计服务"),
    ("js-task-table", "9", TASK + "js-task-table/9", "cn-2016-guidance", "", TASK + "cn-2016-guidance/3-design", "22",
     "推动工业设计从产品设计向高端综合设计服务转变"),
]  # fmt: skip


def _rdflib_rows(text: str) -> list[tuple[str, ...]]:
    graph = Graph().parse(data=REUSE_GRAPH, format="turtle")
    return [tuple("" if value is None else str(value) for value in row) for row in graph.query(text)]


def test_the_text_reuse_query_has_the_house_header_and_parses():
    query = load_query(REPO / "queries" / "text-reuse.rq")  # the header, and Oxigraph's parser
    assert query.columns == (
        "document", "number", "item", "reused_document", "reused_number", "reused_item", "length", "passage",
    )  # fmt: skip
    assert [(p.name, p.kind, p.default) for p in query.params] == [
        ("document", "iri:https://w3id.org/icpkg/id/doc/", "all")
    ]
    prepareQuery(query.text)


def test_the_text_reuse_query_lists_passages_by_document_longest_first():
    query = load_query(REPO / "queries" / "text-reuse.rq")
    assert _rdflib_rows(with_values(query.text, query.bindings())) == EXPECTED_ROWS
    store = Store()
    store.load(REUSE_GRAPH.encode("utf-8"), format=RdfFormat.TURTLE)
    answer = evaluate(store, query.name, with_values(query.text, query.bindings()))
    assert answer.columns == list(query.columns)
    assert [tuple(row.values()) for row in answer.rows] == EXPECTED_ROWS


def test_the_text_reuse_query_keeps_one_document_when_asked():
    query = load_query(REPO / "queries" / "text-reuse.rq")
    text = with_values(query.text, query.bindings({"document": "js-task-table"}))
    assert _rdflib_rows(text) == EXPECTED_ROWS[1:]
