"""`kgtool serve`: the build behind a real Oxigraph server, started, queried and stopped as a user would."""

from __future__ import annotations

import html
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from kgtool import Build, KgtoolError, open_build
from kgtool.cli import main
from kgtool.ask.formats import render
from kgtool.ask.queries import find_query, run_query, run_remote
from kgtool.release.serve import is_loopback, serve

from helpers import REPO, free_port, unordered_lists

QUERIES = REPO / "queries"
KGTOOL = Path(sys.executable).parent / "kgtool"


def _start(root: Path, *options: str) -> tuple[subprocess.Popen, dict[str, str]]:
    """`kgtool serve` as a real process, and the URLs it printed once ready."""
    process = subprocess.Popen(
        [str(KGTOOL), "--root", str(root), "serve", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    printed = {}
    for line in process.stdout:
        if line.startswith("Press Ctrl-C"):
            return process, printed
        label, _, url = line.strip().partition("  ")
        printed[label] = url.strip()
    process.wait(timeout=10)
    pytest.fail(f"kgtool serve did not start: {process.stderr.read()}")


def _stop(process: subprocess.Popen, signal_number: int) -> str:
    """Send the signal, check the exit is clean, and return what went to stderr."""
    process.send_signal(signal_number)
    assert process.wait(timeout=15) == 0
    errors = process.stderr.read()
    assert "Traceback" not in errors and "Stopped." in errors
    return errors


def _port_is_closed(url: str) -> bool:
    parts = urlsplit(url)
    with socket.socket() as probe:
        return probe.connect_ex((parts.hostname, parts.port)) != 0


def _update(url: str, text: str) -> int:
    request = urllib.request.Request(
        url, data=text.encode("utf-8"), method="POST", headers={"Content-Type": "application/sparql-update"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


INSERT = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
ASK_INSERTED = "ASK { <https://example.org/a> ?p ?o }"


def _ask(endpoint: str, text: str) -> bool:
    request = urllib.request.Request(
        endpoint, data=text.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["boolean"]


def test_serve_answers_a_saved_query_refuses_updates_and_stops_cleanly_on_ctrl_c(repository_build):
    process, printed = _start(repository_build.path.parent, "--port", str(free_port()))
    try:
        endpoint = printed["SPARQL endpoint"]
        result = CliRunner().invoke(
            main, ["--root", str(REPO), "query", "heritage-lead-agencies", "--endpoint", endpoint, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        local = run_query(repository_build, find_query(QUERIES, "heritage-lead-agencies"))
        assert json.loads(result.output) == json.loads(render(local, "json"))

        assert _update(endpoint.replace("/query", "/update"), INSERT) == 403  # "The server is read-only"
        assert not _ask(endpoint, ASK_INSERTED)
    finally:
        errors = _stop(process, signal.SIGINT)
    assert _port_is_closed(endpoint), "the Oxigraph server outlived kgtool serve"
    assert "Warning" not in errors


@pytest.mark.parametrize("name", ["responsibilities", "coverage", "heritage-lead-agencies", "stated-vs-interpreted"])
def test_serve_in_memory_answers_as_the_build_on_disk_and_stays_read_only(repository_build, name):
    process, printed = _start(repository_build.path.parent, "--port", str(free_port()), "--in-memory")
    try:
        endpoint = printed["SPARQL endpoint"]
        query = find_query(QUERIES, name)
        served = run_remote(endpoint, query)
        on_disk = run_query(repository_build, query)
        assert served.columns == on_disk.columns
        assert Counter(map(unordered_lists, served.rows)) == Counter(map(unordered_lists, on_disk.rows))
        assert _update(endpoint.replace("/query", "/update"), INSERT) == 403
        assert _update(printed["saved queries"].replace("/queries/", "/store"), INSERT) == 403
        assert not _ask(endpoint, ASK_INSERTED)
    finally:
        _stop(process, signal.SIGINT)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    # Not answers/: the first to ask a saved query keeps its answer there, by design.
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).parts[0] != "answers"}


def test_serve_reads_the_build_as_it_is_beside_a_query_and_a_kill_stops_it_cleanly_too(repository_build):
    before = _files(repository_build.path)
    process, printed = _start(repository_build.path.parent, "--port", str(free_port()))
    try:
        # A reader of the same store at the same time: the server opened it read-only.
        assert run_query(open_build(build_dir=repository_build.path), find_query(QUERIES, "documents")).rows
    finally:
        _stop(process, signal.SIGTERM)
    assert _files(repository_build.path) == before
    assert _port_is_closed(printed["SPARQL endpoint"])


@pytest.fixture
def build_copy(repository_build, tmp_path) -> Build:
    """A copy of the repository build that a test may change."""
    return open_build(build_dir=shutil.copytree(repository_build.path, tmp_path / "build"))


def test_writable_serve_takes_updates_on_a_copy_that_is_dropped_afterwards(build_copy):
    with serve(build_copy, QUERIES, port=free_port(), writable=True) as server:
        assert _update(server.update_endpoint, INSERT) == 204
        assert _ask(server.endpoint, ASK_INSERTED)
    with serve(build_copy, QUERIES, port=free_port()) as server:
        assert not _ask(server.endpoint, ASK_INSERTED)


def test_a_server_that_dies_is_an_error_not_a_silent_exit(build_copy):
    with serve(build_copy, QUERIES, port=free_port()) as server:
        server.process.kill()
        with pytest.raises(KgtoolError) as raised:
            server.wait()
    assert str(raised.value) == f"the Oxigraph server at {server.url} stopped (exit code -9): it gave no reason"


def _editor_link(page_url: str) -> dict[str, str]:
    """The fields of the URL fragment of a saved query page's link into the query editor."""
    with urllib.request.urlopen(page_url, timeout=30) as response:
        page = response.read().decode("utf-8")
    (href,) = re.findall(r'<a href="([^"]+)">open in the query editor</a>', page)
    return {key: values[0] for key, values in parse_qs(urlsplit(html.unescape(href)).fragment).items()}


def test_a_saved_query_page_opens_the_query_in_oxigraphs_editor_with_its_values_bound(build_copy):
    with serve(build_copy, QUERIES, port=free_port()) as server:
        link = _editor_link(server.queries_page + "heritage-lead-agencies")
        assert (link["endpoint"], link["tabTitle"]) == (server.endpoint, "heritage-lead-agencies")
        # The text the link opens answers what `kgtool query` answers.
        opened = link["query"]
        assert "VALUES (?_theme) { (<https://w3id.org/icpkg/vocab/theme/heritage>) }" in opened
        request = urllib.request.Request(
            server.endpoint, data=opened.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            remote = json.load(response)["results"]["bindings"]
        chosen = _editor_link(server.queries_page + "tasks-by-theme?theme=museums")["query"]
    local = run_query(build_copy, find_query(QUERIES, "heritage-lead-agencies")).rows
    assert [{key: cell["value"] for key, cell in row.items()} for row in remote] == local
    # The values chosen in the form are the ones the editor opens with.
    assert "VALUES (?_theme) { (<https://w3id.org/icpkg/vocab/theme/museums>) }" in chosen


def _serve(*args: str, root: Path = REPO):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def test_a_busy_port_is_one_sentence_and_exit_2(repository_build):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _serve("serve", "--port", str(port), root=repository_build.path.parent)
    assert result.exit_code == 2
    assert result.output == (
        f"Error: port {port} on 127.0.0.1 is already in use; stop the program using it or choose another with --port\n"
    )


def test_listening_beyond_loopback_is_warned_about(repository_build):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _serve("serve", "--host", "0.0.0.0", "--port", str(port), root=repository_build.path.parent)
    assert "Warning: listening on 0.0.0.0 makes the endpoint reachable from other machines" in result.output
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "host, loopback", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
                       ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_without_a_build_says_so(tmp_path):
    result = _serve("--build-dir", str(tmp_path / "nothing"), "serve")
    assert result.exit_code == 2
    assert result.output == f"Error: no build found in {tmp_path / 'nothing'}; run `kgtool build` first\n"


def test_serve_without_the_oxigraph_binary_says_how_to_install_it(build_copy, monkeypatch):
    monkeypatch.setattr("kgtool.release.serve.shutil.which", lambda *args, **kwargs: None)
    result = _serve("--build-dir", str(build_copy.path), "serve")
    assert result.exit_code == 2
    assert "the Oxigraph server binary `oxigraph` is not installed" in result.output
    assert "pip install 'oxigraph>=0.5,<0.6'" in result.output and "Traceback" not in result.output
