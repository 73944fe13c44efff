"""Saved SPARQL queries: the catalogue in queries/, their headers, and running them on a build.

A saved query is a `.rq` file whose header is a block of grlc-style `#+` comment
lines, so the file stays valid SPARQL:

    #+ summary: One line saying what question the query answers
    #+ description: More about it, where values come from, caveats.
    #+ tags: [documents, metadata]
    #+ columns: [document, title, number]
    #+ param: theme | iri:https://w3id.org/icpkg/vocab/theme/ | heritage | A theme, by its slug

A parameter is a variable the query names `?_theme` (grlc's convention), declared
with a `param` line: its name, its kind, its default (empty: the parameter is
required) and what it means. The kinds: `text` (a plain string), `text@zh,en` (the
string once in each of these languages, so that a pattern such as
`?body skos:altLabel ?_name` matches a label in any of them), `integer`, and `iri:`
with the namespace its values live in. Values are bound as RDF terms in a VALUES
block, never pasted into query text.

Broken metadata is an error, not a warning: a header that cannot be read or a
query that does not parse stops with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from .errors import InputError, KgtoolError, QueryTimeoutError
from .http_errors import describe_failure
from .store import Build
from .worker import QueryFailure, query_in_child

REQUIRED_KEYS = ("summary", "description", "columns")
# Seconds a query may run, by default, in `kgtool query` and `kgtool serve`: a
# saved query at a million triples takes up to half of it when nothing is kept.
QUERY_TIMEOUT = 60
LIST_KEYS = {"tags", "columns"}
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HEADER_LINE = re.compile(r"^#\+\s?(?P<body>.*)$")
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_KEY_VALUE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
_LANGUAGE = r"[a-zA-Z]+(-[a-zA-Z0-9]+)*"
_KIND = re.compile(rf"^(text|text@{_LANGUAGE}(,{_LANGUAGE})*|integer|iri:\S+)$")


class UnknownQueryError(KgtoolError):
    """No saved query has that name."""


class ParameterError(KgtoolError):
    """A parameter is unknown, missing, or its value does not fit its kind."""


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "text", "text@<language>,<language>…", "integer" or "iri:<namespace>"
    default: str
    description: str

    def terms(self, value: str) -> tuple:
        """The RDF terms (pyoxigraph terms) `value` stands for: one, or one per language
        of a `text@…` kind; ParameterError if it does not fit the kind."""
        from pyoxigraph import Literal, NamedNode

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
        if not _SLUG.match(value):
            raise ParameterError(
                f"parameter '{self.name}' takes a name under {namespace} such as '{self.default or 'name'}', not '{value}'"
            )
        return (NamedNode(namespace + value),)


def _parse_parameter(text: str, path: Path, line: int) -> Parameter:
    parts = [part.strip() for part in text.split("|")]
    if len(parts) != 4 or not parts[0]:
        raise InputError(path, "a param line is '#+ param: name | kind | default | description'", line=line)
    name, kind, default, description = parts
    if not _KIND.match(kind):
        raise InputError(
            path, f"param '{name}' has kind '{kind}'; use text, text@ and languages (text@zh,en), integer or iri:<namespace>",
            line=line,
        )
    return Parameter(name, kind, default, description)


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
            if value == "":
                raise ParameterError(
                    f"query '{self.name}' needs --param {parameter.name}=… ({parameter.description})"
                )
            bound[Variable("_" + parameter.name)] = parameter.terms(value)
        return bound


@dataclass
class QueryResult:
    """Rows of plain strings, one dict per row, keyed by column."""

    columns: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)

    def to_dataframe(self):
        """The rows as a pandas DataFrame, columns in order (pandas is optional)."""
        try:
            import pandas
        except ImportError:
            raise KgtoolError("a DataFrame needs pandas, which kgtool does not install: pip install pandas") from None
        return pandas.DataFrame(self.rows, columns=self.columns)


def _parse_value(key: str, value: str, path: Path, line: int):
    if key not in LIST_KEYS:
        return value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        raise InputError(path, f"header key '{key}' must be a list such as [a, b]", line=line)
    return tuple(item.strip() for item in value[1:-1].split(",") if item.strip())


def read_header(path: Path, text: str) -> dict:
    """The `#+ key: value` lines at the top of a query file."""
    header: dict = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER_LINE.match(line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break  # the query itself begins
            continue
        pair = _KEY_VALUE.match(match["body"])
        if not pair:
            raise InputError(path, f"header line is not '#+ key: value': {line!r}", line=number)
        key = pair["key"]
        if key == "param":
            header.setdefault("params", []).append(_parse_parameter(pair["value"], path, number))
            continue
        if key in header:
            raise InputError(path, f"header key '{key}' appears twice", line=number)
        header[key] = _parse_value(key, pair["value"], path, number)
    missing = [key for key in REQUIRED_KEYS if not header.get(key)]
    if missing:
        raise InputError(path, f"the header lacks {', '.join(missing)} (write '#+ {missing[0]}: …' lines at the top)")
    return header


_ERROR_POSITION = re.compile(r"error at (\d+):(\d+)")


def _check_syntax(path: Path, text: str) -> None:
    """Parse the query with Oxigraph's parser (on an empty dataset, so nothing is
    evaluated), or raise InputError with the file and line."""
    from pyoxigraph import Store

    try:
        Store().query(text)
    except SyntaxError as error:
        message = str(error).splitlines()[0]
        position = _ERROR_POSITION.search(message)
        line = int(position[1]) if position else None
        raise InputError(path, f"the query is not valid SPARQL: {message}", line=line) from None


def load_query(path: Path | str, check_syntax: bool = True) -> SavedQuery:
    """Read, check and describe one `.rq` file. `check_syntax=False` reads the header
    only, for a caller that hands the query to a SPARQL engine that checks it anyway."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such query file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read ({error})") from None
    header = read_header(path, text)
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
        params=tuple(header.get("params", ())),
    )


def catalogue(queries_dir: Path, check_syntax: bool = True) -> dict[str, SavedQuery]:
    """Every saved query of a project, by name."""
    return {path.stem: load_query(path, check_syntax) for path in sorted(Path(queries_dir).glob("*.rq"))}


def find_query(queries_dir: Path, name_or_path: str) -> SavedQuery:
    """A saved query by name, or any `.rq` file by path."""
    if name_or_path.endswith(".rq"):
        return load_query(name_or_path)
    path = Path(queries_dir) / f"{name_or_path}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in Path(queries_dir).glob("*.rq"))) or "none"
        raise UnknownQueryError(f"no saved query named '{name_or_path}' in {queries_dir} (known: {known})")
    return load_query(path)


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

    A saved query the build answered when it was made (its text unchanged, the
    parameters at their defaults) is read from the build's stored rows; any other
    is evaluated on the build's store — in a child process stopped after `timeout`
    seconds when one is given (QueryTimeoutError), which reads the store on disk
    even for a build opened in memory."""
    text = with_values(query.text, query.bindings(params))
    if inferred:
        stored = build.stored_answer(query.name, text)
        if stored is not None:
            return QueryResult(*stored)
    # The union of all named graphs is Oxigraph's fast path; a list of graphs (all but
    # the inferred one) is several times slower, and only --asserted needs it.
    graphs = None if inferred else build.default_graphs(False)
    if timeout is not None:
        return _result(query.name, lambda: query_in_child(build.store_folder, text, timeout, graphs))
    dataset = {"use_default_graph_as_union": True} if graphs is None else {"default_graph": graphs}
    return evaluate(build.store, query.name, text, **dataset)


def evaluate(store, name: str, text: str, **graphs) -> QueryResult:
    """The rows of a query on a pyoxigraph store, every value as a plain string."""
    return _result(name, lambda: store.query(text, **graphs))


def _result(name: str, solve) -> QueryResult:
    # `solve` gives pyoxigraph QuerySolutions, whichever process evaluated them.
    try:
        result = solve()
        columns = [variable.value for variable in result.variables]
        rows = [{column: "" if value is None else value.value for column, value in zip(columns, row)} for row in result]
    except QueryTimeoutError as timeout:
        raise QueryTimeoutError(timeout.seconds, f"the query '{name}'") from None
    except (SyntaxError, OSError, TypeError, ValueError, QueryFailure) as error:
        reason = error if isinstance(error, QueryFailure) else f"{type(error).__name__}: {error}"
        raise KgtoolError(f"the query '{name}' failed on the build: {reason}") from None
    return QueryResult(columns, rows)


def answer_saved_queries(store, queries_dir: Path) -> tuple[dict[str, tuple[str, QueryResult]], dict[str, str]]:
    """What a build answers when it is made: each saved query whose parameters all have
    defaults, evaluated on `store` (asserted and inferred triples), by name with the
    text evaluated; and, by file, the saved queries that could not be answered and why
    (a broken header, bad SPARQL, a failure on the data). A query with a required
    parameter is left to be answered when asked."""
    answered, failed = {}, {}
    for path in sorted(Path(queries_dir).glob("*.rq")):
        try:
            query = load_query(path)
            if any(parameter.default == "" for parameter in query.params):
                continue
            text = with_values(query.text, query.bindings())
            answered[query.name] = text, evaluate(store, query.name, text, use_default_graph_as_union=True)
        except KgtoolError as error:
            failed[path.name] = str(error)
    return answered, failed


_WHERE_GROUP = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


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
    return _WHERE_GROUP.sub(lambda match: match.group(0) + block, text)


def run_remote(
    endpoint: str, query: SavedQuery, params: dict[str, str] | None = None, timeout: float = QUERY_TIMEOUT
) -> QueryResult:
    """Answer a saved query from any SPARQL 1.1 endpoint, through SPARQLWrapper."""
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        SPARQLWrapperException,
        Unauthorized,
    )

    meanings = {
        EndPointNotFound: "has no SPARQL service at that URL (HTTP 404)",
        QueryBadFormed: f"refused the query '{query.name}' as malformed (HTTP 400)",
        Unauthorized: "requires credentials (HTTP 401)",
        EndPointInternalError: f"failed while answering the query '{query.name}' (HTTP 500)",
    }

    if not re.match(r"^https?://[^\s/]+", endpoint):
        raise KgtoolError(f"'{endpoint}' is not an http(s) URL of a SPARQL endpoint")
    client = SPARQLWrapper(endpoint)
    # Without comment lines: SPARQLWrapper guesses the query form from keywords and
    # would take a header saying “dropping” for a DROP update.
    text = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    client.setQuery(with_values(text, query.bindings(params)))
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    try:
        answer = client.queryAndConvert()
    except OSError as error:  # urllib's HTTP and connection errors, and timeouts
        raise KgtoolError(describe_failure(f"the SPARQL endpoint {endpoint}", error, timeout)) from None
    except SPARQLWrapperException as error:
        meaning = meanings.get(type(error), f"refused the query '{query.name}' ({type(error).__name__})")
        raise KgtoolError(f"the SPARQL endpoint {endpoint} {meaning}") from None
    if not isinstance(answer, dict) or "head" not in answer:
        raise KgtoolError(f"the SPARQL endpoint {endpoint} did not answer with SPARQL JSON results")
    columns = answer["head"].get("vars", [])
    rows = [
        {column: binding.get(column, {}).get("value", "") for column in columns}
        for binding in answer.get("results", {}).get("bindings", [])
    ]
    return QueryResult(columns, rows)
