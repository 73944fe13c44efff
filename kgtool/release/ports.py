"""Where kgtool's servers listen, and the one sentence for a port already taken.

Apart from kgtool.release.serve so that the CLI, which shows these defaults in its help,
does not load the web stack (uvicorn, Starlette, httpx) to start any command.
"""

from __future__ import annotations

from ..errors import ServeError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
START_SECONDS = 30  # how long a server may take to start listening


def port_in_use(host: str, port: int) -> ServeError:
    return ServeError(f"port {port} on {host} is already in use; stop the program using it or choose another with --port")
