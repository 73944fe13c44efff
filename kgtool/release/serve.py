"""`serve`: a local SPARQL 1.1 endpoint over the last build, answered by the Oxigraph server.

The engine is the `oxigraph` server binary, run as a child process on a loopback
port, read-only on the build's own Oxigraph store (`build/store/`, which readers
share: `kgtool query` works beside it) — so a server over a million triples
starts in a second, with nothing loaded or copied. Users reach it through the
front in kgtool.release.gateway, which gives each query a time limit and serves the
saved queries as a web API (kgtool.release.query_api) whose pages link each query into
the YASGUI page that Oxigraph serves at `/`.

YASGUI reads a tab from the URL fragment (`#query=…&endpoint=…`) and runs it. The
fragment must name the endpoint: Oxigraph's page derives its default endpoint
from its own URL, fragment and all.
"""

from __future__ import annotations

import functools
import ipaddress
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from pyoxigraph import Literal, NamedNode, Variable

from ..errors import DependencyError, ServeError
from .gateway import Forwarder, Front
from .ports import DEFAULT_HOST, DEFAULT_PORT, START_SECONDS, port_in_use
from ..ask.queries import (
    QUERY_TIMEOUT, SavedQuery, allowed_values, catalogue, check_values, run_query, run_remote, with_values,
)
from ..store.build_folder import Build
from .query_api import QueryApi

STORE = "store"  # a writable server's copy, in its temporary folder
# What the pinned server (oxigraph 0.5) prints once it accepts connections.
LISTENING = "Listening for requests at"


def oxigraph_binary() -> str:
    """The path of the `oxigraph` server binary that the oxigraph package installs."""
    # Beside this Python first: a virtual environment's bin/ is often not on PATH.
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        raise DependencyError(
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
    command: list[str] = field(default_factory=list, repr=False)
    address: tuple[str, int] = (DEFAULT_HOST, DEFAULT_PORT)
    generation: int = 0  # how many times `restart` replaced the process
    quads: Path | None = None  # N-Quads an in-memory server is filled with when it starts

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

    def failure(self) -> str | None:
        """Why the server stopped, if it has: its exit code and message."""
        code = self.process.poll()
        if code is None:
            return None
        reason = _error_line(self.log.read_text(encoding="utf-8", errors="replace"))
        return f"the Oxigraph server at {self.url} stopped (exit code {code}): {reason}"

    def wait(self) -> None:
        """Block while the server runs. It stops on its own only when it fails, so
        returning means an error, raised as ServeError with the server's message."""
        self.process.wait()
        raise ServeError(self.failure())

    def _launch(self) -> None:
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)

    def _end_process(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self) -> None:
        """Stop the process, with whatever it was evaluating, and start it again on the
        same store; return once it listens."""
        self._end_process()
        self._launch()
        self.generation += 1
        _wait_until_listening(self)
        self._fill()

    def _fill(self) -> None:
        """Load the N-Quads of an in-memory server into it (Graph Store Protocol, in
        Oxigraph's bulk mode: no transaction, IRIs not checked again — kgtool wrote them)."""
        if self.quads is None:
            return
        with self.quads.open("rb") as data:
            request = urllib.request.Request(
                f"{self.graph_store}?no_transaction&lenient", data=data, method="POST",
                headers={"Content-Type": "application/n-quads", "Content-Length": str(self.quads.stat().st_size)},
            )
            try:
                urllib.request.urlopen(request).close()
            except OSError as error:
                raise ServeError(f"the Oxigraph server at {self.url} could not load {self.quads}: {error}") from None

    def stop(self) -> None:
        """Terminate the server and remove its temporary files."""
        self._end_process()
        self.scratch.cleanup()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _wait_until_listening(server: Server) -> None:
    # The server's own word, not a probe of the port: a probe would also succeed
    # against another program already listening there.
    host, port = server.address
    where = f"{host}:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        output = server.log.read_text(encoding="utf-8", errors="replace")
        if LISTENING in output:
            return
        if server.process.poll() is not None:
            reason = _error_line(output)
            if "Address already in use" in reason:
                raise port_in_use(host, port)
            raise ServeError(f"the Oxigraph server could not start on {where}: {reason}")
        if time.monotonic() > deadline:
            raise ServeError(f"the Oxigraph server did not start on {where} within {START_SECONDS} s")
        time.sleep(0.05)


def start_oxigraph(
    store: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False, timeout: float | None = None,
    quads: Path | None = None,
) -> Server:
    """Run the Oxigraph server on an Oxigraph store folder and return once it listens.

    The default graph is the union of the named graphs, as the saved queries
    expect. A writable server works on a temporary copy of `store` (an empty
    folder gives an empty store), so the store itself never changes. Given
    `quads` (the build's N-Quads), the server holds its store in memory instead,
    filled from them before this returns; it accepts writes, which the front
    refuses unless `writable`. `timeout` is passed to Oxigraph (`--timeout-s`),
    which applies it where it can."""
    scratch = tempfile.TemporaryDirectory(prefix="kgtool-serve-")
    try:
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if quads is not None:  # no location: Oxigraph holds the store in memory
            command = [oxigraph_binary(), "serve"]
        elif writable:
            location = Path(scratch.name) / STORE
            shutil.copytree(store, location)
            command = [oxigraph_binary(), "serve", "--location", str(location)]
        else:
            command = [oxigraph_binary(), "serve-read-only", "--location", str(store)]
        command += ["--bind", bind, "--union-default-graph"]
        if timeout is not None:
            command += ["--timeout-s", str(int(timeout))]
        server = Server(None, f"http://{_url_host(host)}:{port}", writable, Path(scratch.name) / "oxigraph.log",
                        scratch, command, (host, port), quads=quads)
        server._launch()
    except BaseException:
        scratch.cleanup()
        raise
    try:
        _wait_until_listening(server)
        server._fill()
    except BaseException:
        server.stop()
        raise
    return server


@dataclass
class Service:
    """What `serve` runs: the front on the public address (queries get a time limit)
    and the Oxigraph server behind it on a loopback port. Use it as a context
    manager, or call `stop()`."""

    front: Front
    engine: Server
    url: str
    timeout: float
    _restarts: threading.Lock = field(default_factory=threading.Lock, repr=False)

    endpoint = Server.endpoint
    update_endpoint = Server.update_endpoint
    graph_store = Server.graph_store
    query_page = Server.query_page

    @property
    def queries_page(self) -> str:
        """The saved queries as web pages and files (kgtool.release.query_api)."""
        return f"{self.url}/queries/"

    @property
    def writable(self) -> bool:
        return self.engine.writable

    @property
    def in_memory(self) -> bool:
        return self.engine.quads is not None

    @property
    def process(self) -> subprocess.Popen:
        """The Oxigraph server's process (it changes when a query overruns)."""
        return self.engine.process

    def restart_engine(self, generation: int) -> None:
        """Replace the engine running a query past its time, unless it was replaced since."""
        with self._restarts:
            if self.engine.generation == generation:
                self.engine.restart()

    def wait(self) -> None:
        """Block while the service runs; it stops on its own only when it fails, so
        returning means an error, raised as ServeError."""
        while True:
            time.sleep(0.2)
            with self._restarts:  # a restart is not a failure
                stopped = self.engine.failure()
            if stopped:
                raise ServeError(stopped.replace(self.engine.url, self.url))
            if not self.front.running:
                raise ServeError(f"the HTTP front of kgtool serve at {self.url} stopped")

    def stop(self) -> None:
        self.front.stop()
        self.engine.stop()

    def __enter__(self) -> "Service":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _placeholder(parameter) -> tuple:
    # A required parameter has no value to offer: show where one goes, in its form.
    if parameter.kind.startswith("iri:"):
        return (NamedNode(parameter.kind.removeprefix("iri:") + "…"),)
    if parameter.kind == "integer":
        return (Literal("…"),)  # no number says "a value goes here"
    return parameter.terms("…")  # a text, in each of its languages


def page_text(query: SavedQuery, params: dict | None = None) -> str:
    """The query as the page offers it: its header kept, each parameter bound to the
    value given, else its default (or a placeholder … when it has none) in a VALUES block."""
    chosen = {p.name: (params or {}).get(p.name) or p.default for p in query.params}
    bindings = {
        Variable("_" + p.name): p.terms(chosen[p.name]) if chosen[p.name] else _placeholder(p) for p in query.params
    }
    return with_values(query.text, bindings)


def yasgui_link(server_url: str, query: SavedQuery, params: dict | None = None) -> str:
    """A URL of Oxigraph's YASGUI page that opens `query` in a tab and runs it."""
    fragment = urlencode(
        {"query": page_text(query, params), "endpoint": f"{server_url}/query", "tabTitle": query.name},
        quote_via=quote,
    )
    return f"{server_url}/#{fragment}"


def serve(
    build: Build,
    queries_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    timeout: float = QUERY_TIMEOUT,
    in_memory: bool = False,
) -> Service:
    """Serve a build as a SPARQL 1.1 endpoint — the Oxigraph server behind a front that
    stops any query running longer than `timeout` seconds — with the saved queries of
    `queries_dir` as a web API at /queries/.

    Read-only unless `writable` (then updates go to a copy that is dropped when
    the server stops). `in_memory`: the server holds the store in memory, filled
    from the build's N-Quads as it starts (seconds per million triples), and
    answers queries several times faster than from the store on disk. Stop it
    with `stop()` or use it in a `with` block:

        with serve(open_build(), find_project().queries_dir) as server:
            query("documents", endpoint=server.endpoint)
    """
    # Headers only: a broken header stops here, before anything starts; the
    # queries' SPARQL is checked when one is run.
    catalogue(queries_dir, check_syntax=False)
    with build.reading_store():  # a damaged store is named as such, not as Oxigraph's "Corruption"
        build.store
        quads = build.quads_file if in_memory else None
        engine = start_oxigraph(build.store_folder, DEFAULT_HOST, _free_port(), writable, timeout, quads)
    try:
        service = Service(None, engine, f"http://{_url_host(host)}:{port}", timeout)
        api = _query_api(build, queries_dir, service)
        forwarder = Forwarder(engine, timeout, service.restart_engine, refuse_writes=in_memory and not writable)
        service.front = Front(forwarder, host, port, api.routes)
    except BaseException:
        engine.stop()
        raise
    return service


def _query_api(build: Build, queries_dir: Path, service: Service) -> QueryApi:
    # Read-only from disk, the saved queries are answered as `kgtool query` answers them
    # (kept answers first); writable, by the engine, which holds what was written since;
    # in memory, by the engine too, which is faster than the store on disk.
    def answer(query: SavedQuery, params: dict):
        if service.writable or service.in_memory:  # through the front, so that its time limit applies
            check_values(build, query, params)
            return run_remote(service.endpoint, query, params, timeout=service.timeout + 10)
        return run_query(build, query, params, timeout=service.timeout)

    return QueryApi(
        # The choices of a form are read from the build once per parameter, not per page
        # view: each is a scan of the typed resources (about a second at a million triples).
        queries_dir, answer, functools.cache(lambda parameter: allowed_values(build, parameter)),
        lambda query, params, base_url: yasgui_link(base_url, query, params),
    )


def _free_port() -> int:
    # For the engine behind the front: loopback, chosen by the system.
    with socket.socket() as probe:
        probe.bind((DEFAULT_HOST, 0))
        return probe.getsockname()[1]
