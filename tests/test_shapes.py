"""The shapes, case by case (tests/shapes/), under both SHACL engines, and the shapes
themselves against SHACL's own shapes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from kgtool.load import parse_turtle
from kgtool.project import find_project
from kgtool.report import text_report
from kgtool.validate import ENGINES, Validation, validate

from conftest import REPO

TEST = Namespace("https://w3id.org/icpkg/test#")
CASES = sorted((REPO / "tests" / "shapes").glob("*.ttl"))
SHAPE_FILES = sorted((REPO / "shapes").glob("*.ttl"))


def _expected(case: Graph) -> set[tuple]:
    return {
        (str(case.value(e, TEST.severity)), case.value(e, TEST.shape), case.value(e, TEST.focus))
        for e in case.objects(TEST.case, TEST.expect)
    }


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_case_gets_exactly_the_expected_findings(path: Path):
    case = parse_turtle(path)
    assert (TEST.case, TEST.description, None) in case, "a case says what it breaks"
    ignored = set(case.objects(TEST.case, TEST.ignore))
    found = {(f.severity, f.shape, f.focus) for f in validate([path], root=REPO).findings if f.shape not in ignored}
    assert found == _expected(case)


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
    turbo = validate(files, root=REPO, engine="turbo")
    reference = validate(files, root=REPO, engine="pyshacl")
    assert _results(turbo) == _results(reference)
    assert turbo.conforms == reference.conforms
    # What a person reads — labels, file and line — is the same too (in the same order
    # but where findings tie on everything the report sorts by).
    for language in ("zh", "en"):
        assert sorted(text_report(turbo, language).splitlines()) == sorted(text_report(reference, language).splitlines())


@pytest.mark.parametrize("case", [None, "framework-coverage-gap", "core-clause-body-jurisdiction"],
                         ids=lambda c: c or "repository")
def test_turbo_split_into_two_runs_side_by_side_gives_the_one_run_report(case, monkeypatch):
    files = [REPO / "tests" / "shapes" / f"{case}.ttl"] if case else None
    monkeypatch.setattr(ENGINES["turbo"], "runs", 1)
    one = validate(files, root=REPO)
    monkeypatch.setattr(ENGINES["turbo"], "runs", 2)
    two = validate(files, root=REPO)
    assert _results(one) and _results(two) == _results(one)
    assert two.conforms == one.conforms
    assert len(set(two.report.subjects(RDF.type, SH.ValidationReport))) == 1


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
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
    tested = set()
    for path in CASES:
        case = parse_turtle(path)
        tested |= {shape for _, shape, _ in _expected(case)}
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
