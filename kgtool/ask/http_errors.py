"""A failed HTTP request to a SPARQL service, said in one sentence.

Shared by the commands that talk to a remote store (`query --endpoint`, `push`),
so the same failure reads the same wherever it happens.
"""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
from urllib.parse import urlsplit

from ..errors import OptionError

# What a request can raise: urllib's HTTP and connection errors and timeouts (OSError),
# and http.client's own (an answer cut off before its Content-Length, a status line
# that is not HTTP). Catch these around every request and its reading.
HTTP_FAILURES = (OSError, http.client.HTTPException)


def check_service_url(url: str, what: str = "a SPARQL endpoint") -> None:
    """Refuse, in one sentence, what is not an http(s) URL a request can be sent to
    ("localhost:7878", "http://[::1/sparql", a URL with a space)."""
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # an unclosed [IPv6 address, a port that is not a number
        valid = False
    if not valid or re.search(r"\s", url):
        raise OptionError(f"'{url}' is not an http(s) URL of {what}, such as http://127.0.0.1:7878/sparql")


def _detail(error: urllib.error.HTTPError) -> str:
    # Stores explain a refusal in the body ("The graph <…> does not exist"); its
    # first line is worth showing, an HTML error page is not.
    try:
        body = error.read(2000).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    first = body.splitlines()[0].strip() if body else ""
    return "" if first.startswith("<") else first[:200]


def describe_failure(service: str, error: Exception, timeout: float) -> str:
    """What went wrong talking to `service` (e.g. "the SPARQL endpoint http://…"), for
    any of HTTP_FAILURES."""
    if isinstance(error, http.client.IncompleteRead):
        return (f"{service} broke off its answer ({len(error.partial):,} bytes received, "
                f"{error.expected:,} more announced)")
    if isinstance(error, http.client.HTTPException) and not isinstance(error, OSError):
        return f"{service} did not answer in HTTP ({type(error).__name__})"
    if isinstance(error, urllib.error.HTTPError) and 300 <= error.code < 400:
        # urllib follows redirects; one it gives up on loops, or would re-send a POST.
        location = error.headers.get("Location") if error.headers else None
        to = f" to {location.split('?')[0]}" if location else ""  # not the whole query sent again
        return (f"{service} answered HTTP {error.code}, a redirect{to} kgtool could not follow "
                "(a loop, or a POST it will not send on); give the service's own URL")
    if isinstance(error, urllib.error.HTTPError):
        detail = _detail(error)
        return f"{service} answered HTTP {error.code} ({error.reason}{': ' + detail if detail else ''})"
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"{service} did not answer within {int(timeout)} s"
    return f"{service} cannot be reached ({reason})"


def describe_body(body: bytes) -> str:
    """What a service sent instead of the SPARQL results it was asked for."""
    start = body[:200].decode("utf-8", "replace").lstrip().lower()
    if not start:
        return "the body was empty"
    if start.startswith(("<!doctype html", "<html")):
        return "it sent an HTML page"
    return "the body was not SPARQL JSON results, or was cut short"
