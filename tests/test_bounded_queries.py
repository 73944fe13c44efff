"""A query has a time limit: on the build (`kgtool query --timeout`, `run_query(timeout=…)`)
and behind `kgtool serve`, a query that runs past it is stopped — its work ends, not
only the wait — and the next query is answered as before."""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgtool import QueryTimeoutError, open_build
from kgtool.cli import main
from kgtool.ask.queries import SavedQuery, find_query, run_query
from kgtool.release.serve import serve

from helpers import REPO, free_port

QUERIES = REPO / "queries"
# Every triple against every triple against every triple: 16,244³ solutions to count,
# hours of work for the engine — a question no one means to ask, asked by mistake.
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g1 {?a ?b ?c} GRAPH ?g2 {?d ?e ?f} GRAPH ?g3 {?x ?y ?z} }"
HEADER = "#+ summary: Every triple three times over.\n#+ description: A runaway query.\n#+ columns: [n]\n"


def _children() -> list[str]:
    """The command lines of this process's living child processes."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError):
            continue  # it ended while we looked
    return found


@pytest.fixture
def runaway(tmp_path) -> Path:
    path = tmp_path / "runaway.rq"
    path.write_text(HEADER + CROSS_PRODUCT + "\n", encoding="utf-8")
    return path


def test_a_query_past_its_time_on_the_build_is_stopped_and_leaves_no_process(repository_build, runaway):
    saved = SavedQuery("runaway", runaway, CROSS_PRODUCT, "", "", ("n",))
    with pytest.raises(QueryTimeoutError) as raised:
        run_query(repository_build, saved, timeout=1)
    assert str(raised.value).startswith("the query 'runaway' ran longer than 1 s and was stopped")
    assert not [line for line in _children() if "pyoxigraph" in line]


def test_kgtool_query_timeout_is_one_sentence_and_exit_2(repository_build, runaway):
    result = CliRunner().invoke(
        main, ["--root", str(repository_build.path.parent), "query", str(runaway), "--timeout", "1"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "Error: the query 'runaway' ran longer than 1 s and was stopped; give it more time with --timeout, "
        "or narrow it (a LIMIT, a more selective pattern)\n"
    )


def test_a_query_given_time_answers_what_the_in_process_engine_answers(repository_build):
    # Not the kept answer: a changed text makes the build evaluate it, in a child process.
    saved = find_query(QUERIES, "responsibilities")
    edited = SavedQuery(saved.name, saved.path, saved.text + "\n# edited\n", "", "", saved.columns, params=saved.params)
    in_process = run_query(repository_build, edited)
    bounded = run_query(repository_build, edited, timeout=60)
    assert bounded == in_process and len(bounded.rows) > 300
    asserted = run_query(repository_build, edited, inferred=False, timeout=60)
    assert asserted == run_query(repository_build, edited, inferred=False)


def test_a_malformed_query_in_the_child_process_names_the_query_and_the_error(repository_build):
    broken = SavedQuery("broken", Path("broken.rq"), "SELECT * WHERE { ?s ?p }", "", "", ())
    with pytest.raises(Exception) as raised:
        run_query(repository_build, broken, timeout=10)
    assert str(raised.value).startswith("the query 'broken' failed on the build: SyntaxError: error at 1:")


def _post(endpoint: str, text: str) -> tuple[int, str]:
    request = urllib.request.Request(
        endpoint, data=text.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_serve_stops_a_query_past_its_time_and_answers_the_next(repository_build, tmp_path):
    build = open_build(build_dir=shutil.copytree(repository_build.path, tmp_path / "build"))
    with serve(build, QUERIES, port=free_port(), timeout=2) as server:
        engine = server.process
        status, body = _post(server.endpoint, CROSS_PRODUCT)
        assert (status, body) == (503, "The query ran longer than 2 s and was stopped (kgtool serve --timeout).\n")
        # The engine that was counting is gone (its work with it); a new one answers.
        assert engine.poll() is not None and server.process is not engine
        status, body = _post(server.endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/icpkg/ontology#PolicyDocument> }")
        assert status == 200
        documents = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
        assert documents == build.summary["documents"]


def test_updates_on_a_writable_serve_pass_the_front_and_queries_at_sparql_are_bounded_too(repository_build, tmp_path):
    build = open_build(build_dir=shutil.copytree(repository_build.path, tmp_path / "build"))
    insert = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    with serve(build, QUERIES, port=free_port(), writable=True, timeout=2) as server:
        form = urllib.parse.urlencode({"update": insert}).encode("utf-8")
        request = urllib.request.Request(server.url + "/sparql", data=form, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 204
        status, body = _post(server.url + "/sparql", "ASK { <https://example.org/a> ?p ?o }")
        assert (status, json.loads(body)["boolean"]) == (200, True)
        status, _ = _post(server.url + "/sparql", CROSS_PRODUCT)
        assert status == 503
        # The restarted engine kept the committed update.
        status, body = _post(server.endpoint, "ASK { <https://example.org/a> ?p ?o }")
        assert (status, json.loads(body)["boolean"]) == (200, True)
