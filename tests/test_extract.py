"""`kgtool extract` as a user runs it: a plan in, three files out that validate, build and
answer the saved queries; nothing overwritten that it did not make; bad input refused
in one sentence with nothing written.

The plan used is tests/fixtures/extract/plans/zj-2022-plan.txt (a synthetic Zhejiang plan,
annotated by hand: see that folder's README); the values asserted were read off it.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from docx import Document
from rdflib import Graph
from rdflib.namespace import PROV, RDF

from kgtool.cli import main
from kgtool.namespaces import AGENCY, DOC, ICP, PLACE, VOCAB
from kgtool.register.write import PLACES_MARKER

from helpers import FIXTURES

PLAN = FIXTURES / "extract" / "plans" / "zj-2022-plan.txt"
DEBRIS = re.compile(r"\s+")


def _run(project, *args):
    return CliRunner().invoke(main, ["--root", str(project), *args])


def _files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def extracted(project):
    result = _run(project, "extract", str(PLAN), "--review", str(project / "review.md"))
    assert result.exit_code == 0, result.output
    return project, result


def test_extract_writes_the_source_the_graph_and_the_new_bodies(extracted):
    project, result = extracted
    # The code is proposed from the title's place (浙江省), the notice's date (2022) and its kind (实施方案).
    assert (project / "sources" / "zj-2022-plan.txt").is_file()
    assert (project / "graphs" / "zj-2022-plan.ttl").is_file()
    assert (project / "graphs" / "registry" / "zj-2022-plan.ttl").is_file()
    # The summary: 12 items (2 general requirements, 7 key tasks under 二、, 3 safeguards), 9 targets.
    assert "items               12  (7 key-task, 3 safeguard-measure, 2 general-requirement)" in result.output
    assert "targets              9" in result.output
    assert "Wrote " in result.output


def test_every_quote_of_the_draft_is_verbatim_in_the_source_it_wrote(extracted):
    project, _ = extracted
    source = DEBRIS.sub("", (project / "sources" / "zj-2022-plan.txt").read_text(encoding="utf-8"))
    graph = Graph().parse(project / "graphs" / "zj-2022-plan.ttl")
    quotes = [o for p in (ICP.text, ICP.clauseText, ICP.quote) for o in graph.objects(None, p)]
    assert len(quotes) > 30
    assert [str(q) for q in quotes if DEBRIS.sub("", str(q)) not in source] == []


def test_new_bodies_are_composed_for_the_province_and_marked_as_extracted(extracted):
    project, _ = extracted
    registry = Graph().parse(project / "graphs" / "registry" / "zj-2022-plan.ttl")
    # 省经信厅 in the clauses is 浙江省经济和信息化厅, whose full name the notice prints: stated.
    body = AGENCY["zj-industry-it"]
    assert str(registry.value(body, ICP.jurisdiction)) == str(PLACE["zj"])
    assert {str(label) for label in registry.objects(body, None) if getattr(label, "language", "") == "zh"} >= {
        "浙江省经济和信息化厅", "省经信厅"}
    assert registry.value(body, ICP.nameBasis) == VOCAB["statement-basis/stated"]
    assert registry.value(body, ICP.nationalCounterpart) == AGENCY["cn-miit"]
    # Zhejiang is in graphs/places.ttl (the heritage register names it): not added again.
    assert (PLACE["zj"], None, None) not in registry
    assert all(registry.value(s, PROV.wasGeneratedBy) for s in registry.subjects(RDF.type, ICP.Agency))


def test_a_province_the_places_registry_lacks_is_added_within_china(project):
    places = project / "graphs" / "places.ttl"
    places.write_text(places.read_text(encoding="utf-8").split(PLACES_MARKER)[0], encoding="utf-8")

    assert _run(project, "extract", str(PLAN)).exit_code == 0

    registry = Graph().parse(project / "graphs" / "registry" / "zj-2022-plan.ttl")
    assert (PLACE["zj"], ICP.withinJurisdiction, PLACE["cn"]) in registry


def test_what_is_read_in_carries_its_evidence(extracted):
    project, _ = extracted
    graph = Graph().parse(project / "graphs" / "zj-2022-plan.ttl")
    for predicate in (ICP.carrierType, ICP.theme, ICP.policyInstrument, ICP.alignsWith, ICP.targetKind):
        statements = list(graph.subject_objects(predicate))
        assert statements, predicate
        for subject, value in statements:
            evidence = [e for e in graph.subjects(RDF.subject, subject)
                        if (e, RDF.predicate, predicate) in graph and (e, RDF.object, value) in graph]
            assert len(evidence) == 1 and graph.value(evidence[0], ICP.method), (subject, predicate, value)
    assert graph.value(DOC["zj-2022-plan"], PROV.wasGeneratedBy) is not None


def test_the_draft_validates_builds_and_shows_in_the_saved_queries(extracted):
    project, _ = extracted
    validated = _run(project, "validate", str(project / "graphs" / "zj-2022-plan.ttl"))
    assert validated.exit_code == 0, validated.output
    assert validated.output.splitlines()[-1].startswith("违规 0，")  # no Violation (Warnings: uncovered national tasks)
    assert _run(project, "build").exit_code == 0
    documents = _run(project, "query", "documents", "--format", "csv").output
    assert "zj-2022-plan,浙江省推动工业文化高质量发展实施方案（2022—2025年）,浙经信产业〔2022〕137号,浙江省,2022-09-26,2022,2025," \
           "final,cn-2021-plan" in documents
    rows = list(csv.DictReader(io.StringIO(_run(project, "query", "responsibilities", "--format", "csv").output)))
    zhejiang = [r for r in rows if r["document"] == "zj-2022-plan"]
    # 1. 深化工业精神研究阐释: 省经信厅牵头，省发展改革委、省教育厅、省文化和旅游厅按职责分工负责.
    first = {(r["agency"], r["role"]) for r in zhejiang if r["number"] == "1."}
    assert first == {("浙江省经济和信息化厅", "lead"), ("浙江省发展和改革委员会", "participant"),
                     ("浙江省教育厅", "participant"), ("浙江省文化和旅游厅", "participant")}
    coverage = _run(project, "query", "coverage", "--format", "csv").output
    assert "浙江省" in coverage


def test_the_review_table_has_a_row_per_item_with_bodies_targets_and_suggestions(extracted):
    project, _ = extracted
    review = (project / "review.md").read_text(encoding="utf-8").splitlines()
    assert review[0] == "| number | title | kind | line | bodies | targets | suggested_alignments | reuse |"
    assert len(review) == 2 + 12
    first = next(line for line in review if line.startswith("| 1. |"))
    assert "省经信厅（牵头）" in first and "cn-2021-plan" in first


def test_extracting_again_is_refused_and_nothing_changes(extracted):
    project, _ = extracted
    before = _files(project)
    again = _run(project, "extract", str(PLAN))
    assert again.exit_code == 2
    assert again.output.startswith("Error: ") and "--force" in again.output and "Traceback" not in again.output
    assert _files(project) == before


def test_force_replaces_an_earlier_extraction_but_never_a_curated_graph(extracted):
    project, _ = extracted
    assert _run(project, "extract", str(PLAN), "--force").exit_code == 0
    curated = (project / "graphs" / "gd-2023-plan.ttl").read_bytes()
    refused = _run(project, "extract", str(PLAN), "--code", "gd-2023-plan", "--force")
    assert refused.exit_code == 2 and "was not made by kgtool extract" in refused.output
    assert (project / "graphs" / "gd-2023-plan.ttl").read_bytes() == curated


def test_out_writes_elsewhere_and_leaves_the_project_alone(project, tmp_path):
    before = _files(project)
    result = _run(project, "extract", str(PLAN), "--out", str(tmp_path / "drafts"), "--review", str(tmp_path / "r.csv"))
    assert result.exit_code == 0, result.output
    assert _files(project) == before
    assert (tmp_path / "drafts" / "graphs" / "zj-2022-plan.ttl").is_file()
    assert next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8")))) == [
        "number", "title", "kind", "line", "bodies", "targets", "suggested_alignments", "reuse"]


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


NOT_A_PLAN = "关于加强工业文化工作的几点想法\n大家都很重视这件事情。\n".encode("utf-8")


@pytest.mark.parametrize(
    "make, args, words",
    [
        (lambda p: _written(p, b""), [], "is empty"),
        (lambda p: _written(p, NOT_A_PLAN), [], "no numbered items found"),
        (lambda p: _written(p, bytes(range(256)) * 8), [], "not a text file"),
        (lambda p: _written(p, PLAN.read_bytes()), ["--jurisdiction", "火星省"], "unknown jurisdiction"),
        (lambda p: _written(p, PLAN.read_bytes()), ["--code", "Zhejiang plan!"], "is not a document code"),
        (lambda p: _written(p.with_suffix(".docx"), b"PK\x03\x04 not a Word document"), [], "is not a readable .docx"),
    ],
    ids=["empty", "no-items", "binary", "unknown-jurisdiction", "bad-code", "broken-docx"],
)
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(project, tmp_path, make, args, words):
    plan = make(tmp_path / "plan.txt")
    before = _files(project)
    result = _run(project, "extract", str(plan), *args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and words in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert _files(project) == before


def test_a_docx_plan_is_read_with_its_table(project, tmp_path):
    document = Document()
    document.add_paragraph("杭州市推动工业文化发展实施方案")
    document.add_paragraph("一、重点任务")
    document.add_paragraph("（一）保护利用工业遗产。开展工业遗产调查。（市经信局牵头，市文广旅游局参与）")
    document.add_paragraph("附件")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ("序号", "重点任务", "牵头单位", "配合单位")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "建设工业博物馆。到2025年建成10家。", "市经信局", "市财政局")):
        cell.text = text
    document.save(tmp_path / "plan.docx")
    result = _run(project, "extract", str(tmp_path / "plan.docx"))
    assert result.exit_code == 0, result.output
    # A city plan: the code and the new bodies are Hangzhou's, within Zhejiang.
    graph = Graph().parse(project / "graphs" / "zj-hangzhou-plan.ttl")
    registry = Graph().parse(project / "graphs" / "registry" / "zj-hangzhou-plan.ttl")
    assert (PLACE["zj-hangzhou"], ICP.withinJurisdiction, PLACE["zj"]) in registry
    assert registry.value(AGENCY["zj-hangzhou-industry-it"], ICP.nameBasis) == VOCAB["statement-basis/extracted"]
    rows = [t for t in graph.subjects(ICP.taskKind, VOCAB["task-kind/annex-row"])]
    assert len(rows) == 1
    assert len(list(graph.subjects(RDF.type, ICP.Target))) == 1


def test_a_folder_that_cannot_be_written_is_one_sentence_and_nothing_written(project, monkeypatch):
    import errno

    import kgtool.atomic

    def read_only(*_, **__):
        raise OSError(errno.EROFS, "Read-only file system", str(project / "sources"))

    monkeypatch.setattr(kgtool.atomic.tempfile, "mkstemp", read_only)
    before = _files(project)
    result = _run(project, "extract", str(PLAN))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: cannot write {project / 'sources' / 'zj-2022-plan.txt'}: read-only file system ({project / 'sources'}); "
        "nothing was written"
    )
    assert _files(project) == before
