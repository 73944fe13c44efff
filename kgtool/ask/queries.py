"""Saved SPARQL queries: the catalogue in queries/, their headers, and running them on a build.

A saved query is a `.rq` file whose header is a block of `#+` comment lines, YAML
as grlc reads it (kgtool.ask.query_header), so the file stays valid SPARQL and grlc
can serve it:

    #+ summary: One line saying what question the query answers

    #+ description: >-

    #+   More about it, where values come from, caveats.

    #+ columns: [document, title, number]

A parameter is a variable the query names `?_theme` (grlc's convention), declared
under `params:` with its kind (`text`, `text@zh,en`, `integer`, or `iri:` and a
namespace) and its default, if any, under `defaults:`. Values are bound as RDF
terms in a VALUES block, never pasted into query text; a query with a default
also writes it into its body (`BIND (COALESCE(?_theme, <…/heritage>) AS ?theme)`),
so that run unbound on any engine it answers as kgtool does.

Broken metadata is an error, not a warning: a header that cannot be read or a
query that does not parse stops with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path

from ..errors import (
    EndpointError, InputError, KgtoolError, ParameterError, QueryError, QueryTimeoutError, UnknownQueryError,
)
from ..files import read_utf8
from ..store.build_folder import Build
from .query_header import read_header
from .results import QueryResult, as_term
from .worker import query_in_child

# Seconds a query may run, by default, in `kgtool query` and `kgtool serve`: a
# saved query at a million triples takes up to half of it when nothing is kept.
QUERY_TIMEOUT = 60
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_HEADER = re.compile(r"^#\+", re.MULTILINE)
_PARAMETER_VARIABLE = re.compile(r"[?$]_([A-Za-z][A-Za-z0-9_]*)")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Parameter:
    name: str
    # "text", "text@<language>,<language>…", "integer", "iri:<namespace>", or "any" for
    # a ?_name variable of a query without a header
    kind: str
    default: str | None  # "": the parameter is required; None: unbound unless given
    description: str

    def terms(self, value) -> tuple:
        """The RDF terms (pyoxigraph terms) `value` stands for: one, or one per language
        of a `text@…` kind; ParameterError if it does not fit the kind. A value that is
        not a string (a number, a date, an RDF term, from Python) is bound as itself."""
        from pyoxigraph import Literal, NamedNode

        if not isinstance(value, str):
            return (as_term(value),)
        if self.kind == "any":
            return (NamedNode(value),) if _ABSOLUTE_IRI.fullmatch(value) else (Literal(value),)
        if self.kind == "text":
            return (Literal(value),)
        if self.kind.startswith("text@"):
            return tuple(Literal(value, language=language) for language in self.kind.removeprefix("text@").split(","))
        if self.kind == "integer":
            if not re.fullmatch(r"-?\d+", value):
                raise ParameterError(f"parameter '{self.name}' takes a whole number, not '{value}'")
            return (Literal(str(int(value)), datatype=NamedNode(_XSD_INTEGER)),)
        namespace = self.kind.removeprefix("iri:")
        if value.startswith(namespace):
            value = value[len(namespace):]
        if not _SLUG.fullmatch(value):  # match() lets a final newline through: an invalid IRI
            raise ParameterError(
                f"parameter '{self.name}' takes a name under {namespace} such as '{self.default or 'name'}', not '{value}'"
            )
        return (NamedNode(namespace + value),)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str
    columns: tuple[str, ...]
    tags: tuple[str, ...] = ()
    params: tuple[Parameter, ...] = ()
    chart: tuple[str, str] | None = None  # a label column and a number column to draw as bars
    adhoc: bool = False  # typed or piped in, or a file without a header: its answer is not kept

    def bindings(self, given: dict[str, str] | None = None) -> dict:
        """The query's parameters as pyoxigraph Variables, each bound to its RDF terms
        (a tuple): the values given, else the defaults."""
        from pyoxigraph import Variable

        given = dict(given or {})
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            offered = ", ".join(known) or "none"
            raise ParameterError(f"query '{self.name}' has no parameter '{unknown[0]}' (its parameters: {offered})")
        bound = {}
        for parameter in self.params:
            value = given.get(parameter.name, parameter.default)
            if value is None:
                continue  # a ?_name of a query without a header, left unbound
            if value == "":
                raise ParameterError(
                    f"query '{self.name}' needs --param {parameter.name}=… ({parameter.description})"
                )
            bound[Variable("_" + parameter.name)] = parameter.terms(value)
        return bound


_ERROR_POSITION = re.compile(r"error at (\d+):(\d+)")


def _check_syntax(path: Path, text: str) -> None:
    """Parse the query with Oxigraph's parser (on an empty dataset, so nothing is
    evaluated), or raise InputError with the file and line."""
    from pyoxigraph import Store

    try:
        Store().query(text)
    except SyntaxError as error:
        if _is_update(text):
            raise InputError(path, "this is a SPARQL update, which would change data; kgtool only asks questions "
                             "(SELECT, ASK, CONSTRUCT, DESCRIBE)") from None
        message = str(error).splitlines()[0]
        position = _ERROR_POSITION.search(message)
        line = int(position[1]) if position else None
        raise InputError(path, f"the query is not valid SPARQL: {message}", line=line) from None


def _is_update(text: str) -> bool:
    # Oxigraph's parsers cannot be asked to parse without running; rdflib's can.
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # pyparsing's ParseException and whatever a broken text raises
        return False
    return True


def load_query(path: Path | str, check_syntax: bool = True, saved: bool = True) -> SavedQuery:
    """Read, check and describe one `.rq` file. `check_syntax=False` reads the header
    only, for a caller that hands the query to a SPARQL engine that checks it anyway.
    A file a user names (`saved=False`) may have no `#+` header: it is then an ad-hoc
    query (`adhoc_query`); a saved query must have one."""
    path = Path(path)
    text = read_utf8(path)
    if not saved and not _HEADER.search(text):
        return adhoc_query(text, path)
    header = read_header(path, text)
    _check_parameters(path, text, header["params"])
    if check_syntax:
        _check_syntax(path, text)
    return SavedQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=header["summary"],
        description=header["description"],
        columns=header["columns"],
        tags=header.get("tags", ()),
        params=tuple(Parameter(**param) for param in header["params"]),
        chart=_chart(path, header.get("chart"), header["columns"]),
    )


def _check_parameters(path: Path, text: str, declared: list[dict]) -> None:
    # A parameter the header declares but the query never uses would bind nothing, and a
    # ?_name the header does not declare could never be given: both are typos.
    query = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = dict.fromkeys(_PARAMETER_VARIABLE.findall(query))
    names = [parameter["name"] for parameter in declared]
    for name in names:
        if name not in used:
            raise InputError(path, f"the header declares the parameter '{name}' but the query has no ?_{name}")
    for name in used:
        if name not in names:
            raise InputError(path, f"the query uses ?_{name} but the header declares no parameter '{name}' (params:)")


def _chart(path: Path, chart, columns: tuple[str, ...]) -> tuple[str, str] | None:
    if chart is None:
        return None
    if not (isinstance(chart, list) and len(chart) == 2 and set(chart) <= set(columns)):
        raise InputError(path, f"header key 'chart' must name two of the columns, a label and a number: [{columns[0]}, …]")
    return tuple(chart)


def adhoc_query(text: str, source: Path | str = "the query") -> SavedQuery:
    """A query as a user types or pipes it in, or a `.rq` file without a header,
    checked as a saved one is; its columns are what it selects. Each `?_name`
    variable is a parameter: given a value, it is bound as a saved query's are (an
    absolute IRI as an IRI, any other string as a plain literal, a Python number,
    date or RDF term as itself); not given, it stays unbound."""
    source = Path(source)
    _check_syntax(source, text)
    names = dict.fromkeys(_PARAMETER_VARIABLE.findall(text))
    return SavedQuery(
        name=source.stem or "query", path=source, text=text, summary="", description="", columns=(),
        params=tuple(Parameter(name, "any", None, f"a value for ?_{name}") for name in names), adhoc=True,
    )


def catalogue(queries_dir: Path, check_syntax: bool = True) -> dict[str, SavedQuery]:
    """Every saved query of a project, by name."""
    return {path.stem: load_query(path, check_syntax) for path in sorted(Path(queries_dir).glob("*.rq"))}


def names_a_file(name_or_path: str | Path) -> bool:
    """Whether a query is named by a `.rq` file's path, read where it is, rather than by
    the name of a saved query in a project's queries/ (which needs the project)."""
    return str(name_or_path).endswith(".rq")


def find_query(queries_dir: Path | None, name_or_path: str) -> SavedQuery:
    """A saved query by name, or any `.rq` file by path."""
    if names_a_file(name_or_path):
        return load_query(name_or_path, saved=False)
    path = Path(queries_dir) / f"{name_or_path}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in Path(queries_dir).glob("*.rq"))) or "none"
        raise UnknownQueryError(f"no saved query named '{name_or_path}' in {queries_dir} (known: {known})")
    return load_query(path)


def allowed_values(build: Build, parameter: Parameter) -> list[str] | None:
    """The values an `iri:` parameter can take on this build: the names under its
    namespace of the resources the build describes (sorted); None for other kinds."""
    if not parameter.kind.startswith("iri:"):
        return None
    from pyoxigraph import Literal

    namespace = parameter.kind.removeprefix("iri:")
    found = build.store.query(  # a Literal prints as an escaped N-Triples term
        f"SELECT DISTINCT ?s WHERE {{ ?s a ?type FILTER (STRSTARTS(STR(?s), {Literal(namespace)})) }}",
        use_default_graph_as_union=True,
    )
    return sorted(solution["s"].value.removeprefix(namespace) for solution in found)


def check_values(build: Build, query: SavedQuery, params: dict | None) -> None:
    """Refuse an `iri:` parameter value that names nothing in the build, with the
    closest names it does hold — a misspelt theme would otherwise answer 0 rows."""
    from pyoxigraph import NamedNode

    for parameter in query.params:
        value = (params or {}).get(parameter.name)
        if not isinstance(value, str) or not parameter.kind.startswith("iri:"):
            continue
        (term,) = parameter.terms(value)
        if next(iter(build.store.quads_for_pattern(NamedNode(term.value), None, None)), None) is not None:
            continue
        import difflib  # only for a value that names nothing

        names = allowed_values(build, parameter)
        slug = term.value.removeprefix(parameter.kind.removeprefix("iri:"))
        close = difflib.get_close_matches(slug, names, n=3, cutoff=0.6)
        hint = f"did you mean {' or '.join(close)}?" if close else f"it has {_some(names)}"
        raise ParameterError(f"no {parameter.name} '{slug}' in the build; {hint}")


def _some(names: list[str], shown: int = 12) -> str:
    if not names:
        return "none"
    more = f" and {len(names) - shown} more (kgtool queries NAME lists them)" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def run_query(
    build: Build,
    query: SavedQuery,
    params: dict[str, str] | None = None,
    inferred: bool = True,
    timeout: float | None = None,
) -> QueryResult:
    """Answer a saved query from a build, with its parameters bound as RDF terms (the
    same VALUES block a remote endpoint gets): asserted and inferred triples, or
    asserted only.

    A saved query asked before on this build, with its text unchanged and its
    parameters at their defaults, is read from the rows the build kept then; any
    other is evaluated on the build's store — in a child process stopped after
    `timeout` seconds when one is given (QueryTimeoutError), which reads the store
    on disk even for a build opened in memory — and, asked with its defaults, kept."""
    text = with_values(query.text, query.bindings(params))
    check_values(build, query, params)
    origin = {"query": query.name, "parameters": dict(params or {}), "build": build.fingerprint}
    if inferred:
        stored = build.answers.read(query.name, text)
        if stored is not None:
            return QueryResult(*stored, **origin)
    # The union of all named graphs is Oxigraph's fast path; a list of graphs (all but
    # the inferred one) is several times slower, and only --asserted needs it.
    graphs = None if inferred else build.default_graphs(False)
    with build.reading_store():  # a store with a missing or garbled file: "the build is damaged"
        if timeout is not None:
            result = _result(query.name, lambda: query_in_child(build.store_folder, text, timeout, graphs))
        else:
            dataset = {"use_default_graph_as_union": True} if graphs is None else {"default_graph": graphs}
            result = evaluate(build.store, query.name, text, **dataset)
    if inferred and not params and not query.adhoc:
        build.answers.keep(result, text)
    return replace(result, **origin)


def evaluate(store, name: str, text: str, **graphs) -> QueryResult:
    """The answer of a query on a pyoxigraph store."""
    return _result(name, lambda: store.query(text, **graphs))


def _result(name: str, solve) -> QueryResult:
    # `solve` gives pyoxigraph QuerySolutions, whichever process evaluated them.
    try:
        result = QueryResult.from_answer(solve(), query=name)
    except QueryTimeoutError as timeout:
        raise QueryTimeoutError(timeout.seconds, f"the query '{name}'") from None
    except QueryError as failure:  # the engine's word, from the process that evaluated it
        raise QueryError(failure.reason, f"the query '{name}'") from None
    except (SyntaxError, OSError, TypeError, ValueError) as error:
        raise QueryError(f"{type(error).__name__}: {error}", f"the query '{name}'") from None
    return result


def check_saved_queries(queries_dir: Path) -> dict[str, str]:
    """The saved queries of a project that cannot be asked, by file, and why (a broken
    header, bad SPARQL): a build reports them, so that they are found before asked."""
    failed = {}
    for path in sorted(Path(queries_dir).glob("*.rq")):
        try:
            load_query(path)
        except KgtoolError as error:
            failed[path.name] = str(error)
    return failed


_WHERE_GROUP = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_SHORT_CONSTRUCT = re.compile(r"\bCONSTRUCT\s+WHERE\s*\{", re.IGNORECASE)
_CONSTRUCT = re.compile(r"\bCONSTRUCT\b", re.IGNORECASE)


def with_values(text: str, bindings: dict) -> str:
    """The query with its parameters as a VALUES block of RDF terms (written as N-Triples
    terms, which escapes them) at the top of every WHERE group, so that they bind
    inside subqueries too — what substitution does in the embedded engine. A parameter
    bound to several terms gives a row for each."""
    if not bindings:
        return text
    variables = " ".join(str(variable) for variable in bindings)
    rows = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in product(*bindings.values()))
    block = f" VALUES ({variables}) {{ {rows} }}"
    if _WHERE_GROUP.search(text) and not _SHORT_CONSTRUCT.search(text):
        return _WHERE_GROUP.sub(lambda match: match.group(0) + block, text)
    if not _CONSTRUCT.search(text):  # `ASK { … }`, `SELECT ?s { … }`: the first group is the pattern
        return text.replace("{", "{" + block, 1)
    # `CONSTRUCT WHERE { … }`, whose group is its template too: one VALUES clause after
    # the whole query, which SPARQL allows.
    return f"{text.rstrip()}\n{block.strip()}\n"


def run_remote(
    endpoint: str, query: SavedQuery, params: dict[str, str] | None = None, timeout: float = QUERY_TIMEOUT
) -> QueryResult:
    """Answer a saved query from any SPARQL 1.1 endpoint, through SPARQLWrapper."""
    from pyoxigraph import QueryResultsFormat, parse_query_results
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        SPARQLWrapperException,
        Unauthorized,
    )

    from .http_errors import HTTP_FAILURES, check_service_url, describe_body, describe_failure  # http.client, ssl

    meanings = {
        EndPointNotFound: "has no SPARQL service at that URL (HTTP 404)",
        QueryBadFormed: f"refused the query '{query.name}' as malformed (HTTP 400)",
        Unauthorized: "requires credentials (HTTP 401)",
        EndPointInternalError: f"failed while answering the query '{query.name}' (HTTP 500)",
    }

    check_service_url(endpoint)
    client = SPARQLWrapper(endpoint)
    # Without comment lines: SPARQLWrapper guesses the query form from keywords and
    # would take a header saying “dropping” for a DROP update.
    text = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    client.setQuery(with_values(text, query.bindings(params)))
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    try:
        answer = client.query().response.read()
    except HTTP_FAILURES as error:
        timed_out = isinstance(getattr(error, "reason", error), TimeoutError)
        status = getattr(error, "code", None) or (504 if timed_out else None)
        raise EndpointError(describe_failure(f"the SPARQL endpoint {endpoint}", error, timeout), status) from None
    except SPARQLWrapperException as error:
        meaning = meanings.get(type(error), f"refused the query '{query.name}' ({type(error).__name__})")
        raise EndpointError(f"the SPARQL endpoint {endpoint} {meaning}", 502) from None
    try:  # pyoxigraph's reader keeps each value's datatype and language
        result = _result(query.name, lambda: parse_query_results(answer, format=QueryResultsFormat.JSON))
    except KgtoolError:
        raise EndpointError(
            f"the SPARQL endpoint {endpoint} did not answer the query '{query.name}' with SPARQL JSON results"
            f" ({describe_body(answer)})", 502,
        ) from None
    return replace(result, parameters=dict(params or {}), build=endpoint)

