"""The saved queries as a web API under `kgtool serve`.

    /queries/                  every saved query, what it answers, its parameters
    /queries/NAME              a form for its parameters, the answer as a table (and a
                               chart where the query names one), links to the same
                               answer as CSV, TSV and JSON, its SPARQL, and a link that
                               opens it in the query editor
    /queries/NAME.csv?theme=…  the answer alone: .csv, .tsv or .json, as `kgtool query
                               --format` writes it
    /openapi.json              an OpenAPI 3.1 description of the answers, one path per
                               query, with each parameter's allowed values

The answers are kgtool's own (`answer`): the same rows, checks and time limit as
`kgtool query`. A wrong parameter value is HTTP 400 with the sentence the CLI
prints; a query past its time is 503.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .. import __version__
from ..ask.formats import render
from ..ask.queries import Parameter, SavedQuery, catalogue
from ..ask.results import QueryResult, json_value
from ..errors import EndpointError, InputError, KgtoolError, ParameterError, QueryTimeoutError, UnknownQueryError

DATA_FORMATS = {"csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
                "json": "application/json"}
CHART_ROWS = 40  # bars beyond these would not be read; the table has them all


@dataclass
class QueryApi:
    """The routes of the API over the saved queries in `queries_dir`.

    `answer(query, params)` gives a QueryResult; `allowed(parameter)` the values an
    `iri:` parameter takes (None for others); `editor_link(query, params, base_url)` a
    URL that opens the query in a SPARQL editor, on the server as the asker reached it."""

    queries_dir: object
    answer: Callable[[SavedQuery, dict], QueryResult]
    allowed: Callable[[Parameter], list | None]
    editor_link: Callable[[SavedQuery, dict, str], str]

    def __post_init__(self):
        self.templates = Environment(loader=PackageLoader("kgtool", "templates"), autoescape=select_autoescape())

    @property
    def routes(self) -> list[Route]:
        return [
            Route("/queries/", self.index),
            Route("/queries/{name}", self.query),
            Route("/openapi.json", self.openapi),
        ]

    def _catalogue(self) -> dict[str, SavedQuery]:
        # Read per request: an edited query file is served as it now is.
        try:
            return catalogue(self.queries_dir, check_syntax=False)
        except KgtoolError as error:  # a query file broken while the server runs: ours to fix
            raise HTTPException(500, f"{error}\n") from None

    async def index(self, request: Request) -> Response:
        page = self.templates.get_template("api_index.html")
        return HTMLResponse(page.render(queries=self._catalogue().values(), version=__version__))

    async def query(self, request: Request) -> Response:
        name, dot, extension = request.path_params["name"].rpartition(".")
        if not dot or extension not in DATA_FORMATS:
            name, extension = request.path_params["name"], "html"
        saved = self._catalogue().get(name)
        if saved is None:
            return PlainTextResponse(f"No saved query named '{name}'; /queries/ lists them.\n", 404)
        params = dict(request.query_params)
        if extension == "html":
            return await self._page(saved, params, str(request.base_url).rstrip("/"))
        try:
            result = await asyncio.to_thread(self.answer, saved, params)
        except KgtoolError as error:
            return PlainTextResponse(f"{error}\n", _status(error))
        return Response(render(result, extension), media_type=DATA_FORMATS[extension])

    async def _page(self, saved: SavedQuery, params: dict, base_url: str) -> Response:
        missing = [p.name for p in saved.params if p.default == "" and not params.get(p.name)]
        result, failure, editor = None, None, None
        if not missing:
            try:
                result = await asyncio.to_thread(self.answer, saved, params)
                editor = self.editor_link(saved, params, base_url)
            except KgtoolError as error:
                failure = error
        chosen = {p.name: params.get(p.name, p.default or "") for p in saved.params}
        choices = await asyncio.to_thread(lambda: {p.name: self.allowed(p) for p in saved.params})
        page = self.templates.get_template("api_query.html").render(
            query=saved, result=result, error=failure and str(failure), missing=missing, chosen=chosen,
            choices=choices, query_string=urlencode(params), formats=list(DATA_FORMATS),
            chart=_chart(saved, result), editor=editor, version=__version__,
        )
        return HTMLResponse(page, status_code=_status(failure) if failure else 200)

    async def openapi(self, request: Request) -> Response:
        queries = self._catalogue().values()
        choices = await asyncio.to_thread(lambda: {(q.name, p.name): self.allowed(p) for q in queries for p in q.params})
        return JSONResponse(openapi(queries, choices, str(request.base_url).rstrip("/")))


def _status(error: KgtoolError) -> int:
    """The HTTP status of a failure: the asker's mistake (400), a query past its time
    (503), the engine behind failing (its own 5xx, else 502), anything else ours (500)."""
    if isinstance(error, (ParameterError, UnknownQueryError, InputError)):
        return 400
    if isinstance(error, QueryTimeoutError):
        return 503
    if isinstance(error, EndpointError):
        return error.status if error.status and error.status >= 500 else 502
    return 500


def _chart(saved: SavedQuery, result: QueryResult | None) -> dict | None:
    """Bars for a query whose header names a chart: a label column and a number column."""
    if result is None or not saved.chart:
        return None
    label, value = saved.chart
    bars = [(str(record[label]), json_value(record[value])) for record in result.records()
            if isinstance(json_value(record[value]), (int, float))][:CHART_ROWS]
    if not bars:
        return None
    top = max(number for _, number in bars) or 1
    return {"label": label, "value": value, "bars": [(text, number, number / top) for text, number in bars],
            "more": max(len(result.rows) - CHART_ROWS, 0)}


def _schema(parameter: Parameter, values: list | None) -> dict:
    if parameter.kind == "integer":
        schema = {"type": "integer"}
    else:
        schema = {"type": "string"}
    if values:
        schema["enum"] = values
    if parameter.default:
        schema["default"] = int(parameter.default) if parameter.kind == "integer" else parameter.default
    return schema


def openapi(queries, choices: dict, server: str) -> dict:
    """An OpenAPI 3.1 description: GET /queries/NAME.{csv,tsv,json} for every query."""
    paths = {}
    for query in queries:
        parameters = [{
            "name": p.name, "in": "query", "required": p.default == "", "description": p.description,
            "schema": _schema(p, choices.get((query.name, p.name))),
        } for p in query.params]
        responses = {
            "200": {"description": f"The answer, columns {', '.join(query.columns)}",
                    "content": {DATA_FORMATS[f].split(";")[0]: {} for f in DATA_FORMATS}},
            "400": {"description": "A parameter is unknown, missing, or names nothing in the build"},
            "503": {"description": "The query ran longer than the server's --timeout and was stopped"},
        }
        for extension in DATA_FORMATS:
            paths[f"/queries/{query.name}.{extension}"] = {"get": {
                "operationId": f"{query.name}-{extension}", "summary": query.summary,
                "description": query.description, "tags": list(query.tags), "parameters": parameters,
                "responses": responses,
            }}
    return {
        "openapi": "3.1.0",
        "info": {"title": "icpkg saved queries", "version": __version__,
                 "description": "The saved SPARQL queries of the Industrial Culture Policy Knowledge Graph "
                                "(工业文化政策知识图谱), answered by kgtool serve."},
        "servers": [{"url": server}],
        "paths": paths,
    }
