"""`kgtool validate` as a plan analyst uses it: exit codes, languages, formats, bad input."""

from __future__ import annotations

import json
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS, SH

from kgtool.cli import main
from kgtool.errors import KgtoolError, OptionError
from kgtool.project import find_project
from kgtool.check.shacl_engines import ENGINE_PACKAGES
from kgtool.check.framework import framework_in_force
from kgtool.check.validate import ENGINES, prepare, validate

from helpers import FIXTURES, REPO

NO_BASIS = str(FIXTURES / "plan-without-basis.ttl")


def run(*args: str):
    return CliRunner().invoke(main, ["--root", str(REPO), "validate", *args])


@pytest.fixture(scope="module")
def repository_report():
    return run()


def test_the_five_documents_have_no_violation(repository_report):
    assert repository_report.exit_code == 0, repository_report.output
    assert repository_report.output.rstrip().splitlines()[-1].startswith("违规 0，")


def test_the_findings_about_the_five_documents_are_the_ones_checked_by_hand():
    from kgtool.check.validate import validate

    found = sorted(
        (f.severity, str(f.shape).rsplit("#", 1)[-1], str(f.focus).rsplit("/id/", 1)[-1], str(f.value).rsplit("/id/", 1)[-1])
        for f in validate(root=REPO).findings
    )
    assert found == [
        # Annex row 2 (选树…国有企业典型) is given to 省国资委 alone; national （四） is led by 工业和信息化部.
        ("Info", "CounterpartShape", "task/gd-2023-plan/annex-2", "task/cn-2021-plan/4"),
        # 保障措施（一）: “各地级以上市工业和信息化主管部门牵头，相关部门按职责分工负责” — the
        # province's 工信厅, counterpart of national （十五）'s lead 工业和信息化部, is not named.
        ("Info", "CounterpartShape", "task/gd-2023-plan/safeguard-1", "task/cn-2021-plan/15"),
        # Fujian's draft is for 2026—2028 and names no national plan; the national plan ended in 2025.
        ("Info", "NoCurrentFrameworkShape", "doc/fj-2026-plan", "doc/fj-2026-plan"),
    ]


def test_a_plan_with_a_violation_fails_with_exit_code_1_and_says_what_to_fix():
    result = run(NO_BASIS)
    assert result.exit_code == 1
    assert "违规  江苏: 省级方案没有写明所依据的国家方案：请按原文用 eli:based_on" in result.output
    assert "plan-without-basis.ttl:22" in result.output
    assert result.output.rstrip().splitlines()[-1] == "违规 1，警告 7，提示 0"


def test_a_finding_with_no_value_points_to_the_line_of_its_focus_node():
    # A missing title has no sh:value; the finding is about the document on line 26.
    result = run(str(REPO / "tests" / "shapes" / "core" / "document-title.ttl"))
    violation = next(line for line in result.output.splitlines() if "违规  江苏: 文件须恰有一个中文标题" in line)
    assert violation.endswith("document-title.ttl:26)")


def test_the_report_names_uncovered_national_tasks_in_the_chosen_language():
    zh = run(NO_BASIS).output
    en = run(NO_BASIS, "--lang", "en").output
    assert "警告  江苏: 未覆盖国家任务（九）完善工业博物馆体系" in zh
    assert "Warning  Jiangsu: Does not cover national task （九） Improve the system of industrial museums" in en
    assert en.rstrip().splitlines()[-1] == "1 violation, 7 warnings, 0 infos"


def test_the_text_report_never_shows_a_blank_node_or_an_id_iri(repository_report):
    assert "_:" not in repository_report.output
    assert "https://w3id.org/icpkg/id/" not in repository_report.output


def test_warnings_and_infos_fail_only_with_strict(repository_report):
    assert "提示" in repository_report.output
    assert run("--strict").exit_code == 1


def test_the_reference_engine_is_one_flag_away_and_reports_the_same_under_its_own_name():
    turbo = run(NO_BASIS, "--lang", "en").output.splitlines()
    reference = run(NO_BASIS, "--lang", "en", "--engine", "pyshacl")
    assert reference.exit_code == 1
    header, *findings = reference.output.splitlines()
    assert header == f"SHACL engine: pyshacl {version('pyshacl')}"
    assert turbo[0] == f"SHACL engine: pyshacl-turbo {version('pyshacl-turbo')}"
    assert findings == turbo[1:]


def test_an_unknown_engine_is_a_usage_error_naming_the_engines():
    result = run("--engine", "jena")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--engine': 'jena' is not one of 'turbo', 'pyshacl'." in result.output
    # The CLI offers the names without loading the engines: the library has one for each.
    assert list(ENGINE_PACKAGES) == list(ENGINES)
    with pytest.raises(OptionError, match="unknown SHACL engine 'jena': choose turbo or pyshacl"):
        validate([NO_BASIS], root=REPO, engine="jena")


def _attributed_to(report: Graph):
    """The label of the agent the SHACL report is attributed to, and its comment."""
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return report.value(report.value(root, PROV.wasAttributedTo), RDFS.label), report.value(root, RDFS.comment)


def test_turtle_gives_the_standard_shacl_report_and_the_engine_that_made_it():
    result = run(NO_BASIS, "--format", "turtle")
    assert result.exit_code == 1
    report = Graph().parse(data=result.output, format="turtle")
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) == 8
    assert (None, SH.conforms, None) in report
    assert _attributed_to(report) == (Literal(f"pyshacl-turbo {version('pyshacl-turbo')}"), None)


def test_json_gives_the_standard_report_as_json_ld_with_languages():
    result = run(NO_BASIS, "--format", "json")
    report = Graph().parse(data=result.output, format="json-ld")
    messages = list(report.objects(None, SH.resultMessage))
    assert {m.language for m in messages} == {"zh", "en"}
    json.loads(result.output)


def test_a_malformed_plan_is_bad_input_with_file_and_line(tmp_path):
    broken = tmp_path / "plan.ttl"
    shutil.copy(FIXTURES / "malformed.ttl", broken)
    result = run(str(broken))
    assert result.exit_code == 2
    assert "plan.ttl:5: bad Turtle syntax" in result.output
    assert "Traceback" not in result.output


def test_a_missing_plan_file_is_bad_input(tmp_path):
    result = run(str(tmp_path / "nowhere.ttl"))
    assert result.exit_code == 2
    assert "nowhere.ttl: no such file" in result.output


@pytest.mark.parametrize("framework, complaint", [("cn-2030-plan", "no graph for the framework 'cn-2030-plan'"),
                                                  ("gd-2023-plan", "'gd-2023-plan' is not a national plan")])
def test_an_unknown_or_provincial_framework_is_bad_input(framework, complaint):
    result = run("--framework", framework)
    assert result.exit_code == 2
    assert complaint in result.output


@pytest.fixture
def non_canonical_plan(tmp_path) -> Path:
    """The plan without basis with a number written "20.0", which turbo's store keeps as "20"."""
    plan = tmp_path / "plan.ttl"
    text = Path(NO_BASIS).read_text(encoding="utf-8")
    plan.write_text(text + '\ndoc:js-2022-example <https://example.org/weight> "20.0"^^xsd:decimal .\n', encoding="utf-8")
    return plan.resolve()


CANNOT_TAKE = ('turbo cannot take {}: its store would keep "20.0"^^xsd:decimal as "20", '
               "and a shape that checks how a value is written could not see it")


def test_turbo_validates_unless_a_file_writes_a_number_the_store_would_rewrite(non_canonical_plan):
    # Only pySHACL can see that a plan writes "20.0"; a plan written canonically is
    # validated by turbo itself.
    canonical = prepare([NO_BASIS], root=REPO)
    assert (canonical.engine, canonical.engine_reason) == ("turbo", None)
    switched = prepare([non_canonical_plan], root=REPO)
    assert switched.engine == "pyshacl"
    assert switched.engine_reason == CANNOT_TAKE.format(non_canonical_plan) + "; pySHACL, the reference, validated instead"


def test_where_turbo_cannot_take_a_file_the_reference_validates_and_says_so(non_canonical_plan):
    text = run(str(non_canonical_plan), "--lang", "en")
    assert text.exit_code == 1
    note, header, *_ = text.output.splitlines()  # the note is on stderr, before the report
    assert note == f"Note: {CANNOT_TAKE.format(non_canonical_plan)}; pySHACL, the reference, validated instead"
    assert header == f"SHACL engine: pyshacl {version('pyshacl')}"
    assert note not in text.stdout
    json_ld = run(str(non_canonical_plan), "--format", "json").stdout
    label, comment = _attributed_to(Graph().parse(data=json_ld, format="json-ld"))
    assert label == Literal(f"pyshacl {version('pyshacl')}") and comment == Literal(note.removeprefix("Note: "))


def test_turbo_named_refuses_a_file_its_store_would_rewrite_in_one_sentence(non_canonical_plan):
    result = run(str(non_canonical_plan), "--engine", "turbo")
    assert result.exit_code == 2
    assert result.output == f"Error: {CANNOT_TAKE.format(non_canonical_plan)}; validate with --engine pyshacl, " \
                            "the reference engine\n"


def test_two_engine_runs_share_the_shapes_by_their_cost():
    from kgtool.check.validate import _shape_groups

    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix core: <https://w3id.org/icpkg/shapes/core#> .
        @prefix ex: <https://example.org/> .
        ex:clauses sh:targetClass ex:Clause ; core:cost 22 .
        ex:coverage sh:targetNode ex:task ; core:cost 17 .
        ex:counterparts sh:targetSubjectsOf ex:alignsWith ; core:cost 10 .
        ex:labels sh:targetClass ex:Agency .
        ex:titles sh:targetObjectsOf ex:title .
        ex:helper sh:datatype ex:string .
    """, format="turtle")
    ex = "https://example.org/"
    groups = [{str(shape).removeprefix(ex) for shape in group} for group in _shape_groups(shapes, 2)]
    # The costliest alone first; the next two together (27); the two of no stated cost
    # (one second each) join the lighter; a shape without a target is in no group.
    assert groups == [{"clauses", "labels", "titles"}, {"coverage", "counterparts"}]


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "{path}: holds no triples: there is nothing to validate"),
        ("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n",
         "none of the files describes a document (an icp:PolicyDocument or icp:HeritageList); "
         "validate a plan's graph, with its registry file beside it if it has one"),
    ],
    ids=["empty", "no-document"],
)
def test_a_file_with_no_plan_is_refused_rather_than_certified(tmp_path, content, message):
    # "0 violations" for a file that describes nothing would certify nothing as valid.
    path = tmp_path / "new-plan.ttl"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(REPO), "validate", str(path)])
    assert result.exit_code == 2
    assert result.output == f"Error: {message.format(path=path)}\n"


def test_a_body_missing_from_the_registry_is_named_by_its_iri_with_every_message_filled(tmp_path):
    # The case of tests/shapes/ with its clause naming a body no registry file holds: the
    # English message once read "{?nameEn} is not a body of Jiangsu Province".
    case = (REPO / "tests" / "shapes" / "core" / "clause-body-jurisdiction.ttl").read_text(encoding="utf-8")
    path = tmp_path / "plan.ttl"
    path.write_text(case.replace("icp:lead agency:gd-industry-it .", "icp:lead agency:js-unregistered-bureau ."),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(REPO), "validate", str(path), "--lang", "en"])
    assert "https://w3id.org/icpkg/id/agency/js-unregistered-bureau is not a body of Jiangsu Province" in result.output
    assert "{?" not in result.output


def test_an_ill_typed_number_is_one_finding_printed_once_with_no_traceback(project):
    # Guangdong's 专栏 1 target (graphs/gd-2023-plan.ttl) with its quantity "100" made "abc":
    # a datatype, a pattern and a bound are broken, three SHACL results, one thing to fix.
    path = project / "graphs" / "gd-2023-plan.ttl"
    plan = path.read_text(encoding="utf-8")
    path.write_text(plan.replace('icp:quantity "100"^^xsd:decimal', 'icp:quantity "abc"^^xsd:decimal'), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Failed to convert" not in result.output
    quantity_lines = [line for line in result.output.splitlines() if "icp:quantity" in line]
    assert len(quantity_lines) == 1 and quantity_lines[0].startswith("  Violation  ")
    assert result.output.splitlines()[-1].startswith("1 violation, ")


def _document(root, code: str, place: str, status: str, start: str) -> None:
    (root / "graphs" / f"{code}.ttl").write_text(f"""
        @prefix icp: <https://w3id.org/icpkg/ontology#> .
        @prefix eli: <http://data.europa.eu/eli/ontology#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://w3id.org/icpkg/id/doc/{code}> a icp:PolicyDocument ;
            eli:jurisdiction <https://w3id.org/icpkg/id/place/{place}> ;
            icp:status <https://w3id.org/icpkg/vocab/document-status/{status}> ;
            icp:periodStart "{start}"^^xsd:gYear .
    """, encoding="utf-8")


def test_the_default_framework_is_the_national_plan_in_force():
    # By hand, graphs/: two documents are national (eli:jurisdiction place:cn), both final;
    # cn-2016-guidance states no plan period, cn-2021-plan the period 2021–2025.
    assert framework_in_force(find_project(REPO)) == "cn-2021-plan"


def test_a_later_final_national_plan_becomes_the_default_framework(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(REPO / "graphs", root / "graphs")
    (root / "ontology").mkdir()
    _document(root, "cn-2026-plan", "cn", "draft-for-comment", "2026")  # a draft is not in force
    _document(root, "gd-2027-plan", "gd", "final", "2027")  # nor is a province's plan national
    assert framework_in_force(find_project(root)) == "cn-2021-plan"
    _document(root, "cn-2026-plan", "cn", "final", "2026")
    assert framework_in_force(find_project(root)) == "cn-2026-plan"


def test_a_plan_based_on_an_earlier_national_plan_keeps_its_basis_under_a_later_framework(project):
    # graphs/gd-2023-plan.ttl: eli:based_on doc:cn-2021-plan. With a later final national plan
    # in force, the earlier one must still be read with the plan, or its basis looks missing.
    _document(project, "cn-2026-plan", "cn", "final", "2026")
    findings = validate([project / "graphs" / "gd-2023-plan.ttl"], root=project).findings
    assert framework_in_force(find_project(project)) == "cn-2026-plan"
    assert not [f for f in findings if str(f.shape).endswith("#BasisShape")]


def test_without_a_national_plan_in_force_the_framework_must_be_named(tmp_path):
    root = tmp_path / "project"
    (root / "graphs").mkdir(parents=True)
    (root / "ontology").mkdir()
    _document(root, "gd-2023-plan", "gd", "final", "2023")
    with pytest.raises(KgtoolError, match="name the framework with --framework CODE"):
        framework_in_force(find_project(root))
