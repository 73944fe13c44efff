"""kgtool — build, validate and query the Industrial Culture Policy Knowledge Graph.

A library first; the `kgtool` command is a thin layer over these functions:

    >>> from kgtool import build, open_build
    >>> result = build()                 # in a clone of icpkg
    >>> result.summary["agencies"]
    >>> graph = open_build().union       # asserted + inferred, an rdflib Graph
    >>> rows = query("heritage-lead-agencies").rows                  # list of dicts
    >>> frame = query("targets").to_dataframe()                      # with pandas
    >>> query("heritage-lead-agencies", theme="museums", endpoint="http://…/query")
    >>> sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows      # any question
"""

__version__ = "0.1.0"

from .build import build, open_build
from .inputs import changed_inputs
from .errors import BuildMissingError, InputError, KgtoolError, QueryTimeoutError, ReasoningError
from .project import Project, find_project
from .store import Build
from .results import QueryResult

# Imported when first used (PEP 562): they load rdflib, which takes longer to import
# than `kgtool query` takes to answer from a build.
_LAZY = {"load_dataset": "load", "parse_turtle": "load", "Closure": "reason", "owl_rl_closure": "reason"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def query(
    name: str,
    params: dict | None = None,
    *,
    root=None,
    build: Build | None = None,
    endpoint: str | None = None,
    asserted: bool = False,
    timeout: float | None = None,
    **keyword_params,
) -> QueryResult:
    """Run a saved query (a name in queries/, or a .rq path) on the last build of the
    project at `root` (or on `build`, or on a SPARQL endpoint) and return its answer.
    Parameters go in `params` or as keywords: `query("tasks-by-theme", theme="museums")`.
    With `timeout` (seconds), a query still running then is stopped (QueryTimeoutError)."""
    from .queries import find_query

    queries_dir = None if str(name).endswith(".rq") else find_project(root).queries_dir
    saved = find_query(queries_dir, str(name))
    return _answer(saved, {**(params or {}), **keyword_params}, root, build, endpoint, asserted, timeout)


def sparql(
    text: str,
    params: dict | None = None,
    *,
    source: str = "the query",
    root=None,
    build: Build | None = None,
    endpoint: str | None = None,
    asserted: bool = False,
    timeout: float | None = None,
    **keyword_params,
) -> QueryResult:
    """Ask any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) as `query` asks a saved
    one: the default graph is the union of the build's named graphs, and each keyword
    binds the variable `?_name` — `sparql("SELECT ?s WHERE { ?s a ?_type }", type=IRI)`.
    An update is refused; an error names the query as `source`."""
    from .queries import adhoc_query

    return _answer(adhoc_query(text, source), {**(params or {}), **keyword_params}, root, build, endpoint, asserted, timeout)


def _answer(saved, params, root, build, endpoint, asserted, timeout) -> QueryResult:
    from .queries import QUERY_TIMEOUT, run_query, run_remote

    saved.bindings(params)  # a wrong parameter is reported before anything is read
    if endpoint:
        return run_remote(endpoint, saved, params, timeout=timeout or QUERY_TIMEOUT)
    return run_query(build or open_build(root), saved, params, inferred=not asserted, timeout=timeout)


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
    "sparql",
    "QueryResult",
]
