"""The national industrial heritage register as RDF: one graph per batch.

Each list is a document of its own kind (icp:HeritageList); each site is a named
carrier (icp:Carrier, carrier type 国家工业遗产) with its approved name, the
applied-for name where the list prints another, its address as printed and the
province and prefecture-level places it resolves to; each row is a designation
(icp:Designation) joining site and list, with the row's number, a status, and the
core items (verbatim) and applicant the row prints — a row's, not the site's, since
a later batch may add core items to a site (batch 4 row 62). Batches 2 and 3 were voided and re-published after a
review whose lists are not in the sources, so their designations say exactly
that: designated, then reviewed, outcome not recorded here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ..extract.places import Division
from ..extract.slugs import pinyin_slug, unique
from ..namespaces import AGENCY, DOC, ELI, ICP, ID, PLACE, VOCAB
from .read import Site, read_batch

CARRIER = Namespace(f"{ID}carrier/")
DESIGNATION = Namespace(f"{ID}designation/")

SOURCES = Path("sources") / "heritage"
BATCHES_FILE = "batches.tsv"
# The core items' three kinds, in the order the lists print them between semicolons
# (the 国家工业遗产管理办法 names buildings, equipment and archives as what is protected).
CORE_PARTS = (ICP.coreBuildings, ICP.coreEquipment, ICP.coreArchives)


@dataclass(frozen=True)
class Batch:
    number: int
    code: str
    file: str
    sites: int
    document_number: str
    date: str
    reviewed_by: str

    @property
    def iri(self) -> URIRef:
        return DOC[self.code]


def read_batches(folder: Path) -> list[Batch]:
    """The batches listed in `folder`/batches.tsv."""
    with (folder / BATCHES_FILE).open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [Batch(int(r["batch"]), r["code"], r["file"], int(r["sites"]), r["number"], r["date"],
                      r["reviewed_by"]) for r in rows]


def read_register(root: Path) -> dict[Batch, list[Site]]:
    """Every batch's sites, read and count-checked from ROOT/sources/heritage."""
    folder = root / SOURCES
    return {batch: read_batch(folder / batch.file, batch.number, batch.sites) for batch in read_batches(folder)}


def site_slugs(register: dict[Batch, list[Site]]) -> dict[tuple[int, int], str]:
    """A stable slug per (batch, row): the province's slug and the approved name in pinyin,
    numbered only where two sites would share one. A row with the name and address of an
    earlier batch's row is the same site: batch 4 row 62 (北京卫星制造厂) adds a core item
    to the site of batch 2 row 3, as its text says (为第二批国家工业遗产项目增补核心物项)."""
    taken: set[str] = set()
    by_identity: dict[tuple[str, str], str] = {}
    slugs = {}
    for batch, sites in register.items():
        for site in sites:
            identity = (site.name, site.address)
            if identity not in by_identity:
                by_identity[identity] = unique(f"{site.province.slug}-{pinyin_slug(site.name, 12)}", taken)
            slugs[(batch.number, site.number)] = by_identity[identity]
    return slugs


def batch_graph(batch: Batch, sites: list[Site], slugs: dict[tuple[int, int], str]) -> Graph:
    graph = Graph()
    _describe_list(graph, batch)
    for site in sites:
        _describe_site(graph, batch, site, slugs[(batch.number, site.number)])
    return graph


def _describe_list(graph: Graph, batch: Batch) -> None:
    doc = batch.iri
    graph.add((doc, RDF.type, ICP.HeritageList))
    graph.add((doc, RDFS.label, Literal(list_label(batch), lang="zh")))
    graph.add((doc, ICP.translation, Literal(f"National industrial heritage list, batch {batch.number}", lang="en")))
    graph.add((doc, ELI.type_document, VOCAB["document-kind/heritage-list"]))
    graph.add((doc, ELI.id_local, Literal(batch.document_number)))
    graph.add((doc, ELI.date_document, Literal(batch.date, datatype=XSD.date)))
    graph.add((doc, ELI.passed_by, AGENCY["cn-miit"]))
    graph.add((doc, ELI.jurisdiction, PLACE.cn))
    graph.add((doc, ICP.batch, Literal(batch.number)))
    graph.add((doc, ICP.siteCount, Literal(batch.sites)))
    graph.add((doc, ICP.sourceFile, Literal((SOURCES / batch.file).as_posix())))
    if batch.reviewed_by:
        graph.add((doc, ICP.reviewedBy, Literal(batch.reviewed_by)))
        graph.add((doc, SKOS.note, Literal(
            f"本批名单的原公告已由{batch.reviewed_by}宣布作废，并公布通过复核的名单；复核后的名单不在本项目的原文中，"
            "因此本批各项仅记为“已认定，后经复核，复核结果未收录”。", lang="zh")))
        graph.add((doc, SKOS.note, Literal(
            f"The original announcement of this batch was voided by {batch.reviewed_by}, which published a reviewed "
            "list; that list is not among this project's sources, so this batch's sites are recorded as designated, "
            "then reviewed, with the outcome not recorded here.", lang="en")))


def _describe_site(graph: Graph, batch: Batch, site: Site, slug: str) -> None:
    carrier, designation = CARRIER[slug], designation_iri(slug, batch)
    graph.add((carrier, RDF.type, ICP.Carrier))
    graph.add((carrier, SKOS.prefLabel, Literal(site.name, lang="zh")))
    if site.applied_name and site.applied_name != site.name:
        graph.add((carrier, SKOS.altLabel, Literal(site.applied_name, lang="zh")))
    graph.add((carrier, ICP.carrierType, VOCAB["carrier-type/national-industrial-heritage"]))
    graph.add((carrier, ICP.address, Literal(site.address, lang="zh")))
    graph.add((carrier, ICP.province, _place(site.province)))
    for prefecture in site.prefectures:
        graph.add((carrier, DCTERMS.spatial, _place(prefecture)))
    if not site.prefectures:
        graph.add((carrier, DCTERMS.spatial, _place(site.province)))
    graph.add((carrier, ICP.namedIn, batch.iri))
    graph.add((carrier, ICP.quote, Literal(site.name, lang="zh")))  # the list names it so
    graph.add((designation, RDF.type, ICP.Designation))
    graph.add((designation, ICP.designatedSite, carrier))
    graph.add((designation, ICP.inList, batch.iri))
    graph.add((designation, ICP.batch, Literal(batch.number)))
    graph.add((designation, ICP.rowNumber, Literal(site.number)))
    graph.add((designation, ICP.sourceLine, Literal(site.line)))
    status = "reviewed-outcome-unrecorded" if batch.reviewed_by else "designated"
    graph.add((designation, ICP.designationStatus, VOCAB[f"designation-status/{status}"]))
    # The core items and the applicant are the row's: a later row may add core items to a site.
    graph.add((designation, ICP.coreItems, Literal(site.core_items, lang="zh")))
    parts = [part.strip() for part in site.core_items.rstrip("。；").split("；")]
    if len(parts) == len(CORE_PARTS) and all(parts):
        for predicate, part in zip(CORE_PARTS, parts):
            graph.add((designation, predicate, Literal(part, lang="zh")))
    if site.applicant:
        graph.add((designation, ICP.applicant, Literal(site.applicant, lang="zh")))


def designation_iri(slug: str, batch: Batch) -> URIRef:
    return DESIGNATION[f"{slug}-batch-{batch.number}"]


def list_label(batch: Batch) -> str:
    return f"第{'一二三四五六七八九十'[batch.number - 1]}批国家工业遗产名单"


def _place(division: Division) -> URIRef:
    return PLACE[division.slug]
