"""Shared fixtures: copies of the project to build in, one build of the repository, and
real Oxigraph servers on free loopback ports."""

from __future__ import annotations

import shutil
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph

from kgtool import build, load_dataset
from kgtool.project import Project
from kgtool.serve import start_oxigraph

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Values for the saved queries' parameters that have no default: a theme, a phrase
# and a name the texts use.
REQUIRED_PARAMETERS = {
    "tasks-by-theme": {"theme": "tourism"},
    "task-search": {"phrase": "研学"},
    "agency-profile": {"name": "省工信厅"},
    "heritage-site-profile": {"name": "汉阳铁厂"},
}


def copy_project(destination: Path) -> Path:
    """A copy of the repository's inputs (not its build) to build in, with the
    CITATION.cff that `kgtool publish` copies into a release."""
    for folder in ("ontology", "graphs", "sources", "queries", "shapes"):
        shutil.copytree(REPO / folder, destination / folder)
    shutil.copyfile(REPO / "CITATION.cff", destination / "CITATION.cff")
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
def dated_release(repository_build, tmp_path_factory):
    """A release of the repository build with a version and a date, as a publisher makes
    one (`kgtool publish --version 1.0.0 --issued 2026-12-01`)."""
    from kgtool.publish import publish

    out = tmp_path_factory.mktemp("dated-release") / "dist"
    return publish(repository_build.path.parent, out, version="1.0.0", issued="2026-12-01")


@pytest.fixture(scope="session")
def repository_graph(repository_build) -> Graph:
    """Asserted and inferred triples of the repository build."""
    return repository_build.union


@pytest.fixture(scope="session")
def repository_release(repository_build, tmp_path_factory):
    """The repository build published once for the session (`kgtool publish`), version 1.0.0."""
    from kgtool.publish import publish

    return publish(repository_build.path.parent, tmp_path_factory.mktemp("release") / "dist", version="1.0.0")


@pytest.fixture(scope="session")
def asserted_graph() -> Graph:
    """Every asserted triple of the repository's inputs, read straight from the files."""
    repo = Project(REPO)
    graph = Graph()
    for s, p, o, _ in load_dataset(repo.input_files(), repo.graph_name).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def free_port() -> int:
    """A loopback port nothing listens on (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def oxigraph_server(folder: Path):
    """A writable Oxigraph server (the binary from the oxigraph package) with an empty
    store, on a free loopback port; stopped and removed afterwards."""
    folder.mkdir(parents=True)
    with start_oxigraph(folder, port=free_port(), writable=True) as server:
        yield server


@pytest.fixture
def empty_store(tmp_path):
    """A fresh, empty Oxigraph server for one test."""
    with oxigraph_server(tmp_path / "oxigraph") as server:
        yield server
