"""kgtool — build, validate and query the Industrial Culture Policy Knowledge Graph.

A library first; the `kgtool` command is a thin layer over these functions:

    >>> from kgtool import build, open_build
    >>> result = build()                 # in a clone of icpkg
    >>> result.summary["agencies"]
    >>> graph = open_build().union       # asserted + inferred, an rdflib Graph
    >>> rows = query("heritage-lead-agencies").rows                  # list of dicts
    >>> frame = query("targets").to_dataframe()                      # with pandas
    >>> query("heritage-lead-agencies", {"theme": "museums"}, endpoint="http://…/query")
"""

__version__ = "0.1.0"

from .build import build, changed_inputs, open_build
from .errors import BuildMissingError, InputError, KgtoolError, QueryTimeoutError, ReasoningError
from .load import load_dataset, parse_turtle
from .project import Project, find_project
from .reason import Closure, owl_rl_closure
from .store import Build
from .queries import QueryResult


def query(
    name: str,
    params: dict[str, str] | None = None,
    *,
    root=None,
    endpoint: str | None = None,
    asserted: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run a saved query (a name in queries/, or a .rq path) with its parameters, on the
    last build — or on a SPARQL endpoint — and return its rows. With `timeout`
    (seconds), a query still running then is stopped (QueryTimeoutError)."""
    from .queries import QUERY_TIMEOUT, find_query, run_query, run_remote

    saved = find_query(find_project(root).queries_dir, name)
    if endpoint:
        return run_remote(endpoint, saved, params, timeout=timeout or QUERY_TIMEOUT)
    return run_query(open_build(root), saved, params, inferred=not asserted, timeout=timeout)


__all__ = [
    "Build",
    "BuildMissingError",
    "Closure",
    "InputError",
    "KgtoolError",
    "Project",
    "QueryTimeoutError",
    "ReasoningError",
    "build",
    "changed_inputs",
    "find_project",
    "load_dataset",
    "open_build",
    "owl_rl_closure",
    "parse_turtle",
    "query",
    "QueryResult",
]
