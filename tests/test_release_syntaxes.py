"""One graph, many syntaxes: every dump of a release, and the data beside every page,
is the same RDF — literal for literal — read by rdflib and by Oxigraph alike, and the
release's dumps conform to the release's own shapes.

rdflib's Turtle writer once turned "50"^^xsd:decimal into 50.0: the Turtle and TriG
dumps then held another literal than the N-Quads, and shapes/core.ttl (which asks for
quantities written "80", not "80.0") found 16 Violations in dumps/icpkg.ttl.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import SH

from kgtool.release.publish import DESCRIPTION
from kgtool.check.validate import ENGINES

from helpers import REPO

BASE = "https://w3id.org/icpkg/"
QUANTITY = ox.NamedNode(BASE + "ontology#quantity")
SYNTAXES = {  # file suffix: (rdflib's name, Oxigraph's format)
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}
ASSERTED_DUMPS = ["icpkg.ttl", "icpkg.nt.gz", "icpkg.nq.gz", "icpkg.trig", "icpkg.jsonld"]
PARSERS = ["rdflib", "pyoxigraph"]


@pytest.fixture(scope="module")
def release(repository_release) -> Path:
    return repository_release.path


def _syntax(path: Path) -> tuple[str, ox.RdfFormat]:
    return SYNTAXES[Path(path.name.removesuffix(".gz")).suffix]


def _bytes(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def _oxigraph_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype)) if term.datatype else ox.Literal(str(term))


def read(path: Path, parser: str) -> list:
    """The file's statements as Oxigraph quads, as `parser` reads them: Oxigraph keeps
    each literal as written; rdflib's terms are carried over by their lexical form."""
    rdflib_name, oxigraph_format = _syntax(path)
    data = _bytes(path)
    if parser == "pyoxigraph":
        return list(ox.parse(data, format=oxigraph_format))
    dataset = Dataset()
    dataset.parse(data=data, format=rdflib_name)
    default = (None, dataset.default_graph.identifier)
    return [
        ox.Quad(*map(_oxigraph_term, (s, p, o)), ox.DefaultGraph() if g in default else ox.NamedNode(g))
        for s, p, o, g in dataset.quads((None, None, None, None))
    ]


def canonical(quads, *, merged: bool = False) -> set[str]:
    """The statements in canonical N-Quads (RDFC-1.0 blank-node labels): two files hold the
    same RDF when these sets are equal. `merged`: the named graphs' triples as one graph."""
    if merged:
        quads = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(quad) for quad in dataset}


def difference(found: set[str], expected: set[str]) -> list[str]:
    """A few statements one side has and the other lacks, for the failure message."""
    return [f"+ {q}" for q in sorted(found - expected)[:3]] + [f"- {q}" for q in sorted(expected - found)[:3]]


@pytest.fixture(scope="module")
def reference(release) -> list:
    """The N-Quads dump as Oxigraph reads it: the release's graph, every literal as written."""
    return read(release / "dumps" / "icpkg.nq.gz", "pyoxigraph")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("dump", ASSERTED_DUMPS)
def test_every_dump_is_the_graph_of_the_n_quads_dump(release, reference, dump, parser):
    # Turtle, N-Triples and JSON-LD hold the named graphs' triples merged; TriG the graphs.
    merged = _syntax(Path(dump))[0] in ("turtle", "nt", "json-ld")
    found = canonical(read(release / "dumps" / dump, parser), merged=merged)
    expected = canonical(reference, merged=merged)
    assert found == expected, difference(found, expected)


@pytest.mark.parametrize("parser", PARSERS)
def test_the_inferred_dump_is_the_builds_closure(release, repository_build, parser):
    closure = ox.NamedNode(BASE + "graph/inferred")
    built = list(repository_build.store.quads_for_pattern(None, None, None, closure))
    assert len(built) > 1000
    found = canonical(read(release / "dumps" / "icpkg-inferred.nq.gz", parser))
    expected = canonical(built)
    assert found == expected, difference(found, expected)


def _quantities(quads) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in quads if q.predicate == QUANTITY}


def test_every_target_quantity_is_written_as_its_plan_writes_it(release):
    # The plans' own graphs, read by Oxigraph: 16 targets, "50" for Fujian's award cap
    # (不超过50万元, sources/fj-2026-plan.txt), never "50.0".
    written = {}
    for path in sorted((REPO / "graphs").glob("*.ttl")):
        written.update(_quantities(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    assert len(written) == 16
    assert written[BASE + "id/target/fj-2026-plan/safeguard-4-award-cap"] == "50"
    for dump in ASSERTED_DUMPS:
        for parser in PARSERS:
            assert _quantities(read(release / "dumps" / dump, parser)) == written, (dump, parser)
    for target, quantity in written.items():
        for suffix in (".ttl", ".jsonld"):
            path = release / (target.removeprefix(BASE) + suffix)
            for parser in PARSERS:
                assert _quantities(read(path, parser)) == {target: quantity}, (path, parser)


def _data_files(release: Path) -> list[list[Path]]:
    """The data beside each page: <path>.jsonld with its .ttl (and .nt, where written)."""
    groups = []
    for jsonld in sorted(release.rglob("*.jsonld")):
        if jsonld.parent.name == "dumps":
            continue
        stem = str(jsonld).removesuffix(".jsonld")  # not with_suffix: paths such as …/2-1.1.jsonld
        groups.append([Path(stem + s) for s in (".jsonld", ".ttl", ".nt") if Path(stem + s).is_file()])
    return groups


def test_the_data_beside_every_page_is_one_graph_in_each_syntax_and_part_of_the_release(release, reference):
    inferred = read(release / "dumps" / "icpkg-inferred.nq.gz", "pyoxigraph")
    statements = {str(q.triple) for q in reference + inferred}
    description = release / DESCRIPTION.replace(".ttl", ".jsonld")
    groups = _data_files(release)
    assert len(groups) > 500 and all(len(group) >= 2 for group in groups)
    for group in groups:
        readings = {(path.suffix, parser): read(path, parser) for path in group for parser in PARSERS}
        first = canonical(readings[(".jsonld", "pyoxigraph")])
        for key, quads in readings.items():
            assert canonical(quads) == first, (group[0], key, difference(canonical(quads), first))
        if group[0] == description:
            continue  # the release's description (VoID, DCAT) is about the graph, not in it
        # Every statement (blank nodes apart: their labels are the file's own) is the release's.
        named = {str(q.triple) for q in readings[(".jsonld", "pyoxigraph")]
                 if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
        assert named <= statements, (group[0], sorted(named - statements)[:3])


def _violations(data: Graph, shapes: Graph) -> list[str]:
    engine = ENGINES["pyshacl"]  # the reference engine: it sees each literal as parsed
    graph = engine.new_data()
    graph += data
    report = engine.run(graph, shapes)
    return sorted(
        f"{report.value(result, SH.focusNode)}: {report.value(result, SH.resultMessage)}"
        for result in report.subjects(SH.resultSeverity, SH.Violation)
    )


@pytest.fixture(scope="module")
def core_shapes(release) -> Graph:
    # The model's rules, as the release ships them; shapes/framework.ttl measures plans
    # against the national plan, not how the data is written.
    return Graph().parse(release / "shapes" / "core.ttl")


def _graph(*paths: Path) -> Graph:
    dataset = Dataset()
    for path in paths:
        dataset.parse(data=_bytes(path), format=_syntax(path)[0])
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("dump", ASSERTED_DUMPS)
def test_every_dump_conforms_to_the_releases_shapes(release, core_shapes, dump):
    assert _violations(_graph(release / "dumps" / dump), core_shapes) == []


def test_the_asserted_and_inferred_dumps_together_conform_to_the_releases_shapes(release, core_shapes):
    dumps = release / "dumps"
    assert _violations(_graph(dumps / "icpkg.nq.gz", dumps / "icpkg-inferred.nq.gz"), core_shapes) == []
