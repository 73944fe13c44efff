"""A release says how to cite it and lets a reader check every quote: CITATION.cff in
the repository and in the release, the citation in void.ttl and on every page, and the
source texts shipped beside the pages, each quote linked to the file it is taken from
under the title and 文号 of the document."""

from __future__ import annotations

import json
import posixpath
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF

from kgtool.release.metadata import DATASET, dataset_metadata, released_citation_file
from kgtool.namespaces import ICP

from helpers import FIXTURES, REPO

# The Citation File Format's schema, version 1.2.0 (tests/fixtures/README.md says where from).
CFF_SCHEMA = FIXTURES / "cff" / "schema-1.2.0.json"
CITED = ("icpkg contributors (2026). 工业文化政策知识图谱 Industrial Culture Policy Knowledge Graph "
         "(version 1.0.0, released 2026-12-01) [Data set]. https://w3id.org/icpkg/dataset")


def _check_cff(text: str) -> dict:
    """The CITATION.cff `text` read as YAML, after checking it against the CFF 1.2.0 schema."""
    document = yaml.safe_load(text)
    jsonschema.validate(document, json.loads(CFF_SCHEMA.read_text(encoding="utf-8")))
    return document


class Page(HTMLParser):
    """What this test needs of a page: each quote's source links (href and text), and the
    text of each part of its "cite this" block, by class."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.quotes: list[list[tuple[str, str]]] = []  # per figure.quote: its a.source links
        self.cite: dict[str, str] = {}
        self._open: list[tuple[str, tuple[str, ...], str | None]] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = tuple((attrs.get("class") or "").split())
        if tag == "figure" and "quote" in classes:
            self.quotes.append([])
        if tag == "a" and "source" in classes and self.quotes:
            self.quotes[-1].append([attrs.get("href"), ""])
        if tag not in ("br", "meta", "link"):
            self._open.append((tag, classes, attrs.get("href")))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for tag, classes, _ in self._open:
            if tag == "a" and "source" in classes:
                self.quotes[-1][-1][1] += data
            for name in classes:
                if name.startswith("cite") or name == "citation":
                    self.cite[name] = self.cite.get(name, "") + data


def _pages(release: Path) -> dict[str, Page]:
    """Every page of the release but the ontology's documentation (ontology.html and the
    page of its version IRI), which pyLODE writes in its own layout."""
    pages = sorted(release.rglob("*.html"))
    return {p.relative_to(release).as_posix(): Page(p) for p in pages if 'id="pylode"' not in p.read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def pages(dated_release) -> dict[str, Page]:
    return _pages(dated_release.path)


# --- CITATION.cff ------------------------------------------------------------------------


def test_the_repository_citation_file_is_valid_cff_1_2_0_of_this_version():
    citation = _check_cff((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"cff-version", "message", "title", "authors"} <= set(citation)
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["version"] == project["version"]
    # The same work as the dataset's description: its titles and its creator.
    metadata = dataset_metadata()
    for title in metadata.objects(DATASET, DCTERMS.title):
        assert str(title) in citation["title"]
    assert citation["authors"] == [{"name": str(metadata.value(metadata.value(DATASET, DCTERMS.creator), FOAF.name))}]


def test_the_release_carries_the_citation_file_with_its_version_and_date(dated_release):
    text = (dated_release.path / "CITATION.cff").read_text(encoding="utf-8")
    citation = _check_cff(text)
    assert citation["version"] == "1.0.0"
    assert citation["date-released"] == "2026-12-01"
    # Every other line as the repository's file has it.
    repository = (REPO / "CITATION.cff").read_text(encoding="utf-8").splitlines()
    changed = [line for line in text.splitlines() if line not in repository]
    assert changed == ['version: "1.0.0"', 'date-released: "2026-12-01"']


def test_a_release_without_a_date_keeps_the_file_without_one():
    text = 'cff-version: 1.2.0\ntitle: "t"\nversion: "0.1.0"\n'
    assert released_citation_file(text, "2.0.0") == 'cff-version: 1.2.0\ntitle: "t"\nversion: "2.0.0"\n'


# --- the citation in the description and on the pages ------------------------------------------


def test_the_description_says_how_to_cite_the_release(dated_release):
    description = Graph().parse(dated_release.path / "void.ttl")
    assert str(description.value(DATASET, DCTERMS.bibliographicCitation)) == CITED


def test_every_page_says_how_to_cite_it(pages):
    assert len(pages) > 1000
    for name, page in pages.items():
        assert " ".join(page.cite.get("citation", "").split()) == CITED, name
        assert page.cite.get("cite-version") == "1.0.0", name
        assert page.cite.get("cite-iri") == "https://w3id.org/icpkg/dataset", name
        assert page.cite.get("cite-issued") == "2026-12-01", name


# --- the source texts ----------------------------------------------------------------------------


def test_the_release_ships_every_source_text_the_graphs_quote(dated_release, repository_graph):
    named = {str(path) for path in repository_graph.objects(None, ICP.sourceFile)}
    assert len(named) == 12  # five policy documents and seven heritage lists
    for path in named:
        assert (dated_release.path / path).read_bytes() == (REPO / path).read_bytes(), path
    # With the READMEs that say where the texts come from.
    assert (dated_release.path / "sources" / "README.md").is_file()
    assert (dated_release.path / "sources" / "heritage" / "README.md").is_file()


def test_every_quote_links_to_its_source_text_in_the_release(dated_release, pages):
    quotes = 0
    for name, page in pages.items():
        for links in page.quotes:
            assert len(links) == 1, f"a quote on {name} has {len(links)} source links"
            href, _ = links[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
            assert target.startswith("sources/") and (dated_release.path / target).is_file(), (name, href)
            quotes += 1
    # 96 items (108 with the passages of the national items), 16 targets, 10 programmes
    # with a text, 3 section texts and 264 rows of the heritage lists.
    assert quotes == 401


@pytest.mark.parametrize("name, href, cited", [
    # sources/gd-2023-plan.txt: the notice prints 粤工信生产合作函〔2023〕22号.
    ("id/task/gd-2023-plan/1.html", "../../../sources/gd-2023-plan.txt",
     "《广东省推动工业文化发展实施方案》（粤工信生产合作函〔2023〕22号）"),
    # The national plan's number, printed only in the Guangdong notice, is the plan's 文号.
    ("id/task/cn-2021-plan/7.html", "../../../sources/cn-2021-plan.txt",
     "《推进工业文化发展实施方案（2021-2025年）》（工信部联政法〔2021〕54号）"),
    # 福建's draft prints no number: the title alone.
    ("id/task/fj-2026-plan/1.html", "../../../sources/fj-2026-plan.txt", "《福建省推进工业文化发展行动计划（2026—2028年）》"),
    # A heritage site quotes the row of its batch's list (工信部产业函〔2018〕417号).
    ("id/carrier/bj-guoying738chang.html", "../../sources/heritage/national_industrial_heritage_list_batch2_2018.txt",
     "《第二批国家工业遗产名单》（工信部产业函〔2018〕417号）"),
])
def test_a_quote_names_the_title_and_number_of_what_it_quotes(pages, name, href, cited):
    assert pages[name].quotes[0] == [[href, cited]]
