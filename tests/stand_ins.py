"""Stand-ins for SPARQL services that misbehave, on free loopback ports, for the tests of
`kgtool push` and `kgtool query --endpoint` (tests/test_push.py, tests/test_bad_inputs.py).

Each returns a running ThreadingHTTPServer; the caller stops it with `shutdown()`.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def _serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    handler.log_message = lambda *args: None  # the tests read kgtool's output, not the server's
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # A client that gives up (a timeout, an answer it will not read to the end) breaks the
    # pipe; socketserver would print that traceback into the stderr a test is reading.
    server.handle_error = lambda request, client_address: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def url(server: ThreadingHTTPServer, path: str = "/sparql") -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def answering(status: int, content_type: str, body: bytes, *, delay: float = 0.0,
              announced: int | None = None) -> ThreadingHTTPServer:
    """A server that answers every request alike, whatever was asked: after `delay`
    seconds, and announcing `announced` bytes (more than it sends: an answer cut short)."""

    class Same(BaseHTTPRequestHandler):
        def _answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(announced if announced is not None else len(body)))
            if 300 <= status < 400:  # a redirect back to where it came from: a loop
                self.send_header("Location", self.path)
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        do_GET = do_POST = do_PUT = _answer

    return _serve(Same)


def failing_proxy(upstream: str, graph: str, stage: str) -> ThreadingHTTPServer:
    """A stand-in for a store that breaks while taking one graph: it forwards every
    request to a real store, except that, for `graph`, it answers 500 after passing on
    half of the triples (stage "load"), passes on half and says all went well (stage
    "lose"), or refuses the update that moves it (stage "move")."""

    class Proxy(BaseHTTPRequestHandler):
        def _forward(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            target = parse_qs(urlsplit(self.path).query).get("graph", [""])[0]
            update = parse_qs(body.decode("utf-8")).get("update", [""])[0] if self.command == "POST" else ""
            if stage in ("load", "lose") and self.command == "PUT" and target.endswith(":" + graph):
                lines = body.splitlines(keepends=True)
                status, answer = self._relay(b"".join(lines[: len(lines) // 2]))
                return self._answer(500, b"the disk is full") if stage == "load" else self._answer(status, answer)
            if stage == "move" and "MOVE GRAPH" in update and f"TO <{graph}>" in update:
                return self._answer(500, b"the store is shutting down")
            self._answer(*self._relay(body))

        def _relay(self, body: bytes) -> tuple[int, bytes]:
            headers = {name: self.headers[name] for name in ("Content-Type", "Accept") if self.headers[name]}
            request = urllib.request.Request(upstream + self.path, data=body, method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as error:
                return error.code, error.read()

        def _answer(self, status: int, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = _forward

    return _serve(Proxy)
