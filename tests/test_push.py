"""`kgtool push`: the build's named graphs into real SPARQL 1.1 stores (Oxigraph, Virtuoso), none half-replaced."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper

from kgtool.cli import main
from kgtool.errors import PushError
from kgtool.release.publish import publish
from kgtool.release.push import TEMPORARY_PREFIX, build_graphs, push
from kgtool.ask.queries import find_query, run_query, run_remote

from helpers import REPO, free_port
from stand_ins import answering, failing_proxy

ICPKG_GRAPHS = "https://w3id.org/icpkg/graph/"


def _graph_sizes(endpoint: str) -> dict[str, int]:
    """Triples per named graph of ours (and any temporary graph of push), asked with
    SPARQLWrapper — not with push's own code."""
    client = SPARQLWrapper(endpoint)
    client.setQuery(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{ICPKG_GRAPHS}") || STRSTARTS(STR(?g), "{TEMPORARY_PREFIX}")) }} GROUP BY ?g'
    )
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def _source_sizes(graphs) -> dict[str, int]:
    return {str(iri): len(graph) for iri, graph in graphs}


@pytest.fixture(scope="module")
def source(repository_build):
    return build_graphs(repository_build)


def _push(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["--root", str(REPO), *args], env=env)


def _oxigraph_target(server) -> list[str]:
    # Oxigraph answers queries and updates at /sparql, the graph store protocol at /store.
    return ["--endpoint", f"{server.url}/sparql", "--graph-store", server.graph_store]


def test_push_loads_every_named_graph_with_its_triples(empty_store, repository_build, source):
    result = _push("--build-dir", str(repository_build.path), "push", *_oxigraph_target(empty_store))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Pushing {len(source)} graphs to {empty_store.url}/sparql"
    # Guangdong's 1,012 triples (the build's figures) as a release holds them: 735 the text
    # states, 277 the curator's readings.
    assert re.search(r"graph/gd-2023-plan +735 triples", result.output)
    assert re.search(r"graph/gd-2023-plan/interpretation +277 triples", result.output)
    # The build's 12,137 asserted and 4,107 inferred triples (the heritage register included).
    assert lines[-1].startswith(f"Pushed {len(source)} graphs, 16,244 triples, in ")
    assert _graph_sizes(empty_store.endpoint) == _source_sizes(source)
    assert {str(iri) for iri, _ in source} >= {ICPKG_GRAPHS + "inferred", ICPKG_GRAPHS + "ontology",
                                               ICPKG_GRAPHS + "agencies", ICPKG_GRAPHS + "vocab/theme",
                                               ICPKG_GRAPHS + "cn-2021-plan"}


def test_pushing_again_is_refused_without_replace_and_replaces_cleanly_with_it(empty_store, repository_build, source):
    push(source, f"{empty_store.url}/sparql", empty_store.graph_store)
    again = _push("--build-dir", str(repository_build.path), "push", *_oxigraph_target(empty_store))
    assert again.exit_code == 2
    assert again.output.splitlines()[-1] == (
        f"Error: <{ICPKG_GRAPHS}agencies> already holds 405 triples at {empty_store.url}/sparql "
        f"(and {len(source) - 1} more of the graphs to push); pass --replace to replace them"
    )
    replaced = _push("--build-dir", str(repository_build.path), "push", *_oxigraph_target(empty_store), "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert _graph_sizes(empty_store.endpoint) == _source_sizes(source)  # no temporary graph left either


def _with_one_more_triple(graphs):
    marker = (URIRef("https://example.org/push"), URIRef("https://example.org/round"), Literal(2))
    changed = []
    for iri, graph in graphs:
        copy = Graph()
        copy += graph
        copy.add(marker)
        changed.append((iri, copy))
    return changed


@pytest.mark.parametrize("stage", ["load", "move"])
def test_a_store_failing_in_the_middle_leaves_no_graph_half_replaced(empty_store, source, stage):
    push(source, f"{empty_store.url}/sparql", empty_store.graph_store)
    failing = ICPKG_GRAPHS + "gd-2023-plan"
    proxy = failing_proxy(empty_store.url, failing, stage)
    proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        with pytest.raises(PushError) as raised:
            push(_with_one_more_triple(source), f"{proxy_url}/sparql", f"{proxy_url}/store", replace=True)
    finally:
        proxy.shutdown()
    message = str(raised.value)
    assert message.startswith(f"<{failing}> was not pushed: ")
    assert f"<{failing}> is unchanged and the temporary graph was dropped" in message
    assert ("the disk is full" if stage == "load" else "the store is shutting down") in message
    assert f"Pushed before it: <{ICPKG_GRAPHS}agencies>, " in message and f"not pushed: <{failing}>, " in message
    # Graphs before the failing one were replaced whole; it and those after it are as they were.
    expected = {iri: n + 1 if iri < failing else n for iri, n in _source_sizes(source).items()}
    assert _graph_sizes(empty_store.endpoint) == expected


def test_a_store_that_keeps_half_a_graph_and_says_it_took_it_all_is_caught(empty_store, source):
    push(source, f"{empty_store.url}/sparql", empty_store.graph_store)
    losing = ICPKG_GRAPHS + "gd-2023-plan"
    proxy = failing_proxy(empty_store.url, losing, "lose")
    proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        with pytest.raises(PushError) as raised:
            push(_with_one_more_triple(source), f"{proxy_url}/sparql", f"{proxy_url}/store", replace=True)
    finally:
        proxy.shutdown()
    sent = _source_sizes(source)[losing] + 1
    assert str(raised.value).startswith(
        f"<{losing}> was not pushed: its {sent:,} triples were sent to the temporary graph <{TEMPORARY_PREFIX}"
    )
    assert f"the store says the temporary graph holds {sent // 2:,} triples, not the {sent:,} sent" in str(raised.value)
    assert f"<{losing}> is unchanged and the temporary graph was dropped" in str(raised.value)
    assert _graph_sizes(empty_store.endpoint)[losing] == sent - 1


@pytest.mark.parametrize(
    "content_type, body, seen",
    [
        ("text/html", b"<!DOCTYPE html><html><body>Welcome to nginx!</body></html>", "it sent an HTML page"),
        ("application/sparql-results+json", b'{"head": {"vars": ["g", "n"]}, "results": {"bindi',
         "the body was not SPARQL JSON results, or was cut short"),
        ("application/sparql-results+json", b"", "the body was empty"),
    ],
)
def test_a_server_that_answers_200_to_everything_is_not_a_push(repository_build, content_type, body, seen):
    server = answering(200, content_type, body)
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        result = _push("--build-dir", str(repository_build.path), "push", "--endpoint", endpoint, "--replace")
    finally:
        server.shutdown()
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Error: nothing was pushed: the SPARQL endpoint {endpoint} did not answer with SPARQL JSON results ({seen})"
    )
    assert "Pushed" not in result.output


def test_push_takes_a_release_folder(empty_store, repository_build, tmp_path, source):
    publish(repository_build.path.parent, tmp_path / "release", build_dir=repository_build.path)
    result = _push("push", "--release", str(tmp_path / "release"), *_oxigraph_target(empty_store))
    assert result.exit_code == 0, result.output
    assert _graph_sizes(empty_store.endpoint) == _source_sizes(source)


@pytest.mark.parametrize(
    "content, reason",
    [
        (None, "no such file: the release has no N-Quads dump (`kgtool publish` writes it)"),
        (b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n",
         "cannot be read as gzipped N-Quads (Not a gzipped file (b'<h'))"),
    ],
)
def test_a_release_without_a_readable_dump_is_named(tmp_path, content, reason):
    dump = tmp_path / "dumps" / "icpkg.nq.gz"
    if content is not None:
        dump.parent.mkdir()
        dump.write_bytes(content)
    result = _push("push", "--release", str(tmp_path), "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 2
    assert result.output == f"Error: {dump}: {reason}\n"


@pytest.mark.parametrize(
    "options, env, message",
    [
        (["--user", "dba"], {}, "--user and --password-env go together"),
        (["--password-env", "KGTOOL_TEST_PASSWORD"], {}, "--user and --password-env go together"),
        (["--user", "dba", "--password-env", "KGTOOL_TEST_UNSET"], {"KGTOOL_TEST_UNSET": None},
         "the environment variable KGTOOL_TEST_UNSET named by --password-env is not set"),
    ],
)
def test_credentials_come_from_the_environment_or_the_command_says_what_is_missing(options, env, message):
    result = _push("push", "--endpoint", "http://127.0.0.1:9/sparql", *options, env=env)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {message}") and len(result.output.splitlines()) == 1


@pytest.mark.parametrize("replace", [[], ["--replace"]])
def test_an_unreachable_store_is_one_short_sentence_saying_nothing_was_written(repository_build, replace):
    endpoint = f"http://127.0.0.1:{free_port()}/sparql"
    result = _push("--build-dir", str(repository_build.path), "push", "--endpoint", endpoint, "--timeout", "5", *replace)
    assert result.exit_code == 2
    error = result.output.splitlines()[-1]
    assert error.startswith(f"Error: nothing was pushed: the SPARQL endpoint {endpoint} cannot be reached (")
    assert len(error) < 200
    assert "Traceback" not in result.output and "DROP" not in result.output


# Virtuoso ------------------------------------------------------------------------------------

def _virtuoso_target(url: str) -> list[str]:
    # Digest-authenticated endpoints: updates at /sparql-auth, graphs at /sparql-graph-crud-auth.
    return ["--endpoint", f"{url}/sparql-auth", "--graph-store", f"{url}/sparql-graph-crud-auth",
            "--user", "dba", "--password-env", "KGTOOL_TEST_VIRTUOSO_PASSWORD"]


def test_push_to_virtuoso_with_digest_authentication(virtuoso, repository_build, source):
    env = {"KGTOOL_TEST_VIRTUOSO_PASSWORD": "dba"}
    options = ["--build-dir", str(repository_build.path), "push", *_virtuoso_target(virtuoso)]
    first = _push(*options, env=env)
    assert first.exit_code == 0, first.output
    assert _graph_sizes(f"{virtuoso}/sparql") == _source_sizes(source)

    again = _push(*options, env=env)
    assert again.exit_code == 2 and "pass --replace to replace them" in again.output
    replaced = _push(*options, "--replace", env=env)
    assert replaced.exit_code == 0, replaced.output
    assert _graph_sizes(f"{virtuoso}/sparql") == _source_sizes(source)

    # The saved queries answer the same from Virtuoso (its default graph is every graph).
    query = find_query(REPO / "queries", "heritage-lead-agencies")
    assert run_remote(f"{virtuoso}/sparql", query).rows == run_query(repository_build, query).rows


def test_a_wrong_virtuoso_password_is_one_sentence(virtuoso, repository_build):
    result = _push("--build-dir", str(repository_build.path), "push", *_virtuoso_target(virtuoso),
                   env={"KGTOOL_TEST_VIRTUOSO_PASSWORD": "not-the-password"})
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Error: nothing was pushed: the SPARQL endpoint {virtuoso}/sparql-auth answered HTTP 401 (digest auth failed)"
    )
