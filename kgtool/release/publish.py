"""`publish`: a release folder others can download, verify, cite and load.

The release holds dumps of the whole graph (Turtle, sorted N-Triples, N-Quads and
TriG with one named graph per document, JSON-LD), the inferred closure on its
own, the ontology, vocabularies and shapes as the files people wrote, the source
texts the graphs quote, a VoID and DCAT-AP 3 description (what
kgtool/data/dataset.ttl states, and every figure computed from the data), the
repository's CITATION.cff with the release's version and date, HTML pages for every
resource (each citing the release, each quote linked to its source text), and
SHA-256 checksums of every file.

Every file is written by kgtool.release.serialize, so each syntax holds the same graph,
literal for literal. Identical input gives a byte-identical release: every writer
sorts, blank nodes get canonical labels (RDFC-1.0), gzip stores no time, and no
date is written unless given.

The named graphs — each document's text and its interpretation apart — are
kgtool.release.named_graphs'; the build's store is read into rdflib once for them all.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD
from rdflib.void import generateVoID

from .. import __version__
from ..atomic import check_target, staged_folder
from ..errors import BuildStaleError, InputError, OptionError, PublishError
from ..namespaces import BASE, ELI, GRAPH, ICP, INFERRED_GRAPH, PREFIXES
from ..progress import Progress, quiet
from ..project import Project, find_project
from ..store.build_folder import Build, open_build
from ..store.inputs import changed_inputs
from .metadata import CITATION_FILE, DATASET, citation, dataset_metadata, metadata_file, released_citation_file
from .named_graphs import release_graphs
from .serialize import jsonld, jsonld_context, nquads, ntriples, trig, turtle
from .site import write_site

SPDX = "http://spdx.org/rdf/terms#"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
TOOL = URIRef("https://w3id.org/icpkg/kgtool")
DUMPS = "dumps"
CHECKSUMS = "SHA256SUMS"
DESCRIPTION = "void.ttl"


@dataclass(frozen=True)
class Dump:
    """One file of the release that holds data: where it is, what it holds, how it is encoded."""

    path: str
    media_type: str
    description: str
    triples: int
    size: int
    sha256: str


@dataclass
class Release:
    """A written release folder: its files with sizes, and what the dumps hold."""

    path: Path
    version: str
    base_url: str
    files: dict[str, int] = field(default_factory=dict)
    dumps: list[Dump] = field(default_factory=list)
    graphs: dict[str, int] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)


def publish(
    root: Project | Path | str | None = None,
    out: Path | str | None = None,
    *,
    base_url: str = BASE,
    version: str | None = None,
    issued: str | None = None,
    sparql_endpoint: str | None = None,
    build_dir: Path | str | None = None,
    progress: Progress = quiet,
) -> Release:
    """Write a release of the last build of the project `root` (a Project or its folder;
    the build in `build_dir`, default ROOT/build) to `out` (default ROOT/dist), replacing it whole.

    `base_url` is where the release folder will be hosted (download links in the
    description point there); `version` defaults to the ontology's owl:versionInfo;
    `issued` (YYYY-MM-DD) and `sparql_endpoint` are written only when given.
    Raises BuildMissingError or BuildStaleError when the build is missing or older than
    its inputs, and PublishError when a source file the graphs name is not in the
    project's sources/.
    """
    project = find_project(root)
    build = open_build(project, build_dir)
    _check_current(build, project)
    reasoner = _recorded_reasoner(build)
    base_url = _checked_base_url(base_url)
    _check_date(issued)
    _check_release_options(version, sparql_endpoint)
    target = Path(out) if out else project.root / "dist"
    protected = [*project.source_folders, build.path]
    check_target(target, "release", protected)  # at once, not after the build has been read
    progress("reading the build's graphs")
    graphs = release_graphs(build)
    version = version or _ontology_version(graphs)
    release = Release(target, version, base_url, graphs={str(g): len(t) for g, t in graphs.items()})
    sources = _source_files(project, graphs)
    metadata = dataset_metadata()
    cite = citation(metadata, version, issued)
    with staged_folder(target, "release", protected) as staging:
        progress(f"writing dumps of {len(graphs)} graphs, {_count(graphs):,} triples")
        release.dumps = _write_dumps(staging, graphs, metadata)
        _copy_documents(project, staging)
        _copy_sources(project, staging, sources)
        _copy_citation_file(project, staging, version, issued)
        progress("writing pages")
        release.pages = write_site(build, staging, project, graphs, citation=cite)
        progress("describing the release (VoID, DCAT) and its checksums")
        description = describe(graphs, release, issued=issued, sparql_endpoint=sparql_endpoint, reasoner=reasoner)
        _write_description(staging, description)
        release.files = _write_checksums(staging)
    return release


def _check_current(build: Build, project: Project) -> None:
    changed = changed_inputs(build, project)
    if changed:
        raise BuildStaleError(
            f"the build is older than {', '.join(changed[:3])}; run `kgtool build` before publishing"
        )


def _recorded_reasoner(build: Build) -> dict:
    """The reasoner that made the build's inferred graph, as the build recorded it."""
    reasoner = build.summary.get("reasoner")
    if not reasoner:
        raise BuildStaleError(
            f"the build in {build.path} does not record which reasoner made it; run `kgtool build` again"
        )
    return reasoner


# An http(s) URL that is also a valid IRI: no spaces, none of <>"{}|\^` (they broke the writers).
_HTTP_URL = re.compile(r'^https?://[^\s/<>"{}|\\^`]+(/[^\s<>"{}|\\^`]*)?$')


def _checked_base_url(url: str) -> str:
    if not _HTTP_URL.match(url):
        raise OptionError(f"--base-url must be an http(s) URL such as https://example.org/icpkg/, not '{url}'")
    return url if url.endswith("/") else url + "/"


def _check_release_options(version: str | None, sparql_endpoint: str | None) -> None:
    """What goes into the description and the pages as given: one plain token, one URL."""
    if version is not None and not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}", version):
        raise OptionError(f"--version must be a version such as 0.2.0 (letters, digits, . + _ -), not {version!r}")
    if sparql_endpoint is not None and not _HTTP_URL.match(sparql_endpoint):
        raise OptionError(
            f"--sparql-endpoint must be an http(s) URL such as https://example.org/sparql, not {sparql_endpoint!r}"
        )


def _check_date(issued: str | None) -> None:
    if issued is None:
        return
    try:
        valid = re.fullmatch(r"\d{4}-\d{2}-\d{2}", issued) and date.fromisoformat(issued)
    except ValueError:
        valid = False
    if not valid:
        raise OptionError(f"--issued must be a date that exists, written YYYY-MM-DD, not '{issued}'")


# --- the graphs of the release ----------------------------------------------------------


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def _union(graphs: dict[URIRef, Graph], *, inferred: bool) -> Graph:
    union = Graph()
    _bind(union)
    for name, graph in graphs.items():
        if (name == INFERRED_GRAPH) == inferred:
            union += graph
    return union


def _ontology_version(graphs: dict[URIRef, Graph]) -> str:
    versions = sorted(graphs.get(GRAPH["ontology"], Graph()).objects(URIRef(BASE + "ontology"), OWL.versionInfo))
    return str(versions[0]) if versions else __version__


# --- serialisations ---------------------------------------------------------------------


def gzipped(data: bytes) -> bytes:
    # mtime=0 and no file name: the same bytes give the same archive.
    return gzip.compress(data, compresslevel=9, mtime=0)


# --- the files --------------------------------------------------------------------------


def _write_dumps(folder: Path, graphs: dict[URIRef, Graph], metadata: Graph) -> list[Dump]:
    """The files of dumps/, each described as `metadata` (kgtool/data/dataset.ttl) says.
    Raises InputError for a file that dataset.ttl does not describe."""
    # The one-graph syntaxes are written from the named graphs too (their triples merged),
    # so that every dump labels the blank nodes alike.
    asserted = {name: graph for name, graph in graphs.items() if name != INFERRED_GRAPH}
    union = _union(graphs, inferred=False)
    closure = {name: graph for name, graph in graphs.items() if name == INFERRED_GRAPH}
    contents = [
        (f"{DUMPS}/icpkg.ttl", "text/turtle", turtle(asserted), len(union)),
        (f"{DUMPS}/icpkg.nt.gz", "application/n-triples", gzipped(ntriples(asserted)), len(union)),
        (f"{DUMPS}/icpkg.nq.gz", "application/n-quads", gzipped(nquads(asserted)), _count(asserted)),
        (f"{DUMPS}/icpkg.trig", "application/trig", trig(asserted), _count(asserted)),
        (f"{DUMPS}/icpkg.jsonld", "application/ld+json", jsonld(asserted), len(union)),
        (INFERRED_DUMP, "application/n-quads", gzipped(nquads(closure)), _count(closure)),
    ]
    (folder / DUMPS).mkdir()
    (folder / DUMPS / "context.jsonld").write_text(
        json.dumps(jsonld_context(), indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    dumps = []
    for path, media_type, data, triples in contents:
        (folder / path).write_bytes(data)
        description = _dump_description(metadata, path)
        dumps.append(Dump(path, media_type, description, triples, len(data), hashlib.sha256(data).hexdigest()))
    return dumps


def _distribution(path: str) -> URIRef:
    """The IRI of the distribution that is the file `path` of the release."""
    return URIRef(f"{DATASET}/distribution/{Path(path).name}")


def _dump_description(metadata: Graph, path: str) -> str:
    description = metadata.value(_distribution(path), DCTERMS.description)
    if description is None:
        raise InputError(metadata_file(), f"describes no dump {path}: give <{_distribution(path)}> a dcterms:description")
    return str(description)


def _count(graphs: dict[URIRef, Graph]) -> int:
    return sum(len(graph) for graph in graphs.values())


def _copy_documents(project: Project, folder: Path) -> None:
    """The shapes as their authors wrote them, comments and all. (The ontology and the
    vocabularies are the Turtle of their IRIs, ontology.ttl and vocab/<s>.ttl, which the
    site writes as their authors wrote them too.)"""
    (folder / "shapes").mkdir()
    for shapes in sorted((project.root / "shapes").glob("*.ttl")):
        shutil.copyfile(shapes, folder / "shapes" / shapes.name)


def _write_description(folder: Path, description: Graph) -> None:
    """void.ttl, and the same graph as void.jsonld and void.nt: what the IRIs of the
    dataset, its partitions, subsets and distributions resolve to (see the README)."""
    stem = DESCRIPTION.removesuffix(".ttl")
    for suffix, writer in ((".ttl", turtle), (".jsonld", jsonld), (".nt", ntriples)):
        (folder / (stem + suffix)).write_bytes(writer(description))


def _source_files(project: Project, graphs: dict[URIRef, Graph]) -> list[Path]:
    """The files of sources/ the graphs quote (their icp:sourceFile) and the README of
    each folder they are in, which says where they come from; sorted.
    Raises PublishError for a source file that is not in sources/."""
    sources = project.sources_dir.resolve()
    files = set()
    named = sorted({(s, o) for graph in graphs.values() for s, o in graph.subject_objects(ICP.sourceFile)})
    for subject, name in named:
        path = (project.root / str(name)).resolve()
        if not path.is_file() or not path.is_relative_to(sources):
            raise PublishError(
                f"{subject} names its source file '{name}', which is not a file in {project.sources_dir}; "
                "fix its icp:sourceFile or add the file"
            )
        files.add(path)
        readme = path.parent / "README.md"
        if readme.is_file():
            files.add(readme)
    return sorted(files)


def _copy_sources(project: Project, folder: Path, files: list[Path]) -> None:
    """The source texts, verbatim, at the paths the graphs name (sources/…), which the
    pages link every quote to."""
    for path in files:
        target = folder / path.relative_to(project.root.resolve())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _copy_citation_file(project: Project, folder: Path, version: str, issued: str | None) -> None:
    """The repository's CITATION.cff, with the release's version and date; a project
    without one gets none."""
    source = project.root / CITATION_FILE
    if source.is_file():
        text = released_citation_file(source.read_text(encoding="utf-8"), version, issued)
        (folder / CITATION_FILE).write_text(text, encoding="utf-8")


def _write_checksums(folder: Path) -> dict[str, int]:
    """SHA256SUMS in the format `sha256sum -c` checks; returns every file with its size."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    lines, sizes = [], {}
    for relative in files:
        path = folder / relative
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {relative}\n")
        sizes[relative] = path.stat().st_size
    (folder / CHECKSUMS).write_text("".join(lines), encoding="utf-8")
    sizes[CHECKSUMS] = (folder / CHECKSUMS).stat().st_size
    return sizes


# --- the description --------------------------------------------------------------------

IANA = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type"
# The EU file-type authority's concept for the syntax of each media type a dump has.
FILE_TYPES = {
    "text/turtle": "RDF_TURTLE",
    "application/n-triples": "RDF_N_TRIPLES",
    "application/n-quads": "RDF_N_QUADS",
    "application/trig": "RDF_TRIG",
    "application/ld+json": "JSON_LD",
}
GZIP = "application/gzip"
INFERRED_DUMP = f"{DUMPS}/icpkg-inferred.nq.gz"
SHA256 = URIRef(SPDX + "checksumAlgorithm_sha256")
# The software each reasoner of `kgtool build --reasoner` is (kgtool's rules are kgtool's).
REASONERS = {
    "rules": (TOOL, "kgtool", "kgtool's own rules (kgtool build --reasoner rules)"),
    "owlrl": (URIRef("https://github.com/RDFLib/OWL-RL"), "owlrl", "owlrl (kgtool build --reasoner owlrl)"),
}


def describe(
    graphs: dict[URIRef, Graph],
    release: Release,
    *,
    issued: str | None = None,
    sparql_endpoint: str | None = None,
    reasoner: dict | None = None,
) -> Graph:
    """A VoID and DCAT-AP 3 description of the release: what kgtool/data/dataset.ttl
    states, and every figure computed from the data and the files written.
    `reasoner` is what the build records of the reasoner that made the inferred graph."""
    union = _union(graphs, inferred=False)
    description, _ = generateVoID(union, dataset=DATASET)
    _count_property_entities(description, union)
    description = _stable_partitions(description)
    metadata = dataset_metadata()
    description += metadata
    _bind(description)
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("foaf", FOAF), ("spdx", SPDX), ("vcard", VCARD)):
        description.bind(prefix, namespace)
    add = description.add
    add((DATASET, URIRef(str(DCAT) + "version"), Literal(release.version)))  # DCAT 3; rdflib knows DCAT 2
    add((DATASET, DCTERMS.bibliographicCitation, Literal(citation(metadata, release.version, issued).text)))
    homepage = URIRef(release.base_url + "index.html")
    add((DATASET, FOAF.homepage, homepage))
    add((DATASET, DCAT.landingPage, homepage))
    add((homepage, RDF.type, FOAF.Document))
    for contact in metadata.objects(DATASET, DCAT.contactPoint):
        add((contact, VCARD.hasURL, homepage))
    add((DATASET, VOID.uriSpace, Literal(BASE + "id/")))
    add((DATASET, VOID.entities, Literal(len({s for s in union.subjects(RDF.type) if isinstance(s, URIRef) and str(s).startswith(BASE + "id/")}))))
    if issued:
        add((DATASET, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    if sparql_endpoint:
        add((DATASET, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    _describe_coverage(description, union)
    _describe_provenance(description, union)
    _describe_vocabularies(description, union)
    _drop_absent_examples(description, union)
    _describe_graphs(description, graphs)
    _describe_dumps(description, release, metadata.value(DATASET, DCTERMS.license))
    if reasoner:
        _describe_reasoning(description, reasoner)
    return description


def _count_property_entities(description: Graph, union: Graph) -> None:
    """rdflib.void's count of typed subjects per property depends on the order it meets the
    properties in (it looks subjects up in a defaultdict, which adds them); count again."""
    for part in description.objects(DATASET, VOID.propertyPartition):
        prop = description.value(part, VOID.property)
        typed = {s for s in union.subjects(prop) if (s, RDF.type, None) in union}
        description.set((part, VOID.entities, Literal(len(typed))))


def _stable_partitions(description: Graph) -> Graph:
    """rdflib.void numbers partitions in hash order; name each after its class or property."""
    renamed = {}
    for part, kind in [(p, "class") for p in description.objects(DATASET, VOID.classPartition)] + [
        (p, "property") for p in description.objects(DATASET, VOID.propertyPartition)
    ]:
        term = description.value(part, VOID["class"] if kind == "class" else VOID.property)
        renamed[part] = URIRef(f"{DATASET}/{kind}/{hashlib.sha256(str(term).encode()).hexdigest()[:12]}")
    stable = Graph()
    for s, p, o in description:
        stable.add((renamed.get(s, s), p, renamed.get(o, o)))
    return stable


def _documents(union: Graph) -> list[URIRef]:
    """The documents the data is read from: every resource with a source file."""
    return sorted({s for s in union.subjects(ICP.sourceFile) if isinstance(s, URIRef)})


def _describe_coverage(description: Graph, union: Graph) -> None:
    """Where and when: the country and provinces the documents are for, and the plan
    periods from the earliest start to the latest end."""
    for place in sorted({p for d in _documents(union) for p in union.objects(d, ELI.jurisdiction)}):
        description.add((DATASET, DCTERMS.spatial, place))
        description.add((place, RDF.type, DCTERMS.Location))
        for label in union.objects(place, SKOS.prefLabel):
            description.add((place, SKOS.prefLabel, label))
    starts = sorted(union.objects(None, ICP.periodStart), key=str)
    ends = sorted(union.objects(None, ICP.periodEnd), key=str)
    if starts and ends:
        period = URIRef(f"{DATASET}/period")
        description.add((DATASET, DCTERMS.temporal, period))
        description.add((period, RDF.type, DCTERMS.PeriodOfTime))
        description.add((period, DCAT.startDate, starts[0]))
        description.add((period, DCAT.endDate, ends[-1]))


def _describe_provenance(description: Graph, union: Graph) -> None:
    for document in _documents(union):
        description.add((DATASET, PROV.wasDerivedFrom, document))
    publication = URIRef(f"{DATASET}/publication")
    description.add((DATASET, PROV.wasGeneratedBy, publication))
    description.add((publication, RDF.type, PROV.Activity))
    description.add((publication, RDFS.label, Literal("kgtool publish", lang="en")))
    description.add((publication, PROV.wasAssociatedWith, TOOL))
    _describe_software(description, TOOL, "kgtool", __version__)


def _describe_software(description: Graph, agent: URIRef, name: str, version: str) -> None:
    description.add((agent, RDF.type, PROV.SoftwareAgent))
    description.add((agent, FOAF.name, Literal(name)))
    description.add((agent, OWL.versionInfo, Literal(version)))


def _describe_reasoning(description: Graph, reasoner: dict) -> None:
    """The activity that made the inferred graph and its dump, and the reasoner that ran."""
    agent, name, label = REASONERS[reasoner["name"]]
    reasoning = URIRef(f"{DATASET}/reasoning")
    description.add((reasoning, RDF.type, PROV.Activity))
    description.add((reasoning, RDFS.label, Literal(f"OWL 2 RL reasoning with {label}", lang="en")))
    description.add((reasoning, PROV.wasAssociatedWith, agent))
    description.add((reasoning, PROV.used, URIRef(BASE + "ontology")))
    if agent != TOOL:  # kgtool's own rules are the kgtool that publishes
        _describe_software(description, agent, name, reasoner["version"])
    description.add((URIRef(f"{DATASET}/graph/{str(INFERRED_GRAPH)[len(GRAPH):]}"), PROV.wasGeneratedBy, reasoning))
    description.add((_distribution(INFERRED_DUMP), PROV.wasGeneratedBy, reasoning))


def _describe_vocabularies(description: Graph, union: Graph) -> None:
    terms = set(union.predicates()) | set(union.objects(None, RDF.type))
    namespaces = {_namespace(term) for term in terms if isinstance(term, URIRef)}
    for namespace in sorted(namespaces):
        description.add((DATASET, VOID.vocabulary, URIRef(namespace)))


def _namespace(term: URIRef) -> str:
    text = str(term)
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[: cut + 1]


def _drop_absent_examples(description: Graph, union: Graph) -> None:
    """dataset.ttl's example resources stay only where the data describes them."""
    for example in list(description.objects(DATASET, VOID.exampleResource)):
        if (example, None, None) not in union:
            description.remove((DATASET, VOID.exampleResource, example))


def _describe_graphs(description: Graph, graphs: dict[URIRef, Graph]) -> None:
    for name, graph in graphs.items():
        subset = URIRef(f"{DATASET}/graph/{str(name)[len(GRAPH):]}")
        description.add((DATASET, VOID.subset, subset))
        description.add((subset, RDF.type, VOID.Dataset))
        description.add((subset, URIRef("http://www.w3.org/ns/sparql-service-description#name"), name))
        description.add((subset, VOID.triples, Literal(len(graph))))


def _describe_dumps(description: Graph, release: Release, licence: URIRef) -> None:
    for dump in release.dumps:
        url = URIRef(release.base_url + dump.path)
        distribution = _distribution(dump.path)
        add = description.add
        add((DATASET, VOID.dataDump, url))
        add((DATASET, DCAT.distribution, distribution))
        add((distribution, RDF.type, DCAT.Distribution))
        # A file to download: DCAT-AP asks for an access URL, and it is the file's own.
        add((distribution, DCAT.accessURL, url))
        add((distribution, DCAT.downloadURL, url))
        add((distribution, DCTERMS.license, licence))
        add((distribution, VOID.triples, Literal(dump.triples)))
        add((distribution, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
        _describe_format(description, distribution, dump.media_type)
        _describe_checksum(description, distribution, dump.sha256)
        if dump.path.endswith(".gz"):
            add((distribution, DCAT.compressFormat, _media_type(description, GZIP)))


def _media_type(description: Graph, media_type: str) -> URIRef:
    iri = URIRef(IANA + media_type)
    description.add((iri, RDF.type, DCTERMS.MediaType))
    return iri


def _describe_format(description: Graph, distribution: URIRef, media_type: str) -> None:
    """The syntax of what the file holds (once uncompressed): its IANA media type and the
    EU file-type concept for it."""
    description.add((distribution, DCAT.mediaType, _media_type(description, media_type)))
    file_type = URIRef(f"{FILE_TYPE}/{FILE_TYPES[media_type]}")
    description.add((distribution, DCTERMS["format"], file_type))
    description.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    description.add((file_type, SKOS.inScheme, URIRef(FILE_TYPE)))


def _describe_checksum(description: Graph, distribution: URIRef, sha256: str) -> None:
    checksum = URIRef(f"{distribution}/sha256")
    description.add((distribution, URIRef(SPDX + "checksum"), checksum))
    description.add((checksum, RDF.type, URIRef(SPDX + "Checksum")))
    description.add((checksum, URIRef(SPDX + "algorithm"), SHA256))
    description.add((SHA256, RDF.type, URIRef(SPDX + "ChecksumAlgorithm")))
    description.add((checksum, URIRef(SPDX + "checksumValue"), Literal(sha256, datatype=XSD.hexBinary)))
