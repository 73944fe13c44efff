"""`kgtool extract` reads plans in layouts the seeds do not use as a person annotated them.

The plans in tests/fixtures/extract/plans/, heldout/ and heldout2/ are synthetic, in the style of
published plans, and were annotated by hand by three annotators who had not seen the
extractor (each folder's README says how). Each test holds one plan's draft to its
annotation: the document's facts, every item (number, kind, title, the first and last
words of its text), every (item, body as printed, role), every target (setter, quantity,
unit, qualifier, year, kind).
"""

from __future__ import annotations

import pytest

from extract_scoring import (HELDOUT, HELDOUT2, PLANS, assignments, expected, expected_assignments, expected_targets,
                             found_document, items, matches, plan_file, plan_names, same, targets)
from kgtool.extract.draft import Context, draft
from kgtool.extract.reading import read_plan
from kgtool.project import find_project

from helpers import REPO


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load(find_project(REPO))


PLAN_NAMES = [(folder, name) for folder in (PLANS, HELDOUT, HELDOUT2) for name in plan_names(folder)]
IDS = [f"{folder.name}/{name}" for folder, name in PLAN_NAMES]


@pytest.fixture(scope="module")
def drafts(context, tmp_path_factory):
    scratch = tmp_path_factory.mktemp("docx")
    return {name: draft(read_plan(plan_file(name, scratch, folder)).text, context, code=name)
            for folder, name in PLAN_NAMES}


def test_every_annotated_plan_is_read(drafts):
    assert len(drafts) == 8 + 6 + 6


@pytest.mark.parametrize("folder, name", PLAN_NAMES, ids=IDS)
def test_the_document_facts_are_read_as_annotated(drafts, folder, name):
    found = found_document(drafts[name])
    wrong = {field: (value, found[field]) for field, value in expected(name, folder)["document"].items()
             if not same(value, found[field])}
    assert wrong == {}


@pytest.mark.parametrize("folder, name", PLAN_NAMES, ids=IDS)
def test_every_item_is_found_with_its_number_kind_title_and_text(drafts, folder, name):
    found = items(drafts[name])
    annotated = expected(name, folder)["items"]
    assert len(found) == len(annotated)
    assert [i["number"] for i in annotated if not any(matches(i, f) for f in found)] == []


@pytest.mark.parametrize("folder, name", PLAN_NAMES, ids=IDS)
def test_every_body_is_assigned_its_role(drafts, folder, name):
    assert assignments(drafts[name]) == expected_assignments(expected(name, folder))


@pytest.mark.parametrize("folder, name", PLAN_NAMES, ids=IDS)
def test_every_target_is_read(drafts, folder, name):
    assert targets(drafts[name]) == expected_targets(expected(name, folder))


def test_every_annotated_plan_drafts_a_graph_that_validates_with_no_violation(tmp_path):
    """The issue's bar for a draft: `kgtool validate` finds no Violation (Warnings — national
    tasks a plan does not cover, names awaiting review — are for the reviewer)."""
    from helpers import copy_project
    from kgtool.extract import extract
    from kgtool.check.validate import validate

    project = copy_project(tmp_path / "project")
    graphs = []
    for folder, name in PLAN_NAMES:
        extract(plan_file(name, tmp_path, folder), code=name, root=project)
        graphs.append(project / "graphs" / f"{name}.ttl")
    result = validate(graphs, root=project)
    violations = [(str(f.focus).rsplit("/id/", 1)[-1], str(f.shape).rsplit("#", 1)[-1])
                  for f in result.findings if f.severity == "Violation"]
    # The one left is what its text says: the Inner Mongolia plan (2025—2027) names no national
    # plan it carries out, and cn-2021-plan covers 2025 (heldout2/nmg-2025-plan.txt; its
    # annotation's "implements" is null). A draft records no basis the text does not print.
    assert violations == [("doc/nmg-2025-plan", "BasisShape")]
