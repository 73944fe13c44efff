"""`push`: load named graphs into any SPARQL 1.1 store, one graph at a time, none half-replaced.

Each graph is sent through the SPARQL 1.1 Graph Store HTTP Protocol under a new
temporary graph name (in requests of at most 2,000 triples: the first PUT, the rest
POST), then one SPARQL 1.1 Update request puts it in place:
`DROP SILENT GRAPH <target> ; MOVE GRAPH <temporary> TO <target>`. SPARQL 1.1
Update asks a store to apply a request atomically, so a target graph holds
either its old triples or all the new ones. When loading or moving fails, the
temporary graph is dropped and the error says which graphs were pushed before.

Nothing is taken on trust: before anything is written the store must answer a
query with SPARQL JSON results, and each graph is counted (SELECT COUNT) in the
temporary graph before it is moved and in place after, against what was sent.
A store that answers with an HTML page, a truncated body or the wrong number of
triples is a failure naming the graph, never a success.

Queries and updates are sent form-encoded (`query=…`, `update=…`), the form of
the SPARQL protocol that stores support most widely (Virtuoso 7.2 does not
answer a query POSTed as application/sparql-query). Graphs travel as N-Triples
(kgtool.release.serialize's, each literal as the release writes it) labelled text/turtle
(N-Triples is Turtle), which every graph store reads. HTTP basic and digest
authentication come from urllib.
"""

from __future__ import annotations

import gzip
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote, urlencode

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..ask.http_errors import HTTP_FAILURES, check_service_url, describe_body, describe_failure
from ..errors import EndpointError, InputError, KgtoolError, PushError
from ..store.build_folder import Build
from .named_graphs import release_graphs
from .serialize import ntriples

# Where `kgtool publish` writes the named graphs: the asserted ones, and the inferred one.
RELEASE_DUMPS = (Path("dumps") / "icpkg.nq.gz", Path("dumps") / "icpkg-inferred.nq.gz")
TEMPORARY_PREFIX = "urn:kgtool:push:"
CHUNK = 2_000  # triples a request

Pair = tuple[URIRef, Graph]


@dataclass(frozen=True)
class PushedGraph:
    graph: str
    triples: int
    seconds: float


def named_graphs(dataset: Dataset) -> list[Pair]:
    """The named graphs of a dataset, by IRI, in IRI order."""
    graphs = [(URIRef(g.identifier), g) for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID]
    return sorted(graphs, key=lambda pair: str(pair[0]))


def build_graphs(build: Build) -> list[Pair]:
    """The named graphs of a build as a release holds them: each document's text and its
    interpretation apart, the ontology, vocabularies, registry and the inferred graph."""
    return list(release_graphs(build).items())


def graphs_in_release(release_dir: Path | str) -> list[Pair]:
    """The named graphs of a release folder, read from its gzipped N-Quads dumps."""
    dataset = Dataset()
    for dump in RELEASE_DUMPS:
        path = Path(release_dir) / dump
        if not path.is_file():
            raise InputError(path, "no such file: the release has no N-Quads dump (`kgtool publish` writes it)")
        try:
            dataset.parse(data=gzip.decompress(path.read_bytes()).decode("utf-8"), format="nquads")
        except Exception as error:  # gzip, UTF-8 and rdflib's parsers raise assorted errors
            reason = " ".join(str(error).split())  # rdflib's messages span lines
            raise InputError(path, f"cannot be read as gzipped N-Quads ({reason})") from None
        if len(dataset.default_graph):
            raise InputError(path, f"{len(dataset.default_graph):,} triples are in no named graph; push loads named graphs only")
    return named_graphs(dataset)


def _opener(urls: Iterable[str], credentials: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    for url in urls:
        passwords.add_password(None, url, *credentials)
    # Each handler answers its own challenge: a store asks for basic or for digest.
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
    )


class _Store:
    """One SPARQL 1.1 store over HTTP: queries and updates at its endpoint, graphs at its graph store."""

    def __init__(self, endpoint: str, graph_store: str, credentials: tuple[str, str] | None, timeout: float):
        self.endpoint = endpoint
        self.graph_store = graph_store
        self.timeout = timeout
        self._opener = _opener({endpoint, graph_store}, credentials)

    def _send(self, service: str, request: urllib.request.Request) -> bytes:
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except HTTP_FAILURES as error:
            raise EndpointError(describe_failure(service, error, self.timeout)) from None

    def _form(self, field: str, text: str, accept: str = "*/*") -> bytes:
        request = urllib.request.Request(
            self.endpoint, data=urlencode({field: text}).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        return self._send(f"the SPARQL endpoint {self.endpoint}", request)

    def select(self, text: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
        """The rows of a SELECT that counts (push asks nothing else): each row binds every
        one of `columns`, ?n to a whole number."""
        answer = self._form("query", text, accept="application/sparql-results+json")
        try:
            bindings = json.loads(answer)["results"]["bindings"]
            rows = [{name: cell["value"] for name, cell in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} did not answer with SPARQL JSON results "
                f"({describe_body(answer)})"
            ) from None
        if any(not set(columns) <= set(row) for row in rows) or any(not row["n"].isdigit() for row in rows):
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} answered a count without "
                f"{' and '.join('?' + column for column in columns)} (?n a whole number)"
            )
        return rows

    def count(self, graph: str) -> int:
        """How many triples the store says `graph` holds."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", ("n",))
        try:
            return int(rows[0]["n"])
        except (IndexError, KeyError, ValueError):
            raise EndpointError(f"the SPARQL endpoint {self.endpoint} did not answer a count with a number") from None

    def update(self, text: str) -> None:
        self._form("update", text)

    def put(self, graph: str, data: bytes, method: str = "PUT") -> None:
        """Replace (PUT) or add to (POST) a graph of the graph store."""
        separator = "&" if "?" in self.graph_store else "?"
        request = urllib.request.Request(
            f"{self.graph_store}{separator}graph={quote(graph, safe='')}", data=data, method=method,
            headers={"Content-Type": "text/turtle; charset=utf-8"},
        )
        self._send(f"the graph store {self.graph_store}", request)

    def load(self, graph: str, triples: Graph) -> None:
        """Send a graph in requests of at most CHUNK triples: the first replaces the graph,
        the others add to it. A store may drop a large body (Virtuoso, behind digest
        authentication, broke the pipe on 4,107 triples). Triples with blank nodes travel
        in the first request, since a blank node's label holds only within one request."""
        lines = ntriples(triples).splitlines(keepends=True)
        blank = [line for line in lines if b"_:" in line]
        named = [line for line in lines if b"_:" not in line]
        first = max(CHUNK - len(blank), 0)
        self.put(graph, b"".join(blank + named[:first]))
        for start in range(first, len(named), CHUNK):
            self.put(graph, b"".join(named[start:start + CHUNK]), method="POST")


def _occupied(store: _Store, graphs: list[str]) -> list[dict[str, str]]:
    """The graphs to push that hold triples already; asking it also proves the store answers."""
    values = " ".join(URIRef(graph).n3() for graph in graphs)
    try:
        return store.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g ORDER BY ?g",
            ("g", "n"),
        )
    except KgtoolError as error:
        raise PushError(f"nothing was pushed: {error}") from None


def _refuse_occupied(rows: list[dict[str, str]], store: _Store) -> None:
    if rows:
        first = rows[0]
        others = f" (and {len(rows) - 1} more of the graphs to push)" if len(rows) > 1 else ""
        raise PushError(
            f"<{first['g']}> already holds {int(first['n']):,} triples at {store.endpoint}{others}; "
            "pass --replace to replace them"
        )


def _drop_temporary(store: _Store, temporary: str) -> str:
    """Drop the temporary graph; say whether it is gone."""
    try:
        store.update(f"DROP SILENT GRAPH <{temporary}>")
    except KgtoolError as error:
        return f"but the temporary graph could not be dropped ({error}); if it exists, DROP GRAPH <{temporary}>"
    return "and the temporary graph was dropped"


def _push_graph(store: _Store, graph: str, triples: Graph, temporary: str) -> PushedGraph:
    started = time.perf_counter()
    try:
        store.load(temporary, triples)
    except KgtoolError as error:
        raise PushError(
            f"<{graph}> was not pushed: loading its {len(triples):,} triples failed, {error}; "
            f"<{graph}> is unchanged {_drop_temporary(store, temporary)}"
        ) from None
    try:
        _check_count(store, temporary, len(triples), "the temporary graph")
        _move(store, temporary, graph)
    except KgtoolError as error:
        raise PushError(
            f"<{graph}> was not pushed: its {len(triples):,} triples were sent to the temporary graph "
            f"<{temporary}> but {error}; <{graph}> is unchanged {_drop_temporary(store, temporary)}"
        ) from None
    try:
        _check_count(store, graph, len(triples), "it")
    except KgtoolError as error:
        raise PushError(f"<{graph}> was replaced, but {error}; push it again") from None
    return PushedGraph(graph, len(triples), time.perf_counter() - started)


def _move(store: _Store, temporary: str, graph: str) -> None:
    try:
        store.update(f"DROP SILENT GRAPH <{graph}> ; MOVE GRAPH <{temporary}> TO <{graph}>")
    except KgtoolError as error:
        raise PushError(f"moving them into place failed, {error}") from None


def _check_count(store: _Store, graph: str, sent: int, called: str) -> None:
    held = store.count(graph)
    if held != sent:
        raise PushError(f"the store says {called} holds {held:,} triples, not the {sent:,} sent")


def _names(graphs: Iterable[str]) -> str:
    return ", ".join(f"<{graph}>" for graph in graphs) or "none"


def push(
    graphs: Iterable[tuple[URIRef | str, Graph]],
    endpoint: str,
    graph_store: str | None = None,
    credentials: tuple[str, str] | None = None,
    replace: bool = False,
    timeout: float = 60.0,
    on_pushed: Callable[[PushedGraph], None] | None = None,
) -> list[PushedGraph]:
    """Load each (graph IRI, rdflib Graph) pair into the named graph of that IRI in a
    SPARQL 1.1 store, in IRI order, and return what was pushed.

    `endpoint` answers SPARQL queries and updates; `graph_store` (default: the
    same URL) speaks the Graph Store HTTP Protocol. Without `replace`, nothing is
    written when a target graph already holds triples. `credentials` is a
    (user, password) pair for HTTP basic or digest authentication. Raises
    PushError naming the graph that failed and the graphs pushed before it.
    """
    pending = sorted(((str(iri), graph) for iri, graph in graphs), key=lambda pair: pair[0])
    if not pending:
        raise PushError("there are no graphs to push")
    names = [iri for iri, _ in pending]
    if len(set(names)) < len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise PushError(f"<{twice}> is given twice; a graph can be pushed once")
    check_service_url(endpoint)
    check_service_url(graph_store or endpoint, "a graph store")
    store = _Store(endpoint, graph_store or endpoint, credentials, timeout)
    occupied = _occupied(store, names)
    if not replace:
        _refuse_occupied(occupied, store)
    run = uuid.uuid4().hex[:12]
    pushed: list[PushedGraph] = []
    for index, (iri, graph) in enumerate(pending):
        try:
            pushed.append(_push_graph(store, iri, graph, f"{TEMPORARY_PREFIX}{run}:{iri}"))
        except KgtoolError as error:
            raise PushError(
                f"{error}. Pushed before it: {_names(p.graph for p in pushed)}; "
                f"not pushed: {_names(iri for iri, _ in pending[index:])}"
            ) from None
        if on_pushed:
            on_pushed(pushed[-1])
    return pushed
