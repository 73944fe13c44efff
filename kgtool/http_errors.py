"""A failed HTTP request to a SPARQL service, said in one sentence.

Shared by the commands that talk to a remote store (`query --endpoint`, `push`),
so the same failure reads the same wherever it happens.
"""

from __future__ import annotations

import socket
import urllib.error


def _detail(error: urllib.error.HTTPError) -> str:
    # Stores explain a refusal in the body ("The graph <…> does not exist"); its
    # first line is worth showing, an HTML error page is not.
    try:
        body = error.read(2000).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    first = body.splitlines()[0].strip() if body else ""
    return "" if first.startswith("<") else first[:200]


def describe_failure(service: str, error: OSError, timeout: float) -> str:
    """What went wrong talking to `service` (e.g. "the SPARQL endpoint http://…")."""
    if isinstance(error, urllib.error.HTTPError):
        detail = _detail(error)
        return f"{service} answered HTTP {error.code} ({error.reason}{': ' + detail if detail else ''})"
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"{service} did not answer within {int(timeout)} s"
    return f"{service} cannot be reached ({reason})"
