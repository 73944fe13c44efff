"""The same saved query on any SPARQL 1.1 endpoint: a real Oxigraph server on loopback."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from kgtool.cli import main
from kgtool.ask.formats import render
from kgtool.ask.queries import catalogue, find_query, run_query, run_remote

from helpers import REQUIRED_PARAMETERS, REPO, free_port, oxigraph_server

QUERIES = REPO / "queries"


@pytest.fixture(scope="module")
def endpoint(repository_build, tmp_path_factory):
    """Oxigraph on a free loopback port with a temporary store, loaded with the build
    through the SPARQL 1.1 graph store protocol (POST /store, N-Quads)."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "store") as server:
        request = urllib.request.Request(
            server.graph_store, data=repository_build.store.dump(format=RdfFormat.N_QUADS), method="POST",
            headers={"Content-Type": "application/n-quads"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status in (200, 201, 204)
        yield server.endpoint


def _as_sets(rows):
    # GROUP_CONCAT's order is the engine's: compare list cells (" " or "、") with their items sorted.
    def cell(value):
        if isinstance(value, str) and re.search(r"[ 、]", value):
            return " ".join(sorted(re.split(r"[ 、]", value)))
        return value

    return sorted((tuple(cell(v) for v in row.values()) for row in rows), key=repr)




@pytest.mark.parametrize("name", sorted(catalogue(QUERIES)))
def test_every_saved_query_answers_the_same_on_an_endpoint(repository_build, endpoint, name):
    params = REQUIRED_PARAMETERS.get(name, {})
    local = run_query(repository_build, find_query(QUERIES, name), params)
    pairs = [arg for key, value in params.items() for arg in ("--param", f"{key}={value}")]
    result = CliRunner().invoke(
        main, ["--root", str(REPO), "query", name, *pairs, "--endpoint", endpoint, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    remote = json.loads(result.output)
    # The same values with the same JSON types: the endpoint's datatypes survive the trip.
    assert _as_sets(remote) == _as_sets(json.loads(render(local, "json")))
    assert remote and list(remote[0]) == local.columns


def test_parameters_bind_on_an_endpoint_too(repository_build, endpoint):
    query = find_query(QUERIES, "heritage-lead-agencies")
    params = {"theme": "museums"}
    assert run_remote(endpoint, query, params).rows == run_query(repository_build, query, params).rows


def _query(*args):
    return CliRunner().invoke(main, ["--root", str(REPO), "query", "documents", *args])


def test_an_unreachable_endpoint_is_one_clear_line_and_exit_2():
    result = _query("--endpoint", f"http://127.0.0.1:{free_port()}/query", "--timeout", "5")
    assert result.exit_code == 2
    assert "cannot be reached" in result.output and "Traceback" not in result.output


def test_an_endpoint_answering_with_an_error_is_named(endpoint):
    result = _query("--endpoint", endpoint.replace("/query", "/no-such-service"))
    assert result.exit_code == 2
    assert "has no SPARQL service at that URL (HTTP 404)" in result.output


def test_an_endpoint_that_is_not_a_url_is_refused():
    result = _query("--endpoint", "localhost:7878")
    assert result.exit_code == 2
    assert "is not an http(s) URL" in result.output
