"""Shared fixtures: copies of the project to build in, and one build of the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kgtool import build, load_dataset
from kgtool.project import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_project(destination: Path) -> Path:
    """A copy of the repository's inputs (not its build) to build in."""
    for folder in ("ontology", "graphs", "sources", "queries", "shapes"):
        shutil.copytree(REPO / folder, destination / folder)
    return destination


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def repository_build(tmp_path_factory):
    """The repository built once for the session, in a copy."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    return build(root)


@pytest.fixture(scope="session")
def repository_graph(repository_build) -> Graph:
    """Asserted and inferred triples of the repository build."""
    return repository_build.union


@pytest.fixture(scope="session")
def asserted_graph() -> Graph:
    """Every asserted triple of the repository's inputs, read straight from the files."""
    repo = Project(REPO)
    graph = Graph()
    for s, p, o, _ in load_dataset(repo.input_files(), repo.graph_name).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
