"""`publish`: a release folder others can download, verify, cite and load.

The release holds dumps of the whole graph (Turtle, sorted N-Triples, N-Quads and
TriG with one named graph per document, JSON-LD), the inferred closure on its
own, the ontology, vocabularies and shapes as the files people wrote, a VoID and
DCAT description computed from the data, HTML pages for every resource, and
SHA-256 checksums of every file.

Identical input gives a byte-identical release: every writer sorts, blank nodes
get canonical labels, gzip stores no time, and no date is written unless given.

Each document's and registry's graph is split by what supports its statements
(the `icp:basis` of each property): what the text states stays in graph/<code>,
the curator's readings (themes, instruments, alignments, translations…) go to
graph/<code>/interpretation, so a user can load the text's word alone.
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

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, VOID, XSD
from rdflib.void import generateVoID

from . import __version__
from .atomic import staged_folder
from .build import changed_inputs, open_build
from .errors import KgtoolError
from .load import canonical_blank_nodes
from .namespaces import BASE, GRAPH, ICP, INFERRED_GRAPH, PREFIXES, VOCAB
from .progress import Progress, quiet
from .project import Project, find_project
from .site import write_site
from .store import Build

DATASET = URIRef(BASE + "dataset")
INTERPRETED = VOCAB["statement-basis/interpreted"]
SPDX = "http://spdx.org/rdf/terms#"
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
TOOL = URIRef("https://w3id.org/icpkg/kgtool")
DUMPS = "dumps"
CHECKSUMS = "SHA256SUMS"
DESCRIPTION = "void.ttl"

TITLE = {
    "zh": "工业文化政策知识图谱",
    "en": "Industrial Culture Policy Knowledge Graph",
}
ABSTRACT = {
    "zh": "中国国家和省级工业文化发展政策文件的知识图谱：文件、逐条任务（原文引用）、牵头与参与单位、"
          "专栏与工程、文化载体和量化目标。",
    "en": "China's national and provincial plans for industrial culture (工业文化) as linked data: "
          "the documents, every numbered task quoted verbatim, the bodies that lead, take part in or "
          "share each task, programmes, cultural carriers and numeric targets.",
}


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
    root: Path | str | None = None,
    out: Path | str | None = None,
    *,
    base_url: str = BASE,
    version: str | None = None,
    issued: str | None = None,
    sparql_endpoint: str | None = None,
    build_dir: Path | str | None = None,
    progress: Progress = quiet,
) -> Release:
    """Write a release of the last build to `out` (default ROOT/dist), replacing it whole.

    `base_url` is where the release folder will be hosted (download links in the
    description point there); `version` defaults to the ontology's owl:versionInfo;
    `issued` (YYYY-MM-DD) and `sparql_endpoint` are written only when given.
    Raises KgtoolError when the build is missing or older than its inputs.
    """
    project = find_project(root)
    build = open_build(root, build_dir)
    _check_current(build, project)
    base_url = _checked_base_url(base_url)
    _check_date(issued)
    target = Path(out) if out else project.root / "dist"
    progress("reading the build's graphs")
    graphs = release_graphs(build)
    version = version or _ontology_version(graphs)
    release = Release(target, version, base_url, graphs={str(g): len(t) for g, t in graphs.items()})
    with staged_folder(target, "release", [*project.source_folders, build.path]) as staging:
        progress(f"writing dumps of {len(graphs)} graphs, {_count(graphs):,} triples")
        release.dumps = _write_dumps(staging, graphs)
        _copy_documents(project, staging)
        progress("writing pages")
        release.pages = write_site(build, staging, project)
        progress("describing the release (VoID, DCAT) and its checksums")
        description = describe(graphs, release, issued=issued, sparql_endpoint=sparql_endpoint)
        (staging / DESCRIPTION).write_bytes(turtle(description))
        release.files = _write_checksums(staging)
    return release


def _check_current(build: Build, project: Project) -> None:
    changed = changed_inputs(build, project)
    if changed:
        raise KgtoolError(
            f"the build is older than {', '.join(changed[:3])}; run `kgtool build` before publishing"
        )


def _checked_base_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/]+(/\S*)?$", url):
        raise KgtoolError(f"--base-url must be an http(s) URL such as https://example.org/icpkg/, not '{url}'")
    return url if url.endswith("/") else url + "/"


def _check_date(issued: str | None) -> None:
    if issued is None:
        return
    try:
        valid = re.fullmatch(r"\d{4}-\d{2}-\d{2}", issued) and date.fromisoformat(issued)
    except ValueError:
        valid = False
    if not valid:
        raise KgtoolError(f"--issued must be a date that exists, written YYYY-MM-DD, not '{issued}'")


# --- the graphs of the release ----------------------------------------------------------


def release_graphs(build: Build) -> dict[URIRef, Graph]:
    """The asserted named graphs, each document's and registry's split into what the text
    states and what the curator interpreted, plus the inferred closure; sorted by name."""
    dataset = build.dataset(inferred=True)
    interpreted = set(dataset.subjects(ICP.basis, INTERPRETED))
    graphs: dict[URIRef, Graph] = {}
    for context in dataset.graphs():
        name = context.identifier
        if not isinstance(name, URIRef) or not len(context):
            continue
        if _holds_data(name):
            stated, reading = _split(context, interpreted)
            graphs[name] = stated
            if len(reading):  # graphs/derived/text-reuse.ttl states facts of the texts only
                graphs[URIRef(f"{name}/interpretation")] = reading
        else:
            graphs[name] = _canonical(context)
    return dict(sorted(graphs.items()))


def _holds_data(name: URIRef) -> bool:
    """A graph made from graphs/: a document or a registry, not the ontology or the closure."""
    local = str(name)[len(GRAPH):] if str(name).startswith(str(GRAPH)) else None
    return bool(local) and name != INFERRED_GRAPH and not local.startswith(("ontology", "vocab/"))


def _split(graph: Graph, interpreted: set) -> tuple[Graph, Graph]:
    stated, reading = Graph(), Graph()
    for triple in graph:
        (reading if triple[1] in interpreted else stated).add(triple)
    return _canonical(stated), _canonical(reading)


def _canonical(graph: Graph) -> Graph:
    # Parsing the build gives its blank nodes fresh labels; label them from content again.
    result = Graph()
    _bind(result)
    result += canonical_blank_nodes(graph)
    return result


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


def turtle(graph: Graph) -> bytes:
    _bind(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def _sorted_lines(text: str) -> bytes:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def ntriples(graph: Graph) -> bytes:
    return _sorted_lines(graph.serialize(format="nt"))


def nquads(graphs: dict[URIRef, Graph]) -> bytes:
    dataset = Dataset()
    for name, graph in graphs.items():
        named = dataset.graph(name)
        named += graph
    return _sorted_lines(dataset.serialize(format="nquads"))


def trig(graphs: dict[URIRef, Graph]) -> bytes:
    # rdflib's TriG writer orders graphs by hash; each graph as sorted Turtle, in name order.
    prefixes, blocks = set(), []
    for name, graph in graphs.items():
        lines = turtle(graph).decode("utf-8").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
        blocks.append(f"<{name}> {{\n{body}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def jsonld_context() -> dict:
    return {"@context": {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}}


def jsonld(graph: Graph) -> bytes:
    context = jsonld_context()["@context"]
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    return (json.dumps(_sorted_json(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _sorted_json(value, key: str | None = None):
    # JSON-LD arrays are unordered sets, except @list; rdflib emits them in hash order.
    if isinstance(value, dict):
        return {k: _sorted_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def gzipped(data: bytes) -> bytes:
    # mtime=0 and no file name: the same bytes give the same archive.
    return gzip.compress(data, compresslevel=9, mtime=0)


# --- the files --------------------------------------------------------------------------


def _write_dumps(folder: Path, graphs: dict[URIRef, Graph]) -> list[Dump]:
    asserted = {name: graph for name, graph in graphs.items() if name != INFERRED_GRAPH}
    union = _union(graphs, inferred=False)
    closure = _union(graphs, inferred=True)
    contents = [
        (f"{DUMPS}/icpkg.ttl", "text/turtle", turtle(union), len(union),
         "The whole asserted graph in Turtle (no named graphs)."),
        (f"{DUMPS}/icpkg.nt.gz", "application/n-triples", gzipped(ntriples(union)), len(union),
         "The whole asserted graph as sorted N-Triples, gzipped."),
        (f"{DUMPS}/icpkg.nq.gz", "application/n-quads", gzipped(nquads(asserted)), _count(asserted),
         "Every named graph (documents, interpretations, registry, ontology, vocabularies) as sorted N-Quads, gzipped."),
        (f"{DUMPS}/icpkg.trig", "application/trig", trig(asserted), _count(asserted),
         "Every named graph in TriG."),
        (f"{DUMPS}/icpkg.jsonld", "application/ld+json", jsonld(union), len(union),
         "The whole asserted graph in JSON-LD, with its @context (also in context.jsonld)."),
        (f"{DUMPS}/icpkg-inferred.nq.gz", "application/n-quads", gzipped(nquads({INFERRED_GRAPH: closure})),
         len(closure), "The OWL 2 RL entailments kgtool adds (owlrl), in the graph graph/inferred, as sorted N-Quads, gzipped."),
    ]
    (folder / DUMPS).mkdir()
    (folder / DUMPS / "context.jsonld").write_text(
        json.dumps(jsonld_context(), indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    dumps = []
    for path, media_type, data, triples, description in contents:
        (folder / path).write_bytes(data)
        dumps.append(Dump(path, media_type, description, triples, len(data), hashlib.sha256(data).hexdigest()))
    return dumps


def _count(graphs: dict[URIRef, Graph]) -> int:
    return sum(len(graph) for graph in graphs.values())


def _copy_documents(project: Project, folder: Path) -> None:
    """The ontology, vocabularies and shapes as their authors wrote them, comments and all."""
    (folder / "vocab").mkdir()
    (folder / "shapes").mkdir()
    shutil.copyfile(project.root / "ontology" / "icp.ttl", folder / "ontology.ttl")
    for scheme in sorted((project.root / "ontology" / "vocab").glob("*.ttl")):
        shutil.copyfile(scheme, folder / "vocab" / scheme.name)
    for shapes in sorted((project.root / "shapes").glob("*.ttl")):
        shutil.copyfile(shapes, folder / "shapes" / shapes.name)


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


def describe(
    graphs: dict[URIRef, Graph],
    release: Release,
    *,
    issued: str | None = None,
    sparql_endpoint: str | None = None,
) -> Graph:
    """A VoID and DCAT description of the release, every figure computed from the data."""
    union = _union(graphs, inferred=False)
    description, _ = generateVoID(union, dataset=DATASET)
    _count_property_entities(description, union)
    description = _stable_partitions(description)
    _bind(description)
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("foaf", FOAF), ("spdx", SPDX)):
        description.bind(prefix, namespace)
    add = description.add
    add((DATASET, RDF.type, DCAT.Dataset))
    for language in ("zh", "en"):
        add((DATASET, DCTERMS.title, Literal(TITLE[language], lang=language)))
        add((DATASET, DCTERMS.description, Literal(ABSTRACT[language], lang=language)))
    add((DATASET, DCTERMS.license, LICENCE))
    add((DATASET, OWL.versionInfo, Literal(release.version)))
    add((DATASET, URIRef(str(DCAT) + "version"), Literal(release.version)))  # DCAT 3; rdflib knows DCAT 2
    add((DATASET, FOAF.homepage, URIRef(release.base_url + "index.html")))
    add((DATASET, VOID.uriSpace, Literal(BASE + "id/")))
    add((DATASET, VOID.entities, Literal(len({s for s in union.subjects(RDF.type) if isinstance(s, URIRef) and str(s).startswith(BASE + "id/")}))))
    if issued:
        add((DATASET, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    if sparql_endpoint:
        add((DATASET, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    _describe_provenance(description, union)
    _describe_vocabularies(description, union)
    _describe_examples(description, union)
    _describe_graphs(description, graphs)
    _describe_dumps(description, release)
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


def _describe_provenance(description: Graph, union: Graph) -> None:
    documents = sorted(s for s in union.subjects(RDF.type, ICP.PolicyDocument) if isinstance(s, URIRef))
    for document in documents:
        description.add((DATASET, DCTERMS.source, document))
        description.add((DATASET, PROV.wasDerivedFrom, document))
    description.add((DATASET, PROV.wasGeneratedBy, TOOL))
    description.add((TOOL, RDF.type, PROV.SoftwareAgent))
    description.add((TOOL, FOAF.name, Literal("kgtool")))
    description.add((TOOL, OWL.versionInfo, Literal(__version__)))


def _describe_vocabularies(description: Graph, union: Graph) -> None:
    terms = set(union.predicates()) | set(union.objects(None, RDF.type))
    namespaces = {_namespace(term) for term in terms if isinstance(term, URIRef)}
    for namespace in sorted(namespaces):
        description.add((DATASET, VOID.vocabulary, URIRef(namespace)))


def _namespace(term: URIRef) -> str:
    text = str(term)
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[: cut + 1]


def _describe_examples(description: Graph, union: Graph) -> None:
    for example in ("id/doc/cn-2021-plan", "id/task/gd-2023-plan/1", "id/agency/gd-industry-it"):
        iri = URIRef(BASE + example)
        if (iri, None, None) in union:
            description.add((DATASET, VOID.exampleResource, iri))


def _describe_graphs(description: Graph, graphs: dict[URIRef, Graph]) -> None:
    for name, graph in graphs.items():
        subset = URIRef(f"{DATASET}/graph/{str(name)[len(GRAPH):]}")
        description.add((DATASET, VOID.subset, subset))
        description.add((subset, RDF.type, VOID.Dataset))
        description.add((subset, URIRef("http://www.w3.org/ns/sparql-service-description#name"), name))
        description.add((subset, VOID.triples, Literal(len(graph))))


def _describe_dumps(description: Graph, release: Release) -> None:
    for dump in release.dumps:
        url = URIRef(release.base_url + dump.path)
        distribution = URIRef(f"{DATASET}/distribution/{Path(dump.path).name}")
        description.add((DATASET, VOID.dataDump, url))
        description.add((DATASET, DCAT.distribution, distribution))
        description.add((distribution, RDF.type, DCAT.Distribution))
        description.add((distribution, DCAT.downloadURL, url))
        description.add((distribution, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dump.media_type}")))
        description.add((distribution, DCTERMS.description, Literal(dump.description, lang="en")))
        description.add((distribution, VOID.triples, Literal(dump.triples)))
        description.add((distribution, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
        checksum = URIRef(f"{distribution}/sha256")
        description.add((distribution, URIRef(SPDX + "checksum"), checksum))
        description.add((checksum, URIRef(SPDX + "algorithm"), URIRef(SPDX + "checksumAlgorithm_sha256")))
        description.add((checksum, URIRef(SPDX + "checksumValue"), Literal(dump.sha256, datatype=XSD.hexBinary)))
        if dump.path.endswith(".gz"):
            description.add((distribution, DCAT.compressFormat, URIRef("https://www.iana.org/assignments/media-types/application/gzip")))
