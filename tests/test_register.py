"""The national industrial heritage register: every batch read whole from its verbatim source,
row for row as a person reads it, and nothing dropped or guessed when a row cannot be read."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Namespace

from kgtool.cli import main
from kgtool.errors import InputError
from kgtool.project import Project
from kgtool.register.graph import read_batches, read_register
from kgtool.register.read import read_batch
from kgtool.register.write import write_register

from helpers import FIXTURES, REPO

HERITAGE = REPO / "sources" / "heritage"
ICP = Namespace("https://w3id.org/icpkg/ontology#")
HAND_CHECKED = json.loads((FIXTURES / "heritage" / "hand-checked-rows.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sites():
    return {(batch.number, site.number): site
            for batch, batch_sites in read_register(REPO).items() for site in batch_sites}


# The counts the ministry's lists hold (sources/heritage/README.md), each checked by hand:
# the last 序号 of each file is its count and no number is skipped or repeated.
@pytest.mark.parametrize("batch, count", [(1, 11), (2, 42), (3, 49), (4, 62), (5, 31), (6, 37), (7, 32)])
def test_each_batch_gives_exactly_its_count_of_sites_numbered_in_order(sites, batch, count):
    numbers = sorted(number for b, number in sites if b == batch)
    assert numbers == list(range(1, count + 1))


@pytest.mark.parametrize("row", HAND_CHECKED, ids=lambda row: f"batch{row['batch']}-row{row['number']}")
def test_a_row_reads_as_a_person_reads_it(sites, row):
    site = sites[(row["batch"], row["number"])]
    assert site.line == row["first_line"], row["where"]
    assert site.address == row["address"]
    assert site.province.name == row["province"]
    assert (site.prefectures[0].name if site.prefectures else "") == row["prefecture"]
    assert site.name == row["name"]
    assert site.applied_name == row["applied_name"]
    assert site.core_items[:12] == row["core_items_start"]
    assert site.core_items[-12:] == row["core_items_end"]
    assert len(site.core_items.split("；")) == row["core_items_parts"]
    assert site.applicant == row["applicant"]


@pytest.mark.parametrize(
    "fixture, batch, expected, message",
    [
        # Row 3's address (lines 32–33, 天津市滨海新区) replaced by "某 某 某".
        ("pdf-table-bad-address.txt", 6, 3,
         ":31: batch 6, row 3: no address of a province, prefecture and county at the start of the row"),
        # Row 2 (line 3) has three cells where the header has four.
        ("tabbed-short-row.txt", 1, 2,
         ":3: batch 1: a row of 4 tab-separated cells starting with its number was expected, found 3 cells"),
        # Rows 1–3 of batch 6, read whole: fewer than the list holds, so not a shorter register.
        ("pdf-table-three-rows.txt", 6, 37, ": batch 6: 3 sites read where the list has 37"),
    ],
)
def test_a_batch_that_cannot_be_read_whole_is_an_error_naming_batch_and_line(fixture, batch, expected, message):
    path = FIXTURES / "heritage" / fixture
    with pytest.raises(InputError) as raised:
        read_batch(path, batch, expected)
    assert str(raised.value) == f"{path}{message}"


def test_the_committed_graphs_are_what_the_sources_give():
    assert write_register(Project(REPO), check=True) == []


def test_the_register_is_in_the_build_with_its_statuses(repository_graph):
    query = """
        PREFIX icp: <https://w3id.org/icpkg/ontology#>
        SELECT ?status (COUNT(DISTINCT ?site) AS ?n) WHERE {
          ?designation a icp:Designation ; icp:designatedSite ?site ; icp:designationStatus ?status .
          ?site icp:carrierType <https://w3id.org/icpkg/vocab/carrier-type/national-industrial-heritage> .
        } GROUP BY ?status"""
    counts = {str(row.status).rsplit("/", 1)[1]: int(row.n) for row in repository_graph.query(query)}
    # Batches 2 and 3 (42 + 49 sites) were voided and re-published after a review not in the sources.
    assert counts == {"reviewed-outcome-unrecorded": 91, "designated": 173}


def test_register_command_refuses_an_unreadable_source_and_writes_nothing(project):
    (project / "graphs" / "heritage").mkdir(exist_ok=True)
    batch = read_batches(project / "sources" / "heritage")[5]
    shutil.copy(FIXTURES / "heritage" / "pdf-table-bad-address.txt", project / "sources" / "heritage" / batch.file)
    before = {p: p.read_bytes() for p in sorted((project / "graphs").rglob("*.ttl"))}

    result = CliRunner().invoke(main, ["--root", str(project), "register"])

    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith("batch 6, row 3: no address of a province, prefecture "
                                                           "and county at the start of the row")
    assert {p: p.read_bytes() for p in sorted((project / "graphs").rglob("*.ttl"))} == before


def test_a_row_that_adds_core_items_to_an_earlier_site_is_the_same_site(repository_graph):
    # Batch 4 row 62 (sources/heritage/…batch4_2020.txt line 65): 北京市海淀区 北京卫星制造厂,
    # "三号厂房（为第二批国家工业遗产项目增补核心物项）" — the site of batch 2 row 3 (line 4).
    query = """
        PREFIX icp: <https://w3id.org/icpkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?site ?batch WHERE {
          ?d icp:designatedSite ?site ; icp:batch ?batch . ?site skos:prefLabel "北京卫星制造厂"@zh .
        } ORDER BY ?batch"""
    rows = [(str(row.site), int(row.batch)) for row in repository_graph.query(query)]
    site = "https://w3id.org/icpkg/id/carrier/bj-beijingweixingzhizaochang"
    assert rows == [(site, 2), (site, 4)]


def test_a_plan_carrier_is_matched_to_a_site_of_the_same_name_in_the_same_province():
    from rdflib import Graph

    from kgtool.register.link import match_carriers

    graph = Graph()
    for path in [*(REPO / "graphs" / "heritage").glob("*.ttl"), REPO / "graphs" / "places.ttl",
                 FIXTURES / "heritage" / "plans-naming-sites.ttl"]:
        graph.parse(path)
    found = {(m.carrier.rsplit("/", 1)[1], m.site.rsplit("/", 1)[1]) for m in match_carriers(graph)}
    assert found == {
        ("anshan-steel-works-site", "ln-anshangangtiechang"),        # 鞍山钢铁厂旧址 holds 鞍山钢铁厂
        ("hanyang-ironworks", "hb-hanyepinggongsihanyangtiechang"),  # a national plan's carrier: any province
    }


def test_no_named_carrier_of_the_curated_plans_is_a_register_site():
    # The nine named carriers (museums, research centres, a data centre, an alliance, the Grand
    # Canal belt) are none of the register's sites; the derived file says so.
    text = (REPO / "graphs" / "derived" / "heritage-matches.ttl").read_text(encoding="utf-8")
    assert "No named carrier of the plans is a register site today." in text


def test_validate_with_no_file_checks_the_register_too(project):
    # batch 1's list with the status of its first designation (张裕酿酒公司, row 1) removed.
    path = project / "graphs" / "heritage" / "cn-2017-heritage-list.ttl"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    icp:designationStatus dstatus:designated ;\n", "", 1), encoding="utf-8")

    result = CliRunner().invoke(main, ["--root", str(project), "validate", "--lang", "en"])

    assert result.exit_code == 1
    assert "The designation needs exactly one icp:designationStatus" in result.output
    assert result.output.splitlines()[-1].startswith("1 violation, ")
