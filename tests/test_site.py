"""The release's pages (kgtool.release.site): what a reader sees, that every link works, that
interpretation is never shown as text, and that the same input gives the same bytes.

The site is written once for the module from the session's build of the repository.
Expected values are read by hand from sources/ (quoted with their line) and graphs/.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kgtool.project import Project
from rdflib import URIRef

from kgtool.namespaces import BASE
from kgtool.release.site import write_site

from helpers import REPO, graph_difference

# Written beside the pages by `kgtool publish`, not by write_site; the index links to them.
PUBLISHED_BESIDE = ("dumps/", "void.ttl")
# The source texts every quote links to, which `kgtool publish` ships (tests/test_citation.py
# follows those links in a release).
SOURCES_BESIDE = "sources/"


@dataclass(frozen=True)
class Element:
    tag: str
    id: str
    classes: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    within: tuple[Element, ...]  # the elements around it, outermost first

    def inside(self, id: str | None = None, cls: str | None = None) -> bool:
        return any((id is None or e.id == id) and (cls is None or cls in e.classes) for e in self.within)


class Page(HTMLParser):
    """What a test needs of a page: its title and language, its links with their text
    and where they stand, the ids it defines, its quotes, and its definition-list rows
    (with whether they stand in an interpretation section) and what each row says."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.lang = None
        self.title = ""
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.quotes: list[str] = []
        self.rows: list[tuple[str, bool]] = []  # (the text of a <dt>, inside an interpretation section)
        self.definitions: list[str] = []  # the text of each <dd>, in order
        self.text = ""
        self._open: list[Element] = []
        self._link = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element = Element(tag, attrs.get("id") or "", tuple((attrs.get("class") or "").split()))
        if tag == "html":
            self.lang = attrs.get("lang")
        if element.id:
            self.ids.add(element.id)
        if tag == "a" and "href" in attrs:
            self._link = [attrs["href"], "", tuple(self._open)]
        if tag == "blockquote":
            self.quotes.append("")
        if tag == "dt":
            self.rows.append(("", any("interpretation" in e.classes for e in self._open)))
        if tag == "dd":
            self.definitions.append("")
        # HTML's void elements have no end tag; an SVG element is closed, by its own end
        # tag or by "/>" (which HTMLParser reports as a start and an end).
        if tag not in ("br", "meta", "link"):
            self._open.append(element)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(Link(*self._link))
            self._link = None
        while self._open and self._open.pop().tag != tag:
            pass

    def handle_data(self, data):
        tags = [e.tag for e in self._open]
        self.text += data
        if "title" in tags and "svg" not in tags:
            self.title += data
        if self._link is not None:
            self._link[1] += data
        if "blockquote" in tags:
            self.quotes[-1] += data
        if "dt" in tags:
            self.rows[-1] = (self.rows[-1][0] + data, self.rows[-1][1])
        if "dd" in tags:
            self.definitions[-1] += data

    def hrefs(self) -> list[tuple[str, str]]:
        return [(link.href, link.text) for link in self.links]

    def facts(self) -> dict[str, str]:
        """Each definition-list row as its Chinese term → its text, spaces collapsed
        (on a page where no term is shown twice)."""
        return {dt.split()[0]: " ".join(dd.split()) for (dt, _), dd in zip(self.rows, self.definitions)}


@pytest.fixture(scope="module")
def project(repository_build) -> Project:
    return Project(repository_build.path.parent)


@pytest.fixture(scope="module")
def written(repository_build, project, tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    summary = write_site(repository_build, out, project)
    return out, summary


@pytest.fixture(scope="module")
def release(written) -> Path:
    return written[0]


def page(release: Path, path: str) -> Page:
    return Page(release / path)


def source_line(code: str, number: int) -> str:
    return (REPO / "sources" / f"{code}.txt").read_text(encoding="utf-8").splitlines()[number - 1]


# --- what a reader sees ----------------------------------------------------------------


def test_guangdong_item_1_quotes_its_text_verbatim_and_names_its_bodies_as_responsible(release):
    item = page(release, "id/task/gd-2023-plan/1.html")
    # sources/gd-2023-plan.txt lines 73 and 75, one paragraph broken where the PDF's page
    # ended: “1. 深入挖掘工业文化内涵。梳理挖掘广东工业历史，特别是” “新中国和改革开放以来……
    # （省发展改革委、教育厅、工业和信息化厅、人力资源和社会保障厅、文化和旅游厅、国资委按职责分工负责）”;
    # the item's text is all it prints after its number, the page break removed.
    printed = source_line("gd-2023-plan", 73) + source_line("gd-2023-plan", 75)
    assert printed.startswith("1. ")
    assert item.quotes[0] == printed.removeprefix("1. ")
    assert item.title.startswith("1. 深入挖掘工业文化内涵")
    # The clause names no lead (…按职责分工负责), so every body is responsible, and each
    # name links to its page in the registry (graphs/agencies.ttl).
    assert "省发展改革委、教育厅、工业和信息化厅、人力资源和社会保障厅、文化和旅游厅、国资委按职责分工负责" in item.text
    assert "负责 responsible" in item.text and "牵头 lead" not in item.text
    bodies = {link.text: link.href for link in item.links if link.inside(cls="role-responsible")}
    assert bodies == {
        "广东省发展和改革委员会": "../../agency/gd-development-reform.html",
        "广东省教育厅": "../../agency/gd-education.html",
        "广东省工业和信息化厅": "../../agency/gd-industry-it.html",
        "广东省人力资源和社会保障厅": "../../agency/gd-human-resources.html",
        "广东省文化和旅游厅": "../../agency/gd-culture-tourism.html",
        "广东省人民政府国有资产监督管理委员会": "../../agency/gd-sasac.html",
    }
    # Its document and section (二、重点任务 （一）大力传承弘扬工业文化), in the breadcrumbs.
    assert ("../../doc/gd-2023-plan.html", "广东省推动工业文化发展实施方案") in item.hrefs()
    assert ("../../doc/gd-2023-plan.html#section-2-1", "（一） 大力传承弘扬工业文化") in item.hrefs()


def test_a_national_item_keeps_each_passage_with_its_own_leads_and_participants(release):
    item = page(release, "id/task/cn-2021-plan/7.html")
    # sources/cn-2021-plan.txt （七）: the second passage ends “(教育部、工业和信息化部牵头，国资委参与）”,
    # the third “(工业和信息化部牵头，教育部、国资委参与）”.
    def named(clause: str, role: str) -> set[str]:
        return {link.text for link in item.links if link.inside(id=clause) and link.inside(cls=role)}

    assert "教育部、工业和信息化部牵头，国资委参与" in item.text
    assert named("clause-7-p2", "role-lead") == {"教育部", "工业和信息化部"}
    assert named("clause-7-p2", "role-participant") == {"国务院国有资产监督管理委员会"}
    assert named("clause-7-p3", "role-lead") == {"工业和信息化部"}
    assert named("clause-7-p3", "role-participant") == {"教育部", "国务院国有资产监督管理委员会"}
    assert "适用于第 2 段" in item.text and "适用于第 3 段" in item.text


def test_an_agency_page_lists_the_items_it_leads_by_document(release):
    agency = page(release, "id/agency/cn-ncha.html")
    assert agency.title.startswith("国家文物局")
    # sources/cn-2021-plan.txt: 国家文物局 is named before 牵头 in （八）'s second passage
    # “(工业和信息化部、国家文物局牵头）” and in （九）'s three (lines 56, 58, 60), nowhere else.
    led = [(link.href, link.text) for link in agency.links if link.inside(id="role-lead")]
    assert led == [
        ("../doc/cn-2021-plan.html", "推进工业文化发展实施方案（2021-2025年）"),
        ("../task/cn-2021-plan/8.html", "（八） 提高工业遗产保护利用水平"),
        ("../task/cn-2021-plan/9.html", "（九） 完善工业博物馆体系"),
    ]


def test_the_index_lists_the_documents_and_shows_coverage_from_the_saved_query(release):
    index = page(release, "index.html")
    assert index.title.startswith("工业文化政策知识图谱")
    documents = [link.href for link in index.links if link.inside(cls="documents") and link.href.startswith("id/doc/")]
    assert documents == [f"id/doc/{code}.html" for code in
                         ("cn-2016-guidance", "cn-2021-plan", "fj-2026-plan", "gd-2023-plan", "js-task-table")]
    html = (release / "index.html").read_text(encoding="utf-8")
    # The cells test_queries pins: （八） in Guangdong is key tasks 11.–13. and annex rows 9, 10
    # (five items, the darkest shade), each number linking to its item; （十四） in Jiangsu is a gap.
    assert (
        '<td class="heat-5" title="5 个条目 / 5 items">'
        '<a href="id/task/gd-2023-plan/annex-9.html">9</a> <a href="id/task/gd-2023-plan/annex-10.html">10</a> '
        '<a href="id/task/gd-2023-plan/11.html">11.</a> <a href="id/task/gd-2023-plan/12.html">12.</a> '
        '<a href="id/task/gd-2023-plan/13.html">13.</a></td>'
    ) in html
    jiangsu_fourteen = html.split("（十四） 发挥中介机构作用")[1].split("</tr>")[0]
    assert jiangsu_fourteen.count('class="heat-0"') == 1
    for target in ("ontology.html", "dumps/", "void.ttl", "vocab/carrier-type.html", "heritage.html"):
        assert target in {link.href for link in index.links}


def test_each_heatmap_cell_links_to_the_items_it_counts(release, repository_graph):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from kgtool.namespaces import BASE, ELI, ICP

    html = (release / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="heatmap">'):]
    table = table[:table.index("</table>")]
    columns = re.findall(r'<th scope="col" lang="zh-Hans">([^<]+)</th>', table)
    assert columns == ["广东省", "江苏省", "福建省"]
    linked = 0
    for row in table.split("<tr>")[2:]:  # the rows after the head's
        national = URIRef(BASE + re.search(r'<th scope="row"><a href="([^"]+)\.html"', row)[1])
        cells = re.findall(r'<td class="heat-\d" title="(\d+) 个条目 / \d+ items">(.*?)</td>', row)
        assert len(cells) == len(columns)
        for column, (count, cell) in zip(columns, cells):
            links = re.findall(r'<a href="([^"]+)\.html">([^<]+)</a>', cell)
            assert len(links) == int(count)
            for href, number in links:
                # The item is aligned with the row's national item, in a plan of the
                # column's province, and printed with the number the cell shows.
                item = URIRef(BASE + href)
                assert (item, ICP.alignsWith, national) in repository_graph
                place = repository_graph.value(repository_graph.value(item, ICP.inDocument), ELI.jurisdiction)
                assert column in {str(name) for name in repository_graph.objects(place, SKOS.prefLabel)}
                assert str(repository_graph.value(item, ELI.number)) == number
            linked += len(links)
    # The coverage query's cells for （四）–（十六） hold 62 provincial items in all.
    assert linked == 62


def test_the_network_draws_each_body_once_linked_to_its_page(release):
    html = (release / "index.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg"):html.index("</svg>")]
    # 52 bodies share an item with another (the saved query agency-network); the pair
    # sharing most is 广东省工业和信息化厅 and 广东省文化和旅游厅 (22 items).
    assert svg.count('<g class="node">') == 52
    assert '<a href="id/agency/gd-industry-it.html"><g class="node">' in svg
    assert "广东省工业和信息化厅 — 广东省文化和旅游厅：共同负责 22 个条目" in svg
    for group in ("全国", "广东省", "江苏省", "福建省"):
        assert f">{group}</text>" in svg


def search_records(release: Path) -> dict[str, dict]:
    """search-index.js's records by path."""
    script = (release / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.icpkgSearch = ") and script.endswith(";\n")
    data = json.loads(script.removeprefix("window.icpkgSearch = ").removesuffix(";\n"))
    assert [record["id"] for record in data["records"]] == list(range(len(data["records"])))
    assert {record["kind"] for record in data["records"]} <= set(data["kinds"])
    return {record["path"]: record for record in data["records"]}


def test_the_index_page_loads_the_search_scripts_it_ships(release):
    html = (release / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)"></script>', html)
    assert scripts == ["minisearch.js", "search-index.js", "search.js"]
    for script in scripts:
        assert (release / script).is_file()
    assert "MiniSearch 7.2.0" in (release / "minisearch.js").read_text(encoding="utf-8")[:200]
    assert '<form id="search" class="search" role="search" hidden>' in html  # shown by the script


def test_the_search_index_has_one_record_per_searched_page_with_its_names_and_text(release):
    records = search_records(release)
    for path in records:
        assert (release / path).is_file(), path
    kinds = Counter(record["kind"] for record in records.values())
    # The README's figures: 5 documents, 96 items, 73 agencies and generic actors, 15
    # programmes, 7 heritage lists, 263 heritage sites.
    assert (kinds["document"], kinds["item"], kinds["agency"] + kinds["actor"]) == (5, 96, 73)
    assert (kinds["programme"], kinds["heritage-list"], kinds["heritage-site"]) == (15, 7, 263)
    # graphs/gd-2023-plan.ttl task:1, its text as sources/gd-2023-plan.txt prints it.
    item = records["id/task/gd-2023-plan/1.html"]
    assert (item["kind"], item["zh"], item["context"]) == ("item", "1. 深入挖掘工业文化内涵", "广东省推动工业文化发展实施方案")
    assert item["text"].startswith("深入挖掘工业文化内涵。梳理挖掘广东工业历史")
    # A plan by its 文号, a heritage site by its address (graphs/heritage/cn-2017-heritage-list.ttl).
    assert "粤工信生产合作函〔2023〕22号" in records["id/doc/gd-2023-plan.html"]["names"]
    site = records["id/carrier/ln-anshangangtiechang.html"]
    assert (site["kind"], site["zh"], site["context"]) == ("heritage-site", "鞍山钢铁厂", "辽宁省")
    assert "辽宁省鞍山市铁西区" in site["names"]
    agency = records["id/agency/cn-ncha.html"]
    assert (agency["kind"], agency["zh"], agency["en"]) == ("agency", "国家文物局", "National Cultural Heritage Administration")
    # Parts shown inside another page (sections, clauses) are not results of their own.
    assert not any(path.startswith(("id/section/", "id/clause/")) for path in records)


# --- national industrial heritage --------------------------------------------------------


@pytest.fixture(scope="module")
def heritage_graph():
    """The seven lists as graphs/heritage/ states them, with the places they name, read
    straight from the files."""
    from rdflib import Graph

    graph = Graph()
    for path in sorted((REPO / "graphs" / "heritage").glob("*.ttl")) + [REPO / "graphs" / "places.ttl"]:
        graph.parse(path, format="turtle")
    return graph


REGISTER_ROW = re.compile(
    r'<tr class="row">\s*<td lang="zh-Hans">(?P<province>[^<]+)</td>\s*<td class="number">(?P<batch>\d+)</td>\s*'
    r'<td class="number">(?P<number>\d+)</td>\s*<td><a href="(?P<href>[^"]+)" lang="zh-Hans">(?P<name>[^<]+)</a></td>'
)


def register_rows(release: Path, path: str) -> list[dict]:
    """The register's rows in the order the page shows them: province, batch, number, link, name."""
    html = (release / path).read_text(encoding="utf-8")
    rows = [match.groupdict() for match in REGISTER_ROW.finditer(html)]
    assert len(rows) == html.count('<tr class="row">')
    return rows


def test_the_register_has_a_row_per_designation_sorted_by_province_or_by_batch(release, heritage_graph):
    from rdflib.namespace import RDF

    from kgtool.release.choropleth import PROVINCES
    from kgtool.namespaces import ICP

    # graphs/heritage/: 264 rows in the seven lists, 263 sites (北京卫星制造厂 is row 3 of
    # batch 2 and row 62 of batch 4). The register shows every row.
    designations = set(heritage_graph.subjects(RDF.type, ICP.Designation))
    sites = set(heritage_graph.objects(None, ICP.designatedSite))
    assert (len(designations), len(sites)) == (264, 263)
    by_province = register_rows(release, "heritage.html")
    by_batch = register_rows(release, "heritage-by-batch.html")
    for rows in (by_province, by_batch):
        assert len(rows) == 264
        assert len({row["href"].split("#")[0] for row in rows}) == 263
    # By province in the order of the divisions' codes (北京市 first), then batch and number.
    codes = [PROVINCES.index(row["province"]) for row in by_province]
    assert codes == sorted(codes)
    assert by_province[0] == {"province": "北京市", "batch": "2", "number": "1", "name": "国营738厂",
                              "href": "id/carrier/bj-guoying738chang.html#designation-bj-guoying738chang-batch-2"}
    # By batch, each list in its own order: 张裕酿酒公司 and 鞍山钢铁厂 open the first.
    numbers = [(int(row["batch"]), int(row["number"])) for row in by_batch]
    assert numbers == sorted(numbers)
    assert [(r["name"], r["province"]) for r in by_batch[:2]] == [("张裕酿酒公司", "山东省"), ("鞍山钢铁厂", "辽宁省")]
    # Each page links the other ordering from the heading of its column.
    assert ("heritage-by-batch.html", "批次 Batch") in page(release, "heritage.html").hrefs()
    assert ("heritage.html", "省份 Province") in page(release, "heritage-by-batch.html").hrefs()
    register = page(release, "heritage.html")
    assert "共 264 行，263 处工业遗产" in register.text
    # Batches 2 and 3 (graphs/heritage/cn-2018-…, cn-2019-heritage-list.ttl: icp:reviewedBy).
    assert "工信部政法函〔2024〕301号" in register.text and "工信部政法函〔2025〕273号" in register.text
    assert "batches 2 and 3 were voided" in register.text and "outcome not recorded here" in register.text


def test_the_map_counts_the_distinct_sites_of_each_province_and_links_to_its_rows(release, heritage_graph):
    from collections import Counter

    from rdflib.namespace import SKOS

    from kgtool.namespaces import ICP

    html = (release / "heritage.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg"):html.index("</svg>")]
    sites = set(heritage_graph.objects(None, ICP.designatedSite))
    names = {
        place: str(label) for place in {heritage_graph.value(s, ICP.province) for s in sites}
        for label in heritage_graph.objects(place, SKOS.prefLabel) if label.language == "zh"
    }
    expected = Counter(names[heritage_graph.value(s, ICP.province)] for s in sites)
    shown = dict(re.findall(r"<title>([^<：]+)：(\d+) 处</title>", svg))
    assert len(shown) == 34  # every provincial-level division, 0 where no site is
    assert {name: int(count) for name, count in shown.items() if count != "0"} == dict(expected)
    # Liaoning: 16 sites in 16 rows; Beijing: 15 rows but 14 sites (北京卫星制造厂 twice).
    assert "<title>辽宁省：16 处</title>" in svg and "<title>北京市：14 处</title>" in svg
    rows = register_rows(release, "heritage.html")
    assert sum(row["province"] == "北京市" for row in rows) == 15
    # A province with sites links to its rows in the table, which begin under that anchor.
    assert '<a href="#place-ln"><path' in svg and '<a href="#place-bj"><path' in svg
    liaoning = html.split('<tbody id="place-ln">')[1].split("</tbody>")[0]
    assert liaoning.count('<tr class="row">') == 16 and "Liaoning Province" in liaoning
    assert "place-ln" in page(release, "heritage.html").ids


def test_a_site_page_shows_its_address_batch_status_and_core_items(release, heritage_graph):
    from rdflib import URIRef

    from kgtool.namespaces import ICP

    site = page(release, "id/carrier/ln-anshangangtiechang.html")
    assert site.title.startswith("鞍山钢铁厂")
    # graphs/heritage/cn-2017-heritage-list.ttl: row 2 of the first batch (工信部产业函〔2017〕589号, 2017-12-20).
    facts = site.facts()
    assert facts["地址"] == "辽宁省鞍山市铁西区"
    assert facts["所在省份"].startswith("辽宁省 Liaoning Province")
    assert facts["地点"] == "鞍山市 Anshan"
    assert facts["所在名单"].startswith("第一批国家工业遗产名单 National industrial heritage list, batch 1 译文")
    assert (facts["批次"], facts["序号"], facts["文号"], facts["印发日期"]) == ("1", "2", "工信部产业函〔2017〕589号", "2017-12-20")
    assert facts["认定状态"] == "已认定 Designated"
    designation = URIRef("https://w3id.org/icpkg/id/designation/ln-anshangangtiechang-batch-1")
    assert site.quotes == [str(heritage_graph.value(designation, ICP.coreItems))]
    assert site.quotes[0].startswith("昭和制钢所运输系统办公楼") and site.quotes[0].endswith("鞍钢宪法。")
    assert "designation-ln-anshangangtiechang-batch-1" in site.ids
    # The list links each of its rows, in order, to its place on the site's page.
    heritage_list = page(release, "id/doc/cn-2017-heritage-list.html")
    rows = [link.href for link in heritage_list.links if link.inside(cls="register") and "#designation-" in link.href]
    assert len(rows) == 11 == int(heritage_list.facts()["所列项数"])
    assert rows[:2] == ["../carrier/sd-zhangyuniangjiugongsi.html#designation-sd-zhangyuniangjiugongsi-batch-1",
                        "../carrier/ln-anshangangtiechang.html#designation-ln-anshangangtiechang-batch-1"]


def test_a_site_of_a_reviewed_batch_says_the_outcome_is_not_recorded(release):
    # graphs/heritage/cn-2018-heritage-list.ttl: 国营738厂, row 1 of batch 2, dstatus:reviewed-outcome-unrecorded
    # (ontology/vocab/designation-status.ttl gives the words).
    site = page(release, "id/carrier/bj-guoying738chang.html")
    assert site.facts()["认定状态"] == "已认定，后经复核，复核结果未收录 Designated, then reviewed; outcome not recorded here"
    heritage_list = page(release, "id/doc/cn-2018-heritage-list.html")
    assert heritage_list.facts()["复核通知文号"] == "工信部政法函〔2024〕301号"


def test_the_parts_of_the_core_items_are_a_reading_and_the_row_keeps_its_applicant(release):
    # graphs/heritage/cn-2024-heritage-list.ttl, batch 6 row 2: approved as 首钢石景山厂区, applied
    # for as 首钢老工业区工业遗产 by 首钢集团有限公司; its core items fall into three parts.
    site = page(release, "id/carrier/bj-shougangshijingshanchangqu.html")
    facts = site.facts()
    assert site.title.startswith("首钢石景山厂区")
    assert facts["申请名称"] == "首钢老工业区工业遗产"
    assert facts["申请单位"] == "首钢集团有限公司"
    assert facts["核心物项：建筑物"] == "3号高炉及附属设施（干法除尘、重力除尘及热风炉），三焦炉，日伪时期高炉基座，秀池，龙烟别墅"
    assert facts["核心物项：档案"] == "岗位承包制和分工承包制档案原件"
    parts = [(row, inside) for row, inside in site.rows if row.startswith("核心物项：")]
    assert len(parts) == 3 and all("解读" in row and inside for row, inside in parts)
    assert site.quotes[0].startswith("3号高炉及附属设施") and "岗位承包制和分工承包制档案原件" in site.quotes[0]


def test_a_site_listed_in_two_batches_shows_both_rows(release):
    # 北京卫星制造厂: row 3 of batch 2 (reviewed) and row 62 of batch 4, which adds a core item.
    site = page(release, "id/carrier/bj-beijingweixingzhizaochang.html")
    assert {f"designation-bj-beijingweixingzhizaochang-batch-{n}" for n in (2, 4)} <= site.ids
    assert site.quotes == ["一号、四号厂房，坐标镗床，坐标镗铣床，万能工具铣床，东方红一号卫星诞生地纪念碑。",
                           "三号厂房（为第二批国家工业遗产项目增补核心物项）"]
    assert "复核结果未收录" in site.text and "已认定 Designated" in site.text


def test_a_clause_has_the_generic_page_with_its_bodies_and_its_place_in_the_item(release):
    # National item （十）, its first passage's clause: sources/cn-2021-plan.txt line 64 ends
    # "(工业和信息化部牵头，文化和旅游部、国家发展改革委、国资委、国家文物局、相关行业协会参与）".
    clause = page(release, "id/clause/cn-2021-plan/10-p1.html")
    assert clause.title.startswith("责任分工表述 10-p1 — 推进工业文化发展实施方案")
    facts = clause.facts()
    assert facts["表述原文"] == "工业和信息化部牵头，文化和旅游部、国家发展改革委、国资委、国家文物局、相关行业协会参与"
    assert source_line("cn-2021-plan", 64).endswith(f"({facts['表述原文']}）")
    hrefs = dict(clause.hrefs())
    assert hrefs["../../task/cn-2021-plan/10.html#clause-10-p1"] == "（十） 加大传播与交流"
    assert hrefs["../../agency/cn-miit.html"].startswith("工业和信息化部")
    assert "../../task/cn-2021-plan/10-p1.html" in hrefs  # the passage it covers, a page of its own
    assert "clause-10-p1" in page(release, "id/task/cn-2021-plan/10.html").ids


def test_a_theme_lists_the_items_read_as_having_it_under_interpretation(release, repository_graph):
    from rdflib import URIRef

    from kgtool.namespaces import ICP

    theme = URIRef("https://w3id.org/icpkg/vocab/theme/heritage")
    concept = page(release, "vocab/theme/heritage.html")
    assert concept.title.startswith("工业遗产")
    items = {link.href for link in concept.links if link.inside(cls="interpretation") and "/id/task/" in link.href}
    # 15 items carry icp:theme heritage in graphs/ (3 of the 2016 guidance, 4 of the 2021 plan,
    # Fujian's 4, Guangdong's 11–13 and annex rows 9–10, Jiangsu's rows 6 and 7).
    expected = {f"../../id/task/{str(item).rsplit('/task/', 1)[1]}.html" for item in repository_graph.subjects(ICP.theme, theme)}
    assert len(expected) == 15 and items == expected
    assert [(dt.split()[0], interpreted) for dt, interpreted in concept.rows if "theme" in dt] == [("以本项为“主题”者", True)]
    assert ("../theme.html", "任务主题") in concept.hrefs()  # its vocabulary


# --- every page, every link ------------------------------------------------------------


def test_every_resource_of_each_kind_has_a_page_and_its_data(written, repository_graph):
    release, summary = written
    from rdflib import URIRef
    from rdflib.namespace import RDF, SKOS

    from kgtool.namespaces import ICP

    # The build's figures (README): 5 documents, 96 items, 49 agencies and 24 generic
    # actors; 15 programmes (Guangdong's 专栏 1–5 and five brands, Jiangsu's five 工程);
    # 16 targets (Fujian 1, Guangdong 8, Jiangsu 7); the 67 concepts of
    # ontology/vocab/carrier-type.ttl; the 7 heritage lists and their 263 sites
    # (graphs/heritage/), and the register in two orders; the 14 files of ontology/vocab/;
    # the ontology and its version IRI. The generic page for the rest: 29 sections, 12
    # paragraphs (the national items （七）–（十） split by clause), 74 clauses, 264
    # designations (北京卫星制造厂 is in batches 2 and 4), 9 carriers the plans name, 2
    # attestations, 51 text reuses (graphs/derived/), 170 places and the 101 concepts of the
    # other 13 vocabularies.
    assert summary == {"index": 1, "heritage-register": 2, "document": 5, "item": 96, "agency": 73,
                       "programme": 15, "carrier-type": 67, "target": 16, "heritage-list": 7, "heritage-site": 263,
                       "vocabulary": 14, "section": 29, "paragraph": 12, "clause": 74, "designation": 264,
                       "carrier": 9, "attestation": 2, "text-reuse": 51, "place": 170, "concept": 101, "ontology": 2}
    kinds = {
        "document": [ICP.PolicyDocument], "item": [ICP.Task], "agency": [ICP.Agency, ICP.GenericActor],
        "programme": [ICP.Programme], "target": [ICP.Target], "heritage-list": [ICP.HeritageList],
        "vocabulary": [SKOS.ConceptScheme], "section": [ICP.Section], "paragraph": [ICP.Paragraph],
        "clause": [ICP.ResponsibilityClause], "designation": [ICP.Designation], "attestation": [ICP.Attestation],
        "text-reuse": [ICP.TextReuse], "place": [ICP.Jurisdiction],
    }
    sites = set(repository_graph.objects(None, ICP.designatedSite))
    for kind, classes in kinds.items():
        iris = {s for cls in classes for s in repository_graph.subjects(RDF.type, cls)}
        assert len(iris) == summary[kind]
    carriers = set(repository_graph.subjects(RDF.type, ICP.Carrier))
    assert len(sites) == summary["heritage-site"] and len(carriers - sites) == summary["carrier"]
    assert {p.stem for p in (release / "id" / "carrier").glob("*.html")} == {str(s).rsplit("/", 1)[1] for s in carriers}
    scheme = URIRef("https://w3id.org/icpkg/vocab/carrier-type")
    concepts = set(repository_graph.subjects(SKOS.inScheme, scheme))
    assert len(concepts) == 67
    assert len(set(repository_graph.subjects(RDF.type, SKOS.Concept)) - concepts) == summary["concept"]
    assert {p.stem for p in (release / "vocab" / "carrier-type").glob("*.html")} == {
        str(c).rsplit("/", 1)[1] for c in concepts}
    # Every IRI the graph names under id/ and vocab/ has a page and its data in three syntaxes.
    minted = {t for triple in repository_graph for t in triple
              if isinstance(t, URIRef) and str(t).startswith(("https://w3id.org/icpkg/id/", "https://w3id.org/icpkg/vocab/"))}
    assert len(minted) == sum(summary.values()) - summary["index"] - summary["heritage-register"] - summary["ontology"]
    for iri in minted:
        for suffix in (".html", ".ttl", ".jsonld", ".nt"):
            assert (release / (str(iri).removeprefix("https://w3id.org/icpkg/") + suffix)).is_file(), iri


def test_every_relative_link_of_every_page_reaches_a_file_and_its_anchor(release):
    pages = {path.relative_to(release).as_posix(): Page(path) for path in release.rglob("*.html")}
    # index, the ontology and its version, the register in two orders and the 1,268 resources
    assert len(pages) == 1273
    checked = 0
    for name, parsed in pages.items():
        for href, _ in parsed.hrefs():
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            if parts.path.endswith("/"):
                target += "/"
            if target in PUBLISHED_BESIDE or target.startswith(SOURCES_BESIDE):
                continue
            assert (release / target).is_file(), f"{name} links to {href}, which is not there"
            if parts.fragment and target in pages:
                assert parts.fragment in pages[target].ids, f"{name} links to {href}, which has no such anchor"
            checked += 1
    assert checked > 5000


def test_every_page_names_its_languages_and_leads_back_to_the_index(release):
    for path in release.rglob("*.html"):
        if path.name == "ontology.html" or path.parent.name == "ontology":  # pyLODE's page (and its version's), in its own layout
            continue
        parsed = Page(path)
        assert parsed.lang == "zh-Hans", path
        assert parsed.title.strip(), path
        assert 'lang="en"' in path.read_text(encoding="utf-8"), path
        home = posixpath.relpath("index.html", posixpath.dirname(path.relative_to(release).as_posix()) or ".")
        assert (home, "首页 Home") in parsed.hrefs(), path


def test_the_ontology_page_has_an_anchor_for_every_term(release, repository_graph):
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    ontology = page(release, "ontology.html")
    terms = {str(t) for t in repository_graph.subjects(RDFS.isDefinedBy, URIRef("https://w3id.org/icpkg/ontology"))}
    anchors = {t.removeprefix("https://w3id.org/icpkg/ontology#") for t in terms}
    assert {"PolicyDocument", "Task", "theme", "alignsWith", "translation"} <= anchors
    assert anchors <= ontology.ids
    assert "" not in ontology.ids


# --- interpretation is marked ----------------------------------------------------------


def interpreted_labels(graph) -> set[str]:
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    from kgtool.namespaces import ICP

    interpreted = URIRef("https://w3id.org/icpkg/vocab/statement-basis/interpreted")
    return {
        str(label) for prop in graph.subjects(ICP.basis, interpreted)
        for label in graph.objects(prop, RDFS.label) if label.language == "zh"
    }


def test_every_row_of_an_interpreted_property_is_marked_as_interpretation(release, repository_graph):
    # ontology/icp.ttl: themes, policy instruments, alignments, carrier types, translations,
    # levels, counterparts … carry icp:basis basis:interpreted.
    labels = interpreted_labels(repository_graph)
    assert {"主题", "政策工具", "对应国家任务", "载体类型", "层级", "国家对口部门", "核心物项：建筑物"} <= labels
    rows = 0
    for path in (release / "id").rglob("*.html"):
        for row, in_interpretation in Page(path).rows:
            name = row.split(" ")[0].strip()
            if name in labels:
                assert "解读" in row and in_interpretation, f"{path}: {row!r} is interpretation, not marked so"
            # A row under the interpretation heading is marked; one outside it is not.
            assert ("解读" in row) == in_interpretation, f"{path}: {row!r}"
            rows += 1
    assert rows > 1000


def test_english_titles_are_marked_as_translations(release):
    item = page(release, "id/task/gd-2023-plan/1.html")
    html = (release / "id/task/gd-2023-plan/1.html").read_text(encoding="utf-8")
    subtitle = html.split('<p class="subtitle">')[1].split("</p>")[0]
    # graphs/gd-2023-plan.ttl: icp:translation "Explore the meaning of industrial culture in depth"@en.
    assert "Explore the meaning of industrial culture in depth" in subtitle
    assert "译文" in subtitle and "translation" in subtitle
    # An agency's English name is its stated skos:prefLabel@en, not a translation.
    agency = (release / "id/agency/gd-sasac.html").read_text(encoding="utf-8")
    assert "译文" not in agency.split('<p class="subtitle">')[1].split("</p>")[0]
    assert item.quotes  # the verbatim text is a quote, never mixed with the translation


def test_the_themes_of_an_item_are_shown_under_interpretation_not_with_the_text(release):
    html = (release / "id/task/gd-2023-plan/1.html").read_text(encoding="utf-8")
    stated, interpretation = html.split('<section class="interpretation"')
    # graphs/gd-2023-plan.ttl task:1: icp:theme theme:spirit, theme:research (interpreted);
    # icp:spirit 企业家精神 … (stated: the words are in the text).
    assert "理论研究" in interpretation and "理论研究" not in stated
    assert "企业家精神" in stated.split('id="stated"')[1]
    assert "（四） 弘扬工业文化价值内涵" in interpretation  # its alignment with the national plan


# --- the data beside each page -----------------------------------------------------------


def test_each_page_has_the_resources_description_as_turtle_and_json_ld(release):
    from rdflib import Graph, Literal, URIRef
    from rdflib.compare import to_isomorphic
    from rdflib.namespace import SKOS

    from kgtool.namespaces import ICP

    turtle = Graph().parse(release / "id/task/gd-2023-plan/1.ttl", format="turtle")
    jsonld = Graph().parse(release / "id/task/gd-2023-plan/1.jsonld", format="json-ld")
    assert to_isomorphic(turtle) == to_isomorphic(jsonld), graph_difference(turtle, jsonld)
    item = URIRef("https://w3id.org/icpkg/id/task/gd-2023-plan/1")
    clause = URIRef("https://w3id.org/icpkg/id/clause/gd-2023-plan/1")
    sasac = URIRef("https://w3id.org/icpkg/id/agency/gd-sasac")
    assert (item, ICP.hasClause, clause) in turtle
    assert (clause, ICP.responsible, sasac) in turtle
    # The bodies it names come with their names, so the file reads on its own.
    assert (sasac, SKOS.prefLabel, Literal("广东省人民政府国有资产监督管理委员会", lang="zh")) in turtle
    assert str(turtle.value(item, ICP.text)).startswith("深入挖掘工业文化内涵。")


# --- the same bytes every time -----------------------------------------------------------


def test_writing_again_in_another_process_gives_identical_bytes(release, repository_build, project, tmp_path):
    again = tmp_path / "again"
    script = (
        "import sys; from kgtool import open_build; from kgtool.project import Project; "
        "from kgtool.release.site import write_site; "
        "write_site(open_build(build_dir=sys.argv[1]), sys.argv[2], Project(__import__('pathlib').Path(sys.argv[3])))"
    )
    # Another hash seed: no order may come from a set or dict of terms.
    environment = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run(
        [sys.executable, "-c", script, str(repository_build.path), str(again), str(project.root)],
        check=True, env=environment, capture_output=True,
    )
    first = sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert first == second
    different = [name for name in first if (release / name).read_bytes() != (again / name).read_bytes()]
    assert different == []


# --- packaging --------------------------------------------------------------------------------


def test_the_templates_and_the_search_scripts_ship_in_the_wheel():
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["kgtool"]
    for folder in ("templates", "static"):
        shipped = sorted((REPO / "kgtool" / folder).iterdir())
        assert shipped
        for path in shipped:
            assert any(fnmatch(f"{folder}/{path.name}", pattern) for pattern in package_data), path.name


@pytest.mark.parametrize("local", ["id/task/../../../../etc/x", "id/task/a%2Fb", "id/task/a?b", "id/./x"])
def test_an_iri_whose_path_is_not_plain_segments_gets_no_page(local):
    # Such an IRI in a graph would write outside the release, or give a broken link.
    from kgtool.errors import KgtoolError
    from kgtool.release.site import page_path

    with pytest.raises(KgtoolError, match="cannot have a page"):
        page_path(URIRef(BASE + local))
