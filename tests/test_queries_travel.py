"""The saved queries travel: grlc reads every header, SPARQLWrapper sends every file as the
SELECT it is, and a query gives the same rows on Oxigraph, rdflib and Virtuoso — with its
parameters bound, or unbound, falling back to the defaults written into its body.

grlc itself is not installed for these tests: grlc 1.3.11 brings Flask, gunicorn,
PyGithub, python-gitlab and cryptography, pins rdflib==7.6.0, and reads a config file
when imported. `grlc_header` is its header extraction line for line, from CLARIAH/grlc
`src/gquery.py`, `get_yaml_decorators`, at commit f41205baa54852825a90c519025152ead81d4b47
(grlc 1.3.11): every line that starts with "#+", stripped of its leading '#' and '+'
characters, the lines joined with newlines and read with `yaml.safe_load`; a default is
found by `get_defaults` as the one-key mapping with the parameter's name in the list
under `defaults`.
"""

from __future__ import annotations

import warnings
from collections import Counter

import pytest
import yaml
from SPARQLWrapper import JSON, SELECT, SPARQLWrapper

from kgtool.release.push import build_graphs, push
from kgtool.ask.queries import catalogue, evaluate, run_query, with_values

from helpers import REPO, REQUIRED_PARAMETERS, unordered_lists

QUERIES = REPO / "queries"
SAVED = catalogue(QUERIES)
WITH_DEFAULTS = sorted(name for name, query in SAVED.items() if query.params and all(p.default for p in query.params))
# Values other than the defaults, which must change the answer.
OTHER_VALUES = {
    "heritage-lead-agencies": {"theme": "museums"},
    "coverage": {"framework": "cn-2016-guidance"},
    "text-reuse": {"document": "gd-2023-plan"},
}
# The queries compared on the three engines, and how: every query with parameters, as
# written (its defaults), with its defaults bound and with other values bound, or with the
# values it needs; and queries without parameters, as written, from each kind of answer
# (metadata, targets, groups, counts by province, structure). The other parameter-free
# queries are left out for time (rdflib takes 8–12 s for some) or because Virtuoso answers
# them differently for reasons of its own, not of parameters: it mangles a GROUP_CONCAT
# separator or a literal outside ASCII (、, —: carriers-by-province, provincial-additions,
# spirit-mentions, uncertain-names) and disagrees on heritage-targets-vs-register; and
# stated-vs-interpreted counts each document's graph, while a pushed release keeps the
# interpretation apart (graph/CODE/interpretation), so it finds none there on any engine.
AS_WRITTEN = ["documents", "targets", "programmes", "heritage-sites-by-province", "document-structure"]
CASES = (
    [(name, "as written") for name in WITH_DEFAULTS + AS_WRITTEN]
    + [(name, "defaults bound") for name in WITH_DEFAULTS]
    + [(name, "other values bound") for name in sorted(OTHER_VALUES)]
    + [(name, "values given") for name in sorted(REQUIRED_PARAMETERS)]
)


def grlc_header(text: str):
    """The header as grlc reads it (see the module's docstring)."""
    return yaml.safe_load("\n".join(row.lstrip("#+") for row in text.split("\n") if row.startswith("#+")))


def grlc_default(header: dict, name: str):
    return next((entry[name] for entry in header.get("defaults", []) if name in entry), None)


@pytest.mark.parametrize("name", sorted(SAVED))
def test_grlc_reads_every_header_as_kgtool_does(name):
    query = SAVED[name]
    header = grlc_header(query.text)
    assert isinstance(header, dict)
    assert (header["summary"], header["description"]) == (query.summary, query.description)
    assert tuple(header["columns"]) == query.columns and tuple(header.get("tags", ())) == query.tags
    for parameter in query.params:
        assert f"?_{parameter.name}" in query.text  # grlc's parameters are the ?_name variables
        assert str(grlc_default(header, parameter.name) or "") == parameter.default


@pytest.mark.parametrize("name", sorted(SAVED))
def test_sparqlwrapper_sends_every_saved_query_as_written_as_a_select(name):
    client = SPARQLWrapper("http://127.0.0.1:9/sparql")
    client.setQuery(SAVED[name].text)
    assert client.queryType == SELECT
    assert not client.isSparqlUpdateRequest()


def test_sparqlwrapper_misreads_header_lines_without_a_blank_line_between_them():
    # Why every '#+' line of a saved query is followed by a blank line: SPARQLWrapper
    # removes every other line of a run of comments, then takes the first SPARQL keyword
    # in what is left — here the "load" of the description — for the query's form.
    lines = ["#+ summary: s", "#+ description: Load it as an edge list.", "#+ columns: [a]",
             "SELECT ?a WHERE { ?a ?b ?c }"]
    client = SPARQLWrapper("http://127.0.0.1:9/sparql")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client.setQuery("\n".join(lines) + "\n")
    assert client.isSparqlUpdateRequest()
    client.setQuery("\n\n".join(lines) + "\n")
    assert client.queryType == SELECT


@pytest.mark.parametrize("name", WITH_DEFAULTS)
def test_unbound_a_query_answers_with_the_default_written_in_its_body(repository_build, name):
    query = SAVED[name]
    for parameter in query.params:
        (default,) = parameter.terms(parameter.default)
        assert f"COALESCE(?_{parameter.name}, {default})" in query.text
    def rows(result):  # in order, a GROUP_CONCAT's values in any
        return [unordered_lists(row) for row in result.rows]

    unbound = rows(evaluate(repository_build.store, name, query.text, use_default_graph_as_union=True))
    assert unbound == rows(run_query(repository_build, query))
    assert unbound != rows(run_query(repository_build, query, params=OTHER_VALUES[name]))


def test_heritage_lead_agencies_unbound_gives_the_heritage_rows_not_every_theme(repository_build):
    # The case: run elsewhere without a binding, it gave 62 rows (every theme).
    query = SAVED["heritage-lead-agencies"]
    assert len(evaluate(repository_build.store, query.name, query.text, use_default_graph_as_union=True).rows) == 17


@pytest.fixture(scope="module")
def virtuoso_endpoint(virtuoso, repository_build):
    """The build pushed into Virtuoso; its SPARQL endpoint, whose default graph is every graph."""
    push(build_graphs(repository_build), f"{virtuoso}/sparql-auth", f"{virtuoso}/sparql-graph-crud-auth",
         credentials=("dba", "dba"), replace=True)
    return f"{virtuoso}/sparql"


def _text(name: str, case: str) -> str:
    query = SAVED[name]
    if case == "as written":
        return query.text
    given = {"defaults bound": {}, "other values bound": OTHER_VALUES.get(name),
             "values given": REQUIRED_PARAMETERS.get(name)}[case]
    return with_values(query.text, query.bindings(given))


def _on_oxigraph(build, text: str):
    result = evaluate(build.store, "compared", text, use_default_graph_as_union=True)
    return result.columns, [tuple(row.values()) for row in result.rows]


def _on_rdflib(build, text: str):
    result = build.dataset().query(text)
    return [str(variable) for variable in result.vars], [
        tuple("" if value is None else str(value) for value in row) for row in result
    ]


def _on_virtuoso(endpoint: str, text: str):
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)  # as the file is written: its header and all
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    columns = answer["head"]["vars"]
    return columns, [tuple(b.get(c, {}).get("value", "") for c in columns) for b in answer["results"]["bindings"]]


def _comparable(answer):
    # Rows in any order, and a GROUP_CONCAT's values in any order: SPARQL fixes neither
    # for rows an ORDER BY ties or for the values of a group.
    columns, rows = answer
    return columns, Counter(unordered_lists(dict(zip(columns, row))) for row in rows)


@pytest.mark.parametrize(("name", "case"), CASES)
def test_a_saved_query_gives_the_same_rows_on_oxigraph_rdflib_and_virtuoso(repository_build, virtuoso_endpoint,
                                                                             name, case):
    text = _text(name, case)
    oxigraph = _comparable(_on_oxigraph(repository_build, text))
    assert sum(oxigraph[1].values()) > 0
    assert _comparable(_on_rdflib(repository_build, text)) == oxigraph
    assert _comparable(_on_virtuoso(virtuoso_endpoint, text)) == oxigraph


def test_the_readme_shows_a_header_as_its_file_has_it():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("`heritage-lead-agencies.rq` begins:\n\n```\n", 1)[1].split("\n```", 1)[0].split("\n")
    written = SAVED["heritage-lead-agencies"].text.split("\n")[: len(shown)]
    elided = [line.removesuffix(" …") for line in shown]
    assert all(line == original or (line != shown_line and original.startswith(line))
               for line, shown_line, original in zip(elided, shown, written))
