"""`kgtool register`: write the register's graphs from its sources, or check they are current.

The graphs (graphs/heritage/<code>.ttl) and the places they need (a marked block at
the end of graphs/places.ttl) are made by this module only; `--check` says which
files differ from what the sources give, so CI can fail on a hand edit or a stale
graph.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..atomic import write_files
from ..errors import InputError
from ..extract.places import division_by_slug
from ..extract.turtle import Block, write_turtle
from ..namespaces import BASE, ICP
from ..project import Project
from .graph import CARRIER, DCTERMS, ELI, PLACE, batch_graph, designation_iri, list_label, read_register, site_slugs
from .link import describe, match_carriers, matches_graph

HERITAGE_FOLDER = Path("graphs") / "heritage"
PLACES_FILE = Path("graphs") / "places.ttl"
MATCHES_FILE = Path("graphs") / "derived" / "heritage-matches.ttl"
PLACES_MARKER = "# --- Places the national industrial heritage register names: written by `kgtool register`"
PREFIXES = {
    "icp": str(ICP), "eli": str(ELI), "dcterms": str(DCTERMS), "rdfs": str(RDFS), "skos": str(SKOS),
    "xsd": "http://www.w3.org/2001/XMLSchema#", "doc": f"{BASE}id/doc/", "carrier": f"{BASE}id/carrier/",
    "designation": f"{BASE}id/designation/", "place": f"{BASE}id/place/", "agency": f"{BASE}id/agency/",
    "ctype": f"{BASE}vocab/carrier-type/", "dockind": f"{BASE}vocab/document-kind/",
    "dstatus": f"{BASE}vocab/designation-status/", "level": f"{BASE}vocab/level/",
}
PREDICATE_ORDER = [
    RDFS.label, SKOS.prefLabel, SKOS.altLabel, ICP.translation, ELI.type_document, ELI.id_local,
    ELI.date_document, ELI.passed_by, ELI.jurisdiction, ICP.batch, ICP.siteCount, ICP.reviewedBy, SKOS.note,
    ICP.carrierType, ICP.address, ICP.province, DCTERMS.spatial, ICP.namedIn, ICP.quote, ICP.designatedSite,
    ICP.inList, ICP.rowNumber, ICP.sourceLine, ICP.designationStatus, ICP.coreItems, ICP.coreBuildings,
    ICP.coreEquipment, ICP.coreArchives, ICP.applicant, ICP.level, ICP.withinJurisdiction, ICP.sourceFile,
]


def register_files(project: Project) -> dict[Path, bytes]:
    """What the register's sources give: each batch's Turtle, and places.ttl with its block."""
    register = read_register(project.root)
    slugs = site_slugs(register)
    files: dict[Path, bytes] = {}
    places: set[str] = set()
    for batch, sites in register.items():
        graph = batch_graph(batch, sites, slugs)
        blocks = [Block([batch.iri], "The list")]
        for site in sites:
            slug = slugs[(batch.number, site.number)]
            blocks.append(Block([CARRIER[slug], designation_iri(slug, batch)], f"{site.number}. {site.name}"))
            places.update(d.slug for d in (site.province, *site.prefectures))
        header = (f"# {batch.code}: {list_label(batch)} ({batch.document_number}, {batch.date}).\n"
                  f"# Written by `kgtool register` from {(Path('sources/heritage') / batch.file).as_posix()}; "
                  "do not edit by hand.\n")
        files[project.root / HERITAGE_FOLDER / f"{batch.code}.ttl"] = write_turtle(
            graph, PREFIXES, blocks, header, PREDICATE_ORDER).encode("utf-8")
    files[project.root / PLACES_FILE] = _places_with_block(project.root / PLACES_FILE, places)
    files[project.root / MATCHES_FILE] = _matches_file(project, files)
    return files


def _matches_file(project: Project, files: dict[Path, bytes]) -> bytes:
    """graphs/derived/heritage-matches.ttl: the plans' named carriers that are register sites."""
    together = Graph()
    for path in project.document_files():
        together.parse(path, format="turtle")
    for data in files.values():
        together.parse(data=data, format="turtle")
    matches = match_carriers(together)
    graph = matches_graph(matches)
    header = (
        "# icpkg — the plans' named carriers that are sites of the national industrial heritage register\n"
        "# (graphs/derived/heritage-matches.ttl). Written by `kgtool register` (kgtool.register.link):\n"
        "# the same name, or one holding the other whole, in the same province. A reading, not a\n"
        "# statement of either text (icp:registerSite is interpreted). Do not edit by hand.\n"
    )
    if not matches:
        return (header + "# No named carrier of the plans is a register site today.\n").encode("utf-8")
    block = Block([m.carrier for m in matches], comments={m.carrier: describe(m) for m in matches})
    return write_turtle(graph, PREFIXES, [block], header, PREDICATE_ORDER).encode("utf-8")


def _places_with_block(path: Path, slugs: set[str]) -> bytes:
    curated = path.read_text(encoding="utf-8").split(PLACES_MARKER)[0].rstrip("\n") + "\n"
    known = Graph().parse(data=curated, format="turtle")
    missing = sorted(s for s in slugs if (PLACE[s], None, None) not in known)
    graph = Graph()
    for slug in missing:
        _describe_place(graph, slug)
    if not missing:
        return curated.encode("utf-8")
    block = write_turtle(graph, PREFIXES, [Block([PLACE[s] for s in missing])], "", PREDICATE_ORDER)
    body = block.split("\n\n", 1)[1]  # the block's prefixes are the curated file's
    note = (f"\n\n{PLACES_MARKER} from the division table\n"
            "# (kgtool/extract/data/divisions.tsv); do not edit below this line.\n")
    return (curated.rstrip("\n") + note + body).encode("utf-8")


def _describe_place(graph: Graph, slug: str) -> None:
    division = division_by_slug(slug)
    place = PLACE[slug]
    graph.add((place, RDF.type, ICP.Jurisdiction))
    graph.add((place, SKOS.prefLabel, Literal(division.name, lang="zh")))
    graph.add((place, SKOS.prefLabel, Literal(division.english, lang="en")))
    if division.short and division.short != division.name:
        graph.add((place, SKOS.altLabel, Literal(division.short, lang="zh")))
    graph.add((place, ICP.level, URIRef(f"{BASE}vocab/level/{division.level}")))
    graph.add((place, ICP.withinJurisdiction, PLACE[division.within]))


def write_register(project: Project, check: bool = False) -> list[Path]:
    """Write the register's graphs (or, with `check`, write nothing); return the files
    that were not already what the sources give."""
    files = register_files(project)
    changed = [path for path, data in files.items() if not path.is_file() or path.read_bytes() != data]
    if changed and not check:
        write_files({path: files[path] for path in changed}, lambda target, written: _verify(target, written, files))
    return changed


def _verify(target: Path, written: Path, files: dict[Path, bytes]) -> None:
    """What was written is what was meant, and reads as Turtle."""
    data = written.read_bytes()
    if data != files[target]:
        raise InputError(target, "the file written differs from what was meant; nothing was replaced")
    Graph().parse(data=data, format="turtle")
