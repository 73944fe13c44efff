"""`kgtool build` after documents were added, changed or removed updates the last build
instead of making it again — and the result is what a build from scratch gives: the
same quads in the store and in its N-Quads, the same summary, the same answers."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse

from kgtool import build, open_build
from kgtool.errors import InputError, ReasoningError
from kgtool.ask.queries import catalogue, run_query

from helpers import REQUIRED_PARAMETERS, copy_project, load_benchmark, unordered_lists


def _quads(result) -> set:
    return set(Store.read_only(str(result.path / "store")))


def _summary(result) -> dict:
    ignored = {"seconds", "changed", "format"}
    summary = {key: value for key, value in result.summary.items() if key not in ignored}
    summary["files"] = [{key: value for key, value in record.items() if key != "mtime_ns"}
                        for record in summary["files"]]
    return summary


def _answers(result, queries: Path) -> dict:
    return {name: Counter(map(unordered_lists, run_query(result, query, REQUIRED_PARAMETERS.get(name)).rows))
            for name, query in catalogue(queries).items()}


def assert_same_as_from_scratch(project: Path, updated, tmp_path: Path, changed: list[str]) -> None:
    """The updated build took the update path, and equals a build from scratch of the same files."""
    assert updated.summary["changed"] == changed
    clean = build(project, tmp_path / "from-scratch", full=True)
    assert clean.summary["changed"] is None
    quads = _quads(updated)
    assert quads == _quads(clean)
    assert set(parse(path=str(updated.path / "store.nq"), format=RdfFormat.N_QUADS)) == quads
    assert _summary(updated) == _summary(clean)
    assert _answers(updated, project / "queries") == _answers(clean, project / "queries")
    shutil.rmtree(clean.path)


def _drop_first(path: Path, pattern: str) -> None:
    """Remove the first line matching `pattern` that ends a predicate-object pair (';')."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if re.search(pattern, line) and line.rstrip().endswith(";"))
    path.write_text("".join(lines[:number] + lines[number + 1:]), encoding="utf-8")


def _copy_document(project: Path, code: str, new_code: str) -> str:
    source = (project / "graphs" / f"{code}.ttl").read_text(encoding="utf-8")
    (project / "graphs" / f"{new_code}.ttl").write_text(source.replace(code, new_code), encoding="utf-8")
    return f"graphs/{new_code}.ttl"


@pytest.fixture
def built_project(tmp_path):
    project = copy_project(tmp_path / "project")
    build(project)
    return project


def test_adding_changing_and_removing_a_document_gives_what_a_build_from_scratch_gives(built_project, tmp_path):
    added = _copy_document(built_project, "js-task-table", "zz-task-table")
    assert_same_as_from_scratch(built_project, build(built_project), tmp_path, [added])

    _drop_first(built_project / "graphs" / "gd-2023-plan.ttl", r"icp:lead ")
    assert_same_as_from_scratch(built_project, build(built_project), tmp_path, ["graphs/gd-2023-plan.ttl"])

    (built_project / "graphs" / "fj-2026-plan.ttl").unlink()
    assert_same_as_from_scratch(built_project, build(built_project), tmp_path, ["graphs/fj-2026-plan.ttl"])


def test_changing_the_registry_every_plan_points_to_gives_what_a_build_from_scratch_gives(built_project, tmp_path):
    # Agencies are the objects of lead and participant in every plan: their inferred
    # types come from triples in other files.
    _drop_first(built_project / "graphs" / "agencies.ttl", r"skos:prefLabel")
    assert_same_as_from_scratch(built_project, build(built_project), tmp_path, ["graphs/agencies.ttl"])


def test_a_changed_axiom_builds_from_scratch_and_says_why(built_project):
    ontology = built_project / "ontology" / "icp.ttl"
    ontology.write_text(ontology.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    said = []
    result = build(built_project, progress=lambda message, *counts: said.append(message))
    assert result.summary["changed"] is None
    assert any(message.startswith("building from scratch: a changed file states an axiom") for message in said)


def test_nothing_changed_is_an_update_of_no_file(built_project):
    before = open_build(built_project)
    quads = _quads(before)
    after = build(built_project)
    assert after.summary["changed"] == []
    assert _quads(after) == quads


def test_a_malformed_changed_file_leaves_the_last_build_as_it_was(built_project):
    quads = _quads(open_build(built_project))
    (built_project / "graphs" / "gd-2023-plan.ttl").write_text("@prefix : <x> .\n:a :b\n", encoding="utf-8")
    with pytest.raises(InputError, match="gd-2023-plan.ttl"):
        build(built_project)
    assert _quads(open_build(built_project)) == quads


def test_a_change_that_makes_the_data_inconsistent_is_refused_and_leaves_the_last_build(built_project):
    # icp:Agency and icp:GenericActor are disjoint (ontology/icp.ttl).
    quads = _quads(open_build(built_project))
    agencies = built_project / "graphs" / "agencies.ttl"
    agencies.write_text(agencies.read_text(encoding="utf-8")
                        + "\nagency:cn-miit a icp:GenericActor .\n",
                        encoding="utf-8")
    with pytest.raises(ReasoningError, match="disjoint"):
        build(built_project)
    assert _quads(open_build(built_project)) == quads


def test_a_generated_rollout_updated_file_by_file_equals_its_build_from_scratch(tmp_path):
    project = tmp_path / "rollout"
    load_benchmark("generate").generate(project, 8_000, seed=1)
    build(project)
    plans = sorted(path.stem for path in (project / "graphs").glob("*-syn.ttl"))
    added = _copy_document(project, plans[0], plans[0].replace("-syn", "-copy-syn"))
    assert_same_as_from_scratch(project, build(project), tmp_path, [added])
    _drop_first(project / "graphs" / f"{plans[-1]}.ttl", r"icp:(lead|participant) ")
    assert_same_as_from_scratch(project, build(project), tmp_path, [f"graphs/{plans[-1]}.ttl"])
    (project / "graphs" / f"{plans[0]}.ttl").unlink()
    assert_same_as_from_scratch(project, build(project), tmp_path, [f"graphs/{plans[0]}.ttl"])
