"""The HTTP front of `kgtool serve`: it passes every request to the Oxigraph
server behind it and gives each SPARQL query a time limit.

Why a front at all: Oxigraph cannot cancel a query once started — its own
`--timeout-s` did not stop a cross product within 20 s (oxigraph issue #1336) —
so a query abandoned by its client keeps a core busy until the server stops.
The front waits for a query's whole answer for at most `timeout` seconds; past
that it answers 503 and restarts the engine on the same store, which is the one
way to stop the work (a read-only engine starts in well under a second;
a writable one keeps every update it committed). Requests other than queries —
updates, graph store reads and writes, the query page — pass through unbounded,
their answers streamed (a request's body is read whole before it is passed on).

Starlette answers HTTP and httpx talks to the engine; uvicorn runs them in a
thread of this process, so `serve()` works from a notebook as from the CLI.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
import time
from typing import Callable
from urllib.parse import parse_qs

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from ..errors import ServeError
from .ports import START_SECONDS, port_in_use

# Oxigraph answers queries at /query and queries and updates at /sparql.
QUERY_PATHS = frozenset({"/query", "/sparql"})
# Headers that belong to one connection, not to the message (RFC 9110 §7.6.1), and
# the ones httpx and Starlette set again for the body they send.
HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding", "content-encoding",
})


def _passed(headers) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name.lower() not in HOP_BY_HOP}


class Forwarder:
    """Passes requests to the engine at `engine.url` (`forward`); `restart(generation)` replaces
    the engine when a query overruns (a no-op if another overrun already did)."""

    def __init__(self, engine, timeout: float, restart: Callable[[int], None], refuse_writes: bool = False):
        self.engine = engine
        self.timeout = timeout
        self.restart = restart
        # An engine holding its store in memory accepts writes; a read-only service must not.
        self.refuse_writes = refuse_writes
        self.client: httpx.AsyncClient | None = None
        self.restarting = asyncio.Lock()

    async def forward(self, request: Request) -> Response:
        if self.client is None:  # made in the server's event loop, on first use
            self.client = httpx.AsyncClient(timeout=None)
        target = self.engine.url + request.url.path + (f"?{request.url.query}" if request.url.query else "")
        outgoing = self.client.build_request(
            request.method, target, headers=_passed(request.headers), content=await request.body()
        )
        generation = self.engine.generation
        if self.refuse_writes and request.method not in ("GET", "HEAD", "OPTIONS") \
                and not _is_query(request, outgoing.content):
            return PlainTextResponse("The server is read-only (kgtool serve without --writable).\n", 403)
        try:
            if not _is_query(request, outgoing.content):
                upstream = await self.client.send(outgoing, stream=True)
                return StreamingResponse(
                    upstream.aiter_raw(), upstream.status_code, headers=_passed(upstream.headers),
                    background=BackgroundTask(upstream.aclose),
                )
            upstream, body = await asyncio.wait_for(self._whole(outgoing), self.timeout)
            return Response(body, upstream.status_code, headers=_passed(upstream.headers))
        except TimeoutError:
            async with self.restarting:
                await asyncio.to_thread(self.restart, generation)
            return PlainTextResponse(
                f"The query ran longer than {self.timeout:g} s and was stopped (kgtool serve --timeout).\n", 503
            )
        except httpx.TransportError:
            return PlainTextResponse(
                "The query engine was restarting to stop a query that ran past its time; send the request again.\n", 502
            )

    async def _whole(self, outgoing: httpx.Request) -> tuple[httpx.Response, bytes]:
        upstream = await self.client.send(outgoing)
        return upstream, upstream.content


def _is_query(request: Request, body: bytes) -> bool:
    """Whether the request is a SPARQL query (SPARQL 1.1 Protocol §2.1), not an update."""
    if request.url.path not in QUERY_PATHS:
        return False
    if request.method == "GET":
        return True
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        return "update" not in parse_qs(body.decode("utf-8", "replace"))
    return kind != "application/sparql-update"


def _listening_socket(host: str, port: int) -> socket.socket:
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as error:
        if isinstance(error, socket.gaierror):
            raise ServeError(f"cannot listen on {host}: the name does not resolve ({error.strerror})") from None
        if error.errno == errno.EADDRINUSE:
            raise port_in_use(host, port) from None
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


class Front:
    """The front, listening on host:port in a thread of this process until `stop()`:
    `routes` of kgtool's own first (the saved queries' API), the engine for the rest."""

    def __init__(self, forwarder: Forwarder, host: str, port: int, routes: list[Route] = ()):
        listening = _listening_socket(host, port)
        app = Starlette(routes=[*routes, Route("/{path:path}", forwarder.forward, methods=[
            "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
        ])])
        config = uvicorn.Config(app, lifespan="off", log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [listening]}, name="kgtool-serve", daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + START_SECONDS
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise ServeError(f"the HTTP front of kgtool serve could not start on {host}:{port}")
            time.sleep(0.02)

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
