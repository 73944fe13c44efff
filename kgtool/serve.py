"""`serve`: a local SPARQL 1.1 endpoint over the last build, answered by the Oxigraph server.

kgtool does not answer HTTP itself. It runs the `oxigraph` server binary, as a
child process, read-only on the build's own Oxigraph store (`build/store/`,
which readers share: `kgtool query` works beside it) — so a server over a
million triples starts in a second, with nothing loaded or copied — and writes
a page of the saved queries whose links open each query in the YASGUI page
that Oxigraph serves at `/`.

Why links into Oxigraph's page: the server cannot serve files of ours, and a
page of ours that queried the endpoint itself would need CORS and its own
result tables. YASGUI reads a tab from the URL fragment (`#query=…&endpoint=…`)
and runs it, so a plain static page of links gives one click per saved query,
with Oxigraph's editor and result views. The fragment must name the endpoint:
Oxigraph's page derives its default endpoint from its own URL, fragment and all.
"""

from __future__ import annotations

import html
import ipaddress
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import quote, urlencode

from pyoxigraph import Literal, NamedNode, Variable

from .errors import KgtoolError
from .queries import SavedQuery, catalogue, with_values
from .store import Build

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
STORE = "store"  # a writable server's copy, in its temporary folder
QUERY_PAGE = "queries.html"
START_SECONDS = 30
# What the pinned server (oxigraph 0.5) prints once it accepts connections.
LISTENING = "Listening for requests at"


def oxigraph_binary() -> str:
    """The path of the `oxigraph` server binary that the oxigraph package installs."""
    # Beside this Python first: a virtual environment's bin/ is often not on PATH.
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        raise KgtoolError(
            "the Oxigraph server binary `oxigraph` is not installed; "
            "it comes with the oxigraph package: pip install 'oxigraph>=0.5,<0.6'"
        )
    return found


def _error_line(output: str) -> str:
    """The message of an `oxigraph` failure ("Error: …"), without its stack backtrace."""
    for line in output.splitlines():
        if line.startswith("Error: "):
            return line.removeprefix("Error: ").strip()
    return "it gave no reason"


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return False


def _url_host(host: str) -> str:
    # A server bound to every interface is reached locally through loopback.
    local = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"[{local}]" if ":" in local else local


@dataclass
class Server:
    """A running Oxigraph server, a child process of this one. Use it as a context
    manager, or call `stop()`: the server lives until then."""

    process: subprocess.Popen
    url: str
    writable: bool
    log: Path
    scratch: tempfile.TemporaryDirectory = field(repr=False)
    page: Path | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"{self.url}/query"

    @property
    def update_endpoint(self) -> str:
        """The SPARQL 1.1 update endpoint (it refuses updates unless the server is writable)."""
        return f"{self.url}/update"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return f"{self.url}/store"

    @property
    def query_page(self) -> str:
        """Oxigraph's YASGUI page."""
        return f"{self.url}/"

    def wait(self) -> None:
        """Block while the server runs. It stops on its own only when it fails, so
        returning means an error, raised as KgtoolError with the server's message."""
        code = self.process.wait()
        raise KgtoolError(
            f"the Oxigraph server at {self.url} stopped (exit code {code}): "
            f"{_error_line(self.log.read_text(encoding='utf-8', errors='replace'))}"
        )

    def stop(self) -> None:
        """Terminate the server and remove its temporary files."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.scratch.cleanup()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _wait_until_listening(server: Server, host: str, port: int) -> None:
    # The server's own word, not a probe of the port: a probe would also succeed
    # against another program already listening there.
    deadline = time.monotonic() + START_SECONDS
    while True:
        output = server.log.read_text(encoding="utf-8", errors="replace")
        if LISTENING in output:
            return
        if server.process.poll() is not None:
            reason = _error_line(output)
            if "Address already in use" in reason:
                raise KgtoolError(
                    f"port {port} on {host} is already in use; stop the program using it or choose another with --port"
                )
            raise KgtoolError(f"the Oxigraph server could not start on {host}:{port}: {reason}")
        if time.monotonic() > deadline:
            raise KgtoolError(f"the Oxigraph server did not start on {host}:{port} within {START_SECONDS} s")
        time.sleep(0.05)


def start_oxigraph(store: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False) -> Server:
    """Run the Oxigraph server on an Oxigraph store folder and return once it listens.

    The default graph is the union of the named graphs, as the saved queries
    expect. A writable server works on a temporary copy of `store` (an empty
    folder gives an empty store), so the store itself never changes."""
    scratch = tempfile.TemporaryDirectory(prefix="kgtool-serve-")
    try:
        location = store
        if writable:
            location = Path(scratch.name) / STORE
            shutil.copytree(store, location)
        log = Path(scratch.name) / "oxigraph.log"
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        command = [
            oxigraph_binary(), "serve" if writable else "serve-read-only",
            "--location", str(location), "--bind", bind, "--union-default-graph",
        ]
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    except BaseException:
        scratch.cleanup()
        raise
    server = Server(process, f"http://{_url_host(host)}:{port}", writable, log, scratch)
    try:
        _wait_until_listening(server, host, port)
    except BaseException:
        server.stop()
        raise
    return server


def _placeholder(parameter) -> tuple:
    # A required parameter has no value to offer: show where one goes, in its form.
    if parameter.kind.startswith("iri:"):
        return (NamedNode(parameter.kind.removeprefix("iri:") + "…"),)
    if parameter.kind == "integer":
        return (Literal("…"),)  # no number says "a value goes here"
    return parameter.terms("…")  # a text, in each of its languages


def page_text(query: SavedQuery) -> str:
    """The query as the page offers it: its header kept, each parameter bound to its
    default (or a placeholder … when it has none) in a VALUES block."""
    bindings = {
        Variable("_" + p.name): p.terms(p.default) if p.default else _placeholder(p) for p in query.params
    }
    return with_values(query.text, bindings)


def yasgui_link(server_url: str, query: SavedQuery) -> str:
    """A URL of Oxigraph's YASGUI page that opens `query` in a tab and runs it."""
    fragment = urlencode(
        {"query": page_text(query), "endpoint": f"{server_url}/query", "tabTitle": query.name}, quote_via=quote
    )
    return f"{server_url}/#{fragment}"


def _parameter_note(parameter) -> str:
    value = f"default {parameter.default}" if parameter.default else "required: replace … in the VALUES line"
    return f"{parameter.name} ({value}): {parameter.description}"


def query_page(queries: Iterable[SavedQuery], server_url: str) -> str:
    """An HTML page listing the saved queries, each a link into Oxigraph's query page."""
    e = html.escape
    rows = []
    for query in queries:
        parameters = "<br>".join(e(_parameter_note(p)) for p in query.params)
        rows.append(
            f'<tr><td><a href="{e(yasgui_link(server_url, query))}">{e(query.name)}</a></td>'
            f"<td>{e(query.summary)}</td><td>{parameters}</td><td>{e(', '.join(query.columns))}</td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>icpkg saved queries</title>\n'
        "<style>body{font-family:sans-serif;margin:2em}td,th{text-align:left;vertical-align:top;"
        "padding:.3em .8em;border-bottom:1px solid #ddd}</style></head>\n<body>\n"
        f"<h1>icpkg saved queries</h1>\n<p>Each link opens the query in the Oxigraph query page at "
        f'<a href="{e(server_url)}/">{e(server_url)}/</a> and runs it on the SPARQL endpoint '
        f"<code>{e(server_url)}/query</code>, which <code>kgtool query NAME --endpoint {e(server_url)}/query</code> "
        "also answers.</p>\n<table>\n<tr><th>query</th><th>question</th><th>parameters</th><th>columns</th></tr>\n"
        + "\n".join(rows)
        + "\n</table>\n</body>\n</html>\n"
    )


def write_query_page(path: Path, queries: Iterable[SavedQuery], server_url: str) -> Path:
    """Write the page of saved queries to `path` (through a temporary file)."""
    staging = path.with_name(f".{path.name}.new")
    staging.write_text(query_page(queries, server_url), encoding="utf-8")
    staging.replace(path)
    return path


def serve(
    build: Build,
    queries_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    writable: bool = False,
) -> Server:
    """Serve a build as a SPARQL 1.1 endpoint with the Oxigraph server, and write the
    page of the saved queries in `queries_dir` to the server's temporary folder.

    Read-only unless `writable` (then updates go to a copy that is dropped when
    the server stops). Stop it with `stop()` or use it in a `with` block:

        with serve(open_build(), find_project().queries_dir) as server:
            query("documents", endpoint=server.endpoint)
    """
    # Headers only: a broken header stops here, before anything starts; the
    # queries' SPARQL is Oxigraph's to check when a link runs one.
    queries = catalogue(queries_dir, check_syntax=False).values()
    server = start_oxigraph(build.store_folder, host, port, writable)
    try:
        server.page = write_query_page(Path(server.scratch.name) / QUERY_PAGE, queries, server.url)
    except BaseException:
        server.stop()
        raise
    return server
