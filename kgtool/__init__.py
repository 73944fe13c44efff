"""kgtool — build, validate and query the Industrial Culture Policy Knowledge Graph.

A library first; the `kgtool` command is a thin layer over these functions. In a clone
of icpkg, `build` loads ontology/ and graphs/ into build/ with what the ontology entails,
and the other functions answer from that build:

    >>> from kgtool import build, open_build, query, sparql
    >>> result = build()
    >>> result.summary["documents"], result.summary["items"], result.summary["agencies"]
    (5, 96, 49)
    >>> graph = open_build().union                # asserted + inferred, an rdflib Graph
    >>> from rdflib import URIRef
    >>> from rdflib.namespace import ORG, RDF
    >>> miit = URIRef("https://w3id.org/icpkg/id/agency/cn-miit")
    >>> (miit, RDF.type, ORG.Organization) in graph   # inferred from its class, icp:Agency
    True
    >>> rows = query("documents").rows            # a list of dicts, one per row
    >>> rows[0]["document"], rows[0]["number"]
    ('cn-2016-guidance', '工信部联产业〔2016〕446号')
    >>> for row in query("heritage-lead-agencies", theme="museums").rows[:2]:
    ...     print(row["jurisdiction"], row["agency"], row["role"], row["documents"])
    全国 国家文物局 lead cn-2021-plan
    全国 工业和信息化部 lead cn-2021-plan
    >>> frame = query("targets").to_dataframe()   # with pandas
    >>> frame.groupby("document").size().to_dict()
    {'fj-2026-plan': 1, 'gd-2023-plan': 8, 'js-task-table': 7}
    >>> plan = URIRef("https://w3id.org/icpkg/id/doc/js-task-table")
    >>> sparql("PREFIX eli: <http://data.europa.eu/eli/ontology#> "   # any question
    ...        "SELECT ?basis WHERE { ?_plan eli:based_on ?basis }", plan=plan).rows
    [{'basis': 'https://w3id.org/icpkg/id/doc/cn-2021-plan'}]

`query` and `sparql` ask a SPARQL endpoint instead when given one — the build served by
`kgtool serve`, or a store `kgtool push` filled:
`query("heritage-lead-agencies", theme="museums", endpoint="http://127.0.0.1:7878/query")`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .ask.results import QueryResult
from .errors import (
    BuildDamagedError, BuildMissingError, BuildStaleError, DependencyError, EndpointError, EngineError, ExtractError,
    InputError, KgtoolError, OptionError, OutputError, ParameterError, ProjectError, PublishError, PushError,
    QueryError, QueryTimeoutError, ReasoningError, ServeError, UnknownActorError, UnknownQueryError,
)
from .project import Project, find_project
from .store.build import build
from .store.build_folder import Build, open_build
from .store.inputs import changed_inputs

if TYPE_CHECKING:
    from pathlib import Path

# Imported when first used (PEP 562): they load rdflib, which takes longer to import
# than `kgtool query` takes to answer from a build.
_LAZY = {"load_dataset": "store.load", "parse_turtle": "store.load", "Closure": "store.reason", "owl_rl_closure": "store.reason"}


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
    root: Project | Path | str | None = None,
    build: Build | None = None,
    endpoint: str | None = None,
    asserted: bool = False,
    timeout: float | None = None,
    **keyword_params,
) -> QueryResult:
    """Run a saved query (a name in queries/, or a .rq path) on the last build of the
    project `root`, a Project or its folder (or on `build`, or on a SPARQL endpoint),
    and return its answer.
    Parameters go in `params` or as keywords: `query("tasks-by-theme", theme="museums")`.
    With `timeout` (seconds), a query still running then is stopped (QueryTimeoutError)."""
    from .ask.queries import find_query, names_a_file

    # Resolved once, for its queries/ and its build; a .rq file is read where it is.
    project = None if names_a_file(name) else find_project(root)
    saved = find_query(project.queries_dir if project else None, str(name))
    return _answer(saved, {**(params or {}), **keyword_params}, project or root, build, endpoint, asserted, timeout)


def sparql(
    text: str,
    params: dict | None = None,
    *,
    source: str = "the query",
    root: Project | Path | str | None = None,
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
    from .ask.queries import adhoc_query

    return _answer(adhoc_query(text, source), {**(params or {}), **keyword_params}, root, build, endpoint, asserted, timeout)


def _answer(saved, params, root, build, endpoint, asserted, timeout) -> QueryResult:
    from .ask.queries import QUERY_TIMEOUT, run_query, run_remote

    saved.bindings(params)  # a wrong parameter is reported before anything is read
    if endpoint:
        return run_remote(endpoint, saved, params, timeout=timeout or QUERY_TIMEOUT)
    return run_query(build or open_build(root), saved, params, inferred=not asserted, timeout=timeout)


__all__ = [
    "Build",
    "Closure",
    "Project",
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
    # the errors (kgtool.errors): each says its exit code
    "BuildDamagedError",
    "BuildMissingError",
    "BuildStaleError",
    "DependencyError",
    "EndpointError",
    "EngineError",
    "ExtractError",
    "InputError",
    "KgtoolError",
    "OptionError",
    "OutputError",
    "ParameterError",
    "ProjectError",
    "PublishError",
    "PushError",
    "QueryError",
    "QueryTimeoutError",
    "ReasoningError",
    "ServeError",
    "UnknownActorError",
    "UnknownQueryError",
]
