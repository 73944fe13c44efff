"""Shared fixtures: copies of the project to build in, one build of the repository, and
real Oxigraph and Virtuoso servers on free loopback ports. The plain helpers they use are in
helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kgtool import build, load_dataset
from kgtool.project import Project

from helpers import REPO, copy_project, oxigraph_server, virtuoso_server


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def repository_build(tmp_path_factory):
    """The repository built once for the session, in a copy."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    return build(root)


@pytest.fixture(scope="session")
def dated_release(repository_build, tmp_path_factory):
    """A release of the repository build with a version and a date, as a publisher makes
    one (`kgtool publish --version 1.0.0 --issued 2026-12-01`)."""
    from kgtool.release.publish import publish

    out = tmp_path_factory.mktemp("dated-release") / "dist"
    return publish(repository_build.path.parent, out, version="1.0.0", issued="2026-12-01")


@pytest.fixture(scope="session")
def repository_graph(repository_build) -> Graph:
    """Asserted and inferred triples of the repository build."""
    return repository_build.union


@pytest.fixture(scope="session")
def repository_release(repository_build, tmp_path_factory):
    """The repository build published once for the session (`kgtool publish`), version 1.0.0."""
    from kgtool.release.publish import publish

    return publish(repository_build.path.parent, tmp_path_factory.mktemp("release") / "dist", version="1.0.0")


@pytest.fixture(scope="session")
def asserted_graph() -> Graph:
    """Every asserted triple of the repository's inputs, read straight from the files."""
    repo = Project(REPO)
    graph = Graph()
    for s, p, o, _ in load_dataset(repo.input_files(), repo.graph_name).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture
def empty_store(tmp_path):
    """A fresh, empty Oxigraph server for one test."""
    with oxigraph_server(tmp_path / "oxigraph") as server:
        yield server


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A throwaway Virtuoso on loopback for one test module; its base URL."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url
