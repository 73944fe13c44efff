"""The shapes, case by case (the manifests of tests/shapes/, in the W3C SHACL test suite's
vocabulary), under both SHACL engines, and the shapes themselves against SHACL's own
shapes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from kgtool.store.load import parse_turtle
from kgtool.project import find_project
from kgtool.check.report import text_report
from kgtool.check.validate import ENGINES, Validation, validate

from helpers import REPO

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
# Ours, for the one thing the W3C vocabulary has no term for: icpt:ignoresShape.
ICPT = Namespace("https://w3id.org/icpkg/test#")
SHAPE_CASES = REPO / "tests" / "shapes"
SHAPE_FILES = sorted((REPO / "shapes").glob("*.ttl"))
# What the expected results state, as in the W3C suite; messages are checked elsewhere.
COMPARED = (SH.focusNode, SH.resultSeverity, SH.sourceShape, SH.sourceConstraintComponent, SH.value, SH.resultPath)


def _file(iri: URIRef) -> Path:
    return Path(unquote(urlparse(iri).path))


def _manifests(path: Path) -> dict[Path, Graph]:
    """The manifest at `path` and every one it takes in through mf:include, at any depth."""
    graph = parse_turtle(path)
    found = {path: graph}
    for included in sorted(graph.objects(None, MF.include)):
        found.update(_manifests(_file(included)))
    return found


MANIFESTS = _manifests(SHAPE_CASES / "manifest.ttl")
CASES = [(path, entry) for path, graph in MANIFESTS.items()
         for entries in graph.objects(None, MF.entries) for entry in Collection(graph, entries)]
CASE_FILES = sorted({path for path, _ in CASES})


def _case_id(path: Path) -> str:
    return path.relative_to(SHAPE_CASES).with_suffix("").as_posix()


def _expected_results(manifest: Graph, entry: URIRef) -> list:
    return list(manifest.objects(manifest.value(entry, MF.result), SH.result))


def _stated(graph: Graph, result) -> frozenset:
    """What a result states of COMPARED, a path that is a blank node by what it holds."""
    return frozenset((p, _term(graph, o)) for p in COMPARED for o in graph.objects(result, p))


@pytest.mark.parametrize("path, entry", CASES, ids=[_case_id(path) for path, _ in CASES])
def test_each_case_gets_exactly_the_expected_report(path: Path, entry: URIRef):
    manifest = MANIFESTS[path]
    assert (entry, RDF.type, SHT.Validate) in manifest
    assert manifest.value(entry, RDFS.label), "a case says what it breaks"
    # The data is the case itself (with what validate adds: ontology, registry, national
    # plan), the shapes are the project's.
    action = manifest.value(entry, MF.action)
    assert manifest.value(action, SHT.dataGraph) == URIRef(path.resolve().as_uri())
    assert sorted(_file(g) for g in manifest.objects(action, SHT.shapesGraph)) == SHAPE_FILES
    ignored = set(manifest.objects(entry, ICPT.ignoresShape))
    report = validate([path], root=REPO).report
    found = [r for r in report.objects(None, SH.result) if report.value(r, SH.sourceShape) not in ignored]
    expected = _expected_results(manifest, entry)
    assert Counter(_stated(report, r) for r in found) == Counter(_stated(manifest, r) for r in expected)
    conforms = manifest.value(manifest.value(entry, MF.result), SH.conforms)
    assert set(report.objects(None, SH.conforms)) == {conforms}


def test_every_file_of_the_cases_is_a_manifest_reached_from_the_top_one():
    """A file no manifest includes would never run; every file but the folders'
    manifest.ttl holds a case."""
    assert sorted(SHAPE_CASES.rglob("*.ttl")) == sorted(MANIFESTS)
    assert CASE_FILES == sorted(p for p in MANIFESTS if p.name != "manifest.ttl")


def _term(report: Graph, node):
    """A node of a report as a value that compares across engines: a blank node (a
    result, a path such as sh:alternativePath, a nested sh:detail) by what it holds."""
    if not isinstance(node, BNode):
        return node
    if (node, RDF.first, None) in report:
        return tuple(_term(report, item) for item in Collection(report, node))
    return frozenset((p, _term(report, o)) for p, o in report.predicate_objects(node))


def _results(validation: Validation) -> Counter:
    """The report's results with everything each states — focus node, path, value, source
    shape, severity, constraint component, source constraint, messages with their
    languages, nested details — counted, so a result given twice is a difference."""
    report = validation.report
    return Counter(_term(report, result) for result in report.objects(None, SH.result))


def _same_report(files: list[Path] | None) -> None:
    # The default engine: turbo, or pySHACL where a file writes a value turbo's store
    # would rewrite (named, turbo refuses such a file: tests/test_validate.py).
    default = validate(files, root=REPO)
    reference = validate(files, root=REPO, engine="pyshacl")
    assert _results(default) == _results(reference)
    assert default.conforms == reference.conforms
    # What a person reads — labels, file and line — is the same too (in the same order
    # but where findings tie on everything the report sorts by), under the line naming the engine.
    for language in ("zh", "en"):
        shown, expected = (text_report(v, language).splitlines()[1:] for v in (default, reference))
        assert sorted(shown) == sorted(expected)


@pytest.mark.parametrize("case", [None, "framework/coverage-gap", "core/clause-body-jurisdiction"],
                         ids=lambda c: c or "repository")
def test_turbo_split_into_two_runs_side_by_side_gives_the_one_run_report(case, monkeypatch):
    files = [SHAPE_CASES / f"{case}.ttl"] if case else None
    monkeypatch.setattr(ENGINES["turbo"], "runs", 1)
    one = validate(files, root=REPO)
    monkeypatch.setattr(ENGINES["turbo"], "runs", 2)
    two = validate(files, root=REPO)
    assert _results(one) and _results(two) == _results(one)
    assert two.conforms == one.conforms
    assert len(set(two.report.subjects(RDF.type, SH.ValidationReport))) == 1


@pytest.mark.parametrize("path", CASE_FILES, ids=_case_id)
def test_each_case_gets_the_same_report_from_pyshacl_turbo_as_from_pyshacl(path: Path):
    _same_report([path])


@pytest.mark.parametrize("plan", [None, *find_project(REPO).document_files()],
                         ids=lambda p: p.stem if p else "repository")
def test_the_repository_and_each_plan_get_the_same_report_from_both_engines(plan: Path | None):
    _same_report([plan] if plan else None)


def _shapes_graph() -> Graph:
    shapes = Graph()
    for path in SHAPE_FILES:
        shapes += parse_turtle(path)
    return shapes


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _reporting_shapes(shapes: Graph) -> set[URIRef]:
    """The shapes a finding can name: every node shape with targets (fw:CoverageShape gets
    its targets at run time) and the property shapes it holds. Shapes used only through
    sh:node report through the property shape that uses them."""
    targeted = {s for target in TARGETS for s in shapes.subjects(target, None)}
    targeted.add(URIRef("https://w3id.org/icpkg/shapes/framework#CoverageShape"))
    held = {p for shape in targeted for p in shapes.objects(shape, SH.property)}
    return {s for s in targeted | held if isinstance(s, URIRef)}


def test_every_shape_has_a_case():
    named = _reporting_shapes(_shapes_graph())
    tested = {MANIFESTS[path].value(result, SH.sourceShape)
              for path, entry in CASES for result in _expected_results(MANIFESTS[path], entry)}
    assert sorted(named - tested) == []


def test_the_shapes_pass_shacl_meta_validation():
    from pyshacl import validate as shacl_validate

    # meta_shacl checks the shapes graph against the SHACL-for-SHACL shapes first and
    # raises if the shapes are not well formed.
    conforms, _, text = shacl_validate(Graph(), shacl_graph=_shapes_graph(), meta_shacl=True)
    assert conforms, text


def test_meta_validation_does_catch_a_malformed_shape():
    from pyshacl import validate as shacl_validate
    from pyshacl.errors import ReportableRuntimeError

    broken = _shapes_graph()
    broken.add((URIRef("https://w3id.org/icpkg/shapes/test#Broken"), RDF.type, SH.NodeShape))
    broken.add((URIRef("https://w3id.org/icpkg/shapes/test#Broken"), SH.minCount, Literal("many")))
    with pytest.raises(ReportableRuntimeError):
        shacl_validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_every_rule_has_a_name_description_and_message_in_chinese_and_english():
    shapes = _shapes_graph()
    rules = {s for cls in (SH.PropertyShape, SH.SPARQLConstraint) for s in shapes.subjects(RDF.type, cls)}
    rules |= set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    assert len(rules) > 50
    missing = [
        f"{rule} {prop.fragment}"
        for rule in rules
        for prop in (SH.name, SH.description, SH.message)
        if sorted(getattr(v, "language", None) or "" for v in shapes.objects(rule, prop)) != ["en", "zh"]
    ]
    assert sorted(missing) == []
